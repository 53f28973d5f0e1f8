"""Clustered nearest-neighbour search over state embeddings (an inverted-file index).

States are clustered with scikit-learn's ``MiniBatchKMeans``; a query is compared with the
centroids, then only with the members of the ``n_probe`` nearest clusters. Members are stored
contiguously per cluster, so a probe is one matrix-vector product over a slice. The clustering is
rebuilt when the number of states reaches the next power of two; states added in between are
assigned to their nearest centroid, which keeps adding O(clusters) per state.

Why clusters and not a flat scan: at 100k states a flat scan is still a few milliseconds, but it
grows linearly with the bank; the clusters are also what the experience bank reports as "kinds of
situation" (a state's cluster id is in its recall).
"""

from __future__ import annotations

import math

import numpy as np


class ClusterIndex:
    def __init__(self, dim: int, n_probe: int = 8, seed: int = 0) -> None:
        self.dim, self.n_probe, self.seed = dim, n_probe, seed
        self.vectors = np.zeros((0, dim), dtype=np.float32)  # every state, in insertion order
        self.centroids = np.zeros((0, dim), dtype=np.float32)
        self.assign = np.zeros(0, dtype=np.int64)  # state -> cluster
        self._sq = np.zeros(0, dtype=np.float32)  # |centroid|^2
        self._built_at = 0
        self._members: list[np.ndarray] = []  # cluster -> state ids
        self._blocks: list[np.ndarray] = []  # cluster -> its members' vectors (contiguous)
        self._dirty = True

    def __len__(self) -> int:
        return len(self.vectors)

    def add(self, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        self.vectors = np.concatenate([self.vectors, vectors])
        if len(self.centroids):
            self.assign = np.concatenate([self.assign, self._nearest(vectors)])
        self._dirty = True

    def reset(self, vectors: np.ndarray) -> None:
        """Replace every vector (after the encoder changed) and recluster."""
        self.vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        self.centroids = np.zeros((0, self.dim), dtype=np.float32)
        self._built_at = 0
        self._dirty = True

    def _nearest(self, vectors: np.ndarray) -> np.ndarray:
        """Nearest centroid (Euclidean, as k-means assigns: for unit vectors, the largest
        ``v . c - |c|^2 / 2``)."""
        return np.argmax(vectors @ self.centroids.T - 0.5 * self._sq, axis=-1)

    def _build(self) -> None:
        """Cluster the first ``2^k`` vectors (the largest power of two, at least 64, not above the
        count) and assign the rest to their nearest centroid. The clustering is thereby a function of
        the vectors alone, not of when they arrived: a bank loaded in a new process searches exactly
        as the process that saved it did."""
        n = len(self.vectors)
        fit = 1 << max(6, n.bit_length() - 1) if n >= 64 else n
        if fit != self._built_at:
            k = max(1, round(math.sqrt(fit)))
            if n < 64:
                self.centroids = self.vectors.mean(0, keepdims=True) if n else self.centroids
            else:
                from sklearn.cluster import MiniBatchKMeans

                km = MiniBatchKMeans(n_clusters=k, random_state=self.seed, n_init=3, batch_size=4096)
                km.fit(self.vectors[:fit])
                self.centroids = km.cluster_centers_.astype(np.float32)
            self._sq = (self.centroids**2).sum(1)
            self.assign = self._nearest(self.vectors).astype(np.int64)
            self._built_at = fit
        order = np.argsort(self.assign, kind="stable")
        bounds = np.searchsorted(self.assign[order], np.arange(len(self.centroids) + 1))
        self._members = [order[bounds[c] : bounds[c + 1]] for c in range(len(self.centroids))]
        self._blocks = [self.vectors[m] for m in self._members]
        self._dirty = False

    def n_clusters(self) -> int:
        if self._dirty and len(self.vectors):
            self._build()
        return len(self.centroids)

    def members(self) -> list[np.ndarray]:
        """Per cluster, the ids of its states (what a viewer lists)."""
        if self._dirty and len(self.vectors):
            self._build()
        return list(self._members)

    def cluster_of(self, vector: np.ndarray) -> int:
        if self._dirty:
            self._build()
        return int(self._nearest(vector)) if len(self.centroids) else -1

    def search(self, vector: np.ndarray, k: int = 16) -> list[tuple[int, float]]:
        """The ``k`` most similar stored states (cosine on unit vectors): ``(state id, similarity)``."""
        if not len(self.vectors):
            return []
        if self._dirty:
            self._build()
        vector = np.asarray(vector, dtype=np.float32)
        near = np.argsort(-(self.centroids @ vector - 0.5 * self._sq))[: self.n_probe]
        ids = np.concatenate([self._members[c] for c in near])
        sims = np.concatenate([self._blocks[c] @ vector for c in near])
        top = np.argsort(-sims)[:k] if len(sims) > k else np.argsort(-sims)
        return [(int(ids[i]), float(sims[i])) for i in top]
