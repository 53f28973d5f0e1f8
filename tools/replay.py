"""Replay: re-execute every recorded action on a fresh environment and diff every observation.

A run is only worth keeping if it can be reproduced. Replay compares the text, the admissible
actions and the facts of each observation (the initial one included) with what was recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from engram.agents.controller import reset_options
from engram.agents.records import StepRecord
from engram.agents.rundir import RunDir, RunFileError
from engram.envs.core import ObservationJSON
from engram.envs.registry import UnknownEnvironment, make

_COMPARED = ("text", "admissible", "facts")


@dataclass
class Difference:
    episode: str
    t: int  # -1 is the initial observation
    key: str
    recorded: Any
    replayed: Any


@dataclass
class ReplayReport:
    episodes: int = 0
    observations: int = 0
    differences: list[Difference] = field(default_factory=list)
    #: what is wrong with the record itself, one line each naming the file (relative to the run):
    #: an unreadable episode.json, steps missing from a steps.jsonl; any of them fails the replay
    problems: list[str] = field(default_factory=list)


def _diff(episode: str, t: int, recorded: Mapping[str, object], replayed: Mapping[str, object]) -> list[Difference]:
    """The :data:`_COMPARED` keys of two observations (JSON) that differ."""
    return [
        Difference(episode, t, key, recorded.get(key), replayed.get(key))
        for key in _COMPARED
        if recorded.get(key) != replayed.get(key)
    ]


def replay_run(
    run_dir: str,
    episodes: list[str] | None = None,
    on_episode: Callable[[str, int], None] | None = None,
) -> ReplayReport:
    run = RunDir(run_dir)
    env = _env(run.spec().env_id)
    report = ReplayReport()
    try:
        for episode_id in episodes or run.episode_ids():
            try:
                ep = run.episode(episode_id)
            except RunFileError as exc:
                report.problems.append(f"{exc.path.relative_to(run.path).as_posix()}: {exc.problem}")
                continue
            if ep.initial_observation is None:
                continue  # a backend ended it before its reset was recorded: nothing to replay
            # The steps are replayed as far as they can be read; what is missing fails the replay.
            report.problems += run.step_problems(episode_id, ep)
            obs, _ = env.reset(seed=ep.seed, options=reset_options(ep.game))
            found = _diff(episode_id, -1, dict(ep.initial_observation), obs.to_json())
            report.observations += 1
            for step in run.steps(episode_id):
                if not step.executed:
                    continue
                obs, *_ = env.step(step.action)
                found += _diff(episode_id, step.t, dict(step.observation), obs.to_json())
                report.observations += 1
            report.episodes += 1
            report.differences += found
            if on_episode:
                on_episode(episode_id, len(found))
    finally:
        env.close()
    return report


def _env(env_id: str) -> Any:
    """The run's environment, or an :class:`UnknownEnvironment` that says how to get it back."""
    try:
        return make(env_id)
    except UnknownEnvironment as exc:
        raise UnknownEnvironment(
            f"{exc}. The run was made with {env_id!r}, which is not registered here: if the script that ran it "
            "registered it in-process (engram.envs.registry.register), register it again in a script and call "
            "engram.tools.replay.replay_run there, or install it as a plug-in (entry-point group engram.envs)"
        ) from None


class RerunError(ValueError):
    """The run cannot be re-run as recorded (e.g. it began from memory that was not kept)."""


@dataclass
class RerunReport:
    run_dir: str  # where the re-run was written
    episodes: int = 0
    steps: int = 0
    cache_misses: int = 0
    differences: list[Difference] = field(default_factory=list)


_RERUN_COMPARED = ("action", "executed", "won")


def rerun_with_cache(run_dir: str, cache: str, into: str | None = None) -> RerunReport:
    """Re-run a recorded run end to end, the planner answered only from the response ``cache``.

    Unlike :func:`replay_run`, which re-executes the recorded actions, this re-decides every step:
    memory, prompts, the model's (cached) answers, grounding and fallback all run again, and every
    step's action and observation are compared with the record. A run made with a live model thus
    reproduces with the endpoint gone. A request the cache cannot answer is counted in
    ``cache_misses`` (the planner then falls back offline, and the trajectory shows where)."""
    import tempfile
    from dataclasses import replace

    from engram.agents.runner import run_games

    source = RunDir(run_dir)
    manifest = source.manifest()
    spec = source.spec()
    if not manifest.get("memory_started_empty", True):
        raise RerunError(
            f"{run_dir} began from the existing memory in {manifest.get('memory_dir')}; a re-run would start from "
            "different memory and ask different questions"
        )
    if not Path(cache).exists():
        raise FileNotFoundError(f"no response cache at {cache}")
    if spec.llm is not None and Path(cache).stat().st_size == 0:
        # A new cache elsewhere, but here every answer would be a miss: the file lost its answers.
        # (A run without a model asks nothing: any cache, an empty one too, re-runs it.)
        raise RerunError(f"{cache}: empty file, no answers to re-run from")
    llm = replace(spec.llm, cache=str(cache), cache_only=True) if spec.llm is not None else None
    target = into or tempfile.mkdtemp(prefix="engram-rerun-")
    if RunDir(target).manifest_path.exists():
        raise RerunError(f"{target} already holds a run; re-run into a new directory")
    _env(spec.env_id).close()  # an env that cannot be made is said before anything runs
    # The same run into a fresh directory, memory starting empty there as it did here.
    run_games(replace(spec, run_dir=target, memory_dir=None, llm=llm, step_delay=0.0, backend="serial", workers=1,
                      ray_address=None, episode_timeout=None, chroma_url=None))  # fmt: skip
    report = RerunReport(target)
    again = RunDir(target)
    for episode_id in source.episode_ids():
        recorded, replayed = source.steps(episode_id), again.steps(episode_id)
        report.episodes += 1
        reflection = again.episode(episode_id).reflection
        report.cache_misses += "no cached answer" in str((reflection.get("error") if reflection else None) or "")
        for t in range(max(len(recorded), len(replayed))):
            a, b = _compared(recorded, t), _compared(replayed, t)
            report.steps += 1
            ledger = (replayed[t].llm if t < len(replayed) else None) or {}
            report.cache_misses += sum("no cached answer" in e for e in ledger.get("errors", []))
            differing = [key for key in _RERUN_COMPARED if a.get(key) != b.get(key)]
            report.differences += [Difference(episode_id, t, key, a.get(key), b.get(key)) for key in differing]
            report.differences += _diff(episode_id, t, a.get("observation") or {}, b.get("observation") or {})
    return report


class Compared(TypedDict, total=False):
    """What a re-run compares of a step (:data:`_RERUN_COMPARED`, and its observation)."""

    action: str
    executed: bool
    won: bool
    observation: ObservationJSON


def _compared(steps: list[StepRecord], t: int) -> Compared:
    """What a re-run compares of step ``t`` (nothing: the run has no such step)."""
    if t >= len(steps):
        return {}
    s = steps[t]
    return {"action": s.action, "executed": s.executed, "won": s.won, "observation": ObservationJSON(**s.observation)}
