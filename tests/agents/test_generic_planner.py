"""The generic memory-driven planner's rules, on hand-written states in a small text world."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from engram.agents.planners.base import PlannerState
from engram.agents.planners.generic import GenericPlanner, route
from engram.envs.core import Fact, Goal, Observation
from engram.memory.base import Perceived, Recall

GOAL = Goal("Put the key on the table.", "tw-custom", ("key", "table"))


def _state(
    steps: list[tuple[str | None, list[list[Any]], str | None]], admissible: list[str], goal: Goal = GOAL
) -> PlannerState:
    history = [Perceived(a, "", tuple(Fact(*f) for f in facts), outcome) for a, facts, outcome in steps]
    return PlannerState(goal, Observation("", list(history[-1].facts), admissible), history, t=len(history) - 1)


HALL = [["agent", "at", "hall", True], ["hall", "category", "place", True]]


def test_with_nothing_remembered_it_explores_untried_commands_and_ways_out_first() -> None:
    state = _state([(None, HALL, None)], ["examine door", "go east", "look"])
    first = GenericPlanner().decide(state, [])
    assert first.subgoal == "explore"
    # look changed nothing once: the next look, and examine (same verb class learned), wait.
    state = _state([(None, HALL, None), ("look", HALL, "no_effect")], ["look", "go east", "examine door"])
    assert GenericPlanner().decide(state, []).action != "look"


def test_it_follows_a_verified_case_regrounded_to_what_is_admissible() -> None:
    case = Recall("episode", "episodic", {"task": GOAL.text, "success": True, "steps": 3, "found": [],
                                          "actions": ["look", "go east", "take key", "put key on table"],
                                          "path": ["go east", "take key", "put key on table"]}, "", 0.3)  # fmt: skip
    state = _state([(None, HALL, None)], ["go east", "go west", "look"])
    decision = GenericPlanner().decide(state, [case])
    assert decision.action == "go east" and decision.subgoal == "follow a verified case"
    # "take key" is not offered here (the key lies elsewhere now): the case's next offered step.
    room = [["agent", "at", "study", True]]
    state = _state([(None, HALL, None), ("go east", room, "progress")], ["put key on table", "go west"])
    assert GenericPlanner().decide(state, [case]).action == "put key on table"


def test_it_heads_for_a_remembered_entity_along_known_routes() -> None:
    scene = Recall("scene", "scene", {"object": "key", "holder": "box", "place": "study", "episode": "e0",
                                      "step": 3}, "", 1.0)  # fmt: skip
    routes = Recall("route", "scene", {"routes": [["hall", "go east", "corridor"], ["corridor", "go north", "study"],
                                                  ["hall", "go west", "kitchen"]]}, "", 0.2)  # fmt: skip
    state = _state([(None, HALL, None)], ["go west", "go east", "look"])
    decision = GenericPlanner().decide(state, [scene, routes])
    assert decision.action == "go east" and "study" in decision.subgoal
    assert route({("a", "x"): "b", ("b", "y"): "c"}, "a", "c") == ["x", "y"] and route({}, "a", "c") == []


def test_it_obeys_warnings_failures_and_never_drops_what_it_needs() -> None:
    held = [*HALL, ["agent", "holds", "key", True]]
    warning = Recall("warning", "experience", {"cycle": ["go east", "go west"], "repeats": 1}, "", -1.0)
    lookahead = Recall("lookahead", "experience", {"rejected": {"open door": "changes nothing"}, "kept": [],
                                                   "depth": 2}, "", 0.0)  # fmt: skip
    state = _state([(None, held, None), ("go north", held, "failure")],
                   ["go east", "drop key", "open door", "go north", "go south"])  # fmt: skip
    decision = GenericPlanner().decide(state, [warning, lookahead])
    assert decision.action == "go south", decision  # not the cycle, the rejected, the failed, nor the drop


def _success(path: list[str]) -> Recall:
    return Recall("episode", "episodic", {"task": "another task", "success": True, "steps": len(path), "found": [],
                                          "actions": path, "path": path}, "", 0.1)  # fmt: skip


def test_the_goal_s_own_relation_admits_a_verb_no_success_used_and_nothing_else_does() -> None:
    goal = Goal("Put the key into the chest.", "tw-custom", ("key", "chest"))
    used = _success(["go east", "take apple", "put apple on table"])  # verbs go, take, put
    state = _state([(None, HALL, None)], ["lock chest with key", "insert key into chest", "go west"], goal)
    assert GenericPlanner().decide(state, [used]).action == "insert key into chest"
    state = _state([(None, HALL, None)], ["lock chest with key", "go west"], goal)
    assert GenericPlanner().decide(state, [used]).action != "lock chest with key"


def test_in_a_known_world_it_explores_toward_what_memory_never_looked_into() -> None:
    routes = Recall("route", "scene", {"routes": [["hall", "go east", "corridor"], ["corridor", "go north", "study"],
                                                  ["hall", "go west", "kitchen"]]}, "", 0.2)  # fmt: skip
    never = Recall("unexplored", "scene", {"unexplored": ["chest"], "places": {"chest": "study"}}, "", 0.1)
    state = _state([(None, HALL, None)], ["go west", "go east", "look"])
    for seed in range(4):  # whatever the rotation, the way toward the unexplored chest
        decision = GenericPlanner().decide(replace(state, seed=seed), [routes, never])
        assert decision.action == "go east"
    # At a place memory has seen, what it knows all about is left alone; what is shut is not.
    hall = [*HALL, ["cabinet", "at", "hall", True], ["cabinet", "open", None, True], ["door", "at", "hall", True],
            ["door", "open", None, False], ["lamp", "at", "hall", True]]  # fmt: skip
    state = _state([(None, hall, None)], ["close cabinet", "examine lamp", "take lamp", "open door"])
    for seed in range(4):
        assert GenericPlanner().decide(replace(state, seed=seed), [routes]).action == "open door"


def test_a_known_way_that_is_shut_gets_opened() -> None:
    scene = Recall("scene", "scene", {"object": "key", "holder": "desk", "place": "study", "episode": "e0",
                                      "step": 3}, "", 1.0)  # fmt: skip
    routes = Recall("route", "scene", {"routes": [["hall", "go north", "study"], ["hall", "go west", "kitchen"]]},
                    "", 0.2)  # fmt: skip
    hall = [*HALL, ["gate", "at", "hall", True], ["gate", "open", None, False]]
    state = _state([(None, hall, None)], ["go west", "open gate", "examine gate"])  # no "go north" while shut
    decision = GenericPlanner().decide(state, [scene, routes, _success(["open gate", "go north"])])
    assert decision.action == "open gate" and decision.subgoal.startswith("clear the way to study")
    # With no success to say how, it works on what is shut here until the way opens.
    state = _state([(None, hall, None)], ["go west", "examine gate", "open gate"])
    assert GenericPlanner().decide(state, [scene, routes]).action in ("examine gate", "open gate")
    state = _state([(None, hall, None), ("examine gate", hall, "no_effect")], ["go west", "examine gate", "open gate"])
    assert GenericPlanner().decide(state, [scene, routes]).action == "open gate"


def test_a_case_about_other_things_is_not_followed_however_alike_its_words() -> None:
    path = ["go east", "take brass key", "put brass key on table"]
    content = {"task": "Put the brass key on the table.", "success": True, "steps": 3, "found": [],
               "actions": path, "path": path}  # fmt: skip
    state = _state([(None, HALL, None)], ["go east", "go west", "look"])
    other = Recall("episode", "episodic", {**content, "targets": ["brass key", "table"]}, "", 0.3)
    assert GenericPlanner().decide(state, [other]).subgoal != "follow a verified case"
    same = Recall("episode", "episodic", {**content, "targets": ["key", "table"]}, "", 0.3)
    assert GenericPlanner().decide(state, [same]).subgoal == "follow a verified case"


def test_a_longer_name_is_another_thing_and_a_failure_may_be_retried_once_something_changed() -> None:
    goal = Goal("Put the passkey into the safe.", "tw-custom", ("passkey", "safe"))
    room = [*HALL, ["agent", "holds", "passkey", True], ["safe", "at", "hall", True], ["safe", "open", None, True],
            ["vanilla passkey", "in", "safe", True]]  # fmt: skip
    admissible = ["insert vanilla passkey into safe", "take vanilla passkey from safe", "insert passkey into safe"]
    # "insert vanilla passkey into safe" names the safe and another passkey, not the goal's.
    state = _state([(None, room, None)], admissible, goal)
    assert GenericPlanner().decide(state, []).action == "insert passkey into safe"
    # It failed (the engine asked which passkey); once the other one is out, it is worth a retry.
    out = [*room[:-1], ["agent", "holds", "vanilla passkey", True]]
    history = [(None, room, None), ("insert passkey into safe", room, "failure")]
    state = _state(history, admissible, goal)
    assert GenericPlanner().decide(state, []).action != "insert passkey into safe"
    state = _state([*history, ("take vanilla passkey from safe", out, "progress")], admissible, goal)
    assert GenericPlanner().decide(state, []).action == "insert passkey into safe"


#: a tw-make objective (textworld's grammar): a preamble, steps with conditions, a closing line
STEPS = ("Get ready to pick stuff up and put it in places, because you've just entered TextWorld! Here is how to "
         "play! First of all, you could, like, make an effort to take a trip west. Once you have got there, pick "
         "up the brass key from the shelf. After that, insert the brass key into the chest's lock to unlock it. "
         "And then, ensure that the chest is open. And if you do that, you're the winner!")  # fmt: skip


def test_a_goal_written_as_steps_is_split_into_its_steps_in_order() -> None:
    from engram.agents.planners.clauses import agenda, split

    def progress(clauses: list, done: list[str], entities: list[str]) -> int:
        return agenda(STEPS, [Perceived(a, "", outcome="progress") for a in done], entities)[1]

    entities = ["brass key", "shelf", "chest"]
    clauses = split(STEPS, entities)
    assert [(c.verbs[0], c.things, c.direction) for c in clauses] == [
        ("take", (), "west"), ("take", ("brass key", "shelf"), ""), ("insert", ("brass key", "chest"), ""),
        ("open", ("chest",), ""),
    ]  # fmt: skip
    assert clauses[0].verbs == ("take", "go")  # "take a trip" is a move, and said as one
    # Carried out in order; a step already so (the chest was open) is passed by doing the next.
    assert progress(clauses, ["go west", "take brass key from shelf"], entities) == 2
    assert progress(clauses, ["take brass key from shelf"], entities) == 2  # the way there was already gone
    assert progress(clauses, ["go east", "examine chest"], entities) == 0  # neither does a step
    assert progress(clauses, ["go east", "open chest"], entities) == 4  # the world let the last be done
    assert split("Put the key on the table.", entities) == []  # one step: the goal as it is


def test_a_text_read_for_the_goal_becomes_its_next_steps() -> None:
    from engram.agents.planners.clauses import agenda

    goal = "You are hungry! Check the cookbook in the kitchen for the recipe. Once done, enjoy your meal!"
    cookbook = ("Recipe #1\n---------\nIngredients:\ncarrot\n  red potato\n\nDirections:\nslice the carrot\n"
                "  prepare meal")  # fmt: skip
    history = [Perceived("examine cookbook", cookbook, outcome="no_effect")]
    clauses, done = agenda(goal, history, ["cookbook", "meal", "kitchen"])
    assert done == 1 and [(c.verbs[0], c.things) for c in clauses[1:]] == [
        ("take", ("carrot",)), ("take", ("red potato",)), ("slice", ("carrot",)), ("prepare", ("meal",)),
        ("eat", ("meal",)),
    ]  # fmt: skip


def test_it_works_a_goal_written_as_steps_step_by_step() -> None:
    goal = Goal(STEPS, "tw-quest", ("brass key", "shelf", "chest"))
    study = [["agent", "at", "study", True], ["chest", "at", "study", True], ["chest", "locked", None, True]]
    hall = [["agent", "at", "hall", True], ["brass key", "on", "shelf", True], ["shelf", "at", "hall", True]]
    state = _state([(None, study, None)], ["examine chest", "go east", "go west", "look"], goal)
    first = GenericPlanner().decide(state, [])
    assert (first.action, first.subgoal) == ("go west", "make an effort to take a trip west")
    state = _state([(None, study, None), ("go west", hall, "progress")], ["go east", "take brass key from shelf"], goal)
    second = GenericPlanner().decide(state, [])
    assert second.action == "take brass key from shelf" and second.subgoal.startswith("pick up the brass key")
