"""Generated ALFWorld households: floor plans, objects, tasks, streams, and the domain knowledge
(types, effect rules, the planner's search) that only a household has."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_stream() -> Path:
    """The small persistent-house stream that ships with engram (what a bare ``engram run`` plays)."""
    return Path(str(resources.files("engram.envs.household") / "default_stream"))
