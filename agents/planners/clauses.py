"""Goals written as steps: the ordered clauses of "First, go east. Then, take the key from the chest.
Once you have got the key, unlock the door. And once you've done that, you win!".

Why: such a goal is its own plan. Read as one bag of targets it sends an explorer after whichever
target it meets first (measured on tw-make quests: 48 steps for a 4-command quest); read clause by
clause it says what to do next, and where.

This knows English, not a domain: sentences are split, a sentence's step is its last comma-part
that says an action (the parts before it are its condition: "Once you have got the key, ..."), and
an action is said by a verb or by the state it asks for ("make sure that the door is open" asks
to open it). Commands are matched to a clause by the things both name and by the verb. A sentence
that names nothing the goal or the facts know, and no direction, is not a step ("Here is how to
play!"). A goal of fewer than two steps is not written as steps: it stays one goal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engram.envs.core import Outcome
from engram.memory.base import Perceived
from engram.memory.procedures import named

#: words and phrases of a clause -> the command verbs they ask for
ASKS: dict[str, tuple[str, ...]] = {
    "take": ("take",), "pick up": ("take",), "picking up": ("take",), "pick-up": ("take",), "lift": ("take",),
    "retrieve": ("take",), "recover": ("take",), "grab": ("take",), "get your hands on": ("take",),
    "taken": ("take",), "got": ("take",), "get": ("take",), "getting": ("take",), "fetch": ("take",),
    "go": ("go",), "move": ("go",), "head": ("go",), "travel": ("go",), "venture": ("go",),
    "take a trip": ("go",), "walk": ("go",), "gone": ("go",), "moved": ("go",), "travelled": ("go",),
    "ventured": ("go",), "visited": ("go",),
    "on the floor": ("drop",), "drop": ("drop",), "throw": ("drop",), "ditch": ("drop",), "toss": ("drop",),
    "left behind": ("drop",), "leave behind": ("drop",), "leaving behind": ("drop",),
    "put": ("put", "insert"), "place": ("put", "insert"), "deposit": ("put", "insert", "drop"),
    "set": ("put",), "set down": ("put",), "sit": ("put",), "rest": ("put",), "insert": ("insert", "put"),
    "into": ("insert", "put"),
    "open": ("open",), "opened": ("open",), "pulled open": ("open",), "ajar": ("open",),
    "close": ("close",), "closed": ("close",), "shut": ("close",),
    "unlock": ("unlock",), "unlocked": ("unlock",), "lock": ("lock",), "locked": ("lock",),
    "eat": ("eat",), "consume": ("eat",), "devour": ("eat",), "enjoy": ("eat",),
    "cook": ("cook",), "fry": ("cook",), "roast": ("cook",), "grill": ("cook",),
    "slice": ("slice",), "chop": ("chop",), "dice": ("dice",), "prepare": ("prepare",),
    "read": ("read", "examine"), "check the": ("examine", "read"), "examine": ("examine",), "drink": ("drink",),
}  # fmt: skip
#: a clause asking for these reads a text: what the text says to do becomes the next clauses
READS = ("read", "examine")
DIRECTIONS = ("north", "south", "east", "west", "up", "down", "northeast", "northwest", "southeast", "southwest")
#: "the key's lock" names the lock's owner: an entity followed by 's
_POSSESSIVE = re.compile(r"'s\b")


@dataclass(frozen=True)
class Clause:
    """One step of a goal: its words, the command verbs it asks for, the things and the direction
    it names."""

    text: str
    verbs: tuple[str, ...]
    things: tuple[str, ...]
    direction: str = ""


def _asks(text: str) -> tuple[str, ...]:
    low = " " + re.sub(r"[^a-z' ]+", " ", text.lower()) + " "
    out: list[str] = []
    for phrase, verbs in ASKS.items():
        if f" {phrase} " in low:
            out += [v for v in verbs if v not in out]
    return tuple(out)


def _clause(part: str, known: list[str]) -> Clause | None:
    """The step a comma-part says, or None (no action asked, or nothing named and no direction)."""
    verbs = _asks(part)
    if not verbs:
        return None
    text = _POSSESSIVE.sub("", part)
    things = tuple(named(text, known))
    # A direction only where the step is a move ("pick the key up" goes nowhere).
    direction = ""
    if "go" in verbs:
        direction = next((d for d in DIRECTIONS if re.search(rf"\b{d}\b", text.lower())), "")
    return Clause(part, verbs, things, direction) if things or direction else None


def _steps(sentence: str, known: list[str]) -> list[Clause]:
    """A sentence's steps: its last comma-part that asks an action (the parts before are its
    condition), split at "and" when each side is a step of its own ("pick up the key and use it to
    unlock the box")."""
    parts = [p.strip() for p in sentence.rstrip(".!?").split(",") if p.strip()]
    for part in reversed(parts):
        if not _asks(part):
            continue
        halves = [_clause(h, known) for h in re.split(r"\s+and\s+(?:then\s+)?", part)]
        if len(halves) > 1 and all(halves):
            return [h for h in halves if h]
        whole = _clause(part, known)
        return [whole] if whole else []
    return []


def split(goal: str, entities: Iterable[str]) -> list[Clause]:
    """The goal's steps in order ([] when it is not written as steps: fewer than two)."""
    known = sorted({e for e in entities if e}, key=len, reverse=True)
    steps = [c for sentence in re.split(r"(?<=[.!?])\s+", " ".join(goal.split())) for c in _steps(sentence, known)]
    return steps if len(steps) >= 2 else []


def read(text: str, entities: Iterable[str]) -> list[Clause]:
    """What a text read says to do, line by line: the lines under an "Ingredients" heading are
    things to take (a recipe lists what to gather), every other line or sentence that asks an action
    is a step."""
    known = sorted({e for e in entities if e}, key=len, reverse=True)
    out: list[Clause] = []
    gathering = False
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            gathering = False
            continue
        if line.rstrip(":").lower() == "ingredients":
            gathering = True
            continue
        if gathering:
            out.append(Clause(f"take the {line}", ("take",), (line,)))
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            out += _steps(sentence, sorted({*known, *(t for c in out for t in c.things)}, key=len, reverse=True))
    return out


def score(command: str, clause: Clause, entities: Iterable[str]) -> int:
    """How well ``command`` does what ``clause`` asks: 0 when its verb is not asked for or it names
    none of the clause's things (nor its direction); else 1 + the things both name."""
    verb = command.split(" ", 1)[0].lower()
    if verb not in clause.verbs:
        return 0
    if clause.direction and verb == "go":
        return 2 if re.search(rf"\b{clause.direction}\b", command.lower()) else 0
    shared = set(named(command, {*entities, *clause.things})) & set(clause.things)
    return 1 + len(shared) if shared else 0


def agenda(goal: str, history: Sequence[Perceived], entities: Iterable[str]) -> tuple[list[Clause], int]:
    """The goal's steps, with what the texts read on the way said to do put in after the step that
    read them, and how many are done: a command that did not fail carries out the first step it
    does from the next on (those before it were so already, or not needed: the world let it be
    done). ``history`` is the episode's steps (``action``, ``outcome``, ``text``)."""
    known = list(entities)
    clauses = split(goal, known)
    i = 0
    for h in history:
        command = h.action or ""
        if not command or h.outcome == Outcome.FAILURE:
            continue
        for j in range(i, len(clauses)):
            if score(command, clauses[j], known):
                i = j + 1
                if set(clauses[j].verbs) & set(READS):
                    clauses[i:i] = read(h.text, known)
                break
    return clauses, i
