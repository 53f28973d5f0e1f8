"""What the experience bank (:mod:`engram.memory.experience`) keeps, and the JSON it saves it as:
an episode as it runs (:class:`Live`), as the bank keeps it once it ended (:class:`Trace`), and
the encoders the bank has had (:class:`EncoderVersion`).

A trace is the episode's states, the actions between them with their outcomes, and hindsight
labels. States are kept as the facts observed on reaching each (JSON quadruples, as saved), and
turned back into world models on demand (:meth:`Trace.views`); :func:`outlook` reads what else a
trace shows (the type sought at each state, every complete listing of a holder).

The goal is saved flat (:meth:`~engram.envs.core.Goal.flat`: a domain's slots beside ``text``,
``task_type`` and ``targets``), as it always was, so banks saved by any version read alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Required, TypedDict, cast

import networkx as nx

from engram.envs.core import Fact, Goal
from engram.envs.domain import Domain
from engram.memory.base import FactsWorld
from engram.memory.paths import Run

if TYPE_CHECKING:  # torch comes with the encoder: imported where one is made
    from engram.memory.gnn import EncoderConfig


class LiveJSON(TypedDict, total=False):
    """A running episode as a save keeps it (its views and keys are rebuilt from the facts at load;
    episodes saved before ``texts`` and ``changed`` were kept have none)."""

    goal: Required[dict[str, Any]]  # Goal.flat(): the domain's own slots beside text, task type, targets
    world: Required[str]
    actions: Required[list[str]]
    outcomes: Required[list[str]]
    facts: Required[list[list[list[Any]]]]  # per state, Fact.to_json() quadruples
    texts: list[str]
    changed: list[bool]


class TraceJSON(LiveJSON, total=False):
    """A trace's saved body (compressed in the bank's ``traces`` table; banks saved before ``texts``,
    ``changed`` and ``lost`` were kept have none)."""

    key: Required[str]
    success: Required[bool]
    state_keys: Required[list[str]]
    labels: Required[list[dict[str, str]]]
    lost: bool


class EncoderConfigJSON(TypedDict):
    """:class:`~engram.memory.gnn.EncoderConfig` as the bank's ``encoders`` table keeps it."""

    conv: str
    node_dim: int
    edge_dim: int
    hidden: int
    out: int
    layers: int
    seed: int


class TrainReportJSON(TypedDict):
    """:class:`~engram.memory.gnn.TrainReport` as the ``encoders`` table keeps it."""

    states: int
    epochs: int
    seconds: float
    losses: list[float]
    accuracy: dict[str, float]


class EncoderVersion(TypedDict):
    """One encoder the bank has had: its config, and its training (None: untrained, version 0)."""

    version: int
    config: EncoderConfigJSON
    report: TrainReportJSON | None


def config_json(config: EncoderConfig) -> EncoderConfigJSON:
    """``config`` as the ``encoders`` table keeps it (every field of the dataclass, in its order)."""
    return cast(EncoderConfigJSON, asdict(config))


@dataclass
class Outlook:
    """What a stored trace shows beyond its labels: the type sought at each state, and every
    complete listing of a holder (the state it was listed at, the holder, the types in it)."""

    sought: list[str]
    listings: list[tuple[int, str, frozenset[str]]]


def world_of(domain: Domain | None) -> Any:
    """An empty world model: the domain's, or the facts folded (with no domain)."""
    return domain.world() if domain is not None else FactsWorld()


def outlook(trace: Trace, domain: Domain) -> Outlook:
    listings = []
    kind = domain.entity_type
    for step, facts in enumerate(trace.facts):
        fs = [Fact.from_json(f) for f in facts]
        for rec in sorted({f.subject for f in fs if f.relation == "searched" and f.value}):
            types = frozenset(kind(f.subject) for f in fs if f.relation in ("in", "on") and f.object == rec and f.value)
            listings.append((step, rec, types))
    return Outlook([domain.sought(v, trace.goal) for v in trace.views(domain)], listings)


@dataclass
class Live:
    """One running episode: its world view, states and actions so far, its trace graph."""

    goal: Goal
    world: str
    view: Any  # the domain's world model (or the facts folded, with no domain)
    views: list[Any] = field(default_factory=list)  # state t = view before action t
    actions: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    facts: list[list[list[Any]]] = field(default_factory=list)  # per state, Fact.to_json() quadruples
    keys: list[str] = field(default_factory=list)  # the world model's key() per state: cycles, revisits
    texts: list[str] = field(default_factory=list)  # what the agent read at each state (paths, no facts)
    changed: list[bool] = field(default_factory=list)  # per action: the env said the world changed
    lost: bool = False  # the env ended the episode as lost

    def snapshot(self) -> None:
        """Record the current view as the episode's next state."""
        self.views.append(self.view.copy())
        self.keys.append(self.view.key())

    def to_json(self) -> LiveJSON:
        return {"goal": self.goal.flat(), "world": self.world, "actions": self.actions, "outcomes": self.outcomes,
                "facts": self.facts, "texts": self.texts, "changed": self.changed}  # fmt: skip


@dataclass
class Trace:
    key: str
    world: str
    goal: Goal
    success: bool
    actions: list[str]
    outcomes: list[str]
    facts: list[list[list[Any]]]  # per state, the facts observed on reaching it (Fact.to_json() quadruples)
    state_keys: list[str]
    labels: list[dict[str, str]]
    #: what the agent read at each state: tells states apart for :mod:`engram.memory.paths` where the
    #: facts say no more than the agent's place (banks saved before this field have none)
    texts: list[str] = field(default_factory=list)
    #: per action, whether the env's outcome was progress (banks saved before this field have none)
    changed: list[bool] = field(default_factory=list)
    lost: bool = False  # the env ended it as lost (a game over)

    def to_json(self) -> TraceJSON:
        """The saved body: the fields in their order, the goal flat."""
        return {"key": self.key, "world": self.world, "goal": self.goal.flat(), "success": self.success,
                "actions": self.actions, "outcomes": self.outcomes, "facts": self.facts,
                "state_keys": self.state_keys, "labels": self.labels, "texts": self.texts, "changed": self.changed,
                "lost": self.lost}  # fmt: skip

    @classmethod
    def from_json(cls, data: TraceJSON) -> Trace:
        return cls(data["key"], data["world"], Goal.from_json(data["goal"]), data["success"], data["actions"],
                   data["outcomes"], data["facts"], data["state_keys"], data["labels"], data.get("texts", []),
                   data.get("changed", []), data.get("lost", False))  # fmt: skip

    def run(self) -> Run:
        failed = [o != "ok" for o in self.outcomes]
        return Run(self.facts, self.actions, failed, self.success, self.texts, self.changed, self.lost)

    def views(self, domain: Domain | None) -> list[Any]:
        view, out = world_of(domain), []
        for facts in self.facts:
            view.apply(Fact.from_json(f) for f in facts)
            out.append(view.copy())
        return out

    def graph(self) -> nx.MultiDiGraph:
        """The action-connected trace graph: states (by key) joined by the actions taken."""
        g = nx.MultiDiGraph()
        for t, action in enumerate(self.actions):
            if t + 1 < len(self.state_keys):
                g.add_edge(self.state_keys[t], self.state_keys[t + 1], action=action, outcome=self.outcomes[t], t=t)
        return g
