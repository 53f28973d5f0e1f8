"""Shortcuts on repeated GUI task families: planner invocations per episode with and without them.

The first success of a family is mined into a shortcut (typed values that the utterance quotes
become placeholders); later episodes of the family start it at once and the controller runs its
steps, re-checking each against the page, without asking the planner again.

    python -m engram.experiments.gui_shortcuts --episodes 10
    python -m engram.experiments.gui_shortcuts --episodes 10 --families click

Per family: planner calls per episode with ``--memory skills`` (episodes 2..N, after the first
success) and with ``--memory none``, success for both. Final line:
``shortcuts: families=F calls_with=A calls_without=B reduction=B/A``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec

#: families whose procedure the utterance parameterises (what a shortcut can be mined from)
FAMILIES = ("login-user", "enter-password", "enter-text", "enter-text-2")
#: click-only families of two steps or more: their shortcuts click by label (``click [@ONE]``)
CLICK_FAMILIES = ("click-button-sequence", "click-checkboxes", "click-dialog-2", "click-option")


def calls(run_dir: Path) -> tuple[list[int], float]:
    run = RunDir(run_dir)
    per = [sum(1 for s in run.steps(e) if s.planner_called) for e in run.episode_ids()]
    wins = [bool(result and result.success) for result in (run.episode(e).result for e in run.episode_ids())]
    return per, sum(wins) / len(wins)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--episodes", type=int, default=10)
    ap.add_argument("--families", default=",".join(FAMILIES), help="comma list, or 'click' for CLICK_FAMILIES")
    ap.add_argument("--seed", type=int, default=500)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="engram-shortcuts-"))
    rows = []
    families = CLICK_FAMILIES if args.families == "click" else tuple(args.families.split(","))
    for family in families:
        env_id = f"engram/MiniWoB-{family}-v0"
        for memory in ("skills", "none"):
            run_games(RunSpec(("",) * args.episodes, str(out / f"{family}-{memory}"), env_id=env_id, memory=memory,
                              max_steps=10, seed=args.seed))  # fmt: skip
        with_, success_with = calls(out / f"{family}-skills")
        without, success_without = calls(out / f"{family}-none")
        rows.append((family, statistics.fmean(with_[1:]), statistics.fmean(without[1:]), success_with, success_without))
    print(f"{args.episodes} episodes per family (seeds {args.seed}..); episodes 2..N; runs in {out}")
    print("| family | planner calls/episode with shortcuts | without | success with | success without |")
    print("|---|---|---|---|---|")
    for family, a, b, sa, sb in rows:
        print(f"| {family} | {a:.2f} | {b:.2f} | {sa:.0%} | {sb:.0%} |")
    a, b = statistics.fmean(r[1] for r in rows), statistics.fmean(r[2] for r in rows)
    print(f"shortcuts: families={len(rows)} calls_with={a:.2f} calls_without={b:.2f} reduction={b / a:.2f}")


if __name__ == "__main__":
    main()
