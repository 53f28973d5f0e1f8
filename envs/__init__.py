"""Environments: the contract (:mod:`engram.envs.core`), the registry and the adapters.

Importing this package registers engram's environment ids with gymnasium; the adapters themselves
(and their heavy engines) load only when an environment is made.
"""

from engram.envs.core import ActionSpace, Fact, Observation, ObservationSpace
from engram.envs.registry import make, register_all

register_all()

__all__ = ["ActionSpace", "Fact", "Observation", "ObservationSpace", "make"]
