"""Prompt assembly under a token budget: memory trimmed by priority, the task never cut."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("tiktoken")

from engram.agents.planners.prompt import build_decide_prompt, count_tokens, template
from engram.memory.base import Recall


def _state(admissible: int = 5) -> dict[str, Any]:
    return {
        "goal": {"text": "put a clean mug in coffeemachine"},
        "observation": {
            "text": "You arrive at countertop 1. On it you see a mug 2.",
            "admissible": [f"go to cabinet {i}" for i in range(1, admissible + 1)],
        },
        "history": [],
    }


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
    assert prompt.kept == {"Progress so far": 1, "Known locations": 8, "Where things usually are": 6,
                           "Tips from earlier episodes": 5, "Similar past tasks": 3}  # fmt: skip
    assert prompt.dropped == {"Known locations": 12, "Where things usually are": 4}  # the caps
    assert "mug 0 was last seen" in user and "mug 8 was last seen" not in user  # best scores first
    # What holds for the episode stands first, what each step changes last (a server reuses the prefix).
    assert user.index("## Similar past tasks") < user.index("## Known locations") < user.index("## Progress so far")
    assert user.index("## Progress so far") < user.index("## Latest observation") < user.index("## Admissible")


def test_a_tight_budget_drops_the_lowest_priority_sections_first_and_keeps_the_task() -> None:
    generous = build_decide_prompt(_state(), _recalls(), budget=4000)
    tight = build_decide_prompt(_state(), _recalls(), budget=generous.tokens - 150)
    assert tight.tokens <= tight.budget
    # The lowest-priority section loses items; everything above it is whole.
    assert tight.kept.get("Similar past tasks", 0) < 3
    assert {k: v for k, v in tight.kept.items() if k != "Similar past tasks"} == {
        k: v for k, v in generous.kept.items() if k != "Similar past tasks"
    }
    tighter = build_decide_prompt(_state(), _recalls(), budget=generous.tokens - 400)
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
    assert prompt.kept == {} and sum(prompt.dropped.values()) == len(_recalls())


def test_without_working_memory_recent_steps_are_carried() -> None:
    state = _state()
    state["history"] = [{"action": None, "text": "start"}] + [
        {"action": f"go to cabinet {i}", "text": f"You arrive at cabinet {i}."} for i in range(1, 8)
    ]
    user = build_decide_prompt(state, [], budget=2000).messages[1]["content"]
    assert "> go to cabinet 7" in user and "> go to cabinet 4" in user and "> go to cabinet 3" not in user


def test_templates_are_files_with_their_slots() -> None:
    assert set(template("decide").get_identifiers()) == {"task", "memory", "observation", "admissible"}
    assert "$format" in template("system").template and count_tokens(template("format_json").template) > 20
