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
from collections.abc import Iterable
from dataclasses import dataclass

from engram.memory.procedures import named

#: words and phrases of a clause -> the command verbs they ask for
ASKS: dict[str, tuple[str, ...]] = {
    "take": ("take",), "pick up": ("take",), "picking up": ("take",), "retrieve": ("take",),
    "recover": ("take",), "grab": ("take",), "get your hands on": ("take",), "taken": ("take",),
    "got": ("take",), "get": ("take",), "fetch": ("take",),
    "go": ("go",), "move": ("go",), "head": ("go",), "travel": ("go",), "venture": ("go",),
    "take a trip": ("go",), "walk": ("go",), "attempt to go": ("go",),
    "on the floor": ("drop",), "drop": ("drop",), "throw": ("drop",),
    "put": ("put", "insert"), "place": ("put", "insert"), "deposit": ("put", "insert", "drop"),
    "set": ("put",), "rest": ("put",), "insert": ("insert", "put"), "into": ("insert", "put"),
    "open": ("open",), "opened": ("open",), "pulled open": ("open",),
    "close": ("close",), "closed": ("close",), "shut": ("close",),
    "unlock": ("unlock",), "unlocked": ("unlock",), "lock": ("lock",), "locked": ("lock",),
    "eat": ("eat",), "consume": ("eat",), "devour": ("eat",),
    "cook": ("cook",), "fry": ("cook",), "roast": ("cook",), "grill": ("cook",),
    "slice": ("slice",), "chop": ("chop",), "dice": ("dice",), "prepare": ("prepare",),
    "read": ("read",), "examine": ("examine",), "drink": ("drink",),
}  # fmt: skip
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


def split(goal: str, entities: Iterable[str]) -> list[Clause]:
    """The goal's steps in order ([] when it is not written as steps: fewer than two)."""
    known = sorted({e for e in entities if e}, key=len, reverse=True)
    steps: list[Clause] = []
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(goal.split())):
        parts = [p.strip() for p in sentence.rstrip(".!?").split(",") if p.strip()]
        for part in reversed(parts):
            verbs = _asks(part)
            if not verbs:
                continue
            text = _POSSESSIVE.sub("", part)
            things = tuple(named(text, known))
            # A direction only where the step is a move ("pick the key up" goes nowhere).
            direction = (
                next((d for d in DIRECTIONS if re.search(rf"\b{d}\b", text.lower())), "") if "go" in verbs else ""
            )
            if things or direction:
                steps.append(Clause(part, verbs, things, direction))
            break
    return steps if len(steps) >= 2 else []


def score(command: str, clause: Clause, entities: Iterable[str]) -> int:
    """How well ``command`` does what ``clause`` asks: 0 when its verb is not asked for or it names
    none of the clause's things (nor its direction); else 1 + the things both name."""
    verb = command.split(" ", 1)[0].lower()
    if verb not in clause.verbs:
        return 0
    if clause.direction and verb == "go":
        return 2 if re.search(rf"\b{clause.direction}\b", command.lower()) else 0
    shared = set(named(command, entities)) & set(clause.things)
    return 1 + len(shared) if shared else 0


def progress(clauses: list[Clause], done: list[str], entities: Iterable[str]) -> int:
    """How many clauses the commands ``done`` (those that changed the world, in order) have carried
    out: each carries out the next clause it does, or a later one (the earlier were already so)."""
    i = 0
    known = list(entities)
    for command in done:
        for j in range(i, min(i + 2, len(clauses))):
            if score(command, clauses[j], known):
                i = j + 1
                break
    return i
