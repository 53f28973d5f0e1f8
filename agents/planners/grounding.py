"""From a model's answer to an admissible command: parse, then ground.

Models answer in every shape: the JSON asked for, JSON in a code fence or inside prose, a tool call,
a bare command, a command in the wrong dialect (``put X in Y`` where ALFWorld ≥0.4 says
``move X to Y``), a receptacle without its number, or nonsense. :func:`parse_reply` turns what came
back into a :class:`Choice` (an action, or a skill call with arguments) or says precisely what is
wrong. :func:`ground` maps a choice onto the commands the environment offers now:

* exactly admissible -> used as is;
* the same command after normalisation (case, spacing, quotes, dialect) -> *repaired*;
* one admissible command clearly closest (string similarity with a margin, or the only numbered
  instance of a named receptacle) -> *repaired*;
* anything else -> an error the planner feeds back to the model once (a re-ask).

Nothing here returns a command outside ``admissible``: that is the property the fuzz test checks.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from engram.agents.planners.base import RunningSkill
from engram.memory.base import SkillPayload

#: a repair by similarity needs this ratio, and this lead over the runner-up
MIN_SIMILARITY = 0.85
MIN_MARGIN = 0.05
_PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
Rewrites = tuple[tuple[str, str], ...]


class ToolCall(TypedDict, total=False):
    """One tool call of a model's answer, as :mod:`~engram.agents.planners.llm_response` reads it."""

    id: str
    name: str
    arguments: object  # JSON text, or whatever object the server sent instead: checked by parse_reply


@dataclass
class Choice:
    action: str = ""
    skill: str = ""
    args: dict[str, str] = field(default_factory=dict)
    rationale: str = ""
    subgoal: str = ""
    prose: str = ""  # the raw text when no structure was found (grounding may still find a command)


class ReplyError(ValueError):
    """The answer cannot be used; the message is fed back to the model when it is re-asked."""


def _text(value: Any, limit: int = 2000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def json_objects(text: str) -> list[Any]:
    """Every top-level ``{...}`` in ``text`` that parses as JSON, in order (fences and prose around
    them are ignored). The objects *inside* one that does not parse are its parts, not answers: an
    answer cut off after ``"args": {...}`` yields nothing, not its ``args``."""
    out: list[Any] = []
    decoder, i = json.JSONDecoder(), 0
    while True:
        i = text.find("{", i)
        if i < 0:
            return out
        try:
            obj, end = decoder.raw_decode(text, i)
        except (json.JSONDecodeError, RecursionError):
            closed = _close_of(text, i)
            if closed is None:
                return out  # it never closes (the answer was cut off): all that follows is inside it
            i = closed
            continue
        out.append(obj)
        i = end


def _close_of(text: str, start: int) -> int | None:
    """The index after the brace that closes the one at ``start`` (braces inside JSON strings do
    not count), or None if it never closes."""
    depth, quoted, escaped = 0, False, False
    for j in range(start, len(text)):
        ch = text[j]
        if quoted:
            escaped, quoted = (not escaped and ch == "\\"), quoted and (escaped or ch != '"')
        elif ch == '"':
            quoted = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if not depth:
                return j + 1
    return None


#: a complete ``"action": "..."`` member (its string closed), wherever it stands
_ACTION_FIELD = re.compile(r'"(?:action|command)"\s*:\s*"((?:[^"\\\n]|\\.)*)"')
_THINK = re.compile(r"<think(?:ing)?>(.*?)(?:</think(?:ing)?>|\Z)", re.S | re.I)


def split_reasoning(content: str | None) -> tuple[str, str]:
    """A reasoning model's answer -> (the answer, its reasoning). ``<think>...</think>`` blocks are
    reasoning (an unclosed one runs to the end: the model was still thinking when it stopped);
    they are kept for the trace and never grounded: a command the model only considered is not
    the one it chose."""
    text = content or ""
    thoughts = [m.group(1).strip() for m in _THINK.finditer(text)]
    return _THINK.sub("", text).strip(), "\n\n".join(t for t in thoughts if t)


def action_field(text: str) -> str | None:
    """The value of the first complete ``"action"`` member in ``text``, or None."""
    m = _ACTION_FIELD.search(text)
    if not m:
        return None
    try:
        value = json.loads(f'"{m.group(1)}"')
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str) and value.strip() else None


def _from_object(obj: dict[str, Any]) -> Choice:  # a model's JSON object: anything, checked here
    commanded = "action" in obj or "command" in obj
    skill = None if commanded else obj.get("skill", obj.get("skill_call"))
    args = obj.get("args", obj.get("arguments", {}))
    choice = Choice(rationale=_text(obj.get("rationale") or obj.get("reason")), subgoal=_text(obj.get("subgoal"), 200))
    if skill is not None:
        if not isinstance(skill, str) or not skill.strip():
            raise ReplyError("'skill' must be the name of one of the shortcuts offered")
        if not isinstance(args, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in args.items()):
            raise ReplyError("'args' must be an object mapping each placeholder of the shortcut to a name")
        choice.skill, choice.args = skill.strip(), dict(args)
        return choice
    action = obj.get("action", obj.get("command"))
    if not isinstance(action, str) or not action.strip():
        raise ReplyError('the JSON object needs an "action" string (or a "skill" with "args")')
    choice.action = action
    return choice


def parse_reply(content: str | None, tool_calls: Sequence[ToolCall] | None = None, truncated: bool = False) -> Choice:
    """The model's message -> a :class:`Choice`, or :class:`ReplyError` saying what is wrong.

    ``truncated``: the server stopped it at the token limit (``finish_reason: length``). Then only
    a complete JSON object, or a complete ``"action"`` member, is an answer: the rest of a cut-off
    answer is half a thought (a rationale that names another command, a subgoal that says "look"),
    and reading it as prose executed what the model never chose."""
    if tool_calls:
        call = tool_calls[0]
        name, raw = call.get("name"), call.get("arguments")
        try:
            args = json.loads(raw) if isinstance(raw, str) else raw
        except json.JSONDecodeError as exc:
            raise ReplyError(f"the arguments of tool call {name!r} are not valid JSON ({exc.msg})") from None
        if not isinstance(args, dict):
            raise ReplyError(f"the arguments of tool call {name!r} must be a JSON object")
        if name == "act":
            return _from_object({k: v for k, v in args.items() if k != "skill"})
        if name == "use_skill":
            return _from_object({"skill": args.get("name"), **{k: v for k, v in args.items() if k != "name"}})
        raise ReplyError(f"unknown tool {name!r}; call 'act' or 'use_skill'")
    text = content or ""
    if not text.strip():
        raise ReplyError("the answer was cut off at the token limit before it said anything" if truncated
                         else "the answer was empty")  # fmt: skip
    for obj in json_objects(text):
        if isinstance(obj, dict) and any(k in obj for k in ("action", "command", "skill", "skill_call")):
            return _from_object(obj)
    objects = json_objects(text)
    if objects and isinstance(objects[0], dict):
        return _from_object(objects[0])  # raises with the precise complaint
    # The action member wins over any other text, complete or cut off after it.
    action = action_field(text)
    if action is not None:
        return Choice(action=action, prose=text[:2000])
    if truncated:
        raise ReplyError("the answer was cut off at the token limit before its action was complete; "
                         'answer with the JSON object alone, "action" first, briefly')  # fmt: skip
    m = re.search(r"(?im)^\W*(?:action|command)\W*\s*[:=]\s*(.+)$", text)
    if m:
        return Choice(action=m.group(1).strip().rstrip(",").strip("`\"'"), prose=text[:2000])
    return Choice(prose=text[:4000])


def normalise(command: str, rewrites: Rewrites = ()) -> str:
    """Spelling-level differences only: case, spacing, quotes, trailing punctuation; then the
    domain's ``rewrites`` (``(pattern, replacement)``: how people phrase commands the env spells
    its own way, e.g. ALFWorld's ``put X in Y`` for ``move X to Y``)."""
    c = command.strip().strip("`\"'").strip()
    c = re.sub(r"^(>\s*|action\s*[:=]\s*)", "", c, flags=re.I)
    c = re.sub(r"\s+", " ", c.lower()).rstrip(".!;")
    for pattern, replacement in rewrites:
        c = re.sub(pattern, replacement, c)
    return c


@dataclass
class Grounded:
    action: str
    repaired_from: str = ""  # the model's words, when they were not the command itself


def ground_action(said: str, admissible: list[str], rewrites: Rewrites = ()) -> Grounded:
    """The admissible command the model meant, or :class:`ReplyError`."""
    if said in admissible:
        return Grounded(said)
    if not admissible:
        raise ReplyError("no command is admissible now")
    norm = normalise(said, rewrites)
    by_norm: dict[str, list[str]] = {}
    for a in admissible:
        by_norm.setdefault(normalise(a, rewrites), []).append(a)
    if len(by_norm.get(norm, [])) == 1:
        return Grounded(by_norm[norm][0], said)
    # "go to fridge" when there is exactly one fridge: the instance number was left out.
    numbered = [a for a in admissible if re.fullmatch(re.escape(norm) + r" \d+", normalise(a))]
    if len(numbered) == 1:
        return Grounded(numbered[0], said)
    if len(numbered) > 1:
        raise ReplyError(f"{said!r} is ambiguous: did you mean {', '.join(numbered[:6])}?")
    scored = sorted(
        ((difflib.SequenceMatcher(None, norm, normalise(a, rewrites)).ratio(), a) for a in admissible), reverse=True
    )
    best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best[0] >= MIN_SIMILARITY and best[0] - runner_up >= MIN_MARGIN:
        return Grounded(best[1], said)
    near = ", ".join(a for _, a in scored[:4])
    raise ReplyError(f"{said[:200]!r} is not an admissible command now; the closest are: {near}")


def ground_prose(prose: str, admissible: list[str]) -> Grounded:
    """An answer without structure: usable only if it names exactly one admissible command (the
    longest one mentioned, so "go to drawer 10" is not read as "go to drawer 1")."""
    low = normalise(prose)
    # whole words only: "drawer 1" is not mentioned in "drawer 10"
    mentioned = [a for a in admissible if re.search(rf"(?<!\w){re.escape(normalise(a))}(?!\w)", low)]
    longest = [a for a in mentioned if not any(a != b and normalise(a) in normalise(b) for b in mentioned)]
    if len(longest) == 1:
        return Grounded(longest[0], prose[:200])
    if longest:
        raise ReplyError(f"the answer names several commands ({', '.join(longest[:5])}); answer with one JSON object")
    raise ReplyError('no JSON object with an "action" was found in the answer')


def placeholders(templates: list[str]) -> list[str]:
    seen: list[str] = []
    for t in templates:
        for p in _PLACEHOLDER.findall(t):
            if p not in seen:
                seen.append(p)
    return seen


def bind_skill(choice: Choice, offered: dict[str, SkillPayload], admissible: list[str]) -> RunningSkill:
    """A skill call -> the running-shortcut record the controller executes (first step admissible).

    ``offered`` maps shortcut names to their recall content (``steps``, ``pre``). A placeholder the
    shortcut's ``kinds`` name, such as ``{microwave}``, must be bound to an instance of that kind."""
    if choice.skill not in offered:
        names = ", ".join(sorted(offered)[:8]) or "none are offered now"
        raise ReplyError(f"unknown shortcut {choice.skill!r}; offered: {names}")
    content = offered[choice.skill]
    templates, pre = list(content["steps"]), list(content["pre"])
    args = {k.strip("{} "): v.strip() for k, v in choice.args.items()}
    needed = placeholders(templates)
    missing = [p for p in needed if not args.get(p)]
    if missing:
        raise ReplyError(f"shortcut {choice.skill!r} needs args for {', '.join(missing)}")
    kinds = content.get("kinds")  # a domain's slots name the kind ("microwave 1" for {microwave})
    if kinds is None and content.get("family"):  # a GUI procedure: its {q0} is the utterance's, no command's
        kinds = {p: p for p in needed}
    kinds = kinds or {}
    for p in needed:
        if p in kinds and args[p].rsplit(" ", 1)[0] != kinds[p]:
            raise ReplyError(
                f"arg {p!r} of shortcut {choice.skill!r} must be a {kinds[p]} (e.g. '{kinds[p]} 1'), not {args[p]!r}"
            )
    bind = {"{" + p + "}": args[p] for p in needed}

    def fill(t: str) -> str:
        for key, value in bind.items():
            t = t.replace(key, value)
        return t

    steps = [fill(t) for t in templates]
    if steps[0] not in admissible:
        raise ReplyError(f"shortcut {choice.skill!r} cannot start here: {steps[0]!r} is not admissible")
    # each precondition is bound like its step ("holds {obj}": what the step needs in hand)
    return {"name": choice.skill, "template": templates, "steps": steps, "pre": [fill(p) for p in pre], "i": 0}
