"""``LLMPlanner``: any OpenAI-compatible chat endpoint behind the same ``decide(state, recall)``.

One decision, end to end:

1. the prompt is built from the Recall list under a token budget (:mod:`.prompt`);
2. the model is asked through the real ``openai`` client, whose own retry (exponential backoff,
   honouring ``retry-after``) covers timeouts, 429 and 5xx (each attempt's timeout sized from the
   model's measured latency unless fixed, :mod:`.llm_timeout`); answers are cached in SQLite keyed by
   the full request (:mod:`.llm_cache`), so a recorded run replays exactly with no model;
   Memory shapes what the model chooses from before it reads anything (:mod:`.llm_memory`): the
   commands memory rules out leave the list, the rest stand most promising first, and the
   shortcuts offered (a verified case among them, as ``follow``) are those that can start now;
3. the answer is parsed (JSON object or tool call) and grounded to an admissible command
   (:mod:`.grounding`): used as is, repaired when unambiguous, otherwise the model is re-asked
   once with the error; if that fails too (or the endpoint does), the step records the error and
   the offline planner decides it. Only admissible commands ever leave this planner.

Every decision carries its ledger (``Decision.llm``): calls, cache hits, prompt and completion
tokens as the endpoint reported them, the prompt's own tiktoken count, latency, cost (when a
price table is configured), and the outcome (``ok``, ``repaired``, ``reasked``, ``fallback``); what
memory removed and whether the model took the first command listed (``memory``); and the prompt's
reuse: the tokens the server said it took from its cache (``usage.prompt_tokens_details.
cached_tokens``, llama.cpp's ``timings.cache_n``) and engram's own count of the prefix it shares
with the previous call (``shared_prefix_tokens``). Local servers are sent ``cache_prompt`` (llama.cpp
keeps the KV of the common prefix); the response cache's key leaves it out, since it changes no
answer.

``reflect(goal, steps, won)`` asks for one short lesson at episode end (Reflexion, ExpeL); the
controller stores it in the episode record and the skills module keeps it as a tip with utility
counters. Tips are prompt text: nothing ever executes them.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict, cast

from engram.agents.planners.base import Decision, DecisionLedger, Planner, PlannerState
from engram.agents.planners.grounding import (
    Choice,
    ReplyError,
    bind_skill,
    ground_action,
    ground_prose,
    json_objects,
    parse_reply,
)
from engram.agents.planners.llm_cache import CacheMiss, EpisodeMemoryKey, ResponseCache
from engram.agents.planners.llm_memory import FOLLOW, ORDERS, shape
from engram.agents.planners.llm_response import (
    CalledTool,
    ChatRequest,
    Exchange,
    Grounding,
    Message,
    NamedSchema,
    Parsed,
    ToolCall,
    read_response,
)
from engram.agents.planners.llm_schema import TOOLS, Schema, answer_schema, quote_safe
from engram.agents.planners.llm_timeout import LatencyTimeout
from engram.agents.planners.prompt import (
    build_decide_prompt,
    build_reask,
    build_reflect_prompt,
    count_tokens,
    holds_for_episode,
    message_tokens,
)
from engram.agents.records import StepRecord
from engram.envs.core import Goal
from engram.memory.base import Recall, SkillPayload
from engram.memory.migrate import recall_v0

FORMATS = ("json", "tools", "text", "schema")


class LLMConfigError(ValueError):
    """The LLM planner's configuration cannot work (no endpoint, no key, bad values)."""


@dataclass
class LLMConfig:
    model: str
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    #: seconds per attempt; None: sized from the model's measured latency (see llm_timeout)
    timeout: float | None = None
    max_retries: int = 3  # the client's retries on timeouts, connection errors, 408/409/429/5xx
    temperature: float = 0.0
    max_tokens: int = 300
    budget: int = 2000  # prompt tokens (tiktoken cl100k)
    #: json (JSON mode) | tools (tool calls) | text (JSON asked for, no JSON mode) | schema (structured
    #: outputs: a JSON schema whose action is an enum of the admissible commands)
    format: str = "json"
    cache: str | None = None  # SQLite response cache
    cache_only: bool = False  # replay: answer from the cache, never call the endpoint
    price_in: float | None = None  # per million prompt tokens
    price_out: float | None = None  # per million completion tokens
    reflect: bool = True
    #: how the commands are listed: memory (most promising first), env (as offered), shuffle (seeded;
    #: memory's pruning kept): the last tells what memory's order does from what the model does
    order: str = "memory"
    #: send llama.cpp's ``cache_prompt``; None: to servers on this machine (loopback), where the
    #: llama.cpp family and vLLM take or ignore it, and not to hosted APIs that refuse unknown fields
    cache_prompt: bool | None = None
    #: stable (what changes least first: a server reuses the prefix) | priority (the layout before it)
    layout: str = "stable"

    def __post_init__(self) -> None:
        if not self.model.strip():
            raise LLMConfigError("the LLM planner needs --model")
        if self.format not in FORMATS:
            raise LLMConfigError(f"unknown answer format {self.format!r}; choose {', '.join(FORMATS)}")
        if self.budget < 200:
            raise LLMConfigError(f"a prompt budget of {self.budget} tokens cannot hold a task; use >= 200")
        if (self.timeout is not None and self.timeout <= 0) or self.max_retries < 0 or self.max_tokens <= 0:
            raise LLMConfigError("timeout and max_tokens must be positive, max_retries >= 0")
        if self.layout not in ("stable", "priority"):
            raise LLMConfigError(f"unknown prompt layout {self.layout!r}; choose stable or priority")
        if self.order not in ORDERS:
            raise LLMConfigError(f"unknown order {self.order!r}; choose {', '.join(ORDERS)}")
        if self.cache_only and not self.cache:
            raise LLMConfigError("cache-only (replay) needs a response cache")

    def public(self) -> LLMConfigJSON:
        """What the manifest records (everything but secrets, which are never in the config)."""
        return cast(LLMConfigJSON, asdict(self))


class LLMConfigJSON(TypedDict):
    """:meth:`LLMConfig.public`: the manifest's ``llm`` (``LLMConfig(**it)`` reads it back)."""

    model: str
    base_url: str | None
    api_key_env: str
    timeout: float | None
    max_retries: int
    temperature: float
    max_tokens: int
    budget: int
    format: str
    cache: str | None
    cache_only: bool
    price_in: float | None
    price_out: float | None
    reflect: bool
    order: str
    cache_prompt: bool | None
    layout: str


class Tokens(TypedDict):
    prompt: int
    completion: int


class Reflection(TypedDict):
    """:meth:`LLMPlanner.reflect`: the lesson (``tip``, "" for none) and the call's ledger, kept as
    ``episode.json``'s ``reflection``."""

    tip: str
    won: bool
    task_type: str
    tokens: Tokens
    counted_prompt_tokens: int
    latency_s: float
    cost: float
    cached: bool
    error: str | None
    messages: list[Message]
    answer: str | None


@dataclass
class Call:
    """One model answer (or failure) with its ledger entry."""

    content: str | None = None  # the answer, reasoning taken out
    tool_calls: list[CalledTool] | None = None
    finish_reason: str = ""  # "stop", "length" (cut off at max_tokens), "tool_calls", ...
    reasoning: str = ""  # a reasoning model's thinking (reasoning_content, <think> blocks): trace only
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cached: bool = False
    error: str = ""
    server_cached_tokens: int | None = None  # prompt tokens the server took from its cache, where it says


@dataclass
class Ledger:
    calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cost: float = 0.0
    errors: list[str] = field(default_factory=list)
    finish_reasons: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)

    def add(self, call: Call, config: LLMConfig) -> None:
        self.calls += 1
        self.cache_hits += call.cached
        self.prompt_tokens += call.prompt_tokens
        self.completion_tokens += call.completion_tokens
        self.latency_s += call.latency_s
        if not call.cached and config.price_in is not None:
            self.cost += call.prompt_tokens * config.price_in / 1e6
            self.cost += call.completion_tokens * (config.price_out or 0.0) / 1e6
        if call.error:
            self.errors.append(call.error)
        else:
            self.finish_reasons.append(call.finish_reason)
        if call.reasoning:
            self.reasoning.append(call.reasoning)


def _loopback(base_url: str | None) -> bool:
    from urllib.parse import urlsplit

    host = urlsplit(base_url or "").hostname or ""
    return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")


def _as_text(messages: list[Message]) -> str:
    """The messages as one text in order, as a chat template lays them out (roles and contents)."""
    return "".join(f"<{m.get('role')}>{m.get('content') or ''}" for m in messages)


def shared_prefix(a: str, b: str) -> str:
    n, i = min(len(a), len(b)), 0
    while i < n and a[i] == b[i]:
        i += 1
    return a[:i]


def _reask(call: Call, problem: str) -> list[Message]:
    """The messages that put an unusable answer back to the model: its own turn as it came (tool
    calls as tool calls, each answered by a ``tool`` message with the problem, which is what a
    server's chat template expects after a call), or its text and a user message."""
    if call.tool_calls:
        calls: list[ToolCall] = []
        for tc in call.tool_calls:
            arguments = tc["arguments"] if isinstance(tc["arguments"], str) else json.dumps(tc["arguments"])
            calls.append({"id": tc["id"], "type": "function", "function": {"name": tc["name"], "arguments": arguments}})
        answers: list[Message] = [
            {"role": "tool", "tool_call_id": tc["id"], "content": build_reask(problem)} for tc in calls
        ]
        return [{"role": "assistant", "content": call.content, "tool_calls": calls}, *answers]
    return [
        {"role": "assistant", "content": (call.content or "")[:2000]},
        {"role": "user", "content": build_reask(problem)},
    ]


class LLMPlanner:
    """The Planner protocol over an OpenAI-compatible endpoint, with an offline fallback."""

    def __init__(self, config: LLMConfig, fallback: Planner, rewrites: tuple[tuple[str, str], ...] = ()) -> None:
        self.config, self.fallback = config, fallback
        self.rewrites = rewrites  # the env's domain says how a model may phrase its commands otherwise
        self.name = f"llm:{config.model}"
        self.cache = ResponseCache(config.cache) if config.cache else None
        #: how the server takes a JSON schema: "openai" (response_format json_schema) or
        #: "json_object" (llama-cpp-python's {"type": "json_object", "schema": ...}); None until known
        self.schema_style: str | None = None
        #: enum values as the last schema request spelled them for the server -> the real values
        self.aliases: dict[str, str] = {}
        self.timeouts = LatencyTimeout(fixed=config.timeout)
        self.cache_prompt = config.cache_prompt if config.cache_prompt is not None else _loopback(config.base_url)
        self._previous = ""  # the last prompt sent, as text: what the next one can share a prefix with
        self._episode: dict[tuple[str, str, int], list[Recall]] = {}  # the running episode's memory part
        self._client: Any = None  # an openai.OpenAI (imported only when there is an endpoint)
        if not config.cache_only:
            key = os.environ.get(config.api_key_env)
            if not key and not config.base_url:
                raise LLMConfigError(
                    f"no endpoint: set {config.api_key_env} for api.openai.com, or pass --base-url for another "
                    "OpenAI-compatible server"
                )
            from openai import OpenAI

            # Local servers (vLLM, Ollama, LM Studio) accept any key; the client insists on one.
            self._client = OpenAI(api_key=key or "not-needed", base_url=config.base_url,
                                  timeout=self.timeouts.current(), max_retries=config.max_retries)  # fmt: skip

    # -- one call ----------------------------------------------------------------------------
    def _request(self, messages: list[Message], tools: bool, skills: bool, schema: Schema | None = None) -> ChatRequest:
        c = self.config
        self.aliases = {}
        request: ChatRequest = {"model": c.model, "messages": messages, "temperature": c.temperature,
                                "max_tokens": c.max_tokens}  # fmt: skip
        if tools:
            # use_skill only with shortcuts on offer: a small model calls any tool it is shown.
            request["tools"], request["tool_choice"] = (TOOLS if skills else TOOLS[:1]), "auto"
        elif schema is not None and self.schema_style == "json_object":
            # This dialect's grammar cannot hold an enum value with a backslash in its JSON form.
            safe, self.aliases = quote_safe(schema)
            request["response_format"] = {"type": "json_object", "schema": safe}
        elif schema is not None:
            structured: NamedSchema = {"name": "decision", "strict": True, "schema": schema}
            request["response_format"] = {"type": "json_schema", "json_schema": structured}
        elif c.format in ("json", "schema"):  # "text": the same instructions, for servers without JSON mode
            request["response_format"] = {"type": "json_object"}
        return request

    def call(
        self,
        messages: list[Message],
        tools: bool = False,
        skills: bool = False,
        schema: Schema | None = None,
    ) -> Call:
        """Ask the model (or the cache). Endpoint failures come back as ``Call.error``, not raised."""
        request = self._request(messages, tools, skills, schema)
        t0 = time.perf_counter()
        response = self.cache.get(request) if self.cache is not None else None
        if response is None and schema is not None and self.schema_style is None and self.cache is not None:
            self.schema_style = "json_object"  # a replay of a run against llama-cpp-python's server
            request = self._request(messages, tools, skills, schema)
            response = self.cache.get(request)
            if response is None:  # not a replay of that: find out from the server
                self.schema_style = None
                request = self._request(messages, tools, skills, schema)
        cached = response is not None
        if response is None:
            if self._client is None:
                return Call(error=str(CacheMiss("no cached answer for this request (cache-only replay)")))
            import openai

            if schema is not None and self.schema_style is None:
                request, response = self._first_schema_call(request, messages, tools, skills, schema)
            try:
                if response is None:
                    response = self._create(request)
            except (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError) as exc:
                # Every later call would fail the same way: stop the run (its checkpoint keeps it) and say why.
                raise LLMConfigError(
                    f"the endpoint refused the configuration (model {self.config.model!r}, "
                    f"base URL {self.config.base_url or 'api.openai.com'}): {exc}"
                ) from exc
            except Exception as exc:  # the endpoint's failure is data for this step, whatever its type
                if isinstance(exc, openai.APITimeoutError):
                    self.timeouts.timed_out()
                return Call(latency_s=time.perf_counter() - t0, error=f"endpoint: {type(exc).__name__}: {exc}"[:500])
        try:
            reply = read_response(response)
        except ValueError as exc:
            return Call(latency_s=time.perf_counter() - t0, error=f"endpoint: malformed response ({exc})"[:500])
        out = Call(content=reply.content, tool_calls=reply.tool_calls or None, finish_reason=reply.finish_reason,
                   reasoning=reply.reasoning, prompt_tokens=reply.usage[0], completion_tokens=reply.usage[1],
                   latency_s=time.perf_counter() - t0, cached=cached,
                   server_cached_tokens=reply.cached_tokens)  # fmt: skip
        if not cached:
            self.timeouts.answered(out.latency_s)
            if self.cache is not None:
                self.cache.put(request, response)
        return out

    def _create(self, request: ChatRequest) -> dict[str, object]:
        """One request through the client (its retries included), with ``cache_prompt`` where it is
        sent; a server that refuses that field is asked again without it, and never sent it again.
        The completion comes back as the JSON the server sent (open: :func:`read_response` checks it)."""
        import openai

        extra = {"extra_body": {"cache_prompt": True}} if self.cache_prompt else {}
        try:
            answer = self._client.chat.completions.create(**request, **extra, timeout=self.timeouts.current())
        except openai.BadRequestError as exc:
            if not extra or "cache_prompt" not in str(exc):
                raise
            self.cache_prompt = False
            answer = self._client.chat.completions.create(**request, timeout=self.timeouts.current())
        return dict(answer.model_dump(mode="json", warnings=False))

    def _first_schema_call(
        self, request: ChatRequest, messages: list[Message], tools: bool, skills: bool, schema: Schema
    ) -> tuple[ChatRequest, dict[str, object] | None]:  # the request, and the completion as sent (unchecked)
        """The first request with a schema also finds out how this server takes one. OpenAI's
        ``json_schema`` form is the standard (the OpenAI API, vLLM, llama.cpp's own server);
        llama-cpp-python's server refuses it (HTTP 500: "should be 'text' or 'json_object'") and
        takes ``{"type": "json_object", "schema": ...}``. Sent once without the client's retries:
        accepted, it is the answer; refused for that reason, the other form is used from then on;
        any other failure goes to the ordinary call, retries and all."""
        import openai

        try:
            client = self._client.with_options(max_retries=0)
            extra = {"extra_body": {"cache_prompt": True}} if self.cache_prompt else {}
            once = client.chat.completions.create(**request, **extra, timeout=self.timeouts.current())
            self.schema_style = "openai"
            return request, once.model_dump(mode="json", warnings=False)
        except openai.APIStatusError as exc:
            if "json_object" in str(exc) or "json_schema" in str(exc):
                self.schema_style = "json_object"
                return self._request(messages, tools, skills, schema), None
        except Exception:  # unreachable or slow: the ordinary call meets it again and records it
            pass
        return request, None

    # -- decide ------------------------------------------------------------------------------
    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        c = self.config
        # Memory acts on what the model chooses from, not only on what it reads (see llm_memory).
        choices = shape(state, recall, c.order, seed=state.seed)
        admissible, offered = choices.commands, choices.shortcuts
        shown = self._episode_memory(state, recall) if c.layout == "stable" else recall
        prompt = build_decide_prompt(state, shown, c.budget, c.format, choices, c.layout)
        ledger, messages = Ledger(), list(prompt.messages)
        schema = answer_schema(admissible, offered) if c.format == "schema" else None
        text = _as_text(prompt.messages)
        shared = count_tokens(shared_prefix(text, self._previous)) if self._previous else 0
        self._previous = text
        server_cached: list[int] = []
        outcome, problem = "ok", ""
        timeout_s = self.timeouts.current()
        decision: Decision | None = None
        exchange: list[Exchange] = []  # what was sent and what came back, per call (the viewer shows it)
        for attempt in range(2):  # the first answer, then one re-ask with the error
            call = self.call(messages, tools=c.format == "tools", skills=bool(offered), schema=schema)
            ledger.add(call, c)
            if call.server_cached_tokens is not None and not call.cached:
                server_cached.append(call.server_cached_tokens)
            sent: Exchange = {
                "messages": messages,
                "answer": call.content,
                "tool_calls": call.tool_calls,
                "finish_reason": call.finish_reason,
                "cached": call.cached,
                "error": call.error or None,
            }
            exchange.append(sent)
            if call.error:
                problem = call.error
                break  # the client already retried; asking again now would only repeat that
            try:
                decision, grounding = self._ground(call, admissible, offered)
                sent["grounding"] = grounding
                outcome = "reasked" if attempt else ("repaired" if grounding["repaired_from"] else "ok")
                break
            except ReplyError as exc:
                problem = str(exc)
                sent["grounding"] = {"problem": problem}
                ledger.errors.append(problem)
                messages = [*prompt.messages, *_reask(call, problem)]
        called = ""
        if decision is None:
            outcome = "fallback"
            decision = self.fallback.decide(state, recall)
            decision.error = f"llm: {problem}; the offline planner decided this step"
        elif decision.skill:
            called = str(decision.skill["name"])
        decision.tokens = {"prompt": ledger.prompt_tokens, "completion": ledger.completion_tokens}
        # what memory did to the choices, and whether the model took the first one listed
        memory = choices.record(decision.action, called) if outcome != "fallback" else choices.record("", "")
        usage: DecisionLedger = {
            "model": c.model,
            "outcome": outcome,
            "calls": ledger.calls,
            "cache_hits": ledger.cache_hits,
            "prompt_tokens": ledger.prompt_tokens,
            "completion_tokens": ledger.completion_tokens,
            "counted_prompt_tokens": prompt.tokens,
            "budget": prompt.budget,
            "over_budget": prompt.over_budget,
            "dropped": prompt.dropped,
            "latency_s": round(ledger.latency_s, 6),
            "timeout_s": round(timeout_s, 1),  # what this step's first call was allowed
            "cost": round(ledger.cost, 8),
            "errors": ledger.errors,  # every endpoint failure and unusable answer, in order
            "finish_reasons": ledger.finish_reasons,  # per call: "length" is an answer cut off at max_tokens
            "reasoning": "\n\n".join(ledger.reasoning)[:4000],  # what a reasoning model thought; never grounded
            "exchange": exchange,
            "memory": memory,
            "shared_prefix_tokens": shared,  # engram's count: tokens this prompt shares with the last one
            "server_cached_tokens": sum(server_cached) if server_cached else None,  # as the server said
        }
        if schema is not None:
            usage["schema_style"] = self.schema_style  # how this server took the schema
        decision.llm = usage
        return decision

    def _episode_memory(self, state: PlannerState, recall: list[Recall]) -> list[Recall]:
        """``recall`` with its episode part (:func:`~.prompt.holds_for_episode`: all but progress and
        memory's choices) as it was at this episode's first decision. Memory modules update their
        counts and places as the episode goes ("5 of 5 times" after "4 of 4"), and each such change
        early in the prompt made the server evaluate everything after it again; what they learn
        meanwhile still orders and prunes the commands at every step. The snapshot is kept in the
        response cache where there is one, so a run resumed mid-episode, or replayed, asks exactly
        what the uninterrupted run asked."""
        key = state.episode_id, state.world_id, state.seed
        # The run is in the key: runs sharing one cache (a study's arms) have the same episode ids.
        pseudo: EpisodeMemoryKey = {"engram_episode_memory": [state.run_id, *key, state.goal.text]}
        if key not in self._episode:
            stored = self.cache.get(pseudo) if self.cache is not None else None
            if stored is not None:
                # a cache written before memory's payloads spoke of holders reads in today's keys
                self._episode = {key: [Recall(**recall_v0(r)) for r in stored["recalls"]]}
            else:
                self._episode = {key: [r for r in recall if holds_for_episode(r)]}
                if self.cache is not None and not self.config.cache_only:  # a replay writes nothing
                    self.cache.put(pseudo, {"recalls": [r.to_json() for r in self._episode[key]]})
        return [*self._episode[key], *(r for r in recall if not holds_for_episode(r))]

    def _ground(
        self, call: Call, admissible: list[str], offered: dict[str, SkillPayload]
    ) -> tuple[Decision, Grounding]:
        """The decision an answer grounds to, and how: what was parsed out of it, the command it
        became, and the model's own words when they had to be repaired."""
        choice: Choice = parse_reply(call.content, call.tool_calls, truncated=call.finish_reason == "length")
        if self.aliases:  # what the server was given for a command it could not take as written
            choice.action = self.aliases.get(choice.action, choice.action)
            choice.args = {k: self.aliases.get(v, v) for k, v in choice.args.items()}
        parsed = cast(Parsed, {k: v for k, v in asdict(choice).items() if v})
        if choice.skill:
            skill = bind_skill(choice, offered, admissible)
            why = choice.rationale or f"shortcut {choice.skill!r}"
            follows = skill["follows"] = "case" if skill["name"] == FOLLOW else "shortcut"
            decision = Decision(action=skill["steps"][0], rationale=why, subgoal=choice.subgoal, skill=skill,
                                follows=follows)  # fmt: skip
            return decision, {"parsed": parsed, "action": decision.action, "skill": skill["name"], "repaired_from": ""}
        grounded = (ground_action(choice.action, admissible, self.rewrites) if choice.action
                    else ground_prose(choice.prose, admissible))  # fmt: skip
        rationale = choice.rationale
        if grounded.repaired_from:
            rationale = f"{rationale} [repaired from {grounded.repaired_from[:120]!r}]".strip()
        decision = Decision(action=grounded.action, rationale=rationale, subgoal=choice.subgoal)
        return decision, {"parsed": parsed, "action": grounded.action, "repaired_from": grounded.repaired_from}

    # -- reflect -----------------------------------------------------------------------------
    def reflect(self, goal: Goal, steps: Sequence[StepRecord], won: bool) -> Reflection | None:
        """One lesson from a finished episode, with its ledger; None when reflection is off.

        A bad answer is recorded (``error``) and yields no tip: a lesson is only worth keeping when
        the model actually wrote one."""
        if not self.config.reflect:
            return None
        messages: list[Message] = [{"role": "user", "content": build_reflect_prompt(goal, steps, won)}]
        call = self.call(messages)
        ledger = Ledger()
        ledger.add(call, self.config)
        out: Reflection = {"tip": "", "won": won, "task_type": goal.task_type,
                           "tokens": {"prompt": call.prompt_tokens, "completion": call.completion_tokens},
                           "counted_prompt_tokens": message_tokens(messages),
                           "latency_s": round(call.latency_s, 6), "cost": round(ledger.cost, 8),
                           "cached": call.cached, "error": call.error or None,
                           "messages": messages, "answer": call.content}  # fmt: skip
        if call.error:
            return out
        tip = next((o["tip"] for o in json_objects(call.content or "") if isinstance(o, dict) and "tip" in o), None)
        if not isinstance(tip, str) or not tip.strip():
            out["error"] = 'reflection: no JSON object with a "tip" string in the answer'
            return out
        out["tip"] = " ".join(tip.split())[:300]
        return out
