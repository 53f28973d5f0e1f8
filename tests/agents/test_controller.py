"""The LangGraph controller end to end on the real engine: trajectories, summary, replay, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from langgraph.checkpoint.sqlite import SqliteSaver

from engram.agents.controller import Controller
from engram.agents.planners.base import Decision, PlannerState
from engram.agents.rundir import RunDir
from engram.agents.runner import RunConfigError, run_games
from engram.agents.spec import RunSpec
from engram.envs.alfworld import ALFWorldEnv, find_games
from engram.memory.base import Recall
from engram.tools.replay import replay_run


def test_offline_planner_solves_generated_games(solved_run: Path) -> None:
    summary = json.loads((solved_run / "summary.json").read_text())
    assert summary["episodes_total"] == 24
    assert summary["success_rate"] >= 0.95, [e for e in summary["episodes"] if not e["success"]]
    assert summary["steps_per_success"] is not None and summary["steps_per_success"] <= 60
    for ep in summary["episodes"]:
        assert {"task_type", "success", "steps"} <= set(ep)
    assert len(summary["per_task_type"]) == 6


def test_trajectory_records_are_complete_and_admissible(solved_run: Path) -> None:
    run = RunDir(solved_run)
    manifest = run.manifest()
    assert manifest["config"]["planner"] == "offline" and manifest["versions"]["alfworld"] != "not installed"
    for episode_id in run.episode_ids():
        ep = run.episode(episode_id)
        steps = run.steps(episode_id)
        assert ep.result is not None
        assert [s.t for s in steps] == list(range(len(steps)))
        assert len(steps) == ep.result.steps
        previous = ep.initial_observation
        assert previous is not None
        for s in steps:
            assert s.action in previous["admissible"] and s.executed and s.error is None
            assert set(s.timings) == {"plan_s", "env_s", "step_s", "started_at"}
            previous = s.observation
        assert steps[-1].done and steps[-1].won == ep.result.success


def test_replay_reproduces_every_observation_and_catches_tampering(solved_run: Path, tmp_path: Path, cli) -> None:
    report = replay_run(str(solved_run), ["ep0000", "ep0001"])
    assert report.episodes == 2 and report.observations > 2 and report.differences == []

    import shutil

    copy = tmp_path / "run"
    shutil.copytree(solved_run, copy)
    steps_path = RunDir(copy).steps_path("ep0001")
    lines = steps_path.read_text().splitlines()
    record = json.loads(lines[0])
    record["observation"]["text"] = "You see a unicorn."
    lines[0] = json.dumps(record)
    steps_path.write_text("\n".join(lines) + "\n")
    res = cli("replay", copy, "--episode", "ep0001")
    assert res.returncode == 1 and "1 differing" in res.stdout


def test_a_run_dir_refuses_a_different_configuration(solved_run: Path, games_dir: Path) -> None:
    with pytest.raises(RunConfigError, match="max_steps"):
        run_games(RunSpec(tuple(find_games(games_dir)), solved_run, max_steps=10, memory="none"))


class _Stubborn:
    """A planner that insists on an action the environment never offers."""

    name = "stubborn"

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        return Decision(action="teleport to the moon", rationale="testing")


class _CrashingEnv(ALFWorldEnv):
    def step(self, action: str) -> Any:
        raise RuntimeError("engine died")


def _controller(env: Any, planner: Any, tmp_path: Path, max_steps: int = 3) -> Controller:
    run = RunDir(tmp_path / "run")
    conn = sqlite3.connect(str(tmp_path / "ck.sqlite"), check_same_thread=False)
    return Controller(env, planner, run, SqliteSaver(conn), max_steps=max_steps)


def test_non_admissible_actions_never_reach_the_environment(one_game: Path, tmp_path: Path) -> None:
    from engram.envs.registry import make

    env = make("engram/ALFWorld-v0")
    ctl = _controller(env, _Stubborn(), tmp_path)
    ep = ctl.run_episode("e1", str(one_game), 0, "x")
    steps = ctl.run.steps("e1")
    assert ep.result is not None and ep.initial_observation is not None
    assert len(steps) == 3 and ep.result.success is False
    assert all(not s.executed and s.error is not None and "not admissible" in s.error for s in steps)
    assert all(s.observation["text"] == ep.initial_observation["text"] for s in steps)


def test_environment_crash_is_recorded_and_ends_the_episode(one_game: Path, tmp_path: Path) -> None:
    from engram.agents.planners.household import HouseholdPlanner

    ctl = _controller(_CrashingEnv(), HouseholdPlanner(), tmp_path, max_steps=10)
    ep = ctl.run_episode("e1", str(one_game), 0)
    steps = ctl.run.steps("e1")
    assert len(steps) == 1 and steps[0].error is not None and "engine died" in steps[0].error
    assert ep.result is not None and ep.result.error and ep.result.success is False
