"""GymAdapter with the envs users actually have: older gym-style ones, text games whose commands
change every step, envs that report won / lost themselves."""

from __future__ import annotations

from typing import Any

import pytest

from engram.envs.core import Fact, Goal, Outcome
from engram.envs.gym_adapter import GymAdapter


class OldStyleDoor:
    """A gym < 0.26 text env: ``reset()`` takes no seed and returns the observation alone, ``seed()``
    is a method, ``step`` returns ``(obs, reward, done, info)``; commands change as the door opens;
    walking into the wall ends the game as lost, with a positive score (so "reward > 0" would lie)."""

    def __init__(self) -> None:
        self.seeded: list[int] = []
        self.open = False

    def seed(self, seed: int) -> None:
        self.seeded.append(seed)

    def reset(self) -> str:
        self.open = False
        return "A closed door."

    def commands(self) -> list[str]:
        return ["go through door", "close door"] if self.open else ["open door", "walk into wall"]

    def step(self, command: str) -> tuple[str, float, bool, dict[str, Any]]:
        if command == "walk into wall":
            return "Ouch.", 1.0, True, {"lost": True, "won": False}
        if command == "open door":
            self.open = True
            return "The door is open.", 0.0, False, {}
        if command == "close door":
            self.open = False
            return "A closed door.", 0.0, False, {}
        return "You are out!", 1.0, True, {"won": True}

    def close(self) -> None:
        pass


def _adapter(env: OldStyleDoor) -> GymAdapter:
    return GymAdapter(
        env,
        describe=lambda raw, e: (raw, [Fact("door", "open", None, e.open)]),
        admissible=lambda raw, info, e: e.commands(),
        goal=lambda raw, e: "get out through the door",
        targets=lambda raw, info, e: ["door"],
        world=lambda raw, info, e: "hallway",
    )


def test_an_older_text_env_with_changing_commands_plays_through_the_adapter() -> None:
    inner = OldStyleDoor()
    env = _adapter(inner)
    obs, info = env.reset(seed=7)
    assert inner.seeded == [7]  # no seed keyword: seeded through its own seed()
    assert obs.admissible == ["open door", "walk into wall"]
    goal = Goal.from_json(info["goal"])
    # The task type is the env's, not the first word of the goal; the world and targets are the user's.
    assert goal.task_type == "OldStyleDoor" and goal.targets == ("door",) and info["world_id"] == "hallway"
    obs, _reward, terminated, truncated, info = env.step("open door")
    assert obs.admissible == ["go through door", "close door"]  # asked again after the step
    assert info["outcome"] == Outcome.PROGRESS and not terminated and not truncated
    obs, _, terminated, truncated, info = env.step("walk into wall")  # no longer offered
    assert obs.text.startswith("Unknown command") and info["outcome"] == Outcome.FAILURE
    obs, _, terminated, truncated, info = env.step("go through door")
    assert terminated and info["won"] and not info["lost"]


def test_the_envs_own_lost_is_not_overwritten_by_a_positive_reward() -> None:
    env = _adapter(OldStyleDoor())
    env.reset(seed=0)
    _obs, reward, terminated, _truncated, info = env.step("walk into wall")
    assert reward == 1.0 and terminated and info["lost"] and not info["won"]


def test_the_adapter_refuses_both_or_neither_way_of_naming_commands() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        GymAdapter(OldStyleDoor(), describe=lambda raw, e: (raw, []))
    with pytest.raises(ValueError, match="exactly one"):
        GymAdapter(OldStyleDoor(), lambda raw, e: (raw, []), {"open door": 0}, admissible=lambda r, i, e: [])
