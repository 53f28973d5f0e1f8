"""Writing a house and a task as a PDDL problem in ALFWorld's ``alfred`` domain, and reading back.

Names follow ALFRED's mangling (``Apple|-01.75|+00.88`` -> ``Apple_bar__minus_01_dot_75_bar__plus_00_dot_88``)
so that alfworld's own demangler turns them into the familiar ``apple 1``. The goal comes from
alfworld's goal library, so our games are judged by exactly the goals the benchmark uses.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any, TypedDict

from engram.envs.household.tasks import Task
from engram.envs.household.world import LAMPS, MOVABLE_RECEPTACLES, OPENABLE, House, HouseState, affordances

_MANGLE = {"|": "_bar_", "-": "_minus_", "+": "_plus_", ".": "_dot_", ",": "_comma_"}
_MANGLE_RE = re.compile("|".join(re.escape(k) for k in _MANGLE))
_DEMANGLE = {v: k for k, v in _MANGLE.items()}
_DEMANGLE_RE = re.compile("|".join(re.escape(k) for k in _DEMANGLE))
#: Type constants that the domain's action preconditions name; the problem must declare them.
_DOMAIN_RTYPES = ("SinkBasin", "Microwave", "Fridge")
_DOMAIN_OTYPES = ("Knife", "ButterKnife")
AGENT_START = "loc|0|0|0|30"


def mangle(name: str) -> str:
    return _MANGLE_RE.sub(lambda m: _MANGLE[m.group(0)], name)


def demangle(name: str) -> str:
    """Inverse of :func:`mangle`; case-insensitive because the engine lower-cases PDDL names."""
    return _DEMANGLE_RE.sub(lambda m: _DEMANGLE[m.group(0)], name)


@cache
def domain_text() -> str:
    return (resources.files("alfworld") / "data" / "alfred.pddl").read_text()


@cache
def grammar_text() -> str:
    return (resources.files("alfworld") / "data" / "alfred.twl2").read_text()


def goal_pddl(task: Task) -> str:
    from alfworld.gen import goal_library

    raw = goal_library.gdict[task.task_type]["pddl"]
    return str(raw.format(obj=task.obj, recep=task.recep, toggle=task.toggle, mrecep="")).replace("#", "-")


def problem_text(house: House, state: HouseState, task: Task, name: str, relevant_only: bool = False) -> str:
    """The ``(define (problem ...))`` text for one task starting from ``state``.

    ``relevant_only`` keeps just the objects the goal names (its object type and lamp type): the
    projection the planner searches, since distractor objects multiply FastDownward's work (two-object
    goals over a full kitchen can take minutes and gigabytes) without ever being needed. With no
    capacity limits in the domain, a plan for the projection is a plan for the full game, and the
    solver proves that by executing it on the full game.
    """
    aff = affordances()
    if relevant_only:
        keep = {t for t in (task.obj, task.toggle) if t}
        house = House(
            house.house_id,
            house.floor_plan,
            house.room,
            house.receptacles,
            house.locations,
            {o: t for o, t in house.objects.items() if t in keep},
            house.floor_plans,
        )
    otypes = sorted({*house.objects.values(), *_DOMAIN_OTYPES, task.obj} - {""})
    rtypes = sorted({*house.receptacles.values(), *_DOMAIN_RTYPES} | ({task.recep} - {""}))
    objs: list[str] = ["agent1 - agent"]
    objs += [f"{mangle(loc)} - location" for loc in sorted({*house.locations.values(), AGENT_START})]
    objs += [f"{mangle(r)} - receptacle" for r in sorted(house.receptacles)]
    objs += [f"{mangle(o)} - object" for o in sorted(house.objects)]
    objs += [f"{t}Type - otype" for t in otypes]
    objs += [f"{t}Type - rtype" for t in rtypes]

    init: list[str] = [f"(atLocation agent1 {mangle(AGENT_START)})"]
    for rid, rtype in sorted(house.receptacles.items()):
        r = mangle(rid)
        init.append(f"(receptacleType {r} {rtype}Type)")
        init.append(f"(receptacleAtLocation {r} {mangle(house.locations[rid])})")
        if rtype in OPENABLE:
            init.append(f"(openable {r})")
    for rtype in sorted(set(house.receptacles.values())):
        for otype in otypes:
            if otype in aff.can_contain.get(rtype, ()):
                init.append(f"(canContain {rtype}Type {otype}Type)")
    for oid, otype in sorted(house.objects.items()):
        o = mangle(oid)
        where = state.placement[oid]
        init.append(f"(objectType {o} {otype}Type)")
        init.append(f"(inReceptacle {o} {mangle(where)})")
        init.append(f"(objectAtLocation {o} {mangle(house.locations[where])})")
        flags = {
            "pickupable": otype in aff.pickupable,
            "heatable": otype in aff.heatable,
            "coolable": otype in aff.coolable,
            "cleanable": otype in aff.cleanable,
            "sliceable": otype in aff.sliceable,
            "toggleable": otype in LAMPS,
            "isReceptacleObject": otype in MOVABLE_RECEPTACLES,
            "isHot": oid in state.hot,
            "isCool": oid in state.cool,
            "isClean": oid in state.clean,
        }
        init += [f"({flag} {o})" for flag, on in flags.items() if on]

    sep = "\n        "
    return (
        f"(define (problem {name})\n"
        f"    (:domain alfred)\n"
        f"    (:objects{sep}{sep.join(objs)}\n    )\n"
        f"    (:init{sep}{sep.join(init)}\n    )\n"
        f"{goal_pddl(task)}"
    )


class GameJSON(TypedDict):
    """A ``game.tw-pddl`` file as engram writes it (ALFWorld's layout)."""

    pddl_domain: str
    grammar: str
    pddl_problem: str
    solvable: bool | None  # None until the solver has checked it
    walkthrough: list[str] | None


def game_json(house: House, state: HouseState, task: Task, name: str, relevant_only: bool = False) -> GameJSON:
    """The ``game.tw-pddl`` content, as ALFWorld lays it out; ``solvable`` is unknown until checked."""
    return {
        "pddl_domain": domain_text(),
        "grammar": grammar_text().replace("UNKNOWN GOAL", task.description),
        "pddl_problem": problem_text(house, state, task, name, relevant_only),
        "solvable": None,
        "walkthrough": None,
    }


def state_from_facts(house: House, facts: list[list[str]], before: HouseState) -> HouseState:
    """Rebuild a :class:`HouseState` from the engine's final PDDL facts (``[name, arg, ...]``).

    Used to carry a house from the end of one task into the start of the next. An object still in
    the agent's hands (look-at-in-light tasks end that way) is set down where the agent stands if
    that receptacle can hold it, else back where it was in ``before``. Facts arrive with lower-cased
    mangled names, so ids are matched case-insensitively.
    """
    by_lower = {mangle(i).lower(): i for i in (*house.objects, *house.receptacles, *house.locations.values())}
    state = HouseState(placement={})
    held: list[str] = []
    agent_at = ""
    for name, *args in facts:
        ids = [by_lower.get(a.lower(), "") for a in args]
        name = name.lower()
        if name == "inreceptacle" and all(ids):
            state.placement[ids[0]] = ids[1]
        elif name == "holds" and ids[1:] and ids[1]:
            held.append(ids[1])
        elif name == "atlocation" and ids[1:]:
            agent_at = ids[1]
        elif name in ("ishot", "iscool", "isclean") and ids[0]:
            {"ishot": state.hot, "iscool": state.cool, "isclean": state.clean}[name].add(ids[0])
    here = [r for r, loc in house.locations.items() if loc == agent_at]
    can = affordances().can_contain
    for obj in held:
        fits = [r for r in here if house.objects[obj] in can.get(house.receptacles[r], ())]
        state.placement[obj] = fits[0] if fits else before.placement[obj]
    missing = sorted(set(house.objects) - set(state.placement))
    if missing:
        raise ValueError(f"facts do not place objects {missing}")
    return state


def dump_json(path: Any, data: Any) -> None:
    with open(path, "w") as fh:
        json.dump(data, fh, indent=1)
