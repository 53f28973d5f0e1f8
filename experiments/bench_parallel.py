"""Throughput of the Ray backend against a serial run, side by side in one invocation.

Two parts (issue 15's figures):

* ``offline``: the offline planner, memory all, on ``--games`` generated ALFWorld games (each its
  own house, so every game is a lane), serial vs ``--workers`` (2 on this 2-core machine);
* ``llm``: the LLM planner against the scripted server answering after ``--delay`` seconds, on a
  BabyAI level (cheap to step, so the model's latency dominates), serial vs ``--workers`` (16).
  The scripted model picks an admissible command by a hash of the prompt, so both runs ask alike.

Each side starts with its own empty engine cache (``$ENGRAM_CACHE``: FastDownward's translations,
``engram.envs.tw_speedup``), so neither side plays on translations the other made.

Each side is timed twice: the whole call (``run_games`` / ``run_parallel``, Ray's start and the
workers' imports included) and the steady part (first episode start to last episode end, read
from the episode records). Worker memory is the peak RSS each worker reported.

    python -m engram.experiments.bench_parallel --part offline --games 20 --workers 2
    python -m engram.experiments.bench_parallel --part llm --episodes 64 --workers 16 --delay 1

Final line: ``bench_parallel: part=P serial_s=A parallel_s=B speedup=A/B steady_speedup=...``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypedDict

from engram.agents.parallel import run_parallel
from engram.agents.planners.llm import LLMConfig
from engram.agents.records import RunSummary
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.tools.llm_server import Reply, Script, ScriptedLLMServer, prompt_admissible


class Side(TypedDict):
    """One side's figures (printed as a ``bench_parallel:`` line of JSON)."""

    side: str
    wall_s: float  # the whole call
    steady_s: float  # first episode's start to the last one's end
    episodes: int
    success: float
    worker_peak_rss_mb: float | None  # the median of the workers' peaks (None: a serial run)


def steady_seconds(run_dir: Path) -> float:
    """First episode's start to the last one's end, from the records (no start-up in it)."""
    run = RunDir(run_dir)
    starts, ends = [], []
    for episode_id in run.episode_ids():
        steps = run.steps(episode_id)
        if steps:
            starts.append(min(s.timings["started_at"] for s in steps))
            ends.append(max(s.timings["started_at"] + s.timings["step_s"] for s in steps))
    return max(ends) - min(starts) if starts else 0.0


def chooser(delay: float) -> Script:
    def script(request: dict[str, Any]) -> Reply:  # the chat request's JSON, as received: open
        admissible = prompt_admissible(request) or ["done"]
        digest = int(hashlib.sha1(json.dumps(request.get("messages"), sort_keys=True).encode()).hexdigest(), 16)
        return Reply(content=json.dumps({"action": admissible[digest % len(admissible)]}), delay=delay)

    return script


def measure(name: str, call: Callable[[], RunSummary], run_dir: Path) -> Side:
    os.environ["ENGRAM_CACHE"] = str(run_dir.parent / f"cache-{name}")  # a cold engine cache per side
    t0 = time.perf_counter()
    summary = call()
    wall = time.perf_counter() - t0
    manifest = RunDir(run_dir).manifest()
    peaks = (manifest.get("backend") or {}).get("peak_rss_mb") or {}
    out = Side(side=name, wall_s=round(wall, 1), steady_s=round(steady_seconds(run_dir), 1),
               episodes=summary.episodes_total, success=summary.success_rate,
               worker_peak_rss_mb=statistics.median(peaks.values()) if peaks else None)  # fmt: skip
    print(f"bench_parallel: {json.dumps(out)}", flush=True)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("offline", "llm"), required=True)
    parser.add_argument("--games", type=int, default=20, help="offline: generated games")
    parser.add_argument("--episodes", type=int, default=64, help="llm: BabyAI episodes")
    parser.add_argument("--workers", type=int, default=None, help="default: 2 (offline), 16 (llm)")
    parser.add_argument("--delay", type=float, default=1.0, help="llm: seconds the scripted model takes")
    parser.add_argument("--max-steps", type=int, default=None, help="default: 60 (offline), 8 (llm)")
    parser.add_argument("--level", default="GoToObj")
    parser.add_argument("--memory", default=None, help="default: all (offline), none (llm)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-parallel-"))
    workers = args.workers or (2 if args.part == "offline" else 16)
    if args.part == "offline":
        from engram.envs.alfworld import find_games
        from engram.envs.household.generator import Generator

        games_dir = out / "games"
        if not games_dir.exists():
            Generator(games_dir, 0).run(args.games, 1)
        games = tuple(map(str, find_games(games_dir)[: args.games]))
        spec = RunSpec(games, str(out / "serial"), memory=args.memory or "all", max_steps=args.max_steps or 60,
                       games_source=str(games_dir))  # fmt: skip
        serial = measure("serial", lambda: run_games(spec), out / "serial")
        ray = replace(spec, run_dir=str(out / "ray"), backend="ray", workers=workers)
        parallel = measure("ray", lambda: run_parallel(ray), out / "ray")
    else:
        with ScriptedLLMServer(chooser(args.delay)) as server:
            llm = LLMConfig(model="scripted-model", base_url=server.url, api_key_env="ENGRAM_NO_KEY", reflect=False)
            env_id = f"engram/BabyAI-{args.level}-v0"
            spec = RunSpec(("",) * args.episodes, str(out / "serial"), memory=args.memory or "none",
                           max_steps=args.max_steps or 8, planner="llm", llm=llm, env_id=env_id)  # fmt: skip
            serial = measure("serial", lambda: run_games(spec), out / "serial")
            ray = replace(spec, run_dir=str(out / "ray"), backend="ray", workers=workers)
            parallel = measure("ray", lambda: run_parallel(ray), out / "ray")
    speed = serial["wall_s"] / parallel["wall_s"]
    steady = serial["steady_s"] / parallel["steady_s"] if parallel["steady_s"] else 0.0
    print(f"bench_parallel: part={args.part} workers={workers} serial_s={serial['wall_s']} "
          f"parallel_s={parallel['wall_s']} speedup={speed:.2f} steady_speedup={steady:.2f} "
          f"worker_peak_rss_mb={parallel['worker_peak_rss_mb']} out={out}")  # fmt: skip


if __name__ == "__main__":
    main()
