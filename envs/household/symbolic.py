"""A symbolic view of one episode's world, folded from its facts, and the goal distance over it.

The experience bank needs the same small picture of "where things are now" in three places: to
build a state graph for the GNN, to hash a state so that the trace graph can see the agent repeat
itself, and to simulate candidate actions in the bounded lookahead. This module is that picture and
nothing more: it holds what this episode's observations said, not what long-term memory believes
(that is :mod:`engram.memory.scene`'s job), so two agents that saw the same things are in the same
state.

``distance(goal)`` is a relaxed count of the commands still needed to meet a goal: optimistic
where the world is unknown (an unsearched receptacle might hold what is sought), exact where it is
known. The lookahead compares it before and after simulated actions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from engram.envs.core import Fact, Goal

#: Receptacle kinds that must be opened before their contents show (ALFWorld's openable ones).
OPENABLE = frozenset({"fridge", "cabinet", "drawer", "microwave", "safe", "box"})
#: task type -> (tool receptacle kind, verb, state the object must end in)
TOOLS = {
    "pick_clean_then_place_in_recep": ("sinkbasin", "clean", "clean"),
    "pick_heat_then_place_in_recep": ("microwave", "heat", "hot"),
    "pick_cool_then_place_in_recep": ("fridge", "cool", "cold"),
}
LAMP_TYPES = ("desklamp", "floorlamp")
#: distance of a goal that no known or unexplored place can meet any more
UNREACHABLE = 99


class HouseholdGoal(TypedDict, total=False):
    """An ALFWorld goal as household code reads it: :meth:`Goal.flat` of what the ALFWorld env
    supplies (:func:`engram.envs.alfworld.alfworld_goal`), its slots beside text, task type and targets."""

    text: str
    task_type: str
    targets: list[str]
    object: str  # the object type to act on ("apple"; "" when the task was not understood)
    receptacle: str  # the type to put it in or on ("" for look_at_obj_in_light)
    toggle: str  # the lamp type to look under ("" unless look_at_obj_in_light)
    count: int  # how many objects the task needs (2 for pick_two_obj_and_place)


def household_goal(goal: Goal) -> HouseholdGoal:
    """``goal.flat()`` as a :class:`HouseholdGoal`: the keys household code reads, where present."""
    flat = goal.flat()
    out: HouseholdGoal = {"text": flat["text"], "task_type": flat["task_type"], "targets": flat["targets"]}
    if "object" in flat:
        out["object"] = flat["object"]
    if "receptacle" in flat:
        out["receptacle"] = flat["receptacle"]
    if "toggle" in flat:
        out["toggle"] = flat["toggle"]
    if "count" in flat:
        out["count"] = flat["count"]
    return out


def kind(entity: str) -> str:
    """``"sinkbasin 1"`` -> ``"sinkbasin"``; a bare type stays as it is."""
    head, _, tail = entity.rpartition(" ")
    return head if head and tail.isdigit() else entity


@dataclass
class WorldView:
    """What one episode has observed so far: receptacles, objects, where they are, their states."""

    receptacles: dict[str, str] = field(default_factory=dict)  # name -> kind, in first-seen order
    objects: dict[str, str] = field(default_factory=dict)  # name -> type
    location: dict[str, str] = field(default_factory=dict)  # object -> receptacle
    opened: dict[str, bool] = field(default_factory=dict)
    states: dict[str, set[str]] = field(default_factory=dict)  # entity -> {"hot", "clean", "on", ...}
    searched: set[str] = field(default_factory=set)  # receptacles whose full contents were listed
    at: str = ""
    holding: str = ""

    def apply(self, facts: Iterable[Fact]) -> None:
        facts = list(facts)
        listed = {f.subject for f in facts if f.relation == "searched" and f.value}
        present = {(f.subject, f.object) for f in facts if f.relation in ("in", "on") and f.value}
        for obj, rec in list(self.location.items()):
            if rec in listed and (obj, rec) not in present:
                del self.location[obj]  # a complete listing without it: it is not there any more
        self.searched |= listed
        for f in facts:
            if f.relation == "category" and f.object:
                table = self.receptacles if f.object == "receptacle" else self.objects
                table.setdefault(f.subject, kind(f.subject))
            elif f.relation in ("in", "on") and f.object:
                if f.value:
                    self.location[f.subject] = f.object
                elif self.location.get(f.subject) == f.object:
                    del self.location[f.subject]
            elif f.relation == "at" and f.subject == "agent" and f.object:
                self.at = f.object
            elif f.relation == "holds" and f.subject == "agent" and f.object:
                if f.value:
                    self.holding = f.object
                    self.location.pop(f.object, None)
                elif self.holding == f.object:
                    self.holding = ""
            elif f.relation == "open" and f.object is None:
                self.opened[f.subject] = f.value
            elif f.relation in ("hot", "cold", "clean", "on", "sliced") and f.object is None:
                flags = self.states.setdefault(f.subject, set())
                (flags.add if f.value else flags.discard)(f.relation)

    def copy(self) -> WorldView:
        return WorldView(
            dict(self.receptacles),
            dict(self.objects),
            dict(self.location),
            dict(self.opened),
            {k: set(v) for k, v in self.states.items()},
            set(self.searched),
            self.at,
            self.holding,
        )

    def key(self) -> str:
        """A stable digest of the state the agent can change: where it is, what it holds, where
        things are, what is open, object states. Equal keys = the agent is back where it was."""
        parts = [
            self.at,
            self.holding,
            ";".join(f"{o}>{r}" for o, r in sorted(self.location.items())),
            ";".join(sorted(r for r, is_open in self.opened.items() if is_open)),
            ";".join(f"{e}:{','.join(sorted(s))}" for e, s in sorted(self.states.items()) if s),
        ]
        return hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest()

    def contents(self, receptacle: str) -> list[str]:
        return sorted(o for o, r in self.location.items() if r == receptacle)

    # -- goal distance ------------------------------------------------------------------------
    def _reach(self, receptacle: str) -> int:
        """Commands to stand at ``receptacle`` with it open (if it opens)."""
        steps = 0 if self.at == receptacle else 1
        if kind(receptacle) in OPENABLE and not self.opened.get(receptacle, False):
            steps += 1
        return steps

    def _acquire(self, types: tuple[str, ...], exclude: set[str], ok: Callable[[str], bool] | None = None) -> int:
        """Commands to be holding an object of one of ``types``: go, (open), take, from the
        cheapest known instance, else optimistically from the cheapest unsearched receptacle."""
        known = [
            self._reach(r) + 1
            for o, r in self.location.items()
            if kind(o) in types and o not in exclude and (ok is None or ok(o))
        ]
        unsearched = [self._reach(r) + 1 for r in self.receptacles if r not in self.searched]
        return min(known + unsearched, default=UNREACHABLE)

    def _find(self, types: tuple[str, ...]) -> int:
        """Commands to stand next to an object of ``types`` without taking it (lamps)."""
        known = [0 if self.at == r else 1 for o, r in self.location.items() if kind(o) in types]
        unsearched = [self._reach(r) for r in self.receptacles if r not in self.searched]
        return min(known + unsearched, default=UNREACHABLE)

    def _targets(self, rtype: str) -> list[str]:
        return [r for r, k in self.receptacles.items() if k == rtype]

    def distance(self, goal: HouseholdGoal) -> int:
        """Relaxed number of commands still needed to meet ``goal`` (0 when met)."""
        ttype, otype = goal.get("task_type", ""), goal.get("object", "")
        if not otype:
            return UNREACHABLE
        if ttype == "look_at_obj_in_light":
            lamps = (goal["toggle"],) if goal.get("toggle") else LAMP_TYPES
            if any("on" in self.states.get(o, set()) for o in self.objects if kind(o) in lamps) and (
                self.holding and kind(self.holding) == otype
            ):
                return 0
            get = 0 if self.holding and kind(self.holding) == otype else self._acquire((otype,), set())
            return min(UNREACHABLE, get + (1 if self.holding and get else 0) + self._find(lamps) + 1)
        tool = TOOLS.get(ttype)
        targets = self._targets(goal.get("receptacle", ""))
        if not targets:
            return UNREACHABLE

        def good(o: str) -> bool:
            return kind(o) == otype and (not tool or tool[2] in self.states.get(o, set()))

        # The lookahead asks for thousands of distances per step, and each target of the goal's kind
        # (ten cabinets) asked the same two questions again: what fetching the object costs (the
        # same unless the target already holds some) and what reaching the tool costs (always the same).
        fetch: dict[frozenset[str], int] = {}
        tool_reach: list[int] = []
        best = UNREACHABLE
        for target in targets:
            placed = [o for o in self.contents(target) if good(o)]
            missing = max(0, int(goal.get("count", 1)) - len(placed))
            cost = 0
            holding = self.holding
            for i in range(missing):
                if holding and kind(holding) == otype:
                    get = 0
                else:
                    exclude = frozenset(placed)
                    if exclude not in fetch:
                        fetch[exclude] = self._acquire((otype,), set(exclude))
                    get = (1 if holding else 0) + fetch[exclude]
                    holding = ""
                treat = 0
                if tool and not (i == 0 and self.holding and good(self.holding)):
                    if not tool_reach:
                        tool_reach.append(min((self._reach(r) for r in self._targets(tool[0])), default=UNREACHABLE))
                    treat = tool_reach[0] + 1
                # after fetching (and treating) it is elsewhere: going back to the target costs a step
                back = 1 if (get or treat or self.at != target) else 0
                opening = 1 if kind(target) in OPENABLE and not self.opened.get(target, False) else 0
                cost += get + treat + back + opening * (i == 0) + 1
            best = min(best, cost)
        return min(best, UNREACHABLE)
