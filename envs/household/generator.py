"""``engram generate``: households and tasks written as standard ALFWorld task folders.

Layout (the same as ALFWorld's ``json_2.1.1/<split>/<task>/<trial>/``)::

    OUT/house_000/house.json
    OUT/house_000/pick_heat_then_place_in_recep-Potato-None-CounterTop-1/trial_s0_h0_t0/
        game.tw-pddl  traj_data.json  initial_state.pddl
    OUT/generation.json            what was written, what was rejected and why, timings

With ``stream=True`` each house is a persistent-house stream: task k+1 starts from the state the
planner expert left at the end of task k, after other residents moved a fraction of the objects.
Its tasks are ``OUT/house_000/task_00/...`` and ``OUT/house_000/stream.json`` orders them.

Only games that the planner expert solved on the real engine are written with ``solvable: true``;
a rejected game's folder is removed and the reason is kept in ``generation.json``.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from engram.envs.household.pddl import dump_json, game_json, state_from_facts
from engram.envs.household.solver import DEFAULT_TIMEOUT_S, Solver, Verdict
from engram.envs.household.tasks import ROOMS_FOR_TASK, TASK_TYPES, Task, TaskJSON, sample_task
from engram.envs.household.world import (
    ROOM_TYPES,
    House,
    HouseState,
    HouseStateJSON,
    affordances,
    build_house,
    place,
)

ROOM_CYCLE = ("kitchen", "livingroom", "bedroom", "bathroom")
MAX_ATTEMPTS_PER_TASK = 4


class GameRecordJSON(TypedDict):
    """:meth:`GameRecord.to_json`: one written game in ``generation.json``."""

    path: str
    house_id: str
    task_type: str
    description: str
    seconds: float
    expert_steps: int


class ReportJSON(TypedDict):
    """:meth:`Report.to_json`: what ``generation.json`` says was written and rejected."""

    games: list[GameRecordJSON]
    rejected: list[dict[str, str]]  # {"game": path, "error": why}
    seconds: float


class StreamTaskJSON(TypedDict):
    """One task of a persistent-house stream, as ``stream.json`` lists it."""

    index: int
    game: str  # relative to the house's folder
    task: TaskJSON
    start_state: HouseStateJSON
    perturbation_after: list[dict[str, str]]  # {"object", "from", "to"} per object moved


@dataclass
class GameRecord:
    path: str
    house_id: str
    task_type: str
    description: str
    seconds: float
    expert_steps: int

    def to_json(self) -> GameRecordJSON:
        return {"path": self.path, "house_id": self.house_id, "task_type": self.task_type,
                "description": self.description, "seconds": self.seconds,
                "expert_steps": self.expert_steps}  # fmt: skip


@dataclass
class Report:
    games: list[GameRecord] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> ReportJSON:
        return {
            "games": [g.to_json() for g in self.games],
            "rejected": self.rejected,
            "seconds": self.seconds,
        }


def task_dir_name(house: House, task: Task) -> str:
    second = task.toggle if task.task_type == "look_at_obj_in_light" else "None"
    recep = task.recep or "None"
    return f"{task.task_type}-{task.obj}-{second}-{recep}-{house.floor_plan}"


def write_game(folder: Path, house: House, state: HouseState, task: Task, name: str) -> Path:
    """Write one unchecked game folder (``solvable: null``) and return the game file path."""
    folder.mkdir(parents=True, exist_ok=True)
    game = game_json(house, state, task, name)
    (folder / "initial_state.pddl").write_text(game["pddl_problem"])
    traj = {
        "task_type": task.task_type,
        "task_id": name,
        "pddl_params": task.pddl_params(),
        "scene": {"floor_plan": f"FloorPlan{house.floor_plan}", "scene_num": house.floor_plan},
        "turk_annotations": {"anns": [{"task_desc": task.description}]},
        "engram": {"house_id": house.house_id, "room": house.room, "task": task.to_json()},
    }
    dump_json(folder / "traj_data.json", traj)
    path = folder / "game.tw-pddl"
    dump_json(path, game)
    return path


def mark_verdict(path: Path, verdict: Verdict) -> None:
    """Record the solver's verdict in the game file (ALFWorld loaders skip ``solvable: false``)."""
    data = json.loads(path.read_text())
    data["solvable"] = verdict.ok
    data["walkthrough"] = verdict.walkthrough if verdict.ok else None
    if not verdict.ok:
        data["engram_error"] = verdict.error
    dump_json(path, data)


def perturb_state(
    house: House, state: HouseState, fraction: float, rng: random.Random, habits: bool = False
) -> list[dict[str, str]]:
    """Other residents move ``round(fraction * n)`` random objects to other receptacles that fit them."""
    aff = affordances()
    movable = sorted(o for o, t in house.objects.items() if t in aff.pickupable)
    k = min(len(movable), round(fraction * len(movable)))
    moves = []
    for oid in rng.sample(movable, k):
        otype = house.objects[oid]
        options = [
            r
            for r in sorted(house.receptacles)
            if otype in aff.can_contain.get(house.receptacles[r], ()) and r != state.placement[oid]
        ]
        if options:
            dest = place(otype, options, house.receptacles, rng, habits)
            moves.append({"object": oid, "from": state.placement[oid], "to": dest})
            state.placement[oid] = dest
    return moves


#: Floor-plan splits. ``test`` holds out every fifth floor plan of each room kind (6 of 30), so
#: that transfer studies can evaluate in houses whose layouts no training house ever had.
SPLITS = ("all", "train", "test")


def in_split(floor_plan: int, split: str) -> bool:
    if split == "all":
        return True
    return (floor_plan % 5 == 0) == (split == "test")


def _pick_floor_plan(index: int, rng: random.Random, rooms: tuple[str, ...], split: str = "all") -> int:
    room = rooms[index % len(rooms)]
    return rng.choice([p for p in ROOM_TYPES[room] if in_split(p, split)])


def _house_task_types(house: House) -> list[str]:
    return [t for t in TASK_TYPES if any(room in ROOMS_FOR_TASK[t] for room in house.rooms)]


class Generator:
    def __init__(
        self,
        out: Path,
        seed: int,
        *,
        stream: bool = False,
        perturb: float = 0.0,
        rooms: tuple[str, ...] = ROOM_CYCLE,
        rooms_per_house: int = 1,
        split: str = "all",
        habits: bool = False,
        workers: int = 2,
        on_game: Callable[[GameRecord | None], None] | None = None,
    ) -> None:
        if rooms_per_house < 1:
            raise ValueError(f"rooms_per_house must be at least 1; got {rooms_per_house}")
        self.rooms_per_house = rooms_per_house
        if split not in SPLITS:
            raise ValueError(f"unknown floor-plan split {split!r}; choose from {', '.join(SPLITS)}")
        self.split = split
        self.habits = habits
        if not 0.0 <= perturb <= 1.0:
            raise ValueError(f"perturb is a fraction of the objects, in [0, 1]; got {perturb}")
        unknown = set(rooms) - set(ROOM_TYPES)
        if unknown:
            raise ValueError(f"unknown room kinds {sorted(unknown)}; choose from {sorted(ROOM_TYPES)}")
        self.out, self.seed, self.stream, self.perturb = out, seed, stream, perturb
        self.rooms, self.workers, self.on_game = rooms, workers, on_game

    def run(self, houses: int, tasks_per_house: int) -> Report:
        start = time.perf_counter()
        self.out.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            parts = list(pool.map(lambda h: self._house(h, tasks_per_house), range(houses)))
        report = Report()
        for part in parts:
            report.games += part.games
            report.rejected += part.rejected
        report.seconds = time.perf_counter() - start
        dump_json(
            self.out / "generation.json",
            {
                "seed": self.seed,
                "houses": houses,
                "tasks_per_house": tasks_per_house,
                "stream": self.stream,
                "perturb": self.perturb,
                **({"rooms_per_house": self.rooms_per_house} if self.rooms_per_house > 1 else {}),
                **({"split": self.split} if self.split != "all" else {}),
                **({"habits": True} if self.habits else {}),
                **report.to_json(),
            },
        )
        return report

    def _house(self, h: int, n_tasks: int) -> Report:
        rng = random.Random(f"engram-house-{self.seed}-{h}")
        house_id = f"house_{h:03d}"
        n = self.rooms_per_house
        plans = [_pick_floor_plan(h * n + k, rng, self.rooms, self.split) for k in range(n)]
        house, state = build_house(house_id, plans if n > 1 else plans[0], rng, habits=self.habits)
        hdir = self.out / house_id
        hdir.mkdir(parents=True, exist_ok=True)
        dump_json(hdir / "house.json", {**house.to_json(), "initial_state": state.to_json()})
        report = Report()
        types = _house_task_types(house)
        stream_tasks: list[StreamTaskJSON] = []
        with Solver() as solver:
            for k in range(n_tasks):
                record = None
                for attempt in range(MAX_ATTEMPTS_PER_TASK):
                    task_type = types[(k + attempt) % len(types)]
                    task = sample_task(task_type, house, state, rng)
                    if task is None:
                        continue
                    name = f"s{self.seed}_h{h}_t{k}" + (f"_a{attempt}" if attempt else "")
                    if self.stream:
                        folder = hdir / f"task_{k:02d}" / task_dir_name(house, task) / f"trial_{name}"
                    else:
                        folder = hdir / task_dir_name(house, task) / f"trial_{name}"
                    path = write_game(folder, house, state, task, name)
                    with tempfile.TemporaryDirectory() as tmp:
                        projection = Path(tmp) / "game.tw-pddl"
                        dump_json(projection, game_json(house, state, task, name, relevant_only=True))
                        shutil.copy(folder / "traj_data.json", Path(tmp) / "traj_data.json")
                        verdict = solver.check(str(path), plan_with=str(projection))
                    mark_verdict(path, verdict)
                    if not verdict.ok:
                        report.rejected.append({"game": str(path), "error": verdict.error})
                        shutil.rmtree(folder)
                        continue
                    record = GameRecord(
                        str(path.relative_to(self.out)),
                        house_id,
                        task.task_type,
                        task.description,
                        verdict.seconds,
                        len(verdict.walkthrough),
                    )
                    report.games.append(record)
                    if self.stream:
                        start_state = state.to_json()
                        state = state_from_facts(house, verdict.final_facts, state)
                        moves = perturb_state(house, state, self.perturb, rng, self.habits)
                        stream_tasks.append(
                            {
                                "index": k,
                                "game": str(path.relative_to(hdir)),
                                "task": task.to_json(),
                                "start_state": start_state,
                                "perturbation_after": moves,
                            }
                        )
                    break
                if self.on_game:
                    self.on_game(record)
        if self.stream:
            dump_json(
                hdir / "stream.json",
                {
                    "house": house.to_json(),
                    "seed": self.seed,
                    "perturb": self.perturb,
                    "carry_over": "expert",
                    "tasks": stream_tasks,
                },
            )
        return report


def made_by_engram(game: Path) -> bool:
    """Whether ``engram generate`` wrote this game (its ``traj_data.json`` carries an ``engram`` key)."""
    try:
        return "engram" in json.loads((game.parent / "traj_data.json").read_text())
    except (OSError, ValueError):
        return False


def validate_games(
    paths: list[Path], on_game: Callable[[Verdict], None] | None = None, timeout_s: float = DEFAULT_TIMEOUT_S
) -> list[Verdict]:
    """Re-check existing game files (e.g. hand-edited ones).

    The verdict is written into games engram generated, so its loaders skip what no longer solves;
    any other game (a real ALFWorld data set, often shared or read-only) is only reported, never
    rewritten: its own walkthrough and formatting are the user's data.
    """
    verdicts = []
    with Solver(timeout_s) as solver:
        for path in paths:
            try:
                json.loads(path.read_text())["pddl_problem"]
            except (OSError, ValueError, KeyError) as exc:
                verdict = Verdict(str(path), False, f"not a game file: {type(exc).__name__}: {exc}")
            else:
                verdict = solver.check(str(path))
                if made_by_engram(path):
                    mark_verdict(path, verdict)
                    verdict.written = True
            verdicts.append(verdict)
            if on_game:
                on_game(verdict)
    return verdicts


__all__ = ["Generator", "Report", "perturb_state", "validate_games", "write_game"]
