"""Memory survives a process restart: tasks 1-2, stop, then 3-4 in a new process give the same
trajectories and the same memory as tasks 1-4 in one process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path


def _run(stream: Path, run_dir: Path, memory_dir: Path, *extra: str) -> None:
    cmd = [sys.executable, "-m", "engram", "run", "--games", str(stream), "--run-dir", str(run_dir),
           "--memory", "scene", "--memory-dir", str(memory_dir), *extra]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _actions(run_dir: Path, episode: str) -> list[str]:
    lines = (run_dir / "episodes" / episode / "steps.jsonl").read_text().splitlines()
    return [json.loads(line)["action"] for line in lines]


def _beliefs(memory_dir: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(memory_dir / "scene.sqlite") as db:
        return sorted(db.execute("SELECT * FROM beliefs"))


def test_split_runs_equal_one_run(stream_dir: Path, tmp_path: Path) -> None:
    whole, first, second, fresh = (tmp_path / n for n in ("whole", "first", "second", "fresh"))
    _run(stream_dir, whole, tmp_path / "mem_whole")
    _run(stream_dir, first, tmp_path / "mem_split", "--limit", "2")
    _run(stream_dir, second, tmp_path / "mem_split", "--offset", "2")
    for episode in ("ep0002", "ep0003"):
        assert _actions(second, episode) == _actions(whole, episode)
    assert _beliefs(tmp_path / "mem_split") == _beliefs(tmp_path / "mem_whole")
    # And memory matters here: without it, the later tasks are played differently.
    _run(stream_dir, fresh, tmp_path / "mem_fresh", "--offset", "2")
    assert [_actions(fresh, e) for e in ("ep0002", "ep0003")] != [_actions(whole, e) for e in ("ep0002", "ep0003")]
