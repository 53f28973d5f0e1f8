"""Shared fixtures: real games generated once per test session on the real ALFWorld engine."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from engram.envs.household.generator import Generator, Report


@pytest.fixture(scope="session")
def games_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four houses (one of each room kind) x 6 tasks: every task type appears."""
    out = tmp_path_factory.mktemp("games")
    report = Generator(out, seed=11).run(houses=4, tasks_per_house=6)
    assert report.games, report.rejected
    return out


@pytest.fixture(scope="session")
def games_report(games_dir: Path) -> dict:
    import json

    return json.loads((games_dir / "generation.json").read_text())


@pytest.fixture(scope="session")
def stream_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stream")
    report: Report = Generator(out, seed=5, stream=True, perturb=0.3, rooms=("kitchen",)).run(1, 4)
    assert len(report.games) == 4, report.rejected
    return out


@pytest.fixture(scope="session")
def one_game(games_dir: Path) -> Path:
    from engram.envs.alfworld import find_games

    return find_games(games_dir)[0]


@pytest.fixture(scope="session")
def solved_run(games_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline planner's run over every generated game."""
    from engram.agents.runner import run_games
    from engram.envs.alfworld import find_games

    run_dir = tmp_path_factory.mktemp("run")
    run_games(find_games(games_dir), run_dir, max_steps=60)
    return run_dir


_SESSION_START = time.time()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No orphaned browsers: after the suite, no Chromium or chromedriver that a test started may
    still run, neither under this process nor re-parented to init (what a leaked one becomes)."""
    try:
        import psutil
    except ImportError:
        return
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
