"""Verified paths: a task's successes merged into one graph of world states, the shortest way out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engram.envs.core import Fact, Goal, Observation, Outcome
from engram.memory.base import EpisodeEnd, MemoryStep, RecallQuery
from engram.memory.experience import ExperienceMemory
from engram.memory.paths import Run, build

GOAL = Goal("First, open the safe. Then take the broccoli from the safe and eat it.", "tw-quest",
            ("safe", "broccoli"))  # fmt: skip


def kitchen(safe_open: bool, broccoli: str = "safe") -> list[list[Any]]:
    """What the player sees in the kitchen: the safe, and the broccoli when the safe is open."""
    facts = [["agent", "at", "kitchen", True], ["safe", "at", "kitchen", True], ["safe", "open", None, safe_open]]
    if broccoli == "held":
        facts.append(["agent", "holds", "broccoli", True])
    elif safe_open:
        facts.append(["broccoli", "in", "safe", True])
    return facts


HALL = [["agent", "at", "hall", True], ["cabinet", "at", "hall", True], ["cabinet", "open", None, False]]

#: a success with a detour: it closed the safe, looked round the hall, came back and opened it again
DETOUR = [("open safe", kitchen(True)), ("close safe", kitchen(False)), ("go west", HALL),
          ("examine cabinet", HALL), ("go east", kitchen(False)), ("open safe", kitchen(True)),
          ("take broccoli from safe", kitchen(True, "held")), ("eat broccoli", kitchen(True, "held"))]  # fmt: skip


def run(steps: list[tuple[str, list[list[Any]]]], won: bool = True, failed: set[int] | None = None) -> Run:
    facts = [kitchen(False)] + [f for _, f in steps]
    actions = [a for a, _ in steps]
    return Run(facts, actions, [i in (failed or set()) for i in range(len(actions))], won, [],
               [not a.startswith("examine") for a in actions])  # fmt: skip


def test_a_success_with_a_detour_is_followed_without_it() -> None:
    graph = build([run(DETOUR)])
    assert graph is not None
    # The safe first seen closed, later seen open with the broccoli in it: one world, so closing
    # and reopening it, and the hall, are a circle the shortest way leaves out.
    assert graph.shortest(graph.start) == ["open safe", "take broccoli from safe", "eat broccoli"]


def test_a_step_whose_change_the_facts_do_not_show_stays_on_the_path() -> None:
    # "eat broccoli" changed the world (the env says so) though the facts still show it held: the
    # state after it is not the state before, or the way out would stop short of it.
    steps = [("open safe", kitchen(True)), ("take broccoli from safe", kitchen(True, "held")),
             ("eat broccoli", kitchen(True, "held")), ("close safe", kitchen(False, "held"))]  # fmt: skip
    graph = build([run(steps)])
    assert graph is not None
    assert graph.shortest(graph.start) == [a for a, _ in steps]


def test_an_effect_is_never_taken_for_the_way_things_were() -> None:
    # "take" makes the broccoli held: were that filled in as the start, taking it would be no step.
    graph = build([run([("open safe", kitchen(True)), ("take broccoli from safe", kitchen(True, "held")),
                        ("eat broccoli", kitchen(True, "held"))])])  # fmt: skip
    assert graph is not None and graph.shortest(graph.start)[1] == "take broccoli from safe"


def test_two_successes_merge_and_a_failed_step_closes_its_way() -> None:
    long = run(DETOUR)
    # A second success that went round the other way (through the hall first).
    other = run([("go west", HALL), ("go east", kitchen(False)), ("open safe", kitchen(True)),
                 ("take broccoli from safe", kitchen(True, "held")),
                 ("eat broccoli", kitchen(True, "held"))])  # fmt: skip
    graph = build([long, other])
    assert graph is not None and graph.successes == 2
    assert graph.shortest(graph.start) == ["open safe", "take broccoli from safe", "eat broccoli"]
    # Later, opening the safe failed from the start (it got locked): that way is closed; the path
    # from the start is gone until a success passes there again.
    stuck = run([("open safe", kitchen(False))], won=False, failed={0})
    assert build([long, other, stuck]).shortest(graph.start) is None


def _facts(facts: list[list[Any]]) -> tuple[Fact, ...]:
    return tuple(Fact.from_json(f) for f in facts)


def feed(bank: ExperienceMemory, episode: str, steps: list[tuple[str, list[list[Any]]]], won: bool,
         goal: Goal = GOAL, end: bool = True) -> None:  # fmt: skip
    bank.observe(MemoryStep(episode, "w", 0, goal, None, "kitchen", _facts(kitchen(False))))
    for t, (action, facts) in enumerate(steps, start=1):
        outcome = Outcome.NO_EFFECT if action.startswith("examine") else Outcome.PROGRESS
        bank.observe(MemoryStep(episode, "w", t, goal, action, action, _facts(facts), outcome))
    if end:
        bank.consolidate(EpisodeEnd(episode, "r", "w", goal.task_type, goal, won, len(steps)))


def paths(bank: ExperienceMemory, episode: str, goal: Goal = GOAL) -> list[list[str]]:
    return [r.content["steps"] for r in bank.recall(RecallQuery(episode, "w", goal, Observation("")))
            if r.kind == "path"]  # fmt: skip


def test_the_bank_recalls_the_shortest_way_from_where_the_episode_stands(tmp_path: Path) -> None:
    bank = ExperienceMemory()  # no domain: facts alone
    feed(bank, "e1", DETOUR, won=True)
    feed(bank, "e2", [("go west", HALL)], won=False, end=False)
    # Off the successes' way in the hall: back east first (the episode's own step says how).
    assert paths(bank, "e2") == [["go east", "open safe", "take broccoli from safe", "eat broccoli"]]
    # Another goal in the same world, or the same goal from another start, is another task.
    other = Goal("Put the broccoli on the table.", GOAL.task_type, GOAL.targets)
    feed(bank, "e3", [], won=False, goal=other, end=False)
    assert paths(bank, "e3", other) == []
    # A reloaded bank answers alike, the episode under way included.
    bank.save(tmp_path / "bank.sqlite")
    again = ExperienceMemory()
    again.load(tmp_path / "bank.sqlite")
    assert paths(again, "e2") == paths(bank, "e2")


def test_a_command_that_lost_the_game_is_known_by_what_it_acted_on() -> None:
    from engram.memory.paths import world_at

    held = kitchen(True, "held")
    burnt = run([("open safe", kitchen(True)), ("take broccoli from safe", held),
                 ("cook broccoli with oven", held)], won=False)  # fmt: skip
    burnt.lost = True
    graph = build([burnt])
    assert graph is not None and graph.shortest(graph.start) is None  # no win: no way to recall
    # Later, the broccoli held again, after other things were done (the cabinet opened): the same
    # command on the same broccoli is known to lose; with the stove, or on nothing held, it is not.
    later = run([("go west", HALL), ("go east", kitchen(True, "held"))], won=False)
    now = world_at(graph.world, later, len(later.facts) - 1)
    assert graph.losing(now, ["cook broccoli with oven", "cook broccoli with stove"]) == ["cook broccoli with oven"]
    assert graph.losing(world_at(graph.world, later, 0), ["cook broccoli with oven"]) == []
