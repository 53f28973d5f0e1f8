"""Run directories: the on-disk record of a run, JSON and JSONL only (never pickle).

    RUN/manifest.json                 config, seeds, package versions, env id, planner, model
    RUN/episodes/<id>/episode.json    game, goal, initial observation, and the result once finished
    RUN/episodes/<id>/steps.jsonl     one record per step, in order, index ``t`` from 0
    RUN/summary.json                  success rate, steps per success, per task type, all episodes
    RUN/checkpoints.sqlite            LangGraph checkpoints (what a killed run resumes from)

``steps.jsonl`` is append-only while an episode runs; a resumed episode first cuts it back to the
steps its last checkpoint knows, so a kill never leaves a lost or a duplicated step.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("engram", "alfworld", "textworld", "langgraph", "langgraph-checkpoint-sqlite", "gymnasium")


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
        return dict(json.loads(self.manifest_path.read_text()))

    # -- episodes ----------------------------------------------------------------------------
    def write_episode(self, episode_id: str, data: dict[str, Any]) -> None:
        write_json(self.episode_dir(episode_id) / "episode.json", data)

    def episode(self, episode_id: str) -> dict[str, Any]:
        path = self.episode_dir(episode_id) / "episode.json"
        if not path.exists():
            known = ", ".join(self.episode_ids()[:10])
            raise FileNotFoundError(f"no episode {episode_id!r} in {self.path} (have: {known} ...)")
        return dict(json.loads(path.read_text()))

    def append_step(self, episode_id: str, record: dict[str, Any]) -> None:
        path = self.steps_path(episode_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as fh:
            fh.write(json.dumps(record) + "\n")

    def steps(self, episode_id: str) -> list[dict[str, Any]]:
        path = self.steps_path(episode_id)
        if not path.exists():
            return []
        out = []
        for line in path.read_text().splitlines():
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # a torn last line from a killed writer; resume cuts it away
        return out

    def truncate_steps(self, episode_id: str, keep: int) -> int:
        """Keep steps ``t < keep`` (what the checkpoint knows); returns how many were dropped."""
        path = self.steps_path(episode_id)
        if not path.exists():
            return 0
        lines = [ln for ln in path.read_text().splitlines() if ln.strip()]
        kept = [s for s in self.steps(episode_id) if s["t"] < keep]
        tmp = path.with_suffix(".jsonl.tmp")
        tmp.write_text("".join(json.dumps(s) + "\n" for s in kept))
        os.replace(tmp, path)
        return len(lines) - len(kept)

    # -- summary -----------------------------------------------------------------------------
    def write_summary(self) -> dict[str, Any]:
        summary = summarize([self.episode(e) for e in self.episode_ids()])
        write_json(self.summary_path, summary)
        return summary


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
