"""Benchmark of the experience bank's graph side: building, encoding, training, retrieval.

    python -m engram.experiments.bench_gnn [--graphs 20000] [--batch 512] [--train-states 10000]
        [--stored 100000] [--queries 2000] [--bank OUT/bank.sqlite] [--convs gin,gatv2]

State graphs are made from household-shaped views over ALFWorld's own type vocabulary (20-40
receptacles, 5-60 objects, states, a goal of one of the six task types), or, with ``--bank``, taken
from a real bank's traces (repeated to the wanted count). Reports, on this machine:

* state-graph building (views -> ``Data``) per second;
* batched inference (``Batch.from_data_list`` + forward), graphs per second, for each conv;
* training time for ``--train-states`` states (the bank's objective, 30 epochs by default);
* retrieval latency (p50/p99) in a clustered index of ``--stored`` states, index search alone and
  with the query state's encoding.

The last line is ``graphs_per_s=N``: batched inference with the default conv (GIN).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from engram.envs.core import Goal

if TYPE_CHECKING:
    from torch_geometric.data import Data

    from engram.envs.domain import Domain, WorldModel
    from engram.envs.household.symbolic import WorldView


def synthetic_views(n: int, seed: int = 0) -> list[tuple[WorldView, Goal]]:
    """Household-shaped (view, goal) pairs over ALFWorld's receptacle and object types."""
    from engram.envs.household.state_graph import TASK_TYPES
    from engram.envs.household.symbolic import WorldView
    from engram.envs.household.world import affordances

    aff = affordances()
    rtypes = sorted(r.lower() for r in aff.can_contain)
    otypes = sorted(o.lower() for o in aff.pickupable)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        v = WorldView()
        for i in range(rng.randint(20, 40)):
            k = rng.choice(rtypes)
            v.receptacles[f"{k} {i + 1}"] = k
        recs = list(v.receptacles)
        for i in range(rng.randint(5, 60)):
            t = rng.choice(otypes)
            v.objects[f"{t} {i + 1}"] = t
            v.location[f"{t} {i + 1}"] = rng.choice(recs)
        v.at = rng.choice(recs)
        v.searched = set(rng.sample(recs, rng.randint(0, len(recs))))
        v.opened = {r: rng.random() < 0.5 for r in recs if r.split()[0] in ("fridge", "cabinet", "drawer")}
        task_type = rng.choice(TASK_TYPES)
        slots = {"object": rng.choice(otypes), "receptacle": rng.choice(rtypes), "toggle": "desklamp", "count": 1}
        out.append((v, Goal("", task_type, (), slots)))
    return out


def household() -> Domain:
    """ALFWorld's domain, as the ``Domain`` protocol that memory takes."""
    from engram.envs.household.domain import HOUSEHOLD

    return HOUSEHOLD


def bank_views(path: str, n: int) -> list[tuple[WorldView, Goal]]:
    from engram.envs.household.symbolic import WorldView
    from engram.memory.experience import ExperienceMemory

    domain = household()
    bank = ExperienceMemory(domain=domain)
    bank.load(Path(path))
    pairs = [(v, t.goal) for t in bank.traces for v in t.views(domain) if isinstance(v, WorldView)]
    return [pairs[i % len(pairs)] for i in range(n)]


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--train-states", type=int, default=10000)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--stored", type=int, default=100000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--bank", default=None, help="take states from this bank instead of synthetic ones")
    parser.add_argument("--convs", default="gin,gatv2")
    args = parser.parse_args(argv)

    from engram.memory.cluster_index import ClusterIndex
    from engram.memory.embed import shared_embedder
    from engram.memory.gnn import EncoderConfig, encode, new_encoder, train

    # The domain builds state graphs with the embedder memory passes it (the experience bank's own
    # MiniLM type table), so what is timed here is what the bank does per state.
    domain, embedder = household(), shared_embedder()

    def build(view: WorldModel, goal: Goal) -> Data:
        return domain.state_graph(view, goal, embedder)

    def config(conv: str) -> EncoderConfig:
        """The encoder the bank would make for this domain (its graphs' node and edge widths)."""
        return EncoderConfig(conv=conv, node_dim=domain.node_dim, edge_dim=domain.edge_dim)

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    views = bank_views(args.bank, args.graphs) if args.bank else synthetic_views(args.graphs)
    build(*views[0])  # warm the type-embedding cache (MiniLM) outside the timing
    for v, g in views:
        embedder.vectors([str(g.slots.get("object", "")), *v.receptacles.values(), *v.objects.values()])
    t0 = time.perf_counter()
    graphs = [build(v, g) for v, g in views]
    built = time.perf_counter() - t0
    nodes = statistics.fmean(g.num_nodes for g in graphs)
    print(f"build: {_rate(len(graphs), built):,.0f} state graphs/s ({nodes:.0f} nodes on average)", flush=True)

    rates: dict[str, float] = {}
    for conv in args.convs.split(","):
        enc = new_encoder(config(conv))
        encode(enc, graphs[: args.batch], args.batch)  # warm-up
        t0 = time.perf_counter()
        encode(enc, graphs, args.batch)
        rates[conv] = _rate(len(graphs), time.perf_counter() - t0)
        print(f"inference {conv}: {rates[conv]:,.0f} graphs/s (batches of {args.batch}, batching included)", flush=True)

    n = args.train_states
    train_graphs = [graphs[i % len(graphs)] for i in range(n)]
    rng = np.random.default_rng(0)
    labels = {"verb": rng.integers(0, 8, n).tolist(), "key": rng.integers(0, 20, n).tolist()}
    labels["joint"] = [a * 20 + b for a, b in zip(labels["verb"], labels["key"], strict=True)]
    _, rep = train(train_graphs, labels, config("gin"), epochs=args.epochs)
    print(f"training (gin): {n} states x {args.epochs} epochs in {rep.seconds:.1f} s", flush=True)

    enc = new_encoder(config("gin"))
    stored = encode(enc, [graphs[i % len(graphs)] for i in range(args.stored)], args.batch).numpy()
    stored = stored + np.random.default_rng(1).normal(0, 0.05, stored.shape).astype(np.float32)  # no exact repeats
    stored /= np.linalg.norm(stored, axis=1, keepdims=True)
    index = ClusterIndex(stored.shape[1])
    t0 = time.perf_counter()
    index.add(stored)
    index.n_clusters()
    print(f"index: {len(index)} states in {index.n_clusters()} clusters, built in {time.perf_counter() - t0:.1f} s")
    search, full = [], []
    for i in range(args.queries):
        v, g = views[(i * 7919) % len(views)]
        t0 = time.perf_counter()
        q = encode(enc, [build(v, g)]).numpy()[0]
        t1 = time.perf_counter()
        index.search(q, 16)
        t2 = time.perf_counter()
        search.append((t2 - t1) * 1000)
        full.append((t2 - t0) * 1000)

    def pct(xs: list[float], p: float) -> float:
        return float(np.percentile(xs, p))

    print(f"retrieval at {len(index)} states: search p50 {pct(search, 50):.2f} ms, p99 {pct(search, 99):.2f} ms; "
          f"with encoding the query p50 {pct(full, 50):.2f} ms, p99 {pct(full, 99):.2f} ms")  # fmt: skip
    print(f"graphs_per_s={rates.get('gin', max(rates.values())):.0f}")


if __name__ == "__main__":
    main()
