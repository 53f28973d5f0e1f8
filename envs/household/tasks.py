"""The six ALFWorld task types: sampling a task that fits a house, and checking it symbolically.

The symbolic check (:func:`satisfied`) is only used to avoid generating a task that already holds at
its start (possible in persistent-house streams, where earlier tasks moved things); whether a task is
solvable is decided by the real engine and planner in :mod:`engram.envs.household.solver`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TypedDict

from engram.envs.household.world import LAMPS, House, HouseState, affordances

TASK_TYPES: tuple[str, ...] = (
    "pick_and_place_simple",
    "look_at_obj_in_light",
    "pick_clean_then_place_in_recep",
    "pick_heat_then_place_in_recep",
    "pick_cool_then_place_in_recep",
    "pick_two_obj_and_place",
)

#: Which room kinds can host a task type (ALFRED's own table, ``alfworld.gen.constants.GOALS_VALID``).
ROOMS_FOR_TASK = {
    "pick_and_place_simple": {"kitchen", "livingroom", "bathroom", "bedroom"},
    "pick_two_obj_and_place": {"kitchen", "livingroom", "bathroom", "bedroom"},
    "look_at_obj_in_light": {"livingroom", "bedroom"},
    "pick_clean_then_place_in_recep": {"kitchen", "bathroom"},
    "pick_heat_then_place_in_recep": {"kitchen"},
    "pick_cool_then_place_in_recep": {"kitchen"},
}

_TOOL = {
    "pick_clean_then_place_in_recep": "SinkBasin",
    "pick_heat_then_place_in_recep": "Microwave",
    "pick_cool_then_place_in_recep": "Fridge",
}


class TaskJSON(TypedDict):
    """:meth:`Task.to_json`: a task as ``traj_data.json`` and ``stream.json`` record it."""

    task_type: str
    obj: str
    recep: str
    toggle: str
    description: str


class PddlParams(TypedDict):
    """The ``pddl_params`` block of ALFWorld's ``traj_data.json``."""

    object_target: str
    parent_target: str
    toggle_target: str
    mrecep_target: str
    object_sliced: bool


@dataclass(frozen=True)
class Task:
    task_type: str
    obj: str  # object type, e.g. "Apple"
    recep: str = ""  # receptacle type, e.g. "CounterTop" ("" for look_at_obj_in_light)
    toggle: str = ""  # lamp type for look_at_obj_in_light
    description: str = ""

    def to_json(self) -> TaskJSON:
        return {"task_type": self.task_type, "obj": self.obj, "recep": self.recep, "toggle": self.toggle,
                "description": self.description}  # fmt: skip

    def pddl_params(self) -> PddlParams:
        """The ``pddl_params`` block of ALFWorld's ``traj_data.json``."""
        return {
            "object_target": self.obj,
            "parent_target": self.recep,
            "toggle_target": self.toggle,
            "mrecep_target": "",
            "object_sliced": False,
        }


def describe(task_type: str, obj: str, recep: str, toggle: str, rng: random.Random) -> str:
    """Fill one of ALFWorld's own goal templates, exactly as ALFWorld words its tasks."""
    from alfworld.gen import goal_library

    template = rng.choice(goal_library.gdict[task_type]["templates"])
    return str(template.format(obj=obj.lower(), recep=recep.lower(), toggle=toggle.lower(), mrecep=""))


def satisfied(task: Task, house: House, state: HouseState) -> bool:
    """Whether the task's goal already holds in ``state`` (agent-independent parts only)."""
    objs = [o for o, t in house.objects.items() if t == task.obj]
    in_target = [o for o in objs if house.receptacles.get(state.placement.get(o, ""), "") == task.recep]
    flag = {
        "pick_clean_then_place_in_recep": state.clean,
        "pick_heat_then_place_in_recep": state.hot,
        "pick_cool_then_place_in_recep": state.cool,
    }
    if task.task_type == "pick_and_place_simple":
        return bool(in_target)
    if task.task_type == "pick_two_obj_and_place":
        return len(in_target) >= 2
    if task.task_type in flag:
        return any(o in flag[task.task_type] for o in in_target)
    return False  # look_at_obj_in_light needs the agent to hold the object: never true at a start


def sample_task(task_type: str, house: House, state: HouseState, rng: random.Random) -> Task | None:
    """A random task of ``task_type`` that this house supports and that does not hold yet."""
    if not any(room in ROOMS_FOR_TASK[task_type] for room in house.rooms):
        return None
    aff = affordances()
    rtypes = sorted(set(house.receptacles.values()))
    counts: dict[str, int] = {}
    for otype in house.objects.values():
        counts[otype] = counts.get(otype, 0) + 1
    otypes = sorted(t for t in counts if t in aff.pickupable)
    if task_type == "look_at_obj_in_light":
        lamps = sorted(t for t in counts if t in LAMPS)
        if not lamps or not otypes:
            return None
        obj, lamp = rng.choice(otypes), rng.choice(lamps)
        return Task(task_type, obj, "", lamp, describe(task_type, obj, "", lamp, rng))
    tool = _TOOL.get(task_type)
    if tool and tool not in rtypes:
        return None
    able = {
        "pick_clean_then_place_in_recep": aff.cleanable,
        "pick_heat_then_place_in_recep": aff.heatable,
        "pick_cool_then_place_in_recep": aff.coolable,
    }.get(task_type, aff.pickupable)
    options = []
    for otype in otypes:
        if otype not in able or (task_type == "pick_two_obj_and_place" and counts[otype] < 2):
            continue
        for rtype in rtypes:
            # Placing into the tool itself (e.g. heat then put in the microwave) is legal but
            # degenerate; ALFRED's generator avoids it too.
            if rtype == tool or otype not in aff.can_contain.get(rtype, ()):
                continue
            task = Task(task_type, otype, rtype)
            if not satisfied(task, house, state):
                options.append(task)
    if not options:
        return None
    pick = rng.choice(options)
    return Task(pick.task_type, pick.obj, pick.recep, "", describe(task_type, pick.obj, pick.recep, "", rng))
