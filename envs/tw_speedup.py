"""Memoized parsing and lighter context copies for TextWorld's PDDL engine: the same engine, about
3 times faster per episode.

Why: ALFWorld games run on TextWorld's PDDL engine, and it redoes pure work all the time. Every step
it renders the command of each applicable action through its grammar, and each render re-parses the
template text with a tatsu parser (``textgen._parse_and_convert``) and each grammar condition with
another (``logic._parse_and_convert``). Every state it builds translates the game's PDDL to SAS with
FastDownward twice (plain and optimised), and a reset builds the state twice (``load``, then
``reset``). Over the 24 test games the offline planner spent 42% of its time in template parses (a
few hundred distinct strings, parsed 15,000 times) and 28% in PDDL translation; with the caches the
same run takes 31.5 s instead of 71.9 s, observation for observation the same.

The grammar's derivations then spent most of the rest copying contexts: ``textgen.copy_context``
deep-copies a context's ``variables`` (name -> ``EntityInfo``) and ``mapping`` (placeholder ->
``Variable``) for every symbol it derives, 47,000 copies of ~200 objects each over six games, 42%
of an episode. Derivation only ever adds keys to those two dicts (``query`` updates them) and reads
the objects in them (the grammar's expressions are attribute reads such as ``{o.name}``); the state,
facts and entity table the same context holds are already shared by reference. So a copy of the two
dicts with the same objects in them is what the deep copy gives, minus the work: 24 test games,
27.9 s -> 20.2 s, every action, observation, admissible command and fact the same.

Each of those functions is a pure function of its arguments, so :func:`install` puts a bounded cache
in front of it and hands every caller a deep copy of the cached result (the engine mutates what it
gets: it sets each symbol's context). Nothing else changes: the same grammar, derivations, states and
observations, which replay and the tests that compare recorded runs with fresh ones check. A function
TextWorld no longer has is left alone, and the engine runs as it ships; so does every process started
with ``ENGRAM_TW_SPEEDUP=0`` (to compare, or to rule the caches out when debugging the engine).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from types import ModuleType
from typing import Any

#: Distinct template strings and conditions seen in ALFWorld: a few hundred. The bound keeps a
#: pathological grammar (every template unique) from growing the cache without limit.
PARSE_CACHE = 4096
#: Translated games kept: the reset after a load, and replays of the last few games, hit.
TRANSLATE_CACHE = 8
_TARGETS = (
    ("textworld.envs.pddl.textgen", "_parse_and_convert", PARSE_CACHE),
    ("textworld.logic", "_parse_and_convert", PARSE_CACHE),
    ("fast_downward", "pddl2sas", TRANSLATE_CACHE),
)


def shared_copy_context(context: dict[str, Any]) -> dict[str, Any]:
    """``textgen.copy_context`` as the engine uses it: new ``variables`` and ``mapping`` dicts (a
    derivation adds to them), the objects in them shared (a derivation only reads them)."""
    return {
        "state": context["state"],
        "facts": context["facts"],
        "variables": dict(context["variables"]),
        "mapping": dict(context["mapping"]),
        "entity_infos": context["entity_infos"],
    }


#: (module, function, replacement): functions swapped for an equivalent that does less work
_REPLACED = (("textworld.envs.pddl.textgen", "copy_context", shared_copy_context),)


def install() -> list[str]:
    """Put the caches in front of TextWorld's parsers and translator and the lighter context copy in
    place of the engine's, once per process; returns the functions changed (an empty list if
    TextWorld is not installed)."""
    import importlib
    import os

    if os.environ.get("ENGRAM_TW_SPEEDUP") == "0":
        return []
    done = []
    for module_name, attr, size in _TARGETS:
        try:
            module: ModuleType = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, attr, None)
        if function is None:
            continue
        if not getattr(function, "engram_memoized", False):
            setattr(module, attr, memoized(function, size))
        done.append(f"{module_name}.{attr}")
    for module_name, attr, replacement in _REPLACED:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if getattr(module, attr, None) is None:
            continue
        setattr(module, attr, replacement)
        done.append(f"{module_name}.{attr}")
    return done


def memoized(function: Callable[..., Any], size: int) -> Callable[..., Any]:
    """``function`` behind an LRU cache of ``size`` results, each caller getting a deep copy."""

    @functools.lru_cache(maxsize=size)
    def cached(args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> Any:
        return function(*args, **dict(kwargs))

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            result = cached(args, tuple(sorted(kwargs.items())))
        except TypeError:  # an unhashable argument: compute as the engine would
            return function(*args, **kwargs)
        return copy.deepcopy(result)

    call.engram_memoized = True  # type: ignore[attr-defined]
    call.cache_info = cached.cache_info  # type: ignore[attr-defined]
    call.__wrapped__ = function  # type: ignore[attr-defined]
    return call
