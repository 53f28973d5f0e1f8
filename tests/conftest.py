"""Shared fixtures: pre-proven household games, the offline planner's run over them, the real
ALFWorld data beside the checkout, and the command line in-process."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import warnings
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

import fixture_games
import pytest
from budget import Budget


def _shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """A session-wide folder made once, even under pytest-xdist: workers share the session's base
    temp folder's parent, and the first to take the lock makes it while the others wait."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        path = tmp_path_factory.getbasetemp() / name
        if not path.exists():
            make(path)
        return path
    from filelock import FileLock

    root = tmp_path_factory.getbasetemp().parent
    path = root / name
    with FileLock(str(root / f"{name}.lock")):
        if not (root / f"{name}.done").exists():
            shutil.rmtree(path, ignore_errors=True)
            make(path)
            (root / f"{name}.done").touch()
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(Budget(config), "engram-budget")  # tests/budget.py says why


@pytest.fixture(scope="session")
def games_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four houses (one of each room kind) x 6 tasks, proven solvable: every task type appears.
    Shipped pre-proven (``tests/fixture_games.py`` says how they are kept current)."""
    return _shared(tmp_path_factory, "games", lambda p: fixture_games.copy_of("games", p))


@pytest.fixture(scope="session")
def games_report(games_dir: Path) -> dict:
    return json.loads((games_dir / "generation.json").read_text())


@pytest.fixture(scope="session")
def stream_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kitchen's persistent-house stream of 4 tasks (30% of the objects moved between tasks)."""
    return _shared(tmp_path_factory, "stream", lambda p: fixture_games.copy_of("stream", p))


@pytest.fixture(scope="session")
def tw_stream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """TextWorld persistent worlds, 2 worlds x 3 quests, generated offline by textworld (~15 s) once
    per generator version (``fixture_games.textworld_cache``), a private copy per session."""

    def make(path: Path) -> None:
        from engram.envs.textworld_gen import StreamSpec, generate

        generate(path, StreamSpec(worlds=2, quests=3, seed=0))

    made = fixture_games.textworld_stream(make)
    return _shared(tmp_path_factory, "tw_stream", lambda p: shutil.copytree(made, p, dirs_exist_ok=True))


@pytest.fixture(autouse=True, scope="session")
def _engram_cache() -> None:
    """Games an env generates from a seed (TextWorld with no games) go to the tests' versioned cache
    (made once per generator version, ``fixture_games.textworld_cache``), not the user's own."""
    os.environ.setdefault("ENGRAM_CACHE", str(fixture_games.textworld_cache()))


@pytest.fixture(scope="session")
def one_game(games_dir: Path) -> Path:
    from engram.envs.alfworld import find_games

    return find_games(games_dir)[0]


@pytest.fixture(scope="session")
def solved_run(games_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline planner's run over every fixture game (made once per session, shared by workers)."""
    from engram.agents.runner import run_games
    from engram.agents.spec import RunSpec
    from engram.envs.alfworld import find_games

    return _shared(
        tmp_path_factory,
        "solved_run",
        lambda p: run_games(RunSpec(tuple(find_games(games_dir)), p, max_steps=60, memory="none")),
    )


@pytest.hookimpl(wrapper=True)  # a wrapper runs before every plain hook, xdist's (which reads groups) too
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Generator[None, None, None]:
    """Under pytest-xdist (``--dist loadgroup``), the tests that read ``solved_run`` go to one worker:
    it makes the run once while the other worker gets on with the rest, instead of both waiting."""
    grouped = [item for item in items if "solved_run" in getattr(item, "fixturenames", ())]
    for item in grouped:
        item.add_marker(pytest.mark.xdist_group("solved_run"))
    result = yield
    worker = os.environ.get("PYTEST_XDIST_WORKER") and config.getvalue("loadgroup")
    if worker and any(not item.nodeid.endswith("@solved_run") for item in grouped):
        # xdist marks a group in the node id; pytest >= 9.2 no longer reads what it sets.
        warnings.warn("xdist_group had no effect: both workers make solved_run", stacklevel=1)
    return result


REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "alfworld_real"


@pytest.fixture(scope="session")
def alfworld_real() -> Path:
    """Real ALFWorld games (``../shared/alfworld_real`` beside the checkout, or $ENGRAM_ALFWORLD_REAL):
    ``json_2.1.1/{valid_seen,valid_unseen}`` and six old-format games in ``json_2.1.1_oldformat``.

    A user's checkout may not have them: the tests that need them skip, saying where they looked.
    CI has them, so there a missing folder fails instead of skipping silently."""
    root = Path(os.environ.get("ENGRAM_ALFWORLD_REAL", REAL_DATA))
    if not (root / "json_2.1.1" / "valid_unseen").is_dir():
        reason = f"real ALFWorld data not found at {root} (set ENGRAM_ALFWORLD_REAL to its folder)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return root


@pytest.fixture()
def cli() -> Callable[..., Done]:
    """``engram ARGS`` in this process (typer's runner): the same parsing, commands and exit codes as
    the console script, without paying a new interpreter and its imports for every call. Tests of
    what only a process boundary shows (SIGKILL, entry points, the console script) use subprocesses."""
    from typer.testing import CliRunner

    from engram.tools.cli import app

    def invoke(*args: object) -> Done:
        result = CliRunner().invoke(app, [str(a) for a in args])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a bug of ours: show its traceback, not an exit code
        return Done(result.exit_code, result.stdout, result.stderr)

    return invoke


@dataclass
class Done:
    """What a CLI call ended with, named like ``subprocess.CompletedProcess``."""

    returncode: int
    stdout: str
    stderr: str


_SESSION_START = time.time()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No orphaned browsers: after the suite, no Chromium or chromedriver that a test started may
    still run, neither under this process nor re-parented to init (what a leaked one becomes)."""
    try:
        import psutil
    except ImportError:
        return
    if "engram.envs.miniwob_browsers" in sys.modules:  # what the exit handler does, before the check
        sys.modules["engram.envs.miniwob_browsers"].release_browsers()
    me = psutil.Process()

    def leftovers() -> list[str]:
        found = []
        for p in psutil.process_iter(["name", "ppid", "create_time"]):
            try:
                orphan = p.info["ppid"] == 1 and p.info["create_time"] >= _SESSION_START
                mine = orphan or p in me.children(recursive=True)
                if mine and "chrom" in (p.info["name"] or "") and p.status() != psutil.STATUS_ZOMBIE:
                    found.append(f"{p.pid} {p.info['name']}")
            except psutil.Error:
                pass
        return found

    deadline = time.time() + 15
    while leftovers() and time.time() < deadline:
        time.sleep(0.5)
    if leftovers():
        print(f"\nleft running after the suite: {leftovers()}")
        session.exitstatus = 1
