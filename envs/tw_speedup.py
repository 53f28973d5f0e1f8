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

Translations are kept on disk as well (``$ENGRAM_CACHE/sas``, default ``~/.cache/engram/sas``), by
the text of the domain and problem and FastDownward's version: after the parse caches, the two
translations of a reset were half of a household episode (0.3 s each), and the same games are
played again in other processes all the time (a replay, a resumed run, ``engram memory import``,
a run with memory beside one without, every test process). A stored translation loads in 3 ms. It
is read back with an unpickler that builds FastDownward's task classes and nothing else, so a file
put there by anyone else cannot run code; an entry that cannot be read is translated again.

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
import hashlib
import io
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:  # TextWorld's own classes, for annotations only
    from textworld.generator.game import EntityInfo
    from textworld.logic import Placeholder, Proposition, State, Variable

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


class TextgenContext(TypedDict):
    """A derivation context of TextWorld's grammar (``textgen``), as its PDDL engine builds one."""

    state: State
    facts: list[Proposition]
    variables: dict[str, EntityInfo]  # placeholder name -> the entity it stands for
    mapping: dict[Placeholder, Variable]
    entity_infos: dict[str, EntityInfo]  # entity name -> its info


def shared_copy_context(context: TextgenContext) -> TextgenContext:
    """``textgen.copy_context`` as the engine uses it: new ``variables`` and ``mapping`` dicts (a
    derivation adds to them), the objects in them shared (a derivation only reads them)."""
    return {
        "state": context["state"],
        "facts": context["facts"],
        "variables": dict(context["variables"]),
        "mapping": dict(context["mapping"]),
        "entity_infos": context["entity_infos"],
    }


#: Translations kept on disk (about 90 KB each, two per game): the least recently used go first.
TRANSLATIONS_ON_DISK = 1024
#: What a stored translation may be built from: FastDownward's PDDL task classes, nothing else.
_TRANSLATION_MODULES = "fast_downward.translate.pddl."


class _TaskUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if not module.startswith(_TRANSLATION_MODULES):
            raise pickle.UnpicklingError(f"a stored translation may not hold {module}.{name}")
        return super().find_class(module, name)


def translation_cache() -> Path:
    """Where translations are kept, by FastDownward's version (its output format is its own)."""
    from importlib import metadata

    try:
        version = metadata.version("fast-downward-textworld")
    except metadata.PackageNotFoundError:
        version = "unknown"
    root = Path(os.environ.get("ENGRAM_CACHE") or Path.home() / ".cache" / "engram")
    return root / "sas" / f"fast-downward-{version}"


def on_disk(function: Callable[..., Any], folder: Path, limit: int = TRANSLATIONS_ON_DISK) -> Callable[..., Any]:
    """``fast_downward.pddl2sas`` with its results kept in ``folder`` (at most ``limit`` files)."""

    def call(domain: Any, problem: Any, verbose: bool = False, optimize: bool = False) -> Any:
        if verbose or not isinstance(domain, str) or not isinstance(problem, str):
            return function(domain, problem, verbose=verbose, optimize=optimize)  # it prints: run it
        key = hashlib.sha256(f"{bool(optimize)}\0{domain}\0{problem}".encode()).hexdigest()
        path = folder / f"{key}.pickle.z"
        try:
            result = _TaskUnpickler(io.BytesIO(zlib.decompress(path.read_bytes()))).load()
            if isinstance(result, tuple) and len(result) == 2:
                os.utime(path)  # recently used
                return result
        except Exception:  # none yet, or cut off, foreign or stale (unpickling raises many kinds): translate
            pass
        result = function(domain, problem, verbose=verbose, optimize=optimize)
        _store(path, zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1), limit)
        return result

    call.engram_on_disk = True  # type: ignore[attr-defined]
    call.__wrapped__ = function  # type: ignore[attr-defined]
    return call


def _store(path: Path, data: bytes, limit: int) -> None:
    """Written whole or not at all (a reader never sees half a file); the oldest go past ``limit``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        entries = [e for e in os.scandir(path.parent) if e.name.endswith(".pickle.z")]
        if len(entries) > limit:
            for old in sorted(entries, key=lambda e: e.stat().st_mtime)[: len(entries) - limit]:
                Path(old.path).unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written (read-only home, full disk) only costs time


#: (module, function, replacement): functions swapped for an equivalent that does less work
_REPLACED = (("textworld.envs.pddl.textgen", "copy_context", shared_copy_context),)


def install() -> list[str]:
    """Put the caches in front of TextWorld's parsers and translator and the lighter context copy in
    place of the engine's, once per process; returns the functions changed (an empty list if
    TextWorld is not installed)."""
    import importlib

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
            if attr == "pddl2sas":
                function = on_disk(function, translation_cache())
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
