"""``engram view`` on a big run: 1,000 episodes x 60 steps, first page and any step.

The run is made from a real one: the LLM planner (against the scripted OpenAI-compatible server,
which answers with the prompt's first admissible command) with every memory module on, over the
first games of the bundled stream. Its step records (observation and facts, recalls, the model
exchange with the rendered prompt, the scene memory's graph deltas) are repeated to 60 steps per
episode and its episodes to 1,000, so every line has the size and shape of a real one. Its memory
directory comes along (the memory page reads it).

The viewer is the console script in its own process; each figure is a real HTTP request from this
process. "First page" is the very first request a fresh server answers (templates compiled,
nothing read before). Steps are taken in episodes not opened before, so every one parses its
episode's ``steps.jsonl`` from disk.

    python -m engram.experiments.bench_viewer [--episodes 1000] [--steps 60] [--out DIR]

Final line: ``bench_viewer: first_page_ms=A step_median_ms=B step_max_ms=C``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from engram.agents.rundir import RunDir, write_json

SENTINEL = -424242


def template_run(where: Path) -> Path:
    """A real LLM-planner run with all memory (two games, up to 20 steps each)."""
    from engram.agents.planners.llm import LLMConfig
    from engram.agents.runner import run_games
    from engram.agents.spec import RunSpec
    from engram.envs.alfworld import find_games
    from engram.tools.cli import default_games
    from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible

    def model(request: dict[str, Any]) -> Reply:  # the chat request's JSON, as received: open
        if len(request["messages"]) == 1:
            return Reply(content='{"tip": "Look in the likely places first."}')
        return Reply(content=json.dumps({"action": prompt_admissible(request)[0], "rationale": "first listed"}))

    run = where / "template"
    with ScriptedLLMServer(model) as server:
        config = LLMConfig(model="scripted", base_url=server.url)
        games = tuple(map(str, find_games(default_games())[:2]))
        run_games(RunSpec(games, str(run), planner="llm", llm=config, memory="all", max_steps=20))
    return run


def synthesize(template: Path, out: Path, episodes: int, steps: int) -> int:
    """``episodes`` x ``steps`` from the template's records; returns the bytes of step records."""
    src = RunDir(template)
    eids = src.episode_ids()
    records = [r for e in eids for r in src.steps(e)]
    first = src.steps(eids[0])[0]
    lines = []
    for t in range(steps):
        step = first if t == 0 else records[1 + (t - 1) % (len(records) - 1)]
        rec = step.to_json()
        rec["t"] = SENTINEL
        if t and step.memory_graphs:  # only an episode's first step carries the start graph
            rec["memory_graphs"] = {k: {"delta": v["delta"]} for k, v in step.memory_graphs.items()}
        lines.append(json.dumps(rec).replace(f'"t": {SENTINEL}', f'"t": {t}', 1) + "\n")
    body = "".join(lines)
    base = src.episode(eids[0])
    if base.result is None:
        raise SystemExit(f"{template}: its first episode has no result")
    dst = RunDir(out)
    dst.write_manifest({**src.manifest(), "memory_dir": str(out / "memory")})
    shutil.copytree(template / "memory", out / "memory")
    for i in range(episodes):
        eid = f"ep{i:04d}"
        dst.write_episode(replace(base, id=eid, seed=i, result=replace(base.result, steps=steps, success=i % 3 != 0)))
        dst.steps_path(eid).write_text(body)
    dst.write_summary()
    return len(body.encode()) * episodes


class Viewer:
    def __init__(self, run: Path) -> None:
        cmd = [sys.executable, "-m", "engram", "view", str(run), "--port", "0"]
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        self.start_ms = (time.perf_counter() - t0) * 1000  # the command's start, up to its printed URL
        if "http://" not in line:
            raise SystemExit(f"engram view did not start: {line}")
        self.port = int(line.split()[2].rstrip("/").rsplit(":", 1)[1])
        self.served: list[float] = []

    def get(self, path: str) -> float:
        """Milliseconds from sending the request to the last byte of a 200 answer (a new connection
        each time, as a browser opening a link may); the server's own share is kept in ``served``."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        t0 = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        ms = (time.perf_counter() - t0) * 1000
        conn.close()
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        self.served.append(float(str(response.getheader("Server-Timing")).split("dur=")[1]))
        return ms

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _stats(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms (n={len(ms)})"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--episodes", type=int, default=1000)
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--out", type=Path, default=None, help="Keep the run here (default: a temporary folder)")
    ap.add_argument("--samples", type=int, default=100, help="Steps opened, each in a new episode")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-viewer-"))
    out = args.out or work / "big"
    try:
        t0 = time.perf_counter()
        template = template_run(work)
        size = synthesize(template, out, args.episodes, args.steps)
        per_step = size / args.episodes / args.steps / 1e3
        print(f"run: {args.episodes} episodes x {args.steps} steps, {size / 1e6:.0f} MB of step records "
              f"({per_step:.1f} kB a step), made in {time.perf_counter() - t0:.0f} s")  # fmt: skip
        rng = random.Random(0)
        viewer = Viewer(out)
        try:
            start, first = viewer.start_ms, viewer.get("/")
            again = [viewer.get("/") for _ in range(5)]
            eps = rng.sample(range(args.episodes), min(args.samples, args.episodes))
            step_ms = [viewer.get(f"/run/0/ep/ep{e:04d}/step/{rng.randrange(args.steps)}") for e in eps]
            step_served = viewer.served[-len(step_ms) :]
            last = [viewer.get(f"/run/0/ep/ep{e:04d}/step/{args.steps - 1}") for e in eps[:20]]
            episode_ms = [
                viewer.get(f"/run/0/ep/ep{e:04d}") for e in rng.sample(range(args.episodes), min(20, args.episodes))
            ]
            compare = viewer.get("/run/0/memory")
        finally:
            viewer.close()
        (out / "summary.json").rename(out / "summary.json.away")  # a live run: no summary yet
        viewer = Viewer(out)
        try:
            live_first = viewer.get("/")
        finally:
            viewer.close()
        (out / "summary.json.away").rename(out / "summary.json")
        print(f"engram view started (imports, templates compiled, listening) in {start:.0f} ms")
        print(f"first page (run overview, {args.episodes} episodes): {first:.1f} ms cold; "
              f"then {statistics.median(again):.1f} ms")  # fmt: skip
        print(f"first page without summary.json (a live run: every episode.json read): {live_first:.1f} ms")
        print(f"a step, each in an episode not opened before: {_stats(step_ms)}")
        print(f"  of which the server's own time (Server-Timing): {_stats(step_served)}")
        print(f"the last step of an episode (its graph rebuilt from all {args.steps} deltas): {_stats(last)}")
        print(f"an episode's timeline: {_stats(episode_ms)}")
        print(f"memory page: {compare:.1f} ms")
        write_json(work / "figures.json", {"first_page_ms": first, "step_ms": step_ms})
        print(f"bench_viewer: first_page_ms={first:.1f} step_median_ms={statistics.median(step_ms):.1f} "
              f"step_max_ms={max(step_ms + last):.1f}")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
