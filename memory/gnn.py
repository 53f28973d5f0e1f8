"""The state encoder: a PyG graph network over state graphs -> a fixed-size, unit-length embedding.

Architecture: a linear input layer, two message-passing layers with edge types (``GATv2Conv`` by
default, ``GINEConv`` as the alternative; ``experiments/bench_gnn.py`` measures both), residual
connections, then mean- and max-pooling over the graph concatenated with the goal node's state,
projected and L2-normalised. The goal node is node 0 of every graph, so in a batch it sits at
``ptr[:-1]``.

Training objective (``train``): states from the agent's own successful traces, labelled in
hindsight with what happened next: the next command's verb, and the verb and receptacle kind of
the next *useful* interaction (where the sought object was taken, the lamp used, the object
heated, put down). A supervised-contrastive loss pulls together states with the same labels and
pushes apart the rest, and two small classification heads keep each label linearly readable from
the embedding. That is "similar situation, similar useful next step": exactly what retrieval needs,
with no label that a person wrote. Deterministic for a seed on CPU.

Checkpoints are plain ``state_dict`` bytes plus a JSON config; they are loaded with
``weights_only=True`` (no pickled code).
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import asdict, dataclass, field

import torch
from torch import nn
from torch_geometric.data import Batch, Data
from torch_geometric.nn import GATv2Conv, GINEConv, global_max_pool, global_mean_pool

from engram.memory.traces import EncoderConfigJSON


@dataclass
class EncoderConfig:
    conv: str = "gatv2"  # or "gin"
    #: the domain's state-graph feature sizes (node features, edge types): the encoder's input
    node_dim: int = 0
    edge_dim: int = 0
    hidden: int = 64
    out: int = 64
    layers: int = 2
    seed: int = 0


class StateEncoder(nn.Module):
    """State graph batch -> ``[graphs, out]`` unit vectors."""

    def __init__(self, config: EncoderConfig) -> None:
        super().__init__()
        self.config = config
        h = config.hidden
        if config.node_dim <= 0 or config.edge_dim <= 0:
            raise ValueError("an encoder needs the domain's node_dim and edge_dim")
        self.inp = nn.Linear(config.node_dim, h)
        self.convs = nn.ModuleList()
        for _ in range(config.layers):
            if config.conv == "gatv2":
                self.convs.append(GATv2Conv(h, h, heads=2, concat=False, edge_dim=config.edge_dim))
            elif config.conv == "gin":
                mlp = nn.Sequential(nn.Linear(h, h), nn.ReLU(), nn.Linear(h, h))
                self.convs.append(GINEConv(mlp, edge_dim=config.edge_dim))
            else:
                raise ValueError(f"unknown conv {config.conv!r}; choose gatv2 or gin")
        self.norm = nn.LayerNorm(3 * h)
        self.out = nn.Linear(3 * h, config.out)

    def forward(self, batch: Batch) -> torch.Tensor:
        h = torch.relu(self.inp(batch.x))
        for conv in self.convs:
            h = torch.relu(conv(h, batch.edge_index, batch.edge_attr)) + h
        goal = h[batch.ptr[:-1]]
        pooled = torch.cat([global_mean_pool(h, batch.batch), global_max_pool(h, batch.batch), goal], dim=1)
        return nn.functional.normalize(self.out(self.norm(pooled)), dim=1)


def new_encoder(config: EncoderConfig) -> StateEncoder:
    """A freshly initialised encoder, the same for the same seed (version 0 of every bank)."""
    torch.manual_seed(config.seed)
    return StateEncoder(config).eval()


@torch.no_grad()
def encode(encoder: StateEncoder, graphs: list[Data], batch_size: int = 512) -> torch.Tensor:
    """Embeddings of ``graphs`` in batches (``Batch.from_data_list``), in order."""
    encoder.eval()
    threads = torch.get_num_threads()
    if len(graphs) < 64:
        # One state per planning step: a second thread costs more than it saves (3 ms vs 1 ms).
        torch.set_num_threads(1)
    try:
        out = [encoder(Batch.from_data_list(graphs[i : i + batch_size])) for i in range(0, len(graphs), batch_size)]
    finally:
        torch.set_num_threads(threads)
    return torch.cat(out) if out else torch.zeros((0, encoder.config.out))


def to_bytes(encoder: StateEncoder) -> bytes:
    buf = io.BytesIO()
    torch.save(encoder.state_dict(), buf)
    return buf.getvalue()


def from_bytes(config: EncoderConfigJSON, blob: bytes) -> StateEncoder:
    encoder = StateEncoder(EncoderConfig(**config))
    encoder.load_state_dict(torch.load(io.BytesIO(blob), weights_only=True))
    return encoder.eval()


@dataclass
class TrainReport:
    states: int
    epochs: int
    seconds: float
    losses: list[float] = field(default_factory=list)
    accuracy: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self))


def _supcon(z: torch.Tensor, labels: torch.Tensor, temperature: float) -> torch.Tensor:
    """Supervised contrastive loss (Khosla et al.): same label = positive pair."""
    sim = z @ z.T / temperature
    eye = torch.eye(len(z), dtype=torch.bool)
    sim = sim.masked_fill(eye, -1e9)
    positive = (labels[:, None] == labels[None, :]) & ~eye
    log_prob = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    count = positive.sum(1)
    has = count > 0
    if not bool(has.any()):
        return z.sum() * 0.0
    return -((log_prob * positive).sum(1)[has] / count[has]).mean()


def train(
    graphs: list[Data],
    labels: dict[str, list[int]],
    config: EncoderConfig,
    *,
    multilabel: tuple[torch.Tensor, torch.Tensor] | None = None,
    epochs: int = 30,
    batch_size: int = 256,
    lr: float = 3e-3,
    temperature: float = 0.1,
) -> tuple[StateEncoder, TrainReport]:
    """Train an encoder on hindsight-labelled states. ``labels`` maps a label name to one class id
    per graph; ``"joint"`` (the grouping of "the same situation") drives the contrastive loss, every
    other label gets a classification head. ``multilabel`` is ``(targets, mask)``, both
    ``[graphs, classes]``: a head of independent yes/no outcomes, trained only where ``mask`` is 1
    (the outcomes a trace actually showed). Heads shape the embedding and are then discarded."""
    start = time.perf_counter()
    encoder = new_encoder(config).train()
    heads = nn.ModuleDict(
        {name: nn.Linear(config.out, max(ys) + 1) for name, ys in labels.items() if name != "joint" and ys}
    )
    multi = nn.Linear(config.out, multilabel[0].shape[1]) if multilabel is not None else None
    params = [*encoder.parameters(), *heads.parameters(), *(multi.parameters() if multi is not None else [])]
    opt = torch.optim.Adam(params, lr=lr, weight_decay=1e-5)
    ys = {name: torch.tensor(v, dtype=torch.long) for name, v in labels.items()}
    gen = torch.Generator().manual_seed(config.seed)
    report = TrainReport(states=len(graphs), epochs=epochs, seconds=0.0)
    for _ in range(epochs):
        order = torch.randperm(len(graphs), generator=gen)
        total, batches = 0.0, 0
        for i in range(0, len(graphs), batch_size):
            idx = order[i : i + batch_size]
            if len(idx) < 2:
                continue
            z = encoder(Batch.from_data_list([graphs[j] for j in idx.tolist()]))
            loss = _supcon(z, ys["joint"][idx], temperature)
            for name, head in heads.items():
                loss = loss + nn.functional.cross_entropy(head(z), ys[name][idx])
            if multi is not None and multilabel is not None:
                target, mask = multilabel[0][idx], multilabel[1][idx]
                bce = nn.functional.binary_cross_entropy_with_logits(multi(z), target, reduction="none")
                loss = loss + (bce * mask).sum() / mask.sum().clamp(min=1.0)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
            batches += 1
        report.losses.append(round(total / max(1, batches), 4))
    encoder.eval()
    with torch.no_grad():
        z = encode(encoder, graphs)
        for name, head in heads.items():
            report.accuracy[name] = round(float((head(z).argmax(1) == ys[name]).float().mean()), 4)
        if multi is not None and multilabel is not None:
            target, mask = multilabel
            right = ((multi(z) > 0).float() == target).float() * mask
            report.accuracy["multilabel"] = round(float(right.sum() / mask.sum().clamp(min=1.0)), 4)
    report.seconds = round(time.perf_counter() - start, 2)
    return encoder, report
