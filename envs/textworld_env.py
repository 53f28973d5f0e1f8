"""TextWorld games (``tw-make`` custom quests, ``tw-simple``, cooking) as an engram environment.

One compiled game (``.z8`` / ``.ulx`` with textworld's ``.json`` beside it) per episode, played by
textworld's own engine. What the agent gets:

* ``text``: the engine's feedback without the title banner and without the status line (it carries
  a move counter, which differs between processes and would break replay and exact-text memory);
* ``facts``: textworld's state, cut down to what the player can perceive: the room it stands in,
  what is in it, what lies in open containers and on supporters there, the inventory, and the
  open / closed and locked / unlocked state of the containers and doors in view. Never the rest of the world:
  where things are elsewhere is exactly what memory is for;
* ``admissible``: textworld's admissible commands, which change every step;
* ``info``: the :class:`~engram.envs.core.Goal` (the objective; its targets are the game's entity
  names the objective mentions), the world id (games of one persistent world share it), won / lost
  from the engine and each step's :class:`~engram.envs.core.Outcome` from the engine's state:
  changed is progress, unchanged after looking is no effect, unchanged otherwise is a failure.

Game files made by :mod:`engram.envs.textworld_gen` carry ``metadata["engram"]`` (family, world,
quest index) in their ``.json``; any other textworld game plays too, as a world of its own.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, TypedDict

import gymnasium as gym

from engram.envs.core import ActionSpace, Fact, Goal, GoalJSON, Observation, ObservationSpace, Outcome, StepInfo
from engram.envs.textworld_gen import StreamSettings

#: textworld's one-letter entity types -> engram categories
CATEGORIES = {"r": "place", "d": "door", "c": "receptacle", "s": "receptacle", "o": "object", "k": "object",
              "f": "object", "oven": "receptacle", "stove": "receptacle", "meal": "object"}  # fmt: skip
GAME_SUFFIXES = (".z8", ".ulx")
_LOOKING = ("look", "examine", "inventory", "read")
_BANNER = re.compile(r"^[\s$_|\\/<>()=-]*$")


#: the longest command Jericho takes whole (it cuts the rest off, with a warning)
MAX_COMMAND_BYTES = 190


def typeable(action: str) -> tuple[str, str]:
    """``(command, "")``: the command as the z-machine is given it (whitespace runs made one space), or
    ``("", why)`` when it must not be given at all.

    Why: Jericho's frotz runs in this process and trusts its input. Measured on textworld games:
    random printable strings (tabs, form feeds, newlines inside a command) crashed the process with
    a segfault in 5 of 6 runs of 200 commands, and a backslash (frotz's escape for its own
    ``\\help`` commands) made it wait for input forever. A model, a fuzzer or gymnasium's
    ``check_env`` (which steps with ``action_space.sample()``) all send such strings. Printable
    ASCII without a backslash, up to ``MAX_COMMAND_BYTES``: 1,796 random commands with no fault."""
    command = " ".join(action.split())
    if not command:
        return "", "it is empty"
    bad = sorted({c for c in command if not (" " <= c <= "~") or c == "\\"})
    if bad:
        return "", f"it has characters a text game cannot take ({', '.join(repr(c) for c in bad[:5])})"
    if len(command) > MAX_COMMAND_BYTES:
        return "", f"it is longer than {MAX_COMMAND_BYTES} characters"
    return command, ""


class GameInfo(TypedDict):
    """:func:`game_info`: engram's metadata of a game."""

    family: str  # the task type of its episodes
    world_id: str
    quest: int | None  # its index in its world's stream (None: not made by engram)
    settings: StreamSettings  # what it was generated with ({} when not made by engram)


class TextWorldInfo(StepInfo, total=False):
    """The ``info`` of a reset or step: engram's :class:`StepInfo` and what TextWorld adds."""

    game: str  # the game file played
    score: int  # the engine's score so far


class TextWorldGameError(ValueError):
    """A path that is not a playable textworld game, with what is wrong."""


def is_textworld_game(path: str | Path) -> bool:
    return Path(path).suffix in GAME_SUFFIXES


def holds_textworld_games(source: str | Path) -> bool:
    """``source`` is a textworld game, or a folder with one somewhere under it."""
    source = Path(source)
    if source.is_file():
        return is_textworld_game(source)
    return source.is_dir() and any(p.suffix in GAME_SUFFIXES for p in source.rglob("*"))


def find_games(source: str | Path) -> list[Path]:
    """Every textworld game under ``source`` (a game file or a folder), in path order: a stream's
    ``world_XX/quest_YY`` files come out world by world, quest by quest."""
    source = Path(source)
    if source.is_file():
        if not is_textworld_game(source):
            raise TextWorldGameError(f"{source} is not a textworld game (expected {' or '.join(GAME_SUFFIXES)})")
        return [source]
    if not source.is_dir():
        raise TextWorldGameError(f"no such game file or folder: {source}")
    games = sorted(p for p in source.rglob("*") if p.suffix in GAME_SUFFIXES)
    if not games:
        raise TextWorldGameError(f"no textworld games ({', '.join(GAME_SUFFIXES)}) under {source}")
    return games


def game_info(game: str | Path) -> GameInfo:
    """engram's metadata of a game (family, world id, quest index), from the ``.json`` beside it."""
    sidecar = Path(game).with_suffix(".json")
    try:
        data = json.loads(sidecar.read_text())
    except (OSError, ValueError) as exc:
        raise TextWorldGameError(
            f"{game}: textworld's game description {sidecar.name} is missing or unreadable"
        ) from exc
    meta = (data.get("metadata") or {}).get("engram") or {}
    return {"family": str(meta.get("family", "tw-game")), "world_id": str(meta.get("world_id", Path(game).stem)),
            "quest": meta.get("quest"), "settings": meta.get("settings", {})}  # fmt: skip


def clean_text(text: str) -> str:
    """Feedback without the title banner, the prompt and the status line after it."""
    text = text.split("\n>", 1)[0] if "\n>" in text else text
    lines = [ln.rstrip() for ln in text.splitlines()]
    while lines and _BANNER.match(lines[0]):
        lines.pop(0)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def perceived(props: list[Any]) -> list[Fact]:
    """The facts the player can perceive, from textworld's full state (sorted: the engine's fact
    order differs between processes)."""
    args = [(p.name, [v.name for v in p.arguments], [v.type for v in p.arguments]) for p in props]
    kind: dict[str, str] = {}
    for _, names, types in args:
        kind.update(zip(names, types, strict=True))
    here = next((n[1] for r, n, _ in args if r == "at" and n[0] == "P"), "")
    in_room = {n[0] for r, n, _ in args if r == "at" and n[1] == here and n[0] != "P"}
    in_room |= {n[1] for r, n, _ in args if r == "link" and n[0] == here}  # doors out of here
    opened = {n[0] for r, n, _ in args if r == "open"}
    holder = {n[0]: (r, n[1]) for r, n, _ in args if r in ("in", "on") and len(n) == 2}
    inventory = sorted(o for o, (_, h) in holder.items() if h == "I")

    def visible(x: str, depth: int = 0) -> bool:
        if x in in_room or x in inventory:
            return True
        if x not in holder or depth > 5:
            return False
        rel, h = holder[x]
        return (rel == "on" or h in opened) and visible(h, depth + 1)

    facts: set[Fact] = {Fact("agent", "at", here)} if here else set()
    seen = {x for x in kind if x not in ("P", "I") and kind[x] != "r" and visible(x)}
    for x in seen:
        facts.add(Fact(x, "category", CATEGORIES.get(kind[x], "object")))
        if x in in_room:
            facts.add(Fact(x, "at", here))
        if x in holder and holder[x][1] != "I":
            facts.add(Fact(x, holder[x][0], holder[x][1]))
        if kind[x] in ("c", "d"):
            facts.add(Fact(x, "open", None, x in opened))
        if (kind[x] == "s" or (kind[x] == "c" and x in opened)) and x not in inventory:
            facts.add(Fact(x, "searched"))
    facts |= {Fact("agent", "holds", o) for o in inventory}
    # Locked or not, for every container and door in view: a snapshot that only says "locked" never
    # says "unlocked", and memory folding it would keep the lock after the key turned.
    locked = {n[0] for r, n, _ in args if r == "locked"}
    facts |= {Fact(x, "locked", None, x in locked) for x in seen if kind[x] in ("c", "d")}
    if here:
        facts |= {Fact(here, "category", "place"), Fact(here, "searched")}
    return sorted(facts, key=lambda f: (f.subject, f.relation, f.object or "", f.value))


def things(props: list[Any]) -> list[str]:
    """The names of the objects and containers in textworld's full state: what a goal can be about.
    textworld's ``entities`` also lists rooms, doors and exit directions, and an objective written as
    steps ("venture south ... take a trip east ...") would make ``south`` a goal target that memory
    then searches holders for."""
    kinds: dict[str, str] = {}
    for p in props:
        for v in p.arguments:
            kinds[v.name] = v.type
    return sorted(n for n, k in kinds.items() if CATEGORIES.get(k, "object") in ("object", "receptacle")
                  and k not in ("P", "I", "r", "d"))  # fmt: skip


def targets_in(objective: str, names: list[str]) -> tuple[str, ...]:
    """The entity names an objective mentions, longest first, none inside another's match."""
    text, found = objective.lower(), []
    for name in sorted({n for n in names if n}, key=lambda n: (-len(n), n)):
        m = re.search(rf"\b{re.escape(name.lower())}\b", text)
        if m:
            found.append((m.start(), name))
            text = text[: m.start()] + " " * len(name) + text[m.end() :]
    return tuple(n for _, n in sorted(found))


class TextWorldEnv(gym.Env[Observation, str]):
    """One textworld game per episode; ``reset(options={"game": path})`` picks which, else
    ``reset(seed=k)`` plays game ``k mod len(games)``, or with no games a quest generated from the
    seed (so ``engram run --env engram/TextWorld-v0 --episodes N`` and the checker work as is)."""

    metadata = {"render_modes": ["ansi"], "engram_games": "engram.envs.textworld_env:find_games"}  # noqa: RUF012

    def __init__(self, games: list[str | Path] | None = None, render_mode: str | None = None) -> None:
        self.games = [Path(g) for g in games or []]
        self.render_mode = render_mode
        self.observation_space = ObservationSpace()
        self.action_space = ActionSpace()
        self._env: Any = None
        self._loaded: Path | None = None
        self._state: Any = None
        self._fact_keys: frozenset[str] = frozenset()
        self._goal: GoalJSON = {}
        self._world = ""
        self._last: Observation | None = None

    # reset's options and the infos are typed as gymnasium.Env types them (an override may not narrow
    # them); what they hold is ``{"game": path}`` and :class:`TextWorldInfo`.
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Observation, dict[str, Any]]:
        super().reset(seed=seed)
        game: str | Path | None = (options or {}).get("game")
        if game is None and self.games:
            game = self.games[(seed or 0) % len(self.games)]
        elif game is None:  # no games given: the seed makes one (generated once, then cached)
            from engram.envs.textworld_gen import seed_game

            game = seed_game(seed or 0)
        path = Path(game)
        if not is_textworld_game(path) or not path.is_file():
            raise TextWorldGameError(f"{path} is not a textworld game file ({' or '.join(GAME_SUFFIXES)})")
        meta = game_info(path)
        self._open(path)
        self._state = self._env.reset()
        self._fact_keys = frozenset(str(p) for p in self._state["facts"])
        objective = str(self._state.get("objective") or "")
        names = things(list(self._state["facts"]))
        self._goal = Goal(objective, meta["family"], targets_in(objective, names),
                          {"quest": meta["quest"]}).to_json()  # fmt: skip
        self._world = meta["world_id"]
        obs = self._observation(self._state, Outcome.PROGRESS)
        return obs, copy.deepcopy(obs.info)

    def step(self, action: str) -> tuple[Observation, float, bool, bool, dict[str, Any]]:
        if self._state is None:
            raise RuntimeError("step() before reset()")
        score = int(self._state.get("score") or 0)
        typed, problem = typeable(action)
        if problem:  # never reaches the engine: the state is unchanged and the step says why
            obs = self._observation(self._state, Outcome.FAILURE, text=f"The game cannot take this command: {problem}.")
            return obs, 0.0, False, False, copy.deepcopy(obs.info)
        state, _, done = self._env.step(typed)
        self._state = state
        # The engine's state, stringified once per step: the outcome compares it with the last one.
        before, self._fact_keys = self._fact_keys, frozenset(str(p) for p in state["facts"])
        if self._fact_keys != before:
            outcome = Outcome.PROGRESS
        elif typed.split(" ", 1)[0] in _LOOKING:
            outcome = Outcome.NO_EFFECT
        else:
            outcome = Outcome.FAILURE
        obs = self._observation(state, outcome)
        reward = float(int(state.get("score") or 0) - score)
        return obs, reward, bool(done), False, copy.deepcopy(obs.info)

    def _open(self, path: Path) -> None:
        import textworld

        if self._loaded == path and self._env is not None:
            return
        self.close()
        infos = textworld.EnvInfos(facts=True, admissible_commands=True, won=True, lost=True, objective=True,
                                   score=True)  # fmt: skip
        self._env = textworld.start(str(path), request_infos=infos)
        self._loaded = path

    def _observation(self, state: Any, outcome: Outcome, text: str | None = None) -> Observation:
        info: TextWorldInfo = {"goal": self._goal, "world_id": self._world, "won": bool(state.get("won")),
                               "lost": bool(state.get("lost")), "outcome": str(outcome), "game": str(self._loaded),
                               "score": int(state.get("score") or 0)}  # fmt: skip
        admissible = sorted(str(c) for c in state.get("admissible_commands") or [])
        text = text if text is not None else clean_text(str(state.get("feedback") or ""))
        self._last = Observation(text, perceived(list(state["facts"])),
                                 admissible, info=dict(info))  # fmt: skip
        return self._last

    def render(self) -> str | None:
        return self._last.text if self._last is not None else None

    def close(self) -> None:
        if self._env is not None:
            self._env.close()
        self._env, self._loaded = None, None
