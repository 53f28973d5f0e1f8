"""The environment contract: what every engram environment returns, in one readable file.

An engram environment is a ``gymnasium.Env`` whose observation is an :class:`Observation` and whose
action is an action string. Facts are what make memory environment-agnostic: a kitchen and a web
form both arrive as entities, relations and states in one shared vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

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

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "facts": [f.to_json() for f in self.facts],
            "admissible": list(self.admissible),
            "info": self.info,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Observation:
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
