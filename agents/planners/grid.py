"""Offline planner for BabyAI / MiniGrid missions, from the facts of the episode and of memory.

It rebuilds a map each step from what the episode has seen (walls, objects with colours, doors,
the agent's cell and heading: the facts ``envs/minigrid.py`` emits), parses the mission (``go to``,
``pick up``, ``open``, ``put X next to Y``), and plans with breadth-first search over (cell,
heading) states: turning and moving forward, never into a wall, an object or a closed door. When
the target has not been seen, it walks to the nearest cell no view has covered yet. Scene memory
(``scene`` recalls naming a cell) places objects before they are seen again; the map the planner
builds is then corrected by what the episode shows.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from engram.agents.planners.base import Decision, PlannerState
from engram.envs.core import Fact
from engram.memory.base import Recall, payload

HEADINGS = ("east", "south", "west", "north")
_VEC = ((1, 0), (0, 1), (-1, 0), (0, -1))
_MISSION = re.compile(
    r"^(?P<verb>go to|pick up|open|put) (?:the |a )?(?P<what>(?:\w+ )?(?:ball|box|key|door))"
    r"(?: next to (?:the |a )?(?P<where>(?:\w+ )?(?:ball|box|key|door)))?"
)
Cell = tuple[int, int]


def _cell(text: str | None) -> Cell | None:
    m = re.search(r"(-?\d+),(-?\d+)", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


@dataclass
class GridMap:
    at: Cell = (0, 0)
    heading: int = 0
    walls: set[Cell] = field(default_factory=set)
    objects: dict[Cell, str] = field(default_factory=dict)  # cell -> "red ball" / "closed red door"
    seen: set[Cell] = field(default_factory=set)
    carrying: str = ""

    def update(self, facts: Sequence[Fact]) -> None:
        view: dict[Cell, str] = {}
        for subject, relation, obj, value in facts:
            if subject == "agent" and relation == "at":
                self.at = _cell(obj) or self.at
            elif subject == "agent" and relation == "facing" and obj in HEADINGS:
                self.heading = HEADINGS.index(obj)
            elif relation == "type" and obj == "wall":
                cell = _cell(subject)
                if cell:
                    self.walls.add(cell)
            elif relation == "at" and subject != "agent":
                cell = _cell(obj)
                if cell:
                    view[cell] = subject.split(" at ", 1)[0]
            elif relation in ("open", "locked") and " door at " in subject and value:
                cell = _cell(subject)
                if cell:
                    view[cell] = ("open " if relation == "open" else "locked ") + subject.split(" at ", 1)[0]
        held = next((o for s, r, o, v in facts if s == "agent" and r == "holds" and v), None)
        self.carrying = str(held).replace(" (carried)", "") if held else ""
        # what the 7x7 view covers now: objects no longer there were taken or moved
        fx, fy = _VEC[self.heading]
        rx, ry = -fy, fx
        covered = {(self.at[0] + fx * f + rx * r, self.at[1] + fy * f + ry * r) for f in range(7) for r in range(-3, 4)}
        self.seen |= covered
        for cell in covered & set(self.objects):
            if cell not in view:
                del self.objects[cell]
        for cell, name in view.items():
            known = self.objects.get(cell, "")
            # a door's state comes with its own fact; keep the most specific description
            if not (known.endswith(name) and len(known) > len(name)) or name.startswith(("open", "locked")):
                self.objects[cell] = name

    def blocked(self, cell: Cell) -> bool:
        thing = self.objects.get(cell, "")
        return cell in self.walls or (bool(thing) and not thing.startswith("open "))

    def matches(self, want: str) -> list[Cell]:
        words = want.split()
        return sorted(c for c, name in self.objects.items() if all(w in name.split() for w in words))


def plan(m: GridMap, goal: set[tuple[int, int, int]] | None = None, goal_cells: set[Cell] | None = None) -> str:
    """First command of a shortest turn/forward path to a pose in ``goal`` (or onto a cell of
    ``goal_cells``); "" if none is reachable. Unknown cells count as free."""
    start = (*m.at, m.heading)
    if goal and start in goal:
        return "done"
    known = m.seen | m.walls | {m.at}
    lo_x, hi_x = min(c[0] for c in known) - 1, max(c[0] for c in known) + 1
    lo_y, hi_y = min(c[1] for c in known) - 1, max(c[1] for c in known) + 1
    queue, first = deque([start]), {start: ""}
    while queue:
        x, y, h = queue.popleft()
        dx, dy = _VEC[h]
        moves = [((x, y, (h - 1) % 4), "turn left"), ((x, y, (h + 1) % 4), "turn right")]
        if not m.blocked((x + dx, y + dy)) and lo_x <= x + dx <= hi_x and lo_y <= y + dy <= hi_y:
            moves.append(((x + dx, y + dy, h), "move forward"))
        for state, action in moves:
            if state in first:
                continue
            first[state] = first[(x, y, h)] or action
            if (goal and state in goal) or (goal_cells and state[:2] in goal_cells):
                return first[state]
            queue.append(state)
    return ""


def facing(cells: list[Cell]) -> set[tuple[int, int, int]]:
    """Poses (cell, heading) from which the agent faces one of ``cells``."""
    return {(cx - dx, cy - dy, h) for cx, cy in cells for h, (dx, dy) in enumerate(_VEC)}


class GridPlanner:
    name = "offline"

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        m = GridMap()
        for r in recall:  # memory first: the episode's own views overwrite it
            seen = payload(r, "scene") if r.kind == "scene" else None
            cell = _cell(str(seen["holder"])) if seen else None
            if seen and cell and seen["object"]:
                m.objects[cell] = str(seen["object"]).split(" at ", 1)[0]
        for entry in state.history:
            m.update(entry.facts)
        mission = state.goal.text.lower()
        parsed = _MISSION.match(mission)
        if not parsed:
            return Decision(action="turn left", rationale=f"mission not understood: {mission!r}", subgoal="look around")
        verb, what, where = parsed.group("verb"), parsed.group("what"), parsed.group("where")
        action, subgoal, why = self._next(m, verb, what, where)
        admissible = state.observation.admissible
        if action not in admissible:
            action, why = "turn left", f"{why}; {action!r} is not admissible"
        return Decision(action=action, rationale=why, subgoal=subgoal)

    def _next(self, m: GridMap, verb: str, what: str, where: str | None) -> tuple[str, str, str]:
        front = (m.at[0] + _VEC[m.heading][0], m.at[1] + _VEC[m.heading][1])
        if verb == "put" and where:
            if m.carrying and all(w in m.carrying.split() for w in what.split()):
                anchors = m.matches(where)
                if not anchors:
                    return self._explore(m, f"find the {where}")
                spots = {(ax + dx, ay + dy) for ax, ay in anchors for dx, dy in _VEC} - m.walls - set(m.objects)
                if front in spots:
                    return "drop", f"put the {what} next to the {where}", f"the cell ahead is next to the {where}"
                return self._go(m, facing(sorted(spots)), f"put the {what} next to the {where}")
            verb = "pick up"
        targets = m.matches(what)
        if not targets:
            return self._explore(m, f"find the {what}")
        subgoal = f"{verb} the {what}"
        if front in targets:
            if verb == "go to":
                return "move forward", subgoal, f"the {what} is right in front (a go-to is done by facing it)"
            if verb == "pick up":
                return "pick up", subgoal, f"the {what} is in front"
            return "toggle", subgoal, f"the {what} is in front"
        return self._go(m, facing(targets), subgoal)

    def _go(self, m: GridMap, poses: set[tuple[int, int, int]], subgoal: str) -> tuple[str, str, str]:
        action = plan(m, goal=poses)
        if action in ("", "done"):
            return self._explore(m, subgoal)
        return action, subgoal, "shortest path over the cells seen so far"

    def _explore(self, m: GridMap, subgoal: str) -> tuple[str, str, str]:
        frontier = {(x + dx, y + dy) for x, y in m.seen for dx, dy in _VEC} - m.seen
        action = plan(m, goal_cells=frontier) if frontier else ""
        return (action or "turn left"), subgoal, "not seen yet: heading for the nearest unseen cell"
