"""The planner protocol: ``decide(state, recall) -> Decision``.

Offline and LLM planners implement the same protocol and see the same inputs: the controller's
episode state (goal, latest observation, step history) and the list of memory recalls.

A planner may also have ``reflect(goal: Goal, steps: list[StepRecord], won) -> Reflection | None``:
the controller calls it at each episode end and stores what it returns as ``episode["reflection"]``
(a lesson in ``tip``, which the skills module keeps). It is optional, so it is not part of the protocol: the offline
planners have nothing to reflect with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Protocol, TypedDict, cast

from engram.envs.core import Goal, Observation
from engram.memory.base import Perceived, Recall

if TYPE_CHECKING:  # the LLM planner's own records; it imports this module
    from engram.agents.planners.llm_memory import ChoicesRecord
    from engram.agents.planners.llm_response import Exchange


class RunningSkill(TypedDict, total=False):
    """A shortcut a decision starts (``i`` 0) or continues (:mod:`engram.agents.shortcuts`)."""

    name: str
    template: list[str]  # its steps over slot names, as memory keeps them
    steps: list[str]  # the same, bound to this world's entities
    pre: list[str]  # per step, what it needs (:mod:`engram.envs.domain`), bound like the step
    i: int  # the step this decision takes
    obj: str  # what the shortcut is about, when the planner bound one ("" otherwise)
    follows: str  # the kind of memory it came from, when not a shortcut ("case")


class DecisionLedger(TypedDict, total=False):
    """A model-backed decision's ledger (:class:`~engram.agents.planners.llm.LLMPlanner`)."""

    model: str
    outcome: str  # ok | repaired | reasked | fallback
    calls: int
    cache_hits: int
    prompt_tokens: int
    completion_tokens: int
    counted_prompt_tokens: int  # engram's own count (tiktoken), beside the server's
    budget: int
    over_budget: bool
    dropped: dict[str, int]  # what was left out of the prompt to fit the budget
    latency_s: float
    timeout_s: float
    cost: float
    errors: list[str]  # every endpoint failure and unusable answer, in order
    finish_reasons: list[str]
    reasoning: str
    exchange: list[Exchange]  # what went over the wire: OpenAI messages and answers
    memory: ChoicesRecord  # what memory did to the choices (llm_memory.Choices.record)
    shared_prefix_tokens: int
    server_cached_tokens: int | None
    schema_style: str | None


class DecisionJSON(TypedDict, total=False):
    """:meth:`Decision.to_json`: how the controller's checkpoint holds a decision."""

    action: str
    rationale: str
    subgoal: str
    tokens: dict[str, int]
    error: str | None
    skill: RunningSkill | None
    llm: DecisionLedger | None
    follows: str


@dataclass
class Decision:
    action: str
    rationale: str = ""
    subgoal: str = ""
    tokens: dict[str, int] = field(default_factory=dict)
    error: str | None = None  # a model error recorded as data (the step still happens)
    #: the shortcut this action belongs to (see :mod:`engram.agents.shortcuts`), step ``i`` of it
    skill: RunningSkill | None = None
    #: a model-backed decision's ledger: calls, cache hits, tokens, latency, cost, outcome
    llm: DecisionLedger | None = None
    #: the kind of memory this decision followed as a plan ("case", "shortcut", "prior", "route";
    #: "" for the planner's own reasoning): :mod:`engram.memory.utility` counts what following did
    follows: str = ""

    def to_json(self) -> DecisionJSON:
        return cast(DecisionJSON, asdict(self))


@dataclass(frozen=True, slots=True)
class PlannerState:
    """What a planner is given each step: the episode's goal, the latest observation and the
    history of what it perceived (the reset first, then one :class:`Perceived` per step, with the
    action behind it), and where the episode stands. Not the controller's own bookkeeping
    (checkpointed actions, pending records, the running shortcut)."""

    goal: Goal
    observation: Observation
    history: Sequence[Perceived] = ()
    t: int = 0
    max_steps: int = 60
    episode_id: str = ""
    world_id: str = ""
    seed: int = 0
    run_id: str = ""  # the run this episode belongs to (episode ids repeat across runs)


class Planner(Protocol):
    name: str

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision: ...
