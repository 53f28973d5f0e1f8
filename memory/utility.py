"""Memory that never hurts: utility counters per kind of recall a planner follows.

Why: memory offered as a plan is only as good as the tasks it came from. A case replayed on a page
generated anew (MiniWoB's read-table), a route through a house that was rearranged, a shortcut mined
from lucky successes: following them can do worse than the planner on its own, and nothing else in
memory would notice, because each module scores its items by similarity, not by what following
them did.

So every decision says what it followed (``Decision.follows``: ``case``, ``shortcut``, ``prior`` or
``route``), and at each episode's end this module compares the episode with the memoryless record
of the same kind of task: the episodes of the same task type and world that did not follow that
kind. An episode that followed a kind is a **loss** for it when it did worse than that record (it
failed where the record has a success, or won in more than half again the steps the record's
successes take, or, with no record yet, failed), and a **win** otherwise. Counters are kept per task type and world;
where a world has no verdict yet, those of the task type over all worlds speak for it.

While losses outnumber wins a kind is **demoted**: its recalls still reach the planner, marked
``demoted`` at half their score, and a verified case so marked is no longer the plan followed first
(the generic planner turns to it only when the goal itself gives it nothing to do; the LLM planner
is not offered it as ``follow``, though the prompt still shows it). Two net losses **remove** it:
its recalls are dropped before any planner sees them. A win brings it back.

The module recalls nothing itself; it judges the others' recalls (:class:`Judges`).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast, runtime_checkable

from engram.memory.base import EpisodeEnd, MemoryStep, Payload, Recall, RecallQuery

#: what a decision may follow -> the recall kinds that offered it
FOLLOWED: dict[str, tuple[str, ...]] = {
    "case": ("path", "episode"),
    "shortcut": ("skill",),
    "prior": ("scene", "prior", "tip"),
    "route": ("route",),
}
#: net losses (losses - wins) at which a kind is demoted, and removed
DEMOTE, REMOVE = 1, 2
#: a success is a loss only when it took more than this many times the record's successes' steps
SLACK = 1.5
#: every world of a task type together (the fallback counters)
ANY = "*"


@runtime_checkable
class Judges(Protocol):
    """A memory module that vets what the others recall before a planner sees it."""

    def judge(self, query: RecallQuery, recalls: list[Recall]) -> list[Recall]: ...


@dataclass
class Counter:
    """What following one kind of recall did, for one task type in one world (or ``*``)."""

    followed: int = 0
    wins: int = 0
    losses: int = 0

    @property
    def status(self) -> str:
        net = self.losses - self.wins
        return "removed" if net >= REMOVE else "demoted" if net >= DEMOTE else "trusted"


@dataclass
class Record:
    """One finished episode: what it followed and how it came out."""

    task_type: str
    world: str
    follows: list[str]
    won: bool
    steps: int


def worse(record: Record, baseline: list[Record]) -> bool:
    """``record`` did worse than the memoryless ``baseline`` (episodes of the same kind of task
    that did not follow what ``record`` followed)."""
    wins = [b.steps for b in baseline if b.won]
    if not record.won:
        return bool(wins) or not baseline
    # Tasks of a type differ in length (the thing sought may be near or far): only a clear excess is
    # a loss, not the spread between tasks.
    return bool(wins) and record.steps > SLACK * statistics.mean(wins)


class UtilityMemory:
    name = "utility"

    def __init__(self) -> None:
        self.consolidated: set[str] = set()
        self.records: list[Record] = []
        self.counters: dict[tuple[str, str, str], Counter] = {}  # (kind, task type, world or ANY)
        self._live: dict[str, set[str]] = {}  # episode id -> kinds followed so far

    # -- the protocol ---------------------------------------------------------------------------
    def observe(self, step: MemoryStep) -> None:
        seen = self._live.setdefault(step.episode_id, set())
        if not step.t:
            seen.clear()  # a (re)started episode: what an earlier attempt followed is not this one's
        if step.follows in FOLLOWED:
            seen.add(step.follows)

    def recall(self, query: RecallQuery) -> list[Recall]:
        return []

    def consolidate(self, episode: EpisodeEnd) -> None:
        key = episode.key
        if key in self.consolidated:
            return
        self.consolidated.add(key)
        record = Record(episode.task_type, episode.world_id, sorted(self._live.pop(episode.id, set())),
                        episode.success, episode.steps)  # fmt: skip
        for kind in record.follows:
            baseline = [r for r in self.records if (r.task_type, r.world) == (record.task_type, record.world)
                        and kind not in r.follows]  # fmt: skip
            lost = worse(record, baseline)
            for world in (record.world, ANY):
                c = self.counters.setdefault((kind, record.task_type, world), Counter())
                c.followed += 1
                c.losses += int(lost)
                c.wins += int(not lost)
        self.records.append(record)

    def status(self, kind: str, task_type: str, world: str) -> str:
        """``trusted``, ``demoted`` or ``removed``: the world's own verdict, else the task type's."""
        here = self.counters.get((kind, task_type, world))
        if here is None or not here.followed:
            here = self.counters.get((kind, task_type, ANY))
        return here.status if here else "trusted"

    def judge(self, query: RecallQuery, recalls: list[Recall]) -> list[Recall]:
        task_type, world = query.goal.task_type, query.world_id
        verdict = {k: self.status(f, task_type, world) for f, kinds in FOLLOWED.items() for k in kinds}
        out = []
        for r in recalls:
            status = verdict.get(r.kind, "trusted")
            if status == "removed":
                continue
            if status == "demoted":
                r = Recall(r.kind, r.source, cast(Payload, {**r.content, "demoted": True}), r.text, r.score / 2)
            out.append(r)
        return out

    # -- storage --------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        tmp = Path(str(path) + ".tmp")
        tmp.unlink(missing_ok=True)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE counters (kind, task_type, world, followed, wins, losses)")
            db.execute("CREATE TABLE records (task_type, world, follows, won, steps)")
            db.execute("CREATE TABLE consolidated (key)")
            db.executemany("INSERT INTO counters VALUES (?,?,?,?,?,?)",
                           [(*k, c.followed, c.wins, c.losses) for k, c in sorted(self.counters.items())])  # fmt: skip
            rows = [(r.task_type, r.world, json.dumps(r.follows), int(r.won), r.steps) for r in self.records]
            db.executemany("INSERT INTO records VALUES (?,?,?,?,?)", rows)
            db.executemany("INSERT INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
        tmp.replace(path)

    def load(self, path: Path) -> None:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            counters = {(k, t, w): Counter(int(f), int(wi), int(lo)) for k, t, w, f, wi, lo in
                        db.execute("SELECT * FROM counters")}  # fmt: skip
            records = [Record(str(t), str(w), list(json.loads(f)), bool(won), int(s))
                       for t, w, f, won, s in db.execute("SELECT * FROM records")]  # fmt: skip
            consolidated = {str(k) for (k,) in db.execute("SELECT key FROM consolidated")}
        self.counters, self.records, self.consolidated = counters, records, consolidated
