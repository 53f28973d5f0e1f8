"""The typed records a run leaves behind: :class:`StepRecord` (a line of ``steps.jsonl``),
:class:`EpisodeRecord` (``episode.json``) and :class:`RunSummary` (``summary.json``); what a run is
made from, :class:`~engram.agents.spec.RunSpec`, is in :mod:`engram.agents.spec`.

Each is a dataclass with ``to_json``/``from_json`` and a ``schema`` version. Records on disk are JSON
(never pickle) and outlive the code that wrote them: ``from_json`` reads every version engram has
written (version 0 is what runs wrote before records carried a version: the same keys, some of them
missing in older runs) and fills what an old record lacks with the default a run of its time meant.
Keys a reader does not know are kept in ``extra`` and written back, so a record read and rewritten
by this code loses nothing a newer or a plug-in's writer put there.

These live on the agents floor because the controller writes them; the tools (``show``, ``replay``,
``view``) and the experiments read them from here.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, TypedDict, cast, get_args

from engram.envs.core import Goal, GoalJSON, ObservationJSON
from engram.memory.base import EpisodeEnd, RecallJSON, SkillEvent
from engram.memory.migrate import recall_v0

if TYPE_CHECKING:
    from engram.agents.parallel import Attempt, WorkerInfo
    from engram.agents.planners.base import DecisionLedger
    from engram.agents.planners.llm import Reflection
    from engram.memory.graphview import GraphDelta, GraphView

#: the version every record this code writes carries (``schema``); 0: written before versions
SCHEMA_VERSION = 1

#: the environment a run plays when it names none
ENV_ID = "engram/ALFWorld-v0"
#: a run directory's own memory directory (where memory lives unless the spec names another)
MEMORY_FOLDER = "memory"

#: JSON as read from disk before it is checked to be a record, and the keys of a record that no field
#: of this code's names (``extra``): genuinely open
JSONObject = dict[str, object]


class ShownGraph(TypedDict, total=False):
    """What a graph-shaped memory module held when a step was planned (``StepRecord.memory_graphs``):
    its graph at the episode's start (first step only), and what the step's perception changed."""

    start: GraphView
    delta: GraphDelta


class Timings(TypedDict, total=False):
    plan_s: float  # memory recall and the planner's decision
    env_s: float  # the environment's step
    step_s: float  # the whole step, perception to record
    started_at: float  # wall clock (epoch seconds) when the step began


class Ledger(TypedDict, total=False):
    """An episode's model usage (:func:`ledger`); the run's total adds ``tokens_per_episode``."""

    calls: int
    cache_hits: int
    prompt_tokens: int
    completion_tokens: int
    latency_s: float
    cost: float
    shared_prefix_tokens: int
    server_cached_tokens: int
    outcomes: dict[str, int]  # how decisions came about: ok, repaired, reasked, fallback, offline
    memory: dict[str, int]  # MEMORY_KEYS: what memory did to the model's choices
    tokens_per_episode: float


def _extra(data: Mapping[str, Any], cls: type) -> JSONObject:
    """The keys of ``data`` that ``cls`` has no field for (kept, and written back)."""
    known = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k not in known}


def _json(record: Any) -> JSONObject:
    """A record's fields as JSON, shallowly (records hold JSON values already: no deep copy, which a
    step record would pay on every step), its ``extra`` keys first so the fields win. ``schema`` is
    this code's: a record read from an older version is written in this version's shape (``schema``
    on the record says what was read)."""
    out: JSONObject = dict(record.extra)
    for f in fields(record):
        if f.name != "extra":
            out[f.name] = getattr(record, f.name)
    out["schema"] = SCHEMA_VERSION
    return out


#: the step fields whose value may be null
_NULLABLE = frozenset({"outcome", "llm", "error"})


@dataclass
class StepRecord:
    """One step as ``steps.jsonl`` holds it: what was decided, what happened, what memory offered.

    ``observation`` is what the action led to (or, for a step that was not executed, the one it was
    decided on); ``facts_delta`` the facts it added to everything seen before in the episode;
    ``recalls`` the memory items the planner was shown (:class:`~engram.memory.base.Recall` JSON);
    ``llm`` a model-backed decision's ledger (None for an offline one); ``memory_graphs`` what each
    graph-shaped memory module held when the step was planned (a start, then deltas).
    """

    t: int
    action: str
    executed: bool
    observation: ObservationJSON
    facts_delta: list[list[Any]] = field(default_factory=list)
    reward: float = 0.0
    outcome: str | None = None
    won: bool = False
    done: bool = False
    subgoal: str = ""
    follows: str = ""
    rationale: str = ""
    skill_events: list[SkillEvent] = field(default_factory=list)
    recalls: list[RecallJSON] = field(default_factory=list)
    planner_called: bool = True
    tokens: dict[str, int] = field(default_factory=dict)
    llm: DecisionLedger | None = None  # the model's per-decision ledger (Decision.llm)
    memory_graphs: dict[str, ShownGraph] = field(default_factory=dict)  # module -> what it held
    timings: Timings = field(default_factory=lambda: Timings())
    error: str | None = None
    schema: int = SCHEMA_VERSION
    extra: JSONObject = field(default_factory=dict)

    def to_json(self) -> JSONObject:  # open: it carries ``extra``
        return _json(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StepRecord:
        """A step from its JSON line (any version); ``KeyError``/``TypeError`` when it is not one."""
        if not isinstance(data.get("t"), int) or "action" not in data:
            raise TypeError("a step record needs an integer 't' and an 'action'")
        known = {f.name for f in fields(cls)} - {"extra"}
        # A null where a list or an object belongs (a hand-written or foreign record) is the default.
        values = {k: data[k] for k in known if k in data and (data[k] is not None or k in _NULLABLE)}
        values.setdefault("executed", True)
        values.setdefault("observation", ObservationJSON(text=""))
        values["schema"] = int(data.get("schema", 0))
        if values["schema"] == 0 and isinstance(values.get("recalls"), list):  # memory's words before version 1
            values["recalls"] = [recall_v0(r) if isinstance(r, dict) else r for r in values["recalls"]]
        return cls(**values, extra=_extra(data, cls))


class EpisodeResultJSON(TypedDict):
    """:meth:`EpisodeResult.to_json`."""

    success: bool
    steps: int
    seconds: float
    error: str | None
    ledger: Ledger


@dataclass
class EpisodeResult:
    """How an episode ended (``episode.json``'s ``result``)."""

    success: bool
    steps: int
    seconds: float = 0.0
    error: str | None = None  # an env crash, or a backend's ("worker died", "time limit"): run again
    ledger: Ledger = field(default_factory=lambda: Ledger())

    def to_json(self) -> EpisodeResultJSON:
        return {"success": self.success, "steps": self.steps, "seconds": self.seconds, "error": self.error,
                "ledger": self.ledger}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EpisodeResult:
        return cls(bool(data["success"]), int(data["steps"]), float(data.get("seconds") or 0.0),
                   data.get("error"), data.get("ledger") or Ledger())  # fmt: skip


@dataclass
class EpisodeRecord:
    """An episode as ``episode.json`` holds it: written at its reset, rewritten at its end with
    ``result`` (None while it runs) and, by a model-backed planner, ``reflection``. A parallel run
    adds the ``worker`` that played it and the failed ``attempts`` before."""

    id: str
    game: str = ""
    seed: int | None = None
    run_id: str = ""
    task_type: str = "unknown"
    world_id: str = ""
    goal: GoalJSON = field(default_factory=lambda: GoalJSON())
    initial_observation: ObservationJSON | None = None  # None: a backend ended it before its reset
    reset_s: float = 0.0
    result: EpisodeResult | None = None
    reflection: Reflection | None = None  # the planner's lesson and its model usage
    worker: WorkerInfo | None = None  # who played it (a parallel run): name, host, pid, versions
    attempts: list[Attempt] = field(default_factory=list)  # the backend's failed tries before
    schema: int = SCHEMA_VERSION
    extra: JSONObject = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        """Ran to its end: a result that is not a backend's error (such an episode runs again)."""
        return self.result is not None and self.result.error is None

    def ended(self) -> EpisodeEnd:
        """The finished episode as memory's ``consolidate`` reads it (a bug before its result)."""
        if self.result is None:
            raise ValueError(f"episode {self.id} has no result yet")
        tip = (self.reflection.get("tip") if self.reflection else None) or ""
        return EpisodeEnd(self.id, self.run_id, self.world_id, self.task_type, Goal.from_json(self.goal),
                          self.result.success, self.result.steps, " ".join(str(tip).split()))  # fmt: skip

    def to_json(self) -> JSONObject:  # open: it carries ``extra``
        out = _json(self)
        out["result"] = self.result.to_json() if self.result is not None else None
        if not self.attempts:
            del out["attempts"]
        for key in ("result", "reflection", "worker"):  # absent until there is one, as ever
            if out[key] is None:
                del out[key]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EpisodeRecord:
        """An episode from its JSON (any version; an old record's ``house_id`` is its world)."""
        known = {f.name for f in fields(cls)} - {"extra", "result"}
        values = {k: data[k] for k in known if k in data and data[k] is not None}
        values["id"] = str(data["id"])
        values.setdefault("world_id", str(data.get("house_id", "")))
        values["schema"] = int(data.get("schema", 0))
        result = data.get("result")
        extra = {k: v for k, v in _extra(data, cls).items() if k != "result"}
        return cls(**values, result=EpisodeResult.from_json(result) if result else None, extra=extra)


class SummaryRowJSON(TypedDict):
    """:meth:`SummaryRow.to_json`."""

    id: str
    game: str
    seed: int | str | None
    task_type: str
    world_id: str
    success: bool
    steps: int
    seconds: float
    error: str | None
    ledger: Ledger
    house_id: str  # the world's key's name before world ids (scripts read it)


@dataclass
class SummaryRow:
    """A finished episode's line in ``summary.json``."""

    id: str
    game: str
    seed: int | str | None
    task_type: str
    world_id: str
    success: bool
    steps: int
    seconds: float
    error: str | None = None
    ledger: Ledger = field(default_factory=lambda: Ledger())

    def to_json(self) -> SummaryRowJSON:
        return {"id": self.id, "game": self.game, "seed": self.seed, "task_type": self.task_type,
                "world_id": self.world_id, "success": self.success, "steps": self.steps, "seconds": self.seconds,
                "error": self.error, "ledger": self.ledger, "house_id": self.world_id}  # fmt: skip

    @classmethod
    def of(cls, episode: EpisodeRecord) -> SummaryRow | None:
        """The row of a finished episode (None while it runs)."""
        r = episode.result
        if r is None:
            return None
        return cls(episode.id, episode.game, episode.seed, episode.task_type, episode.world_id, r.success, r.steps,
                   r.seconds, r.error, r.ledger or ledger([]))  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SummaryRow:
        world, task_type = str(data.get("world_id", data.get("house_id", ""))), str(data.get("task_type", "unknown"))
        return cls(str(data["id"]), str(data.get("game") or ""), data.get("seed"), task_type, world,
                   bool(data["success"]), int(data["steps"]), float(data.get("seconds") or 0.0),
                   data.get("error"), data.get("ledger") or ledger([]))  # fmt: skip


class TaskTypeStats(TypedDict):
    episodes: int
    success_rate: float
    median_steps_success: float | None
    mean_seconds: float


class RunSummaryJSON(TypedDict):
    """:meth:`RunSummary.to_json`: ``summary.json``."""

    episodes_total: int
    success_rate: float
    steps_per_success: float | None
    median_steps_success: float | None
    per_task_type: dict[str, TaskTypeStats]
    llm: Ledger
    episodes: list[SummaryRowJSON]
    schema: int


@dataclass
class RunSummary:
    """``summary.json``: success, steps per success, per task type, the model's usage, every row."""

    episodes_total: int
    success_rate: float
    steps_per_success: float | None
    median_steps_success: float | None
    per_task_type: dict[str, TaskTypeStats]
    llm: Ledger
    episodes: list[SummaryRow]
    schema: int = SCHEMA_VERSION

    def to_json(self) -> RunSummaryJSON:
        return {"episodes_total": self.episodes_total, "success_rate": self.success_rate,
                "steps_per_success": self.steps_per_success, "median_steps_success": self.median_steps_success,
                "per_task_type": self.per_task_type, "llm": self.llm, "episodes": [r.to_json() for r in self.episodes],
                "schema": self.schema}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunSummary:
        """Read ``summary.json`` (any version): the figures are computed again from its rows, so a
        summary from an older version (fewer keys) reads like a new one."""
        return summarize_rows([SummaryRow.from_json(r) for r in data["episodes"]])

    @classmethod
    def of(cls, episodes: Sequence[EpisodeRecord]) -> RunSummary:
        return summarize_rows([row for row in map(SummaryRow.of, episodes) if row is not None])


def world_of(episode: Mapping[str, Any]) -> str:
    """The world of an episode's JSON; run directories older than world ids recorded a house."""
    return str(episode.get("world_id", episode.get("house_id", "")))


#: a ledger's sums, each a key of a decision's ledger and of an episode's
LedgerKey = Literal["calls", "cache_hits", "prompt_tokens", "completion_tokens", "latency_s", "cost",
                    "shared_prefix_tokens", "server_cached_tokens"]  # fmt: skip
LEDGER_KEYS: tuple[LedgerKey, ...] = get_args(LedgerKey)
#: what memory did to the model's choices, counted per decision (see agents/planners/llm_memory.py):
#: decisions where it removed commands, commands removed, decisions where it had to give all back,
#: decisions that took the first command listed, shortcuts (and cases) called, and steps a called
#: shortcut ran without asking the model (calls saved)
MEMORY_KEYS = ("pruned", "removed", "restored", "took_first", "called", "followed", "calls_saved")


def _as_ledger(sums: dict[str, float], outcomes: dict[str, int], memory: dict[str, int]) -> Ledger:
    """The :class:`Ledger` of the :data:`LEDGER_KEYS` sums (latency and cost rounded), as summed: a
    count summed from whole numbers stays one, so the cast only names what the sums are."""
    sums["latency_s"], sums["cost"] = round(sums["latency_s"], 6), round(sums["cost"], 8)
    return cast(Ledger, {**sums, "outcomes": outcomes, "memory": memory})


def ledger(steps: Sequence[StepRecord], reflection: Reflection | None = None) -> Ledger:
    """An episode's model usage from its step records (``llm`` of each step) and its reflection.

    ``outcomes`` counts how decisions came about (ok, repaired, reasked, fallback; ``offline`` for
    steps no model was asked about, e.g. a running shortcut or an offline planner)."""
    sums: dict[str, float] = {k: 0 for k in LEDGER_KEYS}
    outcomes: dict[str, int] = {}
    mem = dict.fromkeys(MEMORY_KEYS, 0)
    for s in steps:
        llm = s.llm or {}
        for k in LEDGER_KEYS:
            sums[k] += llm.get(k) or 0
        outcome = llm.get("outcome", "offline")
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        shaped = llm.get("memory")
        if shaped:
            mem["pruned"] += bool(shaped.get("removed"))
            mem["removed"] += len(shaped.get("removed") or {})
            mem["restored"] += bool(shaped.get("restored"))
            mem["took_first"] += bool(shaped.get("took_first"))
            mem["called"] += bool(shaped.get("called"))
            mem["followed"] += shaped.get("called") == "follow"
        mem["calls_saved"] += not llm and s.subgoal.startswith("shortcut: ")
    if reflection:
        tokens = reflection.get("tokens") or {"prompt": 0, "completion": 0}
        sums["calls"] += 1
        sums["cache_hits"] += bool(reflection.get("cached"))
        sums["prompt_tokens"] += tokens.get("prompt", 0)
        sums["completion_tokens"] += tokens.get("completion", 0)
        sums["latency_s"] += reflection.get("latency_s", 0.0)
        sums["cost"] += reflection.get("cost", 0.0)
    return _as_ledger(sums, outcomes, mem)


def summarize_rows(rows: Sequence[SummaryRow]) -> RunSummary:
    """The summary of finished episodes' rows."""
    by_type: dict[str, list[SummaryRow]] = defaultdict(list)
    for row in rows:
        by_type[row.task_type].append(row)
    wins = [r.steps for r in rows if r.success]
    return RunSummary(
        episodes_total=len(rows),
        success_rate=len(wins) / len(rows) if rows else 0.0,
        steps_per_success=statistics.fmean(wins) if wins else None,
        median_steps_success=statistics.median(wins) if wins else None,
        per_task_type={t: _group(rs) for t, rs in sorted(by_type.items())},
        llm=total_ledger([r.ledger for r in rows]),
        episodes=list(rows),
    )


def _group(rows: list[SummaryRow]) -> TaskTypeStats:
    wins = [r.steps for r in rows if r.success]
    return TaskTypeStats(
        episodes=len(rows),
        success_rate=len(wins) / len(rows),
        median_steps_success=statistics.median(wins) if wins else None,
        mean_seconds=statistics.fmean(r.seconds for r in rows),
    )


def total_ledger(ledgers: Sequence[Ledger]) -> Ledger:
    """The run's model usage: the episodes' ledgers added up, and tokens per episode."""
    sums: dict[str, float] = {k: 0 for k in LEDGER_KEYS}
    outcomes: dict[str, int] = {}
    mem = dict.fromkeys(MEMORY_KEYS, 0)
    for led in ledgers:
        for k in LEDGER_KEYS:
            sums[k] += led.get(k, 0) or 0
        for m in MEMORY_KEYS:
            mem[m] += (led.get("memory") or {}).get(m, 0)
        for o, n in (led.get("outcomes") or {}).items():
            outcomes[o] = outcomes.get(o, 0) + n
    total = _as_ledger(sums, outcomes, mem)
    total["tokens_per_episode"] = (
        round((total["prompt_tokens"] + total["completion_tokens"]) / len(ledgers), 1) if ledgers else 0.0
    )
    return total
