"""Any gymnasium environment as an engram environment.

engram's controller and memory speak :class:`Observation` (text, facts, admissible commands) and
command strings. An ordinary gymnasium env speaks arrays and integers. :class:`GymAdapter` bridges
the two with what only the user knows about their env:

* ``describe(raw_obs, env) -> (text, facts)``: what the agent is told, and the facts memory keeps;
* ``actions``: command name -> the env's action (a dict, or a function of the env for dynamic
  action sets);
* ``goal(raw_obs, env) -> str`` (optional): the task in words, e.g. a mission string.

Everything else is generic: seeding, JSON-safe infos (numpy values converted, the rest dropped),
unknown commands answered with "Unknown command" instead of an exception (gymnasium's checker
sends random strings), and success as gymnasium reports it (terminated with a positive reward).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import gymnasium as gym

from engram.envs.core import ActionSpace, Fact, Observation, ObservationSpace

Describe = Callable[[Any, gym.Env[Any, Any]], tuple[str, list[Fact]]]


def json_safe(value: Any) -> Any:
    """``value`` with numpy scalars and arrays made plain, and anything else unserialisable dropped."""
    if isinstance(value, dict):
        out = {str(k): json_safe(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not _DROP}
    if isinstance(value, list | tuple):
        return [v for v in (json_safe(x) for x in value) if v is not _DROP]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return value.tolist()
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return _DROP


_DROP = object()


class GymAdapter(gym.Env[Observation, str]):
    metadata = {"render_modes": []}  # noqa: RUF012 - gymnasium's convention

    def __init__(
        self,
        env: gym.Env[Any, Any] | str,
        describe: Describe,
        actions: dict[str, Any] | Callable[[gym.Env[Any, Any]], dict[str, Any]],
        goal: Callable[[Any, gym.Env[Any, Any]], str] | None = None,
        **make_kwargs: Any,
    ) -> None:
        self.inner = gym.make(env, **make_kwargs) if isinstance(env, str) else env
        self.describe, self.actions, self.goal = describe, actions, goal
        self.observation_space = ObservationSpace()
        self.action_space = ActionSpace()
        self._last: Observation | None = None
        self._goal: dict[str, Any] = {}

    def _commands(self) -> dict[str, Any]:
        return self.actions(self.inner) if callable(self.actions) else self.actions

    def _observe(self, raw: Any, info: dict[str, Any], won: bool = False) -> tuple[Observation, dict[str, Any]]:
        text, facts = self.describe(raw, self.inner)
        info = {**json_safe(info), "goal": copy.deepcopy(self._goal), "won": won}
        self._last = Observation(text=text, facts=facts, admissible=list(self._commands()), info=info)
        return self._last, copy.deepcopy(info)

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Observation, dict[str, Any]]:
        super().reset(seed=seed)
        raw, info = self.inner.reset(seed=seed, options=options)
        task = self.goal(raw, self.inner) if self.goal else ""
        self._goal = {"text": task, "task_type": task.split(" ", 1)[0] if task else "unknown"}
        return self._observe(raw, info)

    def step(self, action: str) -> tuple[Observation, float, bool, bool, dict[str, Any]]:
        if self._last is None:
            raise RuntimeError("step() before reset()")
        commands = self._commands()
        if action not in commands:
            obs = Observation(f"Unknown command: {action[:80]!r}.", self._last.facts, self._last.admissible,
                              info=copy.deepcopy(self._last.info))  # fmt: skip
            return obs, 0.0, False, False, copy.deepcopy(obs.info)
        raw, reward, terminated, truncated, info = self.inner.step(commands[action])
        won = bool(terminated and float(reward) > 0)
        obs, info = self._observe(raw, info, won)
        return obs, float(reward), bool(terminated), bool(truncated), info

    def close(self) -> None:
        self.inner.close()
