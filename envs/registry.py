"""Environment ids, registered with gymnasium by lazy ``"module:Class"`` entry points.

Two sources, both lazy (nothing is imported until an id is made):

* engram's own environments (:data:`BUILTIN`);
* every installed package's entry points in the group ``engram.envs``: the entry point's name is
  the environment id and its value the ``"module:Class"`` (or ``"module:factory"``) to build it::

      [project.entry-points."engram.envs"]
      "acme/Maze-v0" = "acme_envs.maze:MazeEnv"

  so a separately installed package's environments appear in ``engram envs`` and work with
  ``engram run --env`` without anyone importing the package by hand.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any

import gymnasium as gym

GROUP = "engram.envs"

BUILTIN: dict[str, str] = {
    "engram/ALFWorld-v0": "engram.envs.alfworld:ALFWorldEnv",
    "engram/TextWorld-v0": "engram.envs.textworld_env:TextWorldEnv",
}


def _optional() -> dict[str, tuple[str, dict[str, str]]]:
    """Ids whose backend is an optional extra, with the keyword arguments its entry point takes:
    listed only when it is installed."""
    from importlib.util import find_spec

    out: dict[str, tuple[str, dict[str, str]]] = {}
    if find_spec("minigrid") is not None:
        from engram.envs.minigrid import registrations

        out.update(registrations())
    from engram.envs import miniwob

    if miniwob.available():
        out.update(miniwob.registrations())
    return out


def plugin_entry_points() -> dict[str, str]:
    """Environment id -> ``"module:attr"`` from the installed packages' ``engram.envs`` entry points."""
    return {ep.name: ep.value for ep in entry_points(group=GROUP)}


def register_all() -> None:
    specs = {**{k: (v, {}) for k, v in plugin_entry_points().items()}, **_optional(),
             **{k: (v, {}) for k, v in BUILTIN.items()}}  # fmt: skip
    for env_id, (entry_point, kwargs) in specs.items():
        if env_id not in gym.registry:
            # No step limit here: episode budgets are the controller's, and gymnasium's
            # TimeLimit would hide the adapter's own ``truncated`` signal.
            gym.register(id=env_id, entry_point=entry_point, kwargs=kwargs, disable_env_checker=True)


class UnknownEnvironment(KeyError):
    """An environment id nobody registered in this process (nor any installed plug-in)."""

    def __str__(self) -> str:  # KeyError would print the message quoted
        return str(self.args[0])


_LOCAL: dict[str, tuple[Any, dict[str, Any]]] = {}  # id -> (entry point, its kwargs: whatever the env takes)


def register(env_id: str, entry_point: Any, **kwargs: Any) -> None:
    """Register an environment in this process (a class, a factory or ``"module:Class"``): the
    quick way to plug one in from a script or a notebook; packages use the entry-point group."""
    if "/" not in env_id:
        raise ValueError(f"environment ids look like 'namespace/Name-v0', not {env_id!r}")
    _LOCAL[env_id] = (entry_point, kwargs)
    if env_id in gym.registry:
        del gym.registry[env_id]
    gym.register(id=env_id, entry_point=entry_point, kwargs=kwargs, disable_env_checker=True)


def env_ids() -> list[str]:
    """Every environment id engram knows: its own and the installed plug-ins'."""
    return sorted({*BUILTIN, *_optional(), *plugin_entry_points(), *_LOCAL})


def env_class(env_id: str) -> Any:
    """The class (or factory) an id is registered with, imported; what its ``metadata`` says
    about the env (``engram_planner``, ``engram_games``) is read from here without building one."""
    import importlib

    register_all()
    entry = gym.spec(env_id).entry_point
    if isinstance(entry, str):
        module, _, attr = entry.partition(":")
        return getattr(importlib.import_module(module), attr)
    return entry


def _named(env_id: str, key: str) -> Any:
    """The ``"module:attr"`` an env's class metadata names under ``key``, imported (None if none)."""
    import importlib

    named = (getattr(env_class(env_id), "metadata", None) or {}).get(key)
    if not named:
        return None
    module, _, attr = str(named).partition(":")
    return getattr(importlib.import_module(module), attr)


def game_lister(env_id: str) -> Any:
    """For envs that play game files (``metadata["engram_games"]``): ``path -> [game files]``, which
    raises a ``ValueError`` saying what is wrong with the path. None for envs that make their own
    tasks from the seed."""
    return _named(env_id, "engram_games")


def domain_of(env_id: str) -> Any:
    """The :class:`~engram.envs.domain.Domain` an env names in ``metadata["engram_domain"]``, or None
    (memory then works from the facts alone)."""
    return _named(env_id, "engram_domain")


def planner_id(env_id: str) -> str | None:
    """The id of the offline planner an env names in ``metadata["engram_planner"]``, or None. An
    id, never an import path: the planners live on the floor above the environments, in a registry
    (``engram.agents.planners.registry``, entry-point group ``engram.planners``)."""
    named = (getattr(env_class(env_id), "metadata", None) or {}).get("engram_planner")
    if named and ":" in str(named):
        raise ValueError(
            f"{env_id} names its planner by import path ({named!r}); name a planner id and register the planner "
            "under the entry-point group engram.planners (or engram.agents.planners.registry.register)"
        )
    return str(named) if named else None


def make(env_id: str, **kwargs: Any) -> gym.Env[Any, Any]:
    """``gymnasium.make`` for engram ids, returning the unwrapped adapter (no order enforcing)."""
    register_all()
    if env_id not in env_ids():
        raise UnknownEnvironment(f"unknown environment id {env_id!r}; registered: {', '.join(env_ids())}")
    return gym.make(env_id, **kwargs).unwrapped
