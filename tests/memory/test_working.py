"""Working memory: subgoal chunks, bounded, relevance-aware eviction, a token budget."""

from __future__ import annotations

from engram.envs.core import Goal, Observation
from engram.memory.base import EpisodeEnd, MemoryStep, RecallQuery
from engram.memory.working import WorkingMemory, count_tokens

GOAL = Goal("put a hot apple in fridge.")
QUERY = RecallQuery("e", "", GOAL, Observation(""))


def _step(wm: WorkingMemory, t: int, action: str | None, text: str, subgoal: str) -> None:
    wm.observe(MemoryStep("e", "", t, GOAL, action, text, subgoal=subgoal))


def test_finished_subgoals_collapse_and_the_current_one_stays_verbatim() -> None:
    wm = WorkingMemory(max_pairs=3, max_summaries=10, budget_tokens=2000)
    _step(wm, 0, None, "You are in the middle of a room.", "")
    _step(wm, 1, "go to countertop 1", "You arrive at countertop 1. On it, you see a apple 1.", "find apple")
    _step(wm, 2, "take apple 1 from countertop 1", "You pick up the apple 1 from the countertop 1.", "find apple")
    for i in range(5):
        _step(wm, 3 + i, f"go to cabinet {i + 1}", f"You arrive at cabinet {i + 1}. It is closed.", "heat apple")
    (recall,) = wm.recall(QUERY)
    summaries = recall.content["summaries"]
    assert any(s.startswith("find apple: 2 steps; last take apple 1 from countertop 1") for s in summaries)
    assert recall.content["subgoal"] == "heat apple" and recall.content["pairs"] == 3  # bounded to max_pairs
    assert "go to cabinet 5" in recall.text and "go to cabinet 1\n" not in recall.text


def test_eviction_mixes_recency_and_relevance() -> None:
    wm = WorkingMemory(max_pairs=2, max_summaries=2, budget_tokens=2000)
    _step(wm, 0, None, "You are in the middle of a room.", "")
    _step(wm, 1, "take apple 1 from countertop 1", "You pick up the apple 1.", "take apple 1")
    _step(wm, 2, "go to drawer 2", "You arrive at drawer 2.", "open drawer 2")
    _step(wm, 3, "look", "You are facing the drawer 2.", "look around")
    _step(wm, 4, "go to microwave 1", "You arrive at microwave 1.", "heat apple 1")
    (recall,) = wm.recall(QUERY)
    # Recency alone would keep "open drawer 2" and "look around"; "take apple 1" is older but
    # shares the apple with the current subgoal, so the drawer goes instead.
    assert [s.split(":")[0] for s in recall.content["summaries"]] == ["take apple 1", "look around"]


def test_render_fits_the_token_budget() -> None:
    wm = WorkingMemory(max_pairs=6, max_summaries=8, budget_tokens=60)
    long = "You arrive at shelf 1. On the shelf 1, you see " + ", ".join(f"a vase {i}" for i in range(40)) + "."
    for t in range(30):
        _step(wm, t, f"go to shelf {t}", long, f"search {t // 3}")
    (recall,) = wm.recall(QUERY)
    assert count_tokens(recall.text) <= 60 == wm.budget_tokens
    assert recall.content["tokens"] == count_tokens(recall.text)
    assert "go to shelf 29" in recall.text  # the newest step survives the cut


def test_consolidate_clears_the_episode() -> None:
    wm = WorkingMemory()
    _step(wm, 0, None, "start", "")
    wm.consolidate(EpisodeEnd("e", "r", "", "unknown", GOAL, False, 1))
    assert wm.recall(QUERY) == [] and "r/e" in wm.consolidated
