"""The clustered index: exact where it probes everything, and independent of arrival order in time."""

from __future__ import annotations

import numpy as np

from engram.memory.cluster_index import ClusterIndex


def _unit(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 16)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_search_is_exact_when_every_cluster_is_probed() -> None:
    v = _unit(3000, 0)
    index = ClusterIndex(16, n_probe=10_000)
    index.add(v)
    for q in _unit(20, 1):
        exact = np.argsort(-(v @ q))[:8].tolist()
        assert [i for i, _ in index.search(q, 8)] == exact
    assert index.n_clusters() == round(np.sqrt(2048))


def test_a_bank_grown_step_by_step_searches_like_one_loaded_at_once() -> None:
    v = _unit(2500, 2)
    grown = ClusterIndex(16)
    for i in range(0, len(v), 41):
        grown.add(v[i : i + 41])
        grown.search(v[0], 4)  # forces the interim clusterings a running bank goes through
    loaded = ClusterIndex(16)
    loaded.reset(v)
    for q in _unit(20, 3):
        assert grown.search(q, 8) == loaded.search(q, 8)
        assert grown.cluster_of(q) == loaded.cluster_of(q)
