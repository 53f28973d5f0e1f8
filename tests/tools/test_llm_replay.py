"""A run recorded against a live (scripted) endpoint re-runs from its response cache with the
endpoint gone: same prompts, same answers, identical trajectory; a cache that lacks an answer is
reported, not papered over."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("openai")

from engram.agents.planners.llm import LLMConfig
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.alfworld import find_games
from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible
from engram.tools.replay import rerun_with_cache


def wandering_model(request: dict[str, Any]) -> Reply:
    """A model whose answer is a pure function of the request: mostly an admissible command, with
    some prose and some non-admissible answers mixed in (so re-asks and fallbacks are recorded too)."""
    h = int(hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest(), 16)
    if len(request["messages"]) == 1:  # the reflection at episode end
        return Reply(content=json.dumps({"tip": f"lesson number {h % 97}"}))
    options = prompt_admissible(request)
    if h % 10 == 0 or not options:
        return Reply(content="Let me think about the room first.")
    if h % 10 == 1:
        return Reply(content=json.dumps({"action": "dance"}))
    return Reply(content=json.dumps({"action": options[h % len(options)], "rationale": "wandering"}))


@pytest.mark.slow
def test_a_recorded_run_reruns_identically_from_the_cache_with_the_server_stopped(
    stream_dir: Path, tmp_path: Path, cli
) -> None:
    games = find_games(stream_dir)[:3]
    run_dir = tmp_path / "run"
    with ScriptedLLMServer(wandering_model) as server:
        config = LLMConfig(model="scripted", base_url=server.url, timeout=2.0, max_retries=0)
        summary = run_games(RunSpec(tuple(games), run_dir, planner="llm", memory="all", max_steps=15, llm=config))
        live_requests = len(server.requests)
    # the server is stopped: nothing answers on its port any more
    outcomes = summary.llm["outcomes"]
    assert outcomes.get("ok", 0) > 10 and outcomes.get("reasked", 0) + outcomes.get("fallback", 0) > 0
    assert summary.llm["calls"] == live_requests and summary.llm["cache_hits"] == 0
    report = rerun_with_cache(str(run_dir), str(run_dir / "llm_cache.sqlite"), str(tmp_path / "again"))
    assert report.cache_misses == 0
    assert report.differences == []
    assert report.episodes == 3 and report.steps == sum(e.steps for e in summary.episodes)
    again = json.loads((tmp_path / "again" / "summary.json").read_text())
    assert again["llm"]["cache_hits"] == again["llm"]["calls"] == live_requests
    assert again["llm"]["cost"] == 0.0
    for eid in RunDir(run_dir).episode_ids():
        again_reflection = RunDir(tmp_path / "again").episode(eid).reflection
        reflection = RunDir(run_dir).episode(eid).reflection
        assert again_reflection is not None and reflection is not None
        assert again_reflection["tip"] == reflection["tip"]

    # The CLI does the same; a cache missing answers makes it fail and say so.
    ok = cli("replay", run_dir, "--llm-cache", run_dir / "llm_cache.sqlite")
    assert ok.returncode == 0, ok.stderr + ok.stdout
    assert "0 misses" in ok.stdout and "0 differing" in ok.stdout
    partial = tmp_path / "partial.sqlite"
    partial.write_bytes((run_dir / "llm_cache.sqlite").read_bytes())
    with sqlite3.connect(partial) as db:
        db.execute("DELETE FROM responses WHERE rowid IN (SELECT rowid FROM responses ORDER BY created DESC LIMIT 3)")
    bad = cli("replay", run_dir, "--llm-cache", partial)
    assert bad.returncode == 1
    misses = int(re.search(r"\((\d+) misses\)", bad.stdout).group(1))  # type: ignore[union-attr]
    assert misses >= 1
