"""Running a list of games into a run directory, resumably.

A run directory is tied to its configuration: re-running the same command on the same directory
resumes it (finished episodes are kept, an interrupted one continues from its checkpoint); a
different configuration on an existing run directory is refused rather than mixed in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver

from engram.agents.controller import Controller
from engram.agents.planners.base import Planner
from engram.envs.alfworld import game_meta
from engram.envs.registry import make
from engram.tools.trajectory import RunDir

ENV_ID = "engram/ALFWorld-v0"


class RunConfigError(ValueError):
    """The run directory already holds a run made with another configuration."""


def make_planner(name: str) -> Planner:
    if name == "offline":
        from engram.agents.planners.household import HouseholdPlanner

        return HouseholdPlanner()
    raise ValueError(f"unknown planner {name!r}; available: offline")


def run_games(
    games: list[Path],
    run_dir: str | Path,
    *,
    planner: str = "offline",
    max_steps: int = 60,
    seed: int = 0,
    step_delay: float = 0.0,
    games_source: str = "",
    on_episode: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    run = RunDir(run_dir)
    config = {
        "env_id": ENV_ID,
        "games_source": games_source,
        "games": [str(g) for g in games],
        "planner": planner,
        "model": None,
        "memory": "none",
        "max_steps": max_steps,
        "seed": seed,
    }
    if run.manifest_path.exists():
        old = run.manifest()["config"]
        differs = sorted(k for k in ("games", "planner", "max_steps", "seed", "memory") if old.get(k) != config[k])
        if differs:
            raise RunConfigError(
                f"{run.path} already holds a run with different {', '.join(differs)}; use a new --run-dir"
            )
    else:
        run.write_manifest({"config": config, "seeds": [seed + i for i in range(len(games))]})
    env = make(ENV_ID)
    conn = sqlite3.connect(str(run.checkpoint_path), check_same_thread=False)
    try:
        controller = Controller(
            env, make_planner(planner), run, SqliteSaver(conn), max_steps=max_steps, step_delay=step_delay
        )
        for i, game in enumerate(games):
            episode = controller.run_episode(f"ep{i:04d}", str(game), seed + i, game_meta(game))
            if on_episode:
                on_episode(episode)
    finally:
        conn.close()
        env.close()
    return run.write_summary()
