"""engram/ALFWorld-v0 on the real engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engram.envs import make
from engram.envs.alfworld import GameLoadError, find_games
from engram.envs.core import Observation, ObservationSpace


def test_reset_and_walkthrough_reach_the_goal(one_game: Path) -> None:
    env = make("engram/ALFWorld-v0")
    obs, info = env.reset(seed=0, options={"game": str(one_game)})
    assert isinstance(obs, Observation) and ObservationSpace().contains(obs)
    assert info["goal"]["task_type"] != "unknown"
    assert any(f.relation == "category" and f.object == "receptacle" for f in obs.facts)
    walkthrough = json.loads(one_game.read_text())["walkthrough"]
    terminated = False
    for action in walkthrough:
        assert action in obs.admissible
        obs, reward, terminated, _, info = env.step(action)
        assert ObservationSpace().contains(obs)
    assert terminated and reward == 1.0 and info["won"]
    env.close()


def test_put_and_move_grammar_both_work(games_dir: Path) -> None:
    env = make("engram/ALFWorld-v0")
    game = next(g for g in find_games(games_dir) if "pick_and_place_simple" in str(g))
    walkthrough = json.loads(game.read_text())["walkthrough"]
    obs, _ = env.reset(options={"game": str(game)})
    terminated = False
    for action in walkthrough:
        # Old ALFWorld said "put X in/on Y": the adapter accepts it for the engine's "move X to Y".
        if action.startswith("move "):
            obj, rec = action[len("move ") :].split(" to ")
            action = f"put {obj} in/on {rec}"
        obs, _, terminated, _, _ = env.step(action)
        assert obs.text != "Nothing happens.", action
    assert terminated
    assert not any(a.startswith("put ") for a in obs.admissible)
    env.close()


def test_facts_track_held_object_and_open_state(one_game: Path) -> None:
    env = make("engram/ALFWorld-v0")
    obs, _ = env.reset(options={"game": str(one_game)})
    openable = next(
        (
            a
            for a in obs.admissible
            if a.startswith("go to ") and a.split()[2] in ("fridge", "cabinet", "drawer", "microwave")
        ),
        None,
    )
    if openable:
        obs, *_ = env.step(openable)
        target = openable[len("go to ") :]
        assert "open" in {f.relation for f in obs.facts if f.subject == target}
    take = next((a for a in obs.admissible if a.startswith("take ")), None)
    if take:
        obs, *_ = env.step(take)
        held = take.split(" from ")[0][len("take ") :]
        assert any(f.relation == "holds" and f.object == held and f.value for f in obs.facts)
    env.close()


def test_max_steps_truncates(one_game: Path) -> None:
    env = make("engram/ALFWorld-v0", max_steps=2)
    env.reset(options={"game": str(one_game)})
    _, _, _, truncated, _ = env.step("look")
    assert not truncated
    _, _, terminated, truncated, _ = env.step("look")
    assert truncated and not terminated


def test_unknown_action_is_data_not_a_crash(one_game: Path) -> None:
    env = make("engram/ALFWorld-v0")
    env.reset(options={"game": str(one_game)})
    obs, reward, terminated, _, _ = env.step("fly to the moon")
    assert obs.text == "Nothing happens." and reward == 0.0 and not terminated


def test_bad_games_paths_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(GameLoadError, match="no such games path"):
        find_games(tmp_path / "nope")
    with pytest.raises(GameLoadError, match=r"no game\.tw-pddl games"):
        find_games(tmp_path)
    env = make("engram/ALFWorld-v0")
    with pytest.raises(GameLoadError, match="no such game file"):
        env.reset(options={"game": str(tmp_path / "missing.tw-pddl")})


def test_stream_folder_loads_in_stream_order(stream_dir: Path) -> None:
    games = find_games(stream_dir)
    assert [g.parts[-4] for g in games] == ["task_00", "task_01", "task_02", "task_03"]
