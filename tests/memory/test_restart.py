"""Memory survives a process restart: tasks 1-2, stop, then 3-4 in a new process give the same
trajectories and the same memory (every module) as tasks 1-4 in one process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path


def _run(stream: Path, run_dir: Path, memory_dir: Path, *extra: str) -> None:
    cmd = [sys.executable, "-m", "engram", "run", "--games", str(stream), "--run-dir", str(run_dir),
           "--memory", "all", "--memory-dir", str(memory_dir), *extra]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _actions(run_dir: Path, episode: str) -> list[str]:
    lines = (run_dir / "episodes" / episode / "steps.jsonl").read_text().splitlines()
    return [json.loads(line)["action"] for line in lines]


def _memory(memory_dir: Path) -> dict[str, object]:
    """Every module's saved state, minus what names the run (episode keys carry a run id)."""
    import chromadb

    state: dict[str, object] = {}
    with sqlite3.connect(memory_dir / "scene.sqlite") as db:
        state["scene"] = sorted(db.execute("SELECT * FROM beliefs"))
    with sqlite3.connect(memory_dir / "skills.sqlite") as db:
        state["shortcuts"] = sorted(db.execute("SELECT * FROM shortcuts"))
        state["tips"] = sorted(db.execute("SELECT * FROM tips"))
    with sqlite3.connect(memory_dir / "working.sqlite") as db:
        state["working"] = sorted(db.execute("SELECT * FROM episodes"))
    client = chromadb.PersistentClient(path=str(memory_dir / "episodic.chroma"))
    records = []
    for col in client.list_collections():
        got = client.get_collection(col.name).get(include=["documents", "metadatas"])
        records += [(col.name, d, sorted(m.items())) for d, m in zip(got["documents"], got["metadatas"], strict=True)]
    state["episodic"] = sorted(records)
    return state


def test_split_runs_equal_one_run(stream_dir: Path, tmp_path: Path) -> None:
    whole, first, second, fresh = (tmp_path / n for n in ("whole", "first", "second", "fresh"))
    _run(stream_dir, whole, tmp_path / "mem_whole")
    _run(stream_dir, first, tmp_path / "mem_split", "--limit", "2")
    _run(stream_dir, second, tmp_path / "mem_split", "--offset", "2")
    for episode in ("ep0002", "ep0003"):
        assert _actions(second, episode) == _actions(whole, episode)
    split, whole_memory = _memory(tmp_path / "mem_split"), _memory(tmp_path / "mem_whole")
    assert split == whole_memory
    assert all(whole_memory[k] for k in ("scene", "shortcuts", "tips", "episodic")) and not whole_memory["working"]
    # And memory matters here: without it, the later tasks are played differently.
    _run(stream_dir, fresh, tmp_path / "mem_fresh", "--offset", "2")
    assert [_actions(fresh, e) for e in ("ep0002", "ep0003")] != [_actions(whole, e) for e in ("ep0002", "ep0003")]
