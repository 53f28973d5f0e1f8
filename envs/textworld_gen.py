"""TextWorld games generated offline by textworld's own generator, as persistent-world streams.

A **persistent-world stream** is one world and a sequence of different quests in it. textworld's
generator takes separate seeds for the map, the objects and the quest, so fixing the first two and
varying the last gives quests that all start from the same rooms, furniture and objects: what an
agent learned about the world in one quest (where the rooms are, what is kept where) holds in the
next. That is what memory has to carry over, and what a memoryless agent must rediscover.

Why engram builds the quests itself: ``tw-make``'s quest generator chains *backward* and creates
objects as it goes, and the distractor objects are placed after the quest, so two quests with the
same map and objects seeds do not start in the same world (measured: different objects, start room
and names). So a world is made once by textworld's ``make_world`` from its map and objects seeds,
and each quest is a goal in that unchanged world: "put O in/on H" for a portable O and a container
or supporter H, with the shortest plan found by breadth-first search over textworld's own logic
(go, open, unlock, take, put, insert). Only solvable quests with a plan of at least
``min_plan`` commands are kept, distinct within a world; a world (map seed) with too few such
quests is replaced by the next seed. Names and text come from textworld's grammar with the world's
grammar seed, so every quest of a world names things alike.

Families:

* ``custom``: persistent worlds as above (rooms, objects, the quests' minimum plan length);
* ``cooking``, ``simple``: textworld's cooking challenge and ``tw-simple`` games with the world's
  map, objects and grammar seeds and a quest (and recipe) seed per quest. Their generators place
  some things with the quest, so only part of the world persists (the rooms do).
* ``quest``: what ``tw-make custom`` makes: textworld's own quest generator (backward chaining, its
  objective written as steps: "First, venture east. After that, pick up the mug ..."), one game
  per world, quest lengths from ``min_plan`` to ``max_plan`` commands in turn. Its games are
  meant to be played again and again: what memory has to do there is converge.

Every game is compiled by textworld (Inform 7, shipped in its wheel, offline) into
``<out>/<family>/world_XX/quest_YY.z8`` with textworld's ``.json`` beside it; the ``.json`` carries
``metadata["engram"]`` (family, world id, quest index, settings), which the environment reads.
Quests of one world that textworld makes alike (the same walkthrough) are skipped, so a stream has
distinct quests. ``generation.json`` records the settings and what was made.
"""

from __future__ import annotations

import json
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypedDict

FAMILIES = ("custom", "cooking", "simple", "quest")
PORTABLE = ("o", "f", "k")
HOLDERS = ("c", "s")
_PLAN_RULES = ("go", "open", "unlock", "take", "put", "insert")


class StreamSettings(TypedDict, total=False):
    """A :class:`StreamSpec` as a game's ``metadata["engram"]["settings"]`` records it (``asdict``)."""

    family: str
    worlds: int
    quests: int
    seed: int
    rooms: int
    objects: int
    min_plan: int
    max_plan: int
    recipe: int


@dataclass
class StreamSpec:
    """What ``engram stream --env engram/TextWorld-v0`` generates (recorded in generation.json)."""

    family: str = "custom"
    worlds: int = 10
    quests: int = 8
    seed: int = 0
    rooms: int = 6
    objects: int = 10
    #: custom: the shortest plan of a kept quest has at least this many commands; quest: the first
    #: world's quest length (world w's is ``min_plan + w mod (max_plan - min_plan + 1)``)
    min_plan: int = 3
    #: quest: the longest quest (0: ``min_plan``)
    max_plan: int = 0
    #: cooking: world w's recipe has ``1 + w mod recipe`` ingredients (each to be taken)
    recipe: int = 1

    def __post_init__(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"unknown TextWorld family {self.family!r}; choose from {', '.join(FAMILIES)}")
        if self.rooms < 1 or self.objects < 1 or self.min_plan < 1:
            raise ValueError("rooms, objects and min_plan must be at least 1")
        if self.max_plan and self.max_plan < self.min_plan:
            raise ValueError(f"max_plan ({self.max_plan}) is below min_plan ({self.min_plan})")


@dataclass
class StreamReport:
    games: list[Path] = field(default_factory=list)
    skipped_worlds: int = 0  # map seeds whose world had too few solvable quests
    seconds: float = 0.0


def _rng(*parts: int) -> Any:
    from numpy.random import RandomState

    value = 0
    for p in parts:
        value = (value * 1_000_003 + p + 1) % 2**31
    return RandomState(value)


def shortest_plan(state: Any, goal: Any, obj: Any, limit: int = 50_000) -> list[Any] | None:
    """The shortest command sequence reaching ``goal`` from ``state`` by textworld's rules, moving no
    portable thing but ``obj`` (and keys, to unlock), or None (unreachable, or over ``limit``
    states). Breadth-first over textworld ``State`` copies: worlds of a few rooms have few states."""
    import textworld

    rules = [r for r in textworld.GameOptions().kb.rules.values() if r.name.split("/")[0] in _PLAN_RULES]
    seen = {frozenset(map(str, state.facts))}
    queue: deque[tuple[Any, list[Any]]] = deque([(state, [])])
    while queue:
        st, path = queue.popleft()
        if st.is_fact(goal):
            return path
        if len(seen) > limit:
            return None
        for action in st.all_applicable_actions(rules):
            verb = action.name.split("/")[0]
            if verb in ("take", "put", "insert"):
                moved = next(v for v in action.variables if v.type in PORTABLE)
                if moved != obj and (verb != "take" or moved.type != "k"):
                    continue
            nxt = st.copy()
            nxt.apply(action)
            key = frozenset(map(str, nxt.facts))
            if key not in seen:
                seen.add(key)
                queue.append((nxt, [*path, action]))
    return None


def _world(spec: StreamSpec, map_seed: int) -> Any:
    from textworld.generator import make_world

    return make_world(spec.rooms, nb_objects=spec.objects, rngs={"map": _rng(spec.seed, map_seed, 1),
                                                                 "objects": _rng(spec.seed, map_seed, 2)})  # fmt: skip


def _quests(spec: StreamSpec, map_seed: int) -> list[tuple[Any, Any, list[Any]]]:
    """Every kept quest of a world, ``(goal proposition, object, plan)``, in the stream's order."""
    from textworld.logic import Proposition

    state = _world(spec, map_seed).state
    entities = sorted({v for f in state.facts for v in f.arguments}, key=str)
    objects = [v for v in entities if v.type in PORTABLE]
    holders = [v for v in entities if v.type in HOLDERS]
    kept = []
    for obj in objects:
        for holder in holders:
            goal = Proposition("in" if holder.type == "c" else "on", [obj, holder])
            if state.is_fact(goal):
                continue
            plan = shortest_plan(state, goal, obj)
            if plan is not None and len(plan) >= spec.min_plan:
                kept.append((goal, obj, plan))
    order = _rng(spec.seed, map_seed, 3).permutation(len(kept))
    return [kept[i] for i in order]


def _custom_game(spec: StreamSpec, map_seed: int, quest: tuple[Any, Any, list[Any]]) -> Any:
    import textworld
    from textworld.generator import make_grammar
    from textworld.generator.game import Event, Game, Quest

    goal, _, plan = quest
    world = _world(spec, map_seed)  # fresh: a Game keeps a reference to its world
    options = textworld.GameOptions()
    game = Game(world, make_grammar(options.grammar, rng=_rng(spec.seed, map_seed, 4)),
                [Quest(win_events=[Event(actions=plan, conditions=[goal])])])  # fmt: skip
    obj, holder = (game.infos[v.name].name for v in goal.arguments)
    text = f"Put the {obj} {'into' if goal.name == 'in' else 'on'} the {holder}."
    game.quests[0].desc = text
    game.objective = text
    return game


def _challenge_game(spec: StreamSpec, world: int, quest: int, path: Path) -> Any:
    """A cooking or tw-simple game: the world's map, objects and grammar seeds, the quest's own quest
    (and recipe) seed. Their generators may still move things with the quest; the rooms stay."""
    import textworld
    from textworld.challenges import CHALLENGES

    options = textworld.GameOptions()
    options.seeds = {k: int(_rng(spec.seed, world, i).randint(2**31 - 1)) for i, k in
                     enumerate(("map", "objects", "grammar"))}  # fmt: skip
    options.seeds["quest"] = int(_rng(spec.seed, world, 100 + quest).randint(2**31 - 1))
    options.path = str(path)
    if spec.family == "cooking":
        n = 1 + world % max(1, spec.recipe)
        settings = {"recipe": n, "take": n, "open": True, "cook": False, "cut": False, "drop": False,
                    "go": 6, "recipe_seed": options.seeds["quest"] % 10_000 + 1, "split": "train"}  # fmt: skip
        return CHALLENGES["tw-cooking"][1](settings, options)
    return CHALLENGES["tw-simple"][1]({"rewards": "dense", "goal": "detailed", "test": False}, options)


def _tw_make_game(spec: StreamSpec, world: int) -> Any:
    """``tw-make custom``'s game: textworld's ``make_game`` with the world's seeds and quest length."""
    import textworld
    from textworld.generator import make_game

    options = textworld.GameOptions()
    options.seeds = int(_rng(spec.seed, world, 200).randint(2**31 - 1))
    options.nb_rooms, options.nb_objects = spec.rooms, spec.objects
    longest = max(spec.max_plan, spec.min_plan)
    options.quest_length = spec.min_plan + world % (longest - spec.min_plan + 1)
    return make_game(options)


def generate(out: str | Path, spec: StreamSpec, on_game: Any = None) -> StreamReport:
    """Generate ``spec.worlds`` worlds × ``spec.quests`` distinct quests into ``out``."""
    out = Path(out)
    t0 = time.perf_counter()
    report = StreamReport()
    map_seed = 0
    for w in range(spec.worlds):
        if spec.family == "custom":
            while len(quests := _quests(spec, map_seed)) < spec.quests:
                report.skipped_worlds += 1
                map_seed += 1
            plans = quests[: spec.quests]
            map_seed += 1
        for q in range(1 if spec.family == "quest" else spec.quests):  # a tw-make game is its own world
            path = out / f"world_{w:02d}" / f"quest_{q:02d}.z8"
            path.parent.mkdir(parents=True, exist_ok=True)
            if spec.family == "custom":
                game = _custom_game(spec, map_seed - 1, plans[q])
                world_id = f"tw-custom-s{spec.seed}-m{map_seed - 1}"
            elif spec.family == "quest":
                game = _tw_make_game(spec, w)
                world_id = f"tw-quest-s{spec.seed}-w{w:02d}"
            else:
                game = _challenge_game(spec, w, q, path)
                world_id = f"tw-{spec.family}-s{spec.seed}-w{w:02d}"
            game.metadata["engram"] = {"family": f"tw-{spec.family}", "world_id": world_id, "quest": q,
                                       "settings": asdict(spec)}  # fmt: skip
            _compile(game, path)
            report.games.append(path)
            if on_game:
                on_game(path)
    report.seconds = time.perf_counter() - t0
    (out / "generation.json").write_text(
        json.dumps(
            {
                **asdict(spec),
                "games": [str(g.relative_to(out)) for g in report.games],
                "skipped_worlds": report.skipped_worlds,
                "seconds": round(report.seconds, 1),
            },
            indent=1,
        )
    )
    return report


def seed_game(seed: int, cache: str | Path | None = None) -> Path:
    """One custom quest for an env that is given a seed and no games: world ``seed`` (the first
    map seed from there with a quest), its first quest, generated once into the cache
    (``$ENGRAM_CACHE/textworld``, default ``~/.cache/engram``) and reused after."""
    import fcntl
    import os

    root = Path(cache or os.environ.get("ENGRAM_CACHE") or Path.home() / ".cache" / "engram") / "textworld"
    path = root / f"seed_{seed}" / "quest_00.z8"
    if path.exists() and path.with_suffix(".json").exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # One maker per game: two processes that both found it missing (test workers sharing the cache)
    # would each compile it and replace the files under the other's running engine.
    with open(path.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (path.exists() and path.with_suffix(".json").exists()):
            _make_seed_game(seed, path)
    return path


def _make_seed_game(seed: int, path: Path) -> None:
    import os

    spec = StreamSpec(worlds=1, quests=1, seed=seed)
    map_seed = 0
    while not (quests := _quests(spec, map_seed)):
        map_seed += 1
    game = _custom_game(spec, map_seed, quests[0])
    game.metadata["engram"] = {"family": "tw-custom", "world_id": f"tw-custom-s{seed}-m{map_seed}", "quest": 0,
                               "settings": asdict(spec)}  # fmt: skip
    tmp = path.parent / f".tmp-{os.getpid()}"
    tmp.mkdir(exist_ok=True)
    _compile(game, tmp / path.name)
    for made in sorted(tmp.iterdir(), key=lambda p: p.suffix == ".json"):  # the .json last: it says "ready"
        made.replace(path.parent / made.name)
    tmp.rmdir()


def _compile(game: Any, path: Path) -> None:
    import textworld
    from textworld.generator import compile_game

    options = textworld.GameOptions()
    options.path = str(path)
    options.force_recompile = True
    options.file_ext = path.suffix
    compile_game(game, options)
