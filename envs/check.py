"""``engram check-env``: gymnasium's own checker, then engram's Observation contract.

gymnasium's ``check_env`` proves the Env API (spaces, seeding, determinism, fresh data per call).
On top, engram needs what its controller and memory rely on, checked on real episodes:

* ``reset`` returns an :class:`Observation` and a dict; ``step`` the 5-tuple with a float reward
  and bool flags;
* ``admissible`` is a non-empty list of distinct strings that the action space contains, and
  every admissible command steps without raising;
* facts use the shared vocabulary (``Fact`` triples, relations and states from ``core``);
* the observation and the info serialise to JSON (trajectories are JSONL, never pickle);
* the same seed gives the same first observation.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from typing import Any

from engram.envs.core import Observation, ObservationSpace

SPACE = ObservationSpace()


@dataclass
class CheckReport:
    env_id: str
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "check: why"
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def _observation_problems(obs: Any, where: str, action_space: Any) -> list[str]:
    if not isinstance(obs, Observation):
        return [f"{where}: the observation is a {type(obs).__name__}, not an engram Observation"]
    problems = []
    if not SPACE.contains(obs):
        problems.append(f"{where}: facts outside the shared vocabulary or non-string fields")
    if not obs.admissible and where == "reset":
        problems.append(f"{where}: no admissible commands")
    if len(set(obs.admissible)) != len(obs.admissible):
        problems.append(f"{where}: admissible commands repeat")
    outside = [a for a in obs.admissible if not action_space.contains(a)]
    if outside:
        problems.append(f"{where}: admissible commands outside the action space: {outside[:3]}")
    try:
        json.dumps(obs.to_json())
    except (TypeError, ValueError) as exc:
        problems.append(f"{where}: the observation does not serialise to JSON ({exc})")
    return problems


def check(env_id: str, steps: int = 8, seed: int = 0) -> CheckReport:
    """Run every check on a fresh instance of ``env_id`` (closed afterwards, whatever happens)."""
    from gymnasium.utils.env_checker import check_env

    from engram.envs.registry import make

    report = CheckReport(env_id)

    def verdict(name: str, problems: list[str]) -> None:
        (report.failed.extend(f"{name}: {p}" for p in problems) if problems else report.passed.append(name))

    env = make(env_id)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                check_env(env, skip_render_check=True, skip_close_check=True)
                verdict("gymnasium check_env", [])
            except Exception as exc:  # the checker reports by raising; its message is the finding
                verdict("gymnasium check_env", [f"{type(exc).__name__}: {exc}"])
        report.warnings += sorted({str(w.message)[:200] for w in caught if "unclosed" not in str(w.message)})
        obs, info = env.reset(seed=seed)
        problems = _observation_problems(obs, "reset", env.action_space)
        if not isinstance(info, dict):
            problems.append(f"reset: info is a {type(info).__name__}, not a dict")
        else:
            try:
                json.dumps(info)
            except (TypeError, ValueError) as exc:
                problems.append(f"reset: info does not serialise to JSON ({exc})")
        again, _ = env.reset(seed=seed)
        if isinstance(obs, Observation) and isinstance(again, Observation) and again.to_json() != obs.to_json():
            problems.append("reset: the same seed gave a different first observation")
        verdict("reset contract", problems)
        problems = []
        obs, _ = env.reset(seed=seed)
        for t in range(steps):
            if not isinstance(obs, Observation) or not obs.admissible:
                break
            action = obs.admissible[(seed + 7 * t) % len(obs.admissible)]
            out = env.step(action)
            if len(out) != 5:
                problems.append(f"step {t}: returned {len(out)} values, not 5")
                break
            obs, reward, terminated, truncated, info = out
            problems += _observation_problems(obs, f"step {t} ({action!r})", env.action_space)
            if (
                not isinstance(reward, int | float)
                or not isinstance(terminated, bool)
                or not isinstance(truncated, bool)
            ):
                problems.append(f"step {t}: reward must be a number and terminated/truncated bools")
            if terminated or truncated:
                obs, _ = env.reset(seed=seed + t + 1)
        verdict("step contract", problems)
    finally:
        env.close()
    return report
