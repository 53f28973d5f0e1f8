"""engram: memory-driven planning for LLM agents in embodied and GUI tasks.

The Python API (see the README's "Python" section)::

    import engram

    agent = engram.Agent("engram/ALFWorld-v0", memory="all")
    for episode in agent.episodes(2):
        print(episode.id, episode.result.success)
    summary = engram.run(engram.RunSpec(games=(...), run_dir="runs/x"))

Its names are imported on first use: ``import engram`` (every ``engram`` command starts with it)
stays free of the heavy backends (the ALFWorld engine, browsers, torch), which load only when used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: the public names, and the module each lives in
_API = {
    "Agent": "engram.agents.api",
    "run": "engram.agents.api",
    "RunSpec": "engram.agents.spec",
    "RunSummary": "engram.agents.records",
    "EpisodeRecord": "engram.agents.records",
    "StepRecord": "engram.agents.records",
    "RunDir": "engram.agents.rundir",
    "LLMConfig": "engram.agents.planners.llm",
    "register_env": "engram.envs.registry",
    "register_planner": "engram.agents.planners.registry",
}
_RENAMED = {"register_env": "register", "register_planner": "register"}

__all__ = ["Agent", "EpisodeRecord", "LLMConfig", "RunDir", "RunSpec", "RunSummary", "StepRecord", "__version__",
           "register_env", "register_planner", "run"]  # fmt: skip

if TYPE_CHECKING:
    from engram.agents.api import Agent, run
    from engram.agents.planners.llm import LLMConfig
    from engram.agents.planners.registry import register as register_planner
    from engram.agents.records import EpisodeRecord, RunSummary, StepRecord
    from engram.agents.rundir import RunDir
    from engram.agents.spec import RunSpec
    from engram.envs.registry import register as register_env


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'engram' has no attribute {name!r}")
    value = getattr(import_module(_API[name]), _RENAMED.get(name, name))
    globals()[name] = value
    return value
