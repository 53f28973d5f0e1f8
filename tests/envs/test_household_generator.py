"""The generator on the real engine: coverage, determinism, solvability proofs, rejection, streams."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable
from pathlib import Path

from engram.envs.household.generator import validate_games
from engram.envs.household.pddl import problem_text
from engram.envs.household.tasks import TASK_TYPES, sample_task
from engram.envs.household.world import build_house


def test_same_seed_same_house_and_problem() -> None:
    texts = []
    for _ in range(2):
        rng = random.Random("x")
        house, state = build_house("h", 1, rng)
        task = sample_task("pick_heat_then_place_in_recep", house, state, rng)
        assert task is not None
        texts.append(problem_text(house, state, task, "p"))
    assert texts[0] == texts[1]
    rng = random.Random("y")
    _, state2 = build_house("h", 1, rng)
    assert state2.placement != state.placement


def test_openable_receptacles_start_closed_and_objects_fit() -> None:
    from engram.envs.household.world import affordances

    house, state = build_house("h", 3, random.Random(0))
    aff = affordances()
    for obj, where in state.placement.items():
        otype, rtype = house.objects[obj], house.receptacles[where]
        assert otype in aff.can_contain.get(rtype, ()) or otype in ("DeskLamp", "FloorLamp")
    rng = random.Random(0)
    task = sample_task("pick_and_place_simple", house, state, rng)
    assert task is not None
    text = problem_text(house, state, task, "p")
    assert "(opened " not in text  # nothing starts open


def test_generated_games_cover_all_types_and_are_proven(games_dir: Path, games_report: dict) -> None:
    games = games_report["games"]
    assert {g["task_type"] for g in games} == set(TASK_TYPES)
    assert len(games) == 24
    for g in games:
        data = json.loads((games_dir / g["path"]).read_text())
        assert data["solvable"] is True and data["walkthrough"], g["path"]
        traj = json.loads((games_dir / g["path"]).with_name("traj_data.json").read_text())
        assert traj["task_type"] == g["task_type"]
        assert g["description"] in data["grammar"] and "UNKNOWN GOAL" not in data["grammar"]


def _copy_game(src: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir(parents=True)
    (dst_dir / "traj_data.json").write_text(src.with_name("traj_data.json").read_text())
    (dst_dir / "game.tw-pddl").write_text(src.read_text())
    return dst_dir / "game.tw-pddl"


def _corrupt(path: Path, edit: Callable[[str], str]) -> None:
    data = json.loads(path.read_text())
    data["pddl_problem"] = edit(data["pddl_problem"])
    path.write_text(json.dumps(data))


def test_corrupted_problems_are_rejected_and_the_checker_survives(games_dir: Path, tmp_path: Path, cli) -> None:
    from engram.envs.alfworld import find_games

    src = find_games(games_dir)[0]
    fatal, broken, good = (_copy_game(src, tmp_path / name) for name in ("a_fatal", "b_broken", "c_good"))
    # A duplicate object makes FastDownward exit the whole process (the worker dies) ...
    _corrupt(fatal, lambda p: p.replace("agent1 - agent", "agent1 - agent\n        agent1 - location", 1))
    # ... and undeclared receptacles make the engine raise.
    _corrupt(broken, lambda p: "\n".join(ln for ln in p.splitlines() if "- receptacle" not in ln))
    verdicts = validate_games([fatal, broken, good])
    assert [v.ok for v in verdicts] == [False, False, True]  # the good game was still checked
    assert "process exited" in verdicts[0].error and "duplicate object" in verdicts[0].error
    assert "could not load the problem" in verdicts[1].error
    assert json.loads(fatal.read_text())["solvable"] is False

    res = cli("validate", tmp_path)
    assert res.returncode == 1
    assert "REJECTED" in res.stdout and "1 solvable, 2 rejected" in res.stdout


def test_stream_carries_state_between_tasks(stream_dir: Path) -> None:
    manifest = json.loads((stream_dir / "house_000" / "stream.json").read_text())
    tasks = manifest["tasks"]
    assert [t["index"] for t in tasks] == list(range(4))
    house = manifest["house"]
    for before, after in itertools.pairwise(tasks):
        task = before["task"]
        start = after["start_state"]["placement"]
        moved_by_residents = {m["object"] for m in before["perturbation_after"]}
        placed = [
            o
            for o, r in start.items()
            if house["objects"][o] == task["obj"] and house["receptacles"][r] == task["recep"]
        ]
        if task["task_type"] != "look_at_obj_in_light":
            # What the previous task put in place is still there, unless a resident moved it.
            assert placed or moved_by_residents & {o for o, t in house["objects"].items() if t == task["obj"]}
        for move in before["perturbation_after"]:
            assert start[move["object"]] == move["to"]
    assert any(t["perturbation_after"] for t in tasks[:-1])


def test_multi_room_houses_keep_rooms_apart_and_run_on_the_engine(tmp_path: Path) -> None:
    from engram.envs.alfworld import find_games
    from engram.envs.household.generator import Generator
    from engram.envs.household.world import House, room_type_of

    house, state = build_house("h", [1, 201], random.Random(0))
    single, _ = build_house("k", 1, random.Random(0))
    assert house.room == "kitchen+livingroom" and house.floor_plans == [1, 201]
    assert set(single.receptacles) < set(house.receptacles)  # the kitchen is all there, plus a living room
    assert len(set(house.locations.values())) == len(house.receptacles)  # every receptacle its own place
    assert all(state.placement[o] in house.receptacles for o in house.objects)
    assert House.from_json(json.loads(json.dumps(house.to_json()))) == house
    assert "floor_plans" not in single.to_json()  # single-room houses keep their format

    report = Generator(tmp_path, seed=3, stream=True, perturb=0.2, rooms_per_house=2).run(1, 2)
    assert len(report.games) == 2 and not report.rejected
    made = json.loads((tmp_path / "house_000" / "house.json").read_text())
    assert len(made["floor_plans"]) == 2 and made["room"] == "+".join(room_type_of(p) for p in made["floor_plans"])
    assert len(find_games(tmp_path)) == 2


def test_habits_are_shared_across_houses_and_skew_placement() -> None:
    import random
    from collections import Counter

    from engram.envs.household.world import habit_weight, place

    receptacles = {"drawer|1": "Drawer", "drawer|2": "Drawer", "drawer|3": "Drawer", "counter|1": "CounterTop",
                   "shelf|1": "Shelf"}  # fmt: skip
    holders = sorted(receptacles)
    kinds = ["CounterTop", "Drawer", "Shelf"]
    favourite = max(kinds, key=lambda k: habit_weight("Fork", k, kinds))
    rng = random.Random(0)
    drawn = Counter(receptacles[place("Fork", holders, receptacles, rng, habits=True)] for _ in range(4000))
    # The favourite kind gets about 1 / (1 + 0.25 + 0.0625) of the forks, however many instances it has.
    assert abs(drawn[favourite] / 4000 - 1 / 1.3125) < 0.03
    rng = random.Random(1)
    uniform = Counter(receptacles[place("Fork", holders, receptacles, rng, habits=False)] for _ in range(4000))
    assert abs(uniform["Drawer"] / 4000 - 3 / 5) < 0.03  # without habits: uniform over the instances
    # The same preference in every house and process: it is a function of the names.
    assert favourite == max(kinds, key=lambda k: habit_weight("Fork", k, kinds))


def test_the_shipped_fixture_games_are_the_generators_current_output() -> None:
    """The suite's games ship pre-proven (``tests/fixture_games.py``): they must be what the generator
    makes today, or the suite would test yesterday's generator."""
    import fixture_games

    assert fixture_games.shipped_key() == fixture_games.generator_key(), (
        "the household generator (or alfworld) changed since tests/data was made: "
        "refresh it with `python tests/fixture_games.py` and commit tests/data"
    )
