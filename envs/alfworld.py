"""``engram/ALFWorld-v0``: the real ALFWorld engine (TextWorld + FastDownward) as an engram env.

The engine runs through ``textworld.gym`` with alfworld's own demangler and infos wrappers, exactly
as ALFWorld does, so generated households, persistent-house streams and a real ALFWorld data
directory all load the same way. This adapter only translates: feedback text -> facts, task
sentence -> structured goal, and the two grammars ALFWorld game files come in (2.1.2, which
alfworld 0.4 plays, and the older 2.1.1: "You arrive at loc 29.", ``put X in/on Y``), so that
everything past the adapter sees one dialect. A game in any other grammar is refused by name.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any, TypedDict

import gymnasium as gym

from engram.envs.alfworld_text import (
    GRAMMAR_2_1_1,
    ParsedGoal,
    grammar_version,
    intro_facts,
    parse_facts,
    parse_goal,
    relation_for,
    task_text,
    to_canonical,
    upgrade_feedback,
)
from engram.envs.core import ActionSpace, Fact, Goal, GoalJSON, Observation, ObservationSpace, Outcome, StepInfo

GAME_FILE = "game.tw-pddl"


class GameMeta(TypedDict):
    """:func:`game_meta`: what a game's ``traj_data.json`` says about it."""

    task_type: str
    house_id: str


class ALFWorldInfo(StepInfo, total=False):
    """The ``info`` of a reset or step: engram's :class:`StepInfo` and what ALFWorld adds."""

    game: str  # the game file played
    grammar: str  # its grammar version (GRAMMAR_2_1_2 or GRAMMAR_2_1_1)
    step: int  # steps taken this episode
    expert_plan: list[str]  # with ``expert``: alfworld's expert plan from here, canonical commands


#: The infos the engine returns, as :meth:`ALFWorldEnv._open` requests them (``textworld.EnvInfos``).
EngineInfos = TypedDict(
    "EngineInfos",
    {
        "facts": list[Any],  # textworld Propositions: the engine's full state
        "admissible_commands": list[str],
        "won": bool,
        "extra.gamefile": str,
        "extra.expert_plan": list[str],
    },
    total=False,
)


class GameLoadError(ValueError):
    """A games path that holds no playable game, or a game file that is not one."""


def find_games(path: str | Path) -> list[Path]:
    """Every playable game under ``path``, in a stable order.

    ``path`` may be one game file, a task folder, a generated output folder, a stream folder (its
    ``stream.json`` gives the order) or a real ALFWorld data directory. Games marked
    ``solvable: false`` are skipped, as ALFWorld's own loader does; a game whose grammar engram cannot
    read is refused here, before any episode runs (``GameLoadError`` naming the file and the fix).
    """
    root = Path(path)
    if root.is_file():
        read_game(root)
        return [root]
    if not root.is_dir():
        raise GameLoadError(f"no such games path: {root}")
    streams = sorted(root.glob("stream.json")) or sorted(root.glob("*/stream.json"))
    games: list[Path] = []
    if streams:
        for manifest in streams:
            try:
                tasks = json.loads(manifest.read_text())["tasks"]
                listed = [manifest.parent / t["game"] for t in tasks]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise GameLoadError(f"{manifest} is not a readable stream manifest: {exc!r}") from exc
            for game in listed:
                read_game(game)  # a damaged game is named now, not by the engine mid-run
            games += listed
        return games
    for game in sorted(root.rglob(GAME_FILE)):
        if (game.parent / "traj_data.json").exists() and read_game(game).get("solvable") is not False:
            games.append(game)
    if not games:
        raise GameLoadError(f"no {GAME_FILE} games with a traj_data.json under {root}")
    return games


def read_game(game: str | Path) -> dict[str, Any]:  # any JSON object: only what is checked here is known
    """A game file's JSON plus ``grammar_version``; ``GameLoadError`` says what is wrong with it."""
    try:
        data = json.loads(Path(game).read_text())
    except (OSError, ValueError) as exc:
        raise GameLoadError(f"{game} is not a readable game file: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("grammar"), str):
        raise GameLoadError(f"{game} is not an ALFWorld game file (no grammar)")
    try:
        data["grammar_version"] = grammar_version(data["grammar"])
    except ValueError as exc:
        raise GameLoadError(f"{game}: {exc}") from exc
    problem = pddl_problem_fault(data.get("pddl_problem"))
    if problem:
        raise GameLoadError(f"{game}: its pddl_problem {problem}")
    return data


def pddl_problem_fault(text: Any) -> str | None:
    """What makes ``text`` no PDDL problem, by its shape alone (None: nothing found): a
    ``(define (problem`` head and balanced parentheses that close at its end.

    Why a check of our own: the engine's parser reports a cut-off problem as a 300-line traceback
    that names no file, and FastDownward, handed malformed PDDL in-process, kills the process; so
    no game goes to either before this says it has the shape of one."""
    if not isinstance(text, str) or not text.strip():
        return "is missing or empty"
    body = "\n".join(line.split(";", 1)[0] for line in text.splitlines())  # without comments
    if not re.match(r"\s*\(\s*define\s*\(\s*problem\b", body, flags=re.I):
        return "does not begin with (define (problem ...)"
    depth = 0
    for i, char in enumerate(body):
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return f"closes a parenthesis it never opened (character {i})"
        if depth == 0 and char == ")" and body[i + 1 :].strip():
            return f"goes on after its closing parenthesis (character {i})"
    if depth:
        return f"is cut off: {depth} parenthes{'is' if depth == 1 else 'es'} left open"
    return None


def game_meta(game: str | Path) -> GameMeta:
    """Task type and house of a game, from its ``traj_data.json``."""
    traj_path = Path(game).parent / "traj_data.json"
    traj = json.loads(traj_path.read_text()) if traj_path.exists() else {}
    extra = traj.get("engram", {})
    return {
        "task_type": str(traj.get("task_type", "unknown")),
        "house_id": str(extra.get("house_id", traj.get("scene", {}).get("floor_plan", ""))),
    }


#: the engine's answer to a command whose preconditions fail
NOTHING_HAPPENS = "Nothing happens."


def alfworld_goal(parsed: ParsedGoal, task_type: str = "") -> GoalJSON:
    """ALFWorld's parsed task sentence as a :class:`Goal`: the object (and lamp) are the targets,
    the rest are slots for ALFWorld's own planner and rules
    (:class:`~engram.envs.household.symbolic.HouseholdGoal` is how they read it)."""
    targets = tuple(t for t in (parsed["object"], parsed["toggle"]) if t)
    slots = {"object": parsed["object"], "receptacle": parsed["receptacle"], "toggle": parsed["toggle"],
             "count": parsed["count"]}  # fmt: skip
    kind = parsed["task_type"] if parsed["task_type"] != "unknown" else (task_type or "unknown")
    return Goal(parsed["text"], kind, targets, slots).to_json()


def _bundled_stream() -> Path:
    from importlib import resources

    return Path(str(resources.files("engram.envs.household") / "default_stream"))


class ALFWorldEnv(gym.Env[Observation, str]):
    """One ALFWorld game per episode; ``reset(options={"game": path})`` picks which.

    Without that option, ``reset(seed=k)`` plays game ``k mod len(games)`` (the same seed, the same
    episode, as gymnasium's checker requires) and a reset without a seed plays the game after the
    previous one. ``games`` defaults to the stream bundled with engram. ``expert`` adds alfworld's expert
    plan to ``info["expert_plan"]`` (``"handcoded"`` or ``"planner"``).
    """

    metadata = {  # noqa: RUF012 - gymnasium's convention
        "render_modes": ["ansi"],
        "engram_planner": "household",
        "engram_games": "engram.envs.alfworld:find_games",
        "engram_domain": "engram.envs.household.domain:HOUSEHOLD",
    }

    def __init__(
        self,
        games: str | Path | list[str] | None = None,
        max_steps: int | None = None,
        expert: str | None = None,
        render_mode: str | None = None,
    ) -> None:
        if isinstance(games, list):
            self.games = [Path(g) for g in games]
        else:
            self.games = find_games(games if games is not None else _bundled_stream())
        self.max_steps = max_steps
        self.expert = expert
        self.render_mode = render_mode
        self.observation_space = ObservationSpace()
        self.action_space = ActionSpace()
        self._next = 0
        self._tw: Any = None
        self._game: Path | None = None
        self._grammar = ""
        self._to_engine: dict[str, str] = {}
        self._goal: GoalJSON = {}
        self._world = ""
        self._steps = 0
        self._last: Observation | None = None
        self._facts: list[Any] = []
        self._fact_keys: frozenset[str] = frozenset()

    # -- gymnasium API -----------------------------------------------------------------------
    # reset's options and the infos are typed as gymnasium.Env types them (an override may not narrow
    # them); what they hold is ``{"game": path}`` and :class:`ALFWorldInfo`.
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Observation, dict[str, Any]]:
        super().reset(seed=seed)
        game: str | Path | None = (options or {}).get("game")
        if game is None:
            if not self.games:
                raise GameLoadError("no games: pass games= to the env or options={'game': path} to reset")
            if seed is not None:
                self._next = seed  # an unseeded reset then continues from here, reproducibly
            game = self.games[self._next % len(self.games)]
            self._next += 1
        self._game = Path(game)
        if not self._game.is_file():
            raise GameLoadError(f"no such game file: {self._game}")
        self._open(self._game)
        obs_text, infos = self._tw.reset()
        self._steps = 0
        meta = game_meta(self._game)
        self._goal = alfworld_goal(parse_goal(task_text(obs_text)), meta["task_type"])
        self._world = meta["house_id"]
        self._fact_keys = frozenset(str(p) for p in infos.get("facts") or [])
        obs = self._observation(obs_text, infos, intro_facts(obs_text), Outcome.PROGRESS)
        return obs, copy.deepcopy(obs.info)  # the caller may keep it: never share objects

    def step(self, action: str) -> tuple[Observation, float, bool, bool, dict[str, Any]]:
        if self._tw is None:
            raise RuntimeError("step() before reset()")
        command = self._to_engine.get(to_canonical(action), action.strip())
        obs_text, _score, _done, infos = self._tw.step(command)
        if self._grammar == GRAMMAR_2_1_1:
            obs_text = upgrade_feedback(obs_text, command)
        self._steps += 1
        # The engine's state, stringified once per step: the outcome compares it with the last one.
        before, self._fact_keys = self._fact_keys, frozenset(str(p) for p in infos.get("facts") or [])
        if obs_text.strip() == NOTHING_HAPPENS:
            outcome = Outcome.FAILURE
        elif self._fact_keys != before:
            outcome = Outcome.PROGRESS
        else:
            outcome = Outcome.NO_EFFECT
        obs = self._observation(obs_text, infos, parse_facts(obs_text), outcome)
        won = bool(infos.get("won", False))
        truncated = bool(self.max_steps is not None and self._steps >= self.max_steps and not won)
        return obs, 1.0 if won else 0.0, won, truncated, copy.deepcopy(obs.info)

    def ground_truth(self) -> list[Fact]:
        """The engine's true state now, in engram's vocabulary (for measuring memory accuracy).

        Only what an observer could know is translated: object locations, open receptacles, hot,
        cold, clean, lamps on, the held object.
        """
        # isToggled, not isOn: the feedback ("You turn on ...") and the goal both read isToggled, while
        # the engine leaves isOn false after a use (both of the domain's conditional effects fire).
        rename = {"opened": "open", "ishot": "hot", "iscool": "cold", "isclean": "clean", "istoggled": "on"}
        out: list[Fact] = []
        for prop in self._facts:
            name, args = prop.name.lower(), [v.name.strip() for v in prop.arguments]
            if name == "inreceptacle":
                out.append(Fact(args[0], relation_for(args[1]), args[1]))
            elif name == "holds":
                out.append(Fact("agent", "holds", args[1]))
            elif name in rename:
                out.append(Fact(args[0], rename[name]))
        return out

    def engine_step(self, action: str) -> Any:
        """Step the wrapped textworld env directly, bypassing this adapter (for overhead benchmarks)."""
        if self._tw is None:
            raise RuntimeError("engine_step() before reset()")
        return self._tw.step(self._to_engine.get(to_canonical(action), action.strip()))

    def render(self) -> str | None:
        return self._last.text if self._last is not None else None

    def close(self) -> None:
        if self._tw is not None:
            self._tw.close()
            self._tw = None

    # -- internals -----------------------------------------------------------------------------
    def _open(self, game: Path) -> None:
        import textworld
        import textworld.gym
        from alfworld.agents.environment.alfred_tw_env import AlfredDemangler, AlfredExpert, AlfredInfos

        from engram.envs import tw_speedup

        tw_speedup.install()
        self.close()
        self._grammar = read_game(game)["grammar_version"]
        extras = ["gamefile"] + (["expert_plan"] if self.expert else [])
        infos = textworld.EnvInfos(admissible_commands=True, won=True, facts=True, extras=extras)
        wrappers: list[Any] = [AlfredDemangler, AlfredInfos]
        if self.expert:
            # AlfredTWEnv passes expert_type positionally, which makes it always "handcoded".
            wrappers.append(functools.partial(AlfredExpert, expert_type=self.expert))
        self._tw = textworld.gym.envs.TextworldGymEnv([str(game)], infos, max_episode_steps=None, wrappers=wrappers)

    def _observation(self, text: str, infos: EngineInfos, facts: list[Any], outcome: Outcome) -> Observation:
        self._facts = list(infos.get("facts") or [])
        engine_cmds = list(infos.get("admissible_commands") or [])
        self._to_engine = {to_canonical(c): c for c in engine_cmds}
        info: ALFWorldInfo = {
            "won": bool(infos.get("won", False)),
            "goal": self._goal,
            "world_id": self._world,
            "outcome": str(outcome),
            "game": str(self._game),
            "grammar": self._grammar,
            "step": self._steps,
        }
        if self.expert:
            info["expert_plan"] = [to_canonical(c) for c in infos.get("extra.expert_plan") or []]
        obs = Observation(text=text.strip(), facts=facts, admissible=sorted(self._to_engine), info=dict(info))
        self._last = obs
        return obs
