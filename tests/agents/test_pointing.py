"""Goals that point at things by what they show (:mod:`engram.agents.planners.pointing`), on
hand-written pages in MiniWoB's shape: commands name elements by reference, facts give their texts."""

from __future__ import annotations

from typing import Any

from engram.agents.planners.base import PlannerState
from engram.agents.planners.generic import GenericPlanner
from engram.agents.planners.pointing import phrases, pointed, texts
from engram.envs.core import Fact, Goal, Observation
from engram.memory.base import Perceived

LOGIN = Goal('Enter the username "karrie" and the password "yn" into the text fields and press login.', "login",
             ("karrie", "yn"))  # fmt: skip
PAGE = [["[4]", "type", "input_text", True], ["[5]", "type", "input_password", True],
        ["[6]", "type", "button", True], ["[6]", "text", "Login", True]]  # fmt: skip
TYPES = ['type [4] "karrie"', 'type [5] "karrie"', 'type [4] "yn"', 'type [5] "yn"', "click [6]"]


def _seen(action: str | None, facts: list[list[Any]], outcome: str | None = None) -> Perceived:
    return Perceived(action, "", tuple(Fact(*f) for f in facts), outcome)


def _state(goal: Goal, history: list[Perceived], admissible: list[str], seed: int = 0) -> PlannerState:
    """The state after ``history``, its last observation offering ``admissible``."""
    observation = Observation("", list(history[-1].facts), admissible)
    return PlannerState(goal, observation, history, t=len(history) - 1, seed=seed)


def _history(actions: list[str]) -> list[Perceived]:
    return [_seen(None, PAGE)] + [_seen(a, PAGE, "progress") for a in actions]


def test_what_the_goal_names_is_acted_on_in_its_order_each_on_a_thing_of_its_own() -> None:
    assert phrases(LOGIN) == ["karrie", "yn"]
    assert pointed(LOGIN, _history([]), TYPES, set(TYPES)) == ('type [4] "karrie"', "karrie")
    # The password goes where the username did not: the field the episode has not typed into.
    assert pointed(LOGIN, _history(['type [4] "karrie"']), TYPES, set(TYPES[1:])) == ('type [5] "yn"', "yn")
    assert pointed(LOGIN, _history(['type [4] "karrie"', 'type [5] "yn"']), TYPES, {"click [6]"}) is None


def test_a_thing_without_text_shows_the_one_text_beside_it_and_the_planner_finishes_with_the_goal_s_last_word() -> None:
    box = [["[6]", "type", "input_checkbox", True], ["[6]", "child_of", "[5]", True],
           ["[-1]", "type", "t", True], ["[-1]", "text", "ni", True], ["[-1]", "child_of", "[5]", True],
           ["[7]", "type", "input_checkbox", True], ["[7]", "child_of", "[8]", True],
           ["[-2]", "text", "GMp4rr", True], ["[-2]", "child_of", "[8]", True],
           ["[9]", "type", "button", True], ["[9]", "text", "Submit", True]]  # fmt: skip
    assert texts(box)["[6]"] == "ni" and texts(box)["[7]"] == "GMp4rr"
    goal = Goal("Select ni and click Submit.", "click-checkboxes", ("ni",))
    admissible = ["click [6]", "click [-1]", "click [7]", "click [-2]", "click [9]"]

    def decide(actions: list[str]) -> str:
        history = [_seen(None, box)] + [_seen(a, box, "progress") for a in actions]
        return GenericPlanner().decide(_state(goal, history, admissible, seed=3), []).action

    assert decide([]) == "click [6]"  # the checkbox itself, before the words beside it
    # "ni" is done: not again (its words are the goal's), nor another box; what the goal says last.
    assert decide(["click [6]"]) == "click [9]"


def test_a_value_goes_into_the_field_labelled_with_its_key_where_the_env_names_keys() -> None:
    """MiniWoB's multi-layouts: "directed by Burris" goes into the field whose row's header says
    "Director", whatever order the page lays the fields out in (a field alone in its cell shows
    the header beside the cell)."""
    rows = [("[8]", "Director", "[10]"), ("[12]", "Year", "[14]"), ("[16]", "Genre", "[18]")]
    page: list[list[Any]] = [["[19]", "text", "Submit", True]]
    for i, (head, text, field) in enumerate(rows):
        row, cell = f"[{30 + i}]", f"[{40 + i}]"
        page += [[head, "child_of", row, True], [head, "text", text, True], [cell, "child_of", row, True],
                 [field, "child_of", cell, True], [field, "type", "input_text", True]]  # fmt: skip
    assert texts(page)["[10]"] == "Director" and texts(page)["[18]"] == "Genre"
    fields = [["genre", "action"], ["director", "Burris"], ["year", "1973"]]
    goal = Goal("Search for action movies directed by Burris from year 1973.", "multi-layouts",
                ("action", "Burris", "1973"), {"fields": fields})  # fmt: skip
    typing = [f'type {f} "{v}"' for _, _, f in rows for _, v in fields] + ["click [19]"]
    history = [_seen(None, page)]
    chosen = []
    for _ in range(3):
        command, _phrase = pointed(goal, history, typing, set(typing)) or ("", "")
        chosen.append(command)
        history.append(_seen(command, page, "progress"))
    assert chosen == ['type [18] "action"', 'type [10] "Burris"', 'type [14] "1973"']
    # Without keys, the values go into the fields in the page's order: the case keys fix.
    plain = Goal(goal.text, goal.task_type, goal.targets)
    assert pointed(plain, history[:1], typing, set(typing)) == ('type [10] "action"', "action")


def test_a_case_is_left_where_the_page_shows_something_else_than_when_it_was_recorded() -> None:
    from engram.agents.planners.cases import case_ahead
    from engram.memory.base import Recall

    goal = Goal("Click the link.", "click-link")
    case = Recall("episode", "episodic", {"task": goal.text, "success": True, "targets": [],
                                          "path": ["click [9]"], "labels": [["cursus"]]}, "", 0.3)  # fmt: skip

    def page(text: str) -> PlannerState:
        facts = [["[9]", "type", "span", True], ["[9]", "text", text, True]]
        return _state(goal, [_seen(None, facts)], ["click [9]"])

    assert case_ahead(page("cursus"), [case], ["click [9]"]) == (goal.text, ["click [9]"])
    assert case_ahead(page("Etiam"), [case], ["click [9]"]) is None


def test_memory_of_what_successes_ended_on_finishes_a_page_made_anew() -> None:
    from engram.memory.base import Recall

    goal = Goal("Search for action movies.", "multi-layouts")
    page = [["[4]", "text", "Movie Search", True], ["[19]", "text", "Submit", True]]
    state = _state(goal, [_seen(None, page)], ["click [4]", "click [19]"])
    alone = GenericPlanner().decide(state, [])
    assert alone.action == "click [4]" and alone.follows == ""  # the goal's words
    # A success of this task ended on "Submit", then [26]: the page differs, what it showed does not.
    case = Recall("episode", "episodic", {"task": "Search for comedy movies.", "success": True, "targets": ["comedy"],
                                          "path": ['type [6] "comedy"', "click [26]"],
                                          "labels": [["comedy"], ["Submit"]]}, "", 0.2)  # fmt: skip
    # Not before this episode has taken as many steps as the success took before it: clicking
    # "Submit" first skips what the success did first (click-collapsible: -1).
    assert GenericPlanner().decide(state, [case]).follows == ""
    later = _state(goal, [*state.history, _seen("click [4]", page, "no effect")], ["click [4]", "click [19]"])
    helped = GenericPlanner().decide(later, [case])
    assert helped.action == "click [19]" and helped.follows == "case"
    # Only the winning step counts: a path cut short at a state seen before ends on another step.
    cut = Recall(case.kind, case.source, {**case.content, "actions": [*case.content["path"], "click [31]"]}, "", 0.2)
    assert GenericPlanner().decide(later, [cut]).follows == ""


def test_a_textless_thing_a_success_ended_on_is_clicked_again_only_for_the_task_worded_the_same_way() -> None:
    """An icon shows no text, so what a success ended on ("click [58]", the send icon) is known
    only by its reference: followed where the success was this task worded the same way (whoever
    the email is from), not where it was another task on the same page (a star is no send icon)."""
    from engram.memory.base import Recall

    page = [["[57]", "type", "span", True], ["[58]", "type", "span", True], ["[62]", "type", "textarea", True],
            ["[62]", "text", "to:", True]]  # fmt: skip
    goal = Goal("Find the email by Renee and forward that email to Charmaine.", "email", ("Renee", "Charmaine"))
    typed = 'type [62] "Charmaine"'
    history = [_seen(None, page), _seen(typed, page, "progress")]
    offered = ["click [57]", "click [58]", "click [62]", typed]
    state = _state(goal, history, offered, seed=1)

    def success(task: str, targets: list[str]) -> Recall:
        path = [f'type [62] "{targets[-1]}"', "click [58]"]
        labels = [["to:", targets[-1]], []]
        return Recall("episode", "episodic", {"task": task, "success": True, "targets": targets, "path": path,
                                              "actions": path, "labels": labels}, "", 0.2)  # fmt: skip

    same = success("Find the email by Edeline and forward that email to Lynda.", ["Edeline", "Lynda"])
    followed = GenericPlanner().decide(state, [same])
    assert (followed.action, followed.follows) == ("click [58]", "case")
    other = success("Find the email by Edeline and click the star icon to mark it as important.", ["Edeline", "star"])
    assert GenericPlanner().decide(state, [other]).follows != "case"
    assert GenericPlanner().decide(state, []).action == "click [57]"  # what the explorer alone tries first here
