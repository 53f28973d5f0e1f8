"""Every memory module honours the contract: observe, recall, consolidate, save/load round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram.agents.runner import MEMORY_MODULES, make_memory, parse_memory
from engram.envs.alfworld_text import intro_facts, parse_facts
from engram.memory.base import MemoryModule, Recall, episode_key

INTRO = (
    "You are in the middle of a room. Looking quickly around you, you see a countertop 1, and a fridge 1."
    "\n\nYour task is to: put a apple in fridge."
)
STEPS = [
    INTRO,
    "You arrive at countertop 1. On the countertop 1, you see a apple 1, and a mug 2.",
    "You pick up the apple 1 from the countertop 1.",
]
GOAL = {"task_type": "pick_and_place_simple", "object": "apple", "receptacle": "fridge", "toggle": ""}


def _feed(module: MemoryModule) -> None:
    for t, text in enumerate(STEPS):
        facts = intro_facts(text) if t == 0 else parse_facts(text)
        module.observe({"episode_id": "e1", "house_id": "h1", "t": t, "goal": GOAL, "text": text,
                        "action": None, "facts": [f.to_json() for f in facts]})  # fmt: skip


@pytest.mark.parametrize("name", MEMORY_MODULES)
def test_module_contract(name: str, tmp_path: Path) -> None:
    (module,) = make_memory([name])
    assert isinstance(module, MemoryModule) and module.name == name
    _feed(module)
    query = {"goal": GOAL, "house_id": "h1", "t": 3}
    recalled = module.recall(query)
    assert recalled and all(isinstance(r, Recall) and r.source == name for r in recalled)
    episode = {"id": "e1", "run_id": "r1", "house_id": "h1", "result": {"success": True}}
    module.consolidate(episode)
    assert episode_key(episode) in module.consolidated
    module.save(tmp_path / f"{name}.sqlite")
    (again,) = make_memory([name])
    again.load(tmp_path / f"{name}.sqlite")
    assert again.recall(query) == module.recall(query)
    assert again.consolidated == module.consolidated
    # Consolidating a known episode again (a resumed run may) changes nothing.
    again.consolidate(episode)
    assert again.recall(query) == module.recall(query)


def test_memory_specs() -> None:
    assert parse_memory("none") == [] and parse_memory("all") == list(MEMORY_MODULES)
    with pytest.raises(ValueError, match="not available yet"):
        parse_memory("scene,working")
    with pytest.raises(ValueError, match="unknown memory module"):
        parse_memory("telepathy")
