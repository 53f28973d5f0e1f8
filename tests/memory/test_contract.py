"""Every memory module honours the contract: observe, recall, consolidate, save/load round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from engram.agents.runner import MEMORY_MODULES, make_memory, parse_memory
from engram.envs.alfworld_text import intro_facts, parse_facts
from engram.envs.core import Fact, Goal, Observation
from engram.envs.household.domain import HOUSEHOLD
from engram.memory.base import EpisodeEnd, MemoryModule, MemoryStep, Recall, RecallQuery, episode_key
from engram.memory.utility import Judges

INTRO = (
    "You are in the middle of a room. Looking quickly around you, you see a countertop 1, and a fridge 1."
    "\n\nYour task is to: put a apple in fridge."
)
#: (action, observation) of one short successful episode
STEPS = [
    (None, INTRO),
    ("go to countertop 1", "You arrive at countertop 1. On the countertop 1, you see a apple 1, and a mug 2."),
    ("take apple 1 from countertop 1", "You pick up the apple 1 from the countertop 1."),
    ("go to fridge 1", "You arrive at fridge 1. The fridge 1 is closed."),
    ("open fridge 1", "You open the fridge 1. The fridge 1 is open. In it, you see nothing."),
    ("move apple 1 to fridge 1", "You move the apple 1 to the fridge 1."),
]
GOAL = Goal("put a apple in fridge.", "pick_and_place_simple", ("apple",),
            {"object": "apple", "receptacle": "fridge", "toggle": "", "count": 1})  # fmt: skip


def _feed(module: MemoryModule, episode_id: str, steps: list[tuple[str | None, str]]) -> None:
    for t, (action, text) in enumerate(steps):
        facts = intro_facts(text) if t == 0 else parse_facts(text)
        module.observe(MemoryStep(episode_id, "h1", t, GOAL, action, text, tuple(facts),
                                  subgoal="put apple in fridge" if t else "", won=t == len(steps) - 1))  # fmt: skip


def _query(episode_id: str, t: int, goal: Goal = GOAL, world_id: str = "h1") -> RecallQuery:
    return RecallQuery(episode_id, world_id, goal, Observation(""), t)


@pytest.mark.parametrize("name", MEMORY_MODULES)
def test_module_contract(name: str, tmp_path: Path) -> None:
    (module,) = make_memory([name], HOUSEHOLD)
    check_contract(module, tmp_path)


def check_contract(module: MemoryModule, tmp_path: Path) -> None:
    """The contract on ``module`` as it is: a fresh one, or one loaded from a store (a killed
    writer's, :mod:`tests.memory.test_concurrent`)."""
    name = module.name
    (tmp_path / name).mkdir()
    tmp_path = tmp_path / name
    assert isinstance(module, MemoryModule)
    _feed(module, "e1", STEPS)
    episode = EpisodeEnd("e1", "r1", "h1", GOAL.task_type, GOAL, True, 5)
    module.consolidate(episode)
    assert episode_key("r1", "e1") in module.consolidated
    _feed(module, "e2", STEPS[:2])  # the next episode has begun
    query = _query("e2", 1)
    recalled = module.recall(query)
    # A judge recalls nothing of its own: it vets the others' recalls (the utility counters).
    offered = [Recall("episode", "episodic", {"task": GOAL.text, "success": True, "path": ["look"]}, "t", 0.3)]
    judged = module.judge(query, offered) if isinstance(module, Judges) else None
    assert (recalled or judged) and all(isinstance(r, Recall) and r.source == name and r.text for r in recalled)
    module.save(tmp_path / f"{name}.sqlite")
    (again,) = make_memory([name], HOUSEHOLD) if name in MEMORY_MODULES else [type(module)()]
    again.load(tmp_path / f"{name}.sqlite")
    assert again.recall(query) == recalled
    assert again.consolidated == module.consolidated
    # Consolidating a known episode again (a resumed run may) changes nothing.
    again.consolidate(episode)
    _feed(again, "e2", STEPS[:2])
    assert again.recall(query) == recalled
    if isinstance(module, Judges):
        assert isinstance(again, Judges) and again.judge(query, offered) == judged


def test_memory_specs() -> None:
    assert parse_memory("none") == [] and parse_memory("all") == list(MEMORY_MODULES)
    assert parse_memory("scene,experience") == ["scene", "experience"]
    with pytest.raises(ValueError, match="unknown memory module"):
        parse_memory("telepathy")


NOTES = '''
from engram.memory.base import Recall


class NotesMemory:
    """Remembers the last text of every finished episode, by task type."""

    name = "notes"

    def __init__(self):
        self.consolidated, self.last, self.notes = set(), {}, {}

    def observe(self, step):
        self.last[step.episode_id] = step.text

    def recall(self, query):
        note = self.notes.get(query.goal.task_type)
        return [Recall("lesson", self.name, {"lesson": note, "task_type": query.goal.task_type,
                                              "support": 1, "used": 0, "succeeded": 0}, note, 0.5)] if note else []

    def consolidate(self, episode):
        key = episode.run_id + "/" + episode.id
        if key not in self.consolidated:
            self.consolidated.add(key)
            self.notes[episode.goal.task_type] = self.last.pop(episode.id, "")

    def save(self, path):
        import json
        path.write_text(json.dumps({"consolidated": sorted(self.consolidated), "notes": self.notes}))

    def load(self, path):
        import json
        data = json.loads(path.read_text())
        self.consolidated, self.notes = set(data["consolidated"]), data["notes"]
'''


def test_a_third_party_module_plugs_in_by_entry_point_and_honours_the_contract(tmp_path: Path, monkeypatch) -> None:
    """A separately installed package's module (on the path with its dist-info) is found by name,
    passes the same contract as engram's own, and is refused when it breaks the protocol."""
    from engram.memory.registry import GROUP, names

    dist = tmp_path / "acme_memory-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-memory\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[{GROUP}]\nnotes = acme_memory:NotesMemory\nbroken = acme_memory:Broken\n")
    (tmp_path / "acme_memory.py").write_text(NOTES + "\n\nclass Broken:\n    name = 'broken'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert {"notes", "broken"} <= set(names()) and parse_memory("all,notes")[-1] == "notes"
    test_module_contract("notes", tmp_path)
    with pytest.raises(TypeError, match="MemoryModule protocol"):
        make_memory(["broken"])


def test_episodic_memory_without_a_directory_leaves_no_scratch_store_behind() -> None:
    import gc

    from engram.memory.episodic import EpisodicMemory

    memory = EpisodicMemory()
    memory.client()
    made = memory.scratch
    assert made is not None and made.is_dir()
    del memory
    gc.collect()
    assert not made.exists()


def test_every_module_reloads_what_it_kept_for_an_env_without_a_domain(tmp_path: Path) -> None:
    """A domain-free env's memory (BabyAI, a user's env) is loaded again by every later writer of a
    shared directory; the experience bank used to fail on the traces it had kept."""
    for module in make_memory(list(MEMORY_MODULES), None):
        _feed(module, "e1", STEPS)
        module.consolidate(EpisodeEnd("e1", "r1", "h1", "unknown", GOAL, True, 5))
        module.save(tmp_path / f"{module.name}.sqlite")
        (again,) = make_memory([module.name], None)
        again.load(tmp_path / f"{module.name}.sqlite")
        assert again.consolidated == module.consolidated == {"r1/e1"}


def test_stores_saved_by_earlier_versions_still_load(tmp_path: Path) -> None:
    """Episodic records used to live only in a chroma directory beside the file, and shortcuts had
    no worlds: such stores load, recall as before, and the next save moves the records into the file."""
    import json
    import sqlite3

    import chromadb
    from chromadb.config import Settings

    from engram.memory.episodic import EpisodicMemory, embed, embedding_function

    with sqlite3.connect(tmp_path / "episodic.sqlite") as db:
        db.execute("CREATE TABLE consolidated (key)")
        db.execute("INSERT INTO consolidated VALUES ('old/e1')")
    client = chromadb.PersistentClient(
        path=str(tmp_path / "episodic.chroma"), settings=Settings(anonymized_telemetry=False)
    )
    col = client.get_or_create_collection("house-h1", embedding_function=embedding_function(),
                                          configuration={"hnsw": {"space": "cosine"}})  # fmt: skip
    meta = {"house": "h1", "success": True, "steps": 5, "summary": "open fridge 1", "found": "[]", "decisions": "[]"}
    col.upsert(ids=["old/e1"], documents=[GOAL.text], metadatas=[meta], embeddings=embed([GOAL.text]))
    del col, client
    episodic = EpisodicMemory()
    episodic.load(tmp_path / "episodic.sqlite")
    (hit,) = episodic.recall(_query("e9", 0))
    assert hit.content["task"] == GOAL.text and hit.content["success"] and episodic.consolidated == {"old/e1"}
    episodic.save(tmp_path / "episodic.sqlite")
    with sqlite3.connect(tmp_path / "episodic.sqlite") as db:
        assert [k for (k,) in db.execute("SELECT key FROM records")] == ["old/e1"]

    with sqlite3.connect(tmp_path / "skills.sqlite") as db:
        for table in ("shortcuts (name, steps, pre, support, used, succeeded, failed)",
                      "tips (object_type, receptacle_kind, support, used, succeeded, failed)", "consolidated (key)",
                      "traces (episode, steps)"):  # fmt: skip
            db.execute(f"CREATE TABLE {table}")
        db.execute("INSERT INTO shortcuts VALUES (?,?,?,?,?,?,?)",
                   ("open {fridge}", json.dumps(["open {fridge}"]), json.dumps([""]), 2, 1, 1, 0))  # fmt: skip
    (skills,) = make_memory(["skills"], HOUSEHOLD)
    skills.load(tmp_path / "skills.sqlite")
    (shortcut,) = skills.shortcuts.values()  # type: ignore[attr-defined]
    assert (shortcut.support, shortcut.used, shortcut.succeeded, shortcut.worlds) == (2, 1, 1, ())


def test_a_success_whose_page_is_gone_keeps_its_winning_step_and_is_recalled_beside_nearer_failures() -> None:
    """MiniWoB's page is empty once a task is done, so the state after the winning click has the
    facts of the state before it: the click looked like a detour back and was cut from the path.
    And three failures of a task made anew can be nearer than its one success: the nearest success
    is recalled too, since cases and what successes ended on come only from successes."""
    from engram.memory.episodic import EpisodicMemory

    memory = EpisodicMemory()
    page = (Fact("[58]", "type", "span"), Fact("[62]", "type", "textarea"), Fact("[62]", "text", "to:"))

    def play(episode: str, sender: str, to: str, won: bool) -> None:
        goal = Goal(f"Find the email by {sender} and forward that email to {to}.", "forward", (sender, to))
        typed = (Fact("[62]", "value", to),)
        steps = [(None, page), (f'type [62] "{to}"', typed), ("click [58]" if won else "click [62]", ())]
        for t, (action, facts) in enumerate(steps):
            memory.observe(MemoryStep(episode, "w", t, goal, action, "", facts, won=won and t == 2))
        memory.consolidate(EpisodeEnd(episode, "r", "w", "forward", goal, won, 2))

    play("ep0", "Edeline", "Lynda", won=True)
    for i, (sender, to) in enumerate([("Renee", "Charmaine"), ("Renea", "Charmain"), ("Renee", "Charmane")]):
        play(f"ep{i + 1}", sender, to, won=False)
    goal = Goal("Find the email by Renee and forward that email to Charmaine.", "forward", ("Renee", "Charmaine"))
    recalled = memory.recall(_query("ep9", 0, goal, "w"))
    won = [r.content for r in recalled if r.content["success"]]
    assert len(recalled) == 4 and len(won) == 1
    assert won[0]["path"] == ['type [62] "Lynda"', "click [58]"] and won[0]["labels"][-1] == []
