"""Running a list of games into a run directory, resumably.

A run directory is tied to its configuration: re-running the same command on the same directory
resumes it (finished episodes are kept, an interrupted one continues from its checkpoint); a
different configuration on an existing run directory is refused rather than mixed in.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

from engram.agents.checkpoints import checkpointer
from engram.agents.controller import Controller
from engram.agents.planners.base import Planner
from engram.agents.planners.llm import LLMConfig
from engram.envs.registry import domain_of, make, planner_class
from engram.memory.base import MemoryModule
from engram.memory.registry import BUILTIN
from engram.memory.registry import make as make_module
from engram.memory.registry import names as memory_names
from engram.memory.shared import LEDGER, MemoryDirectory, check_stores
from engram.tools.trajectory import RunDir, RunFileError

ENV_ID = "engram/ALFWorld-v0"


class RunConfigError(ValueError):
    """The run directory already holds a run made with another configuration."""


MEMORY_MODULES = tuple(BUILTIN)  # engram's own; "all" means these


def parse_memory(spec: str) -> list[str]:
    """``none`` | ``all`` | a comma list of module names (``all`` may be one of them: engram's own
    modules) -> the module names, validated against engram's and the installed plug-ins'."""
    spec = spec.strip().lower()
    if spec in ("", "none"):
        return []
    names: list[str] = []
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        for name in MEMORY_MODULES if part == "all" else (part,):
            if name not in names:
                names.append(name)
    known = memory_names()
    for name in names:
        if name not in known:
            raise ValueError(f"unknown memory module {name!r}; choose from none, all, {', '.join(known)}")
    return names


def make_memory(names: list[str], domain: Any = None) -> list[MemoryModule]:
    """The named modules, given the env's domain (None: they work from the facts alone)."""
    return [make_module(name, domain) for name in names]


PLANNERS = ("offline", "offline+affordance", "llm")


def offline_planner(env_id: str, affordance_prior: bool = False) -> Planner:
    """The environment's own offline planner: the household planner for ALFWorld, the one an env
    names in ``metadata["engram_planner"]`` (``"module:Class"``), else the generic memory-driven
    planner (:mod:`engram.agents.planners.generic`)."""
    import inspect

    named = planner_class(env_id)
    if affordance_prior and (named is None or "affordance_prior" not in inspect.signature(named).parameters):
        raise ValueError(f"offline+affordance is a built-in prior of ALFWorld's planner; {env_id} has none")
    if named is not None:
        planner: Planner = named(affordance_prior=True) if affordance_prior else named()
        return planner
    from engram.agents.planners.generic import GenericPlanner

    return GenericPlanner()


def make_planner(name: str, llm: LLMConfig | None = None, env_id: str = ENV_ID) -> Planner:
    if name in ("offline", "offline+affordance"):
        return offline_planner(env_id, affordance_prior=name == "offline+affordance")
    if name == "llm":
        if llm is None:
            raise ValueError("the llm planner needs a model configuration (--model, --base-url)")
        from engram.agents.planners.llm import LLMPlanner

        # The offline planner decides a step whenever the model's answer cannot be used.
        domain = domain_of(env_id)
        return LLMPlanner(llm, fallback=offline_planner(env_id), rewrites=getattr(domain, "rewrites", ()))
    raise ValueError(f"unknown planner {name!r}; available: {', '.join(PLANNERS)}")


def prepare_run(
    games: Sequence[Path | str],
    run_dir: str | Path,
    *,
    planner: str = "offline",
    max_steps: int = 60,
    seed: int = 0,
    memory: str = "all",
    memory_dir: str | Path | None = None,
    offset: int = 0,
    games_source: str = "",
    llm: LLMConfig | None = None,
    env_id: str = ENV_ID,
    backend: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Check (or write) the run directory's manifest; returns the episode spec every backend's
    workers build from (:class:`EpisodeRunner`). Nothing is written when the planner cannot be made."""
    run = RunDir(run_dir)
    if planner == "llm" and llm is not None and not llm.cache:
        # Every run keeps its model answers: a study re-run costs nothing, and the run replays offline.
        llm = replace(llm, cache=str(run.path / "llm_cache.sqlite"))
    # The planner before anything is written: one this env cannot have leaves no run directory.
    make_planner(planner, llm, env_id)
    config = {
        "env_id": env_id,
        "games_source": games_source,
        "games": [str(g) for g in games],
        "planner": planner,
        "model": llm.model if planner == "llm" and llm else None,
        "llm": llm.public() if planner == "llm" and llm else None,
        "memory": ",".join(parse_memory(memory)) or "none",
        "max_steps": max_steps,
        "seed": seed,
        "offset": offset,
    }
    memory_dir = Path(memory_dir) if memory_dir else run.path / "memory"
    if memory_dir.is_dir():
        check_stores(memory_dir, parse_memory(memory))  # a store that cannot be read: named, nothing written
    if run.manifest_path.exists():
        # A resumed run reads its checkpoints and its episodes' records: one that cannot be read is
        # named now, before anything is written (RunFileError, a ValueError).
        run.check_checkpoints(run.completed())
        old = run.manifest()["config"]
        keys = ("env_id", "games", "planner", "model", "max_steps", "seed", "memory", "offset")
        defaults = {"offset": 0, "env_id": ENV_ID}
        differs = sorted(k for k in keys if old.get(k, defaults.get(k)) != config[k])
        if differs:
            raise RunConfigError(
                f"{run.path} already holds a run with different {', '.join(differs)}; use a new --run-dir"
            )
    else:
        run.write_manifest(
            {
                "run_id": uuid.uuid4().hex,
                "config": config,
                "memory_dir": str(memory_dir),
                # A run that began from existing memory can only be re-run from a copy of that memory.
                "memory_started_empty": not any(p.name != LEDGER for p in memory_dir.glob("*.sqlite")),
                "seeds": [seed + offset + i for i in range(len(games))],
                "backend": backend or {"name": "serial", "workers": 1},
            }
        )
    if backend is not None and run.manifest().get("backend") != backend:
        # The manifest says how the run was made last; a resumed run may use another backend.
        manifest = run.manifest()
        manifest["backend"] = backend
        run.write_manifest(manifest)
    with closing(sqlite3.connect(run.checkpoint_path, timeout=60)) as db:
        # Workers of one run share the checkpoint database. WAL lets them write at once; set here,
        # by one process: the switch needs the file to itself, and it persists in the file.
        db.execute("PRAGMA journal_mode=WAL")
    return {
        "run_dir": str(run.path),
        "run_id": str(run.manifest().get("run_id", run.path.resolve())),
        "planner": planner,
        "llm": llm,
        "env_id": env_id,
        "memory": memory,
        "memory_dir": str(memory_dir),
        "max_steps": max_steps,
        "seed": seed,
        "offset": offset,
    }


class EpisodeRunner:
    """One worker's env, planner, memory and controller over a run directory: what the serial
    backend runs in-process and each Ray worker runs in its own process.

    Memory goes through :class:`~engram.memory.shared.MemoryDirectory`: reloaded before each
    episode (what other writers learned) and committed after it, merged with other writers'
    commits, so any number of runners may share one memory directory.
    """

    def __init__(
        self,
        spec: dict[str, Any],
        worker: str = "main",
        step_delay: float = 0.0,
        before_load: Callable[[], None] | None = None,
    ) -> None:
        """``before_load`` runs after the modules are built and before they load the memory
        directory (a Ray worker waits there for the chroma server the driver is starting)."""
        self.spec = spec
        self.run = RunDir(spec["run_dir"])
        env_id = spec["env_id"]
        planner = make_planner(spec["planner"], spec["llm"], env_id)
        self.modules = make_memory(parse_memory(spec["memory"]), domain_of(env_id))
        # A memory directory outside the run lets later runs (new processes) continue the same memory.
        self.memory = (
            MemoryDirectory(spec["memory_dir"], self.modules, writer=f"{spec['run_id']}/{worker}")
            if self.modules
            else None
        )
        if self.memory is not None:
            if before_load is not None:
                before_load()
            self.memory.refresh()
        self.env = make(env_id)
        # Workers of one run share the checkpoint database: WAL lets them write at once, and a busy
        # timeout makes a writer wait for another's transaction rather than fail.
        self.conn = sqlite3.connect(str(self.run.checkpoint_path), check_same_thread=False, timeout=60)
        self.controller = Controller(
            self.env,
            planner,
            self.run,
            checkpointer(self.conn, self.run.checkpoint_path),
            memory=self.modules,
            max_steps=spec["max_steps"],
            step_delay=step_delay,
            run_id=spec["run_id"],
        )

    def episode(self, k: int, game: str) -> dict[str, Any]:
        """Run (or resume, or skip if finished) episode ``k`` of the run: id ``ep{k}``, seed + k."""
        episode_id = f"ep{k:04d}"
        if self.memory is not None:
            self.memory.refresh()
        # The env names the world and the task type at reset; this is what an env that does not
        # is filed under.
        meta = {"task_type": self.spec["env_id"].rsplit("/", 1)[-1]}
        try:
            episode = self.controller.run_episode(episode_id, str(game), self.spec["seed"] + k, meta)
        except sqlite3.DatabaseError as exc:
            # The checkpoints are the one database an episode reads and writes as it runs (memory is
            # loaded and saved around it; the model's response cache names its own file).
            raise RunFileError(self.run.checkpoint_path, f"cannot be read: {exc}") from exc
        if self.memory is not None:
            # Committed after every episode, so a later process (or a resumed one) starts from here.
            # A kill between an episode's end and this commit is healed on resume (the controller
            # re-feeds a finished episode that memory lacks).
            self.memory.commit(lambda stale: self.controller.refeed(episode_id, stale))
        return episode

    def close(self) -> None:
        self.conn.close()
        self.env.close()


def run_games(
    games: Sequence[Path | str],
    run_dir: str | Path,
    *,
    planner: str = "offline",
    max_steps: int = 60,
    seed: int = 0,
    step_delay: float = 0.0,
    memory: str = "all",
    memory_dir: str | Path | None = None,
    offset: int = 0,
    games_source: str = "",
    on_episode: Callable[[dict[str, Any]], None] | None = None,
    llm: LLMConfig | None = None,
    env_id: str = ENV_ID,
) -> dict[str, Any]:
    """Run one episode per entry of ``games`` into ``run_dir``, in this process: a game file for
    ALFWorld, or ``""`` for an environment that makes its own task from the seed (episode k gets
    seed + k). :func:`engram.agents.parallel.run_parallel` is the same on Ray workers."""
    spec = prepare_run(games, run_dir, planner=planner, max_steps=max_steps, seed=seed, memory=memory,
                       memory_dir=memory_dir, offset=offset, games_source=games_source, llm=llm,
                       env_id=env_id)  # fmt: skip
    runner = EpisodeRunner(spec, step_delay=step_delay)
    try:
        for i, game in enumerate(games):
            # Episode k of a game list is "ep{k}" with seed + k, whichever process runs it (``offset``).
            episode = runner.episode(offset + i, str(game))
            if on_episode:
                on_episode(episode)
    finally:
        runner.close()
    return runner.run.write_summary()
