"""Shortcuts mined from the facts alone: how a verified success splits into reusable procedures
when no domain says how (a domain's :meth:`~engram.envs.domain.Domain.shortcuts` does it for
ALFWorld).

* **Segmented by what the facts say changed.** Each step of the success's loop-free path (detours
  cut, :func:`~engram.memory.base.loop_free`) either moved the agent (its ``at`` changed), changed
  something else (opened, took, unlocked), or nothing. A run of changing steps in one place is one
  subgoal's procedure; a move that names what the procedure then handles ("go to the desk") opens
  it. Moves that name nothing ("go east") stay out: they belong to one map, and scene memory's
  routes carry them.
* **Parameterised over entities by type.** Every entity the facts know and a command names becomes
  a slot named by its type: the env's ``category`` fact when there is one (TextWorld: door,
  receptacle, object), else the name without its instance number ("apple 1" is an apple). The same
  entity is one slot throughout, so ``unlock {door} with {object}; open {door}`` keeps its shape.
* **Preconditions from the facts**: a step that only made true the state its verb names ("open
  chest" made the chest open) is needless when the env does not offer it (the state holds
  already), and says so (:data:`~engram.envs.domain.IF_OFFERED`); the others need nothing.
* **Grounded again when replayed**: :func:`ground` matches a template against the admissible
  commands of the moment with its slots as wildcards, and only entities of the slot's type fill it.

A procedure needs two steps and a slot: one step is no shortcut, and without a slot it says
nothing beyond the one world it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from engram.envs.domain import IF_OFFERED, NO_NEED, Procedure
from engram.memory.base import bounded, fold, loop_free_steps

if TYPE_CHECKING:  # annotations only (a string at run time): typing gained ReadOnly in 3.13
    from typing_extensions import ReadOnly

_SLOT = re.compile(r"\{([a-z0-9_]+)\}")
#: relations whose object is an entity too (a ``text`` or ``category`` object is a value)
_BETWEEN = ("in", "on", "at", "holds", "near", "child_of", "facing")


def slot_name(kind: str) -> str:
    """A type as a slot name: lower case, words joined by ``_`` ("wooden door" -> wooden_door)."""
    return "_".join(re.findall(r"[a-z0-9]+", kind.lower())) or "thing"


def categories(facts: Iterable[Sequence[Any]]) -> dict[str, str]:
    """Entity -> its ``category`` fact, from facts (JSON triples or :class:`Fact`)."""
    return {str(f[0]): str(f[2]) for f in facts if f[1] == "category" and f[2] and f[3]}


def type_of(entity: str, known: dict[str, str]) -> str:
    """The slot type of an entity: its category when the env gives one, else its name without a
    trailing instance number."""
    if entity in known:
        return slot_name(known[entity])
    return slot_name(re.sub(r"\s+\d+$", "", entity))


def named(command: str, entities: Iterable[str]) -> list[str]:
    """The entities a command names, longest names first, each span of the command used once
    ("red key" before "key"), in the order they appear."""
    spans: list[tuple[int, int, str]] = []
    low = command.lower()
    # a substring test first: a page has hundreds of things, a command names one or two
    for e in sorted({e for e in entities if e and e.lower() in low}, key=lambda e: (-len(e), e)):
        for m in re.finditer(bounded(e), low):
            if not any(s < m.end() and m.start() < t for s, t, _ in spans):
                spans.append((m.start(), m.end(), e))
    return [e for _, _, e in sorted(spans)]


#: a value a command carries in quotes (``type [5] "iEh"``)
QUOTED = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d')


def texts(facts: Iterable[Sequence[Any]]) -> dict[str, str]:
    """What each thing shows: its ``text`` fact; a thing with none, alone in its holder with one
    thing that has a text, shows that text (a checkbox, the words beside it in its label; not a
    trash icon among a reply and a forward button). A thing alone in a textless holder is read
    as that holder: a field alone in a table cell shows the header cell beside it."""
    facts = [f for f in facts if len(f) > 2]
    own = {str(f[0]): str(f[2]) for f in facts if f[1] == "text" and f[2]}
    holder = {str(f[0]): str(f[2]) for f in facts if f[1] == "child_of" and f[2]}
    inside: dict[str, list[str]] = {}
    for thing, h in holder.items():
        inside.setdefault(h, []).append(thing)
    shown = dict(own)
    for thing in holder:
        if thing in own:
            continue
        at = thing
        for _ in range(3):  # a few levels up: cells and rows, not the whole page
            if at not in holder:
                break
            h = holder[at]
            beside = [own[t] for t in inside[h] if t != at and t in own]
            if len(beside) == 1 and len(inside[h]) == 2:
                shown[thing] = beside[0]
                break
            if len(inside[h]) != 1 or h in own:
                break
            at = h
    return shown


def label(command: str, shown: dict[str, str]) -> list[str]:
    """What ``command`` acts on, as shown: the texts of the things it names, and the value it
    carries in quotes."""
    out = [shown[e] for e in named(command, shown)]
    out += [a or b for a, b in QUOTED.findall(command)]
    return out


class Observed(TypedDict, total=False):
    """A step of a trace :func:`mine` reads: the command that led to it (None at the reset) and its
    facts (JSON quadruples or :class:`~engram.envs.core.Fact`). Read-only, so any step record with
    these two keys is one (skill memory's traces keep more)."""

    action: ReadOnly[str | None]
    facts: ReadOnly[Sequence[Sequence[Any]]]


def mine(trace: Sequence[Observed]) -> list[Procedure]:
    """The procedures of one verified success. ``trace`` is its observed steps in order, the reset
    first."""
    state: dict[tuple[Any, ...], Any] = {}
    keys, kinds, actions = [], [], []
    set_true: list[set[tuple[str, str]]] = []  # per action: the (entity, state) it made true
    known: dict[str, str] = {}
    entities: set[str] = set()
    for step in trace:
        facts = [tuple(f) for f in step.get("facts") or []]
        before = dict(state)
        fold(state, facts)
        known.update(categories(facts))
        entities |= {str(f[0]) for f in facts if f[0] != "agent"}
        entities |= {str(f[2]) for f in facts if f[1] in _BETWEEN and f[2]}
        if step.get("action"):
            actions.append(str(step["action"]))
            moved = before.get(("agent", "where")) != state.get(("agent", "where"))
            kinds.append("move" if moved else ("act" if before != state else "none"))
            set_true.append({(str(k[0]), str(k[1])) for k, v in state.items()
                             if len(k) == 3 and k[2] is None and v and not before.get(k)})  # fmt: skip
        keys.append(frozenset(state.items()))
    if not actions:
        return []
    path = loop_free_steps(keys, len(actions))
    segments: list[list[int]] = []
    run: list[int] = []
    for n, i in enumerate(path):
        if kinds[i] == "act":
            if not run and n and kinds[path[n - 1]] == "move":
                opener = actions[path[n - 1]]
                if set(named(opener, entities)) & set(named(actions[i], entities)):
                    run.append(path[n - 1])
            run.append(i)
        else:
            if run:
                segments.append(run)
            run = []
    if run:
        segments.append(run)
    out = []
    for seg in segments:
        needless = [_needless(actions[i], set_true[i], entities) for i in seg]
        procedure = _template([actions[i] for i in seg], entities, known, needless)
        if procedure:
            out.append(procedure)
    return out


def _needless(command: str, made: set[tuple[str, str]], entities: set[str]) -> bool:
    """Whether ``command`` only makes a state of a thing it names true, the state its verb names
    ("open chest" made the chest open): when the env does not offer it, the state holds already,
    and the step is passed over (:data:`~engram.envs.domain.IF_OFFERED`)."""
    verb = command.split(" ", 1)[0].lower()
    return any(state == verb and thing in named(command, entities) for thing, state in made)


def _template(
    commands: list[str], entities: set[str], known: dict[str, str], needless: list[bool] | None = None
) -> Procedure | None:
    if len(commands) < 2:
        return None
    slots: dict[str, str] = {}  # entity -> slot
    steps = []
    for command in commands:
        out, at = "", 0
        for entity in named(command, entities):
            if entity not in slots:
                base = type_of(entity, known)
                taken = sum(s == base or s.startswith(base + "_") for s in slots.values())
                slots[entity] = base if not taken else f"{base}_{taken + 1}"
            m = re.compile(bounded(entity)).search(command.lower(), at)
            if m is None:  # pragma: no cover - named() found it in this command
                raise AssertionError(f"{entity!r} not in {command!r}")
            out += command[at : m.start()] + "{" + slots[entity] + "}"
            at = m.end()
        steps.append(out + command[at:])
    if not slots:
        return None
    verbs = "+".join(c.split(" ", 1)[0] for c in commands)
    pre = tuple(IF_OFFERED if skip else NO_NEED for skip in (needless or [False] * len(steps)))
    return Procedure(f"{verbs} {', '.join(sorted(set(slots.values())))}", tuple(steps), pre)


def slots_of(steps: Iterable[str]) -> list[str]:
    """The slots of a procedure's steps, in order of first use."""
    out: list[str] = []
    for step in steps:
        out += [s for s in _SLOT.findall(step) if s not in out]
    return out


def slot_type(slot: str) -> str:
    """The type a slot stands for: ``door`` for ``{door}`` and ``{door_2}``."""
    return re.sub(r"_\d+$", "", slot)


def ground(
    template: str, admissible: Iterable[str], bound: dict[str, str], fits: Callable[[str, str], bool]
) -> list[dict[str, str]]:
    """Every way ``template`` matches an admissible command: slot -> entity bindings that extend
    ``bound`` and in which ``fits(entity, slot_type)`` holds for every new slot."""
    pattern = ""
    group: dict[str, str] = {}  # slot -> its regex group's name (a slot may be "5": not a group name)
    at = 0
    for m in _SLOT.finditer(template):
        pattern += re.escape(template[at : m.start()])
        slot = m.group(1)
        if slot in bound:
            pattern += re.escape(bound[slot])
        elif slot in group:
            pattern += f"(?P={group[slot]})"
        else:
            group[slot] = f"s{len(group)}"
            pattern += f"(?P<{group[slot]}>.+?)"
        at = m.end()
    regex = re.compile(pattern + re.escape(template[at:]))
    out = []
    for command in admissible:
        hit = regex.fullmatch(command)
        if hit and all(fits(hit[g], slot_type(slot)) for slot, g in group.items()):
            out.append({**bound, **{slot: hit[g] for slot, g in group.items()}})
    return out
