"""What ``engram view`` reads from run directories: lazily, and only what a page needs.

A run of 1,000 episodes x 60 steps is hundreds of megabytes of ``steps.jsonl``; the viewer never
reads a step file until an episode or a step is opened, and then only that episode's. The run's
episode table comes from ``summary.json`` when it is newer than every ``episode.json`` (one
``stat`` per episode, no parsing), else from the ``episode.json`` files that changed since they
were last read. Everything is keyed by modification time and size, so a live run (``--live``)
shows new steps and episodes on the next request, and a finished one costs nothing to re-read.

Read-only: nothing here opens a file for writing.
"""

from __future__ import annotations

import json
import os
import statistics
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engram.memory.graphview import GraphView, apply_delta, empty_view
from engram.tools.trajectory import RunDir, summarize_rows, summary_row, world_of


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def task_key(row: dict[str, Any]) -> tuple[str, Any]:
    """What makes two runs' episodes the same task: the game file, or for envs that generate their
    tasks, the seed (as ``engram run --env ID --seed S`` numbers them)."""
    return (str(row.get("game") or ""), row.get("seed") if not row.get("game") else None)


@dataclass
class Step:
    """One step with what the step page shows beside the record."""

    episode: dict[str, Any]  # its episode.json
    count: int  # steps the episode has recorded
    record: dict[str, Any]
    previous_facts: list[Any]  # the observation the action was taken from
    graphs: dict[str, tuple[GraphView, dict[str, Any]]]  # module -> (graph at this step, this step's delta)


class RunView:
    """One run directory, read on demand."""

    def __init__(self, path: Path, label: str) -> None:
        self.path, self.label = path, label
        self.run = RunDir(path)
        self._rows: dict[str, tuple[tuple[int, int] | None, dict[str, Any]]] = {}
        self._summary: tuple[tuple[int, int] | None, dict[str, dict[str, Any]]] = (None, {})
        self._steps: OrderedDict[str, tuple[tuple[int, int] | None, list[dict[str, Any]]]] = OrderedDict()
        self._manifest: tuple[tuple[int, int] | None, dict[str, Any]] = (None, {})

    # -- run level --------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any]:
        stamp = _stamp(self.run.manifest_path)
        if stamp != self._manifest[0]:
            self._manifest = (stamp, self.run.manifest())
        return self._manifest[1]

    def _summary_rows(self) -> dict[str, dict[str, Any]]:
        stamp = _stamp(self.run.summary_path)
        if stamp != self._summary[0]:
            try:
                rows = json.loads(self.run.summary_path.read_text())["episodes"]
                self._summary = (stamp, {r["id"]: r for r in rows})
            except (OSError, ValueError, KeyError, TypeError):
                self._summary = (stamp, {})
        return self._summary[1]

    def rows(self) -> list[dict[str, Any]]:
        """Every episode's row, in id order: the summary's fields plus ``status``."""
        root = self.path / "episodes"
        if not root.is_dir():
            return []
        summary, summary_ns = self._summary_rows(), (self._summary[0] or (0, 0))[0]
        out = []
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            stamp = _stamp(Path(entry.path) / "episode.json")
            if stamp is None:
                continue
            cached = self._rows.get(entry.name)
            if cached is None or cached[0] != stamp:
                row = summary.get(entry.name) if stamp[0] <= summary_ns else None
                if row is not None and "seed" in row:  # summaries before seeds were kept are re-read
                    row = {**row, "status": _status(row)}
                else:
                    row = _read_row(Path(entry.path) / "episode.json", entry.name)
                    if row is None:
                        continue  # gone this instant (writes are atomic renames, never half files)
                cached = (stamp, row)
                self._rows[entry.name] = cached
            out.append(cached[1])
        return out

    def summary(self, rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """The run's summary, from ``rows`` when the caller already has them."""
        return summarize_rows(finished(self.rows() if rows is None else rows))

    def progress(self) -> dict[str, Any] | None:
        try:
            return dict(json.loads((self.path / "progress.json").read_text()))
        except (OSError, ValueError):
            return None

    def stamp(self) -> str:
        """Changes whenever anything a page shows may have changed (what ``--live`` polls)."""
        parts = [_stamp(self.run.summary_path), _stamp(self.path / "progress.json"), _stamp(self.path / "episodes")]
        for name in (r["id"] for r in self.rows() if r["status"] == "unfinished"):
            parts.append(_stamp(self.run.steps_path(name)))
        return str(hash(tuple(parts)))

    # -- episode level ----------------------------------------------------------------------
    def episode(self, episode_id: str) -> dict[str, Any]:
        return self.run.episode(episode_id)

    def steps(self, episode_id: str) -> list[dict[str, Any]]:
        """The episode's step records; parsed once per change of the file (a few episodes kept)."""
        stamp = _stamp(self.run.steps_path(episode_id))
        cached = self._steps.get(episode_id)
        if cached is None or cached[0] != stamp:
            cached = (stamp, self.run.steps(episode_id))
            self._steps[episode_id] = cached
            # Two episodes: the one being paged through and the one it is compared with. Parsed
            # records are many small objects; keeping more makes the interpreter's full garbage
            # collections (which scan every live object) pause a request for 100 ms and more.
            while len(self._steps) > 2:
                self._steps.popitem(last=False)
        self._steps.move_to_end(episode_id)
        return cached[1]

    def step(self, episode_id: str, t: int) -> Step | None:
        steps = self.steps(episode_id)
        if not 0 <= t < len(steps):
            return None
        episode = self.episode(episode_id)
        previous = steps[t - 1]["observation"]["facts"] if t else episode["initial_observation"]["facts"]
        return Step(episode, len(steps), steps[t], previous, graphs_at(steps, t))


def finished(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows a summary counts: not unfinished, and readable."""
    return [r for r in rows if r["status"] not in ("unfinished", "unreadable")]


def _read_row(path: Path, name: str) -> dict[str, Any] | None:
    """An episode's row from its ``episode.json``; None if the file is gone."""
    try:
        ep = json.loads(path.read_text())
    except OSError:
        return None
    except ValueError as exc:  # cut off or hand-edited: listed, not hidden
        ep, problem = {"id": name, "game": ""}, f"unreadable episode.json: {exc}"
    else:
        row, problem = summary_row(ep), ""
        if row is not None:
            return {**row, "status": _status(row)}
    return {"id": ep["id"], "game": ep.get("game", ""), "seed": ep.get("seed"),
            "task_type": ep.get("task_type", "unknown"), "world_id": world_of(ep), "success": False,
            "steps": None, "seconds": None, "error": problem or None, "ledger": {},
            # unfinished: running now, or stopped before its end (a re-run resumes it)
            "status": "unreadable" if problem else "unfinished"}  # fmt: skip


def _status(row: dict[str, Any]) -> str:
    if row.get("error"):
        return "error"
    return "solved" if row["success"] else "failed"


def graphs_at(steps: list[dict[str, Any]], t: int) -> dict[str, tuple[GraphView, dict[str, Any]]]:
    """Each graph-shaped memory module's graph when step ``t`` was planned, and what step ``t``'s
    perception changed in it (see :mod:`engram.memory.graphview`)."""
    out: dict[str, tuple[GraphView, dict[str, Any]]] = {}
    for name in steps[t].get("memory_graphs") or {}:
        view: GraphView = empty_view()
        delta: dict[str, Any] = {}
        for s in steps[: t + 1]:
            shown = (s.get("memory_graphs") or {}).get(name)
            if not shown:
                continue
            if "start" in shown:
                view = shown["start"]
            delta = shown["delta"]
            view = apply_delta(view, shown["delta"])
        out[name] = (view, delta)
    return out


def divergence(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> int | None:
    """The first step where two plays of one game part: a different action, or the same action
    seeing a different observation. None when they agree throughout (and have the same length)."""
    for t in range(max(len(a), len(b))):
        if t >= len(a) or t >= len(b):
            return t
        if a[t]["action"] != b[t]["action"] or a[t]["observation"]["text"] != b[t]["observation"]["text"]:
            return t
    return None


def learning_curve(rows: list[dict[str, Any]], window: int = 0) -> list[tuple[int, float, float | None]]:
    """``(episode number, rolling success rate, rolling median steps of successes)`` over finished
    episodes in run order; the window defaults to a tenth of the run (at least 1)."""
    done = finished(rows)
    window = window or max(1, len(done) // 10)
    out = []
    for i in range(len(done)):
        chunk = done[max(0, i - window + 1) : i + 1]
        wins = [r["steps"] for r in chunk if r["success"]]
        out.append((i + 1, sum(r["success"] for r in chunk) / len(chunk), statistics.median(wins) if wins else None))
    return out


def compare_rows(a: RunView, b: RunView) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """The two runs' episodes paired by :func:`task_key`, in the first run's order, then the
    second run's episodes that the first lacks."""
    by_key: dict[tuple[str, Any], dict[str, Any]] = {}
    for row in b.rows():
        by_key.setdefault(task_key(row), row)
    out: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    for row in a.rows():
        out.append((row, by_key.pop(task_key(row), None)))
    out += [(None, row) for row in by_key.values()]
    return out


def match(a: RunView, episode_id: str, b: RunView) -> str | None:
    """The episode of run ``b`` that plays the same task as ``episode_id`` of run ``a``."""
    want = task_key(next((r for r in a.rows() if r["id"] == episode_id), {"game": "", "seed": None}))
    return next((r["id"] for r in b.rows() if task_key(r) == want), None)


def fact_changes(before: list[Any], after: list[Any]) -> tuple[list[Any], list[Any]]:
    """Facts of this observation that the previous one lacked, and those it had that this one lacks."""
    old, new = {tuple(f) for f in before}, {tuple(f) for f in after}
    return [f for f in after if tuple(f) not in old], [f for f in before if tuple(f) not in new]


def safe_file(roots: list[Path], root_index: int, relative: str) -> Path | None:
    """The file ``relative`` names inside run directory ``root_index``, or None: anything that is
    absolute, climbs out (``..``, also once decoded), or resolves outside the run through a symlink,
    and anything that is not a regular file."""
    if not 0 <= root_index < len(roots) or not relative or "\x00" in relative:
        return None
    if relative.startswith(("/", "\\")) or Path(relative).is_absolute() or ".." in Path(relative).parts:
        return None
    root = roots[root_index].resolve()
    try:
        target = (root / relative).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target
