"""Type names as vectors: the MiniLM embedding of an entity type's name, cached per process.

Why type-name embeddings rather than ids: worlds the agent has never seen bring types it has never
seen ("butterknife" after "knife"); a text embedding places them near what it knows, an id would
not. Domains' state-graph builders take the embedder as an argument.
"""

from __future__ import annotations

from functools import cache

import numpy as np

TEXT_DIM = 384  # all-MiniLM-L6-v2


class TypeEmbedder:
    """Type name -> MiniLM vector, computed once per name per process (a world repeats its types
    at every step, so a state graph costs dictionary look-ups, not transformer passes)."""

    def __init__(self) -> None:
        self.table: dict[str, np.ndarray] = {}

    def vectors(self, names: list[str]) -> np.ndarray:
        missing = sorted({n for n in names if n not in self.table})
        if missing:
            from engram.memory.minilm import model

            for name, vec in zip(missing, model().encode(missing), strict=True):
                self.table[name] = np.asarray(vec, dtype=np.float32)
        if not names:
            return np.zeros((0, TEXT_DIM), dtype=np.float32)
        return np.stack([self.table[n] for n in names])


@cache
def shared_embedder() -> TypeEmbedder:
    return TypeEmbedder()
