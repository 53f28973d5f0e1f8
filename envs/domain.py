"""The domain plug-in: what an environment may tell memory and planners about its world.

Facts make memory environment-agnostic, and with facts alone every memory module works: the
scene graph, routes, episodic cases, loop-free paths, cycle warnings. A *domain* adds what only
knowledge of the world gives:

* **entity typing**: ``entity_type("apple 1") == "apple"`` (what generalises across instances);
* **a world model** with **effect rules** the bounded lookahead simulates: :meth:`Domain.world`
  folds facts into a model; :meth:`Domain.lookahead` judges candidate commands a few steps ahead;
* **state graphs** for the experience bank's encoder (:meth:`Domain.state_graph`, with the
  feature sizes ``node_dim`` / ``edge_dim``), what a state seeks (:meth:`Domain.sought`) and the
  hindsight labels of a trajectory;
* **how a trajectory splits into subgoals**: :meth:`Domain.shortcuts` cuts a verified success
  into reusable, parameterised procedures.

ALFWorld's rules are one domain (:mod:`engram.envs.household.domain`). An environment names its
domain in its class metadata, ``metadata["engram_domain"] = "module:attr"``; memory receives the
object and never imports a domain's module. With no domain, memory works from the facts alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from engram.envs.core import Fact, Goal

if TYPE_CHECKING:  # heavy imports, for annotations only
    import numpy as np
    from torch_geometric.data import Data


@dataclass
class Verdict:
    """A lookahead's judgement of each candidate command."""

    kept: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)  # command -> why
    value: dict[str, int] = field(default_factory=dict)  # command -> steps + distance within the horizon


#: What a procedure's step needs before it runs (``Procedure.pre``), in words any environment's facts
#: can check: nothing; that the agent's ``holds`` facts say it holds nothing; that it holds what a
#: slot is bound to (``HOLDS + "{slot}"``); or nothing, but the step is *needless* when the env does
#: not offer it, because what it would do holds already (opening what is open). A domain says
#: which of its steps need what; without one, :mod:`engram.memory.procedures` reads it from the facts.
NO_NEED = ""
HOLDS_NOTHING = "holds nothing"
HOLDS = "holds "
IF_OFFERED = "if offered"


def unmet(need: str, held: str) -> str:
    """Why a step whose precondition is ``need`` (slots bound) cannot run while the agent holds
    ``held`` ("" for nothing); "" when it can."""
    if need == HOLDS_NOTHING and held:
        return f"needs empty hands, holding {held}"
    if need.startswith(HOLDS) and need != HOLDS_NOTHING and held != need[len(HOLDS) :]:
        return f"needs {need[len(HOLDS) :]} in hand, holding {held or 'nothing'}"
    return ""


@dataclass
class Procedure:
    """A reusable piece of a verified success: ``steps`` are templates over ``{slot}`` names, ``pre``
    says per step what must hold (:data:`NO_NEED`, :data:`HOLDS_NOTHING`, :data:`HOLDS` ``{slot}``
    or :data:`IF_OFFERED`)."""

    name: str
    steps: tuple[str, ...]
    pre: tuple[str, ...]

    def bind(self, values: dict[str, str]) -> list[str]:
        """The steps grounded: every ``{slot}`` replaced by ``values[slot]``."""
        out = []
        for step in self.steps:
            for slot, value in values.items():
                step = step.replace("{" + slot + "}", value)
            out.append(step)
        return out


class WorldModel(Protocol):
    """A domain's model of one episode's world, folded from its facts."""

    at: str

    def apply(self, facts: Iterable[Fact]) -> None: ...

    def copy(self) -> WorldModel: ...

    def key(self) -> str: ...


class Embedder(Protocol):
    """Names to vectors, one row per name (``[n, dim]``): what a state graph's node features start
    from. Memory passes its shared text embedder, so a domain imports nothing of memory's."""

    def vectors(self, names: list[str]) -> np.ndarray: ...


@runtime_checkable
class Domain(Protocol):
    """A world's rules (see the module's docstring). Its methods take the :class:`WorldModel` its
    own :meth:`world` made: an implementation may narrow it with an ``isinstance`` check, since
    being handed another kind of model is a bug."""

    name: str
    node_dim: int
    edge_dim: int
    #: the verbs the experience encoder's hindsight labels use (its classification vocabulary)
    verbs: tuple[str, ...]
    #: ``(pattern, replacement)`` rewrites of how a model may phrase this world's commands
    rewrites: tuple[tuple[str, str], ...]
    #: the slots of its shortcuts that any entity may fill; every other slot is named by the kind of
    #: entity that fills it (``{drawer}``: "drawer 2")
    free_slots: tuple[str, ...]
    #: states that do not outlast an episode: every episode starts without them (a remembered one
    #: would be wrong by the next), so memory forgets them at its end
    fleeting: tuple[str, ...]

    def entity_type(self, entity: str) -> str: ...

    def world(self) -> WorldModel: ...

    def state_graph(self, world: WorldModel, goal: Goal, embedder: Embedder) -> Data: ...

    def sought(self, world: WorldModel, goal: Goal) -> str: ...

    def hindsight_labels(
        self, goal: Goal, worlds: Sequence[WorldModel], actions: list[str]
    ) -> list[dict[str, str]]: ...

    def lookahead(
        self, world: WorldModel, goal: Goal, candidates: Iterable[str], visited: set[str], depth: int
    ) -> Verdict: ...

    def shortcuts(self, actions: list[str]) -> list[Procedure]: ...
