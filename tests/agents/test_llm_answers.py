"""Answers read the way real models write them: cut off at the token limit, with reasoning, as tool
calls. Through the real ``openai`` client and the real ``LLMPlanner`` against the scripted loopback
server; the first case replays an answer a real model (Gemma 3 270M) gave, recorded in
``../shared/llm_real_answers/`` (read there, never copied into the repo)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("openai")

from engram.agents.planners.base import PlannerState
from engram.agents.planners.generic import GenericPlanner
from engram.agents.planners.grounding import json_objects
from engram.agents.planners.llm import LLMConfig, LLMPlanner
from engram.envs.core import Goal, Observation
from engram.memory.base import Recall
from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible, replies

ANSWERS = Path(__file__).resolve().parents[3] / "shared" / "llm_real_answers" / "answers.jsonl"


def _state(admissible: list[str]) -> PlannerState:
    observation = Observation("You are in the middle of a room.", admissible=admissible)
    return PlannerState(Goal("heat some cup and put it in fridge"), observation)


def _decide(answers: list[Reply], admissible: list[str], recall: list[Recall] | None = None, **config: Any):
    with ScriptedLLMServer(replies(answers)) as server:
        planner = LLMPlanner(LLMConfig(model="m", base_url=server.url, reflect=False, **config), GenericPlanner())
        decision = planner.decide(_state(admissible), recall or [])
        return decision, list(server.requests)


def test_a_real_answer_cut_off_at_the_token_limit_runs_its_action_not_its_rationale() -> None:
    if not ANSWERS.exists():
        pytest.skip(f"the recorded answers are not beside the checkout ({ANSWERS})")
    records = [json.loads(line) for line in ANSWERS.read_text().splitlines()]
    cut = next(r for r in records if r["run"] == "gemma-all" and r["finish_reason"] == "length"
               and '"action": "go to cabinet 1"' in (r["content"] or ""))  # fmt: skip
    assert '"rationale": "go to cabinet 10"' in cut["content"]  # the trap: a rationale naming another command
    admissible = prompt_admissible(cut["request"])
    decision, _ = _decide([Reply(content=cut["content"], finish_reason="length")], admissible)
    assert decision.action == "go to cabinet 1"  # it executed "go to cabinet 10" before
    assert decision.llm and decision.llm["outcome"] == "ok" and decision.llm["finish_reasons"] == ["length"]


def test_a_cut_off_answer_without_a_complete_action_is_asked_again_never_read_as_prose() -> None:
    admissible = ["go to cabinet 1", "go to cabinet 10", "look"]
    cut = Reply(content='{"rationale": "I will go to cabinet 10 and look", "act', finish_reason="length")
    decision, sent = _decide([cut, Reply(content='{"action": "go to cabinet 1"}')], admissible)
    assert decision.action == "go to cabinet 1" and decision.llm and decision.llm["outcome"] == "reasked"
    assert "cut off at the token limit" in decision.llm["errors"][0]
    assert "cut off" in sent[1]["messages"][-1]["content"]
    # Untruncated, the same words are prose a model meant: grounded as before.
    decision, _ = _decide([Reply(content="go to cabinet 10")], admissible)
    assert decision.action == "go to cabinet 10"


def test_the_parts_of_a_broken_object_are_not_answers() -> None:
    cut = '{"skill": "fetch {obj}", "args": {"obj": "pen 1"}, "rationale": "then go to dra'
    assert json_objects(cut) == []  # it returned {"obj": "pen 1"} before
    assert json_objects('say {hi} then {"action": "look"}') == [{"action": "look"}]
    assert json_objects('{"action": "look", "note": "a } in a string"} {"b": 1}') == [
        {"action": "look", "note": "a } in a string"},
        {"b": 1},
    ]


def test_reasoning_is_kept_in_the_trace_and_never_grounded() -> None:
    admissible = ["go to cabinet 1", "go to cabinet 10", "look"]
    inline = Reply(content='<think>maybe go to cabinet 10? no.</think>\n{"action": "look"}')
    decision, _ = _decide([inline], admissible)
    assert decision.action == "look" and decision.llm and "cabinet 10" in decision.llm["reasoning"]
    field = Reply(content='{"action": "go to cabinet 1"}', reasoning="cabinet 10 is closer, but 1 has cups")
    decision, _ = _decide([field], admissible)
    assert decision.action == "go to cabinet 1" and decision.llm and decision.llm["outcome"] == "ok"
    assert "closer" in decision.llm["reasoning"]
    # Still thinking when the limit came: no answer at all, so it is asked again (never "go to cabinet 10").
    thinking = Reply(content="<think>I should go to cabinet 10 because", finish_reason="length")
    decision, _ = _decide([thinking, Reply(content='{"action": "go to cabinet 1"}')], admissible)
    assert decision.action == "go to cabinet 1" and decision.llm and decision.llm["outcome"] == "reasked"


def test_tools_offer_use_skill_only_with_shortcuts_and_reask_with_tool_messages() -> None:
    admissible = ["go to drawer 1", "go to drawer 2", "look"]
    bad = Reply(tool_calls=[{"name": "act", "arguments": {"action": "fly away"}}])
    decision, sent = _decide([bad, Reply(tool_calls=[{"name": "act", "arguments": {"action": "look"}}])],
                             admissible, format="tools")  # fmt: skip
    assert decision.action == "look" and decision.llm and decision.llm["outcome"] == "reasked"
    assert [t["function"]["name"] for t in sent[0]["tools"]] == ["act"]  # no shortcut on offer
    call, answer = sent[1]["messages"][-2:]
    assert call["role"] == "assistant" and call["tool_calls"][0]["function"]["name"] == "act"
    assert answer["role"] == "tool" and answer["tool_call_id"] == call["tool_calls"][0]["id"]
    assert "fly away" in answer["content"] or "admissible" in answer["content"]
    # A shortcut that cannot start here ({microwave}: there is none) is not on offer either.
    closed = Recall("skill", "skills", {"name": "heat {obj}", "steps": ["go to {microwave}"], "pre": [""],
                                        "kinds": {"microwave": "microwave"}})  # fmt: skip
    _, sent = _decide([Reply(tool_calls=[{"name": "act", "arguments": {"action": "look"}}])], admissible, [closed],
                      format="tools")  # fmt: skip
    assert [t["function"]["name"] for t in sent[0]["tools"]] == ["act"]
    skill = Recall("skill", "skills", {"name": "open {drawer}", "steps": ["go to {drawer}"], "pre": [""]})
    _, sent = _decide([Reply(tool_calls=[{"name": "act", "arguments": {"action": "look"}}])], admissible,
                      [skill, closed], format="tools")  # fmt: skip
    assert [t["function"]["name"] for t in sent[0]["tools"]] == ["act", "use_skill"]
    user = sent[0]["messages"][1]["content"]
    assert "open {drawer}" in user and "heat {obj}" not in user


def test_max_tokens_is_sent_as_configured() -> None:
    _, sent = _decide([Reply(content='{"action": "look"}')], ["look"], max_tokens=64)
    assert sent[0]["max_tokens"] == 64


def test_schema_format_sends_the_admissible_commands_and_shortcut_arguments_as_enums() -> None:
    admissible = ["go to drawer 1", "go to drawer 2", "look"]
    steps = ["go to {drawer}", "open {drawer}", "take {obj} from {drawer}"]
    skill = Recall(
        "skill", "skills", {"name": "fetch {obj} from {drawer}", "pre": ["", "", "holds nothing"], "steps": steps,
                            "kinds": {"drawer": "drawer"}}
    )  # fmt: skip
    closed = Recall("skill", "skills", {"name": "heat {obj}", "steps": ["go to {microwave}"], "pre": [""],
                                        "kinds": {"microwave": "microwave"}})  # fmt: skip
    call = {"skill": "fetch {obj} from {drawer}", "args": {"obj": "pen 1", "drawer": "drawer 2"}}
    decision, sent = _decide([Reply(content=json.dumps(call))], admissible, [skill, closed], format="schema")
    assert decision.skill and decision.skill["steps"][0] == "go to drawer 2"
    fmt = sent[0]["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    act, fetch = fmt["json_schema"]["schema"]["anyOf"]  # "heat" cannot start here: not offered
    assert act["properties"]["action"]["enum"] == admissible and act["required"] == ["action"]
    assert next(iter(act["properties"])) == "action"  # the action first: a cut-off answer has it already
    assert fetch["properties"]["skill"]["enum"] == ["fetch {obj} from {drawer}"]
    args = fetch["properties"]["args"]["properties"]
    assert args["drawer"]["enum"] == ["drawer 1", "drawer 2"] and "enum" not in args["obj"]
    # With nothing but commands on offer, the schema is the action object itself.
    _, sent = _decide([Reply(content='{"action": "look"}')], admissible, format="schema")
    assert sent[0]["response_format"]["json_schema"]["schema"]["properties"]["action"]["enum"] == admissible


def test_a_server_that_takes_schemas_its_own_way_is_asked_its_way_from_then_on() -> None:
    """llama-cpp-python's server refuses OpenAI's ``json_schema`` form (HTTP 500, "should be 'text' or
    'json_object'") and takes ``{"type": "json_object", "schema": ...}``: the planner finds out once."""

    def llama_cpp_python(request: dict[str, Any]) -> Reply:
        fmt = request["response_format"]
        if fmt["type"] != "json_object":
            return Reply(status=500, content="Input should be 'text' or 'json_object'")
        assert fmt["schema"]["properties"]["action"]["enum"] == ["look", "go west"]
        return Reply(content='{"action": "go west"}')

    with ScriptedLLMServer(llama_cpp_python) as server:
        planner = LLMPlanner(
            LLMConfig(model="m", base_url=server.url, reflect=False, format="schema"), GenericPlanner()
        )
        first = planner.decide(_state(["look", "go west"]), [])
        second = planner.decide(_state(["look", "go west"]), [])
        sent = list(server.requests)
    assert first.action == second.action == "go west"
    assert first.llm and first.llm["outcome"] == "ok" and first.llm["schema_style"] == "json_object"
    assert [r["response_format"]["type"] for r in sent] == ["json_schema", "json_object", "json_object"]


def test_commands_that_break_llama_cpp_pythons_grammar_are_spelled_safely_and_mapped_back() -> None:
    """llama-cpp-python escapes only ``"``, CR and LF in grammar literals: an enum value whose JSON
    form has a backslash (MiniWoB's ``type [6] "PREVIOUS"``) gave a grammar it could not parse, and
    its server died (segfault). In its dialect those values are spelled without one and mapped back;
    OpenAI's form keeps every value as it is."""
    admissible = ["click [4]", 'type [6] "PREVIOUS"', 'type [7] "café"', "type [9] 'x'", 'type [9] "x"']

    def llama_cpp_python(request: dict[str, Any]) -> Reply:
        fmt = request["response_format"]
        if fmt["type"] != "json_object":
            return Reply(status=500, content="Input should be 'text' or 'json_object'")
        enum = fmt["schema"]["properties"]["action"]["enum"]
        assert all("\\" not in json.dumps(v) for v in enum), enum
        return Reply(content=json.dumps({"action": "type [6] 'PREVIOUS'"}))

    with ScriptedLLMServer(llama_cpp_python) as server:
        planner = LLMPlanner(
            LLMConfig(model="m", base_url=server.url, reflect=False, format="schema"), GenericPlanner()
        )
        decision = planner.decide(_state(admissible), [])
        enum = server.requests[-1]["response_format"]["schema"]["properties"]["action"]["enum"]
    assert decision.action == 'type [6] "PREVIOUS"' and decision.llm and decision.llm["outcome"] == "ok"
    # 'type [9] "x"' would read as the admissible "type [9] 'x'": it is left out, not confused with it.
    assert enum == ["click [4]", "type [9] 'x'", "type [6] 'PREVIOUS'", "type [7] 'caf?'"]
    _, sent = _decide([Reply(content='{"action": "click [4]"}')], admissible, format="schema")
    assert sent[0]["response_format"]["json_schema"]["schema"]["properties"]["action"]["enum"] == admissible


def test_the_timeout_is_sized_from_the_models_measured_latency_unless_fixed() -> None:
    from engram.agents.planners.llm_timeout import LatencyTimeout

    admissible = ["go to cabinet 1", "look"]
    answer = Reply(content='{"action": "look"}', delay=0.2)
    slow = Reply(content='{"action": "look"}', delay=4.0)
    with ScriptedLLMServer(replies([answer, slow])) as server:
        planner = LLMPlanner(LLMConfig(model="m", base_url=server.url, reflect=False, max_retries=0), GenericPlanner())
        assert (
            planner.timeouts.current() == 300.0
        )  # nothing measured yet: room for a model that loads on its first call
        planner.timeouts = LatencyTimeout(first=300.0, floor=0.5, factor=4.0)  # test-sized bounds, same rule
        first = planner.decide(_state(admissible), [])
        assert first.llm and first.llm["outcome"] == "ok" and first.llm["timeout_s"] == 300.0
        # 4x the slowest answer (0.2 s and the round trip: 0.2-0.8 s measured, loaded or not): under
        # the 4 s a slow answer now takes.
        assert 0.8 <= planner.timeouts.current() < slow.delay
        second = planner.decide(_state(admissible), [])
        assert second.llm and second.llm["outcome"] == "fallback"
        assert "Timeout" in second.llm["errors"][0]  # cut off at the sized timeout, recorded as data
        assert planner.timeouts.current() >= 1.6  # each timeout doubles the next wait
    # A fixed --llm-timeout is never resized.
    fixed = LatencyTimeout(fixed=60.0)
    fixed.answered(100.0)
    fixed.timed_out()
    assert fixed.current() == 60.0
    with pytest.raises(ValueError):
        LatencyTimeout(fixed=0.0)


def test_the_real_model_study_runs_against_any_openai_compatible_server(tmp_path: Path) -> None:
    """``experiments/real_model.py --base-url``: the study a user points at a bigger model, here at
    the scripted server answering each prompt's first admissible command."""
    from engram.experiments.real_model import main, report

    def first_admissible(request: dict[str, Any]) -> Reply:
        return Reply(content=json.dumps({"action": prompt_admissible(request)[0]}))

    with ScriptedLLMServer(first_admissible) as server:
        argv = ["--base-url", server.url, "--model", "m", "--formats", "json,schema", "--memory", "none",
                "--sources", "bundled,babyai", "--max-steps", "2", "--out", str(tmp_path)]  # fmt: skip
        rows = main(argv)
    assert [(fmt, memory) for fmt, memory, _ in rows] == [("json", "none"), ("schema", "none")]
    for _, _, tally in rows:
        assert tally.sources == ["bundled", "babyai-GoToRedBall"] and tally.episodes == 2
        assert tally.decisions == tally.steps == 4 and tally.outcomes == {"ok": 4}
        assert len(tally.latencies) + tally.cache_hits == 4 and tally.prompt_tokens > 0
        assert [t.episodes for t in tally.per_source.values()] == [1, 1]  # each source is its own row too
    lines = report(rows)
    assert lines[-1] == "real_model: format=schema memory=none decisions=4 ok=4 admissible_as_written=1.000"
    assert "steps per episode, schema / none / bundled (+: success): 2" in lines
    assert (tmp_path / "schema-none" / "bundled" / "llm_cache.sqlite").exists()  # a re-run costs no model time
