"""Comparing runs of one task stream: a table and a learning curve, one line per memory setting.

The learning curve is what shows test-time learning (Evo-Memory): steps per task against the
task's index within its house's stream, averaged over houses. A memory that pays starts like the
memoryless agent on a house's first task and drops below it as the house becomes known.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import TypedDict

from engram.agents.records import EpisodeRecord, RunSummary
from engram.agents.rundir import RunDir, write_json


class Comparison(TypedDict):
    """One memory setting's line of a comparison (``comparison.json``)."""

    memory: str
    run_dir: str
    episodes: int
    success_rate: float
    steps_per_success: float | None
    curve: list[float]  # mean steps at each task index within a house (:func:`_curve`)
    speedup_vs_first: float | None  # the first setting's steps per success over this one's


def slug(setting: str) -> str:
    return setting.replace(",", "+") or "none"


def _curve(episodes: list[EpisodeRecord]) -> list[float]:
    """Mean steps at each task index within a house (failures count the steps they used)."""
    seen: dict[str, int] = {}
    by_index: dict[int, list[int]] = {}
    for ep in episodes:
        i = seen[ep.world_id] = seen.get(ep.world_id, -1) + 1
        by_index.setdefault(i, []).append(ep.result.steps if ep.result else 0)
    return [statistics.fmean(by_index[i]) for i in sorted(by_index)]


def compare(runs: dict[str, Path]) -> list[Comparison]:
    """One row per setting: success, steps per success, and the ratio to the first setting's steps."""
    rows: list[Comparison] = []
    for label, path in runs.items():
        run = RunDir(path)
        eps = [e for e in (run.episode(i) for i in run.episode_ids()) if e.result]
        s = RunSummary.of(eps)
        rows.append(
            Comparison(
                memory=label,
                run_dir=str(path),
                episodes=s.episodes_total,
                success_rate=s.success_rate,
                steps_per_success=s.steps_per_success,
                curve=_curve(eps),
                speedup_vs_first=None,  # once the first setting's is known
            )
        )
    base = rows[0]["steps_per_success"] if rows else None
    for row in rows:
        sps = row["steps_per_success"]
        row["speedup_vs_first"] = round(base / sps, 3) if base and sps else None
    return rows


def to_markdown(rows: list[Comparison]) -> str:
    lines = [
        "| memory | episodes | success | steps per success | first ÷ this |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        sps = "-" if r["steps_per_success"] is None else f"{r['steps_per_success']:.2f}"
        ratio = "-" if r["speedup_vs_first"] is None else f"{r['speedup_vs_first']:.2f}×"
        lines.append(f"| {r['memory']} | {r['episodes']} | {r['success_rate']:.1%} | {sps} | {ratio} |")
    return "\n".join(lines) + "\n"


def plot(rows: list[Comparison], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")  # no display here, and none needed
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2))
    for r in rows:
        xs = list(range(1, len(r["curve"]) + 1))
        ax.plot(xs, r["curve"], marker="o", label=f"{r['memory']} ({r['steps_per_success'] or 0:.1f} steps/success)")
    ax.set_xlabel("task index within the house's stream")
    ax.set_ylabel("steps per task (mean over houses)")
    ax.set_title("Learning curve: steps per task as memory accumulates")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_comparison(out: Path, runs: dict[str, Path]) -> tuple[list[Comparison], Path]:
    """``out/comparison.md``, ``out/comparison.json`` and ``out/learning_curve.png``."""
    rows = compare(runs)
    out.mkdir(parents=True, exist_ok=True)
    (out / "comparison.md").write_text(to_markdown(rows))
    write_json(out / "comparison.json", rows)
    return rows, plot(rows, out / "learning_curve.png")
