"""BabyAI levels: engram's offline grid planner (through the whole stack, memory on) against
BabyAI's own bot (``minigrid.utils.baby_ai_bot.BabyAIBot``) on the same seeds.

    python -m engram.experiments.babyai --episodes 50

Per level: success rate and mean steps of successful episodes for both, and engram's step and
reset medians. Final line: ``babyai: levels=N engram_success=S bot_success=B``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path
from typing import Any

import gymnasium as gym

from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.minigrid import LEVELS

DEFAULT_LEVELS = ("GoToRedBall", "GoToLocal", "PickupLoc", "GoToObj", "PutNextLocal")


def bot_episode(level: str, seed: int) -> tuple[bool, int]:
    import minigrid  # noqa: F401 - registers the ids
    from minigrid.utils.baby_ai_bot import BabyAIBot

    env = gym.make(f"BabyAI-{level}-v0")
    env.reset(seed=seed)
    grid: Any = env.unwrapped  # a MiniGridEnv: its step limit is its own attribute, not gymnasium's
    bot = BabyAIBot(grid)
    for t in range(grid.max_steps):
        _, reward, terminated, truncated, _ = env.step(bot.replan())
        if terminated or truncated:
            env.close()
            return bool(terminated and float(reward) > 0), t + 1
    env.close()
    return False, grid.max_steps


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--episodes", type=int, default=50)
    ap.add_argument("--levels", default=",".join(DEFAULT_LEVELS), help=f"from {', '.join(LEVELS)}")
    ap.add_argument("--memory", default="all")
    ap.add_argument("--seed", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="engram-babyai-"))
    rows, ours_all, bot_all = [], [], []
    for level in args.levels.split(","):
        env_id = f"engram/BabyAI-{level}-v0"
        spec = RunSpec(("",) * args.episodes, str(out / level), env_id=env_id, memory=args.memory, max_steps=64,
                       seed=args.seed)  # fmt: skip
        summary = run_games(spec)
        run = RunDir(out / level)
        steps = [s.timings["env_s"] for e in run.episode_ids() for s in run.steps(e)]
        resets = [run.episode(e).reset_s for e in run.episode_ids()]
        bot = [bot_episode(level, args.seed + k) for k in range(args.episodes)]
        bot_ok = [n for ok, n in bot if ok]
        ours_all.append(summary.success_rate)
        bot_all.append(len(bot_ok) / len(bot))
        rows.append((level, summary.success_rate, summary.steps_per_success, len(bot_ok) / len(bot),
                     statistics.fmean(bot_ok) if bot_ok else None, statistics.median(steps) * 1000,
                     statistics.median(resets) * 1000))  # fmt: skip
    print(f"{args.episodes} episodes per level (seeds {args.seed}..), memory {args.memory}; runs in {out}")
    print("| level | engram success | engram steps | bot success | bot steps | step median (ms) | reset median (ms) |")
    print("|---|---|---|---|---|---|---|")
    for level, s, n, bs, bn, ms, rs in rows:
        fmt = lambda v: f"{v:.1f}" if v is not None else "-"  # noqa: E731
        print(f"| {level} | {s:.0%} | {fmt(n)} | {bs:.0%} | {fmt(bn)} | {ms:.2f} | {rs:.1f} |")
    print(
        f"babyai: levels={len(rows)} engram_success={statistics.fmean(ours_all):.3f} "
        f"bot_success={statistics.fmean(bot_all):.3f}"
    )


if __name__ == "__main__":
    main()
