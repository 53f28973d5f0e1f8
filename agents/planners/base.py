"""The planner protocol: ``decide(state, recall) -> Decision``.

Offline and LLM planners implement the same protocol and see the same inputs: the controller's
episode state (goal, latest observation, step history) and the list of memory recalls.

A planner may also have ``reflect(goal, steps, won) -> dict | None``: the controller calls it at
each episode end and stores what it returns as ``episode["reflection"]`` (a lesson in ``tip``,
which the skills module keeps). It is optional, so it is not part of the protocol: the offline
planners have nothing to reflect with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypedDict

from engram.memory.base import Recall


@dataclass
class Decision:
    action: str
    rationale: str = ""
    subgoal: str = ""
    tokens: dict[str, int] = field(default_factory=dict)
    error: str | None = None  # a model error recorded as data (the step still happens)
    #: the shortcut this action belongs to (see :mod:`engram.agents.shortcuts`), step ``i`` of it
    skill: dict[str, Any] | None = None
    #: a model-backed decision's ledger: calls, cache hits, tokens, latency, cost, outcome
    llm: dict[str, Any] | None = None
    #: the kind of memory this decision followed as a plan ("case", "shortcut", "prior", "route";
    #: "" for the planner's own reasoning): :mod:`engram.memory.utility` counts what following did
    follows: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class PlannerState(TypedDict, total=False):
    """What a planner is given each step: the episode's goal, the latest observation and the
    history of observations with the action behind each, and where the episode stands. Not the
    controller's own bookkeeping (checkpointed actions, pending records, the running shortcut)."""

    run_id: str  # the run this episode belongs to (episode ids repeat across runs)
    episode_id: str
    world_id: str
    seed: int
    t: int
    max_steps: int
    goal: dict[str, Any]  # Goal.to_json()
    observation: dict[str, Any]  # Observation.to_json()
    history: list[dict[str, Any]]  # {"action", "text", "facts", "outcome", "subgoal", "skill_events"} per step


PLANNER_KEYS = tuple(PlannerState.__annotations__)


class Planner(Protocol):
    name: str

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision: ...
