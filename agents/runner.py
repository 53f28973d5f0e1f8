"""Running a list of games into a run directory, resumably.

A run directory is tied to its configuration: re-running the same command on the same directory
resumes it (finished episodes are kept, an interrupted one continues from its checkpoint); a
different configuration on an existing run directory is refused rather than mixed in.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver

from engram.agents.controller import Controller
from engram.agents.planners.base import Planner
from engram.agents.planners.llm import LLMConfig
from engram.envs.registry import domain_of, make, planner_class
from engram.memory.base import MemoryModule
from engram.memory.registry import BUILTIN
from engram.memory.registry import make as make_module
from engram.memory.registry import names as memory_names
from engram.tools.trajectory import RunDir

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
    """Run one episode per entry of ``games`` into ``run_dir``: a game file for ALFWorld, or ``""``
    for an environment that makes its own task from the seed (episode k gets seed + k)."""
    run = RunDir(run_dir)
    if planner == "llm" and llm is not None and not llm.cache:
        # Every run keeps its model answers: a study re-run costs nothing, and the run replays offline.
        llm = replace(llm, cache=str(run.path / "llm_cache.sqlite"))
    # The planner before anything is written: one this env cannot have leaves no run directory.
    decider = make_planner(planner, llm, env_id)
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
    if run.manifest_path.exists():
        old = run.manifest()["config"]
        keys = ("env_id", "games", "planner", "model", "max_steps", "seed", "memory", "offset")
        defaults = {"offset": 0, "env_id": ENV_ID}
        differs = sorted(k for k in keys if old.get(k, defaults.get(k)) != config[k])
        if differs:
            raise RunConfigError(
                f"{run.path} already holds a run with different {', '.join(differs)}; use a new --run-dir"
            )
    else:
        start = Path(memory_dir) if memory_dir else run.path / "memory"
        run.write_manifest(
            {
                "run_id": uuid.uuid4().hex,
                "config": config,
                "memory_dir": str(start),
                # A run that began from existing memory can only be re-run from a copy of that memory.
                "memory_started_empty": not any(start.glob("*.sqlite")) if start.exists() else True,
                "seeds": [seed + offset + i for i in range(len(games))],
            }
        )
    modules = make_memory(parse_memory(memory), domain_of(env_id))
    # A memory directory outside the run lets later runs (new processes) continue the same memory.
    memory_dir = Path(memory_dir) if memory_dir else run.path / "memory"
    memory_dir.mkdir(parents=True, exist_ok=True)
    for module in modules:
        if (memory_dir / f"{module.name}.sqlite").exists():
            module.load(memory_dir / f"{module.name}.sqlite")
    env = make(env_id)
    conn = sqlite3.connect(str(run.checkpoint_path), check_same_thread=False)
    try:
        controller = Controller(
            env,
            decider,
            run,
            SqliteSaver(conn),
            memory=modules,
            max_steps=max_steps,
            step_delay=step_delay,
            run_id=str(run.manifest().get("run_id", run.path.resolve())),
        )
        for i, game in enumerate(games):
            # Episode k of a game list is "ep{k}" with seed + k, whichever process runs it (``offset``).
            k = offset + i
            # The env names the world and the task type at reset; this is what an env that does not
            # is filed under.
            meta = {"task_type": env_id.rsplit("/", 1)[-1]}
            episode = controller.run_episode(f"ep{k:04d}", str(game), seed + k, meta)
            # Saved after every episode, so a later process (or a resumed one) starts from here. A
            # kill between an episode's end and this save loses that episode's memory updates.
            for module in modules:
                module.save(memory_dir / f"{module.name}.sqlite")
            if on_episode:
                on_episode(episode)
    finally:
        conn.close()
        env.close()
    return run.write_summary()
