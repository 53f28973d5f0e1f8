"""The household gap: how much of the way from the memoryless agent to the expert memory closes.

    python -m engram.experiments.household_gap --out OUT [--games DIR] [--memory none,all]
        [--max-steps 60]

Plays every game of ``--games`` (default: the 42 real ``valid_unseen`` games in
``../shared/alfworld_real/json_2.1.1``) once per memory setting, in one run per setting
(``OUT/runs/<memory>``, memory carried from game to game as in ``engram run``), with the offline
household planner; and the expert's plan of each game (ALFWorld's planner expert, FastDownward, in
the solver's subprocess, cached in ``OUT/expert.json``). The gap closed is
``(steps none - steps all) / (steps none - steps expert)``, over the mean steps per game (a failure
counting as the budget, so that a setting cannot gain by failing). Re-running with the same
``--out`` resumes the runs and reuses the expert's plans.

Writes ``OUT/gap.json`` and ``OUT/gap.md`` (overall and per task type) and prints, last,
``household_gap: none=S/N@A all=S/N@B expert=E closed=C``.
"""

from __future__ import annotations

import argparse
import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec
from engram.envs.alfworld import find_games

DEFAULT_GAMES = Path(__file__).resolve().parents[2] / "shared" / "alfworld_real" / "json_2.1.1" / "valid_unseen"


class Played(TypedDict):
    """One game played by one setting."""

    game: str
    task_type: str
    won: bool
    steps: int


class Figures(TypedDict):
    """A setting's figures over a group of games."""

    successes: int
    steps: float  # mean steps per game, a failure counting as the budget


@dataclass
class Group:
    """A group of games (all of them, or one task type): each setting's figures beside the
    expert's mean plan length, and the gap closed (when both ``none`` and ``all`` were played)."""

    games: int
    expert: float
    settings: dict[str, Figures]
    closed: float | None = None

    @property
    def measured(self) -> bool:
        """Whether there is a gap to close: both ``none`` and ``all`` were played."""
        return "none" in self.settings and "all" in self.settings

    def to_json(self) -> dict[str, int | float | Figures | None]:
        """As ``gap.json`` holds it: ``games``, ``expert``, each setting's figures under its name,
        then ``closed`` (only when :attr:`measured`)."""
        out: dict[str, int | float | Figures | None] = {"games": self.games, "expert": self.expert, **self.settings}
        if self.measured:
            out["closed"] = self.closed
        return out


def expert(games: list[Path], out: Path) -> dict[str, int]:
    """The length of the planner expert's plan per game (cached: FastDownward takes seconds a game)."""
    from engram.envs.household.solver import Solver

    cache = out / "expert.json"
    known: dict[str, int] = json.loads(cache.read_text()) if cache.exists() else {}
    missing = [g for g in games if str(g) not in known]
    if missing:
        with Solver(timeout_s=300) as solver:
            for game in missing:
                verdict = solver.check(str(game))
                if not verdict.ok:
                    raise SystemExit(f"the expert cannot solve {game}: {verdict.error}")
                known[str(game)] = len(verdict.walkthrough)
                cache.write_text(json.dumps(known, indent=1))
    return {str(g): known[str(g)] for g in games}


def play(games: list[Path], out: Path, memory: str, args: argparse.Namespace) -> list[Played]:
    run_dir = out / "runs" / memory
    run_games(RunSpec(tuple(map(str, games)), str(run_dir), memory=memory, max_steps=args.max_steps,
                      games_source=str(args.games)))  # fmt: skip
    run, rows = RunDir(run_dir), list[Played]()
    for i, episode in enumerate(sorted(run.episode_ids(), key=lambda e: int(e.lstrip("ep")))):
        result = run.episode(episode).result
        rows.append(Played(game=str(games[i]), task_type=games[i].parent.parent.name.split("-", 1)[0],
                           won=bool(result and result.success), steps=result.steps if result else 0))  # fmt: skip
    if len(rows) != len(games):
        raise SystemExit(f"{run_dir} holds {len(rows)} episodes for {len(games)} games: a run of other games?")
    return rows


def mean_steps(rows: list[Played], budget: int) -> float:
    return round(statistics.mean(r["steps"] if r["won"] else budget for r in rows), 2)


def closed(none: float, mem: float, best: float) -> float | None:
    return round((none - mem) / (none - best), 3) if none > best else None


def summarise(results: dict[str, list[Played]], plans: dict[str, int], budget: int) -> dict[str, Group]:
    types = sorted({r["task_type"] for rows in results.values() for r in rows})
    groups: dict[str, Group] = {}
    for group in ["all games", *types]:
        pick = {m: [r for r in rows if group == "all games" or r["task_type"] == group] for m, rows in results.items()}
        games = [r["game"] for r in next(iter(pick.values()))]
        row = Group(len(games), round(statistics.mean(plans[g] for g in games), 2), {
            m: Figures(successes=sum(r["won"] for r in rs), steps=mean_steps(rs, budget)) for m, rs in pick.items()
        })  # fmt: skip
        if row.measured:
            row.closed = closed(row.settings["none"]["steps"], row.settings["all"]["steps"], row.expert)
        groups[group] = row
    return groups


def markdown(groups: dict[str, Group], settings: list[str]) -> str:
    head = " | ".join(f"{m}: success | {m}: steps" for m in settings)
    out = [f"| games | n | {head} | expert steps | gap closed |", "|---" * (4 + 2 * len(settings)) + "|"]
    for group, row in groups.items():
        cells = " | ".join(f"{row.settings[m]['successes']}/{row.games} | {row.settings[m]['steps']}" for m in settings)
        out.append(f"| {group} | {row.games} | {cells} | {row.expert} | {row.closed} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--games", type=Path, default=DEFAULT_GAMES)
    ap.add_argument("--memory", default="none,all")
    ap.add_argument("--max-steps", type=int, default=60)
    args = ap.parse_args(argv)
    games = find_games(args.games) if args.games.is_dir() else []
    if not games:
        raise SystemExit(f"no ALFWorld games under {args.games}")
    args.out.mkdir(parents=True, exist_ok=True)
    settings = [m.strip() for m in args.memory.split(",") if m.strip()]
    plans = expert(games, args.out)
    results = {m: play(games, args.out, m, args) for m in settings}
    groups = summarise(results, plans, args.max_steps)
    (args.out / "gap.json").write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                                   "groups": {name: g.to_json() for name, g in groups.items()},
                                                   "episodes": results}, indent=1))  # fmt: skip
    table = markdown(groups, settings)
    (args.out / "gap.md").write_text(table)
    print(table)
    top = groups["all games"]
    parts = " ".join(f"{m}={top.settings[m]['successes']}/{top.games}@{top.settings[m]['steps']}" for m in settings)
    print(f"household_gap: {parts} expert={top.expert} closed={top.closed}")


if __name__ == "__main__":
    main()
