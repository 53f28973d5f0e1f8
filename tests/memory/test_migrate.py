"""A memory directory written before memory spoke of worlds and holders (version 0: ``house``,
``receptacle``, "hands empty") loads, recalls what it knew, and is upgraded only when a writer
saves it; reading it, as ``engram memory show`` and ``engram view`` do, changes no byte.

The store is ``tests/data/runs/v0-household/memory``: two episodes of the bundled stream's first
house, run with ``--memory all`` by the code before the change (see its ``manifest.json``).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from engram.envs.core import Goal, Observation
from engram.envs.domain import HOLDS, HOLDS_NOTHING, IF_OFFERED
from engram.envs.household.domain import HOUSEHOLD
from engram.memory.base import RecallQuery, payload
from engram.memory.inspect import inspect_directory, store_problems
from engram.memory.migrate import is_v0, recall_v0
from engram.memory.registry import BUILTIN, make
from engram.memory.shared import MemoryDirectory, ledger_report

OLD = Path(__file__).resolve().parents[1] / "data" / "runs" / "v0-household" / "memory"
WORLD = "house_000"
PEN = Goal("put a pen in garbagecan", "pick_and_place_simple", ("pen",), {"object": "pen", "receptacle": "garbagecan"})


def _copy(tmp_path: Path) -> Path:
    directory = tmp_path / "memory"
    shutil.copytree(OLD, directory)
    return directory


def _bytes(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def _query() -> RecallQuery:
    return RecallQuery("new", WORLD, PEN, Observation("", [], ["look"]), 0)


def _loaded(directory: Path) -> tuple[MemoryDirectory, dict]:
    """Every module engram has, made and loaded as the runner does (through the shared directory)."""
    modules = [make(name, HOUSEHOLD) for name in BUILTIN]
    shared = MemoryDirectory(directory, modules, writer="test/migrate")
    shared.refresh()
    return shared, {m.name: m for m in modules}


def _recalls(modules: dict) -> dict[str, list]:
    return {name: m.recall(_query()) for name, m in modules.items()}


def _check_knowledge(modules: dict) -> None:
    recalls = _recalls(modules)
    seen = [payload(r, "scene") for r in recalls["scene"] if r.kind == "scene"]
    assert [(s["object"], s["holder"]) for s in seen] == [("pen 1", "garbagecan 1")]  # where the agent left it
    priors = [payload(r, "prior") for r in recalls["scene"] if r.kind == "prior"]
    scopes = {(p.get("scope"), p.get("holder_type")) for p in priors}
    assert {("this world", "garbagecan"), ("all worlds", "countertop")} <= scopes
    scene = modules["scene"]
    assert set(scene.worlds) == {WORLD} and scene.kinds["butterknife"] == {"countertop": 2, "sinkbasin": 1}
    skills = modules["skills"]
    fetch = next(s for s in skills.shortcuts.values() if s.name == "fetch {obj} from {countertop}")
    assert fetch.pre == ("", HOLDS_NOTHING) and fetch.support == 2
    put = next(s for s in skills.shortcuts.values() if s.name == "put {obj} in {garbagecan}")
    assert put.pre == ("", HOLDS + "{obj}")
    offered = {payload(r, "skill")["name"]: payload(r, "skill") for r in recalls["skills"] if r.kind == "skill"}
    assert offered["fetch {obj} from {countertop}"]["holder_kind"] == "countertop"
    assert offered["fetch {obj} from {countertop}"]["kinds"] == {"countertop": "countertop"}
    tips = [payload(r, "tip") for r in recalls["skills"] if r.kind == "tip"]
    assert tips == [{"object_type": "pen", "holder_type": "countertop", "support": 1}]
    (case,) = [payload(r, "episode") for r in recalls["episodic"] if r.kind == "episode"][:1]
    assert case["task"] == PEN.text and case["found"] == [["pen 1", "countertop 2"]] and case["success"]
    bank = modules["experience"]
    assert [t.world for t in bank.traces] == [WORLD, WORLD] and all(t.success for t in bank.traces)
    assert all(len(m.consolidated) == 2 for m in modules.values())


def test_an_old_store_loads_and_recalls_what_it_knew(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    before = _bytes(directory)
    _, modules = _loaded(directory)
    _check_knowledge(modules)
    # Loading read the old stores as they are (the writer signed the ledger): nothing is upgraded
    # until a writer saves.
    after = _bytes(directory)
    assert {n: after[n] for n in before if n != "ledger.sqlite"} == {
        n: h for n, h in before.items() if n != "ledger.sqlite"
    }


def test_a_save_upgrades_the_files_and_what_they_hold_is_unchanged(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    shared, _ = _loaded(directory)
    shared.commit()
    for name in ("scene", "skills", "episodic", "experience"):
        with closing(sqlite3.connect(directory / f"{name}.sqlite")) as db:
            assert not is_v0(db, name), name
    with closing(sqlite3.connect(directory / "scene.sqlite")) as db:
        assert {r[1] for r in db.execute("PRAGMA table_info(nodes)")} >= {"world"}
        assert {r[1] for r in db.execute("PRAGMA table_info(kinds)")} == {"object_type", "holder_type", "n"}
    with closing(sqlite3.connect(directory / "skills.sqlite")) as db:
        pres = {n: p for n, p in db.execute("SELECT name, pre FROM shortcuts")}
    assert "hands empty" not in pres["fetch {obj} from {countertop}"]
    _, again = _loaded(directory)  # a fresh writer reads the upgraded files alike
    _check_knowledge(again)


def test_a_read_only_inspection_leaves_an_old_store_byte_identical(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    before = _bytes(directory)
    sections = inspect_directory(directory)
    assert not store_problems(directory)
    assert set(ledger_report(directory)["modules"]) == set(BUILTIN)
    worlds = next(s for s in sections["scene"] if s.title == "scene: worlds")
    assert worlds.rows == [[WORLD, 50, worlds.rows[0][2]]]
    (records,) = sections["episodic"]
    assert {row[1] for row in records.rows} == {WORLD}
    tips = next(s for s in sections["skills"] if s.title == "tips")
    assert tips.columns[1] == "holder kind" and ["pen", "countertop", 1, 0, 0, 0] in tips.rows
    for name in ("scene", "skills", "episodic", "experience"):  # a module's own load writes nothing either
        make(name, HOUSEHOLD).load(directory / f"{name}.sqlite")
    assert _bytes(directory) == before


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"kind": "scene", "content": {"object": "pen 1", "receptacle": "desk 1", "place": ""}},
         {"object": "pen 1", "holder": "desk 1", "place": ""}),
        ({"kind": "prior", "content": {"object_type": "pen", "receptacle_type": "desk", "scope": "this house"}},
         {"object_type": "pen", "holder_type": "desk", "scope": "this world"}),
        ({"kind": "skill", "content": {"name": "n", "steps": ["go to {desk}", "open {desk}", "take {obj} from {desk}"],
                                       "pre": ["", "", "hands empty"], "receptacle_kind": "desk"}},
         {"name": "n", "steps": ["go to {desk}", "open {desk}", "take {obj} from {desk}"],
          "pre": ["", IF_OFFERED, HOLDS_NOTHING], "holder_kind": "desk"}),
        ({"kind": "path", "content": {"task": "t", "steps": ["a"], "successes": 1, "shortest": 1}},
         {"task": "t", "steps": ["a"], "successes": 1, "shortest": 1}),
    ],
)  # fmt: skip
def test_recalls_read_back_from_disk_speak_todays_keys(old: dict, new: dict) -> None:
    assert recall_v0({**old, "source": "m", "text": "", "score": 0.0})["content"] == new
