"""kill -9 mid-episode, rerun the same command: the episode resumes from its last checkpoint and its
trajectory equals an uninterrupted run's, with no lost or duplicated step. The killed run is a real
process; the reference and the resumed run go through the same CLI in-process (``cli``)."""

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

pytestmark = pytest.mark.slow  # real processes killed and rerun: left out of the inner loop


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


@pytest.mark.parametrize(("kill_after_steps", "memory"), [(3, "none"), (7, "scene"), (5, "scene,experience")])
def test_sigkill_mid_episode_resumes_with_the_same_trajectory(
    solved_run: Path, tmp_path: Path, kill_after_steps: int, memory: str, cli
) -> None:
    summary = json.loads((solved_run / "summary.json").read_text())
    longest = max((e for e in summary["episodes"] if e["success"]), key=lambda e: e["steps"])
    game = Path(longest["game"])
    reference = tmp_path / "reference"
    assert cli(*_cmd(game, reference, 0.0, memory)[3:]).returncode == 0
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
    # A running episode's record has no result yet (null since records became typed).
    assert json.loads((killed / "episodes" / "ep0000" / "episode.json").read_text()).get("result") is None

    done = cli(*_cmd(game, killed, 0.0, memory)[3:])
    assert done.returncode == 0, done.stderr
    assert _trajectory(killed) == expected
    # Memory too ends as if nothing happened: what the episode saw before the kill was given back.
    assert _memory(killed) == _memory(reference)
    assert ("scene" in memory.split(",")) == bool(_memory(killed))
    episode = json.loads((killed / "episodes" / "ep0000" / "episode.json").read_text())
    assert episode["result"]["steps"] == len(expected) and episode["result"]["success"]


# A kill can also land after a node's writes were saved but before the checkpoint that follows
# them. LangGraph will not run that node again on resume, so its side effects must not be redone or
# lost. This saver exits the process (like kill -9: no cleanup) in exactly that window.
DYING_RUN = """
import os, sys
from langgraph.checkpoint.sqlite import SqliteSaver
import engram.agents.runner as runner
from engram.agents.checkpoints import StrictSerializer
from engram.tools.cli import app

channel, nth = sys.argv[1], int(sys.argv[2])
seen = 0

class DyingSaver(SqliteSaver):
    def put_writes(self, config, writes, task_id, task_path=""):
        global seen
        super().put_writes(config, writes, task_id, task_path)
        names = {name for name, _ in writes}
        if channel in names and "episode_id" not in names:  # the node's writes, not the input's
            seen += 1
            if seen == nth:
                os._exit(137)

runner.checkpointer = lambda conn, path: DyingSaver(conn, serde=StrictSerializer(path))
app(sys.argv[3:], prog_name="engram")
"""


@pytest.mark.parametrize(("node", "nth"), [("act", 3), ("reflect", 4), ("reflect", -1)])
def test_kill_between_saved_writes_and_checkpoint(solved_run: Path, tmp_path: Path, node: str, nth: int, cli) -> None:
    summary = json.loads((solved_run / "summary.json").read_text())
    longest = max((e for e in summary["episodes"] if e["success"]), key=lambda e: e["steps"])
    game = Path(longest["game"])
    reference = tmp_path / "reference"
    assert cli(*_cmd(game, reference, 0.0, "scene")[3:]).returncode == 0
    expected = _trajectory(reference)
    nth = len(expected) if nth < 0 else nth  # -1: the episode's last reflect, before memory is saved
    script = tmp_path / "dying_run.py"
    script.write_text(DYING_RUN)
    killed = tmp_path / "killed"
    channel = {"act": "actions", "reflect": "done"}[node]
    proc = subprocess.run([sys.executable, str(script), channel, str(nth), *_cmd(game, killed, 0.0, "scene")[3:]],
                          capture_output=True, text=True)  # fmt: skip
    assert proc.returncode == 137, proc.stderr
    assert len(_trajectory(killed)) == (nth if node == "reflect" else nth - 1)
    assert not _memory(killed), "memory is saved only at an episode's end, after the kill"

    done = cli(*_cmd(game, killed, 0.0, "scene")[3:])
    assert done.returncode == 0, done.stderr
    assert _trajectory(killed) == expected
    assert _memory(killed) == _memory(reference) and _memory(killed)
    episode = json.loads((killed / "episodes" / "ep0000" / "episode.json").read_text())
    assert episode["result"]["steps"] == len(expected) and episode["result"]["success"]
