"""MiniWoB++ tasks in headless Chromium: mean reward per task over N episodes, the offline GUI
planner through the whole stack (memory on), with step and reset medians and the browser's memory.

    python -m engram.experiments.miniwob --episodes 20

Final line: ``miniwob: tasks=T mean_reward=R``. RSS is the resident memory of the env's
chromedriver and Chromium processes (psutil), the largest of the samples taken after each episode.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from engram.agents.runner import run_games
from engram.envs.miniwob import TASKS
from engram.tools.trajectory import RunDir


def browser_rss_mb() -> float:
    import psutil

    total = 0
    for p in psutil.Process().children(recursive=True):  # this process's browser only
        with contextlib.suppress(psutil.Error):
            if "chrom" in p.name():
                total += p.memory_info().rss
    return total / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--episodes", type=int, default=20)
    ap.add_argument("--tasks", default=",".join(TASKS))
    ap.add_argument("--memory", default="all")
    ap.add_argument("--seed", type=int, default=100)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="engram-miniwob-"))
    rows = []
    for task in args.tasks.split(","):
        env_id = f"engram/MiniWoB-{task}-v0"
        t0 = time.perf_counter()
        rss: list[float] = []  # sampled after every episode, while the browser is up
        summary = run_games([""] * args.episodes, out / task, env_id=env_id, memory=args.memory, max_steps=10,
                            seed=args.seed, on_episode=lambda ep, rss=rss: rss.append(browser_rss_mb()))  # fmt: skip
        run = RunDir(out / task)
        rewards, steps = [], []
        for eid in run.episode_ids():
            recs = run.steps(eid)
            rewards.append(sum(s["reward"] for s in recs))
            steps += [s["timings"]["env_s"] for s in recs]
        resets = [run.episode(e)["reset_s"] for e in run.episode_ids()]
        rows.append((task, statistics.fmean(rewards), summary["success_rate"], summary["steps_per_success"],
                     statistics.median(steps) * 1000, statistics.median(resets), max(rss),
                     time.perf_counter() - t0))  # fmt: skip
    print(f"{args.episodes} episodes per task (seeds {args.seed}..), memory {args.memory}; runs in {out}")
    print("| task | mean reward | success | steps | step median (ms) | reset median (s) | browser RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for task, reward, success, n, step_ms, reset_s, rss, _ in rows:
        print(f"| {task} | {reward:.2f} | {success:.0%} | {n or 0:.1f} | {step_ms:.0f} | {reset_s:.2f} | {rss:.0f} |")
    print(f"miniwob: tasks={len(rows)} mean_reward={statistics.fmean(r[1] for r in rows):.3f}")


if __name__ == "__main__":
    main()
