"""The LLM planner end to end: the real ``openai`` client, real HTTP to a scripted loopback server,
the real ALFWorld engine and the LangGraph controller.

The central test replays a winning trajectory of the offline planner through a model that answers
in every shape a real endpoint produces: valid JSON, a tool call, JSON inside prose, the old
``put X in Y`` dialect, malformed JSON, prose, a command that is not admissible, a skill call with
bad arguments, a 429, a 500 and a timeout. The episode must still follow the trajectory exactly
and win, which it only does if every answer was parsed, repaired, re-asked or retried correctly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("openai")

from engram.agents.planners.base import PlannerState
from engram.agents.planners.llm import LLMConfig, LLMConfigError, LLMPlanner
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.core import Goal, Observation
from engram.envs.household.domain import HOUSEHOLD
from engram.tools.llm_server import Reply, ScriptedLLMServer, replies


def _winning(solved_run: Path, min_steps: int = 8) -> tuple[str, list[str]]:
    """A game the offline planner won with a ``take`` and a ``move`` in it, and its actions."""
    run = RunDir(solved_run)
    for eid in run.episode_ids():
        ep = run.episode(eid)
        actions = [s.action for s in run.steps(eid)]
        if (
            ep.result is not None
            and ep.result.success
            and len(actions) >= min_steps
            and any(a.startswith("move ") for a in actions)
            and ep.task_type == "pick_and_place_simple"
        ):
            return ep.game, actions
    raise AssertionError("no suitable winning episode")


def _ok(action: str) -> Reply:
    return Reply(content=json.dumps({"action": action, "rationale": "scripted", "subgoal": "follow the plan"}))


def _shapes(action: str, i: int) -> list[Reply]:
    """The replies (in order, retries and re-asks included) that should all end in ``action``."""
    fast = {"retry-after-ms": "20"}
    shapes = [
        [_ok(action)],
        [Reply(tool_calls=[{"name": "act", "arguments": {"action": action, "rationale": "tool"}}])],
        [Reply(content=f"Sure! Here is my answer:\n```json\n{json.dumps({'action': action})}\n```\nGood luck.")],
        [Reply(content='{"action": "' + action.upper() + '."}')],  # case and punctuation: repaired
        [Reply(content='{"action": "go to', status=200), _ok(action)],  # malformed JSON -> re-ask
        [Reply(content="I think the agent should keep exploring the room."), _ok(action)],  # prose -> re-ask
        [Reply(content='{"action": "fly to the moon"}'), _ok(action)],  # not admissible -> re-ask
        [Reply(content='{"skill": "fetch {obj} from {fridge}", "args": {"obj": 3}}'), _ok(action)],  # bad skill call
        [Reply(status=429, content="slow down", headers=fast), _ok(action)],  # the client retries
        [Reply(status=500, content="boom", headers=fast), _ok(action)],
        [Reply(delay=2.5, content=json.dumps({"action": "look"})), _ok(action)],  # timeout, then retried
    ]
    if action.startswith("move "):
        obj, target = action[5:].split(" to ")
        return [Reply(content=json.dumps({"action": f"put {obj} in/on {target}"}))]  # the old dialect: repaired
    return shapes[i % len(shapes)]


def test_llm_planner_follows_a_plan_through_every_kind_of_bad_answer(solved_run: Path, tmp_path: Path) -> None:
    game, actions = _winning(solved_run)
    script: list[Reply] = []
    expected_reasks = expected_retries = 0
    for i, action in enumerate(actions):
        shape = _shapes(action, i)
        script += shape
        if len(shape) == 2:
            kind = "retry" if shape[0].status != 200 or shape[0].delay else "reask"
            expected_reasks += kind == "reask"
            expected_retries += kind == "retry"
    script.append(Reply(content='{"tip": "Check the countertops first; objects are often left there."}'))
    with ScriptedLLMServer(replies(script)) as server:
        config = LLMConfig(model="scripted", base_url=server.url, timeout=1.0, max_retries=2)
        spec = RunSpec((game,), tmp_path / "run", planner="llm", memory="working,scene,skills", llm=config)
        summary = run_games(spec)
        requests = list(server.requests)
    run = RunDir(tmp_path / "run")
    steps = run.steps("ep0000")
    assert [s.action for s in steps] == actions
    assert all(s.executed for s in steps)
    assert summary.success_rate == 1.0
    outcomes = [s.llm["outcome"] for s in steps if s.llm is not None]
    assert len(outcomes) == len(steps)
    assert "fallback" not in outcomes, [s.error for s in steps]
    assert outcomes.count("reasked") == expected_reasks > 0
    assert outcomes.count("repaired") >= 2  # the upper-case answer and the put/move dialect
    # Every scripted reply was consumed: retries went through the real client's retry logic.
    assert len(requests) == len(script)
    # 429, 500 and the timeout: the client sent the very same request again.
    assert sum(requests[k] == requests[k + 1] for k in range(len(requests) - 1)) == expected_retries > 0
    # A re-ask carries the model's bad answer and the error back.
    reask = next(r for r in requests if len(r["messages"]) == 4)
    assert reask["messages"][2]["role"] == "assistant" and "could not be used" in reask["messages"][3]["content"]
    # The ledger: per step, per episode, per run, and they agree.
    episode = run.episode("ep0000")
    assert episode.result is not None and episode.reflection is not None
    led = episode.result.ledger
    assert led["calls"] == sum(s.llm["calls"] for s in steps if s.llm is not None) + 1  # + the reflection
    assert led["prompt_tokens"] == sum(s.tokens["prompt"] for s in steps) + episode.reflection["tokens"]["prompt"]
    assert summary.llm["calls"] == led["calls"] and summary.llm["prompt_tokens"] > 0
    assert all(s.llm is not None and 0 < s.llm["counted_prompt_tokens"] <= 2000 for s in steps)
    # The reflection became a lesson in the skills store, offered to the next episode of the task type.
    assert episode.reflection["tip"].startswith("Check the countertops first")
    from engram.memory.base import RecallQuery
    from engram.memory.skills import SkillMemory

    skills = SkillMemory(domain=HOUSEHOLD)
    skills.load(tmp_path / "run" / "memory" / "skills.sqlite")
    recalls = skills.recall(RecallQuery("next", episode.world_id, Goal.from_json(episode.goal), Observation("")))
    assert any("Check the countertops first" in r.content.get("lesson", "") for r in recalls)


def test_unusable_answers_and_a_dead_endpoint_fall_back_to_the_offline_planner(
    solved_run: Path, tmp_path: Path
) -> None:
    game, actions = _winning(solved_run)
    garbage = [Reply(content="no"), Reply(content='{"action": 7}'), Reply(body="<html>not json</html>")]
    with ScriptedLLMServer(replies([], then=lambda req: garbage[len(req["messages"]) % 3])) as server:
        config = LLMConfig(model="scripted", base_url=server.url, timeout=1.0, max_retries=0, reflect=False)
        summary = run_games(RunSpec((game,), tmp_path / "junk", planner="llm", memory="none", llm=config))
    steps = RunDir(tmp_path / "junk").steps("ep0000")
    assert summary.success_rate == 1.0  # the offline planner decided every step
    assert [s.action for s in steps] == actions
    assert {s.llm["outcome"] if s.llm is not None else None for s in steps} == {"fallback"}
    assert all(s.error is not None and s.error.startswith("llm: ") and "offline planner" in s.error for s in steps)
    # A server that only ever fails: the client retries, then the step falls back; the run completes.
    with ScriptedLLMServer(replies([], then=Reply(status=503, headers={"retry-after-ms": "5"}))) as server:
        config = LLMConfig(model="scripted", base_url=server.url, timeout=1.0, max_retries=1)
        summary = run_games(RunSpec((game,), tmp_path / "down", planner="llm", memory="none", max_steps=3, llm=config))
        assert len(server.requests) == 2 * 3 + 2  # each step: one try + one retry; then the reflection
    steps = RunDir(tmp_path / "down").steps("ep0000")
    assert len(steps) == 3 and all(
        s.error is not None and ("InternalServerError" in s.error or "503" in s.error) for s in steps
    )
    ep = RunDir(tmp_path / "down").episode("ep0000")
    assert ep.reflection is not None and ep.reflection["tip"] == "" and ep.reflection["error"]
    # A refused key or an unknown model would fail every call: the run stops and says so.
    with ScriptedLLMServer(replies([], then=Reply(status=401, content="invalid api key"))) as server:
        config = LLMConfig(model="scripted", base_url=server.url, timeout=1.0, max_retries=1)
        with pytest.raises(LLMConfigError, match=r"refused the configuration.*invalid api key"):
            run_games(RunSpec((game,), tmp_path / "denied", planner="llm", memory="none", llm=config))
        assert len(server.requests) == 1  # not retried


def test_skill_calls_bind_to_a_running_shortcut(solved_run: Path) -> None:
    from engram.agents.planners.household import HouseholdPlanner
    from engram.memory.base import Recall

    skill = Recall("skill", "skills", {"name": "fetch {obj} from {drawer}", "steps": ["go to {drawer}",
                   "open {drawer}", "take {obj} from {drawer}"], "pre": ["", "if offered", "holds nothing"],
                   "kinds": {"drawer": "drawer"}})  # fmt: skip
    seen = Observation("You are in a room.", admissible=["go to drawer 1", "go to drawer 2", "look"])
    state = PlannerState(Goal("put a pen in drawer"), seen)
    name = "fetch {obj} from {drawer}"
    answers = [
        Reply(content=json.dumps({"skill": name, "args": {"obj": "pen 1", "drawer": "desk 1"}})),
        Reply(content=json.dumps({"skill": name, "args": {"obj": "pen 1", "drawer": "drawer 2"}})),
    ]
    with ScriptedLLMServer(replies(answers)) as server:
        planner = LLMPlanner(LLMConfig(model="m", base_url=server.url, reflect=False), HouseholdPlanner())
        decision = planner.decide(state, [skill])
    assert decision.action == "go to drawer 2" and decision.llm and decision.llm["outcome"] == "reasked"
    assert decision.skill and decision.skill["steps"] == ["go to drawer 2", "open drawer 2", "take pen 1 from drawer 2"]
    assert "must be a drawer" in decision.llm["errors"][0]


def test_bad_configuration_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    from engram.agents.planners.household import HouseholdPlanner

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LLMConfigError, match="set OPENAI_API_KEY"):
        LLMPlanner(LLMConfig(model="gpt-x"), HouseholdPlanner())
    with pytest.raises(LLMConfigError, match="--model"):
        LLMConfig(model="")
    with pytest.raises(LLMConfigError, match="format"):
        LLMConfig(model="m", format="xml")
    with pytest.raises(LLMConfigError, match="budget"):
        LLMConfig(model="m", budget=50)
    with pytest.raises(LLMConfigError, match="unknown order 'sideways'; choose memory, env, shuffle"):
        LLMConfig(model="m", order="sideways")
    with pytest.raises(LLMConfigError, match="layout"):
        LLMConfig(model="m", layout="random")
