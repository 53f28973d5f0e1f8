"""Every experiment the README lists, run for real at the smallest size that still measures something:
one small iteration, in this process (``main(argv)``), on the fixture games where it takes games.

These are not the studies' figures (those need the default sizes and minutes); they prove that the
command runs end to end on today's code and that what it prints or writes is shaped as the README
says. ``tests/test_readme_commands.py`` maps each README command line to the test that runs it.
Those that load torch, a browser, Ray, a solver or another process are ``slow`` (the inner loop
keeps the cheap ones).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest


def _last(capsys: pytest.CaptureFixture[str], prefix: str) -> dict[str, str]:
    """The ``key=value`` fields of the last printed line that starts with ``prefix``."""
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(prefix)]
    assert lines, f"no line starting {prefix!r} was printed"
    return dict(re.findall(r"(\w+)=(\S+)", lines[-1]))


def _one_game(games_dir: Path, into: Path) -> Path:
    """A folder holding the fixture's first game (its trial folder, as ``find_games`` wants it)."""
    from engram.envs.alfworld import find_games

    game = find_games(games_dir)[0]
    shutil.copytree(game.parent, into / "task" / game.parent.name)
    return into


@pytest.mark.slow
def test_bench_step_interleaves_repeats_and_reports_the_median_ratio(stream_dir: Path, capsys) -> None:
    from engram.experiments import bench_step

    ratio = bench_step.main(["--games", str(stream_dir), "--limit", "1", "--repeats", "2", "--max-steps", "4"])
    out = capsys.readouterr().out
    fields = dict(re.findall(r"(\w+)=(\S+)", out.splitlines()[-1]))
    assert fields["repeats"] == "2" and float(fields["overhead_ratio"]) == pytest.approx(ratio, abs=1e-3)
    per_repeat = [float(x) for x in re.search(r"per-repeat engram/raw: +(.+)", out).group(1).split()]  # type: ignore[union-attr]
    assert len(per_repeat) == 2 and ratio == pytest.approx(sum(per_repeat) / 2, abs=2e-3)  # the median of two
    assert float(fields["raw_median_ms"]) > 0 and float(fields["engram_median_ms"]) > float(fields["raw_median_ms"])
    # each repeat times the empty graph's floor too; its ratio is the median of the repeats' like the other
    # (no bound on it: on a loaded machine a repeat's raw side can be the slow one, as the engram side can)
    floors = [float(x) for x in re.search(r"per-repeat floor ratio: +(.+)", out).group(1).split()]  # type: ignore[union-attr]
    assert float(fields["floor_ms"]) > 0 and len(floors) == 2 and all(f > 0 for f in floors)
    assert float(fields["floor_ratio"]) == pytest.approx(sum(floors) / 2, abs=2e-3)
    assert "games=1 steps=4 repeats=2" in out


@pytest.mark.slow
def test_bench_gnn_times_building_inference_training_and_retrieval(capsys) -> None:
    from engram.experiments import bench_gnn

    bench_gnn.main(["--graphs", "3", "--batch", "2", "--train-states", "3", "--epochs", "1", "--stored", "12",
                    "--queries", "2", "--convs", "gin"])  # fmt: skip
    out = capsys.readouterr().out
    assert re.search(r"build: [\d,]+ state graphs/s", out) and "inference gin:" in out
    assert "training (gin): 3 states x 1 epochs" in out and "retrieval at 12 states" in out
    assert int(out.splitlines()[-1].removeprefix("graphs_per_s=")) > 0


@pytest.mark.slow
def test_bench_memory_times_recall_for_every_module_it_can_fill(capsys) -> None:
    from engram.experiments import bench_memory

    bench_memory.main(["--sizes", "40", "--queries", "4"])
    lines = [dict(re.findall(r"(\w+)=(\S+)", x)) for x in capsys.readouterr().out.splitlines() if "bench_memory:" in x]
    assert [x["module"] for x in lines] == list(bench_memory.FILLERS) and {x["items"] for x in lines} == {"40"}
    assert all(float(x["p99_ms"]) >= float(x["p50_ms"]) >= 0 for x in lines)
    with pytest.raises(SystemExit):  # a module it cannot fill is refused by name, not a KeyError
        bench_memory.main(["--modules", "experience"])


def test_scene_accuracy_compares_scene_memory_with_the_engine(stream_dir: Path, tmp_path: Path, capsys) -> None:
    from engram.experiments import scene_accuracy

    scene_accuracy.main(["--games", str(stream_dir), "--run-dir", str(tmp_path)])
    found = re.search(r"scene_accuracy: fresh=(\d+)/(\d+) \(.*\) all=(\d+)/(\d+)", capsys.readouterr().out)
    assert found, "no final line"
    fresh_agree, fresh, agree, total = map(int, found.groups())
    assert 0 < fresh <= total and fresh_agree <= fresh and agree <= total
    assert len(list((tmp_path / "episodes").iterdir())) == 4  # one episode per game of the stream


@pytest.mark.slow
def test_household_gap_and_its_bound(games_dir: Path, tmp_path: Path, capsys) -> None:
    """``household_gap`` on one game (the expert's plan, a run per setting), then ``household_bound
    --gap`` reading the gap it wrote: the README's two commands in the order a user runs them."""
    from engram.experiments import household_bound, household_gap

    games = _one_game(games_dir, tmp_path / "games")
    household_gap.main(["--out", str(tmp_path / "out"), "--games", str(games), "--max-steps", "30"])
    fields = _last(capsys, "household_gap:")
    gap = json.loads((tmp_path / "out" / "gap.json").read_text())
    top = gap["groups"]["all games"]
    assert top["games"] == 1 and top["expert"] >= 1 and {"none", "all"} <= set(top)
    assert fields["none"] == f"{top['none']['successes']}/1@{top['none']['steps']}"
    assert (tmp_path / "out" / "gap.md").read_text().startswith("| games | n |")
    household_bound.main(["--games", str(games), "--gap", str(tmp_path / "out" / "gap.json")])
    out = capsys.readouterr().out
    assert f"memoryless planner (measured) {top['none']['steps']}" in out and "household_bound: kinds=" in out


def test_context_curve_counts_prompt_tokens_against_full_history(capsys) -> None:
    from engram.experiments import context_curve

    context_curve.main(["--steps", "6", "--memory", "working"])
    fields = _last(capsys, "context:")
    assert int(fields["step5"]) > 0 and int(fields["step6"]) > 0
    assert int(fields["baseline_step6"]) > int(fields["baseline_step5"])  # full history only grows


def test_fuzz_llm_outputs_puts_malformed_completions_through_the_stack(capsys) -> None:
    from engram.experiments import fuzz_llm_outputs

    fuzz_llm_outputs.main(["--cases", "6", "--limit", "1", "--max-steps", "3", "--memory", "working",
                           "--formats", "json,tools"])  # fmt: skip
    fields = _last(capsys, "fuzz:")
    assert int(fields["cases"]) >= 6 and fields["crashes"] == "0" and fields["non_admissible"] == "0"


def test_babyai_compares_the_grid_planner_with_the_bot(capsys) -> None:
    from engram.experiments import babyai

    babyai.main(["--episodes", "1", "--levels", "GoToRedBall", "--memory", "none"])
    fields = _last(capsys, "babyai:")
    assert fields["levels"] == "1" and fields["bot_success"] == "1.000"
    assert 0.0 <= float(fields["engram_success"]) <= 1.0


@pytest.mark.slow
def test_miniwob_reports_reward_steps_and_browser_memory_per_setting(tmp_path: Path, capsys) -> None:
    pytest.importorskip("miniwob")
    from engram.experiments import miniwob

    miniwob.main(["--episodes", "1", "--tasks", "click-test", "--memory", "all,none", "--out", str(tmp_path)])
    finals = [line for line in capsys.readouterr().out.splitlines() if line.startswith("miniwob:")]
    assert [re.search(r"memory=(\S+)", x).group(1) for x in finals] == ["all", "none"]  # type: ignore[union-attr]
    for final in finals:  # click-test: one click wins, its reward discounted by the time it took
        fields = dict(re.findall(r"(\w+)=(\S+)", final))
        assert fields["tasks"] == "1" and 0 < float(fields["mean_reward"]) <= 1 and fields["planner_calls"] == "1.00"


@pytest.mark.slow
def test_gui_shortcuts_counts_planner_calls_with_and_without(tmp_path: Path, capsys) -> None:
    pytest.importorskip("miniwob")
    from engram.experiments import gui_shortcuts

    gui_shortcuts.main(["--episodes", "2", "--families", "enter-text", "--out", str(tmp_path)])
    fields = _last(capsys, "shortcuts:")
    assert fields["families"] == "1" and float(fields["calls_with"]) <= float(fields["calls_without"])


@pytest.mark.slow
@pytest.mark.budget(90, "memory_ablation runs each setting as its own `engram run` process")
def test_memory_ablation_runs_each_setting_and_writes_the_comparison(stream_dir: Path, tmp_path: Path) -> None:
    """The games are given (a stream in ``OUT/games`` is reused, as on a re-run), so what runs is the
    ablation itself: a process per setting, the table and the learning curve."""
    from engram.experiments import memory_ablation

    shutil.copytree(stream_dir, tmp_path / "games")
    memory_ablation.main(["--out", str(tmp_path), "--settings", "none,scene", "--no-affordance-baseline"])
    rows = json.loads((tmp_path / "comparison.json").read_text())
    assert [r["memory"] for r in rows] == ["none", "scene"] and all(r["episodes"] == 4 for r in rows)
    assert (tmp_path / "learning_curve.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.slow
@pytest.mark.budget(120, "transfer collects, trains the encoder and evaluates both arms in spawned processes")
def test_transfer_trains_a_bank_and_evaluates_both_arms(stream_dir: Path, games_dir: Path, tmp_path: Path) -> None:
    from engram.experiments import transfer

    # Given games are reused, as on a re-run: the stream's first task to train on, another house's to test.
    _one_game(stream_dir, tmp_path / "train" / "house_000")
    _one_game(games_dir, tmp_path / "test" / "house_000")
    for split in ("train", "test"):
        (tmp_path / split / "generation.json").write_text("{}")
    transfer.main(["--out", str(tmp_path), "--epochs", "1", "--budget", "8", "--collect-steps", "20", "--jobs", "1"])
    report = json.loads((tmp_path / "transfer-task.json").read_text())
    assert report["budget"] == 8 and set(report["overall"]) == {"on", "off"}
    assert all(arm["episodes"] == 1 for arm in report["overall"].values())
    assert (tmp_path / "bank.sqlite").exists()


@pytest.mark.slow
def test_converge_plays_each_game_repeatedly(tmp_path: Path, capsys) -> None:
    from engram.experiments import converge

    converge.main(["--out", str(tmp_path), "--families", "simple", "--worlds", "1", "--plays", "2",
                   "--max-steps", "20"])  # fmt: skip
    fields = _last(capsys, "converge:")
    assert fields["family"] == "simple" and re.fullmatch(r"\d/2@\S+", fields["none"]) and "all" in fields
    report = json.loads((tmp_path / "converge.json").read_text())
    assert [len(report["families"]["simple"]["episodes"][m]) for m in ("none", "all")] == [2, 2]


@pytest.mark.slow
@pytest.mark.xdist_group("ray")  # one Ray at a time on 2 cores (tests/agents/test_parallel.py)
@pytest.mark.budget(120, "Ray's start and one worker")
def test_bench_parallel_times_serial_against_ray(stream_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from engram.experiments import bench_parallel

    # The benchmark gives each side a cold engine cache through $ENGRAM_CACHE: put it back afterwards.
    monkeypatch.setenv("ENGRAM_CACHE", os.environ.get("ENGRAM_CACHE", str(tmp_path / "cache")))

    shutil.copytree(stream_dir, tmp_path / "games")  # given games are reused
    bench_parallel.main(["--part", "offline", "--games", "1", "--workers", "1", "--max-steps", "5",
                         "--memory", "none", "--out", str(tmp_path)])  # fmt: skip
    fields = _last(capsys, "bench_parallel: part=")
    assert fields["part"] == "offline" and fields["workers"] == "1" and float(fields["speedup"]) > 0
    for side in ("serial", "ray"):
        assert len(list((tmp_path / side / "episodes").iterdir())) == 1
