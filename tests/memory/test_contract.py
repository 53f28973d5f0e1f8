"""Every memory module honours the contract: observe, recall, consolidate, save/load round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram.agents.runner import MEMORY_MODULES, make_memory, parse_memory
from engram.envs.alfworld_text import intro_facts, parse_facts
from engram.envs.core import Goal
from engram.envs.household.domain import HOUSEHOLD
from engram.memory.base import MemoryModule, Recall, episode_key

INTRO = (
    "You are in the middle of a room. Looking quickly around you, you see a countertop 1, and a fridge 1."
    "\n\nYour task is to: put a apple in fridge."
)
#: (action, observation) of one short successful episode
STEPS = [
    (None, INTRO),
    ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a apple 1, and a mug 2."),
    ("take apple 1 from countertop 1", "You pick up the apple 1 from the countertop 1."),
    ("go to fridge 1", "You arrive at fridge 1. The fridge 1 is closed."),
    ("open fridge 1", "You open the fridge 1. The fridge 1 is open. In it, you see nothing."),
    ("move apple 1 to fridge 1", "You move the apple 1 to the fridge 1."),
]
GOAL = Goal("put a apple in fridge.", "pick_and_place_simple", ("apple",),
            {"object": "apple", "receptacle": "fridge", "toggle": "", "count": 1}).to_json()  # fmt: skip


def _feed(module: MemoryModule, episode_id: str, steps: list[tuple[str | None, str]]) -> None:
    for t, (action, text) in enumerate(steps):
        facts = intro_facts(text) if t == 0 else parse_facts(text)
        module.observe({"episode_id": episode_id, "world_id": "h1", "t": t, "goal": GOAL, "text": text,
                        "action": action, "subgoal": "put apple in fridge" if t else "", "skill_events": [],
                        "facts": [f.to_json() for f in facts], "won": t == len(steps) - 1})  # fmt: skip


@pytest.mark.parametrize("name", MEMORY_MODULES)
def test_module_contract(name: str, tmp_path: Path) -> None:
    (module,) = make_memory([name], HOUSEHOLD)
    assert isinstance(module, MemoryModule) and module.name == name
    _feed(module, "e1", STEPS)
    episode = {"id": "e1", "run_id": "r1", "world_id": "h1", "goal": GOAL, "task_type": GOAL["task_type"],
               "result": {"success": True, "steps": 5, "error": None}}  # fmt: skip
    module.consolidate(episode)
    assert episode_key(episode) in module.consolidated
    _feed(module, "e2", STEPS[:2])  # the next episode has begun
    query = {"episode_id": "e2", "goal": GOAL, "world_id": "h1", "t": 1}
    recalled = module.recall(query)
    assert recalled and all(isinstance(r, Recall) and r.source == name and r.text for r in recalled)
    module.save(tmp_path / f"{name}.sqlite")
    (again,) = make_memory([name], HOUSEHOLD)
    again.load(tmp_path / f"{name}.sqlite")
    assert again.recall(query) == recalled
    assert again.consolidated == module.consolidated
    # Consolidating a known episode again (a resumed run may) changes nothing.
    again.consolidate(episode)
    _feed(again, "e2", STEPS[:2])
    assert again.recall(query) == recalled


def test_memory_specs() -> None:
    assert parse_memory("none") == [] and parse_memory("all") == list(MEMORY_MODULES)
    assert parse_memory("scene,experience") == ["scene", "experience"]
    with pytest.raises(ValueError, match="unknown memory module"):
        parse_memory("telepathy")
