"""engram from Python: :func:`run` plays a :class:`~engram.agents.spec.RunSpec`, and
:class:`Agent` holds what stays the same between runs (an environment, a planner, memory) and plays
episodes, yielding each one's typed record as it ends::

    agent = engram.Agent("engram/ALFWorld-v0", memory="all", memory_dir="mem")
    for episode in agent.episodes(3):
        print(episode.id, episode.result.success, episode.result.steps)
    for step in agent.steps("ep0000"):
        print(step.t, step.action, step.outcome)

Everything goes through the same run directory, manifest, checkpoints and memory directory as
``engram run``, so what Python played, ``engram show``, ``view`` and ``replay`` read, and calling
the same thing again resumes it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from engram.agents.records import ENV_ID, EpisodeRecord, RunSummary, StepRecord
from engram.agents.rundir import RunDir
from engram.agents.runner import EpisodeRunner, prepare_run
from engram.agents.runner import run as run_spec
from engram.agents.spec import RunSpec
from engram.envs.household import default_stream as default_games

if TYPE_CHECKING:
    from engram.agents.planners.llm import LLMConfig

#: what an Agent's episodes may be: a number (the first N games of a game-playing env's default,
#: or N seeds of an env that makes its own tasks), a game file or folder, or one entry per episode
Episodes = int | str | Path | Sequence[str | Path]


def run(spec: RunSpec) -> RunSummary:
    """Play the run ``spec`` describes on its backend (re-running it resumes); its summary."""
    return run_spec(spec)


def episode_list(env_id: str, episodes: Episodes) -> tuple[str, list[str]]:
    """Where a run's episodes come from and one entry per episode: a game file, or ``""`` for an env
    that makes its task from the seed. ``ValueError`` saying what is wrong otherwise."""
    from engram.envs.registry import game_lister

    lister = game_lister(env_id)
    if isinstance(episodes, int):
        if episodes < 1:
            raise ValueError(f"episodes must be at least 1, not {episodes}")
        if lister is None:
            return env_id, [""] * episodes
        if env_id != ENV_ID:
            raise ValueError(f"{env_id} plays game files: give a game, a folder of games or a list of them")
        return str(default_games()), [str(g) for g in lister(default_games())][:episodes]
    if lister is None:
        raise ValueError(f"{env_id} makes its own tasks from the seed, not from game files: give a number")
    if isinstance(episodes, str | Path):
        return str(episodes), [str(g) for g in lister(episodes)]
    return "", [str(g) for g in episodes]


class Agent:
    """An environment, a planner and memory, ready to play episodes into run directories.

    ``planner``: ``offline`` (the env's own), ``offline+affordance``, ``llm`` (with ``llm``, an
    :class:`~engram.agents.planners.llm.LLMConfig`) or a registered planner id. ``memory``: ``all``,
    ``none`` or a comma list of modules; ``memory_dir``: where memory is kept, so that later agents
    (and runs) go on from it (None: each run directory's own ``memory/``).
    """

    def __init__(
        self,
        env_id: str = ENV_ID,
        *,
        planner: str = "offline",
        memory: str = "all",
        memory_dir: str | Path | None = None,
        max_steps: int = 60,
        seed: int = 0,
        llm: LLMConfig | None = None,
        runs: str | Path = "runs",
    ) -> None:
        self.env_id, self.runs = env_id, Path(runs)
        self.base = RunSpec((), "", env_id=env_id, planner=planner, memory=memory,
                            memory_dir=str(memory_dir) if memory_dir else None, max_steps=max_steps, seed=seed,
                            llm=llm)  # fmt: skip
        self.run_dir: Path | None = None  # the last run's

    def spec(self, episodes: Episodes, run_dir: str | Path | None = None) -> RunSpec:
        """The :class:`RunSpec` of playing ``episodes`` into ``run_dir`` (default: a new directory
        under ``runs``)."""
        source, games = episode_list(self.env_id, episodes)
        where = Path(run_dir) if run_dir else self.runs / time.strftime("run-%Y%m%d-%H%M%S")
        return replace(self.base, games=tuple(games), run_dir=str(where), games_source=source)

    def run(self, episodes: Episodes, run_dir: str | Path | None = None) -> RunSummary:
        """Play ``episodes`` into ``run_dir`` (an existing one resumes); the run's summary."""
        spec = self.spec(episodes, run_dir)
        self.run_dir = spec.path
        return run_spec(spec)

    def episodes(self, episodes: Episodes, run_dir: str | Path | None = None) -> Iterator[EpisodeRecord]:
        """Play ``episodes`` one by one, yielding each one's record as it ends (a finished one of a
        resumed run at once). Stopping early leaves a run that the same call resumes; the run's
        ``summary.json`` is written when the iteration ends, early or not."""
        spec = self.spec(episodes, run_dir)
        self.run_dir = spec.path
        runner = EpisodeRunner(prepare_run(spec))
        try:
            for i, game in enumerate(spec.games):
                yield runner.episode(spec.offset + i, game)
        finally:
            runner.close()
            runner.run.write_summary()

    def steps(self, episode_id: str, run_dir: str | Path | None = None) -> list[StepRecord]:
        """The step records of an episode of ``run_dir`` (default: the last run)."""
        where = run_dir or self.run_dir
        if where is None:
            raise ValueError("no run yet: give run_dir")
        return RunDir(where).steps(episode_id)
