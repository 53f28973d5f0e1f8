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

A store or a ledger that cannot be read (cut off, emptied, overwritten) raises
:class:`MemoryStoreError`, which names the file, before anything is written: the directory's
record is never "repaired" by a writer that could not read it.

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
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TypedDict

from engram.memory.base import MemoryModule
from engram.memory.registry import BUILTIN

LEDGER = "ledger.sqlite"


class MemoryConflict(RuntimeError):
    """A commit would lose episodes another writer committed (a module whose ``load`` does not bring
    back its ``consolidated`` keys, or a writer that bypassed the lock). Nothing was written."""


class MemoryStoreError(ValueError):
    """A memory store or ledger that cannot be read as one; ``path`` is the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path, self.problem = Path(path), problem
        super().__init__(f"{path}: {problem}")


#: what a module's ``load`` raises on a file that is not the store it wrote (a plug-in's own format
#: included); anything else out of a load is a bug, and propagates as one
UNREADABLE = (sqlite3.Error, ValueError, LookupError, TypeError, EOFError, zlib.error)
NOT_SQLITE = "file is not a database"
LEDGER_TABLES = frozenset({"generations", "episodes", "writers"})


class ModuleLedger(TypedDict):
    """What the ledger says of one module: its commits so far and the episode keys committed to it."""

    generation: int
    episodes: list[str]


class WriterEntry(TypedDict):
    """A writer that committed to the directory: its name, host, process and when it began."""

    writer: str
    host: str
    pid: int
    at: float


class LedgerReport(TypedDict):
    """:func:`ledger_report`: per module name its ledger, and the writers."""

    modules: dict[str, ModuleLedger]
    writers: list[WriterEntry]


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
        with self.locked():
            self._check_ledger()
            with self._ledger() as db:
                db.execute("CREATE TABLE IF NOT EXISTS generations (module TEXT PRIMARY KEY, generation INTEGER)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS episodes (module TEXT, key TEXT, writer TEXT, at REAL, "
                    "PRIMARY KEY (module, key))"
                )
                db.execute(
                    "CREATE TABLE IF NOT EXISTS writers (writer TEXT PRIMARY KEY, host TEXT, pid INTEGER, at REAL)"
                )
                here = (writer, socket.gethostname(), os.getpid(), time.time())
                db.execute("INSERT OR REPLACE INTO writers VALUES (?,?,?,?)", here)

    # -- the lock and the ledger ----------------------------------------------------------------
    @contextmanager
    def _ledger(self) -> Iterator[sqlite3.Connection]:
        """The ledger, one transaction; only ever opened under the lock (readers aside), so it needs
        no journal mode of its own for concurrency."""
        path = self.directory / LEDGER
        db = sqlite3.connect(path, timeout=60)
        try:
            with db:
                yield db
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc):
                raise
            raise MemoryStoreError(path, f"cannot be read: {exc}") from exc
        finally:
            db.close()

    def _check_ledger(self) -> None:
        """Refuse a ledger that cannot be read, before writing to it: a writer that made it anew
        would erase the record of what every store holds. Lock held."""
        path = self.directory / LEDGER
        try:
            db = checked_ledger(self.directory, writable)
        except sqlite3.DatabaseError as exc:
            raise MemoryStoreError(path, unreadable(path, exc)) from exc
        if db is not None:
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
            committed = dict(db.execute("SELECT module, count(*) FROM episodes GROUP BY module").fetchall())
        stale = []
        for module in self.modules:
            generation = on_disk.get(module.name, 0)
            path = module_path(self.directory, module.name)
            if self._seen.get(module.name, -1) != generation:
                if path.exists() and _load(module, path, committed.get(module.name, 0)):
                    stale.append(module)
                self._seen[module.name] = generation
        return stale

    def refresh(self) -> list[str]:
        """Bring the modules up to what every writer has committed; returns the names reloaded.
        Between episodes only: a load replaces the module's state, so an episode under way would
        lose what it had observed."""
        with self.locked():
            return [m.name for m in self._load_changed()]

    def commit(self, replay: Callable[[list[MemoryModule]], None] | None = None) -> set[str]:
        """Save this writer's modules, merged with what other writers committed meanwhile; returns
        the episode keys this commit recorded first (new to the ledger for some module).

        ``replay(modules)`` must feed the given (just reloaded) modules this writer's episodes that
        they lack; it is called only when another writer got in first. Why the keys come from the
        ledger, under the lock: what this writer fed its modules before the commit says nothing of
        whether another writer committed the same episode meanwhile.
        """
        with self.locked():
            stale = self._load_changed()
            if stale and replay is not None:
                replay(stale)
            return self._save_all()

    def update(self, change: Callable[[list[MemoryModule]], None]) -> None:
        """Apply ``change`` to the modules as every writer left them, and save, all under the lock:
        for changes that are not episodes (retraining the experience bank's encoder)."""
        with self.locked():
            self._load_changed()
            change(self.modules)
            self._save_all()

    def _save_all(self) -> set[str]:
        """Save every module and record its episodes; returns the keys new to the ledger. Lock held."""
        new: set[str] = set()
        with self._ledger() as db:
            for module in self.modules:
                committed = {k for (k,) in db.execute("SELECT key FROM episodes WHERE module = ?", (module.name,))}
                new |= module.consolidated - committed
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
        return new


def _load(module: MemoryModule, path: Path, committed: int) -> bool:
    """Load ``module`` from its store; False for a store never saved (nothing to load). A store
    that cannot be read raises :class:`MemoryStoreError` naming it: engram's own modules save SQLite,
    so for them anything else is damage; a plug-in's file that is not SQLite is its own format."""
    problem = sqlite_problem(path)
    own = module.name in BUILTIN
    if problem and (own or problem != NOT_SQLITE):
        if problem == "empty file" and not committed:
            return False  # a first save cut off before it wrote a byte
        raise MemoryStoreError(path, f"cannot be read: {problem}")
    if never_saved(path):
        if committed:
            raise MemoryStoreError(path, f"holds no tables, yet the ledger has {committed} episode(s) committed to it")
        return False
    try:
        module.load(path)
    except UNREADABLE as exc:
        raise MemoryStoreError(path, f"cannot be read: {exc}") from exc
    return True


def sqlite_problem(path: Path) -> str | None:
    """What makes ``path`` no whole SQLite database, from its header and size alone; None: nothing.

    Why not leave it to SQLite: it reads a cut-off file's first pages happily and fails only when a
    query reaches a missing page, and a query that never does answers from part of the data."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return f"cannot be opened: {exc.strerror or exc}"
    if size == 0:
        return "empty file"
    if not head.startswith(b"SQLite format 3\x00"):
        return NOT_SQLITE
    if len(head) < 100:
        return f"cut off inside its header ({size} bytes)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The header's page count holds when its "valid for" counter matches the change counter; with
    # a journal or WAL beside the file, SQLite reconciles the two and the size may differ meanwhile.
    counted = head[24:28] == head[92:96] and pages > 0
    beside = any(Path(f"{path}{suffix}").exists() for suffix in ("-journal", "-wal"))
    if counted and not beside and size < pages * page_size:
        return f"cut off: {size} of its {pages * page_size} bytes"
    return None


def read_only(path: Path) -> sqlite3.Connection:
    """``path`` opened read-only (a URI from :meth:`Path.as_uri`, so odd characters are escaped): an
    inspection changes no file, not even by creating one that is missing."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)


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


def ledger_report(directory: Path | str) -> LedgerReport:
    """What a memory directory's ledger says: per module its generation and committed episode keys,
    and the writers that committed (for ``engram memory show`` and the tests). Read-only: it opens
    the ledger read-only and changes no file. A ledger that cannot be read raises
    :class:`MemoryStoreError`; one its first writer is still creating reads as empty."""
    return _report(Path(directory), read_only)


def _report(directory: Path, connect: Callable[[Path], sqlite3.Connection]) -> LedgerReport:
    """:func:`ledger_report`, the ledger opened with ``connect``."""
    path = directory / LEDGER
    try:
        db = checked_ledger(directory, connect)
        if db is None:
            return {"modules": {}, "writers": []}
        with closing(db):
            generations = dict(db.execute("SELECT module, generation FROM generations"))
            keys: dict[str, list[str]] = {}
            for module, key in db.execute("SELECT module, key FROM episodes ORDER BY module, key"):
                keys.setdefault(module, []).append(key)
            rows = db.execute("SELECT writer, host, pid, at FROM writers ORDER BY at").fetchall()
    except sqlite3.DatabaseError as exc:
        raise MemoryStoreError(path, unreadable(path, exc)) from exc
    writers = [WriterEntry(writer=w, host=h, pid=p, at=a) for w, h, p, a in rows]
    modules = {m: ModuleLedger(generation=g, episodes=keys.get(m, [])) for m, g in generations.items()}
    return {"modules": modules, "writers": writers}


def checked_ledger(directory: Path, connect: Callable[[Path], sqlite3.Connection]) -> sqlite3.Connection | None:
    """The directory's ledger opened with ``connect`` (read-only for a reader; read-write for a
    writer, under the lock, which rolls back what a killed writer left in its journal) once it is
    known to be one; the caller closes it. None: there is no ledger yet, or its first writer is
    still making its tables (each commits alone). :class:`MemoryStoreError` when it is damaged: cut
    off, not SQLite, not a ledger, or emptied while stores it kept the record of are beside it."""
    path = directory / LEDGER
    if not path.exists():
        return None
    stores = sorted(p.name for p in directory.glob("*.sqlite") if p.name != LEDGER)
    problem = sqlite_problem(path)
    if problem == "empty file" and not stores:
        return None  # created a moment ago
    if problem:
        raise MemoryStoreError(path, f"cannot be read: {problem}")
    db = connect(path)
    try:
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise MemoryStoreError(path, f"cannot be read: {check}")
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables - LEDGER_TABLES:
            raise MemoryStoreError(path, f"is not a memory ledger (tables: {', '.join(sorted(tables))})")
        if tables != LEDGER_TABLES and stores:
            raise MemoryStoreError(path, f"has lost its record, yet {', '.join(stores)} are beside it")
    except BaseException:
        db.close()
        raise
    if tables != LEDGER_TABLES:
        db.close()
        return None
    return db


def unreadable(path: Path, exc: sqlite3.DatabaseError) -> str:
    """What SQLite's ``exc`` about ``path`` means: a read-only connection cannot roll back what a
    killed writer left in the journal beside a file, which is no damage (the next writer does it)."""
    if "readonly" in str(exc) and Path(f"{path}-journal").exists():
        return "cannot be read now: a writer was cut off mid-commit; the next run or import rolls it back"
    return f"cannot be read: {exc}"


def writable(path: Path) -> sqlite3.Connection:
    """``path`` opened as a writer opens it: what a killed writer left in its journal is rolled back."""
    return sqlite3.connect(path, timeout=60)


def store_problem(
    directory: Path | str, name: str, committed: list[str], connect: Callable[[Path], sqlite3.Connection] = read_only
) -> str | None:
    """What is wrong with module ``name``'s store in ``directory`` (None: nothing found); it writes
    nothing (``connect``: read-only by default). ``committed``: the episode keys the ledger says were
    committed to it, which engram's own stores must all hold (their ``consolidated`` table). A
    plug-in's store that is not SQLite is its own format, and is not looked into."""
    path = module_path(Path(directory), name)
    own = name in BUILTIN
    if not path.exists():
        return f"missing, yet the ledger has {len(committed)} episode(s) committed to it" if committed else None
    problem = sqlite_problem(path)
    if problem == "empty file" and not committed:
        return None  # a first save cut off: no store yet
    if problem:
        return None if problem == NOT_SQLITE and not own else f"cannot be read: {problem}"
    try:
        with closing(connect(path)) as db:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                return f"cannot be read: {check}"
            tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not own:
                return None
            if "consolidated" not in tables:
                return f"is not a {name} store (tables: {', '.join(sorted(tables)) or 'none'})"
            held = {str(k) for (k,) in db.execute("SELECT key FROM consolidated")}
    except sqlite3.DatabaseError as exc:
        return unreadable(path, exc)
    lost = sorted(set(committed) - held)
    if lost:
        return f"lacks {len(lost)} of the {len(committed)} episodes the ledger says were committed to it"
    return None


def check_stores(directory: Path | str, names: list[str]) -> None:
    """Raise :class:`MemoryStoreError` for the ledger or the first of the ``names`` modules' stores
    that cannot be read: a writer's check before it writes anything to the directory. The files are
    opened as a writer opens them, so what a killed writer left in a journal is rolled back (as the
    next commit would) rather than taken for damage; nothing else is written."""
    report = _report(Path(directory), writable)
    for name in names:
        kept = report["modules"].get(name)
        episodes = kept["episodes"] if kept is not None else []
        problem = store_problem(directory, name, episodes, writable)
        if problem:
            raise MemoryStoreError(module_path(Path(directory), name), problem)
