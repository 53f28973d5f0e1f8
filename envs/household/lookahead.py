"""Bounded lookahead (GiG): simulate candidate actions a few steps ahead before committing.

Each candidate is applied to a copy of the episode's :class:`WorldView` with symbolic effect rules
(go, open, close, take, move, heat, cool, clean, use), then continued up to ``depth`` steps with
the actions that could matter (the relevant places and the verbs available there). A candidate
*advances the goal* when some continuation of it reaches a state whose goal distance plus the steps
spent is no more than the distance now: it is on a path as short as the relaxed estimate. A
candidate is dropped when it cannot advance the goal, when it changes nothing (look, examine,
inventory: the state is the same), or when it re-enters a state already visited this episode (the
transition graph would gain a cycle). While the goal needs something found, a look into an
unexplored receptacle is never dropped for costing a door more than another: which place to search
first is what memory's priors are for.

Why not search the real environment: memory never calls the env (DESIGN.md). Why bounded: the
branching of "go to" over forty receptacles makes deep search pointless; the distance already
prices the trips, so a short horizon is enough to catch dead ends and loops.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from engram.envs.domain import Verdict
from engram.envs.household.symbolic import LAMP_TYPES, OPENABLE, TOOLS, UNREACHABLE, HouseholdGoal, WorldView, kind

_NAME = r"[a-z]+ \d+"
_GO = re.compile(rf"^go to ({_NAME})$")
_OPEN = re.compile(rf"^(open|close) ({_NAME})$")
_TAKE = re.compile(rf"^take ({_NAME}) from ({_NAME})$")
_MOVE = re.compile(rf"^move ({_NAME}) to ({_NAME})$")
_TREAT = re.compile(rf"^(heat|cool|clean) ({_NAME}) with ({_NAME})$")
_USE = re.compile(rf"^use ({_NAME})$")
_STATE_OF = {"heat": "hot", "cool": "cold", "clean": "clean"}


def simulate(view: WorldView, action: str) -> WorldView | None:
    """The view after ``action`` by the effect rules; None when the rules say it cannot happen
    here (the engine would answer "Nothing happens.")."""
    v = view.copy()
    if m := _GO.match(action):
        (v.at,) = m.groups()
        # An unexplored place stays unexplored in the simulation: what it holds is unknown, and the
        # distance prices it optimistically (it might hold what is sought).
    elif m := _OPEN.match(action):
        verb, rec = m.groups()
        if v.at != rec:
            return None
        v.opened[rec] = verb == "open"
    elif m := _TAKE.match(action):
        obj, rec = m.groups()
        if v.holding or v.at != rec:
            return None
        v.location.pop(obj, None)
        v.objects.setdefault(obj, kind(obj))
        v.holding = obj
    elif m := _MOVE.match(action):
        obj, rec = m.groups()
        if v.holding != obj or v.at != rec:
            return None
        v.holding = ""
        v.location[obj] = rec
    elif m := _TREAT.match(action):
        verb, obj, rec = m.groups()
        if v.holding != obj or v.at != rec:
            return None
        flags = v.states.setdefault(obj, set())
        flags.add(_STATE_OF[verb])
        flags.discard({"hot": "cold", "cold": "hot"}.get(_STATE_OF[verb], ""))
    elif m := _USE.match(action):
        (lamp,) = m.groups()
        v.states.setdefault(lamp, set()).add("on")
    else:
        return v  # look, inventory, examine: no effect on the world
    return v


def _continuations(v: WorldView, goal: HouseholdGoal) -> list[str]:
    """Actions worth simulating after the first: the verbs available where the agent stands, and
    trips to the places the goal involves (target, tool, known instances, unexplored places)."""
    otype = goal.get("object", "")
    lamps = (goal["toggle"],) if goal.get("toggle") else LAMP_TYPES
    out: list[str] = []
    here = v.at
    if here and kind(here) in OPENABLE and not v.opened.get(here, False):
        out.append(f"open {here}")
    if here and not v.holding:
        out += [f"take {o} from {here}" for o in v.contents(here) if kind(o) == otype]
    if here and v.holding:
        out.append(f"move {v.holding} to {here}")
        tool = TOOLS.get(goal.get("task_type", ""))
        if tool and kind(here) == tool[0]:
            out.append(f"{tool[1]} {v.holding} with {here}")
    out += [f"use {o}" for o, r in v.location.items() if r == here and kind(o) in lamps]
    places = {r for o, r in v.location.items() if kind(o) in (otype, *lamps)}
    places |= {r for r, k in v.receptacles.items() if k == goal.get("receptacle")}
    tool = TOOLS.get(goal.get("task_type", ""))
    places |= {r for r, k in v.receptacles.items() if tool and k == tool[0]}
    places |= set([r for r in v.receptacles if r not in v.searched][:3])
    out += [f"go to {r}" for r in sorted(places) if r != here]
    return out


def _best(v: WorldView, goal: HouseholdGoal, depth: int) -> int:
    """Fewest (steps + remaining distance) over continuations of up to ``depth`` steps."""
    best = v.distance(goal)
    if depth <= 0 or best == 0:
        return best
    for action in _continuations(v, goal):
        nxt = simulate(v, action)
        if nxt is not None:
            best = min(best, 1 + _best(nxt, goal, depth - 1))
    return best


def _explores(view: WorldView, action: str) -> bool:
    """Going to, or opening, a receptacle whose contents this episode has not seen."""
    m = _GO.match(action) or _OPEN.match(action)
    if m is None:
        return False
    place = m.groups()[-1]
    return place in view.receptacles and place not in view.searched


def lookahead(
    view: WorldView, goal: HouseholdGoal, candidates: Iterable[str], visited: set[str], depth: int = 2
) -> Verdict:
    """Judge ``candidates`` from ``view``; ``visited`` holds the :meth:`WorldView.key` of every state
    this episode has been in. Never keeps nothing: if every candidate is rejected, the ones of best
    value are kept (the planner must still act), with their rejections left on record."""
    now = view.distance(goal)
    here = view.key()
    # While the goal still needs something found, which unexplored place to look at first is
    # memory's and the planner's call (they know what earlier tasks saw there); the distance only
    # knows that an unexplored place might hold it, so it must not rank explorations by door cost.
    known = view.copy()
    known.searched |= set(known.receptacles)
    searching = known.distance(goal) > now
    verdict = Verdict()
    for action in candidates:
        nxt = simulate(view, action)
        if nxt is None:
            verdict.rejected[action] = "its preconditions do not hold here"
            continue
        value = 1 + _best(nxt, goal, depth - 1)
        verdict.value[action] = value
        key = nxt.key()
        explores = searching and _explores(view, action)
        if key == here:
            verdict.rejected[action] = "changes nothing"
        elif key in visited:
            verdict.rejected[action] = "re-enters a state visited this episode"
        elif not explores and (value > now or value >= UNREACHABLE):
            verdict.rejected[action] = f"cannot advance the goal within {depth} steps (distance {now})"
        else:
            verdict.kept.append(action)
    if not verdict.kept and verdict.value:
        low = min(verdict.value.values())
        verdict.kept = [a for a, v in verdict.value.items() if v == low]
    return verdict
