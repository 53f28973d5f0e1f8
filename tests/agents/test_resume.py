"""kill -9 mid-episode, rerun the same command: the episode resumes from its last checkpoint and its
trajectory equals an uninterrupted run's, with no lost or duplicated step."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _cmd(game: Path, run_dir: Path, delay: float, memory: str) -> list[str]:
    return [sys.executable, "-m", "engram", "run", "--games", str(game), "--run-dir", str(run_dir),
            "--step-delay", str(delay), "--memory", memory]  # fmt: skip


def _memory(run_dir: Path) -> list[tuple[object, ...]]:
    path = run_dir / "memory" / "scene.sqlite"
    if not path.exists():
        return []
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT * FROM beliefs"))


def _trajectory(run_dir: Path) -> list[tuple[int, str, str]]:
    lines = (run_dir / "episodes" / "ep0000" / "steps.jsonl").read_text().splitlines()
    return [(r["t"], r["action"], r["observation"]["text"]) for r in map(json.loads, lines)]


@pytest.mark.parametrize(("kill_after_steps", "memory"), [(3, "none"), (7, "scene")])
def test_sigkill_mid_episode_resumes_with_the_same_trajectory(
    solved_run: Path, tmp_path: Path, kill_after_steps: int, memory: str
) -> None:
    summary = json.loads((solved_run / "summary.json").read_text())
    longest = max((e for e in summary["episodes"] if e["success"]), key=lambda e: e["steps"])
    game = Path(longest["game"])
    reference = tmp_path / "reference"
    subprocess.run(_cmd(game, reference, 0.0, memory), check=True, capture_output=True)
    expected = _trajectory(reference)
    assert len(expected) > kill_after_steps + 1, "pick a longer episode for this test"

    killed = tmp_path / "killed"
    proc = subprocess.Popen(_cmd(game, killed, 0.1, memory), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    steps_file = killed / "episodes" / "ep0000" / "steps.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline:
        if steps_file.exists() and len(steps_file.read_text().splitlines()) >= kill_after_steps:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    interrupted = len(steps_file.read_text().splitlines())
    assert kill_after_steps <= interrupted < len(expected)
    assert not (killed / "episodes" / "ep0000" / "episode.json").read_text().count('"result"')

    done = subprocess.run(_cmd(game, killed, 0.0, memory), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _trajectory(killed) == expected
    # Memory too ends as if nothing happened: what the episode saw before the kill was given back.
    assert _memory(killed) == _memory(reference)
    assert (memory == "scene") == bool(_memory(killed))
    episode = json.loads((killed / "episodes" / "ep0000" / "episode.json").read_text())
    assert episode["result"]["steps"] == len(expected) and episode["result"]["success"]
