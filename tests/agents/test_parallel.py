"""The Ray backend: houses in parallel with their tasks in order, memory learned across workers, and
the faults AgentLab's users ask about (a killed worker, a time limit, a re-run that resumes)."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import pytest

from engram.agents.rundir import RunDir

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ray")]  # one Ray at a time on 2 cores
ENGRAM = [sys.executable, "-m", "engram"]


@pytest.fixture(scope="module")
def two_houses(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stream of 2 kitchens x 4 tasks (objects moved between tasks), generated offline (~11 s).
    Both kitchens: a living room's shortcuts (sofa, armchair) have nothing to act on in a kitchen."""
    from engram.envs.household.generator import Generator

    out = tmp_path_factory.mktemp("two_houses") / "games"
    Generator(out, 4, stream=True, perturb=0.2, rooms=("kitchen",)).run(2, 4)
    return out


def _engram(*args: object, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ENGRAM, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def _leftovers(marker: str) -> list[str]:
    """Processes still alive whose command line names ``marker`` (a run's folder), or Ray's own."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(pid) != os.getpid() and (marker in cmd or "raylet" in cmd or "gcs_server" in cmd):
            found.append(f"{pid}: {cmd[:160]}")
    return found


def _spans(run: RunDir, episode_id: str) -> tuple[float, float]:
    steps = run.steps(episode_id)
    return steps[0].timings["started_at"], steps[-1].timings["started_at"] + steps[-1].timings["step_s"]


@pytest.mark.budget(90, "Ray, two workers and eight household episodes; 30-40 s on CI beside the other test worker")
def test_a_stream_of_two_houses_on_two_workers_learns_across_them(two_houses: Path, tmp_path: Path, cli) -> None:
    """Learning across workers is the skills store's (what one house mined, the other is offered);
    the episodic chroma server and the experience bank on Ray are the killed-worker test's."""
    run_dir = tmp_path / "run"
    done = _engram("run", "--games", two_houses, "--run-dir", run_dir, "--backend", "ray", "--workers", 2,
                   "--memory", "working,scene,skills")  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    run = RunDir(run_dir)
    episodes = {e: run.episode(e) for e in run.episode_ids()}
    assert len(episodes) == 8 and all(ep.result is not None and ep.result.error is None for ep in episodes.values())
    houses: dict[str, list[str]] = {}
    for e, ep in sorted(episodes.items()):
        houses.setdefault(ep.world_id, []).append(e)
    assert sorted(houses) == ["house_000", "house_001"]
    # Each house on one worker, its tasks in order; the two houses on different workers, at once.
    workers = {h: {(episodes[e].worker or {})["worker"] for e in es} for h, es in houses.items()}
    assert all(len(w) == 1 for w in workers.values()) and workers["house_000"] != workers["house_001"]
    for es in houses.values():
        for before, after in itertools.pairwise(es):
            assert _spans(run, before)[1] <= _spans(run, after)[0]
    first, second = ((_spans(run, es[0])[0], _spans(run, es[-1])[1]) for es in houses.values())
    assert first[0] < second[1] and second[0] < first[1], "the houses did not run at the same time"
    # Cross-worker learning: a house's later tasks are offered shortcuts mined only in the other
    # house, on the other worker (which house gets ahead depends on timing; at least one must learn).
    learned = {}
    for house, es in houses.items():
        other = next(h for h in houses if h != house)
        learned[house] = {r["content"]["name"] for e in es[1:] for s in run.steps(e) for r in s.recalls
                          if r["kind"] == "skill" and r["content"]["worlds"] == [other]}  # fmt: skip
    assert any(learned.values()), learned
    # The same run directory as a serial run: manifest, summary, show and replay.
    manifest = run.manifest()
    assert manifest["backend"]["name"] == "ray" and manifest["backend"]["workers"] == 2
    info = manifest["backend"]["worker_info"]
    assert len(info) == 2 and all(i["versions"]["engram"] and i["pid"] for i in info)
    assert all(v > 0 for v in manifest["backend"]["peak_rss_mb"].values())
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["episodes_total"] == 8
    assert cli("show", run_dir).returncode == 0
    # One episode of each house replays (a house's first and last: both workers' records, both ends of a lane).
    replayed = cli("replay", run_dir, "--episode", houses["house_000"][-1], "--episode", houses["house_001"][0])
    assert replayed.returncode == 0 and "replayed 2 episodes" in replayed.stdout, replayed.stdout + replayed.stderr
    memory = cli("memory", "show", run_dir / "memory")
    assert memory.returncode == 0 and "2 writer(s)" in memory.stdout
    assert not _leftovers(str(tmp_path)), _leftovers(str(tmp_path))


@pytest.mark.budget(90, "Ray with three workers (one replaces the killed) on the whole memory stack: 35-42 s on CI")
def test_a_killed_worker_s_episode_is_retried_and_nothing_is_left_running(tmp_path: Path) -> None:
    """Two episodes on two workers (one each): one worker is killed mid-episode. Memory is all of
    engram's, so the workers share the episodic chroma server, which must not outlive the run.

    Run as from a virtualenv that is not activated (cron, an IDE, ``VENV/bin/engram``): ``PATH``
    lacks the interpreter's folder, so a server started by name (``chroma``) would not be found."""
    run_dir = tmp_path / "run"
    args = ["run", "--env", "engram/BabyAI-GoToObj-v0", "--episodes", 2, "--run-dir", run_dir, "--backend", "ray",
            "--workers", 2, "--step-delay", 1.0, "--memory", "all"]  # fmt: skip
    bare = {**os.environ, "PATH": os.defpath}
    assert shutil.which("chroma", path=bare["PATH"]) is None
    proc = subprocess.Popen([*ENGRAM, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=bare)  # fmt: skip
    progress = run_dir / "progress.json"
    victim: tuple[str, int, str] | None = None
    deadline = time.monotonic() + 300
    while victim is None and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            snap = json.loads(progress.read_text())
        except (OSError, ValueError):
            continue
        for name, w in snap["workers"].items():
            # Mid-episode: it has recorded a step of this episode (episodes here take 3-5 steps of 1 s).
            steps = run_dir / "episodes" / str(w["running"]) / "steps.jsonl"
            if w["running"] and w["pid"] and steps.exists() and steps.read_text().count("\n") >= 1:
                victim = (name, int(w["pid"]), w["running"])
                break
    assert victim is not None, "no worker was seen mid-episode"
    name, pid, episode_id = victim
    pgid = os.getpgid(pid)
    os.kill(pid, signal.SIGKILL)
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]
    run = RunDir(run_dir)
    episode = run.episode(episode_id)
    assert episode.attempts[0]["worker"] == name and episode.attempts[0]["error"].startswith("worker died")
    assert episode.result is not None and episode.result.error is None
    assert episode.worker is not None and episode.worker["worker"] != name  # retried elsewhere
    assert [s.t for s in run.steps(episode_id)] == list(range(len(run.steps(episode_id))))
    snap = json.loads(progress.read_text())
    assert snap["failed"] == 1 and snap["workers"][name]["alive"] is False
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["episodes_total"] == 2
    with pytest.raises(ProcessLookupError):
        os.killpg(pgid, 0)  # nothing of the killed worker's process group lives on
    assert not _leftovers(str(tmp_path)), _leftovers(str(tmp_path))
    # The same command again: nothing left to run, nothing re-run.
    stamps = {e: (run.episode_dir(e) / "episode.json").stat().st_mtime_ns for e in run.episode_ids()}
    again = _engram(*args)
    assert again.returncode == 0, again.stderr[-3000:]
    assert {e: (run.episode_dir(e) / "episode.json").stat().st_mtime_ns for e in run.episode_ids()} == stamps


def test_an_episode_over_the_time_limit_is_an_error_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    args = ["run", "--env", "engram/BabyAI-GoToObj-v0", "--episodes", 2, "--run-dir", run_dir, "--backend", "ray",
            "--workers", 2, "--memory", "scene"]  # fmt: skip
    # A second a step makes every episode (3 steps and more) run over 2.5 s.
    limited = _engram(*args, "--step-delay", 1.0, "--episode-timeout", 2.5)
    assert limited.returncode == 0, limited.stderr[-3000:]
    run = RunDir(run_dir)
    results = {e: run.episode(e).result for e in run.episode_ids()}
    assert len(results) == 2 and all(
        r is not None and r.error is not None and r.error.startswith("time limit") for r in results.values()
    ), results
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["episodes_total"] == 2 and summary["success_rate"] == 0
    # Re-run without the limit (and at full speed): those episodes resume from their checkpoints and finish.
    again = _engram(*args)
    assert again.returncode == 0, again.stderr[-3000:]
    for e in run.episode_ids():
        result = run.episode(e).result
        assert result is not None and result.error is None
        assert [s.t for s in run.steps(e)] == list(range(len(run.steps(e))))
    assert not _leftovers(str(tmp_path)), _leftovers(str(tmp_path))


class _Switch:
    """A one-command env registered only in the test's own process (as from a notebook)."""

    metadata: ClassVar[dict[str, object]] = {"render_modes": []}


def test_a_worker_that_cannot_start_stops_the_run_with_the_reason(tmp_path: Path) -> None:
    from engram.agents.parallel import WorkerFailedToStart, run_parallel
    from engram.agents.spec import RunSpec
    from engram.envs.registry import register

    register("notebook/Switch-v0", _Switch)
    why = r"worker w\d could not start: .*Namespace notebook not found.*register it by entry point"
    with pytest.raises(WorkerFailedToStart, match=why):
        run_parallel(RunSpec(("",) * 2, tmp_path / "run", workers=2, env_id="notebook/Switch-v0", memory="none"))
    assert not list((tmp_path / "run" / "episodes").glob("*/episode.json"))
    assert not _leftovers(str(tmp_path)), _leftovers(str(tmp_path))
