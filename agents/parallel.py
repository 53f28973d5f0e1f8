"""Running a run's episodes on Ray workers (``engram run --backend ray --workers N``).

Each worker is a Ray actor that owns its env, planner, memory modules and controller
(:class:`~engram.agents.runner.EpisodeRunner`) over the same run directory as a serial run: the
same ``manifest.json``, episode records, checkpoints and ``summary.json``, so ``engram show`` and
``engram replay`` read it alike. Memory is shared through the memory directory
(:mod:`engram.memory.shared`): a worker reloads what others committed before each episode, so its
later tasks see what they learned. Episodic memory's index is one chroma server for all workers
(started here on loopback unless ``chroma_url`` names one).

Scheduling is by *lane*: a house's stream (the games under one house folder of a stream) runs in
order on one worker, because its tasks build on each other's scene; different lanes run in
parallel. Faults, as AgentLab's users asked for them:

* an episode over ``episode_timeout`` seconds has its worker killed and is recorded as an error;
* a worker that dies (killed, out of memory, a crashed browser) turns its episode into an error
  result; the episode is retried once on a fresh worker, resuming from its last checkpoint, and
  the run goes on (the dead worker's process group is killed, so no browser is left behind);
* re-running the same command runs only the episodes without a result, or whose result was such
  an error.

Progress (episodes done, running, failed, per worker, with each worker's memory) goes to the
``on_progress`` callback and to ``RUN/progress.json``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypedDict

from engram.agents.records import EpisodeRecord, EpisodeResult, RunSummary
from engram.agents.rundir import RunDir, package_versions, write_json
from engram.agents.runner import EpisodeRunner, PreparedRun, prepare_run
from engram.agents.spec import RunSpec

#: result["error"] of an episode the backend ended; such an episode runs again when the run does
BACKEND_ERRORS = ("worker died", "time limit")


class WorkerInfo(TypedDict, total=False):
    """Who played an episode (``EpisodeRecord.worker``); just ``worker`` when the worker died before
    it said the rest."""

    worker: str
    host: str
    pid: int
    pgid: int
    versions: dict[str, str]  # package -> version (:func:`~engram.agents.rundir.package_versions`)
    rss_mb: float


class Attempt(TypedDict):
    """A failed try of an episode (``EpisodeRecord.attempts``)."""

    worker: str
    error: str  # "worker died: ..." or "time limit: ..."
    at: float  # wall clock (epoch seconds)


class EpisodeDone(TypedDict):
    """What a worker answers for an episode it played: its id, and the worker's memory now and at its peak."""

    id: str
    rss_mb: float
    peak_mb: float


class WorkerStats(TypedDict):
    """The driver's account of one worker."""

    done: int
    failed: int
    running: str | None  # the episode it plays now
    since: float | None  # wall clock (epoch seconds) when it was handed that episode
    alive: bool
    ready: bool  # built: it has said who it is
    peak_mb: float


class WorkerProgress(WorkerStats):
    pid: int | None  # None until the worker is built
    host: str | None


class Progress(TypedDict):
    """A snapshot of a parallel run (``RUN/progress.json``, and what ``on_progress`` hears)."""

    at: float  # wall clock (epoch seconds)
    done: int
    failed: int
    running: int
    queued: int
    workers: dict[str, WorkerProgress]


def rss_mb() -> float:
    """This process's resident memory (Linux ``/proc``; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


class EpisodeWorker:
    """What runs inside a Ray actor: one :class:`EpisodeRunner`, in its own process group so that
    the processes it starts (a browser, a driver) can be killed with it."""

    def __init__(self, prepared: PreparedRun, name: str, chroma_url: str | None, chroma_starting: bool = False) -> None:
        os.setpgrp()
        self.name = name
        # A chroma server the driver is starting (not one the user named) starts with this worker:
        # it is needed only when memory loads, after the imports and modules are built.
        ready = (lambda: wait_for_url(f"{chroma_url}/api/v2/heartbeat")) if chroma_url and chroma_starting else None
        spec = replace(prepared.spec, chroma_url=chroma_url)  # the server the driver started, if it did
        self.runner = EpisodeRunner(replace(prepared, spec=spec), worker=name, before_load=ready)
        self.peak_mb = rss_mb()

    def info(self) -> WorkerInfo:
        return {"worker": self.name, "host": socket.gethostname(), "pid": os.getpid(), "pgid": os.getpgrp(),
                "versions": package_versions(), "rss_mb": rss_mb()}  # fmt: skip

    def run(self, k: int, game: str) -> EpisodeDone:
        episode = self.runner.episode(k, game)
        self.peak_mb = max(self.peak_mb, rss_mb())
        return {"id": episode.id, "rss_mb": rss_mb(), "peak_mb": self.peak_mb}

    def close(self) -> None:
        self.runner.close()


@dataclass
class Job:
    k: int  # the episode's index in the run (``ep{k}``, seed + k)
    game: str
    attempts: list[Attempt] = field(default_factory=list)  # the failed ones

    @property
    def episode_id(self) -> str:
        return f"ep{self.k:04d}"


def lanes_of(games: Sequence[Path | str], source: str, offset: int) -> list[list[Job]]:
    """The run's episodes grouped into lanes that must run in order: a stream's games (a source
    folder with ``generation.json``) by their first folder under it, a house; any other game, or an
    episode an env makes from its seed, is a lane of its own."""
    root = Path(source) if source else None
    stream = root is not None and (root / "generation.json").is_file()
    out: dict[str, list[Job]] = {}
    for i, game in enumerate(games):
        key = f"#{i}"
        if stream and game and root is not None:
            with contextlib.suppress(ValueError):
                key = Path(game).resolve().relative_to(root.resolve()).parts[0]
        out.setdefault(key, []).append(Job(offset + i, str(game)))
    return list(out.values())


def _unfinished(run: RunDir, job: Job) -> bool:
    path = run.episode_dir(job.episode_id) / "episode.json"
    if not path.exists():
        return True
    result = run.episode(job.episode_id).result
    return result is None or str(result.error or "").startswith(BACKEND_ERRORS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: chromadb's ``chroma`` console script, run by this interpreter (its CLI reads ``sys.argv``, program name first)
CHROMA_CLI = "import sys; from chromadb.cli.cli import app; sys.argv[0] = 'chroma'; app()"


def launch_chroma(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``chroma run`` on loopback over ``path``, not waited for: the driver starts Ray meanwhile
    (the server takes seconds to import and bind, as Ray does to start).

    Started as this interpreter running chromadb's command line, not as ``chroma`` looked up on
    ``PATH``: engram run from a virtualenv that is not activated (``VENV/bin/engram``, cron, an IDE,
    pipx) has the venv's chromadb but not its ``bin`` on ``PATH``."""
    port = _free_port()
    path.parent.mkdir(parents=True, exist_ok=True)
    args = ["run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with open(path.parent / "chroma-server.log", "ab") as log:  # the child keeps its own descriptor
        proc = subprocess.Popen([sys.executable, "-c", CHROMA_CLI, *args], stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip
    return proc, f"http://127.0.0.1:{port}"


def wait_for_url(
    url: str, timeout: float = 60.0, process: subprocess.Popen[bytes] | None = None, log: Path | None = None
) -> None:
    """Returns once ``url`` answers (a server being started); raises if ``process``, the server
    when this process started it, exits first (see ``log``), or if the time runs out."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"chroma run exited with {process.returncode}; see {log}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError as exc:
            if time.monotonic() > deadline:
                if process is not None:
                    process.kill()
                raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({exc}); see {log}") from exc
            time.sleep(0.1)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


class WorkerFailedToStart(RuntimeError):
    """A worker died while being built: a bad configuration or a bug, not a fault to retry."""


class _Pool:
    """The driver's view of the workers: handles, what each runs, what each has done.

    Work is handed to a worker as soon as it exists: Ray queues an actor's calls until its
    constructor returns, so the first workers play while the others are still importing (16
    workers' imports are ~40 s of CPU on 2 cores).
    """

    def __init__(self, ray: Any, prepared: PreparedRun, chroma_url: str | None, chroma_starting: bool = False) -> None:
        self.ray, self.prepared, self.chroma_url = ray, prepared, chroma_url
        self.chroma_starting = chroma_starting
        self.actor_class = ray.remote(num_cpus=1, max_restarts=0)(EpisodeWorker)
        # Ray actor handles: Ray types them no further (their methods are reached by attribute)
        self.handles: dict[str, Any] = {}
        self.info: dict[str, WorkerInfo] = {}
        self.pending_info: dict[Any, str] = {}  # info ref -> worker, until the worker is built
        self.stats: dict[str, WorkerStats] = {}
        self.made = 0

    def start(self) -> str:
        name = f"w{self.made}"
        self.made += 1
        self.handles[name] = self.actor_class.remote(self.prepared, name, self.chroma_url, self.chroma_starting)
        self.pending_info[self.handles[name].info.remote()] = name
        self.stats[name] = WorkerStats(done=0, failed=0, running=None, since=None, alive=True, ready=False,
                                       peak_mb=0.0)  # fmt: skip
        return name

    def collect_info(self, refs: list[Any]) -> None:
        """Workers that are now built say who they are (pid, process group, versions)."""
        from ray.exceptions import RayActorError

        for ref in refs:
            name = self.pending_info.pop(ref)
            try:
                self.info[name] = self.ray.get(ref)
            except RayActorError as exc:
                if self.stats[name]["alive"]:  # not one the driver killed itself
                    # Ray's message is the whole remote traceback; its last line is the error.
                    cause = [line for line in str(exc).splitlines() if line.strip()][-1].strip()
                    raise WorkerFailedToStart(
                        f"worker {name} could not start: {cause} (an env or module registered only in this "
                        "process is unknown to workers: register it by entry point)"
                    ) from exc
                continue
            self.stats[name].update({"ready": True, "peak_mb": self.info[name]["rss_mb"]})

    def kill(self, name: str) -> None:
        """Kill a worker now (it died, or ran over the time limit), and its process group with it."""
        handle = self.handles.pop(name, None)
        if handle is not None:
            self.ray.kill(handle, no_restart=True)
        self.stats[name].update({"alive": False, "running": None})
        if name in self.groups_here():
            _kill_group(self.groups_here()[name])

    def close(self) -> None:
        """End the workers: each closes its env and database first, then anything of their
        process groups still alive (a browser a crashed env left) is killed."""
        closing = [h.close.remote() for n, h in self.handles.items() if self.stats[n]["ready"]]
        if closing:
            self.ray.wait(closing, num_returns=len(closing), timeout=30)
        for name in list(self.handles):
            handle = self.handles.pop(name)
            self.ray.kill(handle, no_restart=True)
            self.stats[name]["alive"] = False

    def groups_here(self) -> dict[str, int]:
        """Worker -> process group, for the workers on this machine (a group number means nothing
        on another node; there Ray's own clean-up is what ends a dead worker's children)."""
        here = socket.gethostname()
        return {n: int(i["pgid"]) for n, i in self.info.items() if i.get("pgid") and i.get("host") == here}


def run_parallel(spec: RunSpec, on_progress: Callable[[Progress], None] | None = None) -> RunSummary:
    """:func:`~engram.agents.runner.run_games` on ``spec.workers`` Ray workers; same run directory."""
    import ray

    if spec.backend != "ray":
        spec = replace(spec, backend="ray")
    prepared = prepare_run(spec)
    workers, chroma_url = spec.workers, spec.chroma_url
    run = RunDir(spec.run_dir)
    todo = deque(deque(j for j in lane if _unfinished(run, j)) for lane in lanes_of(spec.games, spec.games_source,
                                                                                     spec.offset))  # fmt: skip
    todo = deque(lane for lane in todo if lane)
    chroma: subprocess.Popen[bytes] | None = None
    started_ray = False
    t0 = time.perf_counter()
    pool: _Pool | None = None
    try:
        from engram.memory.episodic import server_path

        chroma_path = server_path(prepared.memory_dir)
        if "episodic" in prepared.modules and chroma_url is None and todo:
            chroma, chroma_url = launch_chroma(chroma_path)
        if todo:
            if not ray.is_initialized():
                # A cluster has its own CPUs; a local Ray gets one per worker.
                ray.init(address=spec.ray_address, num_cpus=None if spec.ray_address else workers,
                         include_dashboard=False, log_to_driver=False, configure_logging=False)  # fmt: skip
                started_ray = True
            pool = _Pool(ray, prepared, chroma_url, chroma_starting=chroma is not None)
            t_ray = time.perf_counter()
            # The workers build (imports, memory modules, env) while the chroma server finishes its
            # start: each waits for the server only before it loads memory (EpisodeWorker).
            for _ in range(min(workers, len(todo))):
                pool.start()
            if chroma is not None and chroma_url is not None:
                log = chroma_path.parent / "chroma-server.log"
                wait_for_url(f"{chroma_url}/api/v2/heartbeat", process=chroma, log=log)
            _drive(pool, run, todo, spec.episode_timeout, on_progress)
            manifest = run.manifest()
            # Where the time went (the chroma server's and Ray's start are a fixed cost of a run),
            # and each worker's memory at its peak, the driver's beside them.
            seconds = {"start": round(t_ray - t0, 2), "episodes": round(time.perf_counter() - t_ray, 2)}
            manifest["backend"] = {**spec.backend_json(), "worker_info": list(pool.info.values()), "seconds": seconds,
                                   "peak_rss_mb": {n: s["peak_mb"] for n, s in pool.stats.items()},
                                   "driver_rss_mb": rss_mb()}  # fmt: skip
            run.write_manifest(manifest)
    finally:
        if pool is not None:
            pool.close()
        if chroma is not None:
            chroma.terminate()  # it stops while Ray does
        if started_ray:
            ray.shutdown()
        for pgid in pool.groups_here().values() if pool is not None else []:
            _kill_group(pgid)
        if chroma is not None:
            try:
                chroma.wait(timeout=10)
            except subprocess.TimeoutExpired:
                chroma.kill()
    return run.write_summary()


def _drive(
    pool: _Pool,
    run: RunDir,
    todo: deque[deque[Job]],
    episode_timeout: float | None,
    on_progress: Callable[[Progress], None] | None,
) -> None:
    """Hand lanes to the pool's workers as they become idle (more start when one dies), collect
    results, and turn deaths and time-outs into errors."""
    from ray.exceptions import RayActorError, WorkerCrashedError

    lane_of: dict[str, deque[Job]] = {}  # worker -> the lane it is working through
    running: dict[Any, tuple[str, Job, float]] = {}  # result ref -> (worker, job, handed over)

    def fail(name: str, job: Job, why: str, retry: bool) -> None:
        pool.kill(name)
        pool.stats[name]["failed"] += 1
        job.attempts.append(Attempt(worker=name, error=why, at=time.time()))
        lane = lane_of.pop(name, deque())
        if retry and len(job.attempts) < 2:
            lane.appendleft(job)  # once more, on a fresh worker, from its last checkpoint
        else:
            _record_error(run, job, why)
        if lane:
            todo.appendleft(lane)
        if todo:
            pool.start()

    while todo or running or any(lane_of.values()):
        for name in [n for n, s in pool.stats.items() if s["alive"] and s["running"] is None]:
            lane = lane_of.get(name) or (todo.popleft() if todo else None)
            if not lane:
                lane_of.pop(name, None)
                continue
            lane_of[name] = lane
            job = lane.popleft()
            ref = pool.handles[name].run.remote(job.k, job.game)
            running[ref] = (name, job, time.monotonic())
            pool.stats[name].update({"running": job.episode_id, "since": time.time()})
        _progress(pool, run, running, todo, on_progress)
        ready, _ = pool.ray.wait([*running, *pool.pending_info], num_returns=1, timeout=0.5)
        pool.collect_info([r for r in ready if r in pool.pending_info])
        for ref in (r for r in ready if r in running):
            name, job, _t0 = running.pop(ref)
            try:
                out = pool.ray.get(ref)
            except (RayActorError, WorkerCrashedError) as exc:
                if not pool.stats[name]["ready"]:
                    pool.collect_info([r for r, n in pool.pending_info.items() if n == name])
                fail(name, job, f"worker died: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}", retry=True)
                continue
            pool.stats[name].update({"running": None, "since": None, "peak_mb": out["peak_mb"]})
            pool.stats[name]["done"] += 1
            # Which worker played it (and what failed before), beside what the controller wrote.
            episode = run.episode(job.episode_id)
            episode.worker = pool.info.get(name, WorkerInfo(worker=name))
            episode.attempts = job.attempts
            run.write_episode(episode)
        if episode_timeout is not None:
            now = time.monotonic()
            for ref, (name, job, t0) in list(running.items()):
                if not pool.stats[name]["ready"]:
                    running[ref] = (name, job, now)  # the clock starts once the worker is built
                elif now - t0 > episode_timeout:
                    running.pop(ref)
                    fail(name, job, f"time limit: over {episode_timeout:g} s", retry=False)
    _progress(pool, run, running, todo, on_progress)


def _record_error(run: RunDir, job: Job, why: str) -> None:
    """The episode's result is the backend's error (it runs again when the run is re-run)."""
    path = run.episode_dir(job.episode_id) / "episode.json"
    episode = run.episode(job.episode_id) if path.exists() else EpisodeRecord(id=job.episode_id, game=job.game)
    steps = len(run.steps(job.episode_id))
    episode.result = EpisodeResult(success=False, steps=steps, seconds=0.0, error=why)
    episode.attempts = job.attempts
    run.write_episode(episode)


def _progress(
    pool: _Pool,
    run: RunDir,
    running: dict[Any, tuple[str, Job, float]],
    todo: deque[deque[Job]],
    on_progress: Callable[[Progress], None] | None,
) -> None:
    snapshot = Progress(
        at=time.time(),
        done=sum(s["done"] for s in pool.stats.values()),
        failed=sum(s["failed"] for s in pool.stats.values()),
        running=len(running),
        queued=sum(len(lane) for lane in todo),
        workers={
            n: WorkerProgress(**s, pid=pool.info.get(n, {}).get("pid"), host=pool.info.get(n, {}).get("host"))
            for n, s in pool.stats.items()
        },
    )
    write_json(run.path / "progress.json", snapshot)
    if on_progress:
        on_progress(snapshot)
