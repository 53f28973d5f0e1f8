"""Replay: re-execute every recorded action on a fresh environment and diff every observation.

A run is only worth keeping if it can be reproduced. Replay compares the text, the admissible
actions and the facts of each observation (the initial one included) with what was recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engram.envs.registry import make
from engram.tools.trajectory import RunDir

_COMPARED = ("text", "admissible", "facts")


@dataclass
class Difference:
    episode: str
    t: int  # -1 is the initial observation
    key: str
    recorded: Any
    replayed: Any


@dataclass
class ReplayReport:
    episodes: int = 0
    observations: int = 0
    differences: list[Difference] = field(default_factory=list)


def _diff(episode: str, t: int, recorded: dict[str, Any], replayed: dict[str, Any]) -> list[Difference]:
    return [
        Difference(episode, t, key, recorded.get(key), replayed.get(key))
        for key in _COMPARED
        if recorded.get(key) != replayed.get(key)
    ]


def replay_run(
    run_dir: str,
    episodes: list[str] | None = None,
    on_episode: Callable[[str, int], None] | None = None,
) -> ReplayReport:
    run = RunDir(run_dir)
    env_id = run.manifest()["config"]["env_id"]
    env = make(env_id)
    report = ReplayReport()
    try:
        for episode_id in episodes or run.episode_ids():
            ep = run.episode(episode_id)
            obs, _ = env.reset(seed=ep["seed"], options={"game": ep["game"]})
            found = _diff(episode_id, -1, ep["initial_observation"], obs.to_json())
            report.observations += 1
            for step in run.steps(episode_id):
                if not step["executed"]:
                    continue
                obs, *_ = env.step(step["action"])
                found += _diff(episode_id, step["t"], step["observation"], obs.to_json())
                report.observations += 1
            report.episodes += 1
            report.differences += found
            if on_episode:
                on_episode(episode_id, len(found))
    finally:
        env.close()
    return report
