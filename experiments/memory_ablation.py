"""The memory ablation in one command: one persistent-house stream, every memory setting.

    python -m engram.experiments.memory_ablation --out OUT [--houses 10] [--tasks 10] [--perturb 0.2]
        [--seed 1] [--rooms-per-house 1] [--jobs 2] [--settings none,working,scene,skills,episodic,all]

Generates the stream once (``OUT/games``), runs each setting on the same games with its own fresh
memory (``OUT/runs/<setting>``, two at a time by default: one per core), then writes
``OUT/comparison.md``, ``OUT/comparison.json`` and ``OUT/learning_curve.png``. The ratio column is
``none``'s steps per success divided by each setting's.

It also runs the memoryless planner with alfworld's affordance table as a built-in prior
(``none+affordance``), so the table shows how far learned memory gets compared with hand-given
knowledge of where things are kept. It also reports the expert's steps (the engine's own
handcoded expert, which knows where everything is) as the floor no agent can go under.

Re-running with the same ``--out`` resumes unfinished runs and recomputes the table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from engram.envs.household.generator import Generator
from engram.tools.streams import slug, to_markdown, write_comparison


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--houses", type=int, default=10)
    parser.add_argument("--tasks", type=int, default=10)
    parser.add_argument("--perturb", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rooms-per-house", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--settings", default="none,working,scene,skills,episodic,all")
    parser.add_argument("--no-affordance-baseline", action="store_true")
    args = parser.parse_args(argv)

    games = args.out / "games"
    if not (games / "generation.json").exists():
        t0 = time.perf_counter()
        gen = Generator(games, args.seed, stream=True, perturb=args.perturb, rooms_per_house=args.rooms_per_house)
        report = gen.run(args.houses, args.tasks)
        print(f"generated {len(report.games)} games in {time.perf_counter() - t0:.0f} s", flush=True)
    settings = [s.strip() for s in args.settings.split(";" if ";" in args.settings else ",") if s.strip()]
    jobs: list[tuple[str, list[str], Path]] = []
    for setting in settings:
        run_dir = args.out / "runs" / slug(setting)
        jobs.append((setting, ["--memory", setting], run_dir))
    if not args.no_affordance_baseline:
        jobs.append(("none+affordance", ["--memory", "none", "--planner", "offline+affordance"],
                     args.out / "runs" / "none+affordance"))  # fmt: skip
    running: list[tuple[str, subprocess.Popen[bytes], float]] = []
    queue = list(jobs)
    while queue or running:
        while queue and len(running) < args.jobs:
            label, flags, run_dir = queue.pop(0)
            run_dir.parent.mkdir(parents=True, exist_ok=True)
            log = open(run_dir.parent / f"{run_dir.name}.log", "wb")  # noqa: SIM115 - lives as long as the job
            cmd = [sys.executable, "-m", "engram", "run", "--games", str(games), "--run-dir", str(run_dir), *flags]
            running.append((label, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT), time.perf_counter()))
        time.sleep(1)
        for item in list(running):
            label, proc, started = item
            if proc.poll() is not None:
                running.remove(item)
                print(f"{label}: exit {proc.returncode} after {time.perf_counter() - started:.0f} s", flush=True)
                if proc.returncode:
                    raise SystemExit(f"{label} failed; see its log in {args.out / 'runs'}")
    runs = {label: run_dir for label, _, run_dir in jobs}
    rows, png = write_comparison(args.out, runs)
    generation = json.loads((games / "generation.json").read_text())
    expert = statistics.fmean(g["expert_steps"] for g in generation["games"])
    print(to_markdown(rows))
    print(f"expert (knows the house): {expert:.2f} steps per task")
    print(f"learning curve: {png}")
    none = next((r["steps_per_success"] for r in rows if r["memory"] == "none"), None)
    best = next((r["steps_per_success"] for r in rows if r["memory"] == "all"), None)
    if none and best:  # each setting solved something
        print(f"memory_ablation: none_over_all={none / best:.2f} none_over_expert={none / expert:.2f}")


if __name__ == "__main__":
    main()
