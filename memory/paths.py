"""Verified paths of a task: the states and commands its successes passed through, merged, and the
shortest way from where an episode stands to a winning step (ReMem, Memento's case bank).

Why not the last success's path: a success carries its detours, and cutting loops by comparing the
facts folded so far (:func:`~engram.memory.base.loop_free`) misses most of them, because the fold
is what the agent *knows*: after "close safe, go west, look, go east, open safe" it knows the west
room too, so the state it came back to does not compare equal to the one it left. Measured on a
3-command quest: every play with memory repeated the first success's 15 steps.

So a state here is the **world**, not the knowledge: the facts of the task's start, with every
fact a success first saw later filled in as it was then (:func:`initial`) -- things nobody touched
were there all along -- and the episode's own facts folded over that. Two moments of any episode
of the task that left the world alike are then one node, whatever was looked at in between, and
the successes of a task merge into one graph whose shortest path to a winning step may be shorter
than any single success.

"The same task" is the same goal from the same start: the world id, the goal's text, and the
facts (and, where the env gives no facts beyond the agent's place, the text) of the first
observation. A plug-in that names no world still repeats a task only when it starts alike.

What is filled in: a fact first seen at a step whose command did not name the thing (the broccoli
seen when the safe was opened was in the safe before), or whose value is a resting one (a fridge
first seen closed on arriving). A fact a command names and sets (``hot`` after "heat apple 1",
``holds`` after "take") is its effect, not a discovery: filling it in would make the states before
and after one node and the path would skip the step.

A failed step removes its edge; a step whose outcome differs from the graph's (the world is not
as the successes left it) replaces it. Both come from later episodes and from the episode under
way, so a way that stopped working is not recalled again until a success passes it again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from engram.memory.base import bounded, fold

#: state keys are short hashes of the folded world
_KEY = 16


def _entities(key: tuple[Any, ...]) -> list[str]:
    """The things a fold key is about: ``(x, "where")`` -> x; ``("holds", x)`` -> x;
    ``(x, relation, y)`` -> x and y."""
    if len(key) == 2:
        return [str(key[1] if key[0] == "holds" else key[0])]
    return [str(k) for k in (key[0], key[2]) if k]


def _names(command: str, entity: str) -> bool:
    return bool(entity) and re.search(bounded(entity), command.lower()) is not None


def rich(facts: Iterable[Sequence[Any]]) -> bool:
    """The facts say more than where the agent stands (else the text has to tell states apart)."""
    return any(f[0] != "agent" or f[1] != "at" for f in facts)


def task_key(world: str, goal_text: str, first_facts: list[Any], first_text: str = "") -> str:
    """The same goal from the same start: world, goal and the first observation's facts (its text
    too where the facts say no more than the agent's place)."""
    facts = sorted(json.dumps(list(f), sort_keys=True, default=str) for f in first_facts)
    text = "" if rich(first_facts) else " ".join(first_text.split())
    blob = json.dumps([world, " ".join(goal_text.split()), facts, text])
    return hashlib.sha1(blob.encode()).hexdigest()[:_KEY]


@dataclass
class Run:
    """One episode of a task as the graph reads it: facts per state (state t is before action t),
    the actions, whether each failed, whether it won, and texts (used only without rich facts)."""

    facts: list[list[Any]]
    actions: list[str]
    failed: list[bool]
    won: bool
    texts: list[str] = field(default_factory=list)
    #: per action, whether the env said it changed the world (Outcome.PROGRESS); empty: not known
    changed: list[bool] = field(default_factory=list)
    #: the env ended the run as lost with its last action (a game over, not the step budget)
    lost: bool = False


def initial(runs: Iterable[Run]) -> dict[tuple[Any, ...], Any]:
    """The task's start as a world: the first observation, and every fact a run first saw later
    filled in with its first value, unless the command that revealed it named it and the value is
    not a resting one (see the module's docstring). Earlier runs win a disagreement."""
    world: dict[tuple[Any, ...], Any] = {}
    for run in runs:
        known: dict[tuple[Any, ...], Any] = {}
        for t, facts in enumerate(run.facts):
            command = run.actions[t - 1] if t and t - 1 < len(run.actions) else ""
            before = dict(known)
            fold(known, facts)
            for key, value in known.items():
                if key in before or key in world:
                    continue
                effect = t > 0 and value not in (False, None) and any(_names(command, e) for e in _entities(key))
                if key[0] == "holds" and t > 0:
                    effect = True  # what the agent holds was taken, unless it started with it
                if not effect:
                    world[key] = value
    return world


def world_at(start: dict[tuple[Any, ...], Any], run: Run, t: int) -> dict[tuple[Any, ...], Any]:
    """The world of ``run``'s state ``t`` (its facts up to it folded over the task's start)."""
    world = dict(start)
    for facts in run.facts[: t + 1]:
        fold(world, facts)
    return world


def signature(world: dict[tuple[Any, ...], Any], command: str) -> str:
    """What ``command`` acts on, as ``world`` has it: the facts about the things it names, and
    where the agent is. Why not the whole state: a game lost by burning the potato is lost
    whatever else was opened on the way there."""
    about = sorted((k, v) for k, v in world.items() if k == ("agent", "where")
                   or any(_names(command, e) for e in _entities(k)))  # fmt: skip
    return hashlib.sha1(repr((command, about)).encode()).hexdigest()[:_KEY]


def keys(start: dict[tuple[Any, ...], Any], run: Run) -> list[str]:
    """The world key of each state of ``run``: its facts folded over the task's start. A step the
    env says changed the world while its facts show no change (eating what is held, where nothing
    says it is gone) is kept in the key from then on: two states the env tells apart are never one
    node, or the path would skip the step."""
    world = dict(start)
    textual = not any(rich(f) for f in run.facts)
    unseen: list[str] = []  # changes the facts did not show
    out = []
    for t, facts in enumerate(run.facts):
        before = dict(world) if t and t - 1 < len(run.changed) and run.changed[t - 1] else None
        fold(world, facts)
        if before is not None and before == world:
            unseen.append(run.actions[t - 1])
        text = " ".join(run.texts[t].split()) if textual and t < len(run.texts) else ""
        blob = repr((sorted(world.items(), key=repr), text, sorted(unseen)))
        out.append(hashlib.sha1(blob.encode()).hexdigest()[:_KEY])
    return out


@dataclass
class Graph:
    """A task's merged runs: ``edges[state][command] = next state``; ``wins``: the (state, command)
    steps that won; ``losses``: the :func:`signature` of each step that lost the game (what the
    command acted on, as it was); ``start``: the start's key; ``successes``: how many runs won."""

    start: str
    edges: dict[str, dict[str, str]]
    wins: set[tuple[str, str]]
    successes: int
    world: dict[tuple[Any, ...], Any]
    losses: set[str] = field(default_factory=set)

    def add(self, run: Run, run_keys: list[str]) -> None:
        """A run's steps, later ones overriding: a failed step removes its edge (and its win), a
        step that led elsewhere than recorded replaces the edge."""
        for t, action in enumerate(run.actions):
            if t + 1 >= len(run_keys):
                break
            here, there = run_keys[t], run_keys[t + 1]
            out = self.edges.setdefault(here, {})
            if run.failed[t] or there == here:
                out.pop(action, None)
                if run.failed[t]:
                    self.wins.discard((here, action))
            else:
                out[action] = there
        if run.actions and len(run_keys) >= len(run.actions):
            last = (run_keys[len(run.actions) - 1], run.actions[-1])
            if run.won:
                self.wins.add(last)
            elif run.lost:  # no way on from a game over
                self.edges.get(last[0], {}).pop(last[1], None)
                self.losses.add(signature(world_at(self.world, run, len(run.actions) - 1), run.actions[-1]))

    def merged(self, run: Run) -> tuple[Graph, list[str]]:
        """A copy with ``run`` (the episode under way) added last, and the keys of its states."""
        run_keys = keys(self.world, run)
        copy = Graph(self.start, {k: dict(v) for k, v in self.edges.items()}, set(self.wins), self.successes,
                     self.world, set(self.losses))  # fmt: skip
        copy.add(run, run_keys)
        return copy, run_keys

    def losing(self, world: dict[tuple[Any, ...], Any], commands: Iterable[str]) -> list[str]:
        """Those of ``commands`` that lost the game acting on things as they are in ``world``."""
        return sorted(c for c in commands if self.losses and signature(world, c) in self.losses)

    def shortest(self, here: str, avoid: frozenset[tuple[str, str]] = frozenset()) -> list[str] | None:
        """The commands of a shortest way from ``here`` through a winning step (None: no way known).
        Ties go to the command first in sorted order, so the same graph always gives one path."""
        winning: dict[str, str] = {}
        for node, command in sorted(self.wins):
            if (node, command) not in avoid:
                winning.setdefault(node, command)
        back: dict[str, tuple[str, str]] = {here: ("", "")}
        queue = deque([here])
        while queue:
            node = queue.popleft()
            if node in winning:  # breadth first: the first state with a winning step is the nearest
                path = [winning[node]]
                while node != here:
                    node, step = back[node]
                    path.append(step)
                return path[::-1]
            for command, nxt in sorted(self.edges.get(node, {}).items()):
                if nxt not in back and (node, command) not in avoid:
                    back[nxt] = (node, command)
                    queue.append(nxt)
        return None


def build(runs: list[Run]) -> Graph | None:
    """The graph of a task's runs (in the order they were played), or None when there are none."""
    if not runs:
        return None
    world = initial(runs)
    graph = Graph("", {}, set(), 0, world)
    for run in runs:
        run_keys = keys(world, run)
        if not graph.start and run_keys:
            graph.start = run_keys[0]
        graph.add(run, run_keys)
        graph.successes += int(run.won)
    return graph
