"""Skills and tips, mined only from verified successful episodes (Mobile-Agent-E, AWM, ExpeL, ReMe).

* A **shortcut** is a named action sequence over typed arguments, e.g. ``heat {obj} with
  {microwave}`` = ``go to {microwave}; heat {obj} with {microwave}``. The env's domain names the
  slots any entity fills (its ``free_slots``: ALFWorld's object and lamp); every other slot of a
  domain's shortcut names the kind of entity that fills it (its recall lists them as ``kinds``).
  Each came from a segment of a successful trajectory, carries preconditions
  (:mod:`engram.envs.domain`) checked before every step while it runs, and counts how often it was
  used, completed, and aborted. The env's domain cuts the segments (ALFWorld's: a ``go to`` and
  what was done there); with no domain, :mod:`engram.memory.procedures` cuts them where the facts
  say the agent moved, with slots typed by the env's ``category`` facts (their recall lists the
  ``slots``), and GUI episodes become one procedure per task family (clicks by label).
* A **tip** is a lesson "things of type T were found in holders of kind K" with how often it was
  seen in verified successes and how often following it paid off.
* A **lesson** is a tip in words, written by an LLM planner's reflection at episode end
  (Reflexion, ExpeL) and carried in the ended episode's ``tip``
  (:class:`~engram.memory.base.EpisodeEnd`). It is offered to later episodes of the same task
  type (as a ``lesson`` recall), counts the episodes it was offered in and how they ended, and
  goes when that record stays poor. Lessons are prompt text: no planner executes them, and the
  offline planner ignores them.

Why "verified": a failed or unfinished episode may contain wrong turns that only look like
procedures; learning from them poisons memory (A-MemGuard). ``consolidate`` therefore mines only
when the engine itself reported the goal met (``won`` on the last observed step) *and* the episode
result says success. Duplicates merge (same template = same shortcut; same type pair = same tip)
and items whose utility stays low are pruned, so the store stays small and useful.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from engram.envs.core import Goal
from engram.envs.domain import Domain
from engram.memory.base import (
    EpisodeEnd,
    LessonPayload,
    MemoryStep,
    Recall,
    RecallQuery,
    SkillEvent,
    SkillPayload,
    TipPayload,
)
from engram.memory.migrate import readable
from engram.memory.procedures import mine as mine_procedures
from engram.memory.procedures import slot_type, slots_of

_PRUNE_AFTER = 6  # uses before an item can be judged
_PRUNE_BELOW = 0.15  # success share under which it goes


class Seen(TypedDict):
    """One observed step of an episode under way, as the module keeps it until the episode ends (and
    saves it, as JSON, in its ``traces`` table)."""

    action: str | None
    won: bool
    skill_events: list[SkillEvent] | None
    at: str | None  # where the agent stood (the engine says so only on arrival: carried over)
    facts: list[list[Any]]  # Fact.to_json() quadruples


@dataclass
class Shortcut:
    name: str  # e.g. "heat {obj} with {microwave}"
    steps: tuple[str, ...]  # templates over {slot} names
    pre: tuple[str, ...]  # per step: a precondition (engram.envs.domain: NO_NEED, HOLDS_NOTHING...)
    support: int = 1  # verified episodes it was mined from
    used: int = 0
    succeeded: int = 0
    failed: int = 0
    #: the worlds of those episodes (the latest 8): where a shortcut was learned, so a user (or a
    #: test) can tell one that came from another world, or another worker's world
    worlds: tuple[str, ...] = ()

    @property
    def utility(self) -> float:
        return (self.succeeded + 1) / (self.used + 2)

    @property
    def family(self) -> str:
        """The GUI task family of a GUI shortcut (``gui:<family> with ...``), "" for any other."""
        return self.name[4:].split(" with ", 1)[0] if self.name.startswith("gui:") else ""

    def holder_kind(self, free: tuple[str, ...]) -> str:
        """The slot of the place a shortcut starts at: the first slot of its first step that is
        not one of the domain's ``free`` slots."""
        return next((p for p in re.findall(r"\{([a-z0-9]+)\}", self.steps[0]) if p not in free), "")


@dataclass
class Tip:
    object_type: str
    holder_kind: str
    support: int = 1
    used: int = 0
    succeeded: int = 0
    failed: int = 0


@dataclass
class Lesson:
    text: str
    task_type: str
    support: int = 1  # reflections that wrote it
    used: int = 0  # episodes it was offered in
    succeeded: int = 0
    failed: int = 0

    @property
    def utility(self) -> float:
        return (self.succeeded + 1) / (self.used + 2)


LESSONS_SHOWN = 3  # per recall, best utility first
LESSONS_KEPT = 20  # per task type


_GUI_COMMAND = re.compile(r'^(click \[-?\d+\]|type \[-?\d+\] "(.*)")$')


def mine_gui_shortcut(
    family: str, utterance: str, actions: list[str], labels: list[str | None] | None = None
) -> Shortcut | None:
    """A successful GUI episode as one procedure for its task family: typed values that the
    utterance quotes become placeholders ``{q0}``, ``{q1}``, ``{q0|lower}``... (bound from the next
    utterance's quotes); a click whose element had a label unique on its page (``labels[i]``)
    becomes ``click [@label]``, resolved by label when the shortcut runs (the ref behind a label
    changes between episodes); other clicks stay as they were. Needs two steps or more (a one-step
    task has nothing to cut) and something that generalises: a placeholder or a label (a procedure
    of bare refs is not reusable)."""
    if len(actions) < 2 or not all(_GUI_COMMAND.match(a) for a in actions):
        return None
    labels = labels or [None] * len(actions)
    quoted = re.findall(r'"([^"]*)"', utterance)
    steps = []
    for action, label in zip(actions, labels, strict=True):
        m = _GUI_COMMAND.match(action)
        typed = m.group(2) if m else None
        if typed is None and label:
            steps.append(f"click [@{label}]")
            continue
        if typed is not None:
            slot = next((f"q{k}{case}" for k, q in enumerate(quoted) for case, form in
                         (("", q), ("|lower", q.lower()), ("|upper", q.upper())) if form == typed), None)  # fmt: skip
            if slot is None:
                return None  # typed something the utterance does not name: not a reusable procedure
            action = action[: action.index('"')] + f'"{{{slot}}}"'
        steps.append(action)
    slots = sorted(set(re.findall(r"\{q\d+(?:\|\w+)?\}", " ".join(steps))))
    if not slots and not any("[@" in s for s in steps):
        return None  # bare refs alone: which element a ref names changes from episode to episode
    # Only utterances worded the same way but for their quotes reuse it ("in lower case" is not
    # "in upper case"): the wording is part of the name.
    name = f"gui:{family} with {' '.join(slots) or 'labels'} for: {utterance_template(utterance)}"
    return Shortcut(name, tuple(steps), tuple("" for _ in steps))


def utterance_template(utterance: str) -> str:
    return re.sub(r'"[^"]*"', '""', utterance.strip())


class SkillMemory:
    """The ``skills`` memory module: shortcuts and tips with utility counters."""

    name = "skills"

    def __init__(self, domain: Domain | None = None) -> None:
        self.domain = domain
        self.shortcuts: dict[tuple[str, ...], Shortcut] = {}
        self.tips: dict[tuple[str, str], Tip] = {}
        self.consolidated: set[str] = set()
        self._trace: dict[str, list[Seen]] = {}  # episode id -> observed steps
        self.lessons: dict[tuple[str, str], Lesson] = {}  # (task type, text) -> lesson
        self._offered: dict[str, set[tuple[str, str]]] = {}  # episode id -> lessons recalled in it
        # Derived, rebuilt whenever the store changes: recall runs every step, changes once per episode.
        self._tips_by_type: dict[str, list[Tip]] = {}
        self._skill_recalls: list[Recall] = []
        self._gui_recalls: dict[str, list[Recall]] = {}

    def _reindex(self) -> None:
        self._tips_by_type = {}
        for tip in self.tips.values():
            self._tips_by_type.setdefault(tip.object_type, []).append(tip)
        best: dict[str, Shortcut] = {}  # one shortcut per name: the planner asks by name
        self._gui_recalls = {}
        for s in self.shortcuts.values():
            if s.family:
                continue
            if s.name not in best or (s.utility, s.support) > (best[s.name].utility, best[s.name].support):
                best[s.name] = s
        for s in sorted((s for s in self.shortcuts.values() if s.family), key=lambda s: (-s.utility, -s.support)):
            content = SkillPayload(name=s.name, steps=list(s.steps), pre=list(s.pre), family=s.family,
                                   utterance=s.name.split(" for: ", 1)[-1])  # fmt: skip
            text = f"shortcut {s.name}: " + "; ".join(s.steps)
            recall = Recall("skill", self.name, content, text, round(s.utility, 4))
            self._gui_recalls.setdefault(s.family, []).append(recall)
        self._skill_recalls = [
            Recall(
                "skill",
                self.name,
                self._content(s),
                f"shortcut {s.name}: " + "; ".join(s.steps),
                round(s.utility, 4),
            )
            for s in sorted(best.values(), key=lambda s: (-s.utility, s.name))
        ]

    def _content(self, s: Shortcut) -> SkillPayload:
        content = SkillPayload(name=s.name, steps=list(s.steps), pre=list(s.pre), support=s.support,
                               worlds=list(s.worlds))  # fmt: skip
        if self.domain:
            free = tuple(getattr(self.domain, "free_slots", ()))  # none: every slot names a kind
            content["holder_kind"] = s.holder_kind(free)
            content["kinds"] = {x: x for x in slots_of(s.steps) if x not in free}  # a domain names slots by kind
        else:
            content["slots"] = {x: slot_type(x) for x in slots_of(s.steps)}  # typed by the facts
        return content

    # -- contract ------------------------------------------------------------------------------
    def observe(self, step: MemoryStep) -> None:
        trace = self._trace.setdefault(step.episode_id, [])
        if step.t == 0:
            trace.clear()
            self._offered.pop(step.episode_id, None)
        arrived = next((f[2] for f in step.facts if f[0] == "agent" and f[1] == "at"), None)
        at = arrived or (trace[-1]["at"] if trace else None)  # the engine only says where on arrival
        trace.append(Seen(action=step.action, won=step.won, skill_events=list(step.skill_events), at=at,
                          facts=[f.to_json() for f in step.facts]))  # fmt: skip

    def recall(self, query: RecallQuery) -> list[Recall]:
        goal = query.goal
        out: list[Recall] = []
        for otype in goal.targets:
            tips = self._tips_by_type.get(otype, [])
            total = sum(t.support for t in tips) or 1
            for t in sorted(tips, key=lambda t: (-t.support, t.holder_kind)):
                share = t.support / total
                out.append(
                    Recall(
                        "tip",
                        self.name,
                        TipPayload(object_type=otype, holder_type=t.holder_kind, support=t.support),
                        f"{otype}s were found in/on a {t.holder_kind} ({t.support} of {total} successes)",
                        round(share * (t.succeeded + 1) / (t.used + 2) * 2, 4),
                    )
                )
        gui = self._gui_recalls.get(goal.task_type, [])[:3]
        return out + self._lesson_recalls(query) + self._skill_recalls + gui

    def _lesson_recalls(self, query: RecallQuery) -> list[Recall]:
        task_type = query.goal.task_type
        mine = [les for (tt, _), les in self.lessons.items() if tt == task_type]
        best = sorted(mine, key=lambda les: (-les.utility, -les.support, les.text))[:LESSONS_SHOWN]
        if best:  # bookkeeping for the utility counters; it never changes what recall answers
            offered = self._offered.setdefault(query.episode_id, set())
            offered.update((les.task_type, les.text) for les in best)
        return [
            Recall(
                "lesson",
                self.name,
                LessonPayload(
                    lesson=les.text,
                    task_type=les.task_type,
                    support=les.support,
                    used=les.used,
                    succeeded=les.succeeded,
                ),
                f"lesson ({les.succeeded} of {les.used} episodes it was offered in succeeded): {les.text}",
                round(les.utility, 4),
            )
            for les in best
        ]

    def consolidate(self, episode: EpisodeEnd) -> None:
        key = episode.key
        if key in self.consolidated:
            return
        self.consolidated.add(key)
        trace = self._trace.pop(episode.id, [])
        self._count_uses(trace)
        goal = episode.goal
        # A result's error (the env crashed) never comes with a success: ``won`` is not set then.
        verified = episode.success and bool(trace) and trace[-1]["won"]
        found = self._found(trace)
        self._judge_tips(goal, found)
        self._learn_lesson(episode)
        if verified:
            actions = [s["action"] for s in trace if s["action"]]
            acted = [i for i, s in enumerate(trace) if s["action"]]
            labels = [_label(trace[i]["action"], trace[i - 1]["facts"]) if i else None for i in acted]
            gui = mine_gui_shortcut(goal.task_type, goal.text, actions, labels)
            # A domain cuts its own procedures; without one, the facts say where subgoals begin and end.
            procedures = self.domain.shortcuts(actions) if self.domain else mine_procedures(trace)
            mined = [Shortcut(p.name, p.steps, p.pre) for p in procedures]
            world = episode.world_id
            for shortcut in [*mined, *([gui] if gui else [])]:
                known = self.shortcuts.get(shortcut.steps)
                if known:
                    known.support += 1
                else:
                    known = self.shortcuts[shortcut.steps] = shortcut
                if world not in known.worlds:
                    known.worlds = (*known.worlds, world)[-8:]
            for otype, kind in found:
                tip = self.tips.get((otype, kind))
                if tip:
                    tip.support += 1
                else:
                    self.tips[(otype, kind)] = Tip(otype, kind)
        self._prune()
        self._reindex()

    def _type(self, entity: str) -> str:
        if self.domain is not None:
            return self.domain.entity_type(entity)
        return entity.rsplit(" ", 1)[0] if entity[-1:].isdigit() else entity

    def _found(self, trace: list[Seen]) -> list[tuple[str, str]]:
        """(object type, holder type) for every object the agent took, from where the facts last
        showed it, and every thing switched on where it stood (a lamp used): read from the facts,
        so any environment's episodes say it alike."""
        out, where = [], {}
        for s in trace:
            for subject, relation, obj, value in s.get("facts") or []:
                if relation in ("in", "on") and obj and value and subject != "agent":
                    where[subject] = obj
                elif subject == "agent" and relation == "holds" and value and obj in where:
                    out.append((self._type(obj), self._type(where.pop(obj))))
                elif relation == "on" and obj is None and value and s["at"] and s["action"] and subject in s["action"]:
                    out.append((self._type(subject), self._type(s["at"])))
        return out

    # -- utility ---------------------------------------------------------------------------------
    def _count_uses(self, trace: list[Seen]) -> None:
        for s in trace:
            for event in s.get("skill_events") or []:
                shortcut = self.shortcuts.get(tuple(event["template"]))
                if shortcut:
                    shortcut.used += event["event"] == "started"
                    shortcut.succeeded += event["event"] == "done"
                    shortcut.failed += event["event"] == "aborted"

    def _judge_tips(self, goal: Goal, found: list[tuple[str, str]]) -> None:
        """A tip about the goal's object type paid off when the object was found where it said."""
        for otype in goal.targets:
            kinds = {k for o, k in found if o == otype}
            for tip in self._tips_by_type.get(otype, []):
                tip.used += 1
                if tip.holder_kind in kinds:
                    tip.succeeded += 1
                else:
                    tip.failed += 1

    def _learn_lesson(self, episode: EpisodeEnd) -> None:
        success = episode.success
        for key in self._offered.pop(episode.id, set()):
            lesson = self.lessons.get(key)
            if lesson:
                lesson.used += 1
                lesson.succeeded += success
                lesson.failed += not success
        text = episode.tip  # whitespace-normalised already
        if not text:
            return
        key = (episode.goal.task_type, text)
        if key in self.lessons:
            self.lessons[key].support += 1
        else:
            self.lessons[key] = Lesson(text, key[0])
        same = sorted((les for les in self.lessons.values() if les.task_type == key[0]),
                      key=lambda les: (les.utility, les.support))  # fmt: skip
        for les in same[: max(0, len(same) - LESSONS_KEPT)]:
            del self.lessons[(les.task_type, les.text)]

    def _prune(self) -> None:
        for k, s in list(self.shortcuts.items()):
            if s.used >= _PRUNE_AFTER and s.succeeded / s.used < _PRUNE_BELOW:
                del self.shortcuts[k]
        for k2, t in list(self.tips.items()):
            if t.used >= _PRUNE_AFTER and t.succeeded / t.used < _PRUNE_BELOW and t.support < t.used:
                del self.tips[k2]
        for k3, les in list(self.lessons.items()):
            if les.used >= _PRUNE_AFTER and les.succeeded / les.used < _PRUNE_BELOW:
                del self.lessons[k3]

    # -- persistence -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        tmp = Path(str(path) + ".tmp")
        tmp.unlink(missing_ok=True)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE shortcuts (name, steps, pre, support, used, succeeded, failed, worlds)")
            db.execute("CREATE TABLE tips (object_type, holder_kind, support, used, succeeded, failed)")
            db.execute("CREATE TABLE consolidated (key)")
            db.execute("CREATE TABLE traces (episode, steps)")
            db.execute("CREATE TABLE lessons (text, task_type, support, used, succeeded, failed)")
            db.execute("CREATE TABLE offered (episode, lessons)")
            db.executemany(
                "INSERT INTO lessons VALUES (?,?,?,?,?,?)",
                [(x.text, x.task_type, x.support, x.used, x.succeeded, x.failed) for x in self.lessons.values()],
            )
            db.executemany("INSERT INTO offered VALUES (?,?)",
                           [(e, json.dumps(sorted(k))) for e, k in self._offered.items()])  # fmt: skip
            for s in self.shortcuts.values():
                db.execute(
                    "INSERT INTO shortcuts VALUES (?,?,?,?,?,?,?,?)",
                    (
                        s.name,
                        json.dumps(s.steps),
                        json.dumps(s.pre),
                        s.support,
                        s.used,
                        s.succeeded,
                        s.failed,
                        json.dumps(s.worlds),
                    ),
                )
            for t in self.tips.values():
                db.execute(
                    "INSERT INTO tips VALUES (?,?,?,?,?,?)",
                    (t.object_type, t.holder_kind, t.support, t.used, t.succeeded, t.failed),
                )
            db.executemany("INSERT INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
            db.executemany("INSERT INTO traces VALUES (?,?)", [(e, json.dumps(s)) for e, s in self._trace.items()])
        tmp.replace(path)

    def load(self, path: Path) -> None:
        """The saved state; a store saved before version 1 is read upgraded in memory (its tips'
        column, its shortcuts' preconditions), the file left as it is until the next save."""
        with sqlite3.connect(path) as stored:
            db = readable(stored, self.name)
            self.shortcuts = {}
            for name, steps, pre, *counts in db.execute("SELECT * FROM shortcuts"):
                # Stores saved before shortcuts kept their worlds have four counters and no worlds.
                worlds = tuple(json.loads(counts[4])) if len(counts) > 4 else ()
                support, used, succeeded, failed = counts[:4]
                s = Shortcut(name, tuple(json.loads(steps)), tuple(json.loads(pre)), support, used, succeeded, failed,
                             worlds)  # fmt: skip
                self.shortcuts[s.steps] = s
            self.tips = {(o, k): Tip(o, k, *c) for o, k, *c in db.execute("SELECT * FROM tips")}
            self.consolidated = {k for (k,) in db.execute("SELECT key FROM consolidated")}
            self._trace = {e: json.loads(s) for e, s in db.execute("SELECT * FROM traces")}
            tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            self.lessons, self._offered = {}, {}
            if "lessons" in tables:  # stores saved before lessons existed have none
                for text, task_type, *counts in db.execute("SELECT * FROM lessons"):
                    self.lessons[(task_type, text)] = Lesson(text, task_type, *counts)
                self._offered = {e: {tuple(k) for k in json.loads(ks)} for e, ks in db.execute("SELECT * FROM offered")}
        self._reindex()


def _label(action: str | None, facts: list[list[Any]]) -> str | None:
    """The text of the element a ``click [ref]`` clicked (or of the text node inside it), if no
    other element on that page shows the same text: what names the element across episodes."""
    m = re.match(r"^click \[(-?\d+)\]$", action or "")
    if not m:
        return None
    texts = {str(s): str(o) for s, r, o, _ in facts if r == "text" and o}
    parent = {str(s): str(o) for s, r, o, _ in facts if r == "child_of" and o}
    element = f"[{m.group(1)}]"
    label = texts.get(element) or next((t for c, t in texts.items() if parent.get(c) == element), None)
    if not label or "]" in label or sum(t == label for t in texts.values()) != 1:
        return None
    return label
