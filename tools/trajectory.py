"""Run directories: the on-disk record of a run, JSON and JSONL only (never pickle).

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
import statistics
from collections import defaultdict
from collections.abc import Callable
from contextlib import closing
from importlib import metadata
from pathlib import Path
from typing import Any

from engram.memory.shared import read_only, sqlite_problem

PACKAGES = ("engram", "alfworld", "textworld", "langgraph", "langgraph-checkpoint-sqlite", "gymnasium")


class RunFileError(ValueError):
    """A file of a run directory that cannot be read as what it should hold; ``path`` is the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path, self.problem = Path(path), problem
        super().__init__(f"{path}: {problem}")


def read_object(path: Path, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON object from ``path``, with the ``required`` keys; :class:`RunFileError` when it is not
    one (``FileNotFoundError`` when it is missing: a missing file is the caller's to explain)."""
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
    """``raw`` as one JSON object, else ``error(problem)`` raised (problem: a short phrase)."""
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
    def write_manifest(self, manifest: dict[str, Any]) -> None:
        write_json(self.manifest_path, {**manifest, "versions": package_versions()})

    def manifest(self) -> dict[str, Any]:
        if not self.manifest_path.exists():
            raise FileNotFoundError(f"{self.path} is not a run directory (no manifest.json)")
        manifest = read_object(self.manifest_path, ("config",))
        if not isinstance(manifest["config"], dict):
            raise RunFileError(self.manifest_path, "its 'config' is not an object")
        return manifest

    def summary(self) -> dict[str, Any] | None:
        """``summary.json`` (None before the run's end has written it)."""
        if not self.summary_path.exists():
            return None
        summary = read_object(self.summary_path, ("episodes",))
        if not isinstance(summary["episodes"], list):
            raise RunFileError(self.summary_path, "its 'episodes' is not a list")
        return summary

    # -- episodes ----------------------------------------------------------------------------
    def write_episode(self, episode_id: str, data: dict[str, Any]) -> None:
        write_json(self.episode_dir(episode_id) / "episode.json", data)

    def episode(self, episode_id: str) -> dict[str, Any]:
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
        return episode

    def append_step(self, episode_id: str, record: dict[str, Any]) -> None:
        path = self.steps_path(episode_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as fh:
            fh.write(json.dumps(record) + "\n")

    def steps(self, episode_id: str) -> list[dict[str, Any]]:
        """The steps up to the first line that is not a step: a torn last line is what a killed
        writer leaves, and resume cuts it away (:meth:`step_problems` says whether more is wrong)."""
        return self._read_steps(episode_id)[0]

    def _read_steps(self, episode_id: str) -> tuple[list[dict[str, Any]], list[tuple[int, str]], int]:
        """:func:`parse_steps` of the episode's ``steps.jsonl`` (nothing when there is none)."""
        path = self.steps_path(episode_id)
        if not path.exists():
            return [], [], 0
        return parse_steps(path.read_bytes(), _step_of)

    def step_problems(self, episode_id: str, episode: dict[str, Any]) -> list[str]:
        """What is wrong with an episode's ``steps.jsonl`` (see :func:`steps_problems`)."""
        path = self.steps_path(episode_id)
        steps, bad, last = self._read_steps(episode_id)
        return steps_problems(path.relative_to(self.path).as_posix(), steps, bad, last, episode)

    def truncate_steps(self, episode_id: str, keep: int) -> int:
        """Keep steps ``t < keep`` (what the checkpoint knows); returns how many were dropped."""
        path = self.steps_path(episode_id)
        if not path.exists():
            return 0
        lines = [ln for ln in path.read_bytes().splitlines() if ln.strip()]
        kept = [s for s in self.steps(episode_id) if s["t"] < keep]
        if [s["t"] for s in kept] != list(range(keep)):
            # The steps file is written before the checkpoint that counts a step: it can hold more
            # (a kill in between), never fewer, unless it was damaged.
            raise RunFileError(path, f"holds {len(kept)} of the {keep} steps the episode's checkpoint has")
        tmp = path.with_suffix(".jsonl.tmp")
        tmp.write_text("".join(json.dumps(s) + "\n" for s in kept))
        os.replace(tmp, path)
        return len(lines) - len(kept)

    def completed(self) -> list[str]:
        """The episodes that ran to their end: a result without an error (a backend that ended an
        episode records its error, and the episode runs again). :class:`RunFileError` if an
        episode's record cannot be read."""
        done = []
        for episode_id in self.episode_ids():
            result = self.episode(episode_id).get("result")
            if result and result.get("error") is None:
                done.append(episode_id)
        return done

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
    def write_summary(self) -> dict[str, Any]:
        summary = summarize([self.episode(e) for e in self.episode_ids()])
        write_json(self.summary_path, summary)
        return summary


def _step_of(line: bytes) -> dict[str, Any]:
    """One line of ``steps.jsonl`` as a step (an object with an integer ``t``), else ValueError."""
    step = parse_object(line, ValueError)
    if not isinstance(step.get("t"), int):
        raise ValueError("a step without an integer 't'")
    return step


def parse_steps(
    raw: bytes, step_of: Callable[[bytes], dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[tuple[int, str]], int]:
    """The lines of a ``steps.jsonl`` read by ``step_of`` (ValueError: not a step): the steps before
    the first unreadable line; every unreadable line (1-based number, what is wrong with it); and
    the number of the file's last non-blank line (0: none). Shared with ``engram view``, whose
    ``step_of`` checks more of a step's shape."""
    out: list[dict[str, Any]] = []
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
    rel: str, steps: list[dict[str, Any]], bad: list[tuple[int, str]], last: int, episode: dict[str, Any]
) -> list[str]:
    """What is wrong with an episode's ``steps.jsonl`` (``rel``, as :func:`parse_steps` read it;
    empty: nothing), each a line that names the file: unreadable lines, indices ``t`` other than 0,
    1, 2, ..., fewer or more steps than the finished episode's result counts.

    A torn last line is excused while the episode runs (its writer may be mid-line, or was
    killed: resume cuts the line) and when its result is an error (a backend that ended the
    episode recorded the steps before the tear; it runs again). In an episode that finished
    normally it is corruption, and so is any unreadable line before the last."""
    result = episode.get("result") or {}
    ended_normally = bool(result) and not result.get("error")
    torn_last_only = len(bad) == 1 and bad[0][0] == last
    if torn_last_only and not ended_normally:
        bad = []
    problems = [f"{rel} line {n} is unreadable: {why}" for n, why in bad]
    wrong = next((i for i, s in enumerate(steps) if s["t"] != i), None)
    if wrong is not None:
        problems.append(f"{rel}: its step {wrong + 1} has t={steps[wrong]['t']}, not {wrong} (a step missing?)")
    if result and result["steps"] != len(steps):
        problems.append(f"{rel} holds {len(steps)} of {result['steps']} steps")
    return problems


LEDGER_KEYS = ("calls", "cache_hits", "prompt_tokens", "completion_tokens", "latency_s", "cost",
               "shared_prefix_tokens", "server_cached_tokens")  # fmt: skip
#: what memory did to the model's choices, counted per decision (see agents/planners/llm_memory.py):
#: decisions where it removed commands, commands removed, decisions where it had to give all back,
#: decisions that took the first command listed, shortcuts (and cases) called, and steps a called
#: shortcut ran without asking the model (calls saved)
MEMORY_KEYS = ("pruned", "removed", "restored", "took_first", "called", "followed", "calls_saved")


def ledger(steps: list[dict[str, Any]], reflection: dict[str, Any] | None = None) -> dict[str, Any]:
    """An episode's model usage from its step records (``llm`` of each step) and its reflection.

    ``outcomes`` counts how decisions came about (ok, repaired, reasked, fallback; ``offline`` for
    steps no model was asked about, e.g. a running shortcut or an offline planner)."""
    out: dict[str, Any] = dict.fromkeys(LEDGER_KEYS, 0)
    out["outcomes"], out["memory"] = {}, dict.fromkeys(MEMORY_KEYS, 0)
    mem = out["memory"]
    for s in steps:
        llm = s.get("llm") or {}
        for k in LEDGER_KEYS:
            out[k] += llm.get(k) or 0
        outcome = llm.get("outcome", "offline")
        out["outcomes"][outcome] = out["outcomes"].get(outcome, 0) + 1
        shaped = llm.get("memory") or {}
        mem["pruned"] += bool(shaped.get("removed"))
        mem["removed"] += len(shaped.get("removed") or {})
        mem["restored"] += bool(shaped.get("restored"))
        mem["took_first"] += bool(shaped.get("took_first"))
        mem["called"] += bool(shaped.get("called"))
        mem["followed"] += shaped.get("called") == "follow"
        mem["calls_saved"] += not llm and str(s.get("subgoal", "")).startswith("shortcut: ")
    if reflection:
        out["calls"] += 1
        out["cache_hits"] += bool(reflection.get("cached"))
        out["prompt_tokens"] += reflection.get("tokens", {}).get("prompt", 0)
        out["completion_tokens"] += reflection.get("tokens", {}).get("completion", 0)
        out["latency_s"] += reflection.get("latency_s", 0.0)
        out["cost"] += reflection.get("cost", 0.0)
    out["latency_s"], out["cost"] = round(out["latency_s"], 6), round(out["cost"], 8)
    return out


def world_of(episode: dict[str, Any]) -> str:
    """The world an episode played in; run directories older than world ids recorded a house."""
    return str(episode.get("world_id", episode.get("house_id", "")))


def summary_row(ep: dict[str, Any]) -> dict[str, Any] | None:
    """A finished episode's line in ``summary.json`` (None while it runs)."""
    result = ep.get("result")
    if not result:
        return None
    return {
        "id": ep["id"],
        "game": ep["game"],
        "seed": ep.get("seed"),
        "task_type": ep.get("task_type", "unknown"),
        "world_id": world_of(ep),
        "house_id": world_of(ep),  # the key's name before world ids (scripts read it)
        "success": bool(result["success"]),
        "steps": int(result["steps"]),
        "seconds": float(result["seconds"]),
        "error": result.get("error"),
        "ledger": result.get("ledger") or ledger([]),
    }


def summarize(episodes: list[dict[str, Any]]) -> dict[str, Any]:
    return summarize_rows([row for row in map(summary_row, episodes) if row is not None])


def summarize_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The summary of finished episodes' rows (:func:`summary_row`)."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_type[row["task_type"]].append(row)
    successes = [r for r in rows if r["success"]]
    return {
        "episodes_total": len(rows),
        "success_rate": len(successes) / len(rows) if rows else 0.0,
        "steps_per_success": statistics.fmean(r["steps"] for r in successes) if successes else None,
        "median_steps_success": statistics.median(r["steps"] for r in successes) if successes else None,
        "per_task_type": {t: _group(rs) for t, rs in sorted(by_type.items())},
        "llm": _total_ledger([r["ledger"] for r in rows]),
        "episodes": rows,
    }


def _group(rows: list[dict[str, Any]]) -> dict[str, Any]:
    wins = [r for r in rows if r["success"]]
    return {
        "episodes": len(rows),
        "success_rate": len(wins) / len(rows),
        "median_steps_success": statistics.median(r["steps"] for r in wins) if wins else None,
        "mean_seconds": statistics.fmean(r["seconds"] for r in rows),
    }


def _total_ledger(ledgers: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = dict.fromkeys(LEDGER_KEYS, 0)
    total["outcomes"], total["memory"] = {}, dict.fromkeys(MEMORY_KEYS, 0)
    for led in ledgers:
        for k in LEDGER_KEYS:
            total[k] += led.get(k, 0)
        for k in MEMORY_KEYS:
            total["memory"][k] += (led.get("memory") or {}).get(k, 0)
        for k, n in led.get("outcomes", {}).items():
            total["outcomes"][k] = total["outcomes"].get(k, 0) + n
    total["latency_s"], total["cost"] = round(total["latency_s"], 6), round(total["cost"], 8)
    total["tokens_per_episode"] = (
        round((total["prompt_tokens"] + total["completion_tokens"]) / len(ledgers), 1) if ledgers else 0.0
    )
    return total
