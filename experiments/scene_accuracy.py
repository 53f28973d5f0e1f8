"""Scene-graph accuracy against the engine's ground truth, after every episode of a stream.

    python -m engram.experiments.scene_accuracy --games STREAM [--run-dir DIR]

After each episode the scene memory's facts about that house are compared with the engine's
true state at that moment (``ALFWorldEnv.ground_truth``), grouped by age: facts last observed in
this episode, one episode ago, and older. Between episodes the generator moves objects (the
perturbation) and the next task starts from the expert's end state, so older facts can be stale
without memory being wrong about what it saw: that is what the confidence decay expresses.

Final line: ``scene_accuracy: fresh=A/N (P%) all=A/N (P%)``.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from engram.agents.checkpoints import checkpointer
from engram.agents.controller import Controller
from engram.agents.planners.household import HouseholdPlanner
from engram.agents.rundir import RunDir
from engram.envs.alfworld import find_games, game_meta
from engram.envs.household.domain import HOUSEHOLD
from engram.envs.registry import make
from engram.memory.scene import SceneGraphMemory, accuracy


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=Path, required=True)
    parser.add_argument("--run-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="scene-accuracy-"))
    env: Any = make("engram/ALFWorld-v0")  # Any: ``ground_truth`` is the ALFWorld adapter's own
    mem = SceneGraphMemory(domain=HOUSEHOLD)  # ALFWorld's rules: what no episode carries over ("open")
    conn = sqlite3.connect(str(run_dir / "checkpoints.sqlite"), check_same_thread=False)
    ctl = Controller(
        env, HouseholdPlanner(), RunDir(run_dir), checkpointer(conn, run_dir / "checkpoints.sqlite"), memory=[mem]
    )
    by_age: dict[str, list[int]] = {"this episode": [0, 0], "1 episode ago": [0, 0], "older": [0, 0]}
    order: dict[str, list[str]] = {}  # house -> its episode ids so far
    for i, game in enumerate(find_games(args.games)):
        episode = ctl.run_episode(f"ep{i:04d}", str(game), i, str(game_meta(game)["task_type"]))
        house = episode.world_id
        seen = order.setdefault(house, [])
        seen.append(episode.id)
        truth = env.ground_truth()
        for fact, belief in mem.graph(house).beliefs():
            age = len(seen) - 1 - seen.index(belief.episode) if belief.episode in seen else len(seen)
            band = "this episode" if age == 0 else "1 episode ago" if age == 1 else "older"
            agree, total = accuracy([(fact, belief)], truth)
            by_age[band][0] += agree
            by_age[band][1] += total
    env.close()
    for band, (a, n) in by_age.items():
        print(f"{band:>14}: {a}/{n} agree ({a / max(n, 1):.2%})")
    fa, fn = by_age["this episode"]
    ta, tn = sum(v[0] for v in by_age.values()), sum(v[1] for v in by_age.values())
    print(f"scene_accuracy: fresh={fa}/{fn} ({fa / max(fn, 1):.2%}) all={ta}/{tn} ({ta / max(tn, 1):.2%})")


if __name__ == "__main__":
    main()
