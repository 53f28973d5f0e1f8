"""How far any memory of where things are kept can close the household gap: a bound, measured.

    python -m engram.experiments.household_bound [--games DIR] [--gap OUT/gap.json]

Real ALFWorld places a trial's objects anew (75-85% of remembered places are wrong at the next
trial of the same floor plan: ``memory/scene.py``), so no memory can know where *this* trial's
apple is; the best it can know is where apples usually are. This study gives a searcher that
knowledge perfectly and measures what it still costs. For each game it reads the true initial
placements of every *other* game (leave one out: every holder's full contents, far more than an
agent ever sees) and searches in the order that is best for such priors (the chance a holder holds
the type, over its cost: one step to go, a second to open), counting the steps of the task
as ``HouseholdPlanner`` takes them (go, open, take, clean/heat/cool, put, use). Priors at three
depths: the object type's holder kinds over all other games (``kinds``), shrunk toward by the
same floor plan's (``floor plan``), and by the same holder instance in that floor plan (``holder``).

Two checks keep the simulation honest: searched in the order of the true placements
(``oracle``) it must take the expert's steps, and in the room's listing order (``listing``) the
memoryless planner's measured steps. With ``--gap`` (a ``household_gap`` result) the gap each
depth closes is computed against the measured memoryless and expert steps.

Prints one row per searcher and, last, ``household_bound: kinds=A floor=B holder=C closed<=D``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engram.envs.alfworld import find_games
from engram.experiments.household_gap import DEFAULT_GAMES

#: the receptacle a task's tool step goes to (the step itself needs no opening)
TOOLS = {"pick_clean_then_place_in_recep": "sinkbasin", "pick_heat_then_place_in_recep": "microwave",
         "pick_cool_then_place_in_recep": "fridge"}  # fmt: skip
#: pseudo-observations by which a narrower prior is shrunk toward a broader one
PSEUDO = 2.0


@dataclass
class Game:
    path: str
    floor_plan: str
    task_type: str
    obj: str
    target: str
    lamp: str
    kinds: dict[str, str]  # holder id -> kind, in the problem's order
    closed: set[str]  # holders that must be opened to see inside
    contents: dict[str, list[str]]  # holder id -> object types in it at the start
    expert: int


def read(game: Path) -> Game:
    data = json.loads(game.read_text())
    problem, traj = data["pddl_problem"], json.loads((game.parent / "traj_data.json").read_text())
    kinds = {r: t.lower() for r, t in re.findall(r"\(receptacleType ([^?\s]\S*) (\S+)Type\)", problem)}
    types = {o: t.lower() for o, t in re.findall(r"\(objectType ([^?\s]\S*) (\S+)Type\)", problem)}
    contents: dict[str, list[str]] = {r: [] for r in kinds}
    for obj, holder in re.findall(r"\(inReceptacle ([^?\s]\S*) (\S+)\)", problem):
        if holder in contents and obj in types:
            contents[holder].append(types[obj])
    params = traj["pddl_params"]
    return Game(str(game), str(traj["scene"]["floor_plan"]), traj["task_type"], params["object_target"].lower(),
                params["parent_target"].lower(), params["toggle_target"].lower(), kinds,
                set(re.findall(r"\(openable (\S+)\)", problem)), contents, len(data["walkthrough"]))  # fmt: skip


Order = Callable[[Game, str], list[str]]


def play(game: Game, order: Order) -> int:
    """Steps to do ``game``'s task, searching holders in ``order`` (what was seen is remembered)."""
    steps, at, opened = 0, "", set()
    seen: dict[str, list[str]] = {}  # holder -> the object types still in it, once looked into

    def visit(holder: str) -> None:
        nonlocal steps, at
        steps += 1 + (holder in game.closed and holder not in opened)
        opened.add(holder)
        at = holder
        seen.setdefault(holder, list(game.contents[holder]))

    def take(otype: str) -> None:
        nonlocal steps
        known = [h for h, c in seen.items() if otype in c and h not in done]
        for holder in known[:1] or order(game, otype):
            if holder not in seen or otype in seen[holder]:
                visit(holder)
            if otype in seen[holder] and holder not in done:
                seen[holder].remove(otype)
                steps += 1
                return
        raise SystemExit(f"{game.path}: no {otype} anywhere")

    target = next((h for h, k in game.kinds.items() if k == game.target), "")
    done: set[str] = set()  # the target, once one object is put there (the second comes from elsewhere)
    if game.task_type == "look_at_obj_in_light":
        take(game.obj)
        lamp = next(h for h in [*seen, *order(game, game.lamp)] if game.lamp in game.contents[h])
        if at != lamp:
            visit(lamp)
        return steps + 1  # use the lamp
    for _ in range(2 if game.task_type == "pick_two_obj_and_place" else 1):
        take(game.obj)
        if game.task_type in TOOLS:
            steps, at = steps + 2, next(h for h, k in game.kinds.items() if k == TOOLS[game.task_type])
        if at != target:
            visit(target)
        steps += 1
        done.add(target)
    return steps


def prior_order(games: list[Game], depth: str) -> Order:
    """Holders by (chance to hold the type, leave-one-out) / cost, at ``depth``."""

    def order(game: Game, otype: str) -> list[str]:
        others = [g for g in games if g.path != game.path]
        same = [g for g in others if g.floor_plan == game.floor_plan]

        def rate(pool: list[Game], match: Callable[[str, str], bool], broad: float) -> float:
            looked = [c for g in pool for h, c in g.contents.items() if match(h, g.kinds[h])]
            return (sum(otype in c for c in looked) + PSEUDO * broad) / (len(looked) + PSEUDO)

        def score(holder: str) -> float:
            kind = game.kinds[holder]
            p = rate(others, lambda _h, k: k == kind, 0.01)
            if depth in ("floor plan", "holder"):
                p = rate(same, lambda _h, k: k == kind, p)
            if depth == "holder":
                p = rate(same, lambda h, _k: h == holder, p)
            return p / (2.0 if holder in game.closed else 1.0)

        return sorted(game.kinds, key=lambda h: -score(h))

    return order


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--games", type=Path, default=DEFAULT_GAMES)
    ap.add_argument("--gap", type=Path, help="a household_gap gap.json: measured none and expert steps")
    args = ap.parse_args(argv)
    games = [read(g) for g in find_games(args.games)]
    expert = statistics.mean(g.expert for g in games)
    rng = random.Random(0)
    searchers: dict[str, Order] = {
        "oracle": lambda g, t: sorted(g.kinds, key=lambda h: (t not in g.contents[h], h in g.closed)),
        # the memoryless planner's order: the room lists holders by kind (instances in an order
        # this reading of the problem cannot know: shuffled, and averaged over shuffles)
        "listing": lambda g, t: sorted(g.kinds, key=lambda h: (g.kinds[h], rng.random())),
        "kinds": prior_order(games, "kinds"),
        "floor plan": prior_order(games, "floor plan"),
        "holder": prior_order(games, "holder"),
    }
    none = None
    if args.gap:
        top = json.loads(args.gap.read_text())["groups"]["all games"]
        none, expert = top["none"]["steps"], top["expert"]
    measured = f"; memoryless planner (measured) {none}" if none else ""
    print(f"{len(games)} games; expert {expert:.2f} steps{measured}")
    means = {}
    for name, order in searchers.items():
        runs = 20 if name == "listing" else 1
        means[name] = round(statistics.mean(play(g, order) for _ in range(runs) for g in games), 2)
        closed = f"  closes {(none - means[name]) / (none - expert):.1%}" if none and none > expert else ""
        print(f"{name:>11}: {means[name]:6.2f} steps{closed}")
    best = min(means[k] for k in ("kinds", "floor plan", "holder"))
    bound = f"{(none - best) / (none - expert):.3f}" if none and none > expert else "n/a (no --gap)"
    depths = f"kinds={means['kinds']} floor={means['floor plan']} holder={means['holder']}"
    print(f"household_bound: {depths} closed<={bound}")


if __name__ == "__main__":
    main()
