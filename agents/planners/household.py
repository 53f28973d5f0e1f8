"""Offline household planner: goal -> subgoals -> one admissible command per step.

What it knows comes from this episode's facts, rebuilt each step from the controller's history (so
the planner itself holds no state and resumes cleanly from a checkpoint), seeded with the scene
memory's recalls when memory is on: it goes first to where an instance of the target was last seen,
and searches the rest in the order of the priors memory offers (``prior`` recalls: object type ->
receptacle or receptacle type, learned from what was seen). With no recalls (``--memory none``) it
searches receptacles in the order the room lists them, opening closed ones: it brings no knowledge
of its own about where things are kept, so whatever it does better with memory was learned.
``offline+affordance`` adds the engine's affordance table (which receptacle types can hold which
object types) and usual lamp places as a built-in prior: an oracle-flavoured baseline for
comparison, not a default.

Subgoals per task type: find the object, take it, (clean | heat | cool it), put it in the target
receptacle; twice, in the same receptacle, for two-object tasks; for look-at-in-light, find and
hold the object, then find the lamp and switch it on. After "Nothing happens." the failed command
is not tried again from the same place, and commands the experience bank's lookahead rules out
(``lookahead`` recalls) are not considered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from engram.agents.planners.base import Decision, PlannerState, RunningSkill
from engram.envs.alfworld_text import LAMPS, base_type
from engram.envs.core import Fact, Goal, Outcome
from engram.envs.household.symbolic import OPENABLE, TOOLS, WorldView
from engram.memory.base import Perceived, Recall, payload

#: Search likelihood of a receptacle kind memory has no evidence for, next to priors that are
#: shares in [0, 1]: low, so that a kind where the type was ever found is searched first.
_UNKNOWN_KIND = 0.02
#: Factor for a receptacle an earlier task searched without finding the type: only other residents
#: could have put one there since (20% of objects moving per task makes that unlikely, not impossible).
_SEARCHED_EMPTY = 0.25
#: Where lamps usually stand (lamps are not in the engine's can-contain table: nobody puts them).
_LAMP_PLACES = frozenset(
    {"sidetable", "desk", "dresser", "shelf", "diningtable", "coffeetable", "tvstand", "bed", "countertop"}
)


@cache
def _can_contain() -> dict[str, frozenset[str]]:
    """Receptacle type -> object types, lower-cased like the engine's names (alfworld's table)."""
    try:
        from engram.envs.household.world import affordances

        table = affordances().can_contain
    except ImportError:  # no alfworld: the planner still works, it just searches in listing order
        return {}
    return {r.lower(): frozenset(o.lower() for o in objs) for r, objs in table.items()}


def _fill(template: str, bind: dict[str, str]) -> str:
    for key, value in bind.items():
        template = template.replace(key, value)
    return template


@dataclass
class Belief(WorldView):
    """What this episode has shown so far (the shared :class:`WorldView`), plus what memory offered."""

    last_visit: dict[str, int] = field(default_factory=dict)  # receptacle -> step of the last visit
    clock: int = 0
    remembered: set[str] = field(default_factory=set)  # objects placed by memory, not yet seen this episode
    confidence: dict[str, float] = field(default_factory=dict)  # remembered object -> memory's confidence
    #: object type -> receptacle (instance or type) -> weight, summed over memory's priors
    priors: dict[str, dict[str, float]] = field(default_factory=dict)
    #: object type -> receptacles searched in an earlier task without finding one
    empty_of: dict[str, set[str]] = field(default_factory=dict)
    informed: bool = False  # memory offered anything at all

    def recall(self, recalls: Iterable[Recall]) -> None:
        """Seed object locations (most confident first) and search priors from memory."""
        for r in sorted(recalls, key=lambda r: -r.score):
            if r.kind in ("scene", "unexplored", "prior", "episode"):
                self.informed = True  # (a reflection's lesson is for LLM prompts: no evidence here)
            if r.kind == "scene":
                seen = payload(r, "scene")
                obj, holder = seen["object"], seen["holder"]
                if obj and holder and obj not in self.location:
                    self.location[obj] = holder
                    self.remembered.add(obj)
                    self.confidence[obj] = r.score
            elif r.kind == "prior":
                prior = payload(r, "prior")
                otype, one = prior["object_type"], prior.get("holder", "")
                if otype and one and prior.get("seen") == 0:
                    self.empty_of.setdefault(otype, set()).add(one)
                elif otype and (one or prior.get("holder_type")):
                    self.add_prior(otype, one or prior["holder_type"], r.score)
            elif r.kind == "tip":
                tip = payload(r, "tip")
                self.informed = self.informed or bool(tip["object_type"])
                if tip["object_type"] and tip["holder_type"]:
                    self.add_prior(tip["object_type"], tip["holder_type"], r.score)
            elif r.kind == "episode":
                for found_obj, found_holder in payload(r, "episode")["found"]:
                    self.add_prior(base_type(found_obj), found_holder, r.score)

    def add_prior(self, otype: str, receptacle: str, weight: float) -> None:
        table = self.priors.setdefault(otype, {})
        table[receptacle] = table.get(receptacle, 0.0) + weight

    def apply(self, facts: Iterable[Fact]) -> None:
        self.clock += 1
        facts = list(facts)
        super().apply(facts)
        # A remembered object stops being "remembered" once this episode sees it, or disproves it.
        self.remembered -= {f.subject for f in facts if f.relation in ("in", "on") and f.value}
        self.remembered &= set(self.location)
        for f in facts:
            if f.relation == "at" and f.subject == "agent" and f.object:
                self.last_visit[f.object] = self.clock


class HouseholdPlanner:
    """Rule-based planner for the six ALFWorld task types (``OfflinePlanner`` for households)."""

    def __init__(self, affordance_prior: bool = False) -> None:
        self.affordance_prior = affordance_prior
        self.name = "offline+affordance" if affordance_prior else "offline"
        self._skills: dict[str, Recall] = {}
        self._chosen: RunningSkill | None = None
        self._follows = ""

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        goal = state.goal
        admissible = state.observation.admissible
        belief = Belief()
        belief.recall(recall)
        failed: set[tuple[str, str]] = set()
        for entry in state.history:
            belief.apply(entry.facts)
            if entry.action and entry.outcome == Outcome.FAILURE:
                failed.add((belief.at, entry.action))  # a no-op leaves the agent where it was
        allowed = [a for a in admissible if (belief.at, a) not in failed]
        # Shortcuts on offer, by name; ``_goto`` picks one when a trip matches a known procedure.
        self._skills = {payload(r, "skill")["name"]: r for r in recall if r.kind == "skill"}
        self._chosen = None
        self._follows = ""  # what of memory the decision follows, for its utility counters
        # The experience bank's bounded lookahead rules out commands that cannot advance the goal
        # or that lead back into a state this episode was already in. The rules decide among the
        # rest; if that leaves them nothing to do but look around, they decide among all.
        ruled_out: set[str] = set()
        for r in recall:
            if r.kind == "lookahead":
                verdict = payload(r, "lookahead")
                ruled_out |= set(verdict["rejected"]) - set(verdict["kept"])
        vetted = [a for a in allowed if a not in ruled_out]
        action, subgoal, why = self._next(goal, belief, vetted, state.history)
        if action not in vetted or action == "look":
            self._follows = ""
            action, subgoal, why = self._next(goal, belief, allowed, state.history)
        if action not in allowed:
            # Never send a command the environment did not offer: fall back to something harmless.
            fallback = next((a for a in ("look", "inventory") if a in allowed), allowed[0] if allowed else "look")
            why = f"{action!r} is not admissible here; {why}"
            action, self._chosen = fallback, None
        skill = self._chosen if self._chosen and self._chosen["steps"][0] == action else None
        if skill:
            why = f"{why}; running shortcut {skill['name']!r}"
        follows = "shortcut" if skill else self._follows
        return Decision(action=action, rationale=why, subgoal=subgoal, skill=skill, follows=follows)

    # -- subgoal logic ------------------------------------------------------------------------
    def _next(self, goal: Goal, b: Belief, allowed: list[str], history: Sequence[Perceived]) -> tuple[str, str, str]:
        # ALFWorld's slots (envs/alfworld.py): object, receptacle, toggle, count
        ttype, obj = goal.task_type, goal.slots["object"]
        if ttype == "look_at_obj_in_light":
            return self._look(obj, goal.slots["toggle"], b, allowed)
        if ttype == "unknown" or not obj:
            return self._explore(b, allowed, "", "the goal is not understood; exploring")
        target = self._target_receptacle(goal, b)
        tool = TOOLS.get(ttype)
        # Objects already in the target that meet the goal stay there (the first of two, say).
        done_here = [
            o
            for o in (b.contents(target) if target else [])
            if base_type(o) == obj and (not tool or tool[2] in b.states.get(o, set()))
        ]
        if b.holding and base_type(b.holding) == obj:
            if tool and tool[2] not in b.states.get(b.holding, set()):
                return self._use_tool(b, allowed, tool)
            if not target:
                return self._explore(b, allowed, "", f"looking for a {goal.slots['receptacle']} to put it in")
            return self._put(b, allowed, target)
        if b.holding:
            return self._drop(b, allowed)
        return self._fetch(obj, b, allowed, exclude=set(done_here))

    def _target_receptacle(self, goal: Goal, b: Belief) -> str:
        rtype = goal.slots["receptacle"]
        options = [r for r in b.receptacles if base_type(r) == rtype]
        if not options:
            return ""
        if goal.slots["count"] > 1:
            # Two-object goals need both in the *same* receptacle: prefer one that already has one.
            for r in options:
                if any(base_type(o) == goal.slots["object"] for o in b.contents(r)):
                    return r
        return options[0]

    def _goto(self, receptacle: str, subgoal: str, why: str, purpose: str = "", obj: str = "") -> tuple[str, str, str]:
        """``go to``, starting a shortcut when memory has one for this trip (``purpose`` is its name
        up to the receptacle kind, e.g. ``heat {obj} with``)."""
        kind = base_type(receptacle)
        recall = self._skills.get(f"{purpose} {{{kind}}}") if purpose else None
        if recall:
            c = payload(recall, "skill")
            bind = {"{" + kind + "}": receptacle, "{obj}": obj, "{lamp}": obj}
            steps = [_fill(step, bind) for step in c["steps"]]
            pre = [_fill(p, bind) for p in c["pre"]]
            self._chosen = {"name": c["name"], "template": c["steps"], "steps": steps, "pre": pre, "obj": obj, "i": 0}
        return f"go to {receptacle}", subgoal, why

    def _fetch(self, otype: str, b: Belief, allowed: list[str], exclude: set[str]) -> tuple[str, str, str]:
        # Seen in this episode first, then what memory remembers.
        # Remembered ones most confident (most recently seen) first, cheaper trips (no door) first.
        known = sorted(
            (o for o in b.location if base_type(o) == otype and o not in exclude),
            key=lambda o: (o in b.remembered, -b.confidence.get(o, 1.0), base_type(b.location[o]) in OPENABLE, o),
        )
        subgoal = f"find and take a {otype}"
        for obj in known:
            where = b.location[obj]
            cmd = f"take {obj} from {where}"
            if cmd in allowed:
                return cmd, f"take {obj}", f"{obj} is in/on {where}, here"
            if b.at == where and b.opened.get(where) is False and f"open {where}" in allowed:
                return f"open {where}", subgoal, f"{obj} should be inside {where}"
            if b.at != where and f"go to {where}" in allowed:
                source = "memory says" if obj in b.remembered else "this episode saw"
                self._follows = "prior" if obj in b.remembered else ""
                return self._goto(where, subgoal, f"{source} {obj} in/on {where}", "fetch {obj} from", obj)
        return self._explore(b, allowed, otype, f"no {otype} seen yet; searching")

    def _explore(self, b: Belief, allowed: list[str], otype: str, why: str) -> tuple[str, str, str]:
        subgoal = f"find a {otype}" if otype else "explore"
        here = b.at
        if here and base_type(here) in OPENABLE and b.opened.get(here) is False and f"open {here}" in allowed:
            return f"open {here}", subgoal, f"{here} is closed; look inside"
        for r in self._search_order(b, otype):
            if r not in b.last_visit and f"go to {r}" in allowed:
                # memory's priors ordered the search: what they say about this kind of thing
                self._follows = "prior" if b.priors.get(otype) else ""
                return self._goto(r, subgoal, why)
        # Everything was seen once: things may have moved, so revisit the longest-unseen place.
        order = self._search_order(b, otype)
        stale = sorted(
            (r for r in order if r != here and f"go to {r}" in allowed),
            key=lambda r: (b.last_visit.get(r, 0), order.index(r)),
        )
        if stale:
            return self._goto(stale[0], subgoal, f"{why}; revisiting {stale[0]}")
        return "look", subgoal, "nothing left to search"

    def _search_order(self, b: Belief, otype: str) -> list[str]:
        """Receptacles, most promising first.

        With memory, each receptacle is scored by how likely it is to hold an ``otype`` divided by
        what looking costs (a closed door is a second step): the likelihood grows with memory's
        priors for its kind (and for it), and shrinks sharply when an earlier task searched it and
        found none (only other residents could have put one there since). With nothing from
        memory, it is the v0 order: the room's listing order (``offline+affordance`` lets the
        engine's table break ties). ``sorted`` is stable, so equal scores keep listing order."""
        if not otype:
            return list(b.receptacles)
        learned = b.priors.get(otype, {})
        table = _can_contain() if self.affordance_prior else {}
        lamp = self.affordance_prior and otype in LAMPS

        def builtin(kind: str) -> bool:
            return (kind in _LAMP_PLACES) if lamp else (otype in table.get(kind, frozenset()))

        if not b.informed:
            return sorted(b.receptacles, key=lambda r: -0.001 * builtin(base_type(r)))
        empty = b.empty_of.get(otype, set())

        def score(r: str) -> float:
            kind = base_type(r)
            like = (
                _UNKNOWN_KIND + max(0.0, learned.get(kind, 0.0)) + max(0.0, learned.get(r, 0.0)) + 0.1 * builtin(kind)
            )
            if r in empty:
                like *= _SEARCHED_EMPTY
            return like / (2.0 if kind in OPENABLE else 1.0)

        return sorted(b.receptacles, key=lambda r: -score(r))

    def _use_tool(self, b: Belief, allowed: list[str], tool: tuple[str, str, str]) -> tuple[str, str, str]:
        rtype, verb, _flag = tool
        obj = b.holding
        for r in [r for r in b.receptacles if base_type(r) == rtype]:
            cmd = f"{verb} {obj} with {r}"
            if cmd in allowed:
                return cmd, f"{verb} {obj}", f"at {r} holding {obj}"
            if b.at != r and f"go to {r}" in allowed:
                return self._goto(r, f"{verb} {obj}", f"{verb} {obj} with {r}", f"{verb} {{obj}} with", obj)
        return self._explore(b, allowed, "", f"no {rtype} known to {verb} {obj}")

    def _put(self, b: Belief, allowed: list[str], target: str) -> tuple[str, str, str]:
        obj = b.holding
        subgoal = f"put {obj} in/on {target}"
        if b.at != target:
            return self._goto(target, subgoal, f"carry {obj} to {target}", "put {obj} in", obj)
        if b.opened.get(target) is False and f"open {target}" in allowed:
            return f"open {target}", subgoal, f"{target} is closed"
        return f"move {obj} to {target}", subgoal, "at the target receptacle"

    def _drop(self, b: Belief, allowed: list[str]) -> tuple[str, str, str]:
        cmd = next((a for a in allowed if a.startswith(f"move {b.holding} to ")), "")
        if cmd:
            return cmd, "free hands", f"{b.holding} is not needed"
        return self._explore(b, allowed, "", f"find somewhere to put {b.holding} down")

    def _look(self, otype: str, lamp_type: str, b: Belief, allowed: list[str]) -> tuple[str, str, str]:
        if not (b.holding and base_type(b.holding) == otype):
            if b.holding:
                return self._drop(b, allowed)
            return self._fetch(otype, b, allowed, exclude=set())
        lamp_types = (lamp_type,) if lamp_type else LAMPS
        lamps = [o for o in sorted(b.location) if base_type(o) in lamp_types]
        for lamp in lamps:
            where = b.location[lamp]
            if f"use {lamp}" in allowed:
                return f"use {lamp}", f"look at {b.holding} under {lamp}", f"{lamp} is here"
            if b.at != where and f"go to {where}" in allowed:
                return self._goto(
                    where, f"bring {b.holding} to {lamp}", f"{lamp} is in/on {where}", "light {lamp} at", lamp
                )
        return self._explore(b, allowed, lamp_type, f"no {lamp_type or 'lamp'} seen yet")
