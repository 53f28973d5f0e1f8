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
                      "per_task_type", "llm", "episodes", "schema"}  # fmt: skip
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


def _copy_episodes(run: Path, into: Path, *episodes: str) -> Path:
    """A run directory holding only ``run``'s manifest and ``episodes``: what show and replay read."""
    import shutil

    into.mkdir()
    shutil.copy(run / "manifest.json", into)
    for episode in episodes:
        shutil.copytree(run / "episodes" / episode, into / "episodes" / episode)
    return into


def test_a_steps_file_cut_short_is_named_by_show_and_fails_replay(solved_run: Path, tmp_path: Path, cli) -> None:
    """Issue 26 (8): three of an episode's steps left used to show as a solved episode and replay as
    "0 differing" (exit 0)."""
    run = _copy_episodes(solved_run, tmp_path / "run", "ep0001")
    steps = run / "episodes" / "ep0001" / "steps.jsonl"
    lines = steps.read_text().splitlines(keepends=True)
    recorded = json.loads((run / "episodes" / "ep0001" / "episode.json").read_text())["result"]["steps"]
    steps.write_text("".join(lines[:3]))
    shown = cli("show", run, "ep0001")
    assert shown.returncode == 0 and f"episodes/ep0001/steps.jsonl holds 3 of {recorded} steps" in shown.stderr
    replayed = cli("replay", run)
    assert replayed.returncode == 1, replayed.stdout
    assert f"episodes/ep0001/steps.jsonl holds 3 of {recorded} steps" in replayed.stderr
    # A step missing in the middle: the indices say so even where the count would not.
    steps.write_text("".join(lines[:2] + lines[3:]))
    replayed = cli("replay", run)
    assert replayed.returncode == 1 and "steps.jsonl: its step 3 has t=3, not 2" in replayed.stderr
    # A torn last line is what a killed writer leaves: corruption in a finished episode...
    steps.write_text("".join(lines) + '{"t": 41, "act')
    shown = cli("show", run, "ep0001")
    assert f"steps.jsonl line {len(lines) + 1} is unreadable" in shown.stderr
    assert cli("replay", run).returncode == 1
    # ...but normal in one still being written (no result yet): nothing to warn about.
    episode = run / "episodes" / "ep0001" / "episode.json"
    episode.write_text(json.dumps({k: v for k, v in json.loads(episode.read_text()).items() if k != "result"}))
    shown = cli("show", run, "ep0001")
    assert shown.returncode == 0 and "warning" not in shown.stderr and "unfinished" in shown.stdout


def test_an_unreadable_episode_json_is_named_and_hides_no_other_episode(solved_run: Path, tmp_path: Path, cli) -> None:
    """Issue 26 (9): a cut-off episode.json crashed show and replay with a JSONDecodeError that named
    no file, and the overview lost every other episode."""
    run = _copy_episodes(solved_run, tmp_path / "run", "ep0000", "ep0001")
    episode = run / "episodes" / "ep0000" / "episode.json"
    episode.write_bytes(episode.read_bytes()[: episode.stat().st_size // 2])
    overview = cli("show", run)
    assert overview.returncode == 0 and "ep0001" in overview.stdout and "solved" in overview.stdout
    assert "unreadable: episodes/ep0000/episode.json: not valid JSON" in overview.stderr
    one = cli("show", run, "ep0000")
    assert one.returncode == 2 and not one.stdout  # the error alone (rich wraps it at the terminal's width)
    assert f"{episode}: not valid JSON" in one.stderr.replace("\n", "")
    replayed = cli("replay", run)
    assert replayed.returncode == 1 and "episodes/ep0000/episode.json: not valid JSON" in replayed.stderr
    assert "replayed 1 episodes" in replayed.stdout
    episode.write_text("[]")  # valid JSON of the wrong shape
    one = cli("show", run, "ep0000")
    assert one.returncode == 2 and f"{episode}: holds a JSON list, not an object" in one.stderr.replace("\n", "")
    (run / "manifest.json").write_text('{"config": ')
    for args in (("show", run), ("replay", run)):
        res = cli(*args)
        assert res.returncode == 2 and "manifest.json: not valid JSON" in res.stderr.replace("\n", ""), args


def test_a_game_whose_pddl_problem_is_cut_off_is_named_before_anything_runs(
    alfworld_real: Path, tmp_path: Path, cli
) -> None:
    """Issue 26 (10): the engine's parser ended the run with a 296-line traceback naming no file and
    left a run directory with no episodes."""
    import shutil

    real = sorted((alfworld_real / "json_2.1.1" / "valid_unseen").glob("*/*/game.tw-pddl"))[0]
    task = tmp_path / "games" / "task" / "trial"
    shutil.copytree(real.parent, task)
    game = task / "game.tw-pddl"
    game.chmod(0o644)
    data = json.loads(game.read_text())
    data["pddl_problem"] = data["pddl_problem"][: len(data["pddl_problem"]) // 2]
    game.write_text(json.dumps(data))
    for source in (game, tmp_path / "games"):
        res = cli("run", "--games", source, "--run-dir", tmp_path / "run", "--memory", "none")
        assert res.returncode == 2, res.stdout
        assert f"{game}: its pddl_problem is cut off" in res.stderr.replace("\n", "")
        assert not (tmp_path / "run").exists()


def test_an_offset_past_the_last_game_is_refused(tmp_path: Path, cli) -> None:
    """Issue 26 (11): ``--offset 999`` on the 12-game bundled stream made an empty run with success 0.0."""
    res = cli("run", "--offset", "999", "--run-dir", tmp_path / "run")
    assert res.returncode == 2 and "--offset 999 skips all 12 games" in res.stderr
    assert not (tmp_path / "run").exists()
