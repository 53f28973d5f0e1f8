"""The offline planner's rules, on hand-written states (no engine needed)."""

from __future__ import annotations

from engram.agents.planners.base import PlannerState
from engram.agents.planners.household import HouseholdPlanner
from engram.envs.alfworld import alfworld_goal
from engram.envs.alfworld_text import intro_facts, parse_facts, parse_goal
from engram.envs.core import Goal, Observation
from engram.memory.base import Perceived, Recall

INTRO = (
    "You are in the middle of a room. Looking quickly around you, you see a cabinet 1, a countertop 1, "
    "a fridge 1, and a microwave 1.\n\nYour task is to: heat some egg and put it in countertop."
)


def _state(steps: list[tuple[str, str]], admissible: list[str]) -> PlannerState:
    history = [Perceived(None, INTRO, tuple(intro_facts(INTRO)))]
    # The outcome is the env's verdict, as ALFWorldEnv gives it ("Nothing happens." is a failure).
    history += [Perceived(a, t, tuple(parse_facts(t)), "failure" if t == "Nothing happens." else "progress")
                for a, t in steps]  # fmt: skip
    text = steps[-1][1] if steps else INTRO
    return PlannerState(
        goal=Goal.from_json(alfworld_goal(parse_goal("heat some egg and put it in countertop"))),
        observation=Observation(text, [], admissible),
        history=history,
        t=len(steps),
    )


GO = ["go to cabinet 1", "go to countertop 1", "go to fridge 1", "go to microwave 1", "look", "inventory"]


def test_search_order_comes_from_memory_priors_or_the_opt_in_affordance_table() -> None:
    # No memory, no built-in knowledge: listing order.
    assert HouseholdPlanner().decide(_state([], GO), []).action == "go to cabinet 1"
    # A learned tip (eggs were found in fridges) reorders the search.
    tip = Recall("tip", "skills", {"object_type": "egg", "holder_type": "fridge"}, "", 0.6)
    assert HouseholdPlanner().decide(_state([], GO), [tip]).action == "go to fridge 1"
    # Of two places the tips favour alike, one an earlier task searched without eggs goes after
    # the other, though it comes first in the listing.
    both = [Recall("tip", "skills", {"object_type": "egg", "holder_type": k}, "", 0.5) for k in ("fridge", "microwave")]
    empty = Recall("prior", "scene", {"object_type": "egg", "holder": "fridge 1", "seen": 0}, "", -0.2)
    assert HouseholdPlanner().decide(_state([], GO), [*both, empty]).action == "go to microwave 1"
    assert HouseholdPlanner().decide(_state([], GO), both).action == "go to fridge 1"
    # Equally likely places: the one without a door to open is cheaper to look at.
    tips = [
        Recall("tip", "skills", {"object_type": "egg", "holder_type": k}, "", 0.5) for k in ("fridge", "countertop")
    ]
    assert HouseholdPlanner().decide(_state([], GO), tips).action == "go to countertop 1"
    # The opt-in oracle: cabinets cannot hold eggs in alfworld's table; countertops can.
    assert HouseholdPlanner(affordance_prior=True).decide(_state([], GO), []).action == "go to countertop 1"


def test_opens_closed_receptacles_while_searching() -> None:
    planner = HouseholdPlanner()
    state = _state(
        [
            ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a mug 1."),
            ("go to fridge 1", "You arrive at fridge 1. The fridge 1 is closed."),
        ],
        [*GO, "open fridge 1"],
    )
    assert planner.decide(state, []).action == "open fridge 1"


def test_takes_heats_then_places() -> None:
    planner = HouseholdPlanner()
    seen = [
        ("go to fridge 1", "You arrive at fridge 1. The fridge 1 is closed."),
        ("open fridge 1", "You open the fridge 1. The fridge 1 is open. In it, you see a egg 2."),
    ]
    assert planner.decide(_state(seen, [*GO, "take egg 2 from fridge 1"]), []).action == "take egg 2 from fridge 1"
    held = [*seen, ("take egg 2 from fridge 1", "You pick up the egg 2 from the fridge 1.")]
    assert planner.decide(_state(held, GO), []).action == "go to microwave 1"
    at_mw = [*held, ("go to microwave 1", "You arrive at microwave 1. The microwave 1 is closed.")]
    assert (
        planner.decide(_state(at_mw, [*GO, "heat egg 2 with microwave 1"]), []).action == "heat egg 2 with microwave 1"
    )
    hot = [*at_mw, ("heat egg 2 with microwave 1", "You heat the egg 2 using the microwave 1.")]
    assert planner.decide(_state(hot, GO), []).action == "go to countertop 1"
    there = [*hot, ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see nothing.")]
    decision = planner.decide(_state(there, [*GO, "move egg 2 to countertop 1"]), [])
    assert decision.action == "move egg 2 to countertop 1" and "countertop 1" in decision.subgoal


def test_does_not_repeat_a_command_that_did_nothing() -> None:
    planner = HouseholdPlanner()
    steps = [
        ("go to fridge 1", "You arrive at fridge 1. The fridge 1 is closed."),
        ("open fridge 1", "Nothing happens."),
    ]
    decision = planner.decide(_state(steps, [*GO, "open fridge 1"]), [])
    assert decision.action != "open fridge 1" and decision.action in GO


def test_only_ever_returns_an_admissible_command() -> None:
    planner = HouseholdPlanner()
    # The receptacle it wants is not offered: it must fall back to something offered.
    decision = planner.decide(_state([], ["look", "inventory"]), [])
    assert decision.action in ("look", "inventory")
    decision = planner.decide(_state([], ["examine cabinet 1"]), [])
    assert decision.action == "examine cabinet 1"


def test_scene_recall_sends_it_to_the_remembered_place_first() -> None:
    from engram.memory.base import Recall

    planner = HouseholdPlanner()
    recall = [Recall("scene", "scene", {"object": "egg 1", "holder": "microwave 1"}, "", 0.8)]
    assert planner.decide(_state([], GO), []).action == "go to cabinet 1"  # without memory: search
    assert planner.decide(_state([], GO), recall).action == "go to microwave 1"
    # Memory was wrong: the microwave's full listing lacks the egg, so the search resumes, at the
    # unsearched place with no door to open first.
    wrong = [("go to microwave 1", "You arrive at microwave 1. The microwave 1 is open. In it, you see a mug 1.")]
    assert planner.decide(_state(wrong, GO), recall).action == "go to countertop 1"


def test_opens_a_closed_receptacle_where_memory_puts_the_object() -> None:
    from engram.memory.base import Recall

    recall = [Recall("scene", "scene", {"object": "egg 1", "holder": "fridge 1"}, "", 0.8)]
    at_fridge = [("go to fridge 1", "You arrive at fridge 1. The fridge 1 is closed.")]
    assert HouseholdPlanner().decide(_state(at_fridge, [*GO, "open fridge 1"]), recall).action == "open fridge 1"


def test_lookahead_verdicts_narrow_the_choice_but_never_leave_the_planner_stuck() -> None:
    planner = HouseholdPlanner()
    # The listing order would go to cabinet 1 first; the lookahead has ruled that out.
    ruled = {"rejected": {"go to cabinet 1": "cannot advance the goal within 2 steps (distance 5)"},
             "kept": ["go to countertop 1", "go to fridge 1", "go to microwave 1"], "depth": 2}  # fmt: skip
    verdict = Recall("lookahead", "experience", ruled, "", 0.0)
    assert planner.decide(_state([], GO), []).action == "go to cabinet 1"
    assert planner.decide(_state([], GO), [verdict]).action == "go to countertop 1"
    # Everything ruled out: the rules decide among all commands rather than stand still.
    every = Recall("lookahead", "experience", {"rejected": {a: "x" for a in GO}, "kept": [], "depth": 2}, "", 0.0)
    assert planner.decide(_state([], GO), [every]).action == "go to cabinet 1"
