"""Environment ids, registered with gymnasium by lazy ``"module:Class"`` entry points."""

from __future__ import annotations

from typing import Any

import gymnasium as gym

BUILTIN: dict[str, str] = {
    "engram/ALFWorld-v0": "engram.envs.alfworld:ALFWorldEnv",
}


def register_builtin() -> None:
    for env_id, entry_point in BUILTIN.items():
        if env_id not in gym.registry:
            # No step limit here: episode budgets are the controller's, and gymnasium's
            # TimeLimit would hide the adapter's own ``truncated`` signal.
            gym.register(id=env_id, entry_point=entry_point, disable_env_checker=True)


def make(env_id: str, **kwargs: Any) -> gym.Env[Any, Any]:
    """``gymnasium.make`` for engram ids, returning the unwrapped adapter (no order enforcing)."""
    register_builtin()
    if env_id not in gym.registry:
        known = ", ".join(sorted(k for k in gym.registry if k.startswith("engram/")))
        raise KeyError(f"unknown environment id {env_id!r}; registered: {known}")
    return gym.make(env_id, **kwargs).unwrapped
