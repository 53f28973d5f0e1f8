"""MiniWoB++ tasks in headless Chromium: mean reward per task over N episodes, the offline GUI
planner through the whole stack (memory on), with step and reset medians and the browser's memory.

    python -m engram.experiments.miniwob --episodes 20
    python -m engram.experiments.miniwob --tasks all --episodes 5 --memory all,none

``--tasks all`` is every task the installed ``miniwob`` package ships (the GUI planner's families
and, on the generic memory-driven planner, the rest); ``--memory`` may list several settings, each
run on the same seeds. Final lines: ``miniwob: memory=M tasks=T mean_reward=R planner_calls=C``
per setting (C: the planner's calls per episode; a running shortcut's steps need none). RSS is the
resident memory of the env's chromedriver and Chromium processes (psutil), the largest of the
samples taken after each episode.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
from pathlib import Path

from engram.agents.records import EpisodeRecord
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.miniwob import TASKS, all_tasks


def browser_rss_mb() -> float:
    import psutil

    total = 0
    for p in psutil.Process().children(recursive=True):  # this process's browser only
        with contextlib.suppress(psutil.Error):
            if "chrom" in p.name():
                total += p.memory_info().rss
    return total / 2**20


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--episodes", type=int, default=20)
    ap.add_argument("--tasks", default=",".join(TASKS))
    ap.add_argument("--memory", default="all")
    ap.add_argument("--seed", type=int, default=100)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="engram-miniwob-"))
    tasks = all_tasks() if args.tasks == "all" else args.tasks.split(",")
    finals = []
    settings = args.memory.split(";") if ";" in args.memory else _settings(args.memory)
    # Task by task, every setting in turn: the settings of a task meet the browser in the same state
    # (MiniWoB's date picker opened at reset in one long run and not in another, at the same seed).
    results: dict[str, list[tuple]] = {m: [] for m in settings}
    for task in tasks:
        for memory in settings:
            results[memory].append(_task(task, memory, args, out / memory.replace(",", "+") / task))
    for memory, rows in results.items():
        print(f"{args.episodes} episodes per task (seeds {args.seed}..), memory {memory}; runs in {out}")
        print("| task | planner | mean reward | success | steps | planner calls | step (ms) | reset (s) | RSS (MB) |")
        print("|---|---|---|---|---|---|---|---|---|")
        for task, reward, success, n, calls, step_ms, reset_s, rss in rows:
            kind = "gui" if task in TASKS else "generic"
            print(f"| {task} | {kind} | {reward:.2f} | {success:.0%} | {n or 0:.1f} | {calls:.2f} | {step_ms:.0f} "
                  f"| {reset_s:.2f} | {rss:.0f} |")  # fmt: skip
        for kind, group in (
            ("gui", [r for r in rows if r[0] in TASKS]),
            ("generic", [r for r in rows if r[0] not in TASKS]),
        ):
            if group:
                print(f"  {kind}: tasks={len(group)} mean_reward={statistics.fmean(r[1] for r in group):.3f}")
        mean = statistics.fmean(r[1] for r in rows)
        calls = statistics.fmean(r[4] for r in rows)
        finals.append(f"miniwob: memory={memory} tasks={len(rows)} mean_reward={mean:.3f} planner_calls={calls:.2f}")
    print("\n".join(finals))


def _settings(spec: str) -> list[str]:
    """``all,none`` -> two settings; a single module list (``scene,skills``) stays one setting."""
    parts = [p.strip() for p in spec.split(",")]
    return parts if set(parts) <= {"all", "none"} else [spec]


def _task(task: str, memory: str, args: argparse.Namespace, path: Path) -> tuple:
    rss: list[float] = []  # sampled after every episode, while the browser is up

    def sample(episode: EpisodeRecord) -> None:
        rss.append(browser_rss_mb())

    spec = RunSpec(("",) * args.episodes, str(path), env_id=f"engram/MiniWoB-{task}-v0", memory=memory, max_steps=10,
                   seed=args.seed)  # fmt: skip
    summary = run_games(spec, on_episode=sample)
    run = RunDir(path)
    rewards, steps, calls = [], [], []
    for eid in run.episode_ids():
        recs = run.steps(eid)
        rewards.append(sum(s.reward for s in recs))
        steps += [s.timings["env_s"] for s in recs]
        calls.append(sum(s.planner_called for s in recs))
    resets = [run.episode(e).reset_s for e in run.episode_ids()]
    return (task, statistics.fmean(rewards), summary.success_rate, summary.steps_per_success,
            statistics.fmean(calls), statistics.median(steps) * 1000 if steps else 0.0, statistics.median(resets),
            max(rss) if rss else 0.0)  # fmt: skip


if __name__ == "__main__":
    main()
