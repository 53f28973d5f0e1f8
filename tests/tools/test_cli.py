"""The command line as a user types it: in-process through the ``cli`` fixture (typer's runner, the
same parsing and exit codes), and the installed console script once, as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def test_generate_writes_games_and_is_deterministic(tmp_path: Path, cli) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        res = cli("generate", str(out), "--houses", "1", "--tasks-per-house", "2", "--seed", "4")
        assert res.returncode == 0, res.stderr
        assert "2 games" in res.stdout
    games_a = sorted(p.relative_to(a) for p in a.rglob("game.tw-pddl"))
    assert len(games_a) == 2 and games_a == sorted(p.relative_to(b) for p in b.rglob("game.tw-pddl"))
    for rel in games_a:
        assert json.loads((a / rel).read_text())["pddl_problem"] == json.loads((b / rel).read_text())["pddl_problem"]


def test_show_prints_an_episode_and_the_overview(solved_run: Path, cli) -> None:
    overview = cli("show", str(solved_run))
    assert overview.returncode == 0 and "ep0000" in overview.stdout and "pick_" in overview.stdout
    episode = cli("show", str(solved_run), "ep0000", "--facts")
    assert episode.returncode == 0
    first = json.loads((solved_run / "episodes" / "ep0000" / "steps.jsonl").read_text().splitlines()[0])
    assert f"> {first['action']}" in episode.stdout and "Your task is to:" in episode.stdout
    missing = cli("show", str(solved_run), "ep9999")
    assert missing.returncode == 2 and "no episode" in missing.stderr


def test_run_rejects_a_path_without_games(tmp_path: Path, cli) -> None:
    res = cli("run", "--games", str(tmp_path), "--run-dir", str(tmp_path / "run"))
    assert res.returncode == 2 and "no game.tw-pddl games" in res.stderr


def test_backend_options_are_checked_before_anything_runs(tmp_path: Path, cli) -> None:
    res = cli("run", "--run-dir", tmp_path / "r", "--episode-timeout", "5", "--ray-address", "auto")
    assert res.returncode == 2 and "--episode-timeout, --ray-address need --backend ray" in res.stderr
    res = cli("run", "--run-dir", tmp_path / "r", "--backend", "dask")
    assert res.returncode == 2 and "unknown backend 'dask'" in res.stderr
    assert not (tmp_path / "r").exists()


def test_bad_generate_options_are_refused(tmp_path: Path, cli) -> None:
    res = cli("generate", str(tmp_path / "x"), "--perturb", "3")
    assert res.returncode == 2 and "perturb" in res.stderr.lower()
    res = cli("generate", str(tmp_path / "x"), "--rooms", "garage")
    assert res.returncode == 2 and "unknown room kinds ['garage']" in res.stderr


@pytest.mark.slow
def test_stream_generates_runs_and_resumes(tmp_path: Path, cli) -> None:
    run_dir = tmp_path / "run"
    args = ("stream", "--houses", "1", "--tasks", "2", "--perturb", "0.2", "--seed", "2", "--memory", "scene",
            "--run-dir", str(run_dir))  # fmt: skip
    first = cli(*args)
    assert first.returncode == 0, first.stderr
    summary = json.loads((run_dir / "summary.json").read_text())
    assert {"success_rate", "steps_per_success", "episodes"} <= set(summary) and summary["episodes_total"] == 2
    assert (run_dir / "games" / "house_000" / "stream.json").exists() and (run_dir / "memory" / "scene.sqlite").exists()
    # Compared with the memoryless baseline (run on the same games) in a table and a learning curve.
    rows = json.loads((run_dir / "comparison.json").read_text())
    baseline = json.loads((run_dir / "compare" / "none" / "summary.json").read_text())
    assert [r["memory"] for r in rows] == ["none", "scene"] and len(rows[1]["curve"]) == 2
    assert rows[0]["steps_per_success"] == baseline["steps_per_success"]
    assert rows[1]["steps_per_success"] == summary["steps_per_success"]
    assert "| scene | 2 |" in (run_dir / "comparison.md").read_text()
    assert (run_dir / "learning_curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = cli(*args)
    assert again.returncode == 0 and "generated" not in again.stdout
    assert json.loads((run_dir / "summary.json").read_text())["episodes"] == summary["episodes"]
    other = cli(*args[:-2], "--seed", "3", "--run-dir", str(run_dir))
    assert other.returncode == 2 and "different seed" in other.stderr


@pytest.mark.slow
def test_stream_runs_textworld_persistent_worlds_like_households(tmp_path: Path, cli) -> None:
    """The same command, flags and outputs as a household stream, on TextWorld worlds x quests."""
    run_dir = tmp_path / "tw"
    args = ("stream", "--env", "engram/TextWorld-v0", "--worlds", "1", "--quests", "2", "--seed", "5",
            "--memory", "all", "--run-dir", str(run_dir))  # fmt: skip
    first = cli(*args)
    assert first.returncode == 0, first.stderr
    made = json.loads((run_dir / "games" / "generation.json").read_text())
    assert made["family"] == "custom" and made["worlds"] == 1 and made["quests"] == 2 and len(made["games"]) == 2
    summary = json.loads((run_dir / "summary.json").read_text())
    household_keys = {"episodes_total", "success_rate", "steps_per_success", "median_steps_success",
                      "per_task_type", "llm", "episodes"}  # fmt: skip
    assert set(summary) == household_keys and summary["episodes_total"] == 2
    assert {e["world_id"] for e in summary["episodes"]} == {summary["episodes"][0]["world_id"]}
    rows = json.loads((run_dir / "comparison.json").read_text())
    assert [r["memory"] for r in rows] == ["none", "all"] and len(rows[1]["curve"]) == 2
    assert "| all | 2 |" in (run_dir / "comparison.md").read_text()
    other = cli(*args[:-4], "--seed", "6", "--memory", "all", "--run-dir", str(run_dir))
    assert other.returncode == 2 and "different seed" in other.stderr


def test_experience_bank_collects_trains_and_reports(stream_dir: Path, tmp_path: Path, cli) -> None:
    """Real engine: a run with the bank fills it; ``experience train`` trains it; ``show`` says so."""
    run_dir = tmp_path / "run"
    res = cli("run", "--games", str(stream_dir), "--memory", "experience", "--run-dir", str(run_dir))
    assert res.returncode == 0, res.stderr
    summary = json.loads((run_dir / "summary.json").read_text())
    bank = run_dir / "memory"
    shown = cli("experience", "show", str(bank))
    assert shown.returncode == 0 and f"{summary['episodes_total']} traces" in shown.stdout
    assert "encoder v0" in shown.stdout and "untrained" in shown.stdout
    trained = cli("experience", "train", str(bank), "--epochs", "3", "--seed", "1")
    assert trained.returncode == 0, trained.stderr
    assert "encoder v1 (gin)" in trained.stdout
    shown = cli("experience", "show", str(bank))
    assert "encoder v1" in shown.stdout and "v1: trained on" in shown.stdout
    # The bank's recalls reached the planner: steps carry experience priors and lookahead verdicts.
    steps = [json.loads(line) for line in (run_dir / "episodes" / "ep0003" / "steps.jsonl").read_text().splitlines()]
    kinds = {r["kind"] for s in steps for r in s["recalls"] if r["source"] == "experience"}
    assert {"prior", "experience"} <= kinds
    missing = cli("experience", "train", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no experience bank" in missing.stderr


def test_run_with_the_llm_planner_against_an_openai_compatible_server(tmp_path: Path, cli, monkeypatch) -> None:
    pytest.importorskip("openai")
    from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible

    def model(request: dict) -> Reply:
        if len(request["messages"]) == 1:
            return Reply(content='{"tip": "Open closed receptacles before giving up on them."}')
        return Reply(content=json.dumps({"action": prompt_admissible(request)[0]}))

    with ScriptedLLMServer(model) as server:
        res = cli("run", "--planner", "llm", "--model", "local-model", "--base-url", server.url, "--limit", "1",
                      "--max-steps", "4", "--memory", "working", "--run-dir", str(tmp_path / "run"),
                      "--price-in", "2.5", "--price-out", "10", "--max-tokens", "77")  # fmt: skip
        sent, url = list(server.requests), server.url
    assert res.returncode == 0, res.stderr + res.stdout
    assert {r["max_tokens"] for r in sent} == {77}
    assert "model calls 5 (0 cached)" in res.stdout
    assert {r["model"] for r in sent} == {"local-model"} and len(sent) == 5
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["config"]["model"] == "local-model" and manifest["config"]["llm"]["base_url"] == url
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    led = summary["llm"]
    expected = (led["prompt_tokens"] * 2.5 + led["completion_tokens"] * 10) / 1e6
    assert led["calls"] == 5 and abs(led["cost"] - expected) < 1e-6 and led["cost"] > 0
    # Bad configurations are refused before anything runs.
    no_model = cli("run", "--planner", "llm", "--run-dir", str(tmp_path / "x"))
    assert no_model.returncode == 2 and "--model" in no_model.stderr
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    no_endpoint = cli("run", "--planner", "llm", "--model", "m", "--run-dir", str(tmp_path / "y"))
    assert no_endpoint.returncode == 2 and "--base-url" in no_endpoint.stderr
    bad = cli("run", "--planner", "gpt", "--run-dir", str(tmp_path / "z"))
    assert bad.returncode == 2 and "unknown planner" in bad.stderr


def test_the_console_script_is_the_cli_with_its_exit_codes(tmp_path: Path) -> None:
    """The installed entry points as a shell runs them: ``engram`` and ``python -m engram``."""
    import shutil

    script = shutil.which("engram")
    assert script, "the engram console script is not on PATH"
    listed = subprocess.run([script, "envs"], capture_output=True, text=True)
    assert listed.returncode == 0 and "engram/ALFWorld-v0" in listed.stdout.split()
    empty = subprocess.run([sys.executable, "-m", "engram", "run", "--games", str(tmp_path)], capture_output=True,
                           text=True)  # fmt: skip
    assert empty.returncode == 2 and "no game.tw-pddl games" in empty.stderr
    usage = subprocess.run([script, "run", "--no-such-option"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such option" in usage.stderr
