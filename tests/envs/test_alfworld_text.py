from engram.envs.alfworld_text import intro_facts, parse_facts, parse_goal, task_text, to_canonical
from engram.envs.core import Fact

INTRO = """-= Welcome to TextWorld, ALFRED! =-

You are in the middle of a room. Looking quickly around you, you see a cabinet 2, a fridge 1, and a sinkbasin 1.

Your task is to: put a clean mug in coffeemachine."""


def test_intro_lists_receptacles_and_goal() -> None:
    facts = intro_facts(INTRO)
    assert Fact("fridge 1", "category", "receptacle") in facts
    assert Fact("cabinet 2", "type", "cabinet") in facts
    goal = parse_goal(task_text(INTRO))
    assert goal["task_type"] == "pick_clean_then_place_in_recep"
    assert (goal["object"], goal["receptacle"]) == ("mug", "coffeemachine")


def test_goal_templates_of_all_six_types() -> None:
    cases = {
        "put some cd on drawer": ("pick_and_place_simple", "cd", "drawer", ""),
        "examine the pen with the desklamp": ("look_at_obj_in_light", "pen", "", "desklamp"),
        "clean some cloth and put it in garbagecan": (
            "pick_clean_then_place_in_recep",
            "cloth",
            "garbagecan",
            "",
        ),
        "heat some egg and put it in countertop": ("pick_heat_then_place_in_recep", "egg", "countertop", ""),
        "put a cool lettuce in countertop": ("pick_cool_then_place_in_recep", "lettuce", "countertop", ""),
        "find two pen and put them in dresser": ("pick_two_obj_and_place", "pen", "dresser", ""),
    }
    for text, (ttype, obj, recep, toggle) in cases.items():
        goal = parse_goal(text)
        assert (goal["task_type"], goal["object"], goal["receptacle"], goal["toggle"]) == (
            ttype,
            obj,
            recep,
            toggle,
        )
    assert parse_goal("dance a little")["task_type"] == "unknown"


def test_open_container_contents_and_empty() -> None:
    facts = parse_facts("You open the fridge 1. The fridge 1 is open. In it, you see a egg 1, and a lettuce 2.")
    assert Fact("fridge 1", "open") in facts
    assert Fact("egg 1", "in", "fridge 1") in facts and Fact("lettuce 2", "in", "fridge 1") in facts
    closed = parse_facts("You arrive at drawer 3. The drawer 3 is closed.")
    assert Fact("drawer 3", "open", None, False) in closed and Fact("agent", "at", "drawer 3") in closed
    empty = parse_facts("You arrive at shelf 1. On the shelf 1, you see nothing.")
    assert Fact("shelf 1", "empty") in empty


def test_pick_put_and_state_changes() -> None:
    assert Fact("agent", "holds", "apple 1") in parse_facts("You pick up the apple 1 from the countertop 1.")
    moved = parse_facts("You move the apple 1 to the fridge 1.")
    assert Fact("apple 1", "in", "fridge 1") in moved and Fact("agent", "holds", "apple 1", False) in moved
    old_grammar = parse_facts("You put the apple 1 on the countertop 2.")
    assert Fact("apple 1", "on", "countertop 2") in old_grammar
    assert Fact("apple 1", "hot") in parse_facts("You heat the apple 1 using the microwave 1.")
    assert Fact("apple 1", "cold") in parse_facts("You cool the apple 1 using the fridge 1.")
    assert Fact("desklamp 1", "on") in parse_facts("You turn on the desklamp 1.")
    assert parse_facts("Nothing happens.") == []


def test_put_grammar_is_normalised_to_move() -> None:
    assert to_canonical("put apple 1 in/on fridge 1") == "move apple 1 to fridge 1"
    assert to_canonical("put apple 1 on countertop 1") == "move apple 1 to countertop 1"
    assert to_canonical("go to fridge 1") == "go to fridge 1"
