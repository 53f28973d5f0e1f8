"""The generic memory-driven offline planner: what any environment gets when it names no planner.

It knows no domain. It reads the typed goal (text, targets), the facts, the admissible commands,
the env's outcome of each step, and memory's recalls, and picks one admissible command per step:

1. **Follow a verified case** (Memento, ExpRAG): a recalled successful episode whose task was the
   same as this one (worded alike, about the same targets) is replayed command by command, each
   re-grounded to what is admissible now (a command no longer offered is skipped; one that fails
   abandons the case).
2. **Do the goal's next step** when the goal is written as steps ("First, go east. Then take the
   key from the chest. ..."): the command that does what the step asks (:mod:`clauses`), or the way
   toward what it names.
   **Else do what the goal names**: a command that mentions the goal's targets (more of them, and more
   of the goal's words, first) and has not failed or been tried from here already. "Mentions" is
   by entity: the longest name of a thing the facts know wins ("vanilla scented passkey" is not
   "passkey").
   **Or start a shortcut** mined from the facts of verified successes (:mod:`engram.memory.procedures`)
   whose first step is admissible here and that handles a goal target.
3. **Head for what memory has seen**: the first target not yet held whose place is known (from this
   episode's facts or from scene memory) is the destination; the route is a shortest path over the
   ways between places this episode and memory's ``route`` recalls know; a way that is shut now is
   opened first. The holder a target was seen in becomes a target itself (open it, take from it).
4. **Explore** only where memory has nothing: the command least tried from this place, preferring
   commands that led somewhere new, then the way toward what memory never looked into, then the
   goal's words, then the offered order rotated by the seed so that episodes differ. At a place
   memory has seen, handling what it knows all about comes last: only what is shut or unexplored
   can surprise.

Throughout it obeys memory's warnings: commands a ``lookahead`` recall rejects, commands that
closed a ``warning`` (cycle) and commands that lost this task from this state before are avoided
while anything else is possible; commands whose outcome was a failure here are not repeated until
something here changes; a command after which a held target was no longer held (a drop) is not
taken again in the episode. With ``--memory none`` there
are no recalls, and what is left (2 and 4, with the episode's own map for 3) is the plain explorer.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Sequence
from itertools import pairwise

from engram.agents.planners.base import Decision, PlannerState, RunningSkill
from engram.agents.planners.cases import case_ahead
from engram.agents.planners.clauses import Clause, agenda, score
from engram.agents.planners.pointing import label, match, pointed, progress, texts, wording
from engram.envs.core import Fact, Goal, Outcome
from engram.envs.domain import Procedure
from engram.memory.base import Perceived, Recall, bounded, marked, payload
from engram.memory.procedures import categories, ground, named, slot_type, slots_of, type_of

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "to", "of", "in", "on", "into", "and", "then", "it", "is", "with", "from",
                   "your", "you", "for", "at", "by", "that", "this", "some", "be"})  # fmt: skip


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _stem(word: str) -> str:
    """A plural as its singular, roughly: "tabs" says "Tab #2", "sections" says "Section #1"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def mentions(command: str, name: str) -> bool:
    return re.search(bounded(name), command.lower()) is not None


def between(text: str, names: list[str]) -> set[str]:
    """The words that relate the first two of ``names`` in ``text`` (those between their mentions,
    articles aside): "into" in "Put the sandwich into the locker.", "with" in "lock locker with key"."""
    spans = []
    for name in names:
        m = re.search(bounded(name), text.lower())
        if m:
            spans.append((m.start(), m.end()))
        if len(spans) == 2:
            break
    if len(spans) < 2:
        return set()
    (_, end), (start, _) = sorted(spans)
    return set(_WORD.findall(text.lower()[end:start])) - {"the", "a", "an"}


class Episode:
    """What this episode's history says: where the agent stood at each step, the ways between
    places it walked, what it tried and what failed where, what it holds, where it saw things."""

    def __init__(self, history: Sequence[Perceived], goal: Goal) -> None:
        self.places: list[str] = []
        self.routes: dict[tuple[str, str], str] = {}
        self.tried: Counter[tuple[str, str]] = Counter()
        self.failed: set[tuple[str, str]] = set()
        self.retry: set[tuple[str, str]] = set()  # failed here, but something here changed since
        self.dropped: set[str] = set()
        self.held: set[str] = set()
        self.where: dict[str, str] = {}  # entity -> holder or place last seen in
        #: entities last seen closed or locked (``open`` False, ``locked`` True): what may hide things
        self.shut: set[str] = set()
        self.entities: set[str] = set()  # every thing the facts named
        self.visited: set[str] = set()
        #: verb (a command's first word) -> how its steps came out this episode
        self.verbs: dict[str, Counter[str]] = {}
        #: (state, command) pairs that led back to a state already seen: undoing, going in circles
        self.loops: set[tuple[frozenset[str | Fact], str]] = set()
        states: list[frozenset[str | Fact]] = []
        here = ""
        for i, entry in enumerate(history):
            before, held_before = here, set(self.held)
            for subject, relation, obj, value in entry.facts:
                if subject != "agent":
                    self.entities.add(subject)
                if relation in ("in", "on", "at", "holds") and obj:
                    self.entities.add(obj)
                if subject == "agent" and relation == "at" and obj and value:
                    here = obj
                elif subject == "agent" and relation == "holds" and obj:
                    if value:
                        self.held.add(obj)
                        self.where.pop(obj, None)
                    else:
                        self.held.discard(obj)
                elif relation in ("in", "on", "at") and obj and value:
                    self.where[subject] = obj
                    self.held.discard(subject)
                elif (relation, bool(value)) in (("open", False), ("locked", True)):
                    self.shut.add(subject)
                elif relation in ("open", "locked"):
                    self.shut.discard(subject)
            action = entry.action
            key: frozenset[str | Fact] = frozenset((here, *entry.facts))
            if i and action:
                self.verbs.setdefault(action.split(" ", 1)[0], Counter())[str(entry.outcome)] += 1
                if key in states:
                    self.loops.add((states[-1], action))
                self.tried[(before, action)] += 1
                self.retry.discard((before, action))
                if entry.outcome == Outcome.FAILURE:
                    self.failed.add((before, action))
                elif entry.outcome == Outcome.PROGRESS and here == before:
                    # Something changed here: what failed before may work now (the other passkey
                    # is out of the safe, so "insert passkey" is no longer ambiguous).
                    self.retry |= {(p, a) for p, a in self.failed if p == here}
                    self.failed = {(p, a) for p, a in self.failed if p != here}
                if here != before and before:
                    self.routes[(before, action)] = here
                lost = {t for t in held_before - self.held if any(t == x or t.startswith(x) for x in goal.targets)}
                if lost:
                    self.dropped.add(action)
            states.append(key)
            self.places.append(here)
            self.visited.add(here)
        self.here = here
        self.state = states[-1] if states else frozenset()

    def idle(self, command: str) -> bool:
        """Every step of this command's verb so far changed nothing (look, examine, inventory)."""
        seen = self.verbs.get(command.split(" ", 1)[0])
        return seen is not None and not seen[str(Outcome.PROGRESS)]


def route(routes: dict[tuple[str, str], str], start: str, goal: str) -> list[str]:
    """The commands of a shortest known way from ``start`` to ``goal`` ([] if none is known)."""
    if not start or start == goal:
        return []
    nxt: dict[str, list[tuple[str, str]]] = {}
    for (src, cmd), dst in sorted(routes.items()):
        nxt.setdefault(src, []).append((cmd, dst))
    back: dict[str, tuple[str, str]] = {start: ("", "")}
    queue = deque([start])
    while queue:
        place = queue.popleft()
        if place == goal:
            path = []
            while place != start:
                prev, cmd = back[place]
                path.append(cmd)
                place = prev
            return path[::-1]
        for cmd, dst in nxt.get(place, []):
            if dst not in back:
                back[dst] = (place, cmd)
                queue.append(dst)
    return []


def _remembered(path: list[str], ep: Episode) -> bool:
    """Some step of ``path`` (from where the episode stands) is a way only memory knows."""
    place = ep.here
    for command in path:
        if (place, command) not in ep.routes:
            return True
        place = ep.routes[(place, command)]
    return False


def known_routes(ep: Episode, recall: list[Recall]) -> tuple[dict[tuple[str, str], str], set[str]]:
    """Ways between places, this episode's first, then memory's ``route`` recalls; and the places
    memory's ways touch (where it has been)."""
    routes = dict(ep.routes)
    remembered: set[str] = set()
    for r in recall:
        if r.kind == "route":
            for src, cmd, dst in payload(r, "route")["routes"]:
                routes.setdefault((src, cmd), dst)
                remembered |= {src, dst}
    return routes, remembered


class GenericPlanner:
    name = "offline"

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        admissible = list(state.observation.admissible)
        if not admissible:
            return Decision(action="", rationale="nothing is admissible")
        goal = state.goal
        ep = Episode(state.history, goal)
        here = ep.here
        self._entities = ep.entities | set(goal.targets)
        self._names: dict[str, set[str]] = {}
        avoid = set(ep.dropped) | {a for (p, a) in ep.failed if p == here}
        for r in recall:
            if r.kind == "lookahead":
                avoid |= set(payload(r, "lookahead")["rejected"])
            elif r.kind == "warning" and (warned := payload(r, "warning")):
                avoid |= {str(c) for c in warned["cycle"][:1]} | {str(c) for c in warned.get("lost", [])}
        allowed = [a for a in admissible if a not in avoid] or admissible
        # Verbs of verified successes (episodes and shortcuts memory offers): what got tasks done.
        self.useful = Counter[str]()
        #: verbs that ended verified successes: what brings the targets together (``_named``'s job)
        self.finishers: set[str] = set()
        #: what the last step of a verified success acted on, as shown ("Submit"; a page made anew
        #: changes the command, not what it showed), with the fewest steps a success took to get
        #: there (sooner skips what it did first: "Submit" before opening the section)
        self.closers: dict[str, int] = {}
        #: the winning commands themselves where they acted on a thing showing nothing (an icon)
        self.closing: dict[str, int] = {}
        worded = wording(goal.text, goal.targets)
        for r in recall:
            past = payload(r, "episode") if r.kind == "episode" else None
            steps = past["path"] if past and past["success"] else None
            if past and steps:
                self.finishers.add(str(steps[-1]).split(" ", 1)[0])
                shown_then = past.get("labels") or []
                # only the winning step's: a path cut at a state seen before may end elsewhere
                won_by = (past.get("actions") or steps)[-1]
                if len(shown_then) == len(steps) and steps[-1] == won_by and not past.get("demoted"):
                    # a thing without text is known only by its reference: trusted only where the
                    # success was this task worded the same way (a reply's send icon is no star)
                    then = wording(str(past.get("task", "")), past.get("targets") or ())
                    ends = [(self.closers, str(x)) for x in shown_then[-1]]
                    ends += [(self.closing, str(won_by))] if not shown_then[-1] and then == worded else []
                    for table, end in ends:
                        table[end] = min(table.get(end, len(steps)), len(steps))
            steps = steps or (payload(r, "skill")["steps"] if r.kind == "skill" else None) or []
            self.useful.update(str(s).split(" ", 1)[0] for s in steps)

        # A case memory's utility counters demoted (following it did worse than planning without
        # it, :mod:`engram.memory.utility`) waits until the goal itself gives nothing to do.
        case = self._follow_case(state, recall, allowed, demoted=False)
        if case:
            return case
        clauses, done = agenda(goal.text, state.history[1:], self._entities)
        if clauses:
            # What the steps name is the goal's too: sought, and never given away (eating the carrot
            # the recipe needs lost a cooking game).
            more = [t for c in clauses for t in c.things if t not in goal.targets]
            goal = Goal(goal.text, goal.task_type, tuple(dict.fromkeys([*goal.targets, *more])), goal.slots)
            self._entities |= set(more)
            step = self._clause(goal, ep, recall, allowed, clauses, done)
            if step:
                return step
        named = self._named(goal, ep, allowed) if not clauses else None  # a goal in steps: in its order
        if named:
            return named
        fresh = {a for a in allowed if not ep.tried[(ep.here, a)] or (ep.here, a) in ep.retry}
        point = pointed(goal, state.history, allowed, fresh)
        if point:
            return Decision(action=point[0], subgoal=f"act on {point[1]!r}",
                            rationale="the goal names it, and this is what shows it")  # fmt: skip
        case = self._follow_case(state, recall, allowed, demoted=True)
        if case:
            return case
        shortcut = self._shortcut(state, goal, ep, recall, allowed)
        if shortcut:
            return shortcut
        # Ways between places: this episode's, then memory's (``remembered``: places it has been to).
        routes, remembered = known_routes(ep, recall)
        heading = self._head(goal, ep, recall, routes, allowed)
        if heading:
            return heading
        return self._explore(state, goal, ep, recall, routes, remembered, allowed)

    def _mentions(self, command: str, name: str) -> bool:
        """``command`` names the entity ``name``, not just its words: "take vanilla scented passkey"
        does not name "passkey" when both are things of this world (the longest name wins)."""
        if name not in self._entities:
            return mentions(command, name)
        if command not in self._names:
            self._names[command] = set(named(command, self._entities))
        return name in self._names[command]

    # -- 1. a verified case ------------------------------------------------------------------
    def _follow_case(self, state: PlannerState, recall: list[Recall], allowed: list[str],
                     demoted: bool) -> Decision | None:  # fmt: skip
        """The next step of a verified case: of the trusted ones, or (``demoted``) of the demoted."""
        offered = [r for r in recall if bool(marked(r).get("demoted")) == demoted]
        case = case_ahead(state, offered, allowed)
        if case is None:
            return None
        task, rest = case
        done = len(state.history) - 1
        return Decision(action=rest[0], subgoal="follow a verified case", follows="case",
                        rationale=f"{len(rest)} step(s) left of '{task}' (after {done} taken)")  # fmt: skip

    # -- 1b. the goal's next step, when it is written as steps ------------------------------------
    def _clause(self, goal: Goal, ep: Episode, recall: list[Recall], allowed: list[str], clauses: list[Clause],
                done: int) -> Decision | None:  # fmt: skip
        """The command that does the goal's next step (:mod:`~engram.agents.planners.clauses`), or
        else the first later one that can be done here (the next may be so already, or cannot be
        started yet: slicing needs a knife), else the way toward what the next ones name; None when
        nothing left can be started from here and nothing they name is known (the usual search
        then goes on, for the whole goal)."""
        ahead = list(enumerate(clauses))[done:]
        fresh = [a for a in allowed if not ep.tried[(ep.here, a)] or (ep.here, a) in ep.retry]
        for i, clause in ahead:
            best = max(((score(a, clause, self._entities), -n, a) for n, a in enumerate(fresh)), default=(0, 0, ""))
            if best[0]:
                return Decision(action=best[2], subgoal=clause.text,
                                rationale=f"step {i + 1} of the {len(clauses)} the goal lists")  # fmt: skip
        routes, _ = known_routes(ep, recall)
        for i, clause in ahead[:2]:
            if not clause.things:
                continue
            toward = self._head(Goal(clause.text, goal.task_type, clause.things), ep, recall, routes, allowed)
            if toward:
                return Decision(action=toward.action, subgoal=clause.text,
                                rationale=f"step {i + 1} of {len(clauses)}: {toward.rationale}")  # fmt: skip
        return None

    # -- 2. what the goal names ----------------------------------------------------------------
    def _named(self, goal: Goal, ep: Episode, allowed: list[str]) -> Decision | None:
        targets = [t for t in goal.targets if t]
        if len(targets) < 2:
            return None
        gw = words(goal.text)
        relation = between(goal.text, targets)
        best, key = None, (0, 0, 0, 0)
        for a in allowed:
            n = sum(self._mentions(a, t) for t in targets)
            verb = a.split(" ", 1)[0]
            if n < 2 or (ep.tried[(ep.here, a)] and (ep.here, a) not in ep.retry):
                continue
            # The goal's own relation between its targets ("into", "on") in the command: that is
            # what the goal asks for, whatever the verb. Without it, a verb no verified success
            # ever used is not taken (locking the box that is to be filled names both targets too).
            related = bool(relation & between(a, targets))
            if self.useful and not self.useful[verb] and not related:
                continue
            k = (n, int(verb in self.finishers), int(related), len(words(a) & gw))
            if k > key:
                best, key = a, k
        if best is None:
            return None
        return Decision(action=best, subgoal="act on the goal's targets", rationale=f"mentions {key[0]} goal targets")

    # -- 2b. a shortcut that serves the goal ------------------------------------------------------
    def _shortcut(
        self, state: PlannerState, goal: Goal, ep: Episode, recall: list[Recall], allowed: list[str]
    ) -> Decision | None:
        """Start a shortcut mined from the facts of verified successes (its recall lists ``slots``)
        when it can start here and names a goal target: its first step grounded in an admissible
        command, its other slots filled with goal targets or things held, each of the slot's
        type, and nothing else in it but what holds a target (no opening boxes at random). Only
        procedures seen in two successes or more: one success's wrong turns are not a procedure.
        The controller runs the rest and aborts it when the world disagrees."""
        known = categories(f for h in state.history for f in h.facts)
        near = [*goal.targets, *sorted(ep.held)]
        holders = {w for e, w in ep.where.items() if any(e == t or e.startswith(t + " ") for t in goal.targets)}
        related = {*near, *holders}

        def fits(entity: str, kind: str) -> bool:
            return type_of(entity, known) == kind

        best, key = None, (0, 0, 0.0)
        for r in recall:
            c = payload(r, "skill") if r.kind == "skill" else None
            if c is None or "slots" not in c or int(c.get("support", 0)) < 2:
                continue
            steps = [str(x) for x in c["steps"]]
            for binding in ground(steps[0], allowed, {}, fits):
                for slot in slots_of(steps):
                    if slot not in binding:
                        binding[slot] = next((e for e in near if fits(e, slot_type(slot))
                                              and e not in binding.values()), "")  # fmt: skip
                if not all(binding.values()) or not set(binding.values()) <= related:
                    continue
                bound = Procedure(str(c["name"]), tuple(steps), tuple(c["pre"])).bind(binding)
                if bound[0] not in allowed or ep.tried[(ep.here, bound[0])] or (ep.state, bound[0]) in ep.loops:
                    continue
                aimed = sum(any(self._mentions(b, t) for b in bound) for t in goal.targets)
                k = (aimed, int(c.get("support", 0)), r.score)
                if aimed and k > key:
                    best, key = (c, steps, bound), k
        if best is None:
            return None
        c, steps, bound = best
        skill = RunningSkill(name=c["name"], template=steps, steps=bound, pre=list(c["pre"]), obj="", i=0)
        return Decision(action=bound[0], subgoal=f"shortcut: {c['name']}", skill=skill, follows="shortcut",
                        rationale=f"shortcut from {c['support']} verified successes: " + "; ".join(bound))  # fmt: skip

    # -- 3. head for what memory has seen ------------------------------------------------------
    def _head(
        self, goal: Goal, ep: Episode, recall: list[Recall], routes: dict[tuple[str, str], str], allowed: list[str]
    ) -> Decision | None:
        where = dict(ep.where)
        places: dict[str, str] = {}
        for r in recall:
            seen = payload(r, "scene") if r.kind == "scene" else None
            if seen and seen["object"] and seen["holder"]:
                where.setdefault(str(seen["object"]), str(seen["holder"]))
                if seen.get("place"):
                    places.setdefault(str(seen["object"]), str(seen["place"]))
        known = {p for p, _ in routes} | set(routes.values())
        for n, target in enumerate(goal.targets):
            if any(h == target or h.startswith(target + " ") for h in ep.held):
                continue  # got it: on to the next target
            entity = next((e for e in where if e == target or e.startswith(target + " ")), None)
            if entity is None:
                return None  # the next thing the goal needs is nowhere known: explore for it
            chain, place = [entity], places.get(entity, "")
            while chain[-1] in where and len(chain) < 6:
                holder = where[chain[-1]]
                if holder in known or holder == ep.here:
                    place = place or holder
                    break
                chain.append(holder)
            if not place:
                continue
            # What this follows of memory, for its utility counters: where the thing is (a prior),
            # else the way there (a route), when this episode did not see it itself.
            follows = "prior" if entity not in ep.where and chain[-1] not in ep.where else ""
            if place != ep.here:
                path = route(routes, ep.here, place)
                if not follows and _remembered(path, ep):
                    follows = "route"
                if path and path[0] in allowed:
                    return Decision(action=path[0], subgoal=f"head for {place} ({target})", follows=follows,
                                    rationale=f"{entity} was seen at {place}; {len(path)} step(s) away")  # fmt: skip
                if path:  # the way is known but not open now: clear it
                    ready, why = self._clear(path[0], recall, routes, ep, allowed)
                    if ready:
                        return Decision(action=ready, subgoal=f"clear the way to {place} ({target})", rationale=why,
                                        follows=follows)  # fmt: skip
                # No known way from here (or a door in the way): explore, and never turn to a later
                # target meanwhile (that is how an agent oscillates between two rooms).
                return None
            # Here: open or search what holds it, then take it (commands that name the chain),
            # verbs that got tasks done first, never a verb that has changed nothing.
            options = [a for name in chain for a in allowed if self._mentions(a, name) and not ep.tried[(ep.here, a)]
                       and (ep.state, a) not in ep.loops and not ep.idle(a)]  # fmt: skip
            if n > 0:
                # A later target is where things go: prepare it (open it), never use it for
                # something else (put another thing there), which only the goal's own step may do.
                others = {e for e in where if e not in chain and e not in ep.held}
                options = [a for a in options if a.split(" ", 1)[0] not in self.finishers
                           and not any(self._mentions(a, e) for e in others)]  # fmt: skip
                if self.useful:
                    options = [a for a in options if self.useful[a.split(" ", 1)[0]]] or options
            if options:
                best = min(options, key=lambda a: -self.useful[a.split(" ", 1)[0]])
                return Decision(action=best, subgoal=f"get to {target}", rationale=f"{chain[-1]} is here",
                                follows=follows)  # fmt: skip
            return None
        return None

    def _clear(
        self, move: str, recall: list[Recall], routes: dict[tuple[str, str], str], ep: Episode, allowed: list[str]
    ) -> tuple[str | None, str]:
        """A known way out of here (``move``) is not offered now: what opens it. First what came
        right before that move in a verified success (opening the door the way goes through), if
        it is no move itself; else a command on something shut here that holds nothing (a door,
        not a box), with the verbs successes used most. Never one tried from here already."""
        movers = {c.split(" ", 1)[0] for _, c in routes}
        cases = [payload(r, "episode") for r in recall if r.kind == "episode"]
        paths = [[str(a) for a in case["path"]] for case in cases if case["success"] and case["path"]]
        for path in paths:
            for before, after in pairwise(path):
                fresh = before in allowed and not ep.tried[(ep.here, before)]
                if after == move and fresh and before.split(" ", 1)[0] not in movers:
                    return before, f"{before!r} came before {move!r} in a success"
        holders = set(ep.where.values()) | {str(e) for r in recall if r.kind == "unexplored"
                                            for e in payload(r, "unexplored")["unexplored"]}  # fmt: skip
        doors = {e for e in ep.shut if ep.where.get(e) == ep.here and e not in holders}
        shut = [a for a in allowed if not ep.tried[(ep.here, a)] and any(self._mentions(a, e) for e in doors)]
        if shut:
            return min(shut, key=lambda a: -self.useful[a.split(" ", 1)[0]]), f"{move!r} is shut"
        return None, ""

    # -- 4. explore ------------------------------------------------------------------------------
    def _explore(self, state: PlannerState, goal: Goal, ep: Episode, recall: list[Recall],
                 routes: dict[tuple[str, str], str], remembered: set[str], allowed: list[str]) -> Decision:  # fmt: skip
        visited = ep.visited
        movers = {cmd.split(" ", 1)[0] for _, cmd in routes}  # verbs that have moved the agent
        gw = words(goal.text)
        said = {_stem(w): i for i, w in reversed(list(enumerate(_WORD.findall(goal.text.lower()))))}
        stems = {_stem(w) for w in gw}
        shown = texts(state.observation.facts)
        _, done, _, served = progress(goal, state.history)
        things = {str(f[0]) for f in state.observation.facts}

        def told(a: str) -> tuple[int, int]:
            """How much of the goal the command says, with what it acts on as shown ("click [20]"
            is "Submit"), and how early the goal says it: what the goal says first, first."""
            said_here = {_stem(w) for w in words(" ".join([a, *label(a, shown)]))} & stems
            return -len(said_here), min((said[w] for w in said_here), default=len(said))

        shift = state.seed + state.t

        offered = {a: i for i, a in enumerate(state.observation.admissible)}
        held_targets = [t for t in goal.targets if any(h == t or h.startswith(t + " ") for h in ep.held)]
        # What memory has never looked into, and where it stands: the frontier of a known world.
        unexplored: set[str] = set()
        frontier: set[str] = set()
        for r in recall:
            never = payload(r, "unexplored") if r.kind == "unexplored" else None
            unexplored |= {str(e) for e in never["unexplored"]} if never else set()
            frontier |= {str(p) for p in never["places"].values()} if never else set()
        toward = ""
        ways = [route(routes, ep.here, p) for p in sorted(frontier - {ep.here})]
        ways = [w for w in ways if w and w[0] in allowed]
        if ways:
            toward = min(ways, key=len)[0]

        def hides(a: str) -> bool:
            """It handles what may hide something: a thing shut, or one memory never looked into."""
            return any(self._mentions(a, e) for e in (*unexplored, *ep.shut))

        def pointless(a: str) -> int:
            """At a place memory has already seen, handling what it knows all about (neither the
            goal's nor hiding anything) finds nothing new."""
            if ep.here not in remembered or a.split(" ", 1)[0] in movers:
                return 0
            return int(not hides(a) and not any(self._mentions(a, t) for t in goal.targets))

        def rank(i: int) -> tuple[int, ...]:
            a = allowed[i]
            dst = routes.get((ep.here, a))
            # Where would it lead? Unknown ways first (that is where the unseen is), then places
            # not seen this episode, then handling things here unless memory has seen this place
            # before (what it holds is known, and what is sought is not here), ways back last.
            if a == toward:
                novelty = -1
            elif a.split(" ", 1)[0] in movers:
                novelty = 0 if dst is None else (1 if dst not in visited else 4)
            elif ep.here in remembered:  # what it holds is known: only what is shut can surprise
                novelty = 0 if hides(a) else 3
            else:
                novelty = 2
            # Don't fiddle with what the goal needs: a command naming a held target, and nothing
            # else the goal names, can only lose it (drop it, eat it) or waste a step (examine).
            risky = int(
                any(self._mentions(a, t) for t in held_targets) and sum(self._mentions(a, t) for t in goal.targets) < 2
            )
            # Nor give away anything else held (put it down, eat it): it may be what opens the way
            # (a key); only a command that also names the goal's targets may use it.
            spends = int(
                any(self._mentions(a, h) for h in ep.held) and not any(self._mentions(a, t) for t in goal.targets)
            )
            looping = int((ep.state, a) in ep.loops)
            # What the goal named and got already is not done again (typing "ieh" over "iEh"), nor is
            # the thing that got it handled again (clicking the field typed into).
            looping += int(any(match(a, shown, p) for p in done) or bool(served & set(named(a, things))))
            unproven = int(bool(self.useful) and not self.useful[a.split(" ", 1)[0]])
            # Verbs that verified successes used go before verbs none ever needed (look, examine...).
            # The rotation is over what the env offers, not over what memory left allowed: a command
            # memory rules out must not reorder the rest (that alone made memory do worse than none).
            return (risky, looping, spends, pointless(a), ep.tried[(ep.here, a)], unproven, int(ep.idle(a)), novelty,
                    -closes(a), *told(a), (offered.get(a, i) - shift) % len(offered))  # fmt: skip

        taken = len(state.history) - 1  # steps this episode has taken
        ready = {x for x, n in self.closers.items() if taken >= n - 1}
        ready_here = {c for c, n in self.closing.items() if taken >= n - 1}

        def closes(a: str) -> int:
            """It acts on what the last step of a verified success acted on (memory's doing)."""
            now = label(a, shown)
            return int(bool(ready & set(now)) or (not now and a in ready_here))

        best = allowed[min(range(len(allowed)), key=rank)]
        if closes(best):
            ended = sorted(set(self.closers) & set(label(best, shown))) or [best]
            return Decision(action=best, subgoal="explore", follows="case",
                            rationale=f"verified successes ended on {ended}")  # fmt: skip
        return Decision(action=best, subgoal="explore",
                        rationale=f"tried {ep.tried[(ep.here, best)]} time(s) from here; exploring")  # fmt: skip
