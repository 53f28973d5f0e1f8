"""``engram`` command line: generate, validate, run, show, replay."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from engram.envs.household import default_stream as default_games
from engram.tools.cli_memory import experience_app, memory_app
from engram.tools.cli_view import show, summary_table, view, viewing

if TYPE_CHECKING:
    from engram.agents.parallel import Progress as RunProgress
    from engram.agents.records import EpisodeRecord, RunSummary
    from engram.agents.spec import RunSpec

app = typer.Typer(add_completion=False, no_args_is_help=True, help="engram: memory-driven planning for agents")
console = Console()
err = Console(stderr=True)
MEMORY_HELP = (
    "Memory modules: all | none | comma list of working, scene, skills, episodic, experience, utility (and plug-ins)"
)


def _check_memory(spec: str) -> None:
    """Refuse a bad ``--memory`` before any work starts (exit 2 with the reason)."""
    from engram.agents.runner import parse_memory

    try:
        parse_memory(spec)
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"),
        console=console,
    )


@app.command()
def generate(
    out: Annotated[Path, typer.Argument(help="Output folder (ALFWorld task folders)")],
    houses: Annotated[int, typer.Option(min=1, help="Number of houses")] = 10,
    tasks_per_house: Annotated[int, typer.Option(min=1, help="Tasks per house")] = 6,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same games)")] = 0,
    stream: Annotated[bool, typer.Option("--stream", help="Persistent-house streams")] = False,
    perturb: Annotated[float, typer.Option(min=0.0, max=1.0, help="Fraction of objects moved between tasks")] = 0.0,
    rooms: Annotated[str, typer.Option(help="Room kinds to cycle through")] = "kitchen,livingroom,bedroom,bathroom",
    rooms_per_house: Annotated[int, typer.Option(min=1, help="Rooms (floor plans) per house")] = 1,
    split: Annotated[
        str, typer.Option(help="Floor plans: all | train | test (every fifth plan, held out of train)")
    ] = "all",
    habits: Annotated[
        bool, typer.Option("--habits", help="Objects placed by preferences shared across houses, not uniformly")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, help="Parallel solver processes")] = 2,
) -> None:
    """Generate households and tasks; every game is proven solvable by ALFWorld's planner expert."""
    from engram.envs.household.generator import Generator

    total = houses * tasks_per_house
    with _progress() as progress:
        bar = progress.add_task("generating", total=total, status="")

        def tick(record: Any) -> None:
            progress.update(bar, advance=1, status=record.task_type if record else "[red]no game[/red]")

        try:
            gen = Generator(
                out,
                seed,
                stream=stream,
                perturb=perturb,
                rooms=tuple(rooms.split(",")),
                rooms_per_house=rooms_per_house,
                split=split,
                habits=habits,
                workers=workers,
                on_game=tick,
            )
        except ValueError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from exc
        report = gen.run(houses, tasks_per_house)
    counts: dict[str, int] = {}
    for g in report.games:
        counts[g.task_type] = counts.get(g.task_type, 0) + 1
    table = Table(title=f"{len(report.games)} games in {out}")
    table.add_column("task type")
    table.add_column("games", justify="right")
    for task_type, n in sorted(counts.items()):
        table.add_row(task_type, str(n))
    console.print(table)
    per_game = report.seconds / max(1, len(report.games))
    console.print(f"generation: {report.seconds:.1f} s, {per_game:.2f} s per game (wall, {workers} workers)")
    for rej in report.rejected:
        err.print(f"[yellow]rejected[/yellow] {rej['game']}: {rej['error']}")
    if len(report.games) < total:
        err.print(f"[red]only {len(report.games)} of {total} games could be generated[/red]")
        raise typer.Exit(1)


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Game files or folders holding them")],
    timeout: Annotated[
        float, typer.Option(min=0.01, help="Seconds the planner may take per game (large real games need more)")
    ] = 120.0,
) -> None:
    """Re-check game files with the planner expert in a subprocess; exit 1 if any is not solvable.

    Verdicts are written into games engram generated; other games (real ALFWorld data) are only checked."""
    from engram.envs.household.generator import validate_games

    files: list[Path] = []
    for p in paths:
        files += sorted(p.rglob("game.tw-pddl")) if p.is_dir() else [p]
    if not files:
        err.print("no game files found")
        raise typer.Exit(2)

    def show(v: Any) -> None:
        mark = "[green]ok[/green]" if v.ok else f"[red]REJECTED[/red] {escape(v.error)}"
        kept = " (checked, not rewritten: not a game engram generated)" if v.ok and not v.written else ""
        console.print(f"{v.game}: {mark}{kept}")

    verdicts = validate_games(files, on_game=show, timeout_s=timeout)
    bad = [v for v in verdicts if not v.ok]
    console.print(f"{len(verdicts) - len(bad)} solvable, {len(bad)} rejected")
    if bad:
        raise typer.Exit(1)


@app.command()
def run(
    games: Annotated[Path | None, typer.Option(help="Games: a game, a folder of games, or a stream")] = None,
    run_dir: Annotated[Path | None, typer.Option(help="Run directory (re-use it to resume)")] = None,
    planner: Annotated[
        str,
        typer.Option(
            help="Planner: offline (the env's own) | offline+affordance (a built-in prior) | llm (needs --model) | "
            "a registered planner id (generic, household, grid, gui, plug-ins)"
        ),
    ] = "offline",
    memory: Annotated[str, typer.Option(help=MEMORY_HELP)] = "all",
    max_steps: Annotated[int, typer.Option(min=1, help="Step budget per episode")] = 60,
    seed: Annotated[int, typer.Option(help="Base seed; episode i uses seed + i")] = 0,
    offset: Annotated[int, typer.Option(min=0, help="Skip the first K games (episode ids keep counting)")] = 0,
    limit: Annotated[int | None, typer.Option(min=1, help="Only N games (after --offset)")] = None,
    memory_dir: Annotated[Path | None, typer.Option(help="Where memory lives (default RUN/memory)")] = None,
    step_delay: Annotated[float, typer.Option(min=0.0, help="Seconds to pause per step (demos, kill tests)")] = 0.0,
    model: Annotated[str | None, typer.Option(help="LLM planner: the model name the endpoint serves")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="LLM planner: an OpenAI-compatible endpoint, e.g. http://localhost:8000/v1")
    ] = None,
    api_key_env: Annotated[str, typer.Option(help="LLM planner: environment variable holding the API key")] = (
        "OPENAI_API_KEY"
    ),
    llm_format: Annotated[
        str,
        typer.Option(
            help="LLM planner: json (JSON mode) | tools (tool calls) | text (JSON without JSON mode) | schema "
            "(structured outputs: the action is an enum of the admissible commands)"
        ),
    ] = "json",
    prompt_budget: Annotated[int, typer.Option(help="LLM planner: prompt tokens (tiktoken cl100k)")] = 2000,
    llm_cache: Annotated[Path | None, typer.Option(help="LLM response cache (default RUN/llm_cache.sqlite)")] = None,
    llm_timeout: Annotated[
        float | None,
        typer.Option(help="LLM planner: seconds per attempt (default: 4x the slowest answer so far, 30-600 s)"),
    ] = None,
    llm_retries: Annotated[int, typer.Option(help="LLM planner: retries on timeouts, 429 and 5xx")] = 3,
    max_tokens: Annotated[
        int, typer.Option(min=1, help="LLM planner: the answer's token limit (an answer cut off there is re-asked)")
    ] = 300,
    temperature: Annotated[float, typer.Option(help="LLM planner: sampling temperature")] = 0.0,
    price_in: Annotated[float | None, typer.Option(help="Ledger: price per million prompt tokens")] = None,
    price_out: Annotated[float | None, typer.Option(help="Ledger: price per million completion tokens")] = None,
    reflect: Annotated[bool, typer.Option(help="LLM planner: write a lesson (tip) at each episode end")] = True,
    llm_order: Annotated[
        str,
        typer.Option(help="LLM planner: how commands are listed: memory (most promising first) | env | shuffle"),
    ] = "memory",
    env: Annotated[
        str | None,
        typer.Option(help="Environment id (see `engram envs`); default: TextWorld for .z8/.ulx games, else ALFWorld"),
    ] = None,
    episodes: Annotated[
        int | None, typer.Option(min=1, help="Episodes to run (ALFWorld: the first N games; other envs: default 10)")
    ] = None,
    backend: Annotated[str, typer.Option(help="serial (this process) | ray (--workers processes)")] = "serial",
    workers: Annotated[int, typer.Option(min=1, help="Ray: worker processes (each its own env and planner)")] = 2,
    ray_address: Annotated[str | None, typer.Option(help="Ray: a cluster's address (default: a local Ray)")] = None,
    episode_timeout: Annotated[
        float | None, typer.Option(min=1.0, help="Ray: seconds an episode may take; over it, an error result")
    ] = None,
    chroma_url: Annotated[
        str | None, typer.Option(help="Ray: a chroma server for episodic memory (default: one started on loopback)")
    ] = None,
    view_port: Annotated[
        int | None, typer.Option("--view", help="Serve `engram view --live` on this port during the run (0: any)")
    ] = None,
) -> None:
    """Run the agent over games (default: the bundled stream) or episodes of any registered env,
    and write a run directory."""
    from engram.agents.planners.llm import LLMConfig, LLMConfigError
    from engram.agents.runner import planner_names
    from engram.agents.spec import RunSpec

    _check_memory(memory)
    ray_only = {"--episode-timeout": episode_timeout, "--ray-address": ray_address, "--chroma-url": chroma_url}
    given = [flag for flag, value in ray_only.items() if value is not None]
    if backend == "serial" and given:
        err.print(f"[red]{', '.join(given)} need --backend ray[/red]")
        raise typer.Exit(2)
    if planner not in planner_names():
        err.print(f"[red]unknown planner {planner!r}; choose from {', '.join(planner_names())}[/red]")
        raise typer.Exit(2)
    llm = None
    try:
        if planner == "llm":
            llm = LLMConfig(model=model or "", base_url=base_url, api_key_env=api_key_env, timeout=llm_timeout,
                            max_retries=llm_retries, max_tokens=max_tokens, temperature=temperature,
                            budget=prompt_budget, format=llm_format, cache=str(llm_cache) if llm_cache else None,
                            price_in=price_in, price_out=price_out, reflect=reflect, order=llm_order)  # fmt: skip
    except LLMConfigError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    env, source, found = _episodes(env, games, offset, limit, episodes)
    run_dir = run_dir or Path("runs") / time.strftime("run-%Y%m%d-%H%M%S")
    try:
        spec = RunSpec(tuple(found), str(run_dir), env_id=env, planner=planner, memory=memory,
                       memory_dir=str(memory_dir) if memory_dir else None, max_steps=max_steps, seed=seed,
                       offset=offset, games_source=str(source), llm=llm, step_delay=step_delay, backend=backend,
                       workers=workers if backend == "ray" else 1, ray_address=ray_address,
                       episode_timeout=episode_timeout, chroma_url=chroma_url)  # fmt: skip
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(2) from exc
    with viewing(run_dir, view_port):  # the run's viewer, if asked for: up until Ctrl-C after the summary
        summary = _run_with_progress(spec, len(found))
        _print_summary(summary, run_dir, priced=price_in is not None)


def _run_with_progress(spec: RunSpec, total: int) -> RunSummary:
    """Run ``spec`` under a progress bar fed by the runner's callbacks; a bad configuration or a
    worker that never started is a clear error and exit code, not a traceback."""
    from engram.agents.planners.llm import LLMConfigError
    from engram.agents.runner import RunConfigError
    from engram.agents.runner import run as run_spec

    with _progress() as progress:
        bar = progress.add_task("episodes", total=total, status="")

        def tick(ep: EpisodeRecord) -> None:
            res = ep.result
            assert res is not None  # the runner reports finished episodes
            mark = "[green]solved[/green]" if res.success else "[red]failed[/red]"
            progress.update(bar, advance=1, status=f"{ep.task_type} {mark} in {res.steps} steps")

        def view(snap: RunProgress) -> None:
            # One line: totals, then each live worker's episode and how long it has been on it.
            now = time.time()
            busy = [f"{n}:{w['running']} {now - w['since']:.0f}s" for n, w in snap["workers"].items()
                    if w["alive"] and w["running"] and w["since"] is not None]  # fmt: skip
            status = f"running {snap['running']}, failed {snap['failed']} | " + " ".join(busy)
            progress.update(bar, completed=snap["done"], status=escape(status))

        try:
            return run_spec(spec, on_episode=tick, on_progress=view)
        except (RunConfigError, LLMConfigError, ValueError) as exc:
            err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
            raise typer.Exit(2) from exc
        except RuntimeError as exc:
            from engram.agents.parallel import WorkerFailedToStart

            if not isinstance(exc, WorkerFailedToStart):
                raise
            err.print(f"[red]{escape(str(exc))}[/red]\nre-run the same command to resume")
            raise typer.Exit(1) from exc


def _episodes(
    env: str | None, games: Path | None, offset: int, limit: int | None, episodes: int | None
) -> tuple[str, Path | str, list[str]]:
    """``engram run``'s environment, where its episodes come from, and one entry per episode: a
    game file (an env that plays game files; ALFWorld's default is the bundled stream) or ``""``
    (an env that makes its task from the seed). Exit 2 with the reason when they cannot be had."""
    from engram.agents.records import ENV_ID
    from engram.envs.registry import env_ids, game_lister
    from engram.envs.textworld_env import holds_textworld_games

    if env is None:
        env = "engram/TextWorld-v0" if games is not None and holds_textworld_games(games) else ENV_ID
    if env not in env_ids():
        err.print(f"[red]unknown environment id {env!r}; registered: {', '.join(env_ids())}[/red]")
        raise typer.Exit(2)
    found: list[str]
    lister = game_lister(env)
    if lister is not None and (games is not None or env == ENV_ID):
        source: Path | str = games or default_games()
        try:
            found = [str(g) for g in lister(source)]
        except ValueError as exc:  # the env's own loader says what is wrong with the path
            hint = " (a TextWorld game: use --env engram/TextWorld-v0)" if holds_textworld_games(source) else ""
            err.print(f"[red]{exc}{hint}[/red]")
            raise typer.Exit(2) from exc
        if offset and offset >= len(found):
            err.print(
                f"[red]--offset {offset} skips all {len(found)} games of {escape(str(source))}[/red]", soft_wrap=True
            )
            raise typer.Exit(2)
        found = found[offset:]
        limit = limit or episodes
    elif games is not None:
        err.print(f"[red]{env} makes its own tasks from the seed, not from game files: use --episodes N[/red]")
        raise typer.Exit(2)
    else:
        source, found = env, [""] * (episodes or 10)  # each episode: a seed, no game file
    return env, source, found[:limit] if limit else found


def _print_summary(summary: RunSummary, run_dir: Path, priced: bool) -> None:
    """The run's table per task type, its success line and, if a model planned, its usage."""
    console.print(summary_table(summary, f"run {run_dir}"))
    sps = summary.steps_per_success
    console.print(
        f"success {summary.success_rate:.1%} of {summary.episodes_total} episodes; steps per success {sps:.1f}"
        if sps is not None
        else "no episode solved"
    )
    led = summary.llm
    if led["calls"]:
        cost = f", cost {led['cost']:.4f}" if priced else ""
        console.print(
            f"model calls {led['calls']} ({led['cache_hits']} cached): {led['prompt_tokens']} prompt + "
            f"{led['completion_tokens']} completion tokens, {led['latency_s']:.1f} s{cost}; "
            f"decisions {json.dumps(led['outcomes'])}"
        )
    console.print(f"run directory: {run_dir}")


@app.command()
def stream(
    run_dir: Annotated[Path, typer.Option(help="Run directory; the stream is generated into RUN/games")],
    houses: Annotated[int, typer.Option("--houses", "--worlds", min=1, help="Houses / worlds (one stream each)")] = 2,
    tasks: Annotated[int, typer.Option("--tasks", "--quests", min=1, help="Tasks (quests) per house (world)")] = 10,
    perturb: Annotated[float, typer.Option(min=0.0, max=1.0, help="Fraction of objects moved between tasks")] = 0.2,
    seed: Annotated[int, typer.Option(help="Random seed for the houses and tasks")] = 0,
    rooms_per_house: Annotated[int, typer.Option(min=1, help="Rooms (floor plans) per house")] = 1,
    env: Annotated[
        str, typer.Option(help="engram/ALFWorld-v0 (households) or engram/TextWorld-v0 (persistent worlds)")
    ] = "engram/ALFWorld-v0",
    family: Annotated[str, typer.Option(help="TextWorld: custom (persistent worlds) | cooking | simple")] = "custom",
    rooms: Annotated[int, typer.Option(min=1, help="TextWorld custom: rooms per world")] = 6,
    objects: Annotated[int, typer.Option(min=1, help="TextWorld custom: objects per world")] = 10,
    min_plan: Annotated[int, typer.Option(min=1, help="TextWorld custom: shortest plan of a quest, at least")] = 3,
    memory: Annotated[str, typer.Option(help=MEMORY_HELP)] = "all",
    max_steps: Annotated[int, typer.Option(min=1, help="Step budget per episode")] = 60,
    compare: Annotated[
        list[str] | None,
        typer.Option(help="Also run these memory settings on the same games (repeatable); default: none"),
    ] = None,
    backend: Annotated[str, typer.Option(help="serial | ray (houses in parallel, each house's tasks in order)")] = (
        "serial"
    ),
    workers: Annotated[int, typer.Option(min=1, help="Ray: worker processes")] = 2,
    ray_address: Annotated[str | None, typer.Option(help="Ray: a cluster's address (default: a local Ray)")] = None,
    episode_timeout: Annotated[float | None, typer.Option(min=1.0, help="Ray: seconds an episode may take")] = None,
) -> None:
    """Generate persistent-house (or TextWorld persistent-world) streams, run them with memory
    evolving across the tasks, and compare with other memory settings: RUN/comparison.md and
    RUN/learning_curve.png."""
    from engram.tools.streams import slug, to_markdown, write_comparison

    others = [c for c in (compare if compare is not None else ["none"]) if c != memory]
    for setting in [memory, *others]:
        _check_memory(setting)
    games_dir = run_dir / "games"
    if env == "engram/TextWorld-v0":
        _textworld_stream(games_dir, family, houses, tasks, seed, rooms, objects, min_plan)
    elif env != "engram/ALFWorld-v0":
        err.print(f"[red]engram stream generates ALFWorld or TextWorld streams, not {env}[/red]")
        raise typer.Exit(2)
    else:
        _household_stream(games_dir, houses, tasks, seed, perturb, rooms_per_house)
    runs = {memory: run_dir}
    for setting in [memory, *others]:
        target = run_dir if setting == memory else run_dir / "compare" / slug(setting)
        runs[setting] = target
        console.rule(f"memory: {setting}")
        run(games=games_dir, run_dir=target, planner="offline", memory=setting, max_steps=max_steps, seed=seed,
            offset=0, limit=None, memory_dir=None, step_delay=0.0, env=env, backend=backend, workers=workers,
            ray_address=ray_address, episode_timeout=episode_timeout, chroma_url=None)  # fmt: skip
    if others:
        # The memoryless (or first compared) setting is the baseline of the ratio column.
        base = "none" if "none" in runs else others[0]
        ordered = {base: runs[base], **{k: v for k, v in runs.items() if k != base}}
        rows, png = write_comparison(run_dir, ordered)
        console.print(to_markdown(rows))
        console.print(f"learning curve: {png}")


def _textworld_stream(games_dir: Path, family: str, worlds: int, quests: int, seed: int, rooms: int, objects: int,
                      min_plan: int) -> None:  # fmt: skip
    from dataclasses import asdict

    from engram.envs.textworld_gen import StreamSpec, generate

    try:
        spec = StreamSpec(family=family, worlds=worlds, quests=quests, seed=seed, rooms=rooms, objects=objects,
                          min_plan=min_plan)  # fmt: skip
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    wanted = asdict(spec)
    if (games_dir / "generation.json").exists():  # a re-run resumes: same games, same run
        made = json.loads((games_dir / "generation.json").read_text())
        differs = sorted(k for k, v in wanted.items() if made.get(k) != v)
        if differs:
            err.print(f"[red]{games_dir.parent} holds a stream with different {', '.join(differs)}; "
                      "use a new --run-dir[/red]")  # fmt: skip
            raise typer.Exit(2)
        return
    with console.status(f"generating {worlds} x {quests} TextWorld {family} quests"):
        report = generate(games_dir, spec)
    console.print(f"generated {len(report.games)} games in {report.seconds:.1f} s")


def _household_stream(
    games_dir: Path, houses: int, tasks: int, seed: int, perturb: float, rooms_per_house: int
) -> None:
    from engram.envs.household.generator import Generator

    wanted = {"seed": seed, "houses": houses, "tasks_per_house": tasks, "stream": True, "perturb": perturb,
              "rooms_per_house": rooms_per_house}  # fmt: skip
    if (games_dir / "generation.json").exists():  # a re-run resumes: same games, same run
        made = json.loads((games_dir / "generation.json").read_text())
        differs = sorted(k for k, v in wanted.items() if made.get(k, 1 if k == "rooms_per_house" else None) != v)
        if differs:
            err.print(
                f"[red]{games_dir.parent} holds a stream with different {', '.join(differs)}; use a new --run-dir[/red]"
            )
            raise typer.Exit(2)
    else:
        with console.status(f"generating {houses} x {tasks} stream tasks"):
            gen = Generator(games_dir, seed, stream=True, perturb=perturb, rooms_per_house=rooms_per_house)
            report = gen.run(houses, tasks)
        console.print(f"generated {len(report.games)} games in {report.seconds:.1f} s")


@app.command()
def replay(
    run_dir: Annotated[Path, typer.Argument(help="Run directory")],
    episode: Annotated[list[str] | None, typer.Option(help="Only these episodes")] = None,
    llm_cache: Annotated[
        Path | None,
        typer.Option(help="Re-decide every step, the model answered only from this cache (e.g. RUN/llm_cache.sqlite)"),
    ] = None,
    into: Annotated[Path | None, typer.Option(help="With --llm-cache: write the re-run here (default: temp)")] = None,
) -> None:
    """Re-run every recorded episode on a fresh env; exit 1 if any observation differs.

    With ``--llm-cache`` the agent itself runs again (memory, prompts, cached model answers,
    grounding) with no endpoint, and every step's action and observation must match the record."""
    from engram.tools.replay import replay_run

    if llm_cache is not None:
        if episode:
            # Memory carries over from episode to episode, so a re-run cannot start in the middle.
            err.print("[yellow]--episode is ignored with --llm-cache: the whole run is re-run in order[/yellow]")
        _rerun(run_dir, llm_cache, into)
        return

    def tick(ep: str, n: int) -> None:
        if n:
            err.print(f"[red]{ep}: {n} differing observations[/red]")

    from engram.agents.rundir import RunFileError
    from engram.envs.registry import UnknownEnvironment

    try:
        report = replay_run(str(run_dir), episode, on_episode=tick)
    except (FileNotFoundError, UnknownEnvironment, RunFileError) as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(2) from exc
    _print_differences(report.differences, "replayed")
    for problem in report.problems:
        err.print(f"[red]{escape(problem)}[/red]", soft_wrap=True)
    damaged = f"; {len(report.problems)} problem(s) with the record" if report.problems else ""
    console.print(
        f"replayed {report.episodes} episodes, {report.observations} observations: "
        f"{len(report.differences)} differing{damaged}"
    )
    if report.differences or report.problems:
        raise typer.Exit(1)


def _print_differences(differences: list[Any], label: str) -> None:
    for d in differences[:20]:
        err.print(
            f"{d.episode} t={d.t} {d.key}:\n  recorded {json.dumps(d.recorded)[:300]}\n"
            f"  {label} {json.dumps(d.replayed)[:300]}"
        )


def _rerun(run_dir: Path, cache: Path, into: Path | None) -> None:
    from engram.agents.planners.llm import LLMConfigError
    from engram.envs.registry import UnknownEnvironment
    from engram.tools.replay import RerunError, rerun_with_cache

    try:
        report = rerun_with_cache(str(run_dir), str(cache), str(into) if into else None)
    except (FileNotFoundError, RerunError, LLMConfigError, UnknownEnvironment, ValueError) as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(2) from exc
    _print_differences(report.differences, "re-run  ")
    console.print(
        f"re-ran {report.episodes} episodes, {report.steps} steps from the cache ({report.cache_misses} misses): "
        f"{len(report.differences)} differing; re-run written to {report.run_dir}"
    )
    if report.differences or report.cache_misses:
        raise typer.Exit(1)


@app.command()
def envs() -> None:
    """List the registered environment ids, one per line (engram's and installed plug-ins')."""
    from engram.envs.registry import env_ids

    for env_id in env_ids():
        print(env_id)


@app.command("check-env")
def check_env(
    env_id: Annotated[str, typer.Argument(help="Environment id, e.g. engram/ALFWorld-v0")],
    steps: Annotated[int, typer.Option(min=1, help="Steps to take through admissible commands")] = 8,
) -> None:
    """gymnasium's env checker plus engram's Observation contract; exit 0 when the env conforms."""
    from engram.envs.check import check
    from engram.envs.registry import env_ids

    if env_id not in env_ids():
        err.print(f"[red]unknown environment id {env_id!r}; registered: {', '.join(env_ids())}[/red]")
        raise typer.Exit(2)
    report = check(env_id, steps=steps)
    for name in report.passed:
        console.print(f"[green]ok[/green]   {name}")
    for problem in report.failed:
        console.print(f"[red]FAIL[/red] {escape(problem)}")
    for warning in report.warnings:
        console.print(f"[yellow]warn[/yellow] {escape(warning)}")
    console.print(f"{env_id}: {'conforms' if report.ok else 'does not conform'}")
    if not report.ok:
        raise typer.Exit(1)


app.add_typer(memory_app, name="memory")
app.command()(view)
app.command()(show)
app.add_typer(experience_app, name="experience")


def main() -> None:
    app()
