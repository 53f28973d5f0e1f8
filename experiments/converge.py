"""Memory that converges: generated TextWorld games, each played again and again, memory none and all.

    python -m engram.experiments.converge --out OUT [--families quest,cooking,simple] [--worlds 10]
        [--plays 5] [--max-steps 80] [--memory none,all] [--seed 0]

Families (:mod:`engram.envs.textworld_gen`):

* ``quest``: ``tw-make custom`` quests of ``--min-plan`` .. ``--max-plan`` commands (3-6), their goals
  written as steps ("First, venture east. After that, ...");
* ``cooking``: textworld's cooking challenge, recipes of 1..``--recipe`` ingredients;
* ``simple``: ``tw-simple`` (dense rewards, detailed goals).

Every game is played ``--plays`` times in a row by the generic offline planner, in one run per
family and memory setting (``OUT/runs/<family>-<memory>``): memory is carried across every game of
the run, as a user's memory would be. Re-running with the same ``--out`` resumes.

Reported per family and setting: success, steps per success, and the learning curve (mean steps
of each play index, a failure counting as the budget); for ``quest`` also the walkthrough's length
and, over plays 3.., the worst ratio of a play's steps to the shortest play any setting found and
to the walkthrough. ``OUT/converge.json`` holds every figure; ``OUT/converge.md`` the tables.

Final line per family: ``converge: family=F none=S/N@A all=S/N@B ratio=B/A``
(successes / episodes @ steps per success; ratio: all's steps per success over none's).
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

ENV_ID = "engram/TextWorld-v0"


class Play(TypedDict):
    """One episode: the game (relative to ``--out``), which play of it (from 1), how it ended."""

    game: str
    play: int
    won: bool
    steps: int


class Tally(TypedDict):
    """A memory setting's figures over a family's episodes."""

    episodes: int
    successes: int
    steps_per_success: float | None
    curve: list[float | None]  # mean steps of each play index, a failure counting as the budget


class GameConvergence(TypedDict):
    walkthrough: int
    shortest: int | None  # the shortest play any setting found (None: none won)
    all: list[int | None]  # memory all's steps, by play (None: failed)


class Convergence(TypedDict):
    worst_to_shortest: float
    worst_to_walkthrough: float
    failed_late_plays: int
    games: dict[str, GameConvergence]


@dataclass
class Family:
    """A family's figures: each setting's tally and plays, and (quest) how memory all converged."""

    tallies: dict[str, Tally]
    episodes: dict[str, list[Play]]
    convergence: Convergence | None = None

    def to_json(self) -> dict[str, Tally | Convergence | dict[str, list[Play]]]:
        """As ``converge.json`` holds it: each setting's tally under the setting's name, beside
        ``convergence`` (quest only) and ``episodes`` (setting -> its plays)."""
        out: dict[str, Tally | Convergence | dict[str, list[Play]]] = {**self.tallies}
        if self.convergence is not None:
            out["convergence"] = self.convergence
        out["episodes"] = self.episodes
        return out


def games_of(out: Path, family: str, args: argparse.Namespace) -> list[Path]:
    """The family's games, generated once into ``OUT/games/<family>`` (a re-run reuses them)."""
    from dataclasses import asdict

    from engram.envs.textworld_gen import StreamSpec, generate

    spec = StreamSpec(family=family, worlds=args.worlds, quests=1, seed=args.seed, rooms=args.rooms,
                      objects=args.objects, min_plan=args.min_plan if family == "quest" else 3,
                      max_plan=args.max_plan if family == "quest" else 0,
                      recipe=args.recipe if family == "cooking" else 1)  # fmt: skip
    where = out / "games" / family
    made = where / "generation.json"
    if made.exists():
        recorded = json.loads(made.read_text())
        differs = sorted(k for k, v in asdict(spec).items() if recorded.get(k) != v)
        if differs:
            raise SystemExit(f"{where} holds games made with other {', '.join(differs)}; use a new --out")
        return [where / g for g in recorded["games"]]
    return generate(where, spec).games


def walkthrough(game: Path) -> list[str]:
    data = json.loads(game.with_suffix(".json").read_text())
    return [str(c) for c in (data.get("metadata") or {}).get("walkthrough") or []]


def play(out: Path, family: str, memory: str, games: list[Path], args: argparse.Namespace) -> list[Play]:
    """Each game ``--plays`` times in a row; returns one row per episode (game, play, won, steps)."""
    run_dir = out / "runs" / f"{family}-{memory}"
    sequence = [g for g in games for _ in range(args.plays)]
    run_games(RunSpec(tuple(map(str, sequence)), str(run_dir), memory=memory, max_steps=args.max_steps, seed=args.seed,
                      env_id=ENV_ID, games_source=str(out / "games" / family)))  # fmt: skip
    run, rows = RunDir(run_dir), list[Play]()
    for i, episode in enumerate(sorted(run.episode_ids(), key=lambda e: int(e.lstrip("ep")))):
        result = run.episode(episode).result
        rows.append(Play(game=str(sequence[i].relative_to(out)), play=i % args.plays + 1,
                         won=bool(result and result.success), steps=result.steps if result else 0))  # fmt: skip
    return rows


def tally(rows: list[Play], budget: int, plays: int) -> Tally:
    won = [r for r in rows if r["won"]]
    curve: list[float | None] = []
    for k in range(1, plays + 1):
        at = [r["steps"] if r["won"] else budget for r in rows if r["play"] == k]
        curve.append(round(statistics.mean(at), 2) if at else None)
    return {"episodes": len(rows), "successes": len(won),
            "steps_per_success": round(statistics.mean(r["steps"] for r in won), 2) if won else None,
            "curve": curve}  # fmt: skip


def convergence(results: dict[str, list[Play]], games: list[Path], out: Path) -> Convergence:
    """Over plays 3.. of every game with memory: the worst ratio of a play's steps to the shortest
    play any setting found for that game, and to the walkthrough (a failed play counts as None)."""
    worst_best, worst_walk, failed = 0.0, 0.0, 0
    per_game: dict[str, GameConvergence] = {}
    for game in games:
        name = str(game.relative_to(out))
        found = [r["steps"] for rows in results.values() for r in rows if r["game"] == name and r["won"]]
        walk = len(walkthrough(game))
        mine = [r for r in results.get("all", []) if r["game"] == name]
        per_game[name] = {"walkthrough": walk, "shortest": min(found) if found else None,
                          "all": [r["steps"] if r["won"] else None for r in mine]}  # fmt: skip
        for r in mine:
            if r["play"] < 3:
                continue
            if not r["won"] or not found:
                failed += 1
                continue
            worst_best = max(worst_best, r["steps"] / min(found))
            worst_walk = max(worst_walk, r["steps"] / walk if walk else 0.0)
    return {"worst_to_shortest": round(worst_best, 3), "worst_to_walkthrough": round(worst_walk, 3),
            "failed_late_plays": failed, "games": per_game}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--families", default="quest,cooking,simple")
    ap.add_argument("--worlds", type=int, default=10, help="games per family (each its own world)")
    ap.add_argument("--plays", type=int, default=5)
    ap.add_argument("--max-steps", type=int, default=80)
    ap.add_argument("--memory", default="none,all")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rooms", type=int, default=4)
    ap.add_argument("--objects", type=int, default=8)
    ap.add_argument("--min-plan", type=int, default=3)
    ap.add_argument("--max-plan", type=int, default=6)
    ap.add_argument("--recipe", type=int, default=3)
    args = ap.parse_args(argv)
    settings = [m.strip() for m in args.memory.split(",") if m.strip()]
    families: dict[str, Family] = {}
    lines = []
    for family in [f.strip() for f in args.families.split(",") if f.strip()]:
        games = games_of(args.out, family, args)
        results = {m: play(args.out, family, m, games, args) for m in settings}
        tallies = {m: tally(rows, args.max_steps, args.plays) for m, rows in results.items()}
        fam = families[family] = Family(tallies, results)
        if family == "quest" and "all" in results:
            fam.convergence = convergence(results, games, args.out)
        parts = [f"{m}={tallies[m]['successes']}/{tallies[m]['episodes']}@{tallies[m]['steps_per_success']}"
                 for m in settings]  # fmt: skip
        a = tallies["none"]["steps_per_success"] if "none" in tallies else None
        b = tallies["all"]["steps_per_success"] if "all" in tallies else None
        ratio = f" ratio={b / a:.3f}" if a and b else ""
        lines.append(f"converge: family={family} {' '.join(parts)}{ratio}")
    report = {"args": {k: str(v) for k, v in vars(args).items()},
              "families": {name: fam.to_json() for name, fam in families.items()}}  # fmt: skip
    (args.out / "converge.json").write_text(json.dumps(report, indent=1))
    (args.out / "converge.md").write_text(markdown(families))
    print(markdown(families))
    for line in lines:
        print(line)


def markdown(families: dict[str, Family]) -> str:
    out = []
    for family, fam in families.items():
        out.append(f"## {family}\n\n| memory | success | steps/success | steps by play (failure = budget) |")
        out.append("|---|---|---|---|")
        for m, t in fam.tallies.items():
            out.append(f"| {m} | {t['successes']}/{t['episodes']} | {t['steps_per_success']} | "
                       f"{' '.join(str(c) for c in t['curve'])} |")  # fmt: skip
        if fam.convergence is not None:
            c = fam.convergence
            out.append(f"\nplays 3..: worst ratio to the shortest play {c['worst_to_shortest']}, to the walkthrough "
                       f"{c['worst_to_walkthrough']}, failed {c['failed_late_plays']}\n")  # fmt: skip
            out.append("| game | walkthrough | shortest | memory all, by play |\n|---|---|---|---|")
            for g, row in c["games"].items():
                out.append(f"| {g} | {row['walkthrough']} | {row['shortest']} | "
                           f"{' '.join(str(s) for s in row['all'])} |")  # fmt: skip
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
