"""Memory modules by name: engram's own, and any installed package's through the entry-point group
``engram.memory`` (name = the module's name, value = ``"module:Class"``), as environments plug in::

    [project.entry-points."engram.memory"]
    "notes" = "acme_memory.notes:NotesMemory"

A module class is built with ``domain=`` (the env's :class:`~engram.envs.domain.Domain`, or None)
when its constructor takes that keyword, and with the options the runner passes it (the episodic
index's chroma server: ``url``): everything a module needs comes in here, never from the process's
environment variables, so two runs in one process never share a setting by accident. ``--memory all`` is engram's own
modules; plug-ins are named: ``--memory all,notes`` or ``--memory scene,notes``.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping
from importlib.metadata import entry_points
from typing import Any

from engram.envs.domain import Domain
from engram.memory.base import MemoryModule

GROUP = "engram.memory"
BUILTIN: dict[str, str] = {
    "working": "engram.memory.working:WorkingMemory",
    "scene": "engram.memory.scene:SceneGraphMemory",
    "skills": "engram.memory.skills:SkillMemory",
    "episodic": "engram.memory.episodic:EpisodicMemory",
    "experience": "engram.memory.experience:ExperienceMemory",
    "utility": "engram.memory.utility:UtilityMemory",
}


def plugins() -> dict[str, str]:
    """Module name -> ``"module:Class"`` from the installed packages' ``engram.memory`` entry points."""
    return {ep.name: ep.value for ep in entry_points(group=GROUP) if ep.name not in BUILTIN}


def names() -> list[str]:
    """Every memory module engram knows: its own (in their usual order) and the installed plug-ins'."""
    return [*BUILTIN, *sorted(plugins())]


def make(name: str, domain: Domain | None = None, options: Mapping[str, Any] | None = None) -> MemoryModule:
    """A new module ``name``, given the env's ``domain`` and its ``options`` (constructor keywords)."""
    target = BUILTIN.get(name) or plugins().get(name)
    if target is None:
        raise ValueError(f"unknown memory module {name!r}; choose from none, all, {', '.join(names())}")
    module, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module), attr)
    takes_domain = "domain" in inspect.signature(cls).parameters
    built = cls(**({"domain": domain} if takes_domain else {}), **(options or {}))
    if not isinstance(built, MemoryModule):
        raise TypeError(f"memory module {name!r} ({target}) does not implement the MemoryModule protocol")
    if built.name != name:
        raise TypeError(f"memory module registered as {name!r} calls itself {built.name!r}")
    return built
