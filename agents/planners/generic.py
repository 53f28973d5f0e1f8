"""The generic memory-driven offline planner: what any environment gets when it names no planner.

It knows no domain. It reads the typed goal (text, targets), the facts, the admissible commands,
the env's outcome of each step, and memory's recalls, and picks one admissible command per step:

1. **Follow a verified case** (Memento, ExpRAG): a recalled successful episode whose task was the
   same as this one is replayed command by command, each re-grounded to what is admissible now
   (a command no longer offered is skipped; one that fails abandons the case).
2. **Do what the goal names**: a command that mentions the goal's targets (more of them, and more
   of the goal's words, first) and has not failed or been tried from here already.
3. **Head for what memory has seen**: the first target not yet held whose place is known (from this
   episode's facts or from scene memory) is the destination; the route is a shortest path over the
   ways between places this episode and memory's ``route`` recalls know. The holder a target was
   seen in becomes a target itself (open it, take from it).
4. **Explore** only where memory has nothing: the command least tried from this place, preferring
   commands that led somewhere new, then the goal's words, then the offered order rotated by the
   seed so that episodes differ.

Throughout it obeys memory's warnings: commands a ``lookahead`` recall rejects and commands that
closed a ``warning`` (cycle) are avoided while anything else is possible; commands whose outcome
was a failure here are not repeated; a command after which a held target was no longer held (a
drop) is not taken again in the episode. With ``--memory none`` there are no recalls, and what is
left (2 and 4, with the episode's own map for 3) is the plain explorer.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from typing import Any

from engram.agents.planners.base import Decision, PlannerState
from engram.envs.core import Goal, Outcome
from engram.memory.base import Recall

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "to", "of", "in", "on", "into", "and", "then", "it", "is", "with", "from",
                   "your", "you", "for", "at", "by", "that", "this", "some", "be"})  # fmt: skip
#: a recalled episode's task must be this similar (cosine, 0..1) to be followed; the episodic module
#: scores an episode recall 0.3 x similarity, hence the factor where it is compared
CASE_SIMILARITY = 0.95


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def mentions(command: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name.lower())}\b", command.lower()) is not None


class Episode:
    """What this episode's history says: where the agent stood at each step, the ways between
    places it walked, what it tried and what failed where, what it holds, where it saw things."""

    def __init__(self, history: list[dict[str, Any]], goal: Goal) -> None:
        self.places: list[str] = []
        self.routes: dict[tuple[str, str], str] = {}
        self.tried: Counter[tuple[str, str]] = Counter()
        self.failed: set[tuple[str, str]] = set()
        self.dropped: set[str] = set()
        self.held: set[str] = set()
        self.where: dict[str, str] = {}  # entity -> holder or place last seen in
        self.visited: set[str] = set()
        #: verb (a command's first word) -> how its steps came out this episode
        self.verbs: dict[str, Counter[str]] = {}
        #: (state, command) pairs that led back to a state already seen: undoing, going in circles
        self.loops: set[tuple[frozenset[Any], str]] = set()
        states: list[frozenset[Any]] = []
        here = ""
        for i, entry in enumerate(history):
            before, held_before = here, set(self.held)
            for subject, relation, obj, value in entry.get("facts", []):
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
            action = entry.get("action")
            key = frozenset((here, *(tuple(f) for f in entry.get("facts", []))))
            if i and action:
                self.verbs.setdefault(action.split(" ", 1)[0], Counter())[str(entry.get("outcome"))] += 1
                if key in states:
                    self.loops.add((states[-1], action))
                self.tried[(before, action)] += 1
                if entry.get("outcome") == Outcome.FAILURE:
                    self.failed.add((before, action))
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


class GenericPlanner:
    name = "offline"

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        obs = state["observation"]
        admissible: list[str] = list(obs["admissible"])
        if not admissible:
            return Decision(action="", rationale="nothing is admissible")
        goal = Goal.from_json(state.get("goal"))
        ep = Episode(state.get("history", []), goal)
        here = ep.here
        avoid = set(ep.dropped) | {a for (p, a) in ep.failed if p == here}
        for r in recall:
            if r.kind == "lookahead":
                avoid |= set(r.content.get("rejected", {}))
            elif r.kind == "warning" and r.content.get("cycle"):
                avoid.add(str(r.content["cycle"][0]))
        allowed = [a for a in admissible if a not in avoid] or admissible
        # Verbs of verified successes (episodes and shortcuts memory offers): what got tasks done.
        self.useful = Counter[str]()
        #: verbs that ended verified successes: what brings the targets together (``_named``'s job)
        self.finishers: set[str] = set()
        for r in recall:
            steps = r.content.get("path") if r.kind == "episode" and r.content.get("success") else None
            if steps:
                self.finishers.add(str(steps[-1]).split(" ", 1)[0])
            steps = steps or (r.content.get("steps") if r.kind == "skill" else None) or []
            self.useful.update(str(s).split(" ", 1)[0] for s in steps)

        case = self._follow_case(state, recall, allowed)
        if case:
            return case
        named = self._named(goal, ep, allowed)
        if named:
            return named
        # Ways between places: this episode's, then memory's (``remembered``: places it has been to).
        routes = dict(ep.routes)
        remembered: set[str] = set()
        for r in recall:
            if r.kind == "route":
                for src, cmd, dst in r.content.get("routes", []):
                    routes.setdefault((src, cmd), dst)
                    remembered |= {src, dst}
        heading = self._head(goal, ep, recall, routes, allowed)
        if heading:
            return heading
        return self._explore(state, goal, ep, routes, remembered, allowed)

    # -- 1. a verified case ------------------------------------------------------------------
    def _follow_case(self, state: PlannerState, recall: list[Recall], allowed: list[str]) -> Decision | None:
        cases = [r for r in recall if r.kind == "episode" and r.content.get("success")
                 and r.score >= 0.3 * CASE_SIMILARITY and r.content.get("path")]  # fmt: skip
        if not cases:
            return None
        best = max(cases, key=lambda r: (r.score, -len(r.content["path"])))
        path = [str(a) for a in best.content["path"]]
        done = [h.get("action") for h in state.get("history", [])[1:]]
        failed = [h for h in state.get("history", [])[1:] if h.get("outcome") == Outcome.FAILURE]
        if any(h.get("action") in path for h in failed):
            return None  # the world disagrees with the case: leave it
        i = 0
        for action in done:  # how far along the case this episode is
            if i < len(path) and action == path[i]:
                i += 1
        for j, step in enumerate(path[i:], start=i):
            if step in allowed:
                return Decision(action=step, subgoal="follow a verified case",
                                rationale=f"step {j + 1}/{len(path)} of '{best.content['task']}'")  # fmt: skip
        return None

    # -- 2. what the goal names ----------------------------------------------------------------
    def _named(self, goal: Goal, ep: Episode, allowed: list[str]) -> Decision | None:
        targets = [t for t in goal.targets if t]
        if len(targets) < 2:
            return None
        gw = words(goal.text)
        best, key = None, (0, 0, 0)
        for a in allowed:
            n = sum(mentions(a, t) for t in targets)
            verb = a.split(" ", 1)[0]
            if n < 2 or ep.tried[(ep.here, a)] or (self.useful and not self.useful[verb]):
                continue  # (a verb no verified success ever used, e.g. locking what is to be filled)
            k = (n, int(verb in self.finishers), len(words(a) & gw))
            if k > key:
                best, key = a, k
        if best is None:
            return None
        return Decision(action=best, subgoal="act on the goal's targets", rationale=f"mentions {key[0]} goal targets")

    # -- 3. head for what memory has seen ------------------------------------------------------
    def _head(
        self, goal: Goal, ep: Episode, recall: list[Recall], routes: dict[tuple[str, str], str], allowed: list[str]
    ) -> Decision | None:
        where = dict(ep.where)
        places: dict[str, str] = {}
        for r in recall:
            c = r.content
            if r.kind == "scene" and c.get("object") and c.get("receptacle"):
                where.setdefault(str(c["object"]), str(c["receptacle"]))
                if c.get("place"):
                    places.setdefault(str(c["object"]), str(c["place"]))
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
            if place != ep.here:
                path = route(routes, ep.here, place)
                if path and path[0] in allowed:
                    return Decision(action=path[0], subgoal=f"head for {place} ({target})",
                                    rationale=f"{entity} was seen at {place}; {len(path)} step(s) away")  # fmt: skip
                # No known way from here (or a door in the way): explore, and never turn to a later
                # target meanwhile (that is how an agent oscillates between two rooms).
                return None
            # Here: open or search what holds it, then take it (commands that name the chain),
            # verbs that got tasks done first, never a verb that has changed nothing.
            options = [a for name in chain for a in allowed if mentions(a, name) and not ep.tried[(ep.here, a)]
                       and (ep.state, a) not in ep.loops and not ep.idle(a)]  # fmt: skip
            if n > 0:
                # A later target is where things go: prepare it (open it), never use it for
                # something else (put another thing there), which only the goal's own step may do.
                others = {e for e in where if e not in chain and e not in ep.held}
                options = [a for a in options if a.split(" ", 1)[0] not in self.finishers
                           and not any(mentions(a, e) for e in others)]  # fmt: skip
                if self.useful:
                    options = [a for a in options if self.useful[a.split(" ", 1)[0]]] or options
            if options:
                best = min(options, key=lambda a: -self.useful[a.split(" ", 1)[0]])
                return Decision(action=best, subgoal=f"get to {target}", rationale=f"{chain[-1]} is here")
            return None
        return None

    # -- 4. explore ------------------------------------------------------------------------------
    def _explore(self, state: PlannerState, goal: Goal, ep: Episode, routes: dict[tuple[str, str], str],
                 remembered: set[str], allowed: list[str]) -> Decision:  # fmt: skip
        visited = ep.visited
        movers = {cmd.split(" ", 1)[0] for _, cmd in routes}  # verbs that have moved the agent
        gw = words(goal.text)
        shift = int(state.get("seed", 0)) + int(state.get("t", 0))

        held_targets = [t for t in goal.targets if any(h == t or h.startswith(t + " ") for h in ep.held)]

        def rank(i: int) -> tuple[int, ...]:
            a = allowed[i]
            dst = routes.get((ep.here, a))
            # Where would it lead? Unknown ways first (that is where the unseen is), then places
            # not seen this episode, then handling things here unless memory has seen this place
            # before (what it holds is known, and what is sought is not here), ways back last.
            if a.split(" ", 1)[0] in movers:
                novelty = 0 if dst is None else (1 if dst not in visited else 4)
            else:
                novelty = 3 if ep.here in remembered else 2
            # Don't fiddle with what the goal needs: a command naming a held target, and nothing
            # else the goal names, can only lose it (drop it, eat it) or waste a step (examine).
            risky = int(any(mentions(a, t) for t in held_targets) and sum(mentions(a, t) for t in goal.targets) < 2)
            # Nor give away anything else held (put it down, eat it): it may be what opens the way
            # (a key); only a command that also names the goal's targets may use it.
            spends = int(any(mentions(a, h) for h in ep.held) and not any(mentions(a, t) for t in goal.targets))
            looping = int((ep.state, a) in ep.loops)
            unproven = int(bool(self.useful) and not self.useful[a.split(" ", 1)[0]])
            # Verbs that verified successes used go before verbs none ever needed (look, examine...).
            return (risky, looping, spends, ep.tried[(ep.here, a)], unproven, int(ep.idle(a)), novelty,
                    -len(words(a) & gw), (i - shift) % len(allowed))  # fmt: skip

        best = allowed[min(range(len(allowed)), key=rank)]
        return Decision(action=best, subgoal="explore",
                        rationale=f"tried {ep.tried[(ep.here, best)]} time(s) from here; exploring")  # fmt: skip
