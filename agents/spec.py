"""What a run is made from: :class:`RunSpec`, and the manifest it is written into.

A spec is built once (by ``engram run`` or by Python), serialised into ``manifest.json`` (``config``),
compared as a whole on resume (:meth:`RunSpec.identity`) and handed as it is to the serial and the
Ray backends. Like the records a run leaves (:mod:`engram.agents.records`) it carries a ``schema``
version and reads every version engram has written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

from engram.agents.records import ENV_ID, MEMORY_FOLDER, SCHEMA_VERSION

if TYPE_CHECKING:
    from engram.agents.parallel import WorkerInfo
    from engram.agents.planners.llm import LLMConfig, LLMConfigJSON

#: what a run is: the spec fields a resumed run must share with the one it resumes
IdentityKey = Literal["env_id", "games", "planner", "model", "max_steps", "seed", "memory", "offset"]
IDENTITY: tuple[IdentityKey, ...] = get_args(IdentityKey)
BACKENDS = ("serial", "ray")


class Identity(TypedDict):
    """:meth:`RunSpec.identity`: what a run is (:data:`IDENTITY`)."""

    env_id: str
    games: list[str]
    planner: str
    model: str | None
    max_steps: int
    seed: int
    memory: str  # the module names, comma-separated ("none": no memory)
    offset: int


class RunConfigJSON(Identity):
    """:meth:`RunSpec.to_json`: the manifest's ``config``."""

    games_source: str
    llm: LLMConfigJSON | None
    step_delay: float
    episode_timeout: float | None
    schema: int


class BackendJSON(TypedDict, total=False):
    """The manifest's ``backend``: what played the run last (:meth:`RunSpec.backend_json`); a
    parallel run adds, once it is over, where its time and its workers' memory went."""

    name: str  # serial | ray
    workers: int
    address: str  # a Ray cluster's, or "local"
    worker_info: list[WorkerInfo]
    seconds: dict[str, float]  # start (Ray and the chroma server), episodes
    peak_rss_mb: dict[str, float]  # per worker
    driver_rss_mb: float


class Manifest(TypedDict, total=False):
    """``manifest.json`` (:func:`~engram.agents.runner.prepare_run`). Read back, only ``config`` is
    checked to be there (an object): a reader takes every other key with ``get``."""

    run_id: str
    config: RunConfigJSON
    memory_dir: str
    memory_started_empty: bool
    seeds: list[int]
    backend: BackendJSON
    versions: dict[str, str]


@dataclass(frozen=True)
class RunSpec:
    """Everything a run is made from: built once (by ``engram run``, or in Python), written into the
    run's ``manifest.json`` (``config``), compared as a whole when a run directory is re-used, and
    handed as it is to the serial backend and to every Ray worker.

    ``games``: one entry per episode, a game file, or ``""`` for an env that makes its own task from
    the seed (episode *k* of the run plays seed + offset + *k*). ``memory``: ``none``, ``all`` or a
    comma list of modules; ``memory_dir``: where memory is kept (None: the run's own ``memory/``).
    ``backend`` ``ray`` plays on ``workers`` Ray workers (``ray_address``: a cluster; ``chroma_url``:
    an episodic index server to share, else one is started), ``episode_timeout`` seconds each.
    ``step_delay`` slows every step (for watching a live run) and is not part of what the run is.
    """

    games: tuple[str, ...]
    run_dir: str
    env_id: str = ENV_ID
    planner: str = "offline"
    memory: str = "all"
    memory_dir: str | None = None
    max_steps: int = 60
    seed: int = 0
    offset: int = 0
    games_source: str = ""
    llm: LLMConfig | None = None
    step_delay: float = 0.0
    backend: str = "serial"
    workers: int = 1
    ray_address: str | None = None
    episode_timeout: float | None = None
    chroma_url: str | None = None

    def __post_init__(self) -> None:
        # Paths and lists are accepted (a caller's convenience); the spec holds strings, so that it
        # compares, hashes and serialises the same whoever built it. "" stays "" (Path("") is ".").
        object.__setattr__(self, "games", tuple(str(g) for g in self.games))
        object.__setattr__(self, "run_dir", str(self.run_dir))
        if self.memory_dir is not None:
            object.__setattr__(self, "memory_dir", str(self.memory_dir))
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown backend {self.backend!r}; choose {', '.join(BACKENDS)}")
        if self.workers < 1:
            raise ValueError("--workers must be at least 1")
        if self.max_steps < 1:
            raise ValueError("max_steps must be at least 1")

    @property
    def model(self) -> str | None:
        return self.llm.model if self.planner == "llm" and self.llm else None

    @property
    def path(self) -> Path:
        return Path(self.run_dir)

    @property
    def memory_path(self) -> Path:
        """Where the run's memory lives: ``memory_dir``, else the run directory's own ``memory/``."""
        return Path(self.memory_dir) if self.memory_dir else self.path / MEMORY_FOLDER

    def identity(self, memory_names: Sequence[str]) -> Identity:
        """What the run is (:data:`IDENTITY`), ``memory`` as the module names it resolves to."""
        return {"env_id": self.env_id, "games": list(self.games), "planner": self.planner, "model": self.model,
                "max_steps": self.max_steps, "seed": self.seed, "memory": ",".join(memory_names) or "none",
                "offset": self.offset}  # fmt: skip

    def backend_json(self) -> BackendJSON:
        """The manifest's ``backend`` (what made the run last; a resumed run may use another)."""
        if self.backend == "serial":
            return {"name": "serial", "workers": 1}
        return {"name": "ray", "workers": self.workers, "address": self.ray_address or "local"}

    def to_json(self, memory_names: Sequence[str]) -> RunConfigJSON:
        """The manifest's ``config``: the identity, and what else the run was made with."""
        return {**self.identity(memory_names), "games_source": self.games_source,
                "llm": self.llm.public() if self.planner == "llm" and self.llm else None,
                "step_delay": self.step_delay, "episode_timeout": self.episode_timeout,
                "schema": SCHEMA_VERSION}  # fmt: skip

    @classmethod
    def from_json(cls, config: Mapping[str, Any], run_dir: str | Path, **overrides: Any) -> RunSpec:
        """The spec a manifest's ``config`` was written from (any version: before ``schema`` the
        config lacked ``env_id`` and ``offset`` in the oldest runs, which meant ALFWorld and 0);
        ``overrides`` replace fields (a re-run elsewhere, a response cache to answer from)."""
        llm = None
        if config.get("llm"):
            from engram.agents.planners.llm import LLMConfig

            llm = LLMConfig(**config["llm"])
        spec = cls(
            games=tuple(str(g) for g in config["games"]),
            run_dir=str(run_dir),
            env_id=config.get("env_id") or ENV_ID,
            planner=config.get("planner", "offline"),
            memory=config.get("memory", "none"),
            max_steps=int(config.get("max_steps", 60)),
            seed=int(config.get("seed", 0)),
            offset=int(config.get("offset", 0)),
            games_source=config.get("games_source", ""),
            llm=llm,
            step_delay=float(config.get("step_delay") or 0.0),
            episode_timeout=config.get("episode_timeout"),
        )
        return replace(spec, **overrides) if overrides else spec
