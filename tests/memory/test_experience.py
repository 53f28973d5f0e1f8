"""The experience bank: hindsight labels, retrieval by situation, lookahead, cycles, training, persistence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from engram.envs.alfworld import alfworld_goal
from engram.envs.alfworld_text import intro_facts, parse_facts, parse_goal
from engram.envs.core import Goal, Observation
from engram.envs.household.domain import HOUSEHOLD
from engram.envs.household.lookahead import lookahead
from engram.envs.household.symbolic import WorldView
from engram.memory.base import EpisodeEnd, MemoryStep, RecallQuery
from engram.memory.experience import ExperienceMemory, train_bank


def _intro(receptacles: list[str], task: str) -> str:
    listing = ", ".join(f"a {r}" for r in receptacles[:-1]) + f", and a {receptacles[-1]}"
    return (
        f"You are in the middle of a room. Looking quickly around you, you see {listing}.\n\nYour task is to: {task}."
    )


KITCHEN = ["cabinet 1", "countertop 1", "countertop 2", "drawer 1", "fridge 1", "microwave 1", "sinkbasin 1"]
BEDROOM = ["bed 1", "desk 1", "drawer 1", "dresser 1", "shelf 1", "sidetable 1", "garbagecan 1"]

#: scripted successful episodes: (house receptacles, task, [(action, feedback)])
HEAT = (KITCHEN, "heat some apple and put it in countertop", [
    ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a mug 1."),
    ("go to countertop 2", "You arrive at countertop 2. On the countertop 2, you see a apple 1, and a knife 1."),
    ("take apple 1 from countertop 2", "You pick up the apple 1 from the countertop 2."),
    ("go to microwave 1", "You arrive at microwave 1. The microwave 1 is closed."),
    ("heat apple 1 with microwave 1", "You heat the apple 1 using the microwave 1."),
    ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a mug 1."),
    ("move apple 1 to countertop 1", "You move the apple 1 to the countertop 1."),
])  # fmt: skip
LOOK = (BEDROOM, "look at book under the desklamp", [
    ("go to bed 1", "You arrive at bed 1. On the bed 1, you see a book 1, and a pillow 1."),
    ("take book 1 from bed 1", "You pick up the book 1 from the bed 1."),
    ("go to desk 1", "You arrive at desk 1. On the desk 1, you see a pen 1."),
    ("go to sidetable 1", "You arrive at sidetable 1. On the sidetable 1, you see a desklamp 1."),
    ("use desklamp 1", "You turn on the desklamp 1."),
])  # fmt: skip
CLEAN = (KITCHEN, "clean some mug and put it in cabinet", [
    ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a mug 1."),
    ("take mug 1 from countertop 1", "You pick up the mug 1 from the countertop 1."),
    ("go to sinkbasin 1", "You arrive at sinkbasin 1. On the sinkbasin 1, you see nothing."),
    ("clean mug 1 with sinkbasin 1", "You clean the mug 1 using the sinkbasin 1."),
    ("go to cabinet 1", "You arrive at cabinet 1. The cabinet 1 is closed."),
    ("open cabinet 1", "You open the cabinet 1. The cabinet 1 is open. In it, you see nothing."),
    ("move mug 1 to cabinet 1", "You move the mug 1 to the cabinet 1."),
])  # fmt: skip


def _feed(bank: ExperienceMemory, ep: str, script: tuple, upto: int | None = None, house: str = "h") -> Goal:
    receptacles, task, steps = script
    goal = Goal.from_json(alfworld_goal(parse_goal(task)))
    intro = _intro(receptacles, task)
    bank.observe(MemoryStep(ep, house, 0, goal, None, intro, tuple(intro_facts(intro))))
    for t, (action, text) in enumerate(steps[:upto], start=1):
        outcome = "failure" if text == "Nothing happens." else "progress"
        bank.observe(MemoryStep(ep, house, t, goal, action, text, tuple(parse_facts(text)), outcome))
    return goal


def _episode(bank: ExperienceMemory, ep: str, script: tuple, house: str, success: bool = True) -> None:
    goal = _feed(bank, ep, script, house=house)
    bank.consolidate(EpisodeEnd(ep, "r", house, goal.task_type, goal, success, len(script[2])))


def _query(ep: str, goal: Goal) -> RecallQuery:
    """What the controller asks with: no commands offered, so no lookahead (as the tests below want)."""
    return RecallQuery(ep, "", goal, Observation(""))


@pytest.fixture
def bank() -> ExperienceMemory:
    b = ExperienceMemory(domain=HOUSEHOLD)
    for i in range(3):
        _episode(b, f"heat{i}", HEAT, f"k{i}")
        _episode(b, f"look{i}", LOOK, f"b{i}")
        _episode(b, f"clean{i}", CLEAN, f"c{i}")
    return b


def test_hindsight_labels_name_the_next_useful_interaction() -> None:
    b = ExperienceMemory(domain=HOUSEHOLD)
    _episode(b, "e", HEAT, "h")
    labels = b.traces[0].labels
    assert labels[0] == {"verb": "go", "key_verb": "take", "key_kind": "countertop"}  # the apple was on countertop 2
    assert labels[3] == {"verb": "go", "key_verb": "heat", "key_kind": "microwave"}
    assert labels[5] == {"verb": "go", "key_verb": "move", "key_kind": "countertop"}
    assert [lab["verb"] for lab in labels] == ["go", "go", "take", "go", "heat", "go", "move"]
    views = b.traces[0].views(HOUSEHOLD)
    assert HOUSEHOLD.hindsight_labels(b.traces[0].goal, views[:7], b.traces[0].actions) == labels


def test_failed_episodes_are_kept_but_never_retrieved() -> None:
    b = ExperienceMemory(domain=HOUSEHOLD)
    _episode(b, "bad", HEAT, "h", success=False)
    assert len(b.traces) == 1 and len(b.index) == 0
    _feed(b, "new", HEAT, upto=1, house="h2")
    goal = Goal.from_json(alfworld_goal(parse_goal(HEAT[1])))
    assert not [r for r in b.recall(_query("new", goal)) if r.kind == "prior"]


def test_retrieval_returns_same_task_type_ahead_of_unrelated(bank: ExperienceMemory) -> None:
    report = train_bank(bank, epochs=40, seed=0)
    assert report.states == 3 * (7 + 5 + 7) and bank.version == 1
    # A new heat task, for another object, in a house the bank never saw, one step in.
    other_house = (["countertop 1", "countertop 2", "microwave 1", "fridge 1", "shelf 1"],
                   "heat some potato and put it in countertop", HEAT[2])  # fmt: skip
    goal = _feed(bank, "query", other_house, upto=1, house="new")
    view = WorldView()
    view.apply(intro_facts(_intro(other_house[0], other_house[1])))
    view.apply(parse_facts(HEAT[2][0][1]))
    hits = bank.neighbours(view, goal)
    assert hits, "nothing retrieved"
    types = [trace.goal.task_type for trace, _, _ in hits]
    assert types[0] == "pick_heat_then_place_in_recep"
    best_same = max(s for tr, _, s in hits if tr.goal.task_type == "pick_heat_then_place_in_recep")
    others = [s for tr, _, s in hits if tr.goal.task_type != "pick_heat_then_place_in_recep"]
    assert not others or best_same > max(others)
    # ... and it becomes a prior the planner understands: where this kind of search ended.
    priors = [r for r in bank.recall(_query("query", goal)) if r.kind == "prior"]
    assert priors and priors[0].content["object_type"] == "potato"
    assert priors[0].content["holder_type"] == "countertop"


def test_lookahead_rejects_actions_that_cannot_advance_the_goal() -> None:
    goal = Goal.from_json(alfworld_goal(parse_goal("put a apple in fridge"))).flat()
    view = WorldView()
    view.apply(intro_facts(_intro(KITCHEN, "put a apple in fridge")))
    visited = {view.key()}
    for text in ("You arrive at sinkbasin 1. On the sinkbasin 1, you see nothing.",
                 "You arrive at countertop 1. On the countertop 1, you see a apple 1.",
                 "You pick up the apple 1 from the countertop 1."):  # fmt: skip
        view.apply(parse_facts(text))
        visited.add(view.key())
    candidates = ["go to fridge 1", "go to sinkbasin 1", "go to drawer 1", "look", "examine apple 1",
                  "move apple 1 to countertop 1"]  # fmt: skip
    verdict = lookahead(view, goal, candidates, visited, depth=1)
    assert verdict.kept == ["go to fridge 1"]
    assert verdict.rejected["look"] == "changes nothing"
    assert verdict.rejected["go to drawer 1"].startswith("cannot advance the goal")
    assert verdict.rejected["move apple 1 to countertop 1"].startswith("re-enters")  # back to before the take
    # At the fridge, opening it and putting the apple in both advance; walking away does not.
    view.apply(parse_facts("You arrive at fridge 1. The fridge 1 is closed."))
    verdict = lookahead(view, goal, ["open fridge 1", "go to microwave 1"], visited | {view.key()}, depth=2)
    assert verdict.kept == ["open fridge 1"] and "go to microwave 1" in verdict.rejected


def test_cycle_is_flagged_when_the_agent_is_back_in_a_state() -> None:
    b = ExperienceMemory(domain=HOUSEHOLD)
    loop = (KITCHEN, "put a apple in fridge", [
        ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a mug 1."),
        ("go to drawer 1", "You arrive at drawer 1. The drawer 1 is closed."),
        ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a mug 1."),
    ])  # fmt: skip
    goal = _feed(b, "e", loop, upto=2)
    assert not [r for r in b.recall(_query("e", goal)) if r.kind == "warning"]
    _feed(b, "e", loop)
    (warning,) = [r for r in b.recall(_query("e", goal)) if r.kind == "warning"]
    assert warning.content["cycle"] == ["go to drawer 1", "go to countertop 1"]


def test_training_is_deterministic_and_versioned_with_the_bank(bank: ExperienceMemory, tmp_path: Path) -> None:
    bank.save(tmp_path / "v0.sqlite")
    twin = ExperienceMemory(domain=HOUSEHOLD)
    twin.load(tmp_path / "v0.sqlite")
    train_bank(bank, epochs=5, seed=3)
    train_bank(twin, epochs=5, seed=3)
    for (name, a), (_, b) in zip(bank.encoder.state_dict().items(), twin.encoder.state_dict().items(), strict=True):
        assert torch.equal(a, b), name
    bank.save(tmp_path / "v1.sqlite")
    again = ExperienceMemory(domain=HOUSEHOLD)
    again.load(tmp_path / "v1.sqlite")
    assert again.version == 1 and [v["version"] for v in again.versions] == [0, 1]
    assert again.versions[1]["report"]["states"] == 57
    assert np.allclose(again.index.vectors, bank.index.vectors, atol=1e-6)
    # Appending after a load writes only the new trace; a reload sees every trace.
    _episode(again, "heat9", HEAT, "k9")
    again.save(tmp_path / "v1.sqlite")
    third = ExperienceMemory(domain=HOUSEHOLD)
    third.load(tmp_path / "v1.sqlite")
    assert len(third.traces) == 10 and len(third.index) == len(again.index)


def test_train_refuses_an_empty_bank() -> None:
    with pytest.raises(ValueError, match="need at least 2"):
        train_bank(ExperienceMemory(domain=HOUSEHOLD))


def test_loading_something_else_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.sqlite").write_text("not a database at all")
    with pytest.raises(ValueError, match="is not an experience bank"):
        ExperienceMemory(domain=HOUSEHOLD).load(tmp_path / "notes.sqlite")
    import sqlite3

    with sqlite3.connect(tmp_path / "other.sqlite") as db:
        db.execute("CREATE TABLE beliefs (x)")
    with pytest.raises(ValueError, match="is not an experience bank"):
        ExperienceMemory(domain=HOUSEHOLD).load(tmp_path / "other.sqlite")


def test_inspecting_a_bank_shows_its_versions_and_the_clusters_its_retrieval_uses(
    bank: ExperienceMemory, tmp_path: Path
) -> None:
    """What ``engram view``'s memory page shows, read from the file alone (no module, no torch)."""
    from engram.memory.inspect import inspect_directory

    for i in range(12):  # enough states (>= 64) for k-means rather than one mean
        _episode(bank, f"more{i}", (HEAT, LOOK, CLEAN)[i % 3], f"m{i}")
    train_bank(bank, epochs=2, seed=0)
    bank.save(tmp_path / "experience.sqlite")
    (tmp_path / "notes.sqlite").write_bytes(b"not a database at all")
    sections = inspect_directory(tmp_path)
    versions, clusters = sections["experience"]
    assert [row[0] for row in versions.rows] == [0, 1] and versions.rows[0][3] == "untrained"
    assert clusters.total == bank.index.n_clusters() > 1
    assert sum(row[1] for row in clusters.rows) == len(bank.index)  # every state in one cluster
    assert sum(row[2] for row in clusters.rows) >= len(bank.traces)
    assert "cannot be read" in sections["notes"][0].note  # a broken store is a note, not an error


def test_the_saved_format_is_what_earlier_versions_wrote_and_read(tmp_path: Path) -> None:
    """A trace's body and an episode under way keep the goal flat (``Goal.flat``) and the facts as
    JSON quadruples, field for field as before; a body from before ``texts``/``changed``/``lost``
    loads with them empty."""
    import json
    import sqlite3
    import zlib

    b = ExperienceMemory(domain=HOUSEHOLD)
    _episode(b, "heat0", HEAT, "k0")
    goal = _feed(b, "now", LOOK, upto=2, house="b0")
    b.save(tmp_path / "bank.sqlite")
    with sqlite3.connect(tmp_path / "bank.sqlite") as db:
        (blob,) = db.execute("SELECT body FROM traces").fetchone()
        (live,) = db.execute("SELECT body FROM live").fetchone()
    body = json.loads(zlib.decompress(blob))
    assert list(body) == ["key", "world", "goal", "success", "actions", "outcomes", "facts", "state_keys", "labels",
                          "texts", "changed", "lost"]  # fmt: skip
    heat = Goal.from_json(alfworld_goal(parse_goal(HEAT[1])))
    assert body["goal"] == heat.flat() and body["goal"]["object"] == "apple" and body["goal"]["targets"] == ["apple"]
    assert body["key"] == "r/heat0" and body["world"] == "k0" and body["success"] is True
    assert body["facts"][1] == [list(f) for f in parse_facts(HEAT[2][0][1])]
    running = json.loads(live)
    assert list(running) == ["goal", "world", "actions", "outcomes", "facts", "texts", "changed"]
    assert running["goal"] == goal.flat() and running["actions"] == [a for a, _ in LOOK[2][:2]]
    # Loaded, the goal is typed again and an episode under way answers as it did.
    again = ExperienceMemory(domain=HOUSEHOLD)
    again.load(tmp_path / "bank.sqlite")
    assert again.traces[0].goal == heat and again._live["now"].goal == goal
    assert again.recall(_query("now", goal)) == b.recall(_query("now", goal))
    # A body saved before texts, changed and lost were kept.
    old = {k: v for k, v in body.items() if k not in ("texts", "changed", "lost")}
    with sqlite3.connect(tmp_path / "bank.sqlite") as db:
        db.execute("UPDATE traces SET body = ?", (zlib.compress(json.dumps(old).encode()),))
    older = ExperienceMemory(domain=HOUSEHOLD)
    older.load(tmp_path / "bank.sqlite")
    (trace,) = older.traces
    assert (trace.texts, trace.changed, trace.lost) == ([], [], False) and trace.actions == b.traces[0].actions
