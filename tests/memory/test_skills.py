"""Skills and tips: mined only from verified successes, generalised, counted, run step by step."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from engram.agents.planners.base import PlannerState
from engram.agents.shortcuts import continue_skill
from engram.envs.core import Fact, Goal, Observation
from engram.envs.household.domain import HOUSEHOLD, mine_shortcuts
from engram.memory.base import EpisodeEnd, MemoryStep, Perceived, RecallQuery

SUCCESS = [
    "go to cabinet 1", "go to countertop 2", "take potato 1 from countertop 2", "go to microwave 1",
    "heat potato 1 with microwave 1", "go to fridge 1", "open fridge 1", "move potato 1 to fridge 1",
]  # fmt: skip


def test_mining_generalises_segments_and_skips_searching() -> None:
    mined = {s.name: s for s in mine_shortcuts(SUCCESS)}
    assert set(mined) == {"fetch {obj} from {countertop}", "heat {obj} with {microwave}", "put {obj} in {fridge}"}
    put = mined["put {obj} in {fridge}"]
    assert put.steps == ("go to {fridge}", "open {fridge}", "move {obj} to {fridge}")
    assert put.pre == ("", "if offered", "holds {obj}")
    assert put.bind({"obj": "apple 2", "fridge": "fridge 1"}) == [
        "go to fridge 1",
        "open fridge 1",
        "move apple 2 to fridge 1",
    ]
    assert mined["fetch {obj} from {countertop}"].pre[-1] == "holds nothing"


def _skill(steps: list[str], pre: list[str]) -> dict:
    return {"name": "put {obj} in {fridge}", "template": [], "steps": steps, "pre": pre, "obj": "apple 2", "i": 0}


def _state(admissible: list[str], holds: str | None) -> PlannerState:
    facts = (Fact("agent", "holds", holds),) if holds else ()
    return PlannerState(Goal(""), Observation("", list(facts), admissible), (Perceived(None, "", facts),))


def test_a_running_shortcut_rechecks_and_aborts_cleanly() -> None:
    skill = _skill(["go to fridge 1", "open fridge 1", "move apple 2 to fridge 1"], ["", "if offered", "holds {obj}"])
    skill["pre"][2] = "holds apple 2"
    # The fridge is already open: the optional open step is skipped, the move is next.
    decision, _ = continue_skill(skill, _state(["move apple 2 to fridge 1", "look"], "apple 2"))
    assert decision and decision.action == "move apple 2 to fridge 1" and decision.skill["i"] == 2
    # The world disagrees: the apple is not in hand any more.
    decision, why = continue_skill(skill, _state(["look"], None))
    assert decision is None and "needs apple 2 in hand" in why
    # A required step the environment does not offer aborts too.
    take = {**_skill(["go to countertop 1", "take apple 2 from countertop 1"], ["", "holds nothing"])}
    decision, why = continue_skill(take, _state(["look"], None))
    assert decision is None and "not admissible" in why


def _stream(cli, stream: Path, run_dir: Path, memory: str, *extra: str) -> dict:
    done = cli("run", "--games", stream, "--run-dir", run_dir, "--memory", memory, *extra)
    assert done.returncode == 0, done.stderr
    return json.loads((run_dir / "summary.json").read_text())


def _store(run_dir: Path) -> tuple[int, int]:
    with sqlite3.connect(run_dir / "memory" / "skills.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM shortcuts").fetchone()[0], db.execute(
            "SELECT COUNT(*) FROM tips"
        ).fetchone()[0]


def test_poisoning_guard_failed_episodes_create_no_skills(stream_dir: Path, tmp_path: Path, cli) -> None:
    failing = _stream(cli, stream_dir, tmp_path / "failing", "skills", "--max-steps", "3")
    assert failing["episodes_total"] == 4 and failing["success_rate"] == 0.0
    assert _store(tmp_path / "failing") == (0, 0)
    # The control: the same stream, solved, does create skills, and later tasks run them (with the
    # scene memory on, the agent knows where to fetch things from, which is when fetch runs).
    solved = _stream(cli, stream_dir, tmp_path / "solved", "scene,skills")
    assert solved["success_rate"] == 1.0
    shortcuts, tips = _store(tmp_path / "solved")
    assert shortcuts > 0 and tips > 0
    events = [
        e["event"]
        for path in sorted((tmp_path / "solved" / "episodes").glob("*/steps.jsonl"))
        for line in path.read_text().splitlines()
        for e in json.loads(line)["skill_events"]
    ]
    assert "started" in events and "done" in events


def _goal(task_type: str) -> Goal:
    return Goal("", task_type, ("mug",), {"object": "mug"})


def _episode(eid: str, task_type: str, success: bool, tip: str = "") -> EpisodeEnd:
    return EpisodeEnd(eid, "r", "", task_type, _goal(task_type), success, 1, tip)


def test_reflection_lessons_are_tips_with_counters_offered_by_task_type(tmp_path: Path) -> None:
    from engram.memory.skills import SkillMemory

    mem = SkillMemory(domain=HOUSEHOLD)
    mem.observe(MemoryStep("e1", "", 0, _goal("pick_clean_then_place_in_recep"), None, ""))
    mem.consolidate(_episode("e1", "pick_clean_then_place_in_recep", False, "Clean at the sinkbasin before placing."))

    def lessons(task_type: str, eid: str) -> list:
        query = RecallQuery(eid, "", Goal("", task_type), Observation(""))
        return [r for r in mem.recall(query) if "lesson" in r.content]

    assert lessons("pick_heat_then_place_in_recep", "e2") == []  # another task type is not told
    offered = lessons("pick_clean_then_place_in_recep", "e2")
    assert [r.content["lesson"] for r in offered] == ["Clean at the sinkbasin before placing."]
    assert offered[0].kind == "lesson" and offered[0].content["used"] == 0
    # e2 was offered the lesson and succeeded: the lesson's counters say so.
    mem.consolidate(_episode("e2", "pick_clean_then_place_in_recep", True))
    key = ("pick_clean_then_place_in_recep", "Clean at the sinkbasin before placing.")
    assert (mem.lessons[key].used, mem.lessons[key].succeeded) == (1, 1)
    mem.save(tmp_path / "skills.sqlite")
    again = SkillMemory(domain=HOUSEHOLD)
    again.load(tmp_path / "skills.sqlite")
    assert again.lessons == mem.lessons
    # A lesson offered to episode after episode that all fail is pruned.
    for i in range(3, 12):
        lessons("pick_clean_then_place_in_recep", f"e{i}")
        mem.consolidate(_episode(f"e{i}", "pick_clean_then_place_in_recep", False))
    assert key not in mem.lessons


def test_gui_shortcuts_generalise_quoted_values_and_keep_the_wording() -> None:
    from engram.memory.skills import mine_gui_shortcut

    said = 'Enter the username "ann" and the password "x9" into the text fields and press login.'
    s = mine_gui_shortcut("login-user", said, ['type [7] "ann"', 'type [10] "x9"', "click [11]"])
    assert s is not None and s.steps == ('type [7] "{q0}"', 'type [10] "{q1}"', "click [11]")
    assert s.family == "login-user" and s.name.endswith('for: Enter the username "" and the password "" into '
                                                        'the text fields and press login.')  # fmt: skip
    lower = mine_gui_shortcut("enter-text-2", 'Type "AbC" in all lower case letters', ['type [5] "abc"', "click [6]"])
    assert lower is not None and lower.steps[0] == 'type [5] "{q0|lower}"'
    assert mine_gui_shortcut("click-option", "Select X and click Submit.", ["click [8]", "click [9]"]) is None
    assert mine_gui_shortcut("enter-text", 'Enter "a" here', ['type [5] "b"', "click [6]"]) is None
    assert mine_gui_shortcut("enter-text", 'Enter "a" here', ['type [5] "a"']) is None


def test_click_only_gui_shortcuts_click_by_label_not_by_ref() -> None:
    from engram.agents.planners.gui import GUIPlanner
    from engram.memory.base import Recall
    from engram.memory.skills import _label, mine_gui_shortcut

    def buttons(*spec: tuple[int, str]) -> list[list]:
        """A button per (ref, label), its label in a text node (ref + 1) inside it."""
        out: list[list] = []
        for ref, label in spec:
            text = f"[{ref + 1}]"
            out += [[f"[{ref}]", "type", "button", True], [text, "type", "t", True],
                    [text, "child_of", f"[{ref}]", True], [text, "text", label, True]]  # fmt: skip
        return out

    page = buttons((5, "ONE"), (7, "TWO"))
    assert _label("click [5]", page) == "ONE" and _label("click [8]", page) == "TWO"
    utterance = "Click button ONE, then click button TWO."
    shortcut = mine_gui_shortcut("click-button-sequence", utterance, ["click [5]", "click [7]"], ["ONE", "TWO"])
    assert shortcut is not None and shortcut.steps == ("click [@ONE]", "click [@TWO]")
    assert mine_gui_shortcut("click-button-sequence", utterance, ["click [5]", "click [7]"]) is None  # bare refs
    # The next episode's page puts the buttons behind other refs: the shortcut finds them by label.
    moved = buttons((21, "TWO"), (23, "ONE"))
    admissible = ["click [21]", "click [22]", "click [23]", "click [24]"]
    recall = Recall("skill", "skills", {"name": shortcut.name, "steps": list(shortcut.steps), "pre": ["", ""],
                                        "family": shortcut.family, "utterance": utterance}, "", 0.5)  # fmt: skip
    observation = Observation("", [Fact(*f) for f in moved], admissible)
    state = PlannerState(Goal(utterance), observation, (Perceived(None, ""),))
    decision = GUIPlanner().decide(state, [recall])
    assert decision.skill is not None and decision.skill["steps"] == ["click [23]", "click [21]"]
