"""README command lines no other test runs through the command line: the generator's stream, room,
split and habit options, a folder of TextWorld games played without ``--env``, and the LLM planner's
answer formats with their prompt, price and cache options. Each at the smallest size that shows the
option took effect (``tests/test_readme_commands.py`` maps README lines to tests)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest


@pytest.mark.slow
def test_generate_streams_of_multi_room_held_out_houses_with_habits(tmp_path: Path, cli) -> None:
    """One command with every option the README shows for ``engram generate`` beyond the basic one
    (``--stream --perturb``, ``--rooms-per-house``, ``--split test``, ``--habits``): one house of one
    task, so one game is proven; that each option reached the generator is read from what it wrote."""
    out = tmp_path / "out"
    res = cli("generate", out, "--stream", "--houses", "1", "--tasks-per-house", "1", "--perturb", "0.2",
              "--rooms-per-house", "2", "--split", "test", "--habits", "--seed", "0")  # fmt: skip
    assert res.returncode == 0, res.stderr
    made = json.loads((out / "generation.json").read_text())
    assert made["stream"] is True and made["perturb"] == 0.2 and made["rooms_per_house"] == 2
    assert made["split"] == "test" and made["habits"] is True and made["games"] and not made["rejected"]
    house = json.loads((out / "house_000" / "house.json").read_text())
    assert len(house["floor_plans"]) == 2 and "+" in house["room"]  # two floor plans side by side
    assert all(plan % 5 == 0 for plan in house["floor_plans"])  # held-out plans only: every fifth
    stream = json.loads((out / "house_000" / "stream.json").read_text())
    assert stream["perturb"] == 0.2 and len(stream["tasks"]) == 1


@pytest.mark.slow
def test_run_plays_a_folder_of_textworld_games_without_being_told_the_env(tw_stream: Path, tmp_path: Path, cli) -> None:
    """``engram run --games WORLDS``: .z8/.ulx games are played on engram/TextWorld-v0 by themselves."""
    world = next(p for p in sorted(tw_stream.iterdir()) if p.is_dir())
    games = tmp_path / "worlds"
    shutil.copytree(world, games)
    res = cli("run", "--games", games, "--memory", "none", "--max-steps", "4", "--limit", "1",
              "--run-dir", tmp_path / "run")  # fmt: skip
    assert res.returncode == 0, res.stderr
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["config"]["env_id"] == "engram/TextWorld-v0"
    assert json.loads((tmp_path / "run" / "summary.json").read_text())["episodes_total"] == 1


@pytest.mark.slow
def test_llm_formats_prompt_budget_prices_and_a_shared_cache_from_the_command_line(tmp_path: Path, cli) -> None:
    """The README's ``--llm-format tools --prompt-budget --price-in --price-out --llm-cache`` line and
    its ``--llm-format schema`` line, against the scripted OpenAI-compatible server: each format is
    what the server is asked for, the budget and prices land in the run, and the answers go to the
    cache named (a second run of the same command costs no model call)."""
    pytest.importorskip("openai")
    from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible

    def model(request: dict) -> Reply:
        action = (prompt_admissible(request) or ["look"])[0]
        if request.get("tools"):
            return Reply(tool_calls=[{"name": "act", "arguments": {"action": action}}])
        return Reply(content=json.dumps({"action": action}))

    cache = tmp_path / "llm.sqlite"
    with ScriptedLLMServer(model) as server:
        common = ("--planner", "llm", "--model", "M", "--base-url", server.url, "--limit", "1", "--max-steps", "2",
                  "--memory", "none")  # fmt: skip
        tools = ("--llm-format", "tools", "--prompt-budget", "1500", "--price-in", "0.15", "--price-out", "0.6",
                 "--llm-cache", cache)  # fmt: skip
        first = cli("run", *common, *tools, "--run-dir", tmp_path / "tools")
        asked = len(server.requests)
        again = cli("run", *common, *tools, "--run-dir", tmp_path / "again")
        cached = len(server.requests) - asked
        schema = cli("run", *common, "--llm-format", "schema", "--run-dir", tmp_path / "schema")
        sent = list(server.requests)
    assert first.returncode == again.returncode == schema.returncode == 0, first.stderr + again.stderr + schema.stderr
    assert asked >= 2 and cached == 0 and cache.exists()  # the second run was answered from the cache
    assert all(r.get("tools") for r in sent[:asked] if len(r["messages"]) > 1)
    assert any((r.get("response_format") or {}).get("type") == "json_schema" for r in sent[asked:])
    config = json.loads((tmp_path / "tools" / "manifest.json").read_text())["config"]["llm"]
    assert config["format"] == "tools" and config["budget"] == 1500 and config["cache"] == str(cache)
    ledger = json.loads((tmp_path / "tools" / "summary.json").read_text())["llm"]
    expected = (ledger["prompt_tokens"] * 0.15 + ledger["completion_tokens"] * 0.6) / 1e6
    assert ledger["cost"] == pytest.approx(expected) and ledger["cost"] > 0
