"""The typed run records: they read every version engram wrote, lose nothing they do not know, and
a run directory written before they existed still opens in ``show``, ``view`` and ``replay``.

``tests/data/runs/v0-household`` is such a run, kept as written (``engram run --limit 2`` with every
memory module, before records carried a ``schema``); only its game paths, which named the bundled
stream where that checkout was, are pointed at this checkout's copy of the same games.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from engram.agents.records import SCHEMA_VERSION, EpisodeRecord, RunSummary, StepRecord
from engram.agents.rundir import RunDir
from engram.agents.spec import RunSpec
from engram.envs.household import default_stream

OLD_RUN = Path(__file__).resolve().parents[1] / "data" / "runs" / "v0-household"


@pytest.fixture(scope="module")
def old_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the old run whose game paths name this checkout's bundled stream."""
    run = tmp_path_factory.mktemp("old") / "run"
    shutil.copytree(OLD_RUN, run)
    then = json.loads((OLD_RUN / "manifest.json").read_text())["config"]["games_source"]
    for path in [run / "manifest.json", *run.glob("episodes/*/episode.json"), run / "summary.json"]:
        path.write_text(path.read_text().replace(then, str(default_stream())))
    return run


def test_an_old_run_reads_as_typed_records(old_run: Path) -> None:
    run = RunDir(old_run)
    spec = run.spec()
    assert spec.env_id == "engram/ALFWorld-v0" and spec.memory.startswith("working,scene") and len(spec.games) == 2
    episode = run.episode("ep0000")
    assert episode.schema == 0 and episode.world_id == "house_000" and episode.result is not None
    assert episode.finished and episode.result.success and episode.result.steps == len(run.steps("ep0000"))
    steps = run.steps("ep0000")
    assert [s.t for s in steps] == list(range(len(steps))) and steps[-1].won and steps[0].recalls
    # Its recalls speak today's memory words (the file still says "receptacle"): what every reader shows.
    raw = (old_run / "episodes" / "ep0000" / "steps.jsonl").read_text()
    assert '"receptacle"' in raw
    contents = [r["content"] for e in run.episode_ids() for s in run.steps(e) for r in s.recalls]
    assert any("holder" in c for c in contents)
    assert not any(k in c for c in contents for k in ("receptacle", "receptacle_type", "receptacle_kind"))
    summary = run.summary()
    assert summary is not None and summary == RunSummary.of([run.episode(e) for e in run.episode_ids()])


def test_an_old_run_opens_in_show_view_and_replay(old_run: Path, cli) -> None:
    shown = cli("show", old_run)
    assert shown.returncode == 0 and "ep0001" in shown.stdout and "solved" in shown.stdout
    one = cli("show", old_run, "ep0001", "--facts")
    assert one.returncode == 0 and "facts:" in one.stdout and not one.stderr
    replayed = cli("replay", old_run)
    assert replayed.returncode == 0 and "0 differing" in replayed.stdout, replayed.stderr

    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from engram.tools.viewer import Viewer

    with TestClient(Viewer([old_run]).app(), base_url="http://127.0.0.1") as client:
        for page in ("/", "/run/0", "/run/0/ep/ep0000", "/run/0/ep/ep0000/step/3", "/run/0/memory"):
            answer = client.get(page)
            assert answer.status_code == 200, (page, answer.text[:300])
        assert "house_000" in client.get("/run/0/ep/ep0000").text


def test_records_round_trip_and_keep_what_they_do_not_know() -> None:
    line = {"t": 0, "action": "look", "executed": True, "observation": {"text": "A room.", "facts": []},
            "won": False, "future_field": {"x": 1}}  # fmt: skip
    step = StepRecord.from_json(line)
    assert step.schema == 0 and step.extra == {"future_field": {"x": 1}} and step.llm is None
    again = StepRecord.from_json(json.loads(json.dumps(step.to_json())))
    assert again.to_json() == step.to_json() and again.to_json()["future_field"] == {"x": 1}
    with pytest.raises(TypeError):
        StepRecord.from_json({"action": "look"})  # no t: not a step
    old = {"id": "ep0003", "game": "g", "seed": 3, "house_id": "h1", "task_type": "t", "goal": {"text": "x"},
           "result": {"success": True, "steps": 4, "seconds": 1.5, "error": None, "ledger": {}}}  # fmt: skip
    episode = EpisodeRecord.from_json(old)
    assert episode.world_id == "h1" and episode.result is not None and episode.result.steps == 4
    written = episode.to_json()
    assert written["house_id"] == "h1" and written["schema"] == SCHEMA_VERSION and written["result"]["success"]
    fresh = EpisodeRecord(id="ep0", goal={"text": "y"})
    assert fresh.schema == SCHEMA_VERSION and not fresh.finished and "attempts" not in fresh.to_json()


def test_a_run_spec_is_what_the_manifest_holds_and_what_resume_compares(tmp_path: Path) -> None:
    from engram.agents.runner import RunConfigError, prepare_run

    games = tuple(str(g) for g in sorted(default_stream().rglob("game.tw-pddl"))[:2])
    spec = RunSpec(games, tmp_path / "r", memory="scene,skills", seed=4)
    prepared = prepare_run(spec)
    assert prepared.modules == ("scene", "skills") and prepared.memory_dir == tmp_path / "r" / "memory"
    assert RunDir(tmp_path / "r").spec(memory_dir=None) == spec  # the manifest gives the spec back
    prepare_run(spec)  # the same spec again: a resume
    with pytest.raises(RunConfigError, match="different max_steps, seed"):
        prepare_run(RunSpec(games, tmp_path / "r", memory="scene,skills", seed=5, max_steps=9))
    # A manifest from before specs (no env_id, offset or schema) resumes under the same spec.
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text())
    for key in ("env_id", "offset", "schema", "step_delay", "episode_timeout"):
        del manifest["config"][key]
    (tmp_path / "r" / "manifest.json").write_text(json.dumps(manifest))
    prepare_run(spec)
    with pytest.raises(ValueError, match="backend"):
        RunSpec(games, tmp_path / "x", backend="threads")


def test_planners_are_named_by_id(tmp_path: Path) -> None:
    import gymnasium as gym

    from engram.agents.planners.generic import GenericPlanner
    from engram.agents.planners.household import HouseholdPlanner
    from engram.agents.planners.registry import UnknownPlanner, planner_ids
    from engram.agents.planners.registry import make as make_registered
    from engram.agents.runner import make_planner, offline_planner
    from engram.envs.registry import register

    assert {"generic", "household", "grid", "gui"} <= set(planner_ids())
    assert isinstance(offline_planner("engram/ALFWorld-v0"), HouseholdPlanner)
    assert isinstance(make_planner("generic", env_id="engram/ALFWorld-v0"), GenericPlanner)
    with pytest.raises(UnknownPlanner, match="registered: generic"):
        make_registered("acme/nothing")

    class ByPath(gym.Env):
        metadata = {"engram_planner": "engram.agents.planners.generic:GenericPlanner"}  # noqa: RUF012

    register("records/ByPath-v0", ByPath)
    with pytest.raises(ValueError, match="planner id"):
        offline_planner("records/ByPath-v0")
