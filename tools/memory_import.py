"""Consolidating finished runs into a memory directory: memory built from runs made without it (or
with other modules), and memories of separate runs merged into one.

Each finished episode of a run is fed from the run's checkpoint (the observations exactly as the
controller saw them) to the modules that lack it, then committed through
:class:`~engram.memory.shared.MemoryDirectory`, one commit per episode. So any number of imports
and runs may write the same directory at once, and an import killed part-way leaves a directory
that holds the episodes committed so far; running it again adds the rest and duplicates nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypedDict

from engram.agents.checkpoints import checkpointer
from engram.agents.controller import Controller
from engram.agents.rundir import RunDir, RunFileError
from engram.agents.runner import make_memory, offline_planner, parse_memory
from engram.envs.registry import domain_of, make
from engram.memory.base import episode_key
from engram.memory.shared import MemoryDirectory, check_stores


class Imported(TypedDict):
    """What :func:`import_run` did: episodes added, already in the directory, and not imported."""

    added: int
    already_there: int
    skipped_unfinished: int  # unfinished, or ended by a backend's error


def import_run(
    run_dir: Path | str,
    memory_dir: Path | str,
    memory: str = "all",
    episodes: Sequence[str] | None = None,
    on_episode: Callable[[str, bool], None] | None = None,
) -> Imported:
    """Feed ``run_dir``'s finished episodes (or only ``episodes``) to the ``memory`` modules of
    ``memory_dir``; returns how many episodes were added and how many the directory already had."""
    run = RunDir(run_dir)
    if not run.manifest_path.exists():
        raise ValueError(f"{run.path} is not a run directory (no manifest.json)")
    manifest = run.manifest()
    env_id = run.spec().env_id
    wanted = list(episodes) if episodes else run.episode_ids()
    unknown = sorted(set(wanted) - set(run.episode_ids()))
    if unknown:
        raise ValueError(f"{run.path} has no episode {', '.join(unknown)}")
    completed = set(run.completed())  # RunFileError (a ValueError) names an unreadable episode.json
    finished = [e for e in wanted if e in completed]
    names = parse_memory(memory)
    modules = make_memory(names, domain_of(env_id))
    if not modules:
        raise ValueError("nothing to import into: --memory none")
    # Everything the import reads is checked before the memory directory is written to at all.
    if Path(memory_dir).is_dir():
        check_stores(memory_dir, names)
    run.check_checkpoints(finished)
    writer = f"import/{manifest.get('run_id', run.path.name)}/{os.getpid()}"
    shared = MemoryDirectory(memory_dir, modules, writer=writer)
    shared.refresh()
    env = make(env_id)
    conn = sqlite3.connect(str(run.checkpoint_path), timeout=60)
    added = kept = 0
    try:
        saver = checkpointer(conn, run.checkpoint_path)
        controller = Controller(env, offline_planner(env_id), run, saver, memory=modules,
                                run_id=str(manifest.get("run_id", "")))  # fmt: skip
        for episode_id in finished:
            try:
                controller.refeed(episode_id, modules)
                # Added: this commit recorded the episode first (not: this writer's modules lacked
                # it before, which another import may have committed meanwhile).
                episode = run.episode(episode_id)
                key = episode_key(episode.run_id, episode.id)
                fed = key in shared.commit(partial(controller.refeed, episode_id))
            except sqlite3.DatabaseError as exc:
                raise RunFileError(run.checkpoint_path, f"cannot be read: {exc}") from exc
            added, kept = added + fed, kept + (not fed)
            if on_episode:
                on_episode(episode_id, fed)
    finally:
        conn.close()
        env.close()
    return Imported(added=added, already_there=kept, skipped_unfinished=len(wanted) - len(finished))
