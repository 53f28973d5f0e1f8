"""Households built from the floor-plan data that ships inside the ``alfworld`` package.

Why this exists: the ALFWorld benchmark data is normally downloaded, which cannot happen here (or on
many offline clusters). ``alfworld`` itself ships, per AI2-THOR floor plan, the object types present
(``FloorPlan*-objects.json``) and the static receptacle instances with their interaction poses
(``FloorPlan*-openable.json``), plus the affordance tables in ``alfworld.gen.constants``. That is
enough to build a symbolic house (receptacles at locations, objects inside receptacles that may
hold them) which the real engine can run once it is written as a PDDL problem.

Everything here is plain data plus a seeded ``random.Random``: the same seed gives the same house.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NotRequired, TypedDict

ROOM_TYPES: dict[str, range] = {
    "kitchen": range(1, 31),
    "livingroom": range(201, 231),
    "bedroom": range(301, 331),
    "bathroom": range(401, 431),
}

#: Receptacles that are fixed in the house (movable ones such as bowls are objects for us, as in ALFWorld).
MOVABLE_RECEPTACLES = frozenset({"Bowl", "Box", "Cup", "Mug", "Plate", "Pan", "Pot"})
OPENABLE = frozenset({"Fridge", "Cabinet", "Microwave", "Drawer", "Safe", "Box"})
LAMPS = frozenset({"DeskLamp", "FloorLamp"})
#: Where lamps stand. Lamps are not pickupable, so no ``canContain`` is needed for them.
LAMP_HOLDERS = ("SideTable", "Desk", "Dresser", "Shelf", "DiningTable", "CoffeeTable", "TVStand", "Bed")
#: Static receptacle types that AI2-THOR scenes list as present but whose poses are not in the
#: layout data; we add instances at synthetic locations so that e.g. coffee machines exist.
SYNTHETIC_RECEPTACLES = {
    "CoffeeMachine": (1, 1),
    "Toaster": (1, 1),
    "StoveBurner": (2, 4),
    "GarbageCan": (1, 1),
}


@dataclass(frozen=True)
class Affordances:
    """The alfworld affordance tables, loaded once (they are module constants in alfworld)."""

    can_contain: dict[str, frozenset[str]]
    pickupable: frozenset[str]
    heatable: frozenset[str]
    coolable: frozenset[str]
    cleanable: frozenset[str]
    sliceable: frozenset[str]
    toggleable: frozenset[str]


@cache
def affordances() -> Affordances:
    from alfworld.gen import constants as c  # light module: no engine import

    can_contain = {
        r: frozenset(o for o in objs if not o.endswith("Sliced")) for r, objs in c.VAL_RECEPTACLE_OBJECTS.items()
    }
    pickupable = frozenset().union(*can_contain.values())
    act = c.VAL_ACTION_OBJECTS
    return Affordances(
        can_contain=can_contain,
        pickupable=pickupable,
        heatable=frozenset(act["Heatable"]),
        coolable=frozenset(act["Coolable"]),
        cleanable=frozenset(act["Cleanable"]),
        sliceable=frozenset(act["Sliceable"]),
        toggleable=frozenset(act["Toggleable"]),
    )


def _layout(name: str) -> Any:
    path = resources.files("alfworld.gen") / "layouts" / name
    with path.open() as fh:
        return json.load(fh)


def room_type_of(floor_plan: int) -> str:
    for room, numbers in ROOM_TYPES.items():
        if floor_plan in numbers:
            return room
    raise ValueError(f"floor plan {floor_plan} is not in any known room range {ROOM_TYPES}")


def rtype_of(receptacle_id: str) -> str:
    """``Sink|...|SinkBasin`` -> ``SinkBasin``; ``Cabinet|+00.68|...`` -> ``Cabinet``."""
    parts = receptacle_id.split("|")
    return parts[-1] if parts[-1].endswith("Basin") else parts[0]


class HouseJSON(TypedDict):
    """:meth:`House.to_json`, as ``house.json`` and ``stream.json`` hold it."""

    house_id: str
    floor_plan: int
    room: str
    receptacles: dict[str, str]
    locations: dict[str, str]
    objects: dict[str, str]
    floor_plans: NotRequired[list[int]]  # only for houses of several rooms


class HouseStateJSON(TypedDict):
    """:meth:`HouseState.to_json`: where objects are and which flags hold, sets as sorted lists."""

    placement: dict[str, str]
    hot: list[str]
    cool: list[str]
    clean: list[str]


@dataclass
class House:
    """Static part of a household: what exists and where receptacles stand."""

    house_id: str
    floor_plan: int  # the first room's floor plan (names the house's games)
    room: str  # room kinds joined with "+", e.g. "kitchen+livingroom"
    receptacles: dict[str, str]  # receptacle id -> receptacle type
    locations: dict[str, str]  # receptacle id -> location id
    objects: dict[str, str]  # object id -> object type (pickupable objects and lamps)
    floor_plans: list[int] = field(default_factory=list)  # every room's floor plan, in order

    @property
    def rooms(self) -> list[str]:
        return self.room.split("+")

    def to_json(self) -> HouseJSON:
        out: HouseJSON = {
            "house_id": self.house_id,
            "floor_plan": self.floor_plan,
            "room": self.room,
            "receptacles": self.receptacles,
            "locations": self.locations,
            "objects": self.objects,
        }
        if len(self.floor_plans) > 1:  # single-room houses keep their original format
            out["floor_plans"] = self.floor_plans
        return out

    @classmethod
    def from_json(cls, data: HouseJSON) -> House:
        return cls(**data)


@dataclass
class HouseState:
    """Dynamic part: where every object is and which state flags hold.

    Lamps being on is deliberately not carried between tasks: residents switch lights off.
    """

    placement: dict[str, str]  # object id -> receptacle id
    hot: set[str] = field(default_factory=set)
    cool: set[str] = field(default_factory=set)
    clean: set[str] = field(default_factory=set)

    def to_json(self) -> HouseStateJSON:
        return {
            "placement": dict(sorted(self.placement.items())),
            "hot": sorted(self.hot),
            "cool": sorted(self.cool),
            "clean": sorted(self.clean),
        }

    @classmethod
    def from_json(cls, data: HouseStateJSON) -> HouseState:
        return cls(
            dict(data["placement"]),
            set(data.get("hot", ())),
            set(data.get("cool", ())),
            set(data.get("clean", ())),
        )


def _location_id(pose: list[float], taken: set[str]) -> str:
    # ALFRED writes agent poses as grid cells of 0.25 m, rotation in quarter turns, camera horizon.
    x, z, rot, hor = round(pose[0] / 0.25), round(pose[1] / 0.25), int(pose[2]) // 90, int(pose[3])
    loc = f"loc|{x}|{z}|{rot}|{hor}"
    bump = 0
    # Two receptacles sharing one location would make the engine list one's contents as lying next
    # to the other; keep every receptacle at its own location.
    while loc in taken:
        bump += 1
        loc = f"loc|{x}|{z}|{rot}|{hor + bump}"
    taken.add(loc)
    return loc


def _coord(rng: random.Random) -> str:
    return "|".join(f"{rng.uniform(-3, 3):+06.2f}" for _ in range(3))


def _shift_id(rid: str, dx: float) -> str:
    """Move a receptacle id's x coordinate: rooms of one house must not share ids."""
    parts = rid.split("|")
    parts[1] = f"{float(parts[1]) + dx:+07.2f}"
    return "|".join(parts)


#: With habits, a type's compatible receptacle kinds are ranked once for all houses and the k-th
#: gets weight ``HABIT_DECAY ** k``: the first holds about three quarters of that type's objects.
HABIT_DECAY = 0.25


def habit_weight(otype: str, rtype: str, kinds: list[str]) -> float:
    """How strongly residents everywhere prefer ``rtype`` among ``kinds`` for objects of ``otype``.

    The ranking comes from a stable hash of the names, not from a house's random stream, so every
    house (and every process) shares the same habits: forks in drawers, apples in the fridge, the
    way real homes resemble each other and uniform placement does not."""
    rank = sorted(kinds, key=lambda k: hashlib.sha1(f"{otype}|{k}".encode()).hexdigest()).index(rtype)
    return float(HABIT_DECAY**rank)


def place(otype: str, holders: list[str], receptacles: dict[str, str], rng: random.Random, habits: bool) -> str:
    """A receptacle for a new (or moved) object: uniform over those that can hold it, or, with
    habits, by kind preference shared across houses (spread evenly over a kind's instances)."""
    if not habits:
        return rng.choice(holders)
    kinds = sorted({receptacles[r] for r in holders})
    count = {k: sum(receptacles[r] == k for r in holders) for k in kinds}
    weights = [habit_weight(otype, receptacles[r], kinds) / count[receptacles[r]] for r in holders]
    return rng.choices(holders, weights=weights)[0]


def build_house(
    house_id: str,
    floor_plan: int | list[int],
    rng: random.Random,
    max_object_types: int = 14,
    habits: bool = False,
) -> tuple[House, HouseState]:
    """Build one house from floor-plan data: receptacles, objects placed where they fit.

    Several floor plans make a multi-room house: each room keeps its own receptacles (laid side by
    side, 100 m apart, so ids and locations stay distinct), and objects may be placed in any room
    that can hold them, which is what makes a house worth remembering.
    """
    aff = affordances()
    plans = floor_plan if isinstance(floor_plan, list) else [floor_plan]
    taken: set[str] = set()
    receptacles: dict[str, str] = {}
    locations: dict[str, str] = {}
    present: set[str] = set()
    for k, plan in enumerate(plans):
        dx = 100.0 * k
        here = set(_layout(f"FloorPlan{plan}-objects.json"))
        present |= here
        poses: dict[str, list[float]] = _layout(f"FloorPlan{plan}-openable.json")
        added: set[str] = set()
        for rid in sorted(poses):
            rtype = rtype_of(rid)
            if rtype in MOVABLE_RECEPTACLES or rtype not in aff.can_contain:
                continue
            new_id = _shift_id(rid, dx) if k else rid
            receptacles[new_id] = rtype
            added.add(rtype)
            pose = list(poses[rid])
            pose[0] += dx
            locations[new_id] = _location_id(pose, taken)
        for rtype, (lo, hi) in SYNTHETIC_RECEPTACLES.items():
            if rtype in here and rtype not in added:
                for _ in range(rng.randint(lo, hi)):
                    rid = f"{rtype}|{_coord(rng)}"
                    rid = _shift_id(rid, dx) if k else rid
                    receptacles[rid] = rtype
                    locations[rid] = _location_id([rng.uniform(-3, 3) + dx, rng.uniform(-3, 3), 0, 30], taken)
    if not receptacles:
        raise ValueError(f"FloorPlan{plans} has no static receptacles")
    room = "+".join(room_type_of(p) for p in plans)
    floor_plan = plans[0]
    rtypes_here = set(receptacles.values())
    candidates = sorted(
        t for t in present if t in aff.pickupable and any(t in aff.can_contain.get(rt, ()) for rt in rtypes_here)
    )
    rng.shuffle(candidates)
    chosen = sorted(candidates[:max_object_types])
    objects: dict[str, str] = {}
    placement: dict[str, str] = {}
    recep_ids = sorted(receptacles)
    for otype in chosen:
        holders = [r for r in recep_ids if otype in aff.can_contain.get(receptacles[r], ())]
        for _ in range(rng.randint(1, 3)):
            oid = f"{otype}|{_coord(rng)}"
            objects[oid] = otype
            placement[oid] = place(otype, holders, receptacles, rng, habits)
    lamp_holders = [r for r in recep_ids if receptacles[r] in LAMP_HOLDERS]
    for lamp in sorted(LAMPS & present):
        if lamp_holders:
            oid = f"{lamp}|{_coord(rng)}"
            objects[oid] = lamp
            placement[oid] = rng.choice(lamp_holders)
    house = House(house_id, floor_plan, room, receptacles, locations, objects, list(plans))
    return house, HouseState(placement)
