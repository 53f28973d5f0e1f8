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
from typing import Any, Literal, Protocol, Required, TypedDict, cast, overload, runtime_checkable

from engram.envs.core import Fact, Goal, Observation


class RecallKind(StrEnum):
    """What a recall is; each kind has one payload type (``content``): :data:`PAYLOADS` names it,
    and :func:`payload` gives a recall's content as that type, so a producer and a consumer that
    disagree on a field's name disagree under mypy."""

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


# -- payloads: TypedDicts, since a recall's content is JSON in every step record ------------------
class Marked(TypedDict, total=False):
    """What any payload may carry besides its own fields."""

    #: the utility module judged the kind of recall a loser here (its score is halved)
    demoted: bool


class WorkingPayload(Marked, total=False):
    """The episode's working memory (``text`` carries it rendered)."""

    subgoal: str
    summaries: list[str]
    pairs: int
    tokens: int


class ScenePayload(Marked):
    """Where a thing the goal names was last seen: ``holder`` holds it; ``place`` is the room or
    cell that is at ("" when unknown); the episode and step it was seen at."""

    object: str
    holder: str
    place: str
    episode: str
    step: int


class UnexploredPayload(Marked):
    """Holders whose contents were never listed, and where those whose place is known stand."""

    unexplored: list[str]
    places: dict[str, str]


class RoutePayload(Marked):
    """Ways between places of this world: ``[place, command, place]``."""

    routes: list[list[str]]


class PriorPayload(Marked, total=False):
    """How likely holders of a type (``holder_type``), or one holder (``holder``), are to hold what is
    sought: ``seen`` sightings, or a ``rate``; ``scope`` says what the evidence is drawn from ("all
    worlds", "this world" or "similar states": the last two change as an episode goes); ``looked``:
    how many searches the rate is drawn from."""

    object_type: Required[str]
    holder_type: str
    holder: str
    seen: int
    rate: float
    scope: str
    looked: float


class EpisodePayload(Marked):
    """A similar past episode of this world: ``path`` is its actions without detours; ``found``:
    ``[entity, holder]`` pairs; ``targets``: its goal's (None in records older than that field);
    ``labels``: per path step, what its command acted on as shown then (None in older records)."""

    task: str
    success: bool
    steps: int
    found: list[list[str]]
    targets: list[str] | None
    actions: list[str]
    path: list[str]
    labels: list[list[str]] | None


class SkillPayload(Marked, total=False):
    """A shortcut: ``steps`` are templates over ``{slot}`` names, ``pre`` their preconditions
    (:mod:`engram.envs.domain`). A domain's shortcut names ``kinds`` (slot -> the kind of entity
    that fills it; the domain's free slots are left out) and ``holder_kind`` (the kind of the place
    it starts at); one mined from the facts names ``slots`` (slot -> entity type, as the facts typed
    it); a GUI one its task ``family`` and ``utterance``; ``worlds``: where the successes it was
    mined from played; ``task``: the task a verified case run as a shortcut is the way of."""

    name: Required[str]
    steps: Required[list[str]]
    pre: Required[list[str]]
    support: int
    worlds: list[str]
    kinds: dict[str, str]
    holder_kind: str
    slots: dict[str, str]
    family: str
    utterance: str
    task: str


class TipPayload(Marked):
    """Where successes found a type: holders of ``holder_type``, ``support`` times."""

    object_type: str
    holder_type: str
    support: int


class LessonPayload(Marked):
    """A reflection's words, with how the episodes it was offered in ended."""

    lesson: str
    task_type: str
    support: int
    used: int
    succeeded: int


class Neighbour(TypedDict):
    """A similar past state: the trace it is from, its step there, and how similar (cosine)."""

    trace: str
    t: int
    similarity: float


class ExperiencePayload(Marked):
    """What followed in similar past states: next verb -> share, the neighbours, their cluster."""

    next: dict[str, float]
    neighbours: list[Neighbour]
    cluster: int
    encoder_version: int


class WarningPayload(Marked, total=False):
    """The episode is going in a circle (``cycle``, may be empty, ``repeats`` times); ``lost``:
    commands that lost this same task from this very state in an earlier episode (a game over)."""

    cycle: Required[list[str]]
    repeats: Required[int]
    lost: list[str]


class LookaheadPayload(Marked):
    """The bounded lookahead's verdict: rejected command -> why, the commands kept, its depth."""

    rejected: dict[str, str]
    kept: list[str]
    depth: int


class PathPayload(Marked):
    """The shortest verified way from the current state through a winning step of this same task
    (the same goal from the same start), over every success of it merged (``shortest``: the best
    from the start)."""

    task: str
    steps: list[str]
    successes: int
    shortest: int


Payload = (
    WorkingPayload | ScenePayload | UnexploredPayload | RoutePayload | PriorPayload | EpisodePayload | SkillPayload
    | TipPayload | LessonPayload | ExperiencePayload | WarningPayload | LookaheadPayload | PathPayload
)  # fmt: skip
#: each kind's payload type
PAYLOADS: dict[str, type] = {
    "working": WorkingPayload, "scene": ScenePayload, "unexplored": UnexploredPayload, "route": RoutePayload,
    "prior": PriorPayload, "episode": EpisodePayload, "skill": SkillPayload, "tip": TipPayload,
    "lesson": LessonPayload, "experience": ExperiencePayload, "warning": WarningPayload,
    "lookahead": LookaheadPayload, "path": PathPayload,
}  # fmt: skip


class RecallJSON(TypedDict):
    """:meth:`Recall.to_json`: how step records and checkpoints hold a recall."""

    kind: str
    source: str
    content: Payload
    text: str
    score: float


@dataclass(frozen=True)
class Recall:
    """One remembered item offered to a planner: what it is, where it came from, how relevant."""

    kind: str  # a RecallKind value (a plain string in JSON)
    source: str  # the module that produced it
    content: Payload = field(default_factory=lambda: WorkingPayload())  # the kind's payload type
    text: str = ""  # how an LLM prompt renders it
    score: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in RecallKind.__members__.values():
            kinds = ", ".join(k.value for k in RecallKind)
            raise ValueError(f"unknown recall kind {self.kind!r}: a recall is one of {kinds}")

    def to_json(self) -> RecallJSON:
        return cast(RecallJSON, asdict(self))


# fmt: off
@overload
def payload(r: Recall, kind: Literal["working"]) -> WorkingPayload: ...
@overload
def payload(r: Recall, kind: Literal["scene"]) -> ScenePayload: ...
@overload
def payload(r: Recall, kind: Literal["unexplored"]) -> UnexploredPayload: ...
@overload
def payload(r: Recall, kind: Literal["route"]) -> RoutePayload: ...
@overload
def payload(r: Recall, kind: Literal["prior"]) -> PriorPayload: ...
@overload
def payload(r: Recall, kind: Literal["episode"]) -> EpisodePayload: ...
@overload
def payload(r: Recall, kind: Literal["skill"]) -> SkillPayload: ...
@overload
def payload(r: Recall, kind: Literal["tip"]) -> TipPayload: ...
@overload
def payload(r: Recall, kind: Literal["lesson"]) -> LessonPayload: ...
@overload
def payload(r: Recall, kind: Literal["experience"]) -> ExperiencePayload: ...
@overload
def payload(r: Recall, kind: Literal["warning"]) -> WarningPayload: ...
@overload
def payload(r: Recall, kind: Literal["lookahead"]) -> LookaheadPayload: ...
@overload
def payload(r: Recall, kind: Literal["path"]) -> PathPayload: ...
# fmt: on
def payload(r: Recall, kind: str) -> Payload:
    """``r``'s content as ``kind``'s payload type; the caller has checked ``r.kind == kind`` (a
    recall of another kind is a bug: :class:`ValueError`)."""
    if r.kind != kind:
        raise ValueError(f"a {r.kind} recall read as a {kind} one")
    return r.content


def marked(r: Recall) -> Marked:
    """What any recall's payload may carry besides its own fields (``demoted``)."""
    return r.content


class SkillEvent(TypedDict, total=False):
    """A shortcut's start, completion or abort (:mod:`engram.agents.shortcuts`)."""

    name: str
    template: list[str]  # its steps over slot names, as memory keeps them
    event: str  # started | done | aborted
    why: str


class PerceivedJSON(TypedDict, total=False):
    """:meth:`Perceived.to_json`: how the controller's checkpointed history holds a step."""

    action: str | None
    text: str
    facts: list[list[Any]]  # Fact.to_json() quadruples
    outcome: str | None
    subgoal: str
    follows: str
    skill_events: list[SkillEvent]


@dataclass(frozen=True, slots=True)
class Perceived:
    """One observation of an episode with the action that led to it (None at the reset), the env's
    :class:`~engram.envs.core.Outcome` of that action, and what the planner was doing: the unit of
    a planner's history and of what memory observes. The controller's checkpoint keeps it as JSON
    (LangGraph's strict serializer loads plain data only); everyone else gets this."""

    action: str | None
    text: str
    facts: tuple[Fact, ...] = ()
    outcome: str | None = None
    subgoal: str = ""
    follows: str = ""  # what the planner followed for ``action`` (``Decision.follows``), "" if nothing
    skill_events: tuple[SkillEvent, ...] = ()

    def to_json(self) -> PerceivedJSON:
        return {"action": self.action, "text": self.text, "facts": [f.to_json() for f in self.facts],
                "outcome": self.outcome, "subgoal": self.subgoal, "follows": self.follows,
                "skill_events": list(self.skill_events)}  # fmt: skip

    @classmethod
    def from_json(cls, data: PerceivedJSON) -> Perceived:
        return cls(data.get("action"), data.get("text", ""), tuple(Fact.from_json(f) for f in data.get("facts", ())),
                   data.get("outcome"), data.get("subgoal", ""), data.get("follows", ""),
                   tuple(data.get("skill_events") or ()))  # fmt: skip


@dataclass(frozen=True, slots=True)
class MemoryStep:
    """What ``observe`` gets for each step of an episode (and for its reset: ``t`` 0, ``action``
    None). ``won``/``lost`` are only ever true on an episode's last step (``lost``: the env ended
    it as lost, a game over, not the step budget)."""

    episode_id: str
    world_id: str
    t: int
    goal: Goal
    action: str | None
    text: str
    facts: tuple[Fact, ...] = ()
    outcome: str | None = None
    subgoal: str = ""
    follows: str = ""
    skill_events: tuple[SkillEvent, ...] = ()
    won: bool = False
    lost: bool = False

    @classmethod
    def of(
        cls, seen: Perceived, episode_id: str, world_id: str, t: int, goal: Goal, won: bool = False, lost: bool = False
    ) -> MemoryStep:
        return cls(episode_id, world_id, t, goal, seen.action, seen.text, seen.facts, seen.outcome, seen.subgoal,
                   seen.follows, seen.skill_events, won, lost)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RecallQuery:
    """What ``recall`` gets: the episode, its goal and world, the latest observation and the step."""

    episode_id: str
    world_id: str
    goal: Goal
    observation: Observation
    t: int = 0


@dataclass(frozen=True, slots=True)
class EpisodeEnd:
    """What ``consolidate`` gets: a finished episode (its ``episode.json`` read as memory needs it).
    ``tip`` is the lesson a model-backed planner wrote at its end ("" for none)."""

    id: str
    run_id: str
    world_id: str
    task_type: str
    goal: Goal
    success: bool
    steps: int
    tip: str = ""

    @property
    def key(self) -> str:
        """Unique across runs sharing a memory directory (:func:`episode_key`)."""
        return episode_key(self.run_id, self.id)


@runtime_checkable
class MemoryModule(Protocol):
    """What the controller calls.

    ``observe(step)`` for every step an episode perceives, the last one included; ``recall(query)``
    when the planner is about to decide: a module keeps no hidden "current" context, so a freshly
    loaded module answers the same query the same way; ``consolidate(episode)`` at the episode's
    end; ``save``/``load`` take one file path per module.

    ``consolidated`` holds the :attr:`EpisodeEnd.key` of every episode the module has consolidated,
    and is saved with the rest of its state. A process killed after an episode ended but before
    memory was saved comes back with a module that lacks that episode; the runner then feeds it the
    episode's steps again. Because the set lives in the module's own saved state, the runner can tell
    "saved with this episode" from "saved without it" whatever instant the kill came, and
    ``consolidate`` must do nothing for a key it already holds.
    """

    name: str
    consolidated: set[str]

    def observe(self, step: MemoryStep) -> None: ...

    def recall(self, query: RecallQuery) -> list[Recall]: ...

    def consolidate(self, episode: EpisodeEnd) -> None: ...

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


def episode_key(run_id: str, episode_id: str) -> str:
    """A key unique across runs sharing a memory directory: episode ids alone repeat between runs."""
    return f"{run_id}/{episode_id}"
