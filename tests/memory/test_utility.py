"""Utility counters: a kind of recall whose following does worse than planning without it is
demoted, then removed, per task type and world (:mod:`engram.memory.utility`)."""

from __future__ import annotations

from pathlib import Path

from engram.agents.planners.base import PlannerState
from engram.agents.planners.generic import GenericPlanner
from engram.envs.core import Fact, Goal, Observation
from engram.memory.base import EpisodeEnd, MemoryStep, Perceived, Recall, RecallQuery
from engram.memory.inspect import inspect_store
from engram.memory.utility import UtilityMemory

GOAL = Goal("Put the key on the table.", "tw-custom", ("key", "table"))
CASE = Recall("episode", "episodic", {"task": GOAL.text, "success": True, "steps": 2, "found": [],
                                      "path": ["go east", "put key on table"]}, "case", 0.3)  # fmt: skip
PATH = Recall("path", "experience", {"task": "t", "steps": ["go east"], "successes": 1, "shortest": 1}, "p", 1.0)
SKILL = Recall("skill", "skills", {"name": "go", "steps": ["go east"], "pre": [""]}, "s", 0.5)


def _episode(m: UtilityMemory, eid: str, world: str, follows: list[str], won: bool, steps: int) -> None:
    for t in range(steps + 1):
        m.observe(MemoryStep(eid, world, t, GOAL, None, "",
                             follows=follows[t - 1] if 0 < t <= len(follows) else ""))  # fmt: skip
    m.consolidate(EpisodeEnd(eid, "r", world, "tw-custom", GOAL, won, steps))


def _judged(m: UtilityMemory, world: str) -> dict[str, Recall]:
    return {r.kind: r for r in m.judge(RecallQuery("", world, GOAL, Observation("")), [CASE, PATH, SKILL])}


def test_a_kind_that_does_worse_than_the_memoryless_record_is_demoted_then_removed(tmp_path: Path) -> None:
    m = UtilityMemory()
    _episode(m, "e0", "w1", [], won=True, steps=6)  # the record: no memory followed
    _episode(m, "e1", "w1", ["case", "case"], won=False, steps=30)  # failed where the record won
    assert m.status("case", "tw-custom", "w1") == "demoted"
    seen = _judged(m, "w1")
    assert seen["episode"].content["demoted"] and seen["episode"].score == CASE.score / 2
    assert "demoted" not in seen["skill"].content  # what was not followed keeps its standing
    # Won, but in far more steps than the record: a second loss removes cases here.
    _episode(m, "e2", "w1", ["shortcut", "case"], won=True, steps=20)
    assert set(_judged(m, "w1")) == {"skill"}
    assert m.status("shortcut", "tw-custom", "w1") == "demoted"  # no record without shortcuts but the first
    # A world with no verdict of its own takes the task type's; a world with its own keeps it.
    assert set(_judged(m, "w2")) == {"skill"}
    _episode(m, "e3", "w2", [], won=True, steps=4)
    _episode(m, "e4", "w2", ["case"], won=True, steps=5)  # within the spread of tasks: a win
    assert m.status("case", "tw-custom", "w2") == "trusted" and "episode" in _judged(m, "w2")
    # A win where it was removed brings it back to demoted; what was saved loads the same.
    _episode(m, "e5", "w1", ["case"], won=True, steps=6)
    assert m.status("case", "tw-custom", "w1") == "demoted"
    m.save(tmp_path / "utility.sqlite")
    again = UtilityMemory()
    again.load(tmp_path / "utility.sqlite")
    assert again.counters == m.counters and again.consolidated == m.consolidated
    assert _judged(again, "w1") == _judged(m, "w1")
    # What the viewer's memory page shows, read from the file alone.
    (shown,) = inspect_store(tmp_path / "utility.sqlite")
    rows = {(r[0], r[2]): r[3:] for r in shown.rows}
    assert rows[("case", "w1")] == [3, 1, 2, "demoted"] and rows[("case", "*")] == [4, 2, 2, "trusted"]
    # An episode consolidated again (a resumed run) counts once.
    _episode(again, "e5", "w1", ["case"], won=True, steps=6)
    assert again.counters == m.counters


def test_a_demoted_case_waits_until_the_goal_itself_gives_nothing_to_do() -> None:
    hall = [Fact("agent", "at", "hall"), Fact("key", "in", "hall"), Fact("table", "at", "hall")]
    seen = Observation("", hall, ["go east", "put key on table"])
    state = PlannerState(GOAL, seen, (Perceived(None, "", tuple(hall)),))
    trusted = GenericPlanner().decide(state, [CASE])
    assert trusted.action == "go east" and trusted.follows == "case"
    demoted = Recall(CASE.kind, CASE.source, {**CASE.content, "demoted": True}, CASE.text, 0.15)
    own = GenericPlanner().decide(state, [demoted])
    assert own.action == "put key on table" and own.follows == ""
