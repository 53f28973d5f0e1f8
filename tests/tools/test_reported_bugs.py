"""Bugs a user met plugging in a new environment (issue 13), each pinned by a test that failed
before its fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import gymnasium as gym
import pytest

from engram.agents.planners.registry import register as register_planner
from engram.agents.runner import offline_planner, run_games
from engram.agents.spec import RunSpec
from engram.envs.core import ActionSpace, Fact, Goal, Observation, ObservationSpace, Outcome
from engram.envs.registry import register
from engram.tools.replay import rerun_with_cache


class Lamp(gym.Env):
    """Switch the lamp on: a two-command env registered in-process, with a planner of its own."""

    metadata = {"render_modes": [], "engram_planner": "bugs/switch"}  # noqa: RUF012

    def __init__(self) -> None:
        self.observation_space, self.action_space = ObservationSpace(), ActionSpace()
        self.on = False

    def _obs(self, outcome: Outcome) -> Observation:
        info = {"goal": Goal("switch the lamp on", "lamp", ("lamp",)).to_json(), "won": self.on,
                "world_id": "study", "outcome": str(outcome)}  # fmt: skip
        return Observation(f"The lamp is {'on' if self.on else 'off'}.", [Fact("lamp", "on", None, self.on)],
                           ["switch lamp", "look"], info=info)  # fmt: skip

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> Any:
        super().reset(seed=seed)
        self.on = False
        obs = self._obs(Outcome.PROGRESS)
        return obs, dict(obs.info)

    def step(self, action: str) -> Any:
        self.on = self.on or action == "switch lamp"
        obs = self._obs(Outcome.PROGRESS if action == "switch lamp" else Outcome.NO_EFFECT)
        return obs, float(self.on), self.on, False, dict(obs.info)


class SwitchPlanner:
    name = "offline"

    def decide(self, state: dict[str, Any], recall: list[Any]) -> Any:
        from engram.agents.planners.base import Decision

        return Decision(action="switch lamp", rationale="the lamp's own planner")


@pytest.fixture()
def lamp_run(tmp_path: Path) -> Path:
    register("bugs/Lamp-v0", Lamp)
    register_planner("bugs/switch", SwitchPlanner)
    run_games(RunSpec(("",) * 2, tmp_path / "lamp", env_id="bugs/Lamp-v0", memory="none", max_steps=5))
    return tmp_path / "lamp"


def test_an_env_registered_as_a_class_gets_the_planner_its_metadata_names(lamp_run: Path) -> None:
    assert isinstance(offline_planner("bugs/Lamp-v0"), SwitchPlanner)
    step = json.loads((lamp_run / "episodes" / "ep0000" / "steps.jsonl").read_text().splitlines()[0])
    assert step["rationale"] == "the lamp's own planner" and step["won"]


def test_a_rerun_from_the_cache_runs_on_the_runs_own_env(lamp_run: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    cache.touch()
    report = rerun_with_cache(str(lamp_run), str(cache), str(tmp_path / "again"))  # was: ALFWorld, GameLoadError
    assert report.episodes == 2 and not report.differences
    assert json.loads((tmp_path / "again" / "manifest.json").read_text())["config"]["env_id"] == "bugs/Lamp-v0"


def test_replaying_a_run_of_an_env_registered_in_another_process_says_so(lamp_run: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "engram", "replay", str(lamp_run)], capture_output=True, text=True)
    assert res.returncode == 2, res.stderr  # was: a raw KeyError traceback
    said = " ".join(res.stderr.split())  # rich wraps long lines
    assert "not registered here" in said and "Traceback" not in said


def test_show_facts_prints_negations_as_negations(solved_run: Path, cli) -> None:
    steps = [json.loads(x) for x in (solved_run / "episodes" / "ep0000" / "steps.jsonl").read_text().splitlines()]
    negated = [f for s in steps for f in s["facts_delta"] if f[3] is False]
    assert negated, "the fixture episode should observe something closed"
    shown = cli("show", str(solved_run), "ep0000", "--facts").stdout
    subject, relation = negated[0][0], negated[0][1]
    assert f"not {subject} {relation}" in shown  # was: "fridge 1 open" for a closed fridge


def test_show_on_a_missing_directory_is_an_error(tmp_path: Path, cli) -> None:
    res = cli("show", str(tmp_path / "nowhere"))
    assert res.returncode == 2 and "not a run directory" in " ".join(res.stderr.split())  # was: empty table, exit 0


def test_alfworld_refuses_a_textworld_game_clearly_and_leaves_no_run_behind(tmp_path: Path, cli) -> None:
    game = tmp_path / "x.z8"
    game.write_bytes(b"\x08\x00not really a story file")
    res = cli("run", "--env", "engram/ALFWorld-v0", "--games", game, "--run-dir", tmp_path / "run")
    assert res.returncode == 2 and "--env engram/TextWorld-v0" in " ".join(res.stderr.split())  # was: AttributeError
    assert not (tmp_path / "run").exists()


def test_run_games_and_engram_run_default_to_the_same_memory(tmp_path: Path) -> None:
    register("bugs/Lamp-v0", Lamp)
    register_planner("bugs/switch", SwitchPlanner)
    run_games(RunSpec(("",), tmp_path / "r", env_id="bugs/Lamp-v0", max_steps=3))
    assert json.loads((tmp_path / "r" / "manifest.json").read_text())["config"]["memory"] == (
        "working,scene,skills,episodic,experience,utility"
    )  # was: "none" from Python, "all" from the command line
