"""The tests' household games: generated and proven once, shipped in ``tests/data/``, keyed by the
generator's own version.

Why: generating the 28 fixture games and proving each with FastDownward took 267 s of every test
run. The games are a pure function of the generator's code, the installed engine and the seeds, so
they are made once and shipped with their key: a hash of the generator's code (its syntax trees,
so comments and docstrings do not count) and of the alfworld version (its floor plans, affordances and
grammar are what the games are made of; engine upgrades are caught by the tests that play the shipped
walkthroughs).
While the key matches, tests copy the shipped games; when it does not (someone changed the
generator), the games are generated into ``~/.cache/engram/fixture-games/<key>`` once per version
and ``test_the_shipped_fixture_games_are_the_generators_current_output`` fails until they are
refreshed with::

    python tests/fixture_games.py          # regenerate tests/data/{games,stream} (about 5 minutes)

End-to-end generation and proof stay tested in ``tests/tools/test_cli.py`` and
``tests/envs/test_household_generator.py``.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
#: Each set: Generator keyword arguments and the ``run(houses, tasks_per_house)`` arguments.
SETS: dict[str, dict[str, Any]] = {
    # Four houses (one of each room kind) x 6 tasks: every task type appears.
    "games": {"init": {"seed": 11}, "houses": 4, "tasks": 6},
    # One kitchen, a persistent-house stream of 4 tasks with residents moving 30% of the objects.
    "stream": {"init": {"seed": 5, "stream": True, "perturb": 0.3, "rooms": ["kitchen"]}, "houses": 1, "tasks": 4},
}
GENERATOR_MODULES = ("generator", "world", "tasks", "pddl", "solver")
ENGINE_DISTRIBUTIONS = ("alfworld",)


def _code_digest(source: str) -> str:
    """The syntax tree of ``source`` without docstrings: what the code does, not how it is worded."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                node.body = body[1:] or [ast.Pass()]  # type: ignore[attr-defined]
    return ast.dump(tree, include_attributes=False)


def generator_key() -> str:
    """The version of what makes the fixture games: the generator's code, alfworld's data, the sets."""
    import engram.envs.household as household

    digest = hashlib.sha256()
    folder = Path(household.__file__).parent
    for name in GENERATOR_MODULES:
        digest.update(_code_digest((folder / f"{name}.py").read_text()).encode())
    for dist in ENGINE_DISTRIBUTIONS:
        digest.update(f"{dist}=={metadata.version(dist)}".encode())
    digest.update(json.dumps(SETS, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def textworld_key() -> str:
    """The version of the TextWorld games the tests make (seed games, the persistent-world stream):
    engram's generator module and textworld's own version (its grammar and compiler make the files)."""
    import engram.envs as envs

    digest = hashlib.sha256(_code_digest((Path(envs.__file__).parent / "textworld_gen.py").read_text()).encode())
    digest.update(f"textworld=={metadata.version('textworld')}".encode())
    return digest.hexdigest()[:16]


def textworld_cache() -> Path:
    """Where the tests keep the TextWorld games they make, by :func:`textworld_key`: compiling a
    game takes ~5 s, and a session makes ten, so they are made once per generator version (like
    the household games that are not shipped) rather than once per session."""
    root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "engram" / "fixture-games"
    return root / f"textworld-{textworld_key()}"


def textworld_stream(make: Any) -> Path:
    """The tests' persistent-world stream, made by ``make(path)`` once per generator version."""
    from filelock import FileLock

    cache = textworld_cache()
    done = cache / "tw_stream" / "generation.json"
    if not done.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with FileLock(str(cache / "tw_stream.lock")):  # xdist workers: one generates, the others wait
            if not done.exists():
                tmp = Path(tempfile.mkdtemp(dir=cache))
                make(tmp / "tw_stream")
                shutil.rmtree(cache / "tw_stream", ignore_errors=True)
                shutil.move(str(tmp / "tw_stream"), str(cache / "tw_stream"))
                shutil.rmtree(tmp)
    return cache / "tw_stream"


def shipped_key() -> str:
    path = DATA / "fixture_key.txt"
    return path.read_text().strip() if path.exists() else ""


def _generate(name: str, out: Path) -> None:
    from engram.envs.household.generator import Generator

    spec = SETS[name]
    init = dict(spec["init"])
    if "rooms" in init:
        init["rooms"] = tuple(init["rooms"])
    report = Generator(out, **init).run(spec["houses"], spec["tasks"])
    expected = spec["houses"] * spec["tasks"]
    if len(report.games) != expected:
        raise RuntimeError(f"fixture set {name}: {len(report.games)} of {expected} games; {report.rejected}")


def source(name: str) -> Path:
    """A folder holding fixture set ``name`` for the current generator (shipped, or cached)."""
    key = generator_key()
    if key == shipped_key():
        return DATA / name
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "engram" / "fixture-games" / key
    done = cache / name / "generation.json"
    if not done.exists():
        from filelock import FileLock

        cache.mkdir(parents=True, exist_ok=True)
        with FileLock(str(cache / f"{name}.lock")):  # xdist workers: one generates, the others wait
            if not done.exists():
                tmp = Path(tempfile.mkdtemp(dir=cache))
                _generate(name, tmp / name)
                shutil.move(str(tmp / name), str(cache / name))
                shutil.rmtree(tmp)
    return cache / name


def copy_of(name: str, dest: Path) -> Path:
    """A private copy of fixture set ``name`` (tests may write next to the games)."""
    shutil.copytree(source(name), dest, dirs_exist_ok=True)
    return dest


def refresh() -> None:
    """Regenerate every set into ``tests/data`` and record the key they were made with."""
    key = generator_key()
    for name in SETS:
        tmp = Path(tempfile.mkdtemp())
        _generate(name, tmp / name)
        # generation.json's timings change every run; the games do not.
        report = json.loads((tmp / name / "generation.json").read_text())
        report["seconds"] = 0.0
        for game in report["games"]:
            game["seconds"] = 0.0
        (tmp / name / "generation.json").write_text(json.dumps(report, indent=1) + "\n")
        shutil.rmtree(DATA / name, ignore_errors=True)
        shutil.move(str(tmp / name), str(DATA / name))
        shutil.rmtree(tmp)
        print(f"{name}: {len(report['games'])} games")
    (DATA / "fixture_key.txt").write_text(key + "\n")
    print(f"key {key}")


if __name__ == "__main__":
    sys.exit(refresh())
