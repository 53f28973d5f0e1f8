"""Recall latency of each memory module at 1k, 10k and 100k stored items (synthetic items).

    python -m engram.experiments.bench_memory [--sizes 1000,10000,100000] [--queries 2000] [--modules all]

What an "item" is per module, each filled through the module's own data structures:
* scene: one remembered object in one house of 60 receptacles, of one of 200 object types, put
  there through ``observe`` (so the indexes are exercised as in real runs);
* working: one observed step of the current episode (subgoal every 5 steps); the module is bounded,
  so this shows the render-and-count cost stays flat;
* skills: half tips (200 object types x receptacle kinds), half shortcuts, inserted directly;
* episodic: one stored episode in the queried house's collection, with a synthetic unit-length
  384-d embedding (embedding 100k texts with MiniLM would only measure MiniLM). Queries are real:
  the goal text goes through the registered MiniLM embedding function; the per-episode recall
  cache is bypassed (each query is a new episode). Query-text embeddings repeat (200 texts) and are
  cached, as goals repeat in real streams; ``embed_ms`` reports an uncached embedding separately.

Each query is the planner's real query: a goal naming a random object type, scoped to the house.
Line per module and size: ``bench_memory: module=M items=N p50_ms=A p99_ms=B fill_s=C``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from engram.agents.runner import make_memory
from engram.envs.core import Fact, Goal, Observation
from engram.envs.household.domain import HOUSEHOLD
from engram.memory.base import MemoryModule, MemoryStep, RecallQuery

RECEPTACLES = [f"shelf {i}" for i in range(1, 61)]
TYPES = [f"thing{i}" for i in range(200)]
WORLD = "h0"  # the one house every item is put in and every query is scoped to


def fill(module: MemoryModule, items: int, rng: random.Random) -> float:
    start = time.perf_counter()
    per_type: dict[str, int] = {}
    batch: list[Fact] = []
    for i in range(items):
        otype = rng.choice(TYPES)
        per_type[otype] = per_type.get(otype, 0) + 1
        obj = f"{otype} {per_type[otype]}"
        batch += [Fact(obj, "type", otype), Fact(obj, "category", "object"), Fact(obj, "on", rng.choice(RECEPTACLES))]
        if len(batch) >= 300 or i == items - 1:
            module.observe(MemoryStep(f"e{i // 1000}", WORLD, i % 1000, Goal(""), action=None, text="",
                                      facts=tuple(batch)))  # fmt: skip
            batch = []
    return time.perf_counter() - start


def fill_working(module: Any, items: int, rng: random.Random) -> float:
    start = time.perf_counter()
    for t in range(items):
        module.observe(MemoryStep("e0", WORLD, t, Goal("put a thing1 in shelf"),
                                  action=f"go to {rng.choice(RECEPTACLES)}", subgoal=f"find thing{t // 5}",
                                  text="You arrive at shelf 3. On the shelf 3, you see a thing4 2."))  # fmt: skip
    return time.perf_counter() - start


def fill_skills(module: Any, items: int, rng: random.Random) -> float:
    from engram.memory.skills import Shortcut, Tip

    start = time.perf_counter()
    kinds = [f"kind{i}" for i in range(max(1, items // 2 // len(TYPES)))]
    for otype in TYPES:
        for kind in kinds:
            module.tips[(otype, kind)] = Tip(otype, kind, support=rng.randint(1, 9))
    for i in range(items - len(module.tips)):
        steps = (f"go to {{kind{i % 50}}}", f"verb{i} {{obj}} with {{kind{i % 50}}}")
        module.shortcuts[steps] = Shortcut(f"verb{i} {{obj}} with {{kind{i % 50}}}", steps, ("", "holding {obj}"))
    module._reindex()
    return time.perf_counter() - start


def fill_episodic(module: Any, items: int, rng: random.Random) -> float:
    import numpy as np

    start = time.perf_counter()
    col = module.collection(WORLD)
    vectors = np.random.default_rng(items).normal(size=(items, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for lo in range(0, items, 5000):
        hi = min(items, lo + 5000)
        col.upsert(
            ids=[f"r/e{i}" for i in range(lo, hi)],
            embeddings=vectors[lo:hi],
            documents=[f"put a {TYPES[i % len(TYPES)]} in shelf" for i in range(lo, hi)],
            metadatas=[
                {
                    "house": WORLD,
                    "success": True,
                    "steps": 5,
                    "summary": "take x from y",
                    "found": "[]",
                    "decisions": "[]",
                }
                for _ in range(lo, hi)
            ],
        )
    return time.perf_counter() - start


FILLERS: dict[str, Callable[[Any, int, random.Random], float]] = {
    "scene": fill, "working": fill_working, "skills": fill_skills, "episodic": fill_episodic,
}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--modules", default="all", help=f"comma list of {', '.join(FILLERS)}; all: every one")
    args = parser.parse_args(argv)
    # "all" is every module this benchmark can fill with items; the experience bank and utility hold
    # episodes' traces and outcomes, which only real episodes make (``bench_gnn`` times the bank).
    names = tuple(FILLERS) if args.modules == "all" else tuple(args.modules.split(","))
    unknown = sorted(set(names) - set(FILLERS))
    if unknown:
        parser.error(f"no filler for {', '.join(unknown)}: choose from {', '.join(FILLERS)}")
    for name in names:
        for items in (int(s) for s in args.sizes.split(",")):
            rng = random.Random(items)
            (module,) = make_memory([name], HOUSEHOLD)
            fill_s = FILLERS[name](module, items, rng)
            asked = [rng.choice(TYPES) for _ in range(args.queries)]  # the queries' object types, drawn up front
            if name == "episodic":  # warm the query-embedding cache: the search is what is timed
                from engram.memory.episodic import embed

                for otype in dict.fromkeys(asked):  # only the texts asked (200 at most): a small run stays small
                    embed([f"put a {otype} in shelf"])
            latencies = []
            for q_i, otype in enumerate(asked):
                # working memory answers for its running episode; episodic caches per episode, so
                # each query is a new one there
                episode = "e0" if name == "working" else f"q{q_i}"
                goal = Goal(f"put a {otype} in shelf", targets=(otype,), slots={"object": otype})
                query = RecallQuery(episode, WORLD, goal, Observation(""), t=0)
                t0 = time.perf_counter()
                module.recall(query)
                latencies.append(time.perf_counter() - t0)
            q = statistics.quantiles(latencies, n=100)
            extra = ""
            if name == "episodic":
                from engram.memory.minilm import model

                t0 = time.perf_counter()
                model().encode(["put a never seen thing in a new place"])
                extra = f" embed_ms={(time.perf_counter() - t0) * 1000:.1f}"
            print(f"bench_memory: module={name} items={items} p50_ms={statistics.median(latencies) * 1000:.3f} "
                  f"p99_ms={q[98] * 1000:.3f} fill_s={fill_s:.1f}{extra}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
