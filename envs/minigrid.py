"""MiniGrid / BabyAI through the generic :class:`GymAdapter` (the worked plug-in example).

What the agent sees is MiniGrid's own partial view (7×7 in front of it), turned into facts in
absolute grid coordinates so that memory can stitch views together: every visible key, ball, box,
door and goal with its colour, cell and (for doors) open / locked state; the agent's cell,
heading and what it carries. The mission is the task; actions are named (``turn left``,
``move forward``, ``pick up``, ...). Ids: ``engram/BabyAI-<level>-v0`` for the levels in
:data:`LEVELS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

import gymnasium as gym

if TYPE_CHECKING:
    import numpy as np

from engram.envs.core import Fact
from engram.envs.gym_adapter import GymAdapter

LEVELS = ("GoToRedBall", "GoToLocal", "PickupLoc", "OpenDoor", "GoToObj", "PutNextLocal", "UnlockLocal")
ACTIONS = {
    "turn left": 0,
    "turn right": 1,
    "move forward": 2,
    "pick up": 3,
    "drop": 4,
    "toggle": 5,
}
HEADINGS = ("east", "south", "west", "north")  # MiniGrid's direction 0..3
_OBJECTS = {4: "door", 5: "key", 6: "ball", 7: "box", 8: "goal", 9: "lava"}
_COLORS = ("red", "green", "blue", "purple", "yellow", "grey")
_STATES = ("open", "closed", "locked")


class MiniGridObs(TypedDict):
    """MiniGrid's observation (its ``observation_space``)."""

    image: np.ndarray  # [7, 7, 3] partial view: object kind, colour, state per cell
    direction: int  # the agent's heading, 0..3
    mission: str


def _cell(x: int, y: int) -> str:
    return f"cell {x},{y}"


def describe(raw: MiniGridObs, env: gym.Env[Any, Any]) -> tuple[str, list[Fact]]:
    """The partial view as text and facts (absolute coordinates)."""
    core: Any = env.unwrapped
    ax, ay = (int(v) for v in core.agent_pos)
    heading = int(core.agent_dir)
    fx, fy = ((1, 0), (0, 1), (-1, 0), (0, -1))[heading]
    rx, ry = -fy, fx  # the agent's right
    image = raw["image"]
    size = image.shape[0]
    facts = [Fact("agent", "at", _cell(ax, ay)), Fact("agent", "facing", HEADINGS[heading])]
    seen: list[str] = []
    ahead = "a wall"
    for vx in range(size):
        for vy in range(size):
            kind, color, state = (int(v) for v in image[vx, vy])
            forward, right = size - 1 - vy, vx - size // 2
            x, y = ax + fx * forward + rx * right, ay + fy * forward + ry * right
            if (forward, right) == (1, 0):
                ahead = {0: "unseen", 1: "nothing", 2: "a wall", 3: "floor"}.get(kind, "")
            if kind == 2:
                facts.append(Fact(_cell(x, y), "type", "wall"))  # where a path cannot go
            if kind not in _OBJECTS:
                continue
            name = f"{_COLORS[color]} {_OBJECTS[kind]}" if kind != 8 else "goal"
            entity = f"{name} at {x},{y}"
            facts += [Fact(entity, "type", _OBJECTS[kind]), Fact(entity, "at", _cell(x, y))]
            if kind == 4:
                facts += [Fact(entity, "open", None, state == 0), Fact(entity, "locked", None, state == 2)]
                name = f"{_STATES[state]} {name}"
            side = f"{abs(right)} {'right' if right > 0 else 'left'}"
            parts = ([f"{forward} ahead"] if forward else []) + ([side] if right else [])
            where = ", ".join(parts) or "here"
            seen.append(f"a {name} ({where})")
            if (forward, right) == (1, 0):
                ahead = f"the {name}"
    carrying = core.carrying
    if carrying is not None:
        held = f"{carrying.color} {carrying.type}"
        facts.append(Fact("agent", "holds", f"{held} (carried)"))
    text = (
        f"You are at {ax},{ay} facing {HEADINGS[heading]}; in front of you is {ahead}. "
        + (f"You carry a {held}. " if carrying is not None else "")
        + (f"You see {'; '.join(seen)}." if seen else "You see no objects.")
    )
    return text, facts


def mission(raw: MiniGridObs, env: gym.Env[Any, Any]) -> str:
    return str(raw["mission"])


class BabyAIEnv(GymAdapter):
    """``BabyAIEnv("GoToLocal")``: one BabyAI level as an engram environment."""

    metadata = {"render_modes": [], "engram_planner": "grid"}  # noqa: RUF012

    def __init__(self, level: str = "GoToLocal", **kwargs: Any) -> None:
        import minigrid  # noqa: F401 - registers the BabyAI ids with gymnasium

        super().__init__(f"BabyAI-{level}-v0", describe, ACTIONS, goal=mission, **kwargs)
        self.level = level


def registrations() -> dict[str, tuple[str, dict[str, str]]]:
    """Env id -> (entry point, kwargs) for every level engram registers."""
    return {f"engram/BabyAI-{level}-v0": ("engram.envs.minigrid:BabyAIEnv", {"level": level}) for level in LEVELS}
