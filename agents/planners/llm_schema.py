"""The JSON schema of a decision (``--llm-format schema``), and how it is written for servers that
compile schemas into grammars badly.

OpenAI structured outputs (``response_format: json_schema``) make the server's decoder follow the
schema: with the action an enum of the admissible commands, every answer is admissible by
construction. llama-cpp-python's server takes the schema in its own dialect (``{"type":
"json_object", "schema": ...}``) and turns it into a llama.cpp grammar, escaping only ``"``, CR and
LF in literals: an enum value whose JSON form has a backslash (any command with a ``"`` in it, such
as MiniWoB's ``type [6] "PREVIOUS"``) gives a grammar it cannot parse, and the server process died
on it (segfault), measured with 0.3.36. :func:`quote_safe` writes such values without ``"`` or
``\\`` for that dialect, and the planner maps the answer back.
"""

from __future__ import annotations

import json
from typing import Literal, TypedDict, cast

from engram.memory.base import SkillPayload
from engram.memory.procedures import ground, slots_of

#: the longest rationale or subgoal a schema answer may write: the action comes first and is short, so
#: an answer cut off at max_tokens has its action already
SCHEMA_TEXT_CHARS = 200


class Schema(TypedDict, total=False):
    """The part of JSON Schema engram writes: answer schemas and tool parameters."""

    type: str
    description: str
    enum: list[str]
    maxLength: int
    properties: dict[str, Schema]
    required: list[str]
    additionalProperties: bool | Schema
    anyOf: list[Schema]


class ToolFunction(TypedDict):
    name: str
    description: str
    parameters: Schema


class Tool(TypedDict):
    """A tool offered in a request's ``tools``."""

    type: Literal["function"]
    function: ToolFunction


#: the two tools offered in ``tools`` format. Free text is bounded: llama-cpp-python's
#: ``chatml-function-calling`` writes the arguments under a grammar without ``max_tokens``, and a
#: small model's unbounded rationale ran to the end of the context (2,839 tokens, 97 s, then HTTP 400).
TOOLS: list[Tool] = [
    {
        "type": "function",
        "function": {
            "name": "act",
            "description": "Execute one admissible command.",
            "parameters": {
                "type": "object",
                "properties": {
                    "action": {"type": "string", "description": "exactly one of the admissible commands"},
                    "rationale": {"type": "string", "maxLength": SCHEMA_TEXT_CHARS},
                    "subgoal": {"type": "string", "maxLength": SCHEMA_TEXT_CHARS},
                },
                "required": ["action"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "use_skill",
            "description": "Run one of the offered shortcuts with its placeholders bound.",
            "parameters": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "args": {"type": "object", "additionalProperties": {"type": "string"}},
                    "rationale": {"type": "string", "maxLength": SCHEMA_TEXT_CHARS},
                    "subgoal": {"type": "string", "maxLength": SCHEMA_TEXT_CHARS},
                },
                "required": ["name", "args"],
            },
        },
    },
]


def answer_schema(admissible: list[str], offered: dict[str, SkillPayload]) -> Schema:
    """The JSON schema of a decision, sent as OpenAI structured outputs (``response_format:
    json_schema``; llama.cpp's server compiles it to a grammar, vLLM to guided decoding): the action
    is one of the admissible commands, or a skill is one of the shortcuts on offer with each
    argument one of the values that make its first step admissible. Every answer that follows it
    is admissible by construction."""
    text: Schema = {"type": "string", "maxLength": SCHEMA_TEXT_CHARS}
    act: Schema = {"type": "object", "properties": {"action": {"type": "string", "enum": list(admissible)},
                                            "rationale": text, "subgoal": text},
           "required": ["action"], "additionalProperties": False}  # fmt: skip
    options = [act]
    for name, content in offered.items():
        values = skill_arguments(content, admissible)
        if values is None:
            continue  # its first step cannot start here: not on offer in this state
        args: dict[str, Schema] = {
            slot: ({"type": "string", "enum": sorted(v)} if v else {"type": "string"}) for slot, v in values.items()
        }
        options.append({"type": "object", "properties": {"skill": {"type": "string", "enum": [name]},
                        "args": {"type": "object", "properties": args, "required": list(args),
                                 "additionalProperties": False}, "rationale": text, "subgoal": text},
                        "required": ["skill", "args"], "additionalProperties": False})  # fmt: skip
    return options[0] if len(options) == 1 else {"anyOf": options}


def skill_arguments(content: SkillPayload, admissible: list[str]) -> dict[str, set[str]] | None:
    """Per placeholder of a shortcut, the values that make its first step an admissible command
    (empty: any value, for placeholders the first step does not use); None if none does. A slot
    the shortcut's ``kinds`` name takes only an instance of that kind ({drawer}: "drawer 2")."""
    steps = [str(x) for x in content.get("steps", [])]
    if not steps:
        return None
    kinds = content.get("kinds")
    if kinds is None and content.get("family"):  # a GUI procedure: its {q0} is the utterance's, no command's
        kinds = {slot: slot for slot in slots_of(steps)}
    kinds = kinds or {}

    def fits(entity: str, slot: str) -> bool:
        return slot not in kinds or entity.rsplit(" ", 1)[0] == kinds[slot]

    bindings = ground(steps[0], admissible, {}, fits)
    if not bindings:
        return None
    slots = slots_of(steps)
    return {slot: {b[slot] for b in bindings if slot in b} for slot in slots}


def quote_safe(schema: Schema) -> tuple[Schema, dict[str, str]]:
    """``schema`` with every enum value whose JSON form needs a backslash (a ``"``, a ``\\``, a
    control or non-ASCII character) spelled without one (``'``, ``/``, ``?``), and the map from those
    spellings back to the values. A spelling that is itself a value, or another's, could not be told
    apart: that value is left out of the enum (the planner cannot pick it; the offline one can)."""
    aliases: dict[str, str] = {}

    def spelled(value: str) -> str:
        swap = {'"': "'", "\\": "/"}
        return "".join(swap.get(c, c if " " <= c <= "~" else "?") for c in value)

    def safe(node: object) -> object:  # every node of the schema, whatever its key
        if isinstance(node, list):
            return [safe(x) for x in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, object] = {k: safe(v) for k, v in node.items() if k != "enum"}
        if "enum" in node:
            values = [str(v) for v in node["enum"]]
            enum = [v for v in values if "\\" not in json.dumps(v)]
            plain = set(enum)
            for v in values:
                alias = spelled(v)
                if v in plain or alias in plain or aliases.get(alias, v) != v:
                    continue
                aliases[alias] = v
                enum.append(alias)
            out["enum"] = enum
        return out

    return cast(Schema, safe(schema)), aliases
