"""Memory as engram wrote it before memory spoke of worlds and holders (version 0), upgraded.

Version 0 named the world a *house* and what holds things a *receptacle*, in store columns
(``scene.sqlite``'s ``house`` and ``receptacle_type``, ``skills.sqlite``'s ``receptacle_kind``,
``episodic.sqlite``'s and ``experience.sqlite``'s ``house``), in JSON kept inside stores (an
episodic record's metadata, an experience trace's body) and in recall payloads (``receptacle``,
``receptacle_type``, ``receptacle_kind``, the scopes "this house" / "all houses"). Its shortcuts
said their preconditions in ALFWorld's words ("hands empty", "holding {obj}"), and whoever ran one
skipped any step starting "open " that the env did not offer.

Why one module: those words are history, kept here alone, so the rest of ``memory/`` speaks a
vocabulary every environment shares and ``tests/test_layering.py`` can hold it to that (it leaves
this file out). Each upgrade (``schema_v0``, ``record_v0``, ``recall_v0``...) takes a version-0
thing and gives the current one; given a current one it changes nothing, so callers need not ask.

Reading never writes: a module's ``load`` and ``engram view``'s inspection read an old store
through :func:`readable`, an upgraded copy in memory; the file is rewritten in the current schema
by the module's next save, which a writer makes under the directory's lock. So a read-only command
(``engram memory show``, ``engram view``, ``engram experience show``) leaves an old store's bytes
as they were.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from engram.envs.domain import HOLDS, HOLDS_NOTHING, IF_OFFERED

#: per store, per table: the columns version 1 renamed, ``(old, new)``
COLUMNS_V0: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "scene": {
        **{t: (("house", "world"),) for t in ("nodes", "beliefs", "routes", "moved", "resets", "stability")},
        "kinds": (("receptacle_type", "holder_type"),),
    },
    "skills": {"tips": (("receptacle_kind", "holder_kind"),)},
    "episodic": {"records": (("house", "world"),)},
    "experience": {"traces": (("house", "world"),)},
}
#: recall payload keys version 1 renamed (any kind)
KEYS_V0 = {"receptacle": "holder", "receptacle_type": "holder_type", "receptacle_kind": "holder_kind"}
#: a prior's ``scope`` as version 0 said it
SCOPES_V0 = {"this house": "this world", "all houses": "all worlds"}
#: shortcut preconditions as version 0 said them (``holding {x}`` is :data:`HOLDS` ``{x}`` now)
NOTHING_V0, HOLDING_V0 = "hands empty", "holding "


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f'PRAGMA table_info("{table}")')}


def is_v0(db: sqlite3.Connection, store: str) -> bool:
    """Whether ``db`` (module ``store``'s file) has a column version 1 renamed."""
    return any(old in _columns(db, table) for table, renames in COLUMNS_V0.get(store, {}).items() for old, _ in renames)


def schema_v0(db: sqlite3.Connection, store: str) -> None:
    """Upgrade ``db`` in place: rename the columns, and upgrade the JSON the store keeps (an episodic
    record's metadata; a shortcut's preconditions). The caller owns the transaction."""
    for table, renames in COLUMNS_V0.get(store, {}).items():
        have = _columns(db, table)
        for old, new in renames:
            if old in have and new not in have:
                db.execute(f'ALTER TABLE "{table}" RENAME COLUMN "{old}" TO "{new}"')
    if store == "episodic" and _columns(db, "records"):
        rows = db.execute("SELECT key, metadata FROM records").fetchall()
        db.executemany(
            "UPDATE records SET metadata = ? WHERE key = ?",
            [(json.dumps(record_v0(json.loads(meta or "{}"))), key) for key, meta in rows],
        )
    if store == "skills" and _columns(db, "shortcuts"):
        rows = db.execute("SELECT rowid, steps, pre FROM shortcuts").fetchall()
        db.executemany(
            "UPDATE shortcuts SET pre = ? WHERE rowid = ?",
            [(json.dumps(preconditions_v0(json.loads(steps), json.loads(pre))), i) for i, steps, pre in rows],
        )


def readable(db: sqlite3.Connection, store: str) -> sqlite3.Connection:
    """``db`` itself when it is current; else a copy in memory, upgraded (the file is not touched,
    so a connection opened read-only serves as well as a writer's)."""
    if not is_v0(db, store):
        return db
    copy = sqlite3.connect(":memory:")
    db.backup(copy)
    with copy:
        schema_v0(copy, store)
    return copy


def upgrade_file_v0(db: sqlite3.Connection, store: str) -> None:
    """Upgrade a store a save appends to (episodic), inside the save's own transaction, so a crash
    leaves either the old store or the new one whole."""
    if is_v0(db, store):
        if not db.in_transaction:
            db.execute("BEGIN IMMEDIATE")
        schema_v0(db, store)


def record_v0(meta: Mapping[str, object]) -> dict[str, object]:  # JSON read from a store, of either version
    """An episodic record's metadata: ``house`` became ``world``."""
    return {("world" if k == "house" else k): v for k, v in meta.items()}


def trace_v0(body: Mapping[str, object]) -> dict[str, object]:  # JSON read from a store, of either version
    """An experience trace's (or running episode's) JSON body: ``house`` became ``world``."""
    return record_v0(body)


def precondition_v0(need: str) -> str:
    """A precondition in today's words: "hands empty" and "holding {x}" (also as a running
    shortcut a checkpoint saved has them, bound)."""
    if need == NOTHING_V0:
        return HOLDS_NOTHING
    if need.startswith(HOLDING_V0):
        return HOLDS + need[len(HOLDING_V0) :]
    return need


def preconditions_v0(steps: list[str], pre: list[str]) -> list[str]:
    """A stored shortcut's per-step preconditions in today's words (:mod:`engram.envs.domain`). A
    step that started "open " was passed over when not offered by whoever ran it; now the step says
    so itself (only a version-0 store may be read so: today an "open" step's own "" means what it
    says)."""
    out = [precondition_v0(need) for need in pre]
    opens = [str(step).startswith("open ") for step in steps] + [False] * len(out)
    return [IF_OFFERED if not need and opened else need for need, opened in zip(out, opens, strict=False)]


def recall_v0(recall: dict[str, Any]) -> dict[str, Any]:  # JSON read from disk, of either version: open
    """A recall read back from disk (a step record, an LLM response cache) with today's payload keys."""
    content = recall.get("content")
    if not isinstance(content, dict) or not (KEYS_V0.keys() & content.keys() or content.get("scope") in SCOPES_V0):
        return recall  # today's (or a kind whose payload version 1 left alone)
    content = {KEYS_V0.get(k, k): v for k, v in content.items()}
    if content.get("scope") in SCOPES_V0:
        content["scope"] = SCOPES_V0[content["scope"]]
    if recall.get("kind") == "skill" and content.get("steps") and content.get("pre"):
        content["pre"] = preconditions_v0(list(content["steps"]), list(content["pre"]))
    return {**recall, "content": content}
