"""The environment contract, for every registered environment and for a third-party plug-in."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from engram.envs.check import check
from engram.envs.registry import GROUP, env_ids

#: MiniWoB tasks outside the GUI planner's families that the matrix plays (all 110 are registered,
#: see test_every_installed_miniwob_task_is_registered; each costs a browser start)
GENERIC_MINIWOB = ("click-color", "click-collapsible", "choose-list", "click-menu", "email-inbox", "use-spinner")


def _ids() -> list[str]:
    from engram.envs import miniwob

    keep = {f"engram/MiniWoB-{t}-v0" for t in (*miniwob.TASKS, *GENERIC_MINIWOB)}
    return [i for i in env_ids() if not i.startswith("engram/MiniWoB-") or i in keep]


def _matrix() -> list:
    """Every registered id (MiniWoB: the GUI families and a sample of the rest). The inner loop
    (``-m "not slow"``) keeps the first id of each backend (ALFWorld, BabyAI, MiniWoB, ...); the
    rest are marked slow, and CI runs them all."""
    seen: set[str] = set()
    cases: list = []
    for env_id in _ids():
        backend = env_id.split("-")[0]
        cases.append(env_id if backend not in seen else pytest.param(env_id, marks=pytest.mark.slow))
        seen.add(backend)
    return cases


def test_every_installed_miniwob_task_is_registered() -> None:
    from engram.agents.runner import offline_planner
    from engram.envs import miniwob

    if not miniwob.available():
        pytest.skip("miniwob or Chromium is not installed")
    tasks = miniwob.all_tasks()
    assert len(tasks) >= 100 and set(miniwob.TASKS) <= set(tasks)
    ids = [i for i in env_ids() if i.startswith("engram/MiniWoB-")]
    assert sorted(ids) == sorted(f"engram/MiniWoB-{t}-v0" for t in tasks)
    # The GUI planner's families keep it; every other task gets the generic memory-driven planner.
    assert type(offline_planner("engram/MiniWoB-login-user-v0")).__name__ == "GUIPlanner"
    assert type(offline_planner("engram/MiniWoB-click-color-v0")).__name__ == "GenericPlanner"


@pytest.mark.parametrize("env_id", _matrix())
def test_every_registered_env_conforms(env_id: str) -> None:
    report = check(env_id)
    assert report.ok, report.failed
    assert {"gymnasium check_env", "reset contract", "step contract"} <= set(report.passed)


PLUGIN = '''
import gymnasium as gym
from engram.envs.core import ActionSpace, Fact, Observation, ObservationSpace


class CounterEnv(gym.Env):
    """Count up to three."""

    def __init__(self, broken=False):
        self.observation_space, self.action_space = ObservationSpace(), ActionSpace()
        self.n, self.broken = 0, broken

    def _obs(self):
        facts = [Fact("counter", "type", "counter"), Fact("counter", "on", None, self.n > 0)]
        if self.broken:
            facts.append(Fact("counter", "glows", None))  # not in the shared vocabulary
        return Observation(f"The counter shows {self.n}.", facts, ["increment", "reset"], info={"n": self.n})

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.n = 0
        return self._obs(), {"n": 0}

    def step(self, action):
        self.n = self.n + 1 if action == "increment" else 0
        return self._obs(), float(self.n == 3), self.n == 3, False, {"n": self.n}


def broken():
    return CounterEnv(broken=True)
'''


@pytest.mark.slow
def test_an_installed_packages_entry_points_register_its_envs(tmp_path: Path, cli, monkeypatch) -> None:
    """A package installed separately (here: on the path, with its dist-info) shows up by id in
    ``engram envs`` and passes or fails ``engram check-env`` on its merits, never imported by hand.
    A fresh interpreter lists and runs it (the process boundary is the point there); the checks and
    the replay read the same entry points in this process, the package put on its path."""
    dist = tmp_path / "acme_envs-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-envs\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        textwrap.dedent(f"""
        [{GROUP}]
        acme/Counter-v0 = acme_envs:CounterEnv
        acme/Broken-v0 = acme_envs:broken
        """)
    )
    (tmp_path / "acme_envs.py").write_text(PLUGIN)
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    listed = subprocess.run([sys.executable, "-m", "engram", "envs"], capture_output=True, text=True, env=env)
    assert listed.returncode == 0, listed.stderr
    ids = listed.stdout.split()
    assert {"acme/Counter-v0", "acme/Broken-v0", "engram/ALFWorld-v0"} <= set(ids)
    # The plug-in runs like any env: same run directory, same summary keys, replayable.
    run = subprocess.run([sys.executable, "-m", "engram", "run", "--env", "acme/Counter-v0", "--episodes", "3",
                          "--max-steps", "10", "--run-dir", str(tmp_path / "run")], capture_output=True, text=True,
                         env=env)  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert summary["episodes_total"] == 3 and summary["success_rate"] == 1.0
    assert {"episodes_total", "success_rate", "steps_per_success", "per_task_type", "llm", "episodes"} <= set(summary)
    monkeypatch.syspath_prepend(str(tmp_path))  # (and clears the import system's caches)
    ok = cli("check-env", "acme/Counter-v0")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = cli("check-env", "acme/Broken-v0")
    assert bad.returncode == 1 and "shared vocabulary" in bad.stdout
    replay = cli("replay", tmp_path / "run")
    assert replay.returncode == 0 and "0 differing" in replay.stdout
    unknown = cli("check-env", "acme/Nope-v0")
    assert unknown.returncode == 2 and "unknown environment id" in unknown.stderr


@pytest.mark.parametrize("env_id", _matrix())
def test_engram_run_works_for_every_registered_env(env_id: str, tmp_path: Path, cli) -> None:
    res = cli("run", "--env", env_id, "--episodes", "2", "--max-steps", "8", "--memory", "all",
              "--run-dir", tmp_path / "run")  # fmt: skip
    assert res.returncode == 0, res.stdout + res.stderr
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert set(summary) == {"episodes_total", "success_rate", "steps_per_success", "median_steps_success",
                            "per_task_type", "llm", "episodes", "schema"}  # fmt: skip
    assert summary["episodes_total"] == 2
    assert json.loads((tmp_path / "run" / "manifest.json").read_text())["config"]["env_id"] == env_id
