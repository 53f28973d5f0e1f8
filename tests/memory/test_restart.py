"""Memory survives a process restart: tasks 1-2, stop, then 3-4 in a new process give the same
trajectories and the same memory (every module) as tasks 1-4 in one process. Only tasks 3-4 need a
new process; the other runs go through the CLI in-process (``cli``)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def _args(stream: Path, run_dir: Path, memory_dir: Path, *extra: str) -> list[str]:
    return ["run", "--games", str(stream), "--run-dir", str(run_dir), "--memory", "all",
            "--memory-dir", str(memory_dir), *extra]  # fmt: skip


def _actions(run_dir: Path, episode: str) -> list[str]:
    lines = (run_dir / "episodes" / episode / "steps.jsonl").read_text().splitlines()
    return [json.loads(line)["action"] for line in lines]


def _memory(memory_dir: Path) -> dict[str, object]:
    """Every module's saved state, minus what names the run (episode keys carry a run id)."""
    state: dict[str, object] = {}
    with sqlite3.connect(memory_dir / "scene.sqlite") as db:
        state["scene"] = sorted(db.execute("SELECT * FROM beliefs"))
    with sqlite3.connect(memory_dir / "skills.sqlite") as db:
        state["shortcuts"] = sorted(db.execute("SELECT * FROM shortcuts"))
        state["tips"] = sorted(db.execute("SELECT * FROM tips"))
    with sqlite3.connect(memory_dir / "working.sqlite") as db:
        state["working"] = sorted(db.execute("SELECT * FROM episodes"))
    with sqlite3.connect(memory_dir / "episodic.sqlite") as db:
        rows = db.execute("SELECT world, document, metadata FROM records").fetchall()
    records = [(h, d, sorted(json.loads(m).items())) for h, d, m in rows]
    state["episodic"] = sorted(records)
    return state


@pytest.mark.slow
def test_split_runs_equal_one_run(stream_dir: Path, tmp_path: Path, cli) -> None:
    whole, first, second, fresh = (tmp_path / n for n in ("whole", "first", "second", "fresh"))
    assert cli(*_args(stream_dir, whole, tmp_path / "mem_whole")).returncode == 0
    assert cli(*_args(stream_dir, first, tmp_path / "mem_split", "--limit", "2")).returncode == 0
    later = [sys.executable, "-m", "engram", *_args(stream_dir, second, tmp_path / "mem_split", "--offset", "2")]
    done = subprocess.run(later, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for episode in ("ep0002", "ep0003"):
        assert _actions(second, episode) == _actions(whole, episode)
    split, whole_memory = _memory(tmp_path / "mem_split"), _memory(tmp_path / "mem_whole")
    assert split == whole_memory
    assert all(whole_memory[k] for k in ("scene", "shortcuts", "tips", "episodic")) and not whole_memory["working"]
    # And memory matters here: without it, the later tasks are played differently.
    assert cli(*_args(stream_dir, fresh, tmp_path / "mem_fresh", "--offset", "2")).returncode == 0
    assert [_actions(fresh, e) for e in ("ep0002", "ep0003")] != [_actions(whole, e) for e in ("ep0002", "ep0003")]
