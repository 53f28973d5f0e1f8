"""Writers that share a memory directory lose nothing: processes at once, and one SIGKILLed mid-write."""

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

from engram.agents.rundir import RunDir
from engram.agents.runner import MEMORY_MODULES, make_memory
from engram.envs.core import Goal
from engram.envs.household.domain import HOUSEHOLD
from engram.memory.base import EpisodeEnd, MemoryStep, RecallQuery
from engram.memory.shared import MemoryDirectory, ledger_report
from engram.tools.memory_import import import_run
from tests.memory.test_contract import check_contract

ENGRAM = [sys.executable, "-m", "engram"]


def _keys(memory_dir: Path) -> dict[str, set[str]]:
    """Every module's consolidated episode keys, read from its own file."""
    out = {}
    for name in MEMORY_MODULES:
        with sqlite3.connect(memory_dir / f"{name}.sqlite") as db:
            out[name] = {k for (k,) in db.execute("SELECT key FROM consolidated")}
    return out


def _records(memory_dir: Path) -> dict[str, list[object]]:
    """What each store holds record by record (duplicates would show as repeats)."""
    with sqlite3.connect(memory_dir / "experience.sqlite") as db:
        traces = sorted(k for (k,) in db.execute("SELECT key FROM traces"))
    with sqlite3.connect(memory_dir / "episodic.sqlite") as db:
        episodic = sorted(k for (k,) in db.execute("SELECT key FROM records"))
    with sqlite3.connect(memory_dir / "skills.sqlite") as db:
        tips = sorted(db.execute("SELECT object_type, holder_kind, support FROM tips"))
    with sqlite3.connect(memory_dir / "scene.sqlite") as db:
        kinds = sorted(db.execute("SELECT * FROM kinds"))
    return {"traces": traces, "episodic": episodic, "tips": tips, "kinds": kinds}


def _run_key(run: Path, episode: str) -> str:
    return f"{RunDir(run).manifest()['run_id']}/{episode}"


@pytest.mark.slow
def test_two_runs_started_together_on_one_memory_dir_keep_both_runs_episodes(stream_dir: Path, tmp_path: Path) -> None:
    """The reported case: before, the second run's four episodes were gone from four modules and the
    experience bank listed eight keys for four traces, without a word."""
    memory = tmp_path / "mem"
    runs = [tmp_path / "a", tmp_path / "b"]
    # Two tasks each: both runs commit twice into the same directory at the same time (the property
    # is that no commit of one run loses the other's, not how many tasks there are).
    command = [*ENGRAM, "run", "--games", str(stream_dir), "--memory-dir", str(memory), "--limit", "2"]
    procs = [
        subprocess.Popen([*command, "--run-dir", str(r)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for r in runs
    ]
    for p in procs:
        assert p.wait(timeout=600) == 0, p.stderr.read() if p.stderr else ""
        # Nothing but engram's own progress on the console: no library's loading bars or warnings
        # (the embedding model's loader once printed "Loading weights: 0/103 ..." before the run).
        assert p.stderr is not None and p.stderr.read() == ""
    episodes = RunDir(runs[0]).episode_ids()
    expected = {_run_key(r, e) for r in runs for e in episodes}
    assert len(expected) == 2 * len(episodes) == 4
    assert _keys(memory) == {name: expected for name in MEMORY_MODULES}
    records = _records(memory)
    assert records["traces"] == sorted(expected) and records["episodic"] == sorted(expected)
    report = ledger_report(memory)
    assert {m: set(v["episodes"]) for m, v in report["modules"].items()} == {n: expected for n in MEMORY_MODULES}


@pytest.mark.slow
@pytest.mark.budget(90, "four processes at once, each importing the whole memory stack (torch, chromadb): 22-34 s")
def test_four_writers_at_once_merge_every_episode_and_sum_the_counters(solved_run: Path, tmp_path: Path) -> None:
    """Four processes import different episodes into one directory at the same time; the result
    holds what one process importing them all holds: every key in every module, each record once,
    and the counters one writer would have."""
    # Eight episodes, two per writer: every writer commits while others do (the property is "every
    # key once, counters summed", which does not need all 24).
    episodes = RunDir(solved_run).episode_ids()[:8]
    groups = [episodes[i::4] for i in range(4)]
    shared, serial = tmp_path / "shared", tmp_path / "serial"
    procs = [
        subprocess.Popen([*ENGRAM, "memory", "import", str(solved_run), "--memory-dir", str(shared),
                          "--episodes", ",".join(g)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for g in groups
    ]  # fmt: skip
    for p in procs:
        assert p.wait(timeout=900) == 0, p.stderr.read() if p.stderr else ""
    # Some statistics depend on the order episodes arrive in (a placement counts when the house's
    # graph first sees it), so the reference is one writer importing them in the order committed.
    with sqlite3.connect(shared / "ledger.sqlite") as db:
        order = [
            k.rsplit("/", 1)[1] for (k,) in db.execute("SELECT key FROM episodes WHERE module = 'scene' ORDER BY rowid")
        ]
    assert sorted(order) == sorted(episodes)
    # (in this process: the reference needs no process of its own, only one writer)
    assert import_run(solved_run, serial, "all", order)["added"] == len(order)
    expected = {_run_key(solved_run, e) for e in episodes}
    assert _keys(shared) == _keys(serial) == {name: expected for name in MEMORY_MODULES}
    merged, alone = _records(shared), _records(serial)
    assert merged["traces"] == merged["episodic"] == sorted(expected)  # each once
    assert merged == alone
    assert sum(n for *_, n in merged["kinds"]) > 0 and merged["tips"]
    writers = {w["writer"].rsplit("/", 1)[0] for w in ledger_report(shared)["writers"]}
    assert len(ledger_report(shared)["writers"]) == 4 and len(writers) == 1


@pytest.mark.slow
@pytest.mark.budget(90, "three processes with the whole memory stack, one after another, killed mid-commit: 16-33 s")
def test_a_writer_killed_mid_write_leaves_a_store_that_opens_and_keeps_the_contract(
    solved_run: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "mem"
    # Ten episodes: enough that three kills, each right after a commit, leave some to import again.
    episodes = RunDir(solved_run).episode_ids()[:10]
    command = [*ENGRAM, "memory", "import", str(solved_run), "--memory-dir", str(memory),
               "--episodes", ",".join(episodes)]  # fmt: skip
    for delay in (0.0, 0.05, 0.13):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Killed right after a commit began (the ledger's generation moves before the files do).
        before = _generation(memory)
        deadline = time.monotonic() + 300
        while _generation(memory) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"
        modules = make_memory(list(MEMORY_MODULES), HOUSEHOLD)
        MemoryDirectory(memory, modules, writer="reader").refresh()
        committed = ledger_report(memory)["modules"]
        for module in modules:
            assert set(committed.get(module.name, {}).get("episodes", [])) <= module.consolidated
    (tmp_path / "contract").mkdir()
    for module in modules:
        check_contract(module, tmp_path / "contract")
    # Running the import again (here, in this process) adds the rest, and nothing twice.
    again = import_run(solved_run, memory, "all", episodes)
    assert again["added"] + again["already_there"] == len(episodes)
    expected = {_run_key(solved_run, e) for e in episodes}
    assert _keys(memory) == {name: expected for name in MEMORY_MODULES}
    assert _records(memory)["traces"] == sorted(expected)


def _generation(memory: Path) -> int:
    if not (memory / "ledger.sqlite").exists():
        return 0
    report = ledger_report(memory)
    return sum(int(m["generation"]) for m in report["modules"].values())


def _ended(episode_id: str) -> EpisodeEnd:
    return EpisodeEnd(episode_id, "r", "", "unknown", Goal(""), True, 1)


def test_a_module_whose_load_forgets_episodes_is_refused_not_saved(tmp_path: Path) -> None:
    """A plug-in whose ``load`` drops ``consolidated`` would silently lose other writers' episodes;
    the commit refuses and writes nothing."""
    from engram.memory.shared import MemoryConflict

    class Forgetful:
        name = "forgetful"

        def __init__(self) -> None:
            self.consolidated: set[str] = set()

        def observe(self, step: MemoryStep) -> None: ...

        def recall(self, query: RecallQuery) -> list[object]:
            return []

        def consolidate(self, episode: EpisodeEnd) -> None:
            self.consolidated.add(episode.key)

        def save(self, path: Path) -> None:
            path.write_text(json.dumps(sorted(self.consolidated)))

        def load(self, path: Path) -> None:
            self.consolidated = set()  # the bug

    first, second = Forgetful(), Forgetful()
    a = MemoryDirectory(tmp_path, [first], writer="a")
    b = MemoryDirectory(tmp_path, [second], writer="b")
    first.consolidate(_ended("e1"))
    a.commit()
    second.consolidate(_ended("e2"))
    with pytest.raises(MemoryConflict, match="would lose 1 episode"):
        b.commit(lambda stale: [m.consolidate(_ended("e2")) for m in stale])
    assert json.loads((tmp_path / "forgetful.sqlite").read_text()) == ["r/e1"]


def test_a_store_whose_first_save_was_cut_off_is_no_store_yet(tmp_path: Path) -> None:
    """A writer killed inside its first commit leaves the ledger's generation moved and a store file
    with no table (SQLite rolled its creation back); a reader loads nothing from it, and the next
    commit writes it whole (this failed with "no such table: consolidated" under a loaded machine)."""
    from engram.memory.episodic import EpisodicMemory

    writer = MemoryDirectory(tmp_path, [EpisodicMemory()], writer="killed")
    with sqlite3.connect(tmp_path / "ledger.sqlite") as db:
        db.execute("INSERT INTO generations VALUES ('episodic', 1)")
    (tmp_path / "episodic.sqlite").touch()  # what the cut-off first save left
    reader = EpisodicMemory()
    assert MemoryDirectory(tmp_path, [reader], writer="reader").refresh() == [] and not reader.consolidated
    writer.modules[0].consolidated.add("run/ep0000")
    writer.commit()
    again = EpisodicMemory()
    assert MemoryDirectory(tmp_path, [again], writer="later").refresh() == ["episodic"]
    assert again.consolidated == {"run/ep0000"}


def test_a_ledger_its_first_writer_is_still_creating_reads_as_empty(tmp_path: Path) -> None:
    """A reader (``engram memory show``, a test polling) can open the ledger between its creation
    and its tables' (this once failed CI with "no such table")."""
    sqlite3.connect(tmp_path / "ledger.sqlite").close()
    assert ledger_report(tmp_path) == {"modules": {}, "writers": []}
