"""Goals that point at things by what they show: 'Select Xyh, ni and click Submit.', 'Enter "iEh"
into the text field and press Submit.', 'click on the link "cursus"'.

Why: where commands name things by a reference (a web page's ``click [12]``), what a thing is
called lives only in the facts (``[12] text "cursus"``), and a goal names things by those texts.
Read as words, "click [12]" shares none with the goal, and an explorer clicks at random (13% of
MiniWoB's generic tasks solved). So a command is read with its **label**: the texts the facts
give the things it names, and the value it carries (``type [5] "iEh"``).

The goal's **phrases** are what it quotes and the env's typed targets (MiniWoB's fields), in the
order the goal says them. Each is acted on once, in that order where it can be: the untried command
whose label is the phrase (the same case first, then a thing that shows the phrase's key where
the env gives one, then a thing not handled yet: the password goes into the field the username did
not). An env gives keys as the goal's ``fields`` slot, ``[[key, value], ...]`` (MiniWoB's
"director": "Burris"): the value goes on the thing whose text (or label) is the key. This knows no
web: text fields, checkboxes and links are whatever the facts say has a text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from engram.envs.core import Goal, Outcome
from engram.memory.base import Perceived
from engram.memory.procedures import QUOTED, label, named, texts

__all__ = ["label", "match", "phrases", "pointed", "progress", "texts", "wording"]


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .,:;!?'\"")


def wording(text: str, targets: Iterable[str] | None) -> str:
    """A goal's words with the things it names taken out: "find the email by {} and forward that
    email to {}." is one task worded one way, whoever the email is from."""
    out = _norm(text)
    for t in sorted((_norm(str(t)) for t in targets or ()), key=len, reverse=True):
        if t:
            out = out.replace(t, "{}")
    return out


def phrases(goal: Goal) -> list[str]:
    """What the goal quotes and its targets, in the order the goal says them (those it does not
    say, last)."""
    found = [(m.start(), m.group(1) or m.group(2)) for m in QUOTED.finditer(goal.text)]
    low = goal.text.lower()
    for t in goal.targets:
        at = low.find(t.lower())
        found.append((at if at >= 0 else len(low), t))
    out: list[str] = []
    for _, p in sorted(found, key=lambda x: x[0]):
        if _norm(p) and _norm(p) not in {_norm(q) for q in out}:
            out.append(p)
    return out


def match(command: str, shown: dict[str, str], phrase: str) -> int:
    """2: the label shows ``phrase`` as written; 1: in another case; 0: not at all."""
    best = 0
    for text in label(command, shown):
        if _norm(text) == _norm(phrase):
            best = max(best, 2 if text.strip() == phrase.strip() else 1)
    return best


def progress(goal: Goal, history: Sequence[Perceived]) -> tuple[list[str], set[str], set[str], set[str]]:
    """The goal's phrases, those acted on already, the things the episode's commands acted on, and
    of those the things that got a phrase (the field typed into is done with: clicking it again
    does nothing for the goal). ``history`` is the episode's observations with the action behind
    each (the first has none)."""
    wanted = phrases(goal)
    done: set[str] = set()
    touched: set[str] = set()  # the things earlier commands acted on
    served: set[str] = set()
    for before, step in pairwise(history):
        command = step.action or ""
        if not command or step.outcome == Outcome.FAILURE:
            continue
        facts = before.facts
        shown = texts(facts)
        things = set(named(command, {str(f[0]) for f in facts}))
        touched |= things
        got = {p for p in wanted if match(command, shown, p)}
        done |= got
        served |= things if got else set()
    return wanted, done, touched, served


def pointed(goal: Goal, history: Sequence[Perceived], allowed: list[str], fresh: set[str]) -> tuple[str, str] | None:
    """``(command, phrase)``: the command that acts on the first phrase of the goal not acted on
    yet that a ``fresh`` command (untried here) can act on, or None."""
    wanted, done, touched, _ = progress(goal, history)
    if not wanted or not history:
        return None
    facts = history[-1].facts
    shown, things = texts(facts), {str(f[0]) for f in facts}
    keys: dict[str, set[str]] = {}
    for pair in goal.slots.get("fields") or ():
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            keys.setdefault(_norm(str(pair[1])), set()).add(_norm(str(pair[0])))

    def keyed(command: str, phrase: str) -> bool:
        """The thing ``command`` acts on shows one of the phrase's keys."""
        wanted_keys = keys.get(_norm(phrase), set())
        return any(_norm(shown.get(e, "")) in wanted_keys for e in named(command, things))

    for phrase in wanted:
        if phrase in done:
            continue
        options = [(match(a, shown, phrase), keyed(a, phrase), not (set(named(a, things)) & touched), -i, a)
                   for i, a in enumerate(allowed) if a in fresh]  # fmt: skip
        best = max((o for o in options if o[0]), default=None)
        if best:
            return best[4], phrase
    return None
