"""Run directories: the on-disk record of a run, JSON and JSONL only (never pickle), read and
written as the typed records of :mod:`engram.agents.records`.

    RUN/manifest.json                 config, seeds, package versions, env id, planner, model
    RUN/episodes/<id>/episode.json    game, goal, initial observation, and the result once finished
    RUN/episodes/<id>/steps.jsonl     one record per step, in order, index ``t`` from 0
    RUN/summary.json                  success rate, steps per success, per task type, all episodes
    RUN/checkpoints.sqlite            LangGraph checkpoints (what a killed run resumes from)

``steps.jsonl`` is append-only while an episode runs; a resumed episode first cuts it back to the
steps its last checkpoint knows, so a kill never leaves a lost or a duplicated step.

A file that cannot be read as what it should hold (cut off, emptied, overwritten, a JSON list where
an object belongs) raises :class:`RunFileError`, which names the file: every command catches that
one error and says which file is damaged, instead of a traceback about JSON.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
from collections.abc import Callable
from contextlib import closing
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar, cast

from engram.agents.records import MEMORY_FOLDER, EpisodeRecord, EpisodeResult, RunSummary, StepRecord
from engram.agents.spec import Manifest, RunSpec
from engram.memory.shared import read_only, sqlite_problem

S = TypeVar("S")

PACKAGES = ("engram", "alfworld", "textworld", "langgraph", "langgraph-checkpoint-sqlite", "gymnasium")


class RunFileError(ValueError):
    """A file of a run directory that cannot be read as what it should hold; ``path`` is the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path, self.problem = Path(path), problem
        super().__init__(f"{path}: {problem}")


def read_object(path: Path, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON object from ``path``, with the ``required`` keys; :class:`RunFileError` when it is not
    one (``FileNotFoundError`` when it is missing: a missing file is the caller's to explain).
    Open JSON: the caller checks it is the record it should be."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise RunFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    data = parse_object(raw, lambda problem: RunFileError(path, problem))
    missing = [k for k in required if k not in data]
    if missing:
        raise RunFileError(path, f"lacks {', '.join(map(repr, missing))}")
    return data


def parse_object(raw: bytes, error: Callable[[str], Exception]) -> dict[str, Any]:
    """``raw`` as one JSON object, else ``error(problem)`` raised (problem: a short phrase). Open
    JSON, as :func:`read_object`'s."""
    if not raw.strip():
        raise error("empty file" if not raw else "holds only whitespace")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise error(f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}; cut off?)") from exc
    if not isinstance(data, dict):
        raise error(f"holds a JSON {type(data).__name__}, not an object")
    return data


def write_json(path: Path, data: Any) -> None:
    """Atomic write: a killed process leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=False))
    os.replace(tmp, path)


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


class RunDir:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    # -- layout ------------------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.path / "manifest.json"

    @property
    def summary_path(self) -> Path:
        return self.path / "summary.json"

    @property
    def own_memory_path(self) -> Path:
        """The run directory's own ``memory/`` (a run may keep its memory elsewhere: its spec's)."""
        return self.path / MEMORY_FOLDER

    @property
    def checkpoint_path(self) -> Path:
        return self.path / "checkpoints.sqlite"

    def episode_dir(self, episode_id: str) -> Path:
        return self.path / "episodes" / episode_id

    def steps_path(self, episode_id: str) -> Path:
        return self.episode_dir(episode_id) / "steps.jsonl"

    def episode_ids(self) -> list[str]:
        root = self.path / "episodes"
        return sorted(p.name for p in root.iterdir() if (p / "episode.json").exists()) if root.exists() else []

    # -- manifest and summary ----------------------------------------------------------------
    def write_manifest(self, manifest: Manifest) -> None:
        write_json(self.manifest_path, {**manifest, "versions": package_versions()})

    def manifest(self) -> Manifest:
        """``manifest.json`` (its ``config`` is :meth:`spec`'s JSON; beside it the run id, the
        memory directory, the seeds, the backend and the package versions)."""
        if not self.manifest_path.exists():
            raise FileNotFoundError(f"{self.path} is not a run directory (no manifest.json)")
        manifest = read_object(self.manifest_path, ("config",))
        if not isinstance(manifest["config"], dict):
            raise RunFileError(self.manifest_path, "its 'config' is not an object")
        return cast(Manifest, manifest)  # checked as far as readers rely on it: they ``get`` the rest

    def spec(self, **overrides: Any) -> RunSpec:
        """The :class:`RunSpec` the run was made from (``overrides`` replace fields)."""
        manifest = self.manifest()
        overrides.setdefault("memory_dir", manifest.get("memory_dir"))
        try:
            return RunSpec.from_json(manifest["config"], self.path, **overrides)
        except (KeyError, TypeError, ValueError) as exc:
            raise RunFileError(self.manifest_path, f"its 'config' is not a run's: {type(exc).__name__}: {exc}") from exc

    def summary(self) -> RunSummary | None:
        """``summary.json`` (None before the run's end has written it)."""
        if not self.summary_path.exists():
            return None
        summary = read_object(self.summary_path, ("episodes",))
        if not isinstance(summary["episodes"], list):
            raise RunFileError(self.summary_path, "its 'episodes' is not a list")
        try:
            return RunSummary.from_json(summary)
        except (KeyError, TypeError, ValueError) as exc:
            raise RunFileError(self.summary_path, f"an episode row is not one: {type(exc).__name__}: {exc}") from exc

    # -- episodes ----------------------------------------------------------------------------
    def write_episode(self, episode: EpisodeRecord) -> None:
        write_json(self.episode_dir(episode.id) / "episode.json", episode.to_json())

    def episode(self, episode_id: str) -> EpisodeRecord:
        path = self.episode_dir(episode_id) / "episode.json"
        if not path.exists():
            known = ", ".join(self.episode_ids()[:10])
            raise FileNotFoundError(f"no episode {episode_id!r} in {self.path} (have: {known} ...)")
        episode = read_object(path, ("id",))
        result = episode.get("result")
        if result is not None and not (
            isinstance(result, dict) and isinstance(result.get("steps"), int) and "success" in result
        ):
            raise RunFileError(path, "its 'result' is not an object with 'success' and an integer 'steps'")
        try:
            return EpisodeRecord.from_json(episode)
        except (KeyError, TypeError, ValueError) as exc:
            raise RunFileError(path, f"not an episode record: {type(exc).__name__}: {exc}") from exc

    def append_step(self, episode_id: str, record: StepRecord) -> None:
        path = self.steps_path(episode_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as fh:
            fh.write(json.dumps(record.to_json()) + "\n")

    def steps(self, episode_id: str) -> list[StepRecord]:
        """The steps up to the first line that is not a step: a torn last line is what a killed
        writer leaves, and resume cuts it away (:meth:`step_problems` says whether more is wrong)."""
        return self._read_steps(episode_id)[0]

    def _read_steps(self, episode_id: str) -> tuple[list[StepRecord], list[tuple[int, str]], int]:
        """:func:`parse_steps` of the episode's ``steps.jsonl`` (nothing when there is none)."""
        path = self.steps_path(episode_id)
        if not path.exists():
            return [], [], 0
        return parse_steps(path.read_bytes(), _step_of)

    def step_problems(self, episode_id: str, episode: EpisodeRecord) -> list[str]:
        """What is wrong with an episode's ``steps.jsonl`` (see :func:`steps_problems`)."""
        path = self.steps_path(episode_id)
        steps, bad, last = self._read_steps(episode_id)
        return steps_problems(path.relative_to(self.path).as_posix(), [s.t for s in steps], bad, last, episode.result)

    def truncate_steps(self, episode_id: str, keep: int) -> int:
        """Keep steps ``t < keep`` (what the checkpoint knows); returns how many were dropped."""
        path = self.steps_path(episode_id)
        if not path.exists():
            return 0
        lines = [ln for ln in path.read_bytes().splitlines() if ln.strip()]
        kept = [s for s in self.steps(episode_id) if s.t < keep]
        if [s.t for s in kept] != list(range(keep)):
            # The steps file is written before the checkpoint that counts a step: it can hold more
            # (a kill in between), never fewer, unless it was damaged.
            raise RunFileError(path, f"holds {len(kept)} of the {keep} steps the episode's checkpoint has")
        tmp = path.with_suffix(".jsonl.tmp")
        tmp.write_text("".join(json.dumps(s.to_json()) + "\n" for s in kept))
        os.replace(tmp, path)
        return len(lines) - len(kept)

    def completed(self) -> list[str]:
        """The episodes that ran to their end: a result without an error (a backend that ended an
        episode records its error, and the episode runs again). :class:`RunFileError` if an
        episode's record cannot be read."""
        return [episode_id for episode_id in self.episode_ids() if self.episode(episode_id).finished]

    def check_checkpoints(self, finished: list[str]) -> None:
        """Raise :class:`RunFileError` unless ``checkpoints.sqlite`` is a whole SQLite file holding a
        checkpoint of each of the ``finished`` episodes: what resuming the run and importing it into
        memory read them from. Without this, a lost checkpoint reads as an episode never played (a
        resumed run plays it again; an import adds nothing and says so). Opens it read-only."""
        path = self.checkpoint_path
        if not path.exists() or sqlite_problem(path) == "empty file":
            if finished:
                raise RunFileError(path, f"holds no checkpoints, yet {len(finished)} episode(s) finished")
            return
        problem = sqlite_problem(path)
        if problem:
            raise RunFileError(path, f"cannot be read: {problem}")
        try:
            with closing(read_only(path)) as db:
                tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "checkpoints" not in tables:
                    if not finished and not tables:
                        return
                    raise RunFileError(path, f"holds no checkpoints (tables: {', '.join(sorted(tables)) or 'none'})")
                threads = {str(t) for (t,) in db.execute("SELECT DISTINCT thread_id FROM checkpoints")}
        except sqlite3.DatabaseError as exc:
            raise RunFileError(path, f"cannot be read: {exc}") from exc
        missing = sorted(set(finished) - threads)
        if missing:
            raise RunFileError(path, f"has no checkpoint of {len(missing)} finished episode(s), e.g. {missing[0]}")

    # -- summary -----------------------------------------------------------------------------
    def write_summary(self) -> RunSummary:
        summary = RunSummary.of([self.episode(e) for e in self.episode_ids()])
        write_json(self.summary_path, summary.to_json())
        return summary


def _step_of(line: bytes) -> StepRecord:
    """One line of ``steps.jsonl`` as a step (an object with an integer ``t``), else ValueError."""
    step = parse_object(line, ValueError)
    if not isinstance(step.get("t"), int):
        raise ValueError("a step without an integer 't'")
    try:
        return StepRecord.from_json(step)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a step record ({exc})") from None


def parse_steps(raw: bytes, step_of: Callable[[bytes], S]) -> tuple[list[S], list[tuple[int, str]], int]:
    """The lines of a ``steps.jsonl`` read by ``step_of`` (ValueError: not a step): the steps before
    the first unreadable line; every unreadable line (1-based number, what is wrong with it); and
    the number of the file's last non-blank line (0: none). Shared with ``engram view``, whose
    ``step_of`` checks more of a step's shape."""
    out: list[S] = []
    bad: list[tuple[int, str]] = []
    last = 0
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        last = n
        try:
            step = step_of(line)
        except ValueError as exc:
            bad.append((n, str(exc)))
            continue
        if not bad:
            out.append(step)
    return out, bad, last


def steps_problems(
    rel: str, ts: list[int], bad: list[tuple[int, str]], last: int, result: EpisodeResult | None
) -> list[str]:
    """What is wrong with an episode's ``steps.jsonl`` (``rel``, as :func:`parse_steps` read it:
    ``ts`` the steps' indices, ``bad`` the unreadable lines; ``result`` the episode's), each a line
    that names the file (empty: nothing): unreadable lines, indices ``t`` other than 0, 1, 2, ...,
    fewer or more steps than the finished episode's result counts.

    A torn last line is excused while the episode runs (its writer may be mid-line, or was
    killed: resume cuts the line) and when its result is an error (a backend that ended the
    episode recorded the steps before the tear; it runs again). In an episode that finished
    normally it is corruption, and so is any unreadable line before the last."""
    ended_normally = result is not None and not result.error
    torn_last_only = len(bad) == 1 and bad[0][0] == last
    if torn_last_only and not ended_normally:
        bad = []
    problems = [f"{rel} line {n} is unreadable: {why}" for n, why in bad]
    wrong = next((i for i, t in enumerate(ts) if t != i), None)
    if wrong is not None:
        problems.append(f"{rel}: its step {wrong + 1} has t={ts[wrong]}, not {wrong} (a step missing?)")
    if result is not None and result.steps != len(ts):
        problems.append(f"{rel} holds {len(ts)} of {result.steps} steps")
    return problems
