"""Parsing and grounding model answers: what is used, what is repaired, what is sent back."""

from __future__ import annotations

import json

import pytest

from engram.agents.planners.grounding import (
    Choice,
    ReplyError,
    bind_skill,
    ground_action,
    ground_prose,
    normalise,
    parse_reply,
)
from engram.envs.household.domain import HOUSEHOLD

ADMISSIBLE = [
    "go to cabinet 1",
    "go to cabinet 2",
    "go to drawer 1",
    "go to drawer 10",
    "go to fridge 1",
    "take apple 1 from countertop 1",
    "move apple 1 to countertop 1",
    "examine countertop 1",
    "look",
    "inventory",
]


@pytest.mark.parametrize(
    ("content", "action"),
    [
        ('{"action": "look"}', "look"),
        ('```json\n{"action": "go to fridge 1", "rationale": "cold"}\n```', "go to fridge 1"),
        ('I will do this: {"action": "inventory"} and then see.', "inventory"),
        ('{"thought": {"x": 1}} then {"command": "look"}', "look"),
        ("Action: go to fridge 1", "go to fridge 1"),
    ],
)
def test_parse_finds_the_action_in_any_wrapping(content: str, action: str) -> None:
    assert parse_reply(content).action == action


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("", "empty"),
        ('{"action": 3}', '"action" string'),
        ('{"skill": "x", "args": ["a"]}', "'args' must be an object"),
        ('{"foo": "bar"}', '"action" string'),
        ('{"command": "", "name": "x"}', '"action" string'),  # a stray "name" is not a skill call
    ],
)
def test_parse_says_what_is_wrong(content: str, complaint: str) -> None:
    with pytest.raises(ReplyError, match=complaint):
        parse_reply(content)


def test_tool_calls_are_parsed_and_bad_arguments_explained() -> None:
    call = {"name": "act", "arguments": json.dumps({"action": "look", "subgoal": "s"})}
    assert parse_reply(None, [call]) == Choice(action="look", subgoal="s")
    skill = parse_reply(None, [{"name": "use_skill", "arguments": {"name": "n", "args": {"obj": "apple 1"}}}])
    assert (skill.skill, skill.args) == ("n", {"obj": "apple 1"})
    with pytest.raises(ReplyError, match="not valid JSON"):
        parse_reply(None, [{"name": "act", "arguments": "{oops"}])
    with pytest.raises(ReplyError, match="unknown tool"):
        parse_reply(None, [{"name": "rm_rf", "arguments": "{}"}])


@pytest.mark.parametrize(
    ("said", "grounded"),
    [
        ("look", "look"),
        ("LOOK.", "look"),
        ('"go to fridge 1"', "go to fridge 1"),
        ("put apple 1 in/on countertop 1", "move apple 1 to countertop 1"),
        ("put apple 1 on countertop 1", "move apple 1 to countertop 1"),
        ("pick up apple 1 from countertop 1", "take apple 1 from countertop 1"),
        ("go to fridge", "go to fridge 1"),  # the only fridge
        ("go to the fridge 1", "go to fridge 1"),  # close enough, and clearly closest
    ],
)
def test_near_misses_are_repaired_to_the_one_command_meant(said: str, grounded: str) -> None:
    result = ground_action(said, ADMISSIBLE, HOUSEHOLD.rewrites)  # ALFWorld's put/move dialect is its domain's
    assert result.action == grounded
    assert bool(result.repaired_from) == (said != grounded)


@pytest.mark.parametrize("said", ["go to cabinet", "go to cabinet 3", "fly to the moon", "open fridge 1"])
def test_ambiguous_or_impossible_commands_are_refused(said: str) -> None:
    with pytest.raises(ReplyError):
        ground_action(said, ADMISSIBLE)


def test_prose_is_used_only_when_it_names_exactly_one_command() -> None:
    # "go to drawer 10" contains "go to drawer 1": the longer command is the one meant.
    assert ground_prose("I should go to drawer 10 now.", ADMISSIBLE).action == "go to drawer 10"
    assert ground_prose("First, go to fridge 1, then decide.", ADMISSIBLE).action == "go to fridge 1"
    with pytest.raises(ReplyError, match="several"):
        ground_prose("either go to fridge 1 or look", ADMISSIBLE)
    with pytest.raises(ReplyError, match="no JSON"):
        ground_prose("hmm", ADMISSIBLE)


def test_skill_calls_bind_every_placeholder_with_the_right_kind() -> None:
    offered = {"heat {obj} with {microwave}": {"steps": ["go to {microwave}", "heat {obj} with {microwave}"],
                                                "pre": ["", "holds {obj}"],
                                                "kinds": {"microwave": "microwave"}}}  # fmt: skip
    admissible = ["go to microwave 1", "look"]
    ok = bind_skill(Choice(skill="heat {obj} with {microwave}", args={"obj": "cup 1", "{microwave}": "microwave 1"}),
                    offered, admissible)  # fmt: skip
    assert ok["steps"] == ["go to microwave 1", "heat cup 1 with microwave 1"] and ok["pre"][1] == "holds cup 1"
    for args, why in [({"obj": "cup 1"}, "needs args"), ({"obj": "cup 1", "microwave": "fridge 1"}, "must be a")]:
        with pytest.raises(ReplyError, match=why):
            bind_skill(Choice(skill="heat {obj} with {microwave}", args=args), offered, admissible)
    with pytest.raises(ReplyError, match="unknown shortcut"):
        bind_skill(Choice(skill="teleport", args={}), offered, admissible)
    with pytest.raises(ReplyError, match="cannot start here"):
        bind_skill(Choice(skill="heat {obj} with {microwave}", args={"obj": "cup 1", "microwave": "microwave 2"}),
                   offered, admissible)  # fmt: skip


def test_normalise_only_changes_spelling() -> None:
    assert normalise("  > Go  To Fridge 1. ") == "go to fridge 1"
    assert normalise("take apple 1 from fridge 1") == "take apple 1 from fridge 1"
