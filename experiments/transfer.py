"""Transfer study: does the experience bank help in houses the agent has never seen?

    python -m engram.experiments.transfer --out OUT [--train-houses 12] [--train-tasks 8]
        [--test-houses 12] [--test-tasks 5] [--seed 21] [--perturb 0.2] [--budget 20]
        [--rooms-per-house 1] [--habits] [--collect-steps 60] [--epochs 30] [--conv gin] [--scope task]
        [--jobs 2]

1. Generates training streams on the ``train`` floor plans and test streams on the held-out
   ``test`` floor plans (every fifth AI2-THOR plan; see ``engram generate --split``): no test
   house shares a layout with a training house. ``--rooms-per-house`` applies to the test houses
   (training houses stay single rooms): larger houses make the search, where memory pays, a larger
   part of each task. ``--habits`` places objects by preferences shared across houses (see
   ``engram generate --habits``) in both, instead of uniformly over the receptacles that fit.
2. Runs the agent over the training streams with ``--memory scene,experience`` (collecting
   traces into the bank), then trains the bank's encoder on its own successful traces
   (``engram experience train``) and keeps the result as ``OUT/bank.sqlite``.
3. Evaluates every test task twice under a tight step budget, from an empty scene graph in a
   memory directory of its own (``--scope task``, the default: every task is in a house never
   seen; ``--scope house``: a house's tasks share memory, fresh per house). ``off`` =
   ``--memory scene``; ``on`` = ``--memory scene,experience`` with a copy of the trained bank. The
   only difference between the arms is the bank.
4. Writes ``OUT/transfer-<scope>.md`` and ``.json`` (overall, per task type, first task of each
   house, and steps over the tasks both arms solved) and prints, last,
   ``transfer: success_on=X success_off=Y steps_on=A steps_off=B``.

Re-running with the same ``--out`` reuses what is there (games, collection, bank, finished runs).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypedDict

ARMS = {"off": "scene", "on": "scene,experience"}


def _generate(
    out: Path, seed: int, houses: int, tasks: int, perturb: float, split: str, rooms: int = 1, habits: bool = False
) -> None:
    from engram.envs.household.generator import Generator

    if (out / "generation.json").exists():
        return
    t0 = time.perf_counter()
    gen = Generator(out, seed, stream=True, perturb=perturb, split=split, rooms_per_house=rooms, habits=habits)
    report = gen.run(houses, tasks)
    print(f"{split}: {len(report.games)} games in {time.perf_counter() - t0:.0f} s", flush=True)


def _houses(games: Path) -> list[Path]:
    return sorted(p for p in games.iterdir() if p.is_dir() and p.name.startswith("house_"))


class Played(TypedDict):
    """One evaluated episode, as the report needs it."""

    game: str
    task_type: str
    success: bool
    steps: int
    index_in_house: int


class Stats(TypedDict):
    episodes: int
    success_rate: float
    steps_per_success: float | None


class BothSolved(TypedDict):
    tasks: int
    steps_on: float | None
    steps_off: float | None


class Report(TypedDict):
    overall: dict[str, Stats]  # arm -> stats
    per_task_type: dict[str, dict[str, Stats]]  # task type -> arm -> stats
    first_task_in_house: dict[str, Stats]
    both_solved: BothSolved


def _eval_arm(arm: str, test: str, out: str, bank: str, budget: int, scope: str) -> list[Played]:
    """Every test house under one arm. ``scope="task"``: every task starts from fresh memory (each
    is a house never seen); ``"house"``: a house's tasks share memory, fresh per house."""
    from engram.agents.rundir import RunDir
    from engram.agents.runner import run_games
    from engram.agents.spec import RunSpec
    from engram.envs.alfworld import find_games

    episodes: list[Played] = []
    for house in _houses(Path(test)):
        games = find_games(house)
        groups = [[g] for g in games] if scope == "task" else [games]
        for i, group in enumerate(groups):
            run_dir = Path(out) / f"eval-{scope}" / arm / house.name / (f"task_{i:02d}" if scope == "task" else "")
            memory_dir = run_dir / "memory"
            memory_dir.mkdir(parents=True, exist_ok=True)
            if arm == "on" and not (memory_dir / "experience.sqlite").exists():
                shutil.copy(bank, memory_dir / "experience.sqlite")
            run_games(RunSpec(tuple(map(str, group)), str(run_dir), memory=ARMS[arm], memory_dir=str(memory_dir),
                              max_steps=budget))  # fmt: skip
            run = RunDir(run_dir)
            for j, e in enumerate(run.episode(x) for x in run.episode_ids()):
                won, steps = (e.result.success, e.result.steps) if e.result else (False, 0)
                episodes.append(Played(game=e.game, task_type=e.task_type, success=won, steps=steps,
                                       index_in_house=i if scope == "task" else j))  # fmt: skip
    return episodes


def _stats(eps: list[Played]) -> Stats:
    wins = [e["steps"] for e in eps if e["success"]]
    return {
        "episodes": len(eps),
        "success_rate": round(len(wins) / len(eps), 4) if eps else 0.0,
        "steps_per_success": round(statistics.fmean(wins), 2) if wins else None,
    }


def report(results: dict[str, list[Played]]) -> Report:
    """Both arms overall, per task type, on each house's first task, and on the tasks both solved."""
    on, off = results["on"], results["off"]
    types = sorted({e["task_type"] for e in on + off})
    solved = {arm: {e["game"]: e["steps"] for e in eps if e["success"]} for arm, eps in results.items()}
    both = sorted(set(solved["on"]) & set(solved["off"]))
    return {
        "overall": {arm: _stats(eps) for arm, eps in results.items()},
        "per_task_type": {
            t: {arm: _stats([e for e in eps if e["task_type"] == t]) for arm, eps in results.items()} for t in types
        },
        "first_task_in_house": {
            arm: _stats([e for e in eps if e["index_in_house"] == 0]) for arm, eps in results.items()
        },
        "both_solved": {
            "tasks": len(both),
            "steps_on": round(statistics.fmean(solved["on"][g] for g in both), 2) if both else None,
            "steps_off": round(statistics.fmean(solved["off"][g] for g in both), 2) if both else None,
        },
    }


def to_markdown(rep: Report, budget: int, scope: str) -> str:
    def cell(s: Stats) -> str:
        sps = s["steps_per_success"]
        return f"{s['success_rate']:.0%} | {'-' if sps is None else f'{sps:.1f}'}"

    lines = [
        f"Step budget {budget}. off = scene memory only; on = scene memory + experience bank. Both start "
        f"every {'task' if scope == 'task' else 'unseen house'} with an empty scene graph.",
        "",
        "| tasks | n | success off | steps off | success on | steps on |",
        "|---|---|---|---|---|---|",
        f"| all | {rep['overall']['on']['episodes']} | {cell(rep['overall']['off'])} | {cell(rep['overall']['on'])} |",
        f"| first task in each house | {rep['first_task_in_house']['on']['episodes']} | "
        f"{cell(rep['first_task_in_house']['off'])} | {cell(rep['first_task_in_house']['on'])} |",
    ]
    for t, arms in rep["per_task_type"].items():
        lines.append(f"| {t} | {arms['on']['episodes']} | {cell(arms['off'])} | {cell(arms['on'])} |")
    b = rep["both_solved"]
    lines += ["", f"Tasks both arms solved: {b['tasks']}; steps off {b['steps_off']}, on {b['steps_on']}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--train-houses", type=int, default=12)
    parser.add_argument("--train-tasks", type=int, default=8)
    parser.add_argument("--test-houses", type=int, default=12)
    parser.add_argument("--test-tasks", type=int, default=5)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--perturb", type=float, default=0.2)
    parser.add_argument("--budget", type=int, default=20, help="step budget per test episode")
    parser.add_argument("--rooms-per-house", type=int, default=1, help="rooms per test house")
    parser.add_argument("--habits", action="store_true", help="place objects by habits shared across houses")
    parser.add_argument("--collect-steps", type=int, default=60, help="step budget while collecting traces")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--conv", default="gin")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--scope",
        choices=("task", "house"),
        default="task",
        help="fresh memory for every test task (default) or for every test house",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    train_games, test_games = out / "train", out / "test"
    _generate(train_games, args.seed, args.train_houses, args.train_tasks, args.perturb, "train", 1, args.habits)
    _generate(test_games, args.seed + 1, args.test_houses, args.test_tasks, args.perturb, "test", args.rooms_per_house,
              args.habits)  # fmt: skip

    bank = out / "bank.sqlite"
    if not bank.exists():
        from engram.agents.runner import run_games
        from engram.agents.spec import RunSpec
        from engram.envs.alfworld import find_games
        from engram.envs.household.domain import HOUSEHOLD
        from engram.memory.experience import ExperienceMemory, train_bank

        t0 = time.perf_counter()
        summary = run_games(RunSpec(tuple(map(str, find_games(train_games))), str(out / "collect"),
                                    memory="scene,experience", max_steps=args.collect_steps))  # fmt: skip
        print(f"collected {summary.episodes_total} training episodes "
              f"({summary.success_rate:.0%} solved) in {time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip
        collected = ExperienceMemory(domain=HOUSEHOLD)
        collected.load(out / "collect" / "memory" / "experience.sqlite")
        rep = train_bank(collected, epochs=args.epochs, seed=args.seed, conv=args.conv)
        print(f"trained encoder v{collected.version} on {rep.states} states in {rep.seconds:.1f} s; "
              f"head accuracy {rep.accuracy}", flush=True)  # fmt: skip
        collected.save(bank)

    # spawn, not fork: a forked child inherits OpenMP thread pools (torch, scikit-learn) that deadlock.
    with ProcessPoolExecutor(max_workers=max(1, args.jobs), mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {
            arm: pool.submit(_eval_arm, arm, str(test_games), str(out), str(bank), args.budget, args.scope)
            for arm in ARMS
        }
        results = {arm: f.result() for arm, f in futures.items()}
    rep = report(results)
    (out / f"transfer-{args.scope}.json").write_text(json.dumps({"budget": args.budget, **rep}, indent=2))
    md = to_markdown(rep, args.budget, args.scope)
    (out / f"transfer-{args.scope}.md").write_text(md + "\n")
    print(md)
    on, off = rep["overall"]["on"], rep["overall"]["off"]
    print(f"transfer: success_on={on['success_rate']:.3f} success_off={off['success_rate']:.3f} "
          f"steps_on={on['steps_per_success']} steps_off={off['steps_per_success']}")  # fmt: skip


if __name__ == "__main__":
    main()
