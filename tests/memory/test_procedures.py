"""Shortcuts mined from the facts alone (no domain), stored by the skills module, and started by the
generic planner with their slots grounded again in what is admissible."""

from __future__ import annotations

from typing import Any

from engram.agents.planners.base import PlannerState
from engram.agents.planners.generic import GenericPlanner
from engram.envs.core import Fact, Goal, Observation
from engram.envs.domain import IF_OFFERED, NO_NEED
from engram.memory.base import EpisodeEnd, MemoryStep, Perceived, RecallQuery
from engram.memory.procedures import ground, mine, type_of
from engram.memory.skills import SkillMemory

CATS = [["hall", "category", "place", True], ["study", "category", "place", True],
        ["oak door", "category", "door", True], ["chest", "category", "receptacle", True],
        ["brass key", "category", "object", True], ["apple", "category", "object", True],
        ["table", "category", "receptacle", True]]  # fmt: skip


def _trace(world: dict[str, str]) -> list[dict[str, Any]]:
    """A verified success in a small world; ``world`` renames its entities (another world)."""

    def f(*fact: Any) -> list[Any]:
        return [world.get(x, x) if isinstance(x, str) else x for x in fact]

    def c(text: str) -> str:
        for a, b in sorted(world.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(a, b)
        return text

    cats = [f(*x) for x in CATS]
    return [
        {"action": None, "facts": [*cats, f("agent", "at", "hall", True), f("brass key", "at", "hall", True),
                                   f("oak door", "open", None, False), f("oak door", "locked", None, True)]},
        {"action": c("examine oak door"), "facts": []},  # a detour: changed nothing
        {"action": c("take brass key"), "facts": [f("agent", "holds", "brass key", True)]},
        {"action": c("unlock oak door with brass key"), "facts": [f("oak door", "locked", None, False)]},
        {"action": c("open oak door"), "facts": [f("oak door", "open", None, True)]},
        {"action": "go east", "facts": [f("agent", "at", "study", True), f("chest", "at", "study", True),
                                        f("chest", "open", None, False), f("table", "at", "study", True)]},
        {"action": c("open chest"), "facts": [f("chest", "open", None, True), f("apple", "in", "chest", True)]},
        {"action": c("take apple from chest"), "facts": [f("agent", "holds", "apple", True)]},
        {"action": c("put apple on table"), "facts": [f("apple", "on", "table", True)], "won": True},
    ]  # fmt: skip


def test_a_success_splits_where_the_agent_moved_into_procedures_typed_by_category() -> None:
    procedures = mine(_trace({}))
    assert [p.steps for p in procedures] == [
        ("take {object}", "unlock {door} with {object}", "open {door}"),  # the examine detour is cut
        ("open {receptacle}", "take {object} from {receptacle}", "put {object} on {receptacle_2}"),
    ]
    # "go east" names nothing: it belongs to this map (routes keep it), not to a procedure.
    assert all("go east" not in p.steps for p in procedures)
    # Opening made open what it names: a step passed over where the env does not offer it (it is
    # open already); unlocking is no "unlock" state, taking no state at all: those are needed.
    assert [p.pre for p in procedures] == [(NO_NEED, NO_NEED, IF_OFFERED), (IF_OFFERED, NO_NEED, NO_NEED)]
    # Another world with other names gives the same templates: that is what makes them reusable.
    other = {"oak door": "iron gate", "brass key": "rusty key", "chest": "crate", "apple": "pear", "table": "shelf"}
    cats = [[other.get(e, e), r, o, v] for e, r, o, v in CATS]
    assert [p.steps for p in mine([{**s, "facts": s["facts"] + (cats if i == 0 else [])}
                                   for i, s in enumerate(_trace(other))])] == [p.steps for p in procedures]  # fmt: skip


def test_without_categories_a_type_is_the_name_without_its_number_and_a_move_that_names_opens_it() -> None:
    trace = [
        {"action": None, "facts": [["agent", "at", "room", True], ["desk 1", "at", "room", True]]},
        {"action": "go to desk 1", "facts": [["agent", "at", "desk 1", True], ["lamp 2", "on", "desk 1", True]]},
        {"action": "take lamp 2 from desk 1", "facts": [["agent", "holds", "lamp 2", True]]},
        {"action": "use lamp 2", "facts": [["lamp 2", "on", None, True]]},
    ]
    (p,) = mine(trace)
    assert p.steps == ("go to {desk}", "take {lamp} from {desk}", "use {lamp}")
    assert type_of("desk 1", {}) == "desk" and type_of("oak door", {"oak door": "door"}) == "door"
    assert mine(trace[:2]) == []  # a move alone is no procedure


def test_grounding_fills_slots_only_with_entities_of_their_type() -> None:
    kinds = {"chest": "receptacle", "apple": "object", "oak door": "door"}

    def fits(entity: str, kind: str) -> bool:
        return type_of(entity, kinds) == kind

    admissible = ["open chest", "open oak door", "take apple from chest", "look"]
    assert ground("open {receptacle}", admissible, {}, fits) == [{"receptacle": "chest"}]
    assert ground("open {door}", admissible, {}, fits) == [{"door": "oak door"}]
    assert ground("take {object} from {receptacle}", admissible, {"receptacle": "crate"}, fits) == []


def _consolidate(memory: SkillMemory, trace: list[dict[str, Any]], n: int, success: bool = True) -> None:
    goal = Goal("Put the apple on the table.", "tw-custom", ("apple", "table"))
    for t, step in enumerate(trace):
        facts = tuple(Fact.from_json(f) for f in step["facts"])
        memory.observe(MemoryStep(f"e{n}", "", t, goal, step["action"], "", facts,
                                  won=bool(step.get("won")) and success))  # fmt: skip
    memory.consolidate(EpisodeEnd(f"e{n}", "r", "", goal.task_type, goal, success, len(trace) - 1))


#: what the generic planner's turn asks memory (no targets: no tips, only shortcuts)
ANY = RecallQuery("", "", Goal("x"), Observation(""))


def test_the_skills_module_keeps_them_from_verified_successes_only_and_offers_their_slots() -> None:
    memory = SkillMemory()  # no domain
    _consolidate(memory, _trace({}), 0, success=False)
    assert memory.shortcuts == {}
    _consolidate(memory, _trace({}), 1)
    _consolidate(memory, _trace({"apple": "pear", "chest": "crate"}), 2)
    skills = [r for r in memory.recall(ANY) if r.kind == "skill"]
    by_steps = {tuple(r.content["steps"]): r.content for r in skills}
    content = by_steps[("open {receptacle}", "take {object} from {receptacle}", "put {object} on {receptacle_2}")]
    assert content["support"] == 2 and content["slots"] == {"receptacle": "receptacle", "object": "object",
                                                            "receptacle_2": "receptacle"}  # fmt: skip


def test_the_generic_planner_starts_a_shortcut_grounded_in_this_world() -> None:
    memory = SkillMemory()
    _consolidate(memory, _trace({}), 1)
    _consolidate(memory, _trace({}), 2)
    recall = memory.recall(ANY)
    goal = Goal("Put the pear on the shelf.", "tw-custom", ("pear", "shelf"))
    seen = [["agent", "at", "attic", True], ["crate", "category", "receptacle", True],
             ["shelf", "category", "receptacle", True], ["pear", "category", "object", True],
             ["crate", "at", "attic", True], ["shelf", "at", "attic", True], ["crate", "open", None, False],
             ["pear", "in", "crate", True], ["box", "category", "receptacle", True], ["box", "at", "attic", True],
             ["box", "open", None, False]]  # fmt: skip
    # The box is closed too, and "open {receptacle}" fits it, but it holds no target: not opened.
    facts = tuple(Fact(*f) for f in seen)
    observation = Observation("", list(facts), ["open box", "open crate", "look", "go west"])
    state = PlannerState(goal, observation, (Perceived(None, "", facts),))
    decision = GenericPlanner().decide(state, recall)
    assert decision.action == "open crate" and decision.skill is not None
    assert decision.skill["steps"] == ["open crate", "take pear from crate", "put pear on shelf"]
    # Seen in one success only, a procedure may be that success's wrong turn: not followed.
    once = SkillMemory()
    _consolidate(once, _trace({}), 1)
    decision = GenericPlanner().decide(state, once.recall(ANY))
    assert decision.skill is None


def test_a_slot_that_is_no_identifier_still_grounds() -> None:
    """A page's things are named "[5]", and a slot named after one ("{5}") is no regex group name:
    grounding raised on it mid-run (MiniWoB)."""
    from engram.memory.procedures import ground

    fits = lambda entity, kind: True  # noqa: E731
    assert ground("click {5} then {5}", ["click [1] then [1]", "click [1] then [2]"], {}, fits) == [{"5": "[1]"}]
