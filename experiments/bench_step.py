"""Per-step wall time: the raw engine (``env.step`` alone) vs a full engram step.

A full engram step is one perceive -> plan -> act -> reflect loop: planner, four synchronous SQLite
checkpoints, the JSONL record. It is measured from one step's start to the next one's (the last
step of an episode uses its own perceive-to-reflect time). The raw engine replays the very same
actions on the same games with nothing around ``env.step``.

    python -m engram.experiments.bench_step [--games PATH] [--limit N]

Final line: ``bench_step: raw_median_ms=A engram_median_ms=B overhead_ratio=B/A``.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from engram.agents.runner import run_games
from engram.envs.alfworld import find_games
from engram.envs.registry import make
from engram.tools.cli import default_games
from engram.tools.trajectory import RunDir


def engram_step_times(run: RunDir) -> list[float]:
    times = []
    for episode_id in run.episode_ids():
        steps = run.steps(episode_id)
        for cur, nxt in itertools.pairwise(steps):
            times.append(nxt["timings"]["started_at"] - cur["timings"]["started_at"])
        if steps:
            times.append(steps[-1]["timings"]["step_s"])
    return times


def raw_step_times(run: RunDir, adapter: bool) -> tuple[list[float], list[float]]:
    """Replay the run's actions; time the adapter's ``env.step`` or the bare textworld engine's."""
    env = make("engram/ALFWorld-v0")
    steps_s, resets_s = [], []
    try:
        for episode_id in run.episode_ids():
            ep = run.episode(episode_id)
            t0 = time.perf_counter()
            env.reset(seed=ep["seed"], options={"game": ep["game"]})
            resets_s.append(time.perf_counter() - t0)
            step = env.step if adapter else env.engine_step  # type: ignore[attr-defined]
            for record in run.steps(episode_id):
                t0 = time.perf_counter()
                step(record["action"])
                steps_s.append(time.perf_counter() - t0)
    finally:
        env.close()
    return steps_s, resets_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=Path, default=None, help="games (default: the bundled stream)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N games")
    args = parser.parse_args()
    games = find_games(args.games or default_games())[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        run = RunDir(Path(tmp) / "run")
        run_games(games, run.path, memory="none")
        full = engram_step_times(run)
        raw, resets = raw_step_times(run, adapter=False)
        adapted, _ = raw_step_times(run, adapter=True)
    raw_ms, full_ms = statistics.median(raw) * 1000, statistics.median(full) * 1000
    print(f"games={len(games)} steps={len(raw)}")

    def p90(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=10)[-1] * 1000

    print(f"env reset:                   median {statistics.median(resets) * 1000:.1f} ms, p90 {p90(resets):.1f} ms")
    print(f"raw engine step (textworld): median {raw_ms:.2f} ms, p90 {p90(raw):.2f} ms")
    print(f"adapter env.step (+ facts):  median {statistics.median(adapted) * 1000:.2f} ms, p90 {p90(adapted):.2f} ms")
    print(f"full engram step:            median {full_ms:.2f} ms, p90 {p90(full):.2f} ms")
    ratio = full_ms / raw_ms
    print(f"bench_step: raw_median_ms={raw_ms:.2f} engram_median_ms={full_ms:.2f} overhead_ratio={ratio:.2f}")


if __name__ == "__main__":
    main()
