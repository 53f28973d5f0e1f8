"""Any gymnasium (or older gym-style) environment as an engram environment.

engram's controller and memory speak :class:`Observation` (text, facts, admissible commands) and
command strings. An ordinary env speaks arrays and integers, or, for a text game, strings whose
valid commands change every step. :class:`GymAdapter` bridges the two with what only the user knows
about their env, as small callbacks:

* ``describe(raw_obs, env) -> (text, facts)``: what the agent is told, and the facts memory keeps;
* the commands, one of:

  - ``actions``: command name -> the env's action (a dict, or a function of the env for action
    sets that change between episodes);
  - ``admissible(raw_obs, info, env) -> [command, ...]``: a text env's commands for this step
    (they change every step, so the adapter asks after every reset and step); each command is
    passed to the env's ``step`` as it is;

* ``goal(raw_obs, env) -> str`` or ``goal(raw_obs, info, env)`` (optional): the task in words, e.g.
  a mission string or the objective a text game reports in its info; the optional
  ``targets(raw_obs, info, env)``, ``task_type(raw_obs, info, env)`` and
  ``world(raw_obs, info, env)`` say what the task is about, what kind it is (default: the env's
  id) and which world it plays in (default: none named, so memory keeps episodes apart);
* ``won(raw_obs, reward, terminated, info) -> bool`` (optional): the env's own verdict; the default
  reads ``info["won"]`` when the env reports it, else gymnasium's convention (terminated with a
  positive reward). ``info["lost"]`` ends an episode as lost.

Everything else is generic: seeding (``reset(seed=...)``, or for older envs that refuse the
keyword a plain ``reset()`` after ``env.seed(seed)`` when they have it), reset's obs-only or
``(obs, info)`` result and step's 4- or 5-tuple (``done`` with ``TimeLimit.truncated`` in info
becomes truncated), JSON-safe infos (numpy values converted, the rest dropped), unknown commands
answered with "Unknown command" and a ``failure`` outcome instead of an exception (gymnasium's
checker sends random strings), and each step's outcome: ``progress`` when text or facts changed
or a reward came, else ``no_effect``.
"""

from __future__ import annotations

import copy
import inspect
import json
from collections.abc import Callable, Mapping
from typing import Any

import gymnasium as gym

from engram.envs.core import ActionSpace, Fact, Goal, GoalJSON, Observation, ObservationSpace, Outcome

# Left open (``Any`` values), as gymnasium leaves them: the inner env's infos (what they hold is that
# env's own business), its actions (the values of the command table), reset's options, and the infos
# this adapter returns (the inner env's keys beside engram's StepInfo ones).
Describe = Callable[[Any, Any], tuple[str, list[Fact]]]
PerStep = Callable[[Any, dict[str, Any], Any], Any]  # (raw obs, inner info, env)


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


def _default_won(raw: Any, reward: float, terminated: bool, info: Mapping[str, object]) -> bool:
    if "won" in info:
        return bool(info["won"])
    return bool(terminated and reward > 0)


class GymAdapter(gym.Env[Observation, str]):
    metadata = {"render_modes": []}  # noqa: RUF012 - gymnasium's convention

    def __init__(
        self,
        env: Any,
        describe: Describe,
        actions: dict[str, Any] | Callable[[Any], dict[str, Any]] | None = None,
        goal: Callable[..., str] | None = None,
        *,
        admissible: PerStep | None = None,
        targets: PerStep | None = None,
        task_type: PerStep | None = None,
        world: PerStep | None = None,
        won: Callable[[Any, float, bool, dict[str, Any]], bool] | None = None,
        **make_kwargs: Any,
    ) -> None:
        if (actions is None) == (admissible is None):
            raise ValueError("give GymAdapter exactly one of actions= (named actions) or admissible= (text commands)")
        self.inner = gym.make(env, **make_kwargs) if isinstance(env, str) else env
        self._id = (
            env if isinstance(env, str) else getattr(getattr(env, "spec", None), "id", None) or type(env).__name__
        )
        self.describe, self.actions, self.goal = describe, actions, goal
        self._admissible, self._targets, self._task_type, self._world = admissible, targets, task_type, world
        self._won = won or _default_won
        self.observation_space = ObservationSpace()
        self.action_space = ActionSpace()
        self._last: Observation | None = None
        self._raw: Any = None
        self._info: dict[str, Any] = {}
        self._goal: GoalJSON = {}
        self._world_id = ""

    # -- commands --------------------------------------------------------------------------------
    def _commands(self) -> dict[str, Any]:
        """Command -> what the inner env's ``step`` gets, for the step about to be taken."""
        if self._admissible is not None:
            return {str(c): c for c in self._admissible(self._raw, self._info, self.inner) or []}
        assert self.actions is not None
        return self.actions(self.inner) if callable(self.actions) else self.actions

    # -- gymnasium API ---------------------------------------------------------------------------
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Observation, dict[str, Any]]:
        super().reset(seed=seed)
        result = self._inner_reset(seed, options)
        raw, info = result if isinstance(result, tuple) and len(result) == 2 else (result, {})
        self._raw, self._info = raw, dict(info or {})
        text = ""
        if self.goal is not None:
            takes_info = len(inspect.signature(self.goal).parameters) >= 3
            text = str(self.goal(raw, self._info, self.inner) if takes_info else self.goal(raw, self.inner))
        kind = self._task_type(raw, self._info, self.inner) if self._task_type else self._id
        found = tuple(self._targets(raw, self._info, self.inner)) if self._targets else ()
        self._goal = Goal(text, str(kind or "unknown"), found).to_json()
        self._world_id = str(self._world(raw, self._info, self.inner) or "") if self._world else ""
        return self._observe(raw, self._info, won=False, outcome=Outcome.PROGRESS)

    def _inner_reset(self, seed: int | None, options: dict[str, Any] | None) -> Any:
        params = inspect.signature(self.inner.reset).parameters
        takes_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
        if "seed" in params or takes_kwargs:
            if "options" in params or takes_kwargs:
                return self.inner.reset(seed=seed, options=options)
            return self.inner.reset(seed=seed)
        # An older gym-style env: seeding is a method of its own, if it has one at all.
        seeder = getattr(self.inner, "seed", None)
        if seed is not None and callable(seeder):
            seeder(seed)
        return self.inner.reset()

    def step(self, action: str) -> tuple[Observation, float, bool, bool, dict[str, Any]]:
        if self._last is None:
            raise RuntimeError("step() before reset()")
        commands = self._commands()
        if action not in commands:
            info = {**copy.deepcopy(self._last.info), "outcome": str(Outcome.FAILURE)}
            obs = Observation(f"Unknown command: {action[:80]!r}.", self._last.facts, self._last.admissible, info=info)
            return obs, 0.0, False, False, copy.deepcopy(info)
        result: tuple[Any, ...] = tuple(self.inner.step(commands[action]))
        if len(result) == 5:
            raw, reward, terminated, truncated, info = result
        else:  # gym < 0.26: (obs, reward, done, info)
            raw, reward, done, info = result
            info = dict(info or {})
            truncated = bool(info.get("TimeLimit.truncated", False))
            terminated = bool(done) and not truncated
        before = self._last
        self._raw, self._info = raw, dict(info or {})
        won = self._won(raw, float(reward), bool(terminated), self._info)
        obs, info = self._observe(raw, self._info, won=won, outcome=Outcome.NO_EFFECT)
        if obs.text != before.text or obs.facts != before.facts or float(reward):
            obs.info["outcome"] = info["outcome"] = str(Outcome.PROGRESS)
        return obs, float(reward), bool(terminated), bool(truncated), info

    def _observe(
        self, raw: Any, info: Mapping[str, object], won: bool, outcome: Outcome
    ) -> tuple[Observation, dict[str, Any]]:
        text, facts = self.describe(raw, self.inner)
        out = {**json_safe(info), "goal": copy.deepcopy(self._goal), "won": bool(won), "outcome": str(outcome)}
        if self._world_id:
            out["world_id"] = self._world_id
        out["lost"] = bool(info.get("lost", False))
        self._last = Observation(text=text, facts=facts, admissible=list(self._commands()), info=out)
        return self._last, copy.deepcopy(out)

    def close(self) -> None:
        self.inner.close()
