"""The memoized engine parses (``envs/tw_speedup.py``) change nothing but the time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engram.envs import tw_speedup
from engram.envs.alfworld import find_games


def test_cached_results_are_private_copies_and_unhashable_calls_still_work() -> None:
    calls: list[object] = []

    def parse(text: object, rule_name: str = "symbols") -> list[dict[str, object]]:
        calls.append(text)
        return [{"text": text, "rule": rule_name}]

    cached = tw_speedup.memoized(parse, 2)
    first = cached("a", rule_name="x")
    first[0]["text"] = "mutated by the engine"
    assert cached("a", rule_name="x") == [{"text": "a", "rule": "x"}] and calls == ["a"]
    assert cached(["a list"]) == [{"text": ["a list"], "rule": "symbols"}]  # unhashable: computed
    assert cached(["a list"]) and calls == ["a", ["a list"], ["a list"]]
    cached("b"), cached("c"), cached("a", rule_name="x")  # the bound evicts the oldest
    assert calls[-1] == "a" and cached.cache_info().maxsize == 2


def test_translations_on_disk_are_reused_and_a_bad_entry_is_translated_again(tmp_path: Path) -> None:
    """The real translator's output round-trips; a cut-off file, or one that would build anything
    but FastDownward's task classes (here: a call to ``os.system``), is translated again, never run."""
    import pickle
    import zlib

    import fast_downward

    from engram.envs.alfworld import read_game

    calls: list[bool] = []
    translate = fast_downward.pddl2sas
    while hasattr(translate, "__wrapped__"):  # the engine's own function, under engram's caches
        translate = translate.__wrapped__

    def counted(domain: str, problem: str, verbose: bool = False, optimize: bool = False) -> object:
        calls.append(optimize)
        return translate(domain, problem, verbose=verbose, optimize=optimize)

    game = read_game(find_games(Path(__file__).parents[1] / "data" / "games")[0])
    cached = tw_speedup.on_disk(counted, tmp_path, limit=1)
    task, sas = cached(game["pddl_domain"], game["pddl_problem"])
    again, sas_again = cached(game["pddl_domain"], game["pddl_problem"])
    assert calls == [False] and sas_again == sas and [a.name for a in again.actions] == [a.name for a in task.actions]
    (entry,) = tmp_path.glob("*.pickle.z")
    entry.write_bytes(entry.read_bytes()[:100])  # cut off
    assert cached(game["pddl_domain"], game["pddl_problem"])[1] == sas and calls == [False, False]

    class Hostile:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, ("touch " + str(tmp_path / "ran"),))

    entry.write_bytes(zlib.compress(pickle.dumps((Hostile(), "sas"))))
    assert cached(game["pddl_domain"], game["pddl_problem"])[1] == sas and calls == [False, False, False]
    assert not (tmp_path / "ran").exists()
    cached(game["pddl_domain"], game["pddl_problem"], optimize=True)  # a second entry: the limit keeps one
    assert len(list(tmp_path.glob("*.pickle.z"))) == 1


def test_the_engine_installs_once_and_an_opt_out_runs_it_as_shipped(monkeypatch) -> None:
    done = tw_speedup.install()
    assert set(done) == {"textworld.envs.pddl.textgen._parse_and_convert", "textworld.logic._parse_and_convert",
                         "fast_downward.pddl2sas", "textworld.envs.pddl.textgen.copy_context"}  # fmt: skip
    import fast_downward

    wrapped = fast_downward.pddl2sas
    assert tw_speedup.install() == done and fast_downward.pddl2sas is wrapped  # not wrapped twice
    monkeypatch.setenv("ENGRAM_TW_SPEEDUP", "0")
    assert tw_speedup.install() == []


@pytest.mark.slow
def test_episodes_are_the_same_with_and_without_the_caches(games_dir: Path, cli, tmp_path: Path) -> None:
    """Two games of different task types played in this process (caches on) and in a process that
    runs the engine as it ships: every action, observation, fact and admissible command agrees.
    Twelve steps each: every step renders every command through the grammar, so a dozen steps of
    two task types exercise what the caches touch; the shipped engine is the slow side."""
    games = find_games(games_dir)
    picked = [games[0], next(g for g in games if "heat" in str(g))]
    both = tmp_path / "games"  # one run of both games a side: one process start for the shipped side
    for k, game in enumerate(picked):
        shutil.copytree(game.parent, both / str(k) / game.parent.name)
    assert len(find_games(both)) == 2
    runs = {}
    for name, env in (("cached", None), ("shipped", {**os.environ, "ENGRAM_TW_SPEEDUP": "0"})):
        run_dir = tmp_path / name
        args = ["run", "--games", str(both), "--memory", "none", "--max-steps", "12", "--run-dir", str(run_dir)]
        if env is None:
            assert cli(*args).returncode == 0
        else:
            done = subprocess.run([sys.executable, "-m", "engram", *args], env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        runs[name] = [
            [json.loads(line) for line in (run_dir / "episodes" / f"ep{k:04d}" / "steps.jsonl").open()]
            for k in range(len(picked))
        ]
    for cached, shipped in zip(runs["cached"], runs["shipped"], strict=True):
        assert len(cached) > 3
        assert [(s["action"], s["observation"]) for s in cached] == [(s["action"], s["observation"]) for s in shipped]
