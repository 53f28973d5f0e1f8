"""The OpenAI chat wire format as engram speaks it (:class:`Message`, :class:`ChatRequest`,
:class:`ChatCompletion`), and reading a chat completion: whatever a server sent, either a
:class:`Reply` or a ValueError that says what was wrong. Kept apart from the planner because servers
differ in the details (reasoning fields, cached-token reports) and each difference is a few lines
here, not in ``llm.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Required, TypedDict

from engram.agents.planners.grounding import ToolCall as CalledTool  # a tool call as read from an answer
from engram.agents.planners.grounding import split_reasoning
from engram.agents.planners.llm_schema import Schema, Tool


# -- what goes over the wire ----------------------------------------------------------------------
class FunctionCall(TypedDict):
    name: str
    arguments: str  # the arguments' JSON text


class ToolCall(TypedDict):
    """A tool call as an assistant message carries it."""

    id: str
    type: Literal["function"]
    function: FunctionCall


class Message(TypedDict, total=False):
    """One chat message: the prompt's, a model's answer put back to it, a tool's reply."""

    role: Required[Literal["system", "user", "assistant", "tool"]]
    content: Required[str | None]
    tool_calls: list[ToolCall]  # an assistant's
    tool_call_id: str  # the call a tool message answers
    reasoning_content: str  # a reasoning server's thinking, beside an answer's content


class NamedSchema(TypedDict):
    name: str
    strict: bool
    schema: Schema


class ResponseFormat(TypedDict, total=False):
    """JSON mode (``json_object``, with llama-cpp-python's ``schema``), or structured outputs."""

    type: Required[Literal["json_object", "json_schema"]]
    schema: Schema
    json_schema: NamedSchema


class ChatRequest(TypedDict, total=False):
    """A chat-completion request as engram sends it (and keys its response cache by)."""

    model: Required[str]
    messages: Required[list[Message]]
    temperature: float
    max_tokens: int
    tools: list[Tool]
    tool_choice: Literal["auto"]
    response_format: ResponseFormat


class CachedTokens(TypedDict):
    cached_tokens: int


class Usage(TypedDict, total=False):
    prompt_tokens: Required[int]
    completion_tokens: Required[int]
    total_tokens: Required[int]
    prompt_tokens_details: CachedTokens  # OpenAI and vLLM


class CompletionChoice(TypedDict):
    index: int
    message: Message
    finish_reason: str


class ChatCompletion(TypedDict, total=False):
    """A chat completion as a server writes it (what a client reads is checked by :func:`read_response`)."""

    id: str
    object: str
    created: int
    model: str
    choices: list[CompletionChoice]
    usage: Usage
    timings: dict[str, float]  # llama.cpp's server: prompt_n, cache_n, ...


# -- what a decision records of it ----------------------------------------------------------------
class Parsed(TypedDict, total=False):
    """What grounding parsed out of an answer (:class:`~.grounding.Choice`'s fields that it filled)."""

    action: str
    skill: str
    args: dict[str, str]
    rationale: str
    subgoal: str
    prose: str


class Grounding(TypedDict, total=False):
    """How an answer became a command: what was parsed, the command, the shortcut, the model's own
    words when they had to be repaired; or the ``problem`` that made it unusable."""

    parsed: Parsed
    action: str
    skill: str
    repaired_from: str
    problem: str


class Exchange(TypedDict, total=False):
    """One call of a decision: what was sent and what came back (the viewer shows it)."""

    messages: list[Message]
    answer: str | None
    tool_calls: list[CalledTool] | None
    finish_reason: str
    cached: bool
    error: str | None
    grounding: Grounding


@dataclass
class Reply:
    """What one completion said."""

    content: str | None
    tool_calls: list[CalledTool]
    usage: tuple[int, int]  # (prompt, completion) tokens as the server reported them
    finish_reason: str
    reasoning: str
    cached_tokens: int | None = None  # prompt tokens served from the server's cache, where it reports them


def read_response(response: object) -> Reply:
    """A chat completion (as JSON) -> content, tool calls, tokens, finish reason and reasoning.

    Servers send anything: no choices, a null message, numbers for text. Every shape that is not
    a usable completion raises ValueError with what was wrong."""
    if not isinstance(response, dict):
        raise ValueError(f"the body is {type(response).__name__}, not a completion object")
    choices = response.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise ValueError("no choices in the completion")
    message = choices[0].get("message")
    if not isinstance(message, dict):
        raise ValueError("the first choice has no message")
    content = message.get("content")
    if content is not None and not isinstance(content, str):
        raise ValueError(f"the message content is {type(content).__name__}, not text")
    calls: list[CalledTool] = []
    for tc in message.get("tool_calls") or []:
        function = tc.get("function") if isinstance(tc, dict) else None
        if not isinstance(function, dict) or not isinstance(function.get("name"), str):
            raise ValueError("a tool call without a function name")
        calls.append({"id": str(tc.get("id") or f"call_{len(calls)}"), "name": function["name"],
                      "arguments": function.get("arguments")})  # fmt: skip
    finish = choices[0].get("finish_reason")
    # Reasoning servers put the thinking in its own field (vLLM, DeepSeek: reasoning_content;
    # some: reasoning) or inline in <think> blocks; either way it is not the answer.
    thought = message.get("reasoning_content") or message.get("reasoning")
    answer, inline = split_reasoning(content) if content is not None else (None, "")
    reasoning = "\n\n".join(t for t in (thought if isinstance(thought, str) else "", inline) if t)
    usage = response.get("usage")
    usage = usage if isinstance(usage, dict) else {}

    def tokens(key: str) -> int:
        value = usage.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0

    # OpenAI and vLLM: usage.prompt_tokens_details.cached_tokens; llama.cpp's server: timings.cache_n.
    details, timings = usage.get("prompt_tokens_details"), response.get("timings")
    cached = details.get("cached_tokens") if isinstance(details, dict) else None
    if cached is None and isinstance(timings, dict):
        cached = timings.get("cache_n")
    cached = cached if isinstance(cached, int) and not isinstance(cached, bool) and cached >= 0 else None
    return Reply(answer, calls, (tokens("prompt_tokens"), tokens("completion_tokens")),
                 finish if isinstance(finish, str) else "", reasoning, cached)  # fmt: skip
