"""Memory shapes what the model chooses from (issue 24): pruning, memory's order, callable shortcuts
and cases, and prompts laid out for a server's prefix cache. Through the real ``openai`` client and
the real ``LLMPlanner`` against the scripted loopback server, which records every request."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytest.importorskip("openai")

from engram.agents.planners.base import PlannerState
from engram.agents.planners.generic import GenericPlanner
from engram.agents.planners.llm import LLMConfig, LLMPlanner
from engram.agents.planners.llm_memory import shape
from engram.envs.core import Goal, Observation
from engram.memory.base import Perceived, Recall
from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible, replies

ADMISSIBLE = ["go to cabinet 1", "go to cabinet 10", "go to desk 1", "go to desk 2", "look", "examine desk 1"]
LOOKAHEAD = Recall("lookahead", "experience", {"rejected": {"look": "changes nothing", "examine desk 1":
                   "changes nothing"}, "kept": [], "depth": 1})  # fmt: skip
CIRCLE = Recall("warning", "experience", {"cycle": ["go to cabinet 10", "go to cabinet 1"], "repeats": 2})
PRIOR = Recall("prior", "scene", {"object_type": "cd", "holder_type": "desk", "rate": 0.6}, "", 0.6)
SEEN = Recall("scene", "scene", {"object": "cd 1", "holder": "desk 2", "place": ""}, "cd 1 was seen on desk 2", 1)


def _state(admissible: list[str], history: tuple[Perceived, ...] = (), t: int = 3, run_id: str = "") -> PlannerState:
    goal = Goal("put a cd in the safe", targets=("cd", "safe"))
    return PlannerState(goal, Observation("You are in a bedroom.", admissible=admissible), history, t=t,
                        episode_id="ep0", seed=0, run_id=run_id)  # fmt: skip


def _decide(answers: list[Reply], recall: list[Recall], admissible: list[str] = ADMISSIBLE, **config: Any):
    with ScriptedLLMServer(replies(answers)) as server:
        config.setdefault("format", "schema")
        planner = LLMPlanner(LLMConfig(model="m", base_url=server.url, reflect=False, **config), GenericPlanner())
        decision = planner.decide(_state(admissible), recall)
        return decision, list(server.requests)


def _enum(request: dict[str, Any]) -> list[str]:
    schema = request["response_format"]["json_schema"]["schema"]
    act = schema["anyOf"][0] if "anyOf" in schema else schema
    return list(act["properties"]["action"]["enum"])


def test_commands_memory_rules_out_leave_the_enum_the_list_and_grounding_and_the_step_says_why() -> None:
    decision, sent = _decide([Reply(content='{"action": "go to desk 1"}')], [LOOKAHEAD, CIRCLE])
    left = ["go to cabinet 1", "go to desk 1", "go to desk 2"]
    assert _enum(sent[0]) == left and prompt_admissible(sent[0]) == left
    user = sent[0]["messages"][1]["content"]
    assert "memory removed from the commands: look, examine desk 1 (lookahead: changes nothing)" in user
    assert "go to cabinet 10 (it starts the circle" in user
    assert decision.llm is not None
    memory = decision.llm["memory"]
    assert set(memory["removed"]) == {"look", "examine desk 1", "go to cabinet 10"} and not memory["restored"]
    # In json format the model can still write a removed command: it does not ground, and is asked again.
    decision, sent = _decide([Reply(content='{"action": "look"}'), Reply(content='{"action": "go to desk 2"}')],
                             [LOOKAHEAD], format="json")  # fmt: skip
    assert decision.action == "go to desk 2" and decision.llm and decision.llm["outcome"] == "reasked"


def test_when_memory_rules_out_everything_the_full_list_is_given_back_and_the_prompt_says_so() -> None:
    everything = Recall("lookahead", "experience", {"rejected": dict.fromkeys(["look", "go west"], "a dead end"),
                        "kept": [], "depth": 1})  # fmt: skip
    decision, sent = _decide([Reply(content='{"action": "go west"}')], [everything], admissible=["look", "go west"])
    assert _enum(sent[0]) == ["look", "go west"] and decision.action == "go west"
    assert "memory would rule out every command" in sent[0]["messages"][1]["content"]
    assert decision.llm and decision.llm["memory"]["restored"] is True


def test_commands_are_listed_by_memorys_evidence_and_in_the_envs_order_without_it() -> None:
    _, sent = _decide([Reply(content='{"action": "go to desk 2"}')], [PRIOR, SEEN])
    # where the cd was seen, then where cds usually are, then the rest as the env offered them
    assert _enum(sent[0]) == ["go to desk 2", "go to desk 1", "examine desk 1", "go to cabinet 1", "go to cabinet 10",
                              "look"]  # fmt: skip
    decision, sent = _decide([Reply(content='{"action": "go to desk 2"}')], [PRIOR, SEEN])
    assert decision.llm and decision.llm["memory"]["took_first"] and decision.llm["memory"]["order"] == "memory"
    _, plain = _decide([Reply(content='{"action": "look"}')], [])
    assert _enum(plain[0]) == ADMISSIBLE
    # Shuffled: the same pruning, another order, the same order again for the same step (seeded).
    orders = [_enum(_decide([Reply(content='{"action": "go to desk 1"}')], [PRIOR, SEEN, LOOKAHEAD],
                            order="shuffle")[1][0]) for _ in range(2)]  # fmt: skip
    assert orders[0] == orders[1] and sorted(orders[0]) == sorted(set(ADMISSIBLE) - {"look", "examine desk 1"})
    assert orders[0] != ["go to desk 2", "go to desk 1", "go to cabinet 1", "go to cabinet 10"]


def test_only_shortcuts_that_can_start_now_are_offered_best_for_the_goal_first() -> None:
    def skill(name: str, steps: list[str], support: int) -> Recall:
        kind = steps[0].split("{")[1].rstrip("}")  # a domain's shortcut: its place slot names a kind
        return Recall("skill", "skills", {"name": name, "steps": steps, "pre": [""] * len(steps), "support": support,
                                          "kinds": {kind: kind}}, "", support / 10)  # fmt: skip

    heat = skill("heat {obj} with {microwave}", ["go to {microwave}", "heat {obj} with {microwave}"], 9)
    fetch = skill("fetch {obj} from {cabinet}", ["go to {cabinet}", "take {obj} from {cabinet}"], 5)
    stash = skill("put {obj} in {desk}", ["go to {desk}", "put {obj} in {desk}"], 1)
    _, sent = _decide([Reply(content='{"action": "look"}')], [heat, fetch, stash])
    options = sent[0]["response_format"]["json_schema"]["schema"]["anyOf"][1:]
    offered = [o["properties"]["skill"]["enum"][0] for o in options]
    # No microwave here: heat is not offered. "put ... in" is the goal's own words: before fetch's support.
    assert offered == ["put {obj} in {desk}", "fetch {obj} from {cabinet}"]
    user = sent[0]["messages"][1]["content"]
    assert "heat {obj}" not in user and user.index("put {obj} in {desk}") < user.index("fetch {obj}")


def test_a_verified_case_of_the_same_task_is_one_callable_plan_and_a_called_plan_runs_as_a_shortcut() -> None:
    path = ["go to desk 2", "take cd 1 from desk 2", "go to safe 1", "put cd 1 in safe 1"]
    case = Recall("episode", "episodic", {"task": "put a cd in the safe", "success": True, "path": path,
                  "targets": ["cd", "safe"], "steps": 9}, "", 0.3)  # fmt: skip
    decision, sent = _decide([Reply(content=json.dumps({"skill": "follow", "args": {}}))], [case])
    assert decision.action == "go to desk 2" and decision.skill and decision.skill["steps"] == path
    assert decision.llm and decision.llm["memory"]["called"] == "follow" and not decision.llm["memory"]["took_first"]
    offer = "follow: the verified way of 'put a cd in the safe' from here: go to desk 2;"
    assert offer in sent[0]["messages"][1]["content"]
    assert _enum(sent[0])[0] == "go to desk 2"  # the case's next step is also listed first
    # Along the way: the steps the episode took are behind it; a step the world refused ends it.
    walked = (Perceived(None, "You are in a bedroom."), Perceived("go to desk 2", "On desk 2 you see a cd 1."))
    ahead = shape(_state(["look", "take cd 1 from desk 2"], walked), [case])
    assert ahead.shortcuts["follow"]["steps"] == path[1:] and ahead.commands[0] == "take cd 1 from desk 2"
    refused = (walked[0], Perceived("go to desk 2", "You cannot.", outcome="failure"))
    assert "follow" not in shape(_state(["look", "take cd 1 from desk 2"], refused), [case]).shortcuts
    # Another task's success is no case for this one.
    other = Recall("episode", "episodic", {**case.content, "targets": ["pen", "safe"]}, "", 0.3)
    _, sent = _decide([Reply(content='{"action": "look"}')], [other])
    assert "anyOf" not in sent[0]["response_format"]["json_schema"]["schema"]


def test_prompts_share_their_prefix_step_to_step_and_the_ledger_counts_it_and_the_servers_cache() -> None:
    answers = [Reply(content='{"action": "look"}', cached_tokens=0),
               Reply(content='{"action": "look"}', timings={"prompt_n": 12, "cache_n": 140})]  # fmt: skip
    tip = Recall("tip", "skills", {"object_type": "cd"}, "cds were found in/on a desk (2 of 3 times)", 0.5)
    with ScriptedLLMServer(replies(answers)) as server:
        planner = LLMPlanner(LLMConfig(model="m", base_url=server.url, reflect=False, format="schema"),
                             GenericPlanner())  # fmt: skip
        one = planner.decide(_state(["look", "go to desk 1"]), [tip, SEEN])
        two = planner.decide(_state(["look", "go to desk 2"], t=4), [tip, SEEN])
        sent = list(server.requests)
    assert one.llm and two.llm and one.llm["shared_prefix_tokens"] == 0
    # Everything up to the per-step part is shared: system, task, the episode's memory.
    text = sent[1]["messages"][1]["content"]
    assert 0.5 * two.llm["counted_prompt_tokens"] < two.llm["shared_prefix_tokens"] < two.llm["counted_prompt_tokens"]
    assert text.index("## Tips") < text.index("## Known locations") < text.index("## Latest observation")
    assert one.llm["server_cached_tokens"] == 0 and two.llm["server_cached_tokens"] == 140
    assert all(r.get("cache_prompt") is True for r in sent)  # a loopback server is sent cache_prompt


def test_cache_prompt_is_left_out_of_the_response_cache_key_and_dropped_where_refused(tmp_path) -> None:
    def refusing(request: dict[str, Any]) -> Reply:
        if "cache_prompt" in request:
            return Reply(status=400, content="Unrecognized request argument supplied: cache_prompt")
        return Reply(content='{"action": "look"}')

    cache = str(tmp_path / "cache.sqlite")
    with ScriptedLLMServer(refusing) as server:
        planner = LLMPlanner(LLMConfig(model="m", base_url=server.url, reflect=False, cache=cache), GenericPlanner())
        first = planner.decide(_state(["look"]), [])
        planner.decide(_state(["look"]), [])
        sent = list(server.requests)
    assert first.action == "look" and first.llm and first.llm["outcome"] == "ok"
    assert ["cache_prompt" in r for r in sent] == [True, False]  # refused once, never sent again; then the cache
    replay = LLMPlanner(LLMConfig(model="m", reflect=False, cache=cache, cache_only=True, cache_prompt=True),
                        GenericPlanner())  # fmt: skip
    again = replay.decide(_state(["look"]), [])
    assert again.llm and again.llm["cache_hits"] == 1 and again.llm["outcome"] == "ok"


def test_the_episodes_memory_is_laid_down_once_and_a_resumed_planner_asks_the_same(tmp_path) -> None:
    """Counts that move as the episode goes ("4 of 4" then "5 of 5") would change the prompt's
    prefix at every step; the episode's part is what memory said at its first decision, kept in
    the response cache so a planner resumed mid-episode sends the very same prompt."""

    def prior(n: int) -> Recall:
        content = {"object_type": "cd", "holder_type": "desk", "seen": n, "scope": "all worlds"}
        return Recall(
            "prior", "scene", content, f"in every world so far, cds were found in/on a desk ({n} of {n} times)"
        )

    here = Recall("prior", "scene", {"object_type": "cd", "holder_type": "desk", "seen": 1, "scope": "this world"},
                  "in this world cds "
                  "have been seen in/on a desk (1 of 1)", 0.5)  # fmt: skip
    cache = str(tmp_path / "cache.sqlite")
    answer = Reply(content='{"action": "look"}')

    def planner(url: str) -> LLMPlanner:
        return LLMPlanner(LLMConfig(model="m", base_url=url, reflect=False, cache=cache), GenericPlanner())

    with ScriptedLLMServer(replies([answer] * 4)) as server:
        first = planner(server.url)
        first.decide(_state(["look", "go to desk 1"]), [prior(4)])
        first.decide(_state(["look", "go to desk 2"], t=4), [prior(5), here])
        resumed = planner(server.url)  # a new process, the same cache, the same episode
        resumed.decide(_state(["look", "go to desk 3"], t=5), [prior(6), here])
        # Another run with the same episode id, on the same cache (a study's other arm): its own memory.
        other = _state(["look"], run_id="another run")
        planner(server.url).decide(other, [prior(7)])
        *sent, last = [r["messages"][1]["content"] for r in server.requests]
    assert "(7 of 7 times)" in last and "(4 of 4" not in last
    assert all("(4 of 4 times)" in text and "(5 of 5" not in text and "(6 of 6" not in text for text in sent)
    # What memory learns during the episode acts through the commands' order and pruning; the
    # prompt's memory stays as it was at the first decision (its prefix is the server's cache).
    assert "in this world cds" not in sent[1] and sent[1].index("(4 of 4 times)") < sent[1].index("## Latest")


def test_a_lookahead_that_ruled_out_everything_prunes_nothing() -> None:
    """A lookahead must keep something: when it rejected every command and kept its least bad,
    it has no verdict, and the command that finishes the task must stay on the list (measured:
    pruning on such a verdict left only examine/look at the safe the second cd was to go in)."""
    commands = ["move cd 2 to safe 1", "examine cd 2", "look"]
    gave_up = Recall("lookahead", "experience", {"rejected": {"move cd 2 to safe 1": "cannot advance the goal",
                     "examine cd 2": "changes nothing", "look": "changes nothing"}, "kept": ["examine cd 2", "look"],
                     "depth": 2})  # fmt: skip
    decision, sent = _decide([Reply(content='{"action": "move cd 2 to safe 1"}')], [gave_up, CIRCLE], commands)
    assert _enum(sent[0]) == commands and decision.action == "move cd 2 to safe 1"
    assert decision.llm and decision.llm["memory"]["removed"] == {}
