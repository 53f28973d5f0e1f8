"""engram: memory-driven planning for LLM agents in embodied and GUI tasks.

The heavy backends (the ALFWorld engine, browsers, torch) are imported only when used.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
