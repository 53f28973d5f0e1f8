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

import os
import stat
import statistics
from collections import OrderedDict
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from engram.agents.records import (
    EpisodeRecord,
    Ledger,
    RunSummary,
    StepRecord,
    SummaryRow,
    summarize_rows,
    world_of,
)
from engram.agents.rundir import RunDir
from engram.memory.graphview import GraphDelta, GraphView, apply_delta, empty_view
from engram.tools.viewer_files import (
    EPISODE_ID,
    NotInRun,
    Stamp,
    StepFile,
    Unreadable,
    episode_problem,
    file_stamp,
    inside,
    kind_of,
    load_object,
    own_stamp,
    read_steps,
    row_problem,
    steps_inside,
)


@dataclass(frozen=True)
class Row:
    """An episode's line on a run's page: a finished episode's :class:`SummaryRow` and its status
    (``solved``, ``failed``, ``error``), or one without a result (``unfinished``: running, or
    stopped before its end; ``unreadable``: its ``episode.json`` is not an episode, ``error`` says
    why), whose ``steps`` and ``seconds`` are None."""

    id: str
    status: str
    game: str = ""
    seed: int | str | None = None
    task_type: str = "unknown"
    world_id: str = ""
    success: bool = False
    steps: int | None = None
    seconds: float | None = None
    error: str | None = None
    ledger: Ledger | None = None

    @classmethod
    def of(cls, row: SummaryRow) -> Row:
        status = "error" if row.error else ("solved" if row.success else "failed")
        return cls(status=status, **{f.name: getattr(row, f.name) for f in fields(row)})

    @property
    def finished(self) -> bool:
        """Counted in the run's summary: not unfinished, and readable."""
        return self.status not in ("unfinished", "unreadable")

    def summary_row(self) -> SummaryRow:
        """The :class:`SummaryRow` of a finished row."""
        assert self.finished and self.steps is not None and self.seconds is not None, self
        return SummaryRow(self.id, self.game, self.seed, self.task_type, self.world_id, self.success, self.steps,
                          self.seconds, self.error, self.ledger or Ledger())  # fmt: skip


def task_key(row: Row | None) -> tuple[str, int | str | None]:
    """What makes two runs' episodes the same task: the game file, or for envs that generate their
    tasks, the seed (as ``engram run --env ID --seed S`` numbers them)."""
    if row is None:
        return ("", None)
    return (row.game, row.seed if not row.game else None)


@dataclass
class Step:
    """One step with what the step page shows beside the record."""

    episode: EpisodeRecord
    count: int  # steps the episode has recorded
    record: StepRecord
    previous_facts: list[Any]  # the observation the action was taken from
    graphs: dict[str, tuple[GraphView, GraphDelta]]  # module -> (graph at this step, this step's delta)
    problems: list[str]  # what is wrong with the episode's steps.jsonl (StepFile.problems)


class RunView:
    """One run directory, read on demand."""

    def __init__(self, path: Path, label: str) -> None:
        self.path, self.label = path, label
        self.root = path.resolve()  # what "inside the run" means
        self.run = RunDir(path)
        self._rows: dict[str, tuple[Stamp | None, Row]] = {}
        self._summary: tuple[Stamp | None, dict[str, SummaryRow], str] = (None, {}, "")
        self._steps: OrderedDict[str, tuple[Stamp | None, StepFile]] = OrderedDict()
        # Open JSON: the pages read the manifest's keys each where it is used, checked there.
        self._manifest: tuple[Stamp | None, dict[str, Any], str] = (None, {}, "")

    # -- run level --------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any]:
        """``manifest.json``, or ``{}`` when it is missing or not an object (said by :meth:`notes`):
        every page of the run shows what it can without it. Open JSON (a foreign or hand-edited
        manifest is shown too): only ``config`` is checked, each other key where it is read."""
        stamp = file_stamp(self.run.manifest_path)
        if stamp != self._manifest[0] or stamp is None:
            try:
                manifest = load_object(self.run.manifest_path, "manifest.json")
                config = manifest.get("config")
                note = (
                    ""
                    if isinstance(config, dict)
                    else f"manifest.json: config must be an object, not {kind_of(config)}"
                )
                self._manifest = (stamp, manifest, note)
            except FileNotFoundError:
                self._manifest = (stamp, {}, "manifest.json: missing")
            except Unreadable as exc:
                self._manifest = (stamp, {}, str(exc))
        return self._manifest[1]

    def notes(self) -> list[str]:
        """Problems with the run's own files (``manifest.json``, ``summary.json``), for its page."""
        self.manifest()
        self._summary_rows()
        return [n for n in (self._manifest[2], self._summary[2]) if n]

    def _summary_rows(self) -> dict[str, SummaryRow]:
        """``summary.json``'s rows by id: only rows of the shape the table needs, written since seeds
        were kept (the others are read from their ``episode.json``); a summary that is not an object
        of rows is not used at all."""
        stamp = file_stamp(self.run.summary_path)
        if stamp != self._summary[0]:
            rows, note = {}, ""
            try:
                listed = load_object(self.run.summary_path, "summary.json").get("episodes")
                if not isinstance(listed, list):
                    raise Unreadable("summary.json", f"episodes must be a list, not {kind_of(listed)}")
                rows = {r["id"]: SummaryRow.from_json(r) for r in listed if row_problem(r) is None and "seed" in r}
            except FileNotFoundError:
                pass
            except Unreadable as exc:
                note = f"{exc} (not used: the episodes are read from their episode.json)"
            self._summary = (stamp, rows, note)
        return self._summary[1]

    def rows(self) -> list[Row]:
        """Every episode's row, in id order: the summary's fields plus ``status``. Never raises for a
        file's shape (an episode that cannot be read is a row with status ``unreadable``), and never
        lists an episode that is not the run's own (see :meth:`episode_ok`)."""
        root = self.path / "episodes"
        if not root.is_dir() or not inside(self.root, root, must_exist=True):
            return []
        summary, summary_ns = self._summary_rows(), (self._summary[0] or (0, 0))[0]
        out = []
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            if entry.is_symlink() or not EPISODE_ID.fullmatch(entry.name):
                continue  # a folder linked in from elsewhere is not this run's episode
            # Strings, not Paths, in this loop: it runs for every episode of the run, every request.
            episode_json = os.path.join(entry.path, "episode.json")
            stamp = own_stamp(self.root, episode_json)
            if stamp is None or not steps_inside(self.root, os.path.join(entry.path, "steps.jsonl")):
                continue
            cached = self._rows.get(entry.name)
            if cached is None or cached[0] != stamp:
                listed = summary.get(entry.name) if stamp[0] <= summary_ns else None
                row: Row | None
                if listed is not None:
                    row = Row.of(listed)
                else:
                    row = _read_row(Path(episode_json), entry.name)
                    if row is None:
                        continue  # gone this instant (writes are atomic renames, never half files)
                cached = (stamp, row)
                self._rows[entry.name] = cached
            out.append(cached[1])
        return out

    def episode_ok(self, episode_id: str) -> bool:
        """Whether ``episode_id`` is one of this run's own episodes: a well-formed id, a real folder
        (not a symlink) under the run's ``episodes/``, whose ``episode.json`` is a file and whose
        ``episode.json`` and ``steps.jsonl`` resolve inside the run. A few ``lstat`` and ``resolve``
        calls, never a listing of the run (a thousand episodes, every request)."""
        if not EPISODE_ID.fullmatch(episode_id):
            return False
        folder = self.run.episode_dir(episode_id)
        try:
            if not stat.S_ISDIR(folder.lstat().st_mode):  # lstat: a symlink is not a folder here
                return False
        except OSError:
            return False
        return (
            inside(self.root, folder / "episode.json", must_exist=True)
            and (folder / "episode.json").is_file()
            and inside(self.root, folder / "steps.jsonl", must_exist=False)
        )

    def _check(self, episode_id: str) -> None:
        if not self.episode_ok(episode_id):
            raise NotInRun(episode_id)

    def summary(self, rows: list[Row] | None = None) -> RunSummary:
        """The run's summary, from ``rows`` when the caller already has them."""
        return summarize_rows([r.summary_row() for r in finished(self.rows() if rows is None else rows)])

    def progress(self) -> dict[str, Any] | None:
        """``progress.json`` of a parallel run; None when there is none or it is not of its shape
        (it is rewritten every few seconds: the next reload shows it). Open JSON: only ``workers``
        is checked (an object of objects, else None), and the page reads every key with a default."""
        try:
            progress = load_object(self.path / "progress.json", "progress.json")
        except (OSError, Unreadable):
            return None
        workers = progress.get("workers")
        if workers is not None and not (
            isinstance(workers, dict) and all(isinstance(w, dict) for w in workers.values())
        ):
            progress = {**progress, "workers": None}
        return progress

    def stamp(self) -> str:
        """Changes whenever anything a page shows may have changed (what ``--live`` polls)."""
        parts = [
            file_stamp(self.run.summary_path),
            file_stamp(self.path / "progress.json"),
            file_stamp(self.path / "episodes"),
        ]
        for name in (r.id for r in self.rows() if r.status == "unfinished"):
            parts.append(file_stamp(self.run.steps_path(name)))
        return str(hash(tuple(parts)))

    def memory_dir(self) -> tuple[Path | None, str]:
        """The memory directory the memory page shows, and why that one.

        The run's own ``memory/`` when it has one: a copied or moved run shows its own stores, never
        those of the directory it was copied from. Only a run without one falls back to the
        manifest's ``memory_dir`` (relative: to the run directory), and only if that exists."""
        own = self.run.own_memory_path
        if own.is_dir():
            is_inside = inside(self.root, own, must_exist=True)
            return own, "the run's own memory/" + ("" if is_inside else " (a symlink to a directory outside the run)")
        kept = self.manifest().get("memory_dir")
        if isinstance(kept, str) and kept and "\x00" not in kept:
            where = Path(kept) if Path(kept).is_absolute() else self.path / kept
            if where.is_dir():
                is_inside = inside(self.root, where, must_exist=True)
                return where, f"memory_dir from manifest.json ({'inside' if is_inside else 'outside'} the run): {kept}"
            return None, f"the run has no memory/, and manifest.json's memory_dir ({kept}) does not exist"
        return None, "the run has no memory/, and manifest.json names no memory_dir"

    # -- episode level ----------------------------------------------------------------------
    def episode(self, episode_id: str) -> EpisodeRecord:
        """The episode's ``episode.json``, checked to be of the shape its pages show."""
        self._check(episode_id)
        relative = f"episodes/{episode_id}/episode.json"
        episode = load_object(self.run.episode_dir(episode_id) / "episode.json", relative)
        problem = episode_problem(episode)
        if problem:
            raise Unreadable(relative, problem)
        return EpisodeRecord.from_json({**episode, "id": episode_id})

    def steps(self, episode_id: str) -> list[StepRecord]:
        """The episode's step records (see :meth:`step_file`)."""
        return self.step_file(episode_id).steps

    def step_file(self, episode_id: str) -> StepFile:
        """The episode's ``steps.jsonl``: its records, and what its pages warn of; parsed once per
        change of the file (a few episodes kept)."""
        self._check(episode_id)
        path = self.run.steps_path(episode_id)
        stamp = file_stamp(path)
        cached = self._steps.get(episode_id)
        if cached is None or cached[0] != stamp:
            cached = (stamp, read_steps(path, f"episodes/{episode_id}/steps.jsonl"))
            self._steps[episode_id] = cached
            # Two episodes: the one being paged through and the one it is compared with. Parsed
            # records are many small objects; keeping more makes the interpreter's full garbage
            # collections (which scan every live object) pause a request for 100 ms and more.
            while len(self._steps) > 2:
                self._steps.popitem(last=False)
        self._steps.move_to_end(episode_id)
        return cached[1]

    def step(self, episode_id: str, t: int) -> Step | None:
        read = self.step_file(episode_id)
        steps = read.steps
        if not 0 <= t < len(steps):
            return None
        episode = self.episode(episode_id)
        start = episode.initial_observation or {}
        previous = steps[t - 1].observation.get("facts", []) if t else start.get("facts", [])
        try:
            graphs = graphs_at(steps, t)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise Unreadable(f"episodes/{episode_id}/steps.jsonl", f"memory_graphs up to step {t}: "
                             f"{type(exc).__name__}: {exc}") from None  # fmt: skip
        return Step(episode, len(steps), steps[t], previous, graphs, read.problems(episode))


def finished(rows: list[Row]) -> list[Row]:
    """The rows a summary counts: not unfinished, and readable."""
    return [r for r in rows if r.finished]


def _read_row(path: Path, name: str) -> Row | None:
    """An episode's row from its ``episode.json``; None if the file is gone. A file that is not an
    episode (cut off, hand-edited, another shape) is listed with its problem, not hidden."""
    try:
        ep = load_object(path, f"episodes/{name}/episode.json")
    except FileNotFoundError:
        return None
    except Unreadable as exc:
        return _open_row(name, {}, f"unreadable episode.json: {exc.problem}")
    row, problem = _finished_row(ep, name)
    if row is not None:
        return Row.of(row)
    return _open_row(name, ep, f"unreadable episode.json: {problem}" if problem else "")


def _finished_row(ep: dict[str, Any], name: str) -> tuple[SummaryRow | None, str]:
    """A finished episode's row; else None and what is wrong with the file ('' while it runs).
    ``ep``: the file's JSON, open until :func:`episode_problem` has checked it."""
    problem = episode_problem(ep)
    if problem:
        return None, problem
    try:
        finished = SummaryRow.of(EpisodeRecord.from_json({**ep, "id": name}))
    except (KeyError, TypeError, ValueError) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    if finished is None:
        return None, ""
    problem = row_problem(finished.to_json())
    return (None, problem) if problem else (finished, "")


def _open_row(name: str, ep: dict[str, Any], problem: str) -> Row:
    """The row of an episode without a result: running now, or stopped before its end (a re-run
    resumes it), or ``unreadable`` with its problem. ``ep``: the file's JSON, as it is (open: it
    may be of no known shape), each key checked where it is read."""
    seed = ep.get("seed") if isinstance(ep.get("seed"), int | str) else None
    task_type = str(ep["task_type"]) if isinstance(ep.get("task_type"), str) else "unknown"
    return Row(name, "unreadable" if problem else "unfinished", str(ep.get("game") or ""), seed, task_type,
               world_of(ep), error=problem or None)  # fmt: skip


def graphs_at(steps: list[StepRecord], t: int) -> dict[str, tuple[GraphView, GraphDelta]]:
    """Each graph-shaped memory module's graph when step ``t`` was planned, and what step ``t``'s
    perception changed in it (see :mod:`engram.memory.graphview`)."""
    out: dict[str, tuple[GraphView, GraphDelta]] = {}
    for name in steps[t].memory_graphs or {}:
        view: GraphView = empty_view()
        delta = GraphDelta(nodes_set={}, nodes_removed=[], edges_added=[], edges_removed=[])
        for s in steps[: t + 1]:
            shown = (s.memory_graphs or {}).get(name)
            if not shown:
                continue
            if "start" in shown:
                view = shown["start"]
            delta = shown["delta"]
            view = apply_delta(view, shown["delta"])
        out[name] = (view, delta)
    return out


def divergence(a: list[StepRecord], b: list[StepRecord]) -> int | None:
    """The first step where two plays of one game part: a different action, or the same action
    seeing a different observation. None when they agree throughout (and have the same length)."""
    for t in range(max(len(a), len(b))):
        if t >= len(a) or t >= len(b):
            return t
        if a[t].action != b[t].action or a[t].observation.get("text") != b[t].observation.get("text"):
            return t
    return None


def learning_curve(rows: list[Row], window: int = 0) -> list[tuple[int, float, float | None]]:
    """``(episode number, rolling success rate, rolling median steps of successes)`` over finished
    episodes in run order; the window defaults to a tenth of the run (at least 1)."""
    done = finished(rows)
    window = window or max(1, len(done) // 10)
    out = []
    for i in range(len(done)):
        chunk = done[max(0, i - window + 1) : i + 1]
        wins = [r.steps for r in chunk if r.success and r.steps is not None]
        out.append((i + 1, sum(r.success for r in chunk) / len(chunk), statistics.median(wins) if wins else None))
    return out


def compare_rows(a: RunView, b: RunView) -> list[tuple[Row | None, Row | None]]:
    """The two runs' episodes paired by :func:`task_key`, in the first run's order, then the
    second run's episodes that the first lacks."""
    by_key: dict[tuple[str, int | str | None], Row] = {}
    for row in b.rows():
        by_key.setdefault(task_key(row), row)
    out: list[tuple[Row | None, Row | None]] = []
    for row in a.rows():
        out.append((row, by_key.pop(task_key(row), None)))
    out += [(None, row) for row in by_key.values()]
    return out


def match(a: RunView, episode_id: str, b: RunView) -> str | None:
    """The episode of run ``b`` that plays the same task as ``episode_id`` of run ``a``."""
    want = task_key(next((r for r in a.rows() if r.id == episode_id), None))
    return next((r.id for r in b.rows() if task_key(r) == want), None)


def fact_changes(before: list[Any], after: list[Any]) -> tuple[list[Any], list[Any]]:
    """Facts of this observation that the previous one lacked, and those it had that this one lacks."""
    old, new = {tuple(f) for f in before}, {tuple(f) for f in after}
    return [f for f in after if tuple(f) not in old], [f for f in before if tuple(f) not in new]
