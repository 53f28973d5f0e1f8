"""Running a list of games into a run directory, resumably.

A run directory is tied to its configuration: re-running the same command on the same directory
resumes it (finished episodes are kept, an interrupted one continues from its checkpoint); a
different configuration on an existing run directory is refused rather than mixed in.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engram.agents.checkpoints import checkpointer
from engram.agents.controller import Controller
from engram.agents.planners.base import Planner
from engram.agents.planners.llm import LLMConfig
from engram.agents.planners.registry import DEFAULT, planner_ids, takes_affordance_prior
from engram.agents.planners.registry import make as make_registered
from engram.agents.records import ENV_ID, EpisodeRecord, RunSummary
from engram.agents.rundir import RunDir, RunFileError
from engram.agents.spec import IDENTITY, RunSpec
from engram.envs.registry import domain_of, make, planner_id
from engram.memory.base import MemoryModule
from engram.memory.registry import BUILTIN
from engram.memory.registry import make as make_module
from engram.memory.registry import names as memory_names
from engram.memory.shared import LEDGER, MemoryDirectory, check_stores

if TYPE_CHECKING:
    from engram.agents.parallel import Progress


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


def make_memory(names: list[str], domain: Any = None, chroma_url: str | None = None) -> list[MemoryModule]:
    """The named modules, given the env's domain (None: they work from the facts alone) and, for
    episodic memory, the chroma server its index lives in (None: one in this process)."""
    options = {"episodic": {"url": chroma_url}} if chroma_url else {}
    return [make_module(name, domain, options.get(name)) for name in names]


#: what ``--planner`` takes besides a registered planner id (:mod:`engram.agents.planners.registry`)
PLANNERS = ("offline", "offline+affordance", "llm")


def planner_names() -> list[str]:
    """Every value ``--planner`` takes: the env's own offline planner, the LLM planner, or an id."""
    return [*PLANNERS, *planner_ids()]


def offline_planner(env_id: str, affordance_prior: bool = False) -> Planner:
    """The environment's own offline planner: the one whose id an env names in
    ``metadata["engram_planner"]`` (the household planner for ALFWorld), else the generic
    memory-driven planner (:mod:`engram.agents.planners.generic`)."""
    named = planner_id(env_id)
    if affordance_prior:
        if named is None or not takes_affordance_prior(named):
            raise ValueError(f"offline+affordance is a built-in prior of ALFWorld's planner; {env_id} has none")
        return make_registered(named, affordance_prior=True)
    return make_registered(named or DEFAULT)


def make_planner(name: str, llm: LLMConfig | None = None, env_id: str = ENV_ID) -> Planner:
    """The planner ``--planner`` names: ``offline`` (the env's own), ``offline+affordance``,
    ``llm`` (falling back on the env's own offline planner), or any registered planner id."""
    if name in ("offline", "offline+affordance"):
        return offline_planner(env_id, affordance_prior=name == "offline+affordance")
    if name == "llm":
        if llm is None:
            raise ValueError("the llm planner needs a model configuration (--model, --base-url)")
        from engram.agents.planners.llm import LLMPlanner

        # The offline planner decides a step whenever the model's answer cannot be used.
        domain = domain_of(env_id)
        return LLMPlanner(llm, fallback=offline_planner(env_id), rewrites=getattr(domain, "rewrites", ()))
    if name in planner_ids():
        return make_registered(name)
    raise ValueError(f"unknown planner {name!r}; available: {', '.join(planner_names())}")


@dataclass(frozen=True)
class PreparedRun:
    """A run ready to play: its spec with everything resolved (the memory directory, the model's
    response cache), the module names ``memory`` stands for, and the run's id from its manifest.
    What every backend's workers build from (:class:`EpisodeRunner`)."""

    spec: RunSpec
    modules: tuple[str, ...]
    run_id: str

    @property
    def memory_dir(self) -> Path:
        return self.spec.memory_path


def prepare_run(spec: RunSpec) -> PreparedRun:
    """Check (or write) the run directory's manifest, the spec as its ``config``: a run directory
    that holds a run of another identity (:data:`~engram.agents.spec.IDENTITY`) is refused.
    Nothing is written when the planner cannot be made or a store cannot be read."""
    run = RunDir(spec.run_dir)
    modules = parse_memory(spec.memory)
    if spec.planner == "llm" and spec.llm is not None and not spec.llm.cache:
        # Every run keeps its model answers: a study re-run costs nothing, and the run replays offline.
        spec = replace(spec, llm=replace(spec.llm, cache=str(run.path / "llm_cache.sqlite")))
    # The planner before anything is written: one this env cannot have leaves no run directory.
    make_planner(spec.planner, spec.llm, spec.env_id)
    memory_dir = spec.memory_path
    spec = replace(spec, memory_dir=str(memory_dir))
    if memory_dir.is_dir():
        check_stores(memory_dir, modules)  # a store that cannot be read: named, nothing written
    if run.manifest_path.exists():
        # A resumed run reads its checkpoints and its episodes' records: one that cannot be read is
        # named now, before anything is written (RunFileError, a ValueError).
        run.check_checkpoints(run.completed())
        old = run.spec(memory_dir=None)
        mine, theirs = spec.identity(modules), old.identity(parse_memory(old.memory))
        differs = [k for k in IDENTITY if mine[k] != theirs[k]]
        if differs:
            raise RunConfigError(
                f"{run.path} already holds a run with different {', '.join(differs)}; use a new --run-dir"
            )
        manifest = run.manifest()
        if manifest.get("backend") != spec.backend_json():
            # The manifest says how the run was made last; a resumed run may use another backend.
            run.write_manifest({**manifest, "backend": spec.backend_json()})
    else:
        run.write_manifest(
            {
                "run_id": uuid.uuid4().hex,
                "config": spec.to_json(modules),
                "memory_dir": str(memory_dir),
                # A run that began from existing memory can only be re-run from a copy of that memory.
                "memory_started_empty": not any(p.name != LEDGER for p in memory_dir.glob("*.sqlite")),
                "seeds": [spec.seed + spec.offset + i for i in range(len(spec.games))],
                "backend": spec.backend_json(),
            }
        )
    with closing(sqlite3.connect(run.checkpoint_path, timeout=60)) as db:
        # Workers of one run share the checkpoint database. WAL lets them write at once; set here,
        # by one process: the switch needs the file to itself, and it persists in the file.
        db.execute("PRAGMA journal_mode=WAL")
    return PreparedRun(spec, tuple(modules), str(run.manifest().get("run_id", run.path.resolve())))


class EpisodeRunner:
    """One worker's env, planner, memory and controller over a run directory: what the serial
    backend runs in-process and each Ray worker runs in its own process.

    Memory goes through :class:`~engram.memory.shared.MemoryDirectory`: reloaded before each
    episode (what other writers learned) and committed after it, merged with other writers'
    commits, so any number of runners may share one memory directory.
    """

    def __init__(
        self, prepared: PreparedRun, worker: str = "main", before_load: Callable[[], None] | None = None
    ) -> None:
        """``before_load`` runs after the modules are built and before they load the memory
        directory (a Ray worker waits there for the chroma server the driver is starting)."""
        self.prepared = prepared
        spec = prepared.spec
        self.run = RunDir(spec.run_dir)
        planner = make_planner(spec.planner, spec.llm, spec.env_id)
        self.modules = make_memory(list(prepared.modules), domain_of(spec.env_id), spec.chroma_url)
        # A memory directory outside the run lets later runs (new processes) continue the same memory.
        self.memory = (
            MemoryDirectory(prepared.memory_dir, self.modules, writer=f"{prepared.run_id}/{worker}")
            if self.modules
            else None
        )
        if self.memory is not None:
            if before_load is not None:
                before_load()
            self.memory.refresh()
        self.env = make(spec.env_id)
        # Workers of one run share the checkpoint database: WAL lets them write at once, and a busy
        # timeout makes a writer wait for another's transaction rather than fail.
        self.conn = sqlite3.connect(str(self.run.checkpoint_path), check_same_thread=False, timeout=60)
        self.controller = Controller(
            self.env,
            planner,
            self.run,
            checkpointer(self.conn, self.run.checkpoint_path),
            memory=self.modules,
            max_steps=spec.max_steps,
            step_delay=spec.step_delay,
            run_id=prepared.run_id,
        )

    def episode(self, k: int, game: str) -> EpisodeRecord:
        """Run (or resume, or skip if finished) episode ``k`` of the run: id ``ep{k}``, seed + k."""
        episode_id = f"ep{k:04d}"
        if self.memory is not None:
            self.memory.refresh()
        # The env names the task type at reset; this is what an env that does not is filed under.
        task_type = self.prepared.spec.env_id.rsplit("/", 1)[-1]
        try:
            episode = self.controller.run_episode(episode_id, str(game), self.prepared.spec.seed + k, task_type)
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


def run_games(spec: RunSpec, on_episode: Callable[[EpisodeRecord], None] | None = None) -> RunSummary:
    """Run one episode per entry of ``spec.games`` into ``spec.run_dir``, in this process: a game
    file for ALFWorld, or ``""`` for an environment that makes its own task from the seed (episode
    k gets seed + k). :func:`engram.agents.parallel.run_parallel` is the same on Ray workers."""
    runner = EpisodeRunner(prepare_run(spec))
    try:
        for i, game in enumerate(spec.games):
            # Episode k of a game list is "ep{k}" with seed + k, whichever process runs it (``offset``).
            episode = runner.episode(spec.offset + i, game)
            if on_episode:
                on_episode(episode)
    finally:
        runner.close()
    return runner.run.write_summary()


def run(
    spec: RunSpec,
    on_episode: Callable[[EpisodeRecord], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Play a run on the backend its spec names (``serial``: :func:`run_games`, in this process;
    ``ray``: :func:`~engram.agents.parallel.run_parallel`); re-running a spec resumes its run.
    ``on_episode`` hears of each episode the serial backend ends, ``on_progress`` the parallel
    backend's progress snapshots."""
    if spec.backend == "ray":
        from engram.agents.parallel import run_parallel

        return run_parallel(spec, on_progress=on_progress)
    return run_games(spec, on_episode=on_episode)
