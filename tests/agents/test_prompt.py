"""Prompt assembly under a token budget: memory trimmed by priority, the task never cut."""

from __future__ import annotations

import itertools
import re

import pytest

pytest.importorskip("tiktoken")

from engram.agents.planners.base import PlannerState
from engram.agents.planners.prompt import LOG_BLOCK, build_decide_prompt, build_reflect_prompt, count_tokens, template
from engram.agents.records import StepRecord
from engram.envs.core import Goal, Observation
from engram.memory.base import Perceived, Recall


def _state(admissible: int = 5) -> PlannerState:
    return PlannerState(
        Goal("put a clean mug in coffeemachine"),
        Observation(
            "You arrive at countertop 1. On it you see a mug 2.",
            admissible=[f"go to cabinet {i}" for i in range(1, admissible + 1)],
        ),
    )


def _recalls() -> list[Recall]:
    out = [Recall("working", "working", {}, "Task: mug\nNow: find a mug\n> go to countertop 1\nYou arrive.", 1.0)]
    out += [Recall("scene", "scene", {}, f"mug {i} was last seen in/on cabinet {i}", 1.0 - i / 100) for i in range(20)]
    out += [Recall("prior", "experience", {}, f"mugs turned up in {i}% of the shelfs searched", i / 100)
            for i in range(10)]  # fmt: skip
    out += [Recall("tip", "skills", {"lesson": "x"}, f"lesson: tip number {i} " + "word " * 30, 0.5) for i in range(5)]
    out += [Recall("episode", "episodic", {}, "similar past task " + "long " * 80, 0.3) for _ in range(3)]
    return out


def test_everything_fits_a_generous_budget_up_to_the_section_caps() -> None:
    prompt = build_decide_prompt(_state(), _recalls(), budget=4000)
    user = prompt.messages[1]["content"]
    assert prompt.tokens <= 4000 and not prompt.over_budget
    assert prompt.kept == {"Known locations": 8, "Where things usually are": 6,
                           "Tips from earlier episodes": 5, "Similar past tasks": 3}  # fmt: skip
    assert prompt.dropped == {"Known locations": 12, "Where things usually are": 4}  # the caps
    assert "mug 0 was last seen" in user and "mug 8 was last seen" not in user  # best scores first
    # What holds for the episode stands first, what each step changes last (a server reuses the prefix).
    assert user.index("## Similar past tasks") < user.index("## Known locations") < user.index("## Latest observation")
    assert user.index("## Latest observation") < user.index("## Admissible")


def test_a_tight_budget_drops_the_lowest_priority_sections_first_and_keeps_the_task() -> None:
    def build(budget: int):  # the priority layout, which shows working memory's progress
        return build_decide_prompt(_state(), _recalls(), budget=budget, layout="priority")

    generous = build(4000)
    tight = build(generous.tokens - 150)
    assert tight.tokens <= tight.budget
    # The lowest-priority section loses items; everything above it is whole.
    assert tight.kept.get("Similar past tasks", 0) < 3
    assert {k: v for k, v in tight.kept.items() if k != "Similar past tasks"} == {
        k: v for k, v in generous.kept.items() if k != "Similar past tasks"
    }
    tighter = build(generous.tokens - 400)
    assert "Similar past tasks" not in tighter.kept and tighter.kept.get("Tips from earlier episodes", 0) < 5
    assert tighter.kept["Progress so far"] == 1 and tighter.kept["Known locations"] == 8
    # Nothing is cut mid-item: every kept line is a whole recall text.
    user = tight.messages[1]["content"]
    assert "put a clean mug in coffeemachine" in user and "go to cabinet 5" in user


def test_the_fixed_part_is_never_truncated_even_over_budget() -> None:
    prompt = build_decide_prompt(_state(admissible=150), _recalls(), budget=300)
    user = prompt.messages[1]["content"]
    assert prompt.over_budget and prompt.tokens > 300
    assert "go to cabinet 150" in user and "put a clean mug in coffeemachine" in user
    assert prompt.kept == {} and sum(prompt.dropped.values()) == len(_recalls()) - 1  # the log stands for working


def _walk(steps: int) -> PlannerState:
    """The state after ``steps`` moves: history ends with the latest observation, as the controller keeps it."""
    state = _state()
    history = [Perceived(None, "You are in the middle of a room.")] + [
        Perceived(f"go to cabinet {i}", f"You arrive at cabinet {i}. On it you see a cup {i}.")
        for i in range(1, steps + 1)
    ]
    seen = Observation(history[-1].text, admissible=state.observation.admissible)
    return PlannerState(state.goal, seen, tuple(history), t=steps)


def test_the_priority_layout_carries_recent_steps_without_working_memory() -> None:
    user = build_decide_prompt(_walk(7), [], budget=2000, layout="priority").messages[1]["content"]
    assert "> go to cabinet 6" in user and "> go to cabinet 4" in user and "> go to cabinet 3" not in user


def test_the_steps_so_far_grow_append_only_so_each_prompt_extends_the_last_ones_prefix() -> None:
    recalls = _recalls()
    prompts = [build_decide_prompt(_walk(t), recalls, budget=4000).messages[1]["content"] for t in range(1, 6)]
    for before, after in itertools.pairwise(prompts):
        # Everything up to the end of the earlier prompt's log is repeated word for word.
        end = before.index("## Latest observation") - 2  # the blank line after the log
        assert after[:end] == before[:end] and len(after[: after.index("## Latest observation")]) > end
    last = prompts[-1]
    assert last.index("## Known locations") < last.index("## Steps so far") < last.index("## Latest observation")
    # Every earlier step is in the log once; the latest one stands under the latest observation, with its command.
    assert last.count("> go to cabinet 4\n") == 1 and "> go to cabinet 5\nYou arrive at cabinet 5" in last
    assert last.index("> go to cabinet 5") > last.index("## Latest observation")


def test_a_long_log_drops_its_oldest_steps_a_block_at_a_time() -> None:
    def log(steps: int) -> str:
        user = build_decide_prompt(_walk(steps), [], budget=1000).messages[1]["content"]
        return user[user.index("## Steps so far") : user.index("## Latest observation")]

    short, long_ = log(5), log(40)
    assert "not shown" not in short and "(start)" in short
    hidden = re.search(r"\(the first (\d+) steps are not shown\)", long_)
    assert hidden and int(hidden[1]) % LOG_BLOCK == 0 and int(hidden[1]) < 40  # whole blocks
    assert "(start)" not in long_ and "> go to cabinet 39" in long_  # the newest stay
    # Within a block the log only grows: the step after has the same front.
    skipped = log(40).split("\n")[0:2]
    assert log(41).split("\n")[0:2] == skipped


def test_the_stable_layout_shows_the_log_not_working_memorys_progress() -> None:
    working = Recall("working", "working", {"subgoal": "find a mug", "summaries": ["open drawer: 2 steps"]},
                     "Task: mug\nNow: find a mug\n> go to drawer 1\nYou arrive at drawer 1.", 1.0)  # fmt: skip
    stable = build_decide_prompt(_walk(2), [working], budget=2000).messages[1]["content"]
    assert "## Progress so far" not in stable and "> go to cabinet 1\nYou arrive at cabinet 1" in stable
    priority = build_decide_prompt(_walk(2), [working], budget=2000, layout="priority").messages[1]["content"]
    assert "## Progress so far\nTask: mug\nNow: find a mug" in priority


def test_templates_are_files_with_their_slots() -> None:
    assert set(template("decide").get_identifiers()) == {"task", "memory", "observation", "admissible"}
    assert "$format" in template("system").template and count_tokens(template("format_json").template) > 20


def test_the_task_and_the_reflection_are_read_from_the_typed_goal() -> None:
    state = PlannerState(Goal("", "pick", ("mug",), {"task": "a slot, not the task"}), Observation("A room."))
    user = build_decide_prompt(state, [], budget=1000).messages[1]["content"]
    assert "(no task given)" in user and "a slot" not in user
    steps = [StepRecord(t=i, action=f"go to cabinet {i}", executed=True, observation={"text": f"cabinet {i}\nmore"},
                        error="refused" if i == 13 else None) for i in range(15)]  # fmt: skip
    text = build_reflect_prompt(Goal("put a clean mug in coffeemachine"), steps, won=False)
    assert "put a clean mug in coffeemachine" in text and "failure" in text and "15" in text
    assert "> go to cabinet 2\n" not in text and "> go to cabinet 3\ncabinet 3\n" in text  # the last 12 steps
    assert "> go to cabinet 13\ncabinet 13 [error: refused]" in text and "more" not in text
