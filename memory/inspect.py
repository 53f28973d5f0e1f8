"""What a memory directory holds, read without loading a module: for people (``engram view``).

Each store is opened read-only (SQLite ``mode=ro``), so looking at the memory of a run that is
still going can neither lock out its writer nor change a byte. No torch, no MiniLM: a store's
saved rows are shown as they are. The experience bank's clusters are the one derived view: they
are rebuilt from the saved state embeddings with the same :class:`ClusterIndex` the bank uses at
load, so they are the clusters its retrieval searches.

The file formats belong to the modules in this package; a store this module does not know (a
plug-in's) is listed by table and row count.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engram.memory.migrate import readable
from engram.memory.shared import LEDGER, MemoryStoreError, ledger_report, store_problem


@dataclass
class Section:
    """One table for the viewer: what it is, its columns and (at most ``limit``) rows."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    total: int = 0  # rows in the store; more than ``len(rows)`` when cut at the limit
    note: str = ""


def _open(path: Path) -> sqlite3.Connection:
    """``path`` read-only. The URI is built percent-encoded (``as_uri``): a ``?``, ``#`` or ``%`` in a
    directory's name would otherwise end the path early, and SQLite would open (and create) another
    file, read-write."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


def _has(db: sqlite3.Connection, table: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone() is not None


def _table(db: sqlite3.Connection, title: str, columns: list[str], query: str, limit: int, note: str = "") -> Section:
    """``query`` selects the columns; the total counts every row it would give."""
    rows = [list(r) for r in db.execute(f"{query} LIMIT ?", (limit,))]
    (total,) = db.execute(f"SELECT COUNT(*) FROM ({query})").fetchone()
    return Section(title, columns, rows, total, note)


def _skills(db: sqlite3.Connection, limit: int) -> list[Section]:
    out = []
    if _has(db, "shortcuts"):
        cols = ["name", "steps", "preconditions", "support", "used", "succeeded", "failed", "worlds"]
        sec = _table(db, "shortcuts", cols, "SELECT name, steps, pre, support, used, succeeded, failed, worlds "
                     "FROM shortcuts ORDER BY support DESC, name", limit)  # fmt: skip
        for row in sec.rows:
            row[1] = " ; ".join(json.loads(row[1]))
            row[2] = " ; ".join(p for p in json.loads(row[2]) if p)
            row[7] = ", ".join(json.loads(row[7] or "[]"))
        out.append(sec)
    if _has(db, "tips"):
        cols = ["object type", "holder kind", "support", "used", "succeeded", "failed"]
        out.append(_table(db, "tips", cols, "SELECT * FROM tips ORDER BY support DESC, object_type", limit))
    if _has(db, "lessons"):
        cols = ["lesson", "task type", "support", "used", "succeeded", "failed"]
        out.append(_table(db, "lessons", cols, "SELECT * FROM lessons ORDER BY support DESC", limit))
    return out


def _episodic(db: sqlite3.Connection, limit: int) -> list[Section]:
    if not _has(db, "records"):
        return []
    sec = _table(db, "episodic records", ["key", "world", "task", "success", "steps", "path"],
                 "SELECT key, world, document, metadata FROM records ORDER BY rowid", limit)  # fmt: skip
    rows = []
    for key, world, document, metadata in sec.rows:
        meta = json.loads(metadata or "{}")
        rows.append([key, world, document, meta.get("success"), meta.get("steps"), meta.get("summary", "")])
    sec.rows = rows
    return [sec]


def _experience(db: sqlite3.Connection, limit: int) -> list[Section]:
    import zlib

    import numpy as np

    from engram.memory.cluster_index import ClusterIndex

    out = []
    versions = db.execute("SELECT version, config, report FROM encoders ORDER BY version").fetchall()
    rows = []
    for version, config, report in versions:
        conf, rep = json.loads(config), json.loads(report or "null")
        trained = f"{rep['states']} states, {rep.get('epochs', '?')} epochs, {rep['seconds']} s" if rep else "untrained"
        rows.append([version, conf.get("conv", ""), conf.get("out", ""), trained])
    out.append(Section("encoder versions", ["version", "layer", "embedding size", "training"], rows, len(rows)))
    if not versions:
        return out
    latest, dim = versions[-1][0], int(json.loads(versions[-1][1]).get("out", 0))
    traces = db.execute("SELECT i, key, success, body, version, emb FROM traces ORDER BY i").fetchall()
    vectors, owner = [], []
    for i, _key, _ok, _body, version, blob in traces:
        if blob is not None and version == latest and dim:
            m = np.frombuffer(blob, dtype=np.float32).reshape(-1, dim)
            vectors.append(m)
            owner += [i] * len(m)
    goal = {i: json.loads(zlib.decompress(body)).get("goal", {}).get("text", "") for i, *_, body, _, _ in traces}
    success = {i: bool(ok) for i, _, ok, *_ in traces}
    note = f"{len(traces)} traces, {len(owner)} states embedded by encoder v{latest}" + (
        "" if len(vectors) == len(traces) else " (traces of older versions are re-embedded at load)"
    )
    if not vectors:
        out.append(Section("clusters", ["cluster", "states", "traces", "successful", "goals"], [], 0, note))
        return out
    index = ClusterIndex(dim)
    index.reset(np.concatenate(vectors))
    rows = []
    for c, members in enumerate(index.members()):  # the clustering the bank's retrieval uses
        owners = Counter(owner[int(s)] for s in members)
        goals = Counter(goal[i] for i in owners).most_common(3)
        ok = sum(success[i] for i in owners)
        rows.append([c, len(members), len(owners), f"{ok}/{len(owners)}", "; ".join(f"{g} ({n})" for g, n in goals)])
    out.append(
        Section("clusters", ["cluster", "states", "traces", "successful", "goals"], rows[:limit], len(rows), note)
    )
    return out


def _scene(db: sqlite3.Connection, limit: int) -> list[Section]:
    out = []
    if _has(db, "nodes"):
        out.append(_table(db, "scene: worlds", ["world", "entities", "beliefs"],
                          "SELECT world, COUNT(*), (SELECT COUNT(*) FROM beliefs b WHERE b.world = n.world) "
                          "FROM nodes n GROUP BY world ORDER BY world", limit))  # fmt: skip
    if _has(db, "kinds"):
        cols = ["object type", "holder kind", "sightings"]
        out.append(_table(db, "scene: where things are kept", cols, "SELECT * FROM kinds ORDER BY n DESC", limit))
    return out


def _ledger(db: sqlite3.Connection, limit: int) -> list[Section]:
    if not _has(db, "episodes"):
        return []
    sec = _table(
        db,
        "ledger: episodes committed per module and writer",
        ["module", "writer", "episodes"],
        "SELECT module, writer, COUNT(*) FROM episodes GROUP BY module, writer ORDER BY module",
        limit,
    )
    return [sec]


def _utility(db: sqlite3.Connection, limit: int) -> list[Section]:
    if not _has(db, "counters"):
        return []
    from engram.memory.utility import Counter as Tally

    cols = ["followed", "task type", "world", "episodes", "wins", "losses", "standing"]
    note = ("what following each kind of recall did against the episodes of the same task type and world "
            "that did not follow it (world *: all worlds of the task type)")  # fmt: skip
    sec = _table(db, "utility counters", cols, "SELECT kind, task_type, world, followed, wins, losses, '' "
                 "FROM counters ORDER BY kind, task_type, world = '*' DESC, world", limit, note)  # fmt: skip
    for row in sec.rows:
        row[6] = Tally(int(row[3]), int(row[4]), int(row[5])).status
    return [sec]


READERS = {"utility": _utility, "skills": _skills, "episodic": _episodic, "experience": _experience, "scene": _scene,
           "ledger": _ledger}  # fmt: skip


def inspect_store(path: Path, limit: int = 200) -> list[Section]:
    """The sections of one ``<module>.sqlite``; a broken or foreign file becomes a note, not an error.
    A store of version 0 is read through an upgraded copy in memory (:mod:`engram.memory.migrate`)."""
    try:
        with closing(_open(path)) as db:
            reader = READERS.get(path.stem)
            if reader is not None:
                # the bank's reader needs no renamed column, and a bank may be large to copy
                return reader(db if path.stem == "experience" else readable(db, path.stem), limit)
            names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
            rows = [[n, db.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]] for n in names]
            return [Section(f"{path.stem}: tables", ["table", "rows"], rows, len(rows))]
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as exc:
        return [Section(path.stem, [], [], 0, f"cannot be read: {type(exc).__name__}: {exc}")]


def inspect_directory(directory: Path, limit: int = 200) -> dict[str, list[Section]]:
    """Store name -> its sections, for every ``*.sqlite`` in a memory directory."""
    return {p.stem: inspect_store(p, limit) for p in sorted(Path(directory).glob("*.sqlite"))}


def store_problems(directory: Path) -> dict[str, str]:
    """File name -> what is wrong with it, for the ledger and every store in ``directory`` or listed
    by its ledger: the checks ``engram memory show`` makes (:func:`~engram.memory.shared.store_problem`),
    read-only like it. Why beside :func:`inspect_directory`: a store that is emptied, cut off, or of
    other tables reads as a store with nothing in it, and only these checks tell the two apart."""
    problems: dict[str, str] = {}
    try:
        committed = {m: kept["episodes"] for m, kept in ledger_report(directory)["modules"].items()}
    except MemoryStoreError as exc:
        problems[exc.path.name] = exc.problem
        committed = {}  # what the stores must hold is unknown: each is checked on its own
    names = {p.stem for p in Path(directory).glob("*.sqlite") if p.name != LEDGER} | set(committed)
    for name in sorted(names):
        problem = store_problem(directory, name, committed.get(name, []))
        if problem:
            problems[f"{name}.sqlite"] = problem
    return problems
