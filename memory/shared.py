"""A memory directory that several writers share, losing nothing: processes on one machine, or Ray
workers on a filesystem they all mount.

Why a merge by replay rather than per-table upserts: a module's saved state is derived from the
episodes it consolidated (a scene graph's beliefs, shortcut utility counters, a clustered index of
GNN embeddings, a plug-in's own tables), and only the module knows how two such states combine.
What every module does know is how to take an episode in. So a writer commits like a rebase:

1. take the directory's lock (``fcntl`` on ``.lock``: the kernel drops it when a holder dies, even
   by SIGKILL, so a killed writer never leaves the directory locked);
2. for each module whose file another writer changed since this one last read it (the ledger's
   *generation*), load the file, which holds every episode committed so far;
3. feed the reloaded modules this writer's own episodes that the file lacks (the caller's
   ``replay``: the controller re-observes them from its checkpoint), so each episode's effects —
   counters included — land exactly once;
4. check the result holds every episode key the ledger says was ever committed to the module
   (else refuse, loudly: :class:`MemoryConflict`), bump the generation, save, record the keys.

The generation is bumped *before* the save: a writer killed between the two leaves a generation
that is ahead of what it wrote, so other writers reload (harmless), never behind (a silent loss).
Saves themselves are atomic (a temporary file renamed over the old one, or one SQLite
transaction), so a file is always some committed state. Reads (:meth:`MemoryDirectory.refresh`)
take the lock too: a module's state spans files (the experience bank's traces, embeddings and
encoder versions), and no reader should see half of a commit.
"""

from __future__ import annotations

import fcntl
import os
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from engram.memory.base import MemoryModule

LEDGER = "ledger.sqlite"


class MemoryConflict(RuntimeError):
    """A commit would lose episodes another writer committed (a module whose ``load`` does not bring
    back its ``consolidated`` keys, or a writer that bypassed the lock). Nothing was written."""


class MemoryLockTimeout(TimeoutError):
    """The memory directory stayed locked longer than the writer was willing to wait."""


def module_path(directory: Path, name: str) -> Path:
    return directory / f"{name}.sqlite"


class MemoryDirectory:
    """The memory modules of one writer, bound to a directory other writers may share.

    ``writer`` names this writer in the ledger (a run id and worker), so a lost or duplicated
    record can be traced to who committed it.
    """

    def __init__(self, directory: Path | str, modules: list[MemoryModule], writer: str, lock_timeout: float = 600.0):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.modules, self.writer, self.lock_timeout = modules, writer, lock_timeout
        self._seen: dict[str, int] = {}  # module -> the generation this writer's state is built on
        with self.locked(), self._ledger() as db:
            db.execute("CREATE TABLE IF NOT EXISTS generations (module TEXT PRIMARY KEY, generation INTEGER)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS episodes (module TEXT, key TEXT, writer TEXT, at REAL, "
                "PRIMARY KEY (module, key))"
            )
            db.execute("CREATE TABLE IF NOT EXISTS writers (writer TEXT PRIMARY KEY, host TEXT, pid INTEGER, at REAL)")
            here = (writer, socket.gethostname(), os.getpid(), time.time())
            db.execute("INSERT OR REPLACE INTO writers VALUES (?,?,?,?)", here)

    # -- the lock and the ledger ----------------------------------------------------------------
    @contextmanager
    def _ledger(self) -> Iterator[sqlite3.Connection]:
        """The ledger, one transaction; only ever opened under the lock (readers aside), so it needs
        no journal mode of its own for concurrency."""
        db = sqlite3.connect(self.directory / LEDGER, timeout=60)
        try:
            with db:
                yield db
        finally:
            db.close()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the directory's lock (POSIX ``lockf``: also honoured over NFS, unlike ``flock``)."""
        fd = os.open(self.directory / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + self.lock_timeout
            while True:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise MemoryLockTimeout(
                            f"{self.directory} stayed locked for {self.lock_timeout:.0f} s by another writer"
                        ) from None
                    time.sleep(0.02)
            try:
                yield
            finally:
                fcntl.lockf(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _generations(self, db: sqlite3.Connection) -> dict[str, int]:
        return {m: g for m, g in db.execute("SELECT module, generation FROM generations")}

    # -- reading and committing -----------------------------------------------------------------
    def _load_changed(self) -> list[MemoryModule]:
        """Load every module another writer changed since this one built on it; lock held."""
        with self._ledger() as db:
            on_disk = self._generations(db)
        stale = []
        for module in self.modules:
            generation = on_disk.get(module.name, 0)
            path = module_path(self.directory, module.name)
            if self._seen.get(module.name, -1) != generation:
                if path.exists() and not never_saved(path):
                    module.load(path)
                    stale.append(module)
                self._seen[module.name] = generation
        return stale

    def refresh(self) -> list[str]:
        """Bring the modules up to what every writer has committed; returns the names reloaded.
        Between episodes only: a load replaces the module's state, so an episode under way would
        lose what it had observed."""
        with self.locked():
            return [m.name for m in self._load_changed()]

    def commit(self, replay: Callable[[list[MemoryModule]], None] | None = None) -> None:
        """Save this writer's modules, merged with what other writers committed meanwhile.

        ``replay(modules)`` must feed the given (just reloaded) modules this writer's episodes that
        they lack; it is called only when another writer got in first.
        """
        with self.locked():
            stale = self._load_changed()
            if stale and replay is not None:
                replay(stale)
            self._save_all()

    def update(self, change: Callable[[list[MemoryModule]], None]) -> None:
        """Apply ``change`` to the modules as every writer left them, and save, all under the lock:
        for changes that are not episodes (retraining the experience bank's encoder)."""
        with self.locked():
            self._load_changed()
            change(self.modules)
            self._save_all()

    def _save_all(self) -> None:
        with self._ledger() as db:
            for module in self.modules:
                committed = {k for (k,) in db.execute("SELECT key FROM episodes WHERE module = ?", (module.name,))}
                lost = committed - module.consolidated
                if lost:
                    raise MemoryConflict(
                        f"{module.name}: saving would lose {len(lost)} episode(s) other writers committed to "
                        f"{self.directory} (e.g. {sorted(lost)[0]}); its load() must restore `consolidated`"
                    )
        for module in self.modules:
            with self._ledger() as db:
                generation = self._generations(db).get(module.name, 0) + 1
                db.execute("INSERT OR REPLACE INTO generations VALUES (?, ?)", (module.name, generation))
            module.save(module_path(self.directory, module.name))
            self._seen[module.name] = generation
            with self._ledger() as db:
                now = time.time()
                db.executemany(
                    "INSERT OR IGNORE INTO episodes VALUES (?,?,?,?)",
                    [(module.name, key, self.writer, now) for key in sorted(module.consolidated)],
                )


def never_saved(path: Path) -> bool:
    """A SQLite store whose first save was cut off (its writer killed mid-commit, after the ledger's
    generation moved) holds no table at all: it is no store yet, and loading it must not fail
    ("no such table", found by the SIGKILL test on a loaded machine). Opening it read-write, under the
    directory's lock, rolls back what the dead writer left in its journal first. A file that is not
    SQLite is a plug-in's own format: its module reads it."""
    try:
        with closing(sqlite3.connect(path, timeout=60)) as db:
            return int(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) == 0
    except sqlite3.DatabaseError:
        return False


def ledger_report(directory: Path | str) -> dict[str, Any]:
    """What a memory directory's ledger says: per module its generation and committed episode keys,
    and the writers that committed (for ``engram show``-style inspection and the tests)."""
    path = Path(directory) / LEDGER
    if not path.exists():
        return {"modules": {}, "writers": []}
    db = sqlite3.connect(path, timeout=60)
    try:
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"generations", "episodes", "writers"} <= tables:
            return {"modules": {}, "writers": []}  # its first writer is still creating it
        generations = dict(db.execute("SELECT module, generation FROM generations"))
        keys: dict[str, list[str]] = {}
        for module, key in db.execute("SELECT module, key FROM episodes ORDER BY module, key"):
            keys.setdefault(module, []).append(key)
        rows = db.execute("SELECT writer, host, pid, at FROM writers ORDER BY at").fetchall()
        writers = [{"writer": w, "host": h, "pid": p, "at": a} for w, h, p, a in rows]
    finally:
        db.close()
    modules = {m: {"generation": g, "episodes": keys.get(m, [])} for m, g in generations.items()}
    return {"modules": modules, "writers": writers}
