"""Recall latency of each memory module at 1k, 10k and 100k stored items (synthetic items).

    python -m engram.experiments.bench_memory [--sizes 1000,10000,100000] [--queries 2000]

An item is one remembered object in one house of 60 receptacles, of one of 200 object types, put
there through the module's normal ``observe`` path (so indexes are exercised as in real runs). Each
query is the planner's real query: a goal naming a random object type, scoped to the house.
Final line per module: ``bench_memory: module=scene items=N p50_ms=A p99_ms=B``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from engram.agents.runner import MEMORY_MODULES, make_memory
from engram.envs.core import Fact
from engram.memory.base import MemoryModule

RECEPTACLES = [f"shelf {i}" for i in range(1, 61)]
TYPES = [f"thing{i}" for i in range(200)]


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
            module.observe({"episode_id": f"e{i // 1000}", "house_id": "h0", "t": i % 1000,
                            "facts": [f.to_json() for f in batch]})  # fmt: skip
            batch = []
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    for name in MEMORY_MODULES:
        for items in (int(s) for s in args.sizes.split(",")):
            rng = random.Random(items)
            (module,) = make_memory([name])
            fill_s = fill(module, items, rng)
            latencies = []
            for _ in range(args.queries):
                query = {"goal": {"object": rng.choice(TYPES)}, "house_id": "h0", "t": 0}
                t0 = time.perf_counter()
                module.recall(query)
                latencies.append(time.perf_counter() - t0)
            q = statistics.quantiles(latencies, n=100)
            print(f"bench_memory: module={name} items={items} p50_ms={statistics.median(latencies) * 1000:.3f} "
                  f"p99_ms={q[98] * 1000:.3f} fill_s={fill_s:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
