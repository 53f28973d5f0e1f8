"""Offline planners by id: engram's own, any installed package's through the entry-point group
``engram.planners`` (name = the planner's id, value = ``"module:Class"`` or a factory), and those a
script registers in-process with :func:`register`::

    [project.entry-points."engram.planners"]
    "acme/maze" = "acme_planners.maze:MazePlanner"

An environment names its own planner by id in ``metadata["engram_planner"]`` (``"household"``,
``"acme/maze"``), never by import path: the environments are the ground floor and know nothing of
the agents above them, and an id resolves wherever the planner is installed. An env that names none
gets the generic memory-driven planner. ``engram run --planner ID`` picks any registered planner.

A planner is built with no arguments, or with ``affordance_prior=True`` for ``offline+affordance``
when its constructor takes that keyword (ALFWorld's household planner).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from engram.agents.planners.base import Planner

GROUP = "engram.planners"
BUILTIN: dict[str, str] = {
    "generic": "engram.agents.planners.generic:GenericPlanner",
    "household": "engram.agents.planners.household:HouseholdPlanner",
    "grid": "engram.agents.planners.grid:GridPlanner",
    "gui": "engram.agents.planners.gui:GUIPlanner",
}
#: the planner of an env that names none
DEFAULT = "generic"

_LOCAL: dict[str, Callable[..., Planner]] = {}


class UnknownPlanner(ValueError):
    """A planner id nobody registered (an env's metadata, or ``--planner``)."""


def plugins() -> dict[str, str]:
    """Planner id -> ``"module:attr"`` from the installed packages' ``engram.planners`` entry points."""
    return {ep.name: ep.value for ep in entry_points(group=GROUP) if ep.name not in BUILTIN}


def register(planner_id: str, factory: Callable[..., Planner]) -> None:
    """Register a planner class (or factory) in this process under ``planner_id``: the quick way
    from a script or a notebook; packages use the entry-point group. Ray workers are other
    processes: a planner they must build is registered by entry point."""
    if not planner_id or ":" in planner_id:
        raise ValueError(f"a planner id is a name such as 'acme/maze', not an import path: {planner_id!r}")
    _LOCAL[planner_id] = factory


def planner_ids() -> list[str]:
    """Every planner id engram knows: its own, the installed plug-ins' and this process's."""
    return [*BUILTIN, *sorted({*plugins(), *_LOCAL} - set(BUILTIN))]


def factory(planner_id: str) -> Callable[..., Planner]:
    """The class (or factory) registered under ``planner_id``, imported."""
    if planner_id in _LOCAL:
        return _LOCAL[planner_id]
    target = BUILTIN.get(planner_id) or plugins().get(planner_id)
    if target is None:
        raise UnknownPlanner(f"unknown planner {planner_id!r}; registered: {', '.join(planner_ids())}")
    module, _, attr = target.partition(":")
    built: Callable[..., Planner] = getattr(importlib.import_module(module), attr)
    return built


def takes_affordance_prior(planner_id: str) -> bool:
    return "affordance_prior" in inspect.signature(factory(planner_id)).parameters


def make(planner_id: str, **options: Any) -> Planner:
    """A new planner of ``planner_id`` (``options``: keywords its constructor takes)."""
    planner = factory(planner_id)(**options)
    if not callable(getattr(planner, "decide", None)):
        raise TypeError(f"planner {planner_id!r} has no decide(state, recall) method")
    return planner
