"""The environment contract: what every engram environment returns, in one readable file.

An engram environment is a ``gymnasium.Env`` whose observation is an :class:`Observation` and whose
action is an action string. Facts are what make memory environment-agnostic: a kitchen and a web
form both arrive as entities, relations and states in one shared vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, TypedDict

import gymnasium as gym

#: Relations between two entities.
RELATIONS = frozenset({"type", "category", "in", "on", "at", "holds", "near", "child_of", "facing", "text", "value"})
#: Unary states of one entity (``object`` is None). ``value=False`` records an observed negation,
#: e.g. a receptacle seen closed is ``Fact("fridge 1", "open", None, False)``. ``searched`` says the
#: observation listed the entity's *complete* contents, so anything believed inside and not listed
#: is no longer there.
STATES = frozenset(
    {"open", "locked", "hot", "cold", "clean", "on", "sliced", "visible", "empty", "searched", "focused"}
)


#: ``category`` facts that memory reads: an entity that holds others (searched, listed, remembered as
#: where things are kept), and a place one stands at (a room, a cell)
HOLDER_CATEGORY = "receptacle"
PLACE_CATEGORY = "place"


class Outcome(StrEnum):
    """What one step did, as the environment judges it (never re-read from its prose).

    * ``progress``: the world changed (something moved, opened, heated; the agent went somewhere;
      the score rose);
    * ``no_effect``: the command was carried out and changed nothing (look, examine, inventory);
    * ``failure``: the command could not be carried out here (a precondition failed, the engine
      refused it, or it was unknown).

    Memory and planners read it to learn what not to repeat: a shortcut aborts on ``failure``, the
    explorer does not try a failed command again from the same place.
    """

    PROGRESS = "progress"
    NO_EFFECT = "no_effect"
    FAILURE = "failure"


class GoalJSON(TypedDict, total=False):
    """:meth:`Goal.to_json`: how records and checkpoints hold a goal."""

    text: str
    task_type: str
    targets: list[str]
    slots: dict[str, Any]  # a domain's own structure: open by design


@dataclass(frozen=True)
class Goal:
    """The task of an episode, supplied by the environment at reset as ``info["goal"]``.

    ``text`` is what a person would be told; ``task_type`` groups episodes that are the same kind of
    task (``pick_heat``, a MiniWoB task name, a TextWorld quest family); ``targets`` names the
    entities the task is about, as they appear in facts and commands (memory looks them up, the
    generic planner heads for them); ``slots`` holds anything structured a domain's own planner
    wants (ALFWorld's object / receptacle / lamp). Memory never parses ``text`` for structure.
    """

    text: str
    task_type: str = "unknown"
    targets: tuple[str, ...] = ()
    slots: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> GoalJSON:
        return {"text": self.text, "task_type": self.task_type, "targets": list(self.targets),
                "slots": dict(self.slots)}  # fmt: skip

    def flat(self) -> dict[str, Any]:
        """Slots beside text, task type and targets in one dict: the view a domain's own code
        (ALFWorld's planner and rules) indexes by key. Memory uses the typed fields instead."""
        return {**self.slots, "text": self.text, "task_type": self.task_type, "targets": list(self.targets)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | GoalJSON | None) -> Goal:
        """Read a goal, including the flat dicts older run directories recorded (every key other
        than ``text`` and ``task_type`` was a slot)."""
        data = dict(data or {})
        text, task_type = str(data.pop("text", "")), str(data.pop("task_type", "") or "unknown")
        targets = tuple(str(t) for t in data.pop("targets", ()) or ())
        slots = dict(data.pop("slots", {}) or {})
        slots.update(data)  # legacy flat keys
        return cls(text, task_type, targets, slots)


class StepInfo(TypedDict, total=False):
    """The ``info`` keys engram reads from ``reset`` and ``step`` (environments may add more).

    ``goal`` (:meth:`Goal.to_json`) at reset and on every step; ``world_id``: the world the episode
    plays in (a house, a TextWorld world, a web site), which memory keys its per-world knowledge
    on, so two episodes in one world share it and two worlds never mix; ``won`` / ``lost``: the
    engine's own verdict (without ``won``, gymnasium's convention applies: terminated with a
    positive reward); ``outcome``: an :class:`Outcome` value for each step.
    """

    goal: GoalJSON
    world_id: str
    won: bool
    lost: bool
    outcome: str


def goal_of(info: Mapping[str, Any]) -> Goal:
    return Goal.from_json(info.get("goal"))


class Fact(NamedTuple):
    """One typed triple. ``Fact("apple 1", "in", "fridge 1")``, ``Fact("fridge 1", "open")``."""

    subject: str
    relation: str
    object: str | None = None
    value: bool = True

    def to_json(self) -> list[Any]:
        return [self.subject, self.relation, self.object, self.value]

    @classmethod
    def from_json(cls, data: list[Any]) -> Fact:
        subject, relation, obj, value = data
        return cls(subject, relation, obj, bool(value))

    def __str__(self) -> str:
        neg = "" if self.value else "not "
        tail = f" {self.object}" if self.object is not None else ""
        return f"{neg}{self.subject} {self.relation}{tail}"


class ObservationJSON(TypedDict, total=False):
    """:meth:`Observation.to_json`, as records and checkpoints hold it."""

    text: str
    facts: list[list[Any]]  # Fact.to_json() quadruples
    admissible: list[str]
    info: dict[str, Any]  # the env's own extras: open by design


@dataclass
class Observation:
    """What the agent perceives after a reset or a step.

    ``admissible`` lists the exact action strings the environment accepts now; planners must pick
    from it. ``info`` carries environment extras that are JSON-serialisable (goal, won, game path).
    """

    text: str
    facts: list[Fact] = field(default_factory=list)
    admissible: list[str] = field(default_factory=list)
    image: Any = None
    info: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> ObservationJSON:
        return {
            "text": self.text,
            "facts": [f.to_json() for f in self.facts],
            "admissible": list(self.admissible),
            "info": self.info,
        }

    @classmethod
    def from_json(cls, data: ObservationJSON) -> Observation:
        return cls(
            text=data["text"],
            facts=[Fact.from_json(f) for f in data.get("facts", [])],
            admissible=list(data.get("admissible", [])),
            info=dict(data.get("info", {})),
        )


class ObservationSpace(gym.Space[Observation]):
    """Gymnasium space whose members are :class:`Observation` objects with well-formed facts."""

    def __init__(self) -> None:
        super().__init__(shape=None, dtype=None)

    def contains(self, x: Any) -> bool:
        if not isinstance(x, Observation) or not isinstance(x.text, str):
            return False
        if not all(isinstance(a, str) for a in x.admissible):
            return False
        return all(isinstance(f, Fact) and (f.relation in RELATIONS or f.relation in STATES) for f in x.facts)

    def sample(self, mask: Any = None, probability: Any = None) -> Observation:
        return Observation(text="")

    @property
    def is_np_flattenable(self) -> bool:
        return False


class ActionSpace(gym.spaces.Text):
    """Free-form action strings; environments report which ones are admissible in the observation."""

    def __init__(self, max_length: int = 256) -> None:
        import string

        super().__init__(max_length=max_length, min_length=1, charset=string.printable)
