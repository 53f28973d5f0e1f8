"""The memory contract. Modules arrive with later work; the controller already speaks this protocol.

A module observes every step, answers ``recall`` with scored, attributed items, consolidates at
episode end, and saves/loads explicitly. Planners only ever see :class:`Recall` items, so an LLM
prompt and the offline planner consume the same memory.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypedDict, runtime_checkable


class RecallKind(StrEnum):
    """What a recall is; each kind has one payload shape (``content``), documented below.

    * ``working``: ``{"subgoal", "summaries", "pairs", "tokens"}``: the episode's working memory
      (``text`` carries it rendered).
    * ``scene``: ``{"object", "receptacle", "place", "episode", "step"}``: where an entity the goal
      names was last seen (``receptacle``: what holds it; ``place``: the room or cell that is at).
    * ``unexplored``: ``{"unexplored": [entity, ...], "places": {entity: place}}``: holders whose
      contents were never listed, and where those whose place is known stand.
    * ``route``: ``{"routes": [[place, command, place], ...]}``: ways between places of this world.
    * ``prior``: ``{"object_type", "receptacle_type" | "receptacle", "seen" | "rate", "scope"?,
      "looked"?}``: how likely holders of a type (or one holder) are to hold what is sought
      (``scope``: "all houses", "this house" or "similar states": what the evidence is drawn from;
      the last two change as an episode goes).
    * ``episode``: ``{"task", "success", "steps", "found", "targets", "actions", "path", "labels"}``:
      a similar past episode of this world (``path``: its actions without detours; ``found``:
      [entity, holder]; ``targets``: its goal's, None in records older than that field;
      ``labels``: per path step, what its command acted on as shown then, None in older records).
    * ``skill``: ``{"name", "steps", "pre", "support"?, "worlds"?, "receptacle_kind"?, "slots"?,
      "family"?, "utterance"?}``: a shortcut mined from verified successes (templates over ``{slot}``
      names; ``slots``: slot -> entity type, when the facts typed it rather than a domain;
      ``worlds``: where the successes it was mined from played).
    * ``tip``: ``{"object_type", "receptacle_type", "support"}``: where successes found a type.
    * ``lesson``: ``{"lesson", "task_type", "support", "used", "succeeded"}``: a reflection's words.
    * ``experience``: ``{"next", "neighbours", "cluster", "encoder_version"}``: what followed in
      similar past states.
    * ``warning``: ``{"cycle": [command, ...], "repeats", "lost"?: [command, ...]}``: the episode is
      going in a circle (``cycle``, may be empty); ``lost``: commands that lost this same task from
      this very state in an earlier episode (a game over).
    * ``lookahead``: ``{"rejected": {command: why}, "kept": [command, ...], "depth"}``.
    * ``path``: ``{"task", "steps": [command, ...], "successes", "shortest"}``: the shortest verified
      way from the current state through a winning step of this same task (the same goal from the
      same start), over every success of it merged (``shortest``: the best from the start).
    """

    WORKING = "working"
    SCENE = "scene"
    UNEXPLORED = "unexplored"
    ROUTE = "route"
    PRIOR = "prior"
    EPISODE = "episode"
    SKILL = "skill"
    TIP = "tip"
    LESSON = "lesson"
    EXPERIENCE = "experience"
    WARNING = "warning"
    LOOKAHEAD = "lookahead"
    PATH = "path"


@dataclass(frozen=True)
class Recall:
    """One remembered item offered to a planner: what it is, where it came from, how relevant."""

    kind: str  # a RecallKind value (a plain string in JSON)
    source: str  # the module that produced it
    content: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # how an LLM prompt renders it
    score: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in RecallKind.__members__.values():
            kinds = ", ".join(k.value for k in RecallKind)
            raise ValueError(f"unknown recall kind {self.kind!r}: a recall is one of {kinds}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class MemoryStep(TypedDict, total=False):
    """What ``observe`` gets for each step (and for the reset, ``t`` 0, ``action`` None)."""

    episode_id: str
    world_id: str
    t: int
    goal: dict[str, Any]  # Goal.to_json()
    action: str | None  # the command that led here
    outcome: str | None  # the env's Outcome of that command
    subgoal: str
    follows: str  # what the planner followed for that action (``Decision.follows``), "" if nothing
    text: str
    facts: list[list[Any]]  # Fact.to_json() triples
    skill_events: list[dict[str, Any]]
    won: bool  # on the episode's last step
    lost: bool  # on the episode's last step: the env ended it as lost (a game over, not the budget)


class RecallQuery(TypedDict, total=False):
    """What ``recall`` gets: the episode, its goal and world, the latest observation."""

    episode_id: str
    world_id: str
    goal: dict[str, Any]
    observation: dict[str, Any]  # Observation.to_json()
    t: int


@runtime_checkable
class MemoryModule(Protocol):
    """What the controller calls.

    ``observe(step)``: ``step`` has ``episode_id``, ``world_id``, ``t``, ``goal``, ``action`` (the one
    that led here, None at reset), ``subgoal`` (the planner's, for that action), ``text``, ``facts``
    (JSON triples) and ``skill_events`` (shortcut starts, completions and aborts); the episode's last
    step also has ``won`` and ``lost``. ``recall(query)``: ``query`` has ``episode_id``, ``goal``, ``world_id``,
    ``observation`` and ``t``; a module keeps no hidden "current" context, so a freshly loaded module
    answers the same query the same way. ``consolidate(episode)`` gets the finished
    ``episode.json``. ``save``/``load`` take one file path per module.

    ``consolidated`` holds the :func:`episode_key` of every episode the module has consolidated, and
    is saved with the rest of its state. A process killed after an episode ended but before memory
    was saved comes back with a module that lacks that episode; the runner then feeds it the
    episode's steps again. Because the set lives in the module's own saved state, the runner can tell
    "saved with this episode" from "saved without it" whatever instant the kill came, and
    ``consolidate`` must do nothing for a key it already holds.
    """

    name: str
    consolidated: set[str]

    def observe(self, step: dict[str, Any]) -> None: ...

    def recall(self, query: dict[str, Any]) -> list[Recall]: ...

    def consolidate(self, episode: dict[str, Any]) -> None: ...

    def save(self, path: Path) -> None: ...

    def load(self, path: Path) -> None: ...


def bounded(name: str) -> str:
    """A regex for ``name`` as a whole name in a lower-cased text: not inside a longer word. Word
    boundaries (``\\b``) would miss names that start or end with a sign ("[12]", a GUI element)."""
    return rf"(?<!\w){re.escape(name.lower())}(?!\w)"


#: relations that say where an entity is: a new one replaces the old
_WHERE = ("in", "on", "at")


def fold(state: dict[tuple[Any, ...], Any], facts: list[Any]) -> dict[tuple[Any, ...], Any]:
    """The world as the facts so far describe it: ``state`` updated in place with one step's facts
    (JSON triples or :class:`~engram.envs.core.Fact`). An entity is in one place at a time (a new
    ``in``/``on``/``at`` replaces the old and means it is no longer held); a state is what it was
    last seen as. Environments differ in how much each step's facts repeat (textworld lists what
    is in view, ALFWorld what the sentence said), and the fold makes both a state to compare."""
    for subject, relation, obj, value in facts:
        if relation in _WHERE and value:
            state[(subject, "where")] = (relation, obj)
            state.pop(("holds", subject), None)
        elif relation == "holds":
            if value:
                state[("holds", obj)] = True
                state.pop((obj, "where"), None)
            else:
                state.pop(("holds", obj), None)
        else:
            state[(subject, relation, obj)] = bool(value)
    return state


class FactsWorld:
    """The world model memory keeps when the env names no domain: the facts folded (:func:`fold`).
    It knows no effect rules, so it cannot simulate; it can say where the agent is and when a
    state repeats."""

    def __init__(self, state: dict[tuple[Any, ...], Any] | None = None) -> None:
        self.state: dict[tuple[Any, ...], Any] = dict(state or {})

    @property
    def at(self) -> str:
        where = self.state.get(("agent", "where"))
        return str(where[1]) if where else ""

    def apply(self, facts: Any) -> None:
        fold(self.state, [tuple(f) for f in facts])

    def copy(self) -> FactsWorld:
        return FactsWorld(self.state)

    def key(self) -> str:
        import hashlib

        return hashlib.sha1(repr(sorted(self.state.items(), key=repr)).encode()).hexdigest()[:16]


def loop_free(keys: list[Any], actions: list[str]) -> list[str]:
    """``actions`` without the stretches that came back to a state already passed (``keys[i]`` is
    the state before ``actions[i]``, ``keys[-1]`` the final one): what a success really needed,
    with its detours (look, examine, open-then-close, drop-then-take) cut out."""
    return [actions[i] for i in loop_free_steps(keys, len(actions))]


def loop_free_steps(keys: list[Any], n: int) -> list[int]:
    """The indices of :func:`loop_free`'s path among ``n`` steps (``keys[n]``, if there, is the
    final state, which may close a loop too)."""
    path: list[tuple[Any, int]] = []

    def back_to(key: Any) -> None:
        for j, (k, _) in enumerate(path):
            if k == key:
                del path[j:]
                return

    for i, key in enumerate(keys[:n]):
        back_to(key)
        path.append((key, i))
    if len(keys) > n:
        back_to(keys[n])
    return [i for _, i in path]


def episode_key(episode: dict[str, Any]) -> str:
    """A key unique across runs sharing a memory directory: episode ids alone repeat between runs."""
    return f"{episode.get('run_id', '')}/{episode['id']}"
