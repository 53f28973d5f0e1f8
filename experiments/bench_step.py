"""Per-step wall time: the raw engine (``env.step`` alone) vs a full engram step.

A full engram step is one perceive -> plan -> act -> reflect loop: planner, four synchronous SQLite
checkpoints, the JSONL record. It is measured from one step's start to the next one's (the last
step of an episode uses its own perceive-to-reflect time). The raw engine replays the very same
actions on the same games with nothing around the textworld engine's ``step``.

Why repeats, interleaved: on a shared machine one measurement of each side drifted from 1.05 to
1.52 between runs, because whatever else ran hit one side and not the other. So an unmeasured
warm-up run fills the engine's caches first, and then each repeat measures both sides back to back
(alternating which goes first) and yields one ratio; the figure is the median of those ratios,
which a burst of load during one repeat cannot move.

    python -m engram.experiments.bench_step [--games PATH] [--limit N] [--repeats 5] [--max-steps 60]

Why a floor: whatever engram's nodes do, a step is four LangGraph super-steps, each checkpointed
to SQLite so that a killed run resumes. ``graph floor`` times exactly that machinery with empty
nodes (the same checkpointer and pragmas), so ``floor_ratio`` = (adapter step + floor) / raw step is
the least any engram step can cost on this machine; ``overhead_ratio`` above it is our nodes' work.

Final line: ``bench_step: raw_median_ms=A engram_median_ms=B overhead_ratio=R floor_ms=F floor_ratio=L
repeats=N``, where R is the median over repeats of (engram median step) / (raw median step), A and B
the medians of the per-repeat medians, F the median empty-graph step and L the median over repeats
of (adapter step + floor) / raw step, each repeat timing its own floor.
"""

from __future__ import annotations

import argparse
import itertools
import operator
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypedDict

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, StateGraph

from engram.agents.checkpoints import checkpointer
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.alfworld import find_games
from engram.envs.registry import make
from engram.tools.cli import default_games


def engram_step_times(run: RunDir) -> list[float]:
    """Each recorded step's wall time: start to the next step's start, the last its own duration."""
    times = []
    for episode_id in run.episode_ids():
        steps = run.steps(episode_id)
        for cur, nxt in itertools.pairwise(steps):
            times.append(nxt.timings["started_at"] - cur.timings["started_at"])
        if steps:
            times.append(steps[-1].timings["step_s"])
    return times


def raw_step_times(run: RunDir, adapter: bool) -> tuple[list[float], list[float]]:
    """Replay the run's actions; time the adapter's ``env.step`` or the bare textworld engine's."""
    env: Any = make("engram/ALFWorld-v0")  # Any: ``engine_step`` is the ALFWorld adapter's own
    steps_s, resets_s = [], []
    try:
        for episode_id in run.episode_ids():
            ep = run.episode(episode_id)
            t0 = time.perf_counter()
            env.reset(seed=ep.seed, options={"game": ep.game})
            resets_s.append(time.perf_counter() - t0)
            step: Callable[[str], Any] = env.step if adapter else env.engine_step
            for record in run.steps(episode_id):
                t0 = time.perf_counter()
                step(record.action)
                steps_s.append(time.perf_counter() - t0)
    finally:
        env.close()
    return steps_s, resets_s


def engram_run(games: list[Path], run_dir: Path, max_steps: int) -> RunDir:
    """The offline planner without memory over ``games``: every step a full engram step."""
    run_games(RunSpec(games=tuple(str(g) for g in games), run_dir=str(run_dir), memory="none", max_steps=max_steps))
    return RunDir(run_dir)


class _FloorState(TypedDict):
    t: int
    history: Annotated[list[str], operator.add]


def graph_floor_times(tmp: Path, name: str = "floor", episodes: int = 12, steps: int = 30) -> list[float]:
    """Per-step wall time of a graph shaped like the controller's (perceive -> plan -> act ->
    reflect, a growing history, a SQLite checkpoint per super-step in WAL mode) whose nodes do
    nothing: the cost of the loop and its checkpoints alone, one figure per episode."""
    graph = StateGraph(_FloorState)
    graph.add_node("perceive", lambda s: {})
    graph.add_node("plan", lambda s: {})
    graph.add_node("act", lambda s: {"t": s["t"] + 1})
    graph.add_node("reflect", lambda s: {"history": ["an observation of a typical length " * 8]})
    graph.set_entry_point("perceive")
    graph.add_edge("perceive", "plan")
    graph.add_edge("plan", "act")
    graph.add_edge("act", "reflect")
    graph.add_conditional_edges("reflect", lambda s: END if s["t"] >= steps else "perceive")
    path = tmp / f"{name}.sqlite"
    conn = sqlite3.connect(path, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        app = graph.compile(checkpointer=checkpointer(conn, path))
        times = []
        for episode in range(episodes):
            config: RunnableConfig = {"configurable": {"thread_id": f"floor-{episode}"}, "recursion_limit": 8 * steps}
            t0 = time.perf_counter()
            app.invoke({"t": 0, "history": []}, config)
            times.append((time.perf_counter() - t0) / steps)
    finally:
        conn.close()
    return times


@dataclass
class Repeat:
    """One repeat's medians (seconds), its ratio and its floor ratio."""

    raw: float
    engram: float
    adapter: float
    floor: float

    @property
    def ratio(self) -> float:
        return self.engram / self.raw

    @property
    def floor_ratio(self) -> float:
        return (self.adapter + self.floor) / self.raw


def measure(games: list[Path], repeats: int, max_steps: int, tmp: Path) -> tuple[list[Repeat], list[float], int]:
    """``repeats`` interleaved measurements of both sides on the same games and actions; also the
    resets' times and the steps per repeat. The warm-up run gives the actions the raw side replays
    (every run plays the same ones: the planner is deterministic without memory)."""
    warm = engram_run(games, tmp / "warm-up", max_steps)
    raw_step_times(warm, adapter=False)
    out, resets = [], []
    for i in range(repeats):
        # Alternate the order, so that a side is not always the one measured after the other.
        sides = ("raw", "engram") if i % 2 == 0 else ("engram", "raw")
        medians: dict[str, float] = {}
        for side in sides:
            if side == "engram":
                medians["engram"] = statistics.median(engram_step_times(engram_run(games, tmp / f"run{i}", max_steps)))
            else:
                raw, reset = raw_step_times(warm, adapter=False)
                medians["raw"] = statistics.median(raw)
                resets += reset
        adapted, _ = raw_step_times(warm, adapter=True)
        floor = statistics.median(graph_floor_times(tmp, name=f"floor{i}"))
        out.append(Repeat(medians["raw"], medians["engram"], statistics.median(adapted), floor))
    return out, resets, len(engram_step_times(warm))


def main(argv: list[str] | None = None) -> float:
    """Print the figures; return the overhead ratio (the median of the per-repeat ratios)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=Path, default=None, help="games (default: the bundled stream)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N games")
    parser.add_argument("--repeats", type=int, default=5, help="interleaved measurements of both sides")
    parser.add_argument("--max-steps", type=int, default=60, help="step budget per episode (the run's default)")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    games = find_games(args.games or default_games())[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        repeats, resets, steps = measure(games, args.repeats, args.max_steps, Path(tmp))
    ratios = [r.ratio for r in repeats]
    ratio = statistics.median(ratios)
    raw_ms = statistics.median(r.raw for r in repeats) * 1000
    full_ms = statistics.median(r.engram for r in repeats) * 1000
    adapter_ms = statistics.median(r.adapter for r in repeats) * 1000
    print(f"games={len(games)} steps={steps} repeats={len(repeats)}")
    print(f"env reset:                   median {statistics.median(resets) * 1000:.1f} ms")
    print(f"raw engine step (textworld): median {raw_ms:.2f} ms")
    print(f"adapter env.step (+ facts):  median {adapter_ms:.2f} ms")
    print(f"full engram step:            median {full_ms:.2f} ms")
    floor_ms = statistics.median(r.floor for r in repeats) * 1000
    floor_ratio = statistics.median(r.floor_ratio for r in repeats)
    print(f"graph floor (empty nodes):   median {floor_ms:.2f} ms")
    print("per-repeat raw/engram ms:    " + " ".join(f"{r.raw * 1000:.1f}/{r.engram * 1000:.1f}" for r in repeats))
    print("per-repeat engram/raw:       " + " ".join(f"{r:.3f}" for r in ratios))
    print("per-repeat floor ratio:      " + " ".join(f"{r.floor_ratio:.3f}" for r in repeats))
    print(f"bench_step: raw_median_ms={raw_ms:.2f} engram_median_ms={full_ms:.2f} overhead_ratio={ratio:.3f} "
          f"floor_ms={floor_ms:.2f} floor_ratio={floor_ratio:.3f} repeats={len(repeats)}")  # fmt: skip
    return ratio


if __name__ == "__main__":
    main()
