"""``engram show`` (a run in the terminal) and ``engram view`` (the web viewer), kept apart from ``cli.py``."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from engram.agents.records import EpisodeRecord, RunSummary
from engram.agents.rundir import RunDir, RunFileError

console, err = Console(), Console(stderr=True)


def summary_table(summary: RunSummary, title: str) -> Table:
    table = Table(title=title)
    table.add_column("task type", no_wrap=True)
    for col in ("episodes", "success", "median steps (solved)", "mean time"):
        table.add_column(col, justify="right")
    for task_type, g in summary.per_task_type.items():
        med = g["median_steps_success"]
        table.add_row(
            task_type,
            str(g["episodes"]),
            f"{g['success_rate']:.0%}",
            "-" if med is None else f"{med:g}",
            f"{g['mean_seconds']:.2f} s",
        )
    return table


def view(
    runs: Annotated[list[Path], typer.Argument(help="Run directories (several: side by side, compared)")],
    host: Annotated[
        str, typer.Option(help="Address to listen on (anything but loopback exposes your runs)")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0: any free port; the URL is printed)")] = 8765,
    live: Annotated[bool, typer.Option("--live", help="Pages reload as a running run writes new steps")] = False,
) -> None:
    """Browse runs, episodes, steps and memory in a local web app (read-only)."""
    try:
        from engram.tools.viewer import LOOPBACK, Viewer, bind, check_runs, serve
    except ImportError as exc:
        err.print(f"[red]engram view needs the viewer's packages: pip install 'engram[view]' ({exc})[/red]")
        raise typer.Exit(2) from exc
    problems = check_runs(runs)
    if problems:
        for p in problems:
            err.print(f"[red]{p}[/red]")
        raise typer.Exit(2)
    viewer = Viewer(runs, live=live, host=host)  # templates compiled before the URL is shown
    try:
        sock = bind(host, port)
    except OSError as exc:
        err.print(f"[red]cannot listen on {host}:{port}: {exc}[/red]")
        raise typer.Exit(2) from exc
    shown = f"[{host}]" if ":" in host else host
    console.print(f"engram view: http://{shown}:{sock.getsockname()[1]}/  (Ctrl-C stops it)", highlight=False)
    if host not in LOOPBACK:
        err.print(f"[yellow]listening on {host}: anyone who can reach it can read these runs[/yellow]")
    serve(viewer, sock)


def show(
    run_dir: Annotated[Path, typer.Argument(help="Run directory")],
    episode: Annotated[str | None, typer.Argument(help="Episode id (e.g. ep0003); omit for the overview")] = None,
    facts: Annotated[bool, typer.Option("--facts", help="Also print each step's new facts")] = False,
) -> None:
    """Print a run's overview, or one episode step by step (read-only: it changes no file).

    A damaged file is named: the overview lists an unreadable episode as such beside the others and
    warns; one episode whose record cannot be read is a one-line error (exit 2); missing or
    unreadable steps are a warning after what could be read."""
    run_ = RunDir(run_dir)
    if not run_.manifest_path.exists():
        err.print(f"[red]{escape(str(run_dir))} is not a run directory (no manifest.json)[/red]", soft_wrap=True)
        raise typer.Exit(2)
    try:
        run_.manifest()
        if episode is None:
            _overview(run_, run_dir)
            return
        ep = run_.episode(episode)
    except (FileNotFoundError, RunFileError) as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(2) from exc
    _episode(run_, episode, ep, facts)


def _overview(run_: RunDir, run_dir: Path) -> None:
    """The run's table per task type and its episodes; an unreadable episode.json is a row that
    says so (and a warning), so one damaged file hides neither the others nor itself."""
    eps: list[EpisodeRecord] = []
    warnings: list[str] = []
    rows: list[tuple[str, ...]] = []
    for episode_id in run_.episode_ids():
        try:
            ep = run_.episode(episode_id)
        except RunFileError as exc:
            rel = exc.path.relative_to(run_.path).as_posix()
            warnings.append(f"unreadable: {rel}: {exc.problem}")
            rows.append((episode_id, "", "", f"unreadable: {rel}: {exc.problem}", "-"))
            continue
        eps.append(ep)
        res = ep.result
        status = "running" if not res else ("solved" if res.success else "failed")
        rows.append((episode_id, ep.task_type, ep.world_id, status, str(res.steps) if res else "-"))
    try:
        run_.summary()
    except RunFileError as exc:
        warnings.append(f"{exc.path.relative_to(run_.path).as_posix()}: {exc.problem} (the table is computed from "
                        "the episodes; re-running the run writes it again)")  # fmt: skip
    console.print(summary_table(RunSummary.of(eps), f"run {run_dir}"))
    table = Table()
    for col in ("episode", "task type", "world", "result", "steps"):
        table.add_column(col)
    for row in rows:
        table.add_row(*map(escape, row))
    console.print(table)
    for warning in warnings:
        err.print(f"[yellow]warning: {escape(warning)}[/yellow]", soft_wrap=True)


def _episode(run_: RunDir, episode: str, ep: EpisodeRecord, facts: bool) -> None:
    """One episode step by step; a damaged ``steps.jsonl`` (steps missing, a line unreadable) is
    named in a warning after the steps that could be read."""
    from engram.envs.core import Fact

    goal = ep.goal if isinstance(ep.goal, dict) else {}
    console.rule(escape(f"{episode}: {goal.get('text', '')}  [{ep.task_type}]"))
    console.print((ep.initial_observation or {}).get("text", ""), markup=False, highlight=False)
    for step in run_.steps(episode):
        console.print(f"\n[bold cyan]{step.t:>3}[/bold cyan] [dim]{escape(str(step.subgoal))}[/dim]")
        console.print(f"    > {step.action}", markup=False, highlight=False)
        console.print(f"    {(step.observation or {}).get('text', '')}", markup=False, highlight=False)
        if step.error:
            console.print(f"    [red]error: {escape(str(step.error))}[/red]")
        llm = step.llm
        if llm:
            console.print(
                f"    [dim]model: {llm['outcome']}, {llm['calls']} call(s) ({llm['cache_hits']} cached), "
                f"{llm['prompt_tokens']}+{llm['completion_tokens']} tokens, {llm['latency_s']:.2f} s; "
                f"{escape(str(step.rationale))[:160]}[/dim]"
            )
        if facts and step.facts_delta:
            # str(Fact) says "not fridge 1 open" for an observed negation, which f[:3] alone hid.
            shown = "; ".join(str(Fact.from_json(f)) for f in step.facts_delta)
            console.print(f"    [dim]facts: {escape(shown)}[/dim]")
    res = ep.result
    tip = ep.reflection.get("tip") if ep.reflection else None
    if tip:
        console.print(f"\n[bold]lesson:[/bold] {escape(tip)}")
    console.rule("solved" if res and res.success else ("failed" if res else "unfinished"))
    for problem in run_.step_problems(episode, ep):
        err.print(
            f"[yellow]warning: {escape(problem)}: the steps shown are not the whole episode[/yellow]", soft_wrap=True
        )


@contextmanager
def viewing(run_dir: Path, port: int | None) -> Iterator[None]:
    """``engram run --view PORT``: the viewer, live, on loopback, from the run's start.

    The socket listens at once, so the printed URL works at once: a browser that connects before
    the run has written its manifest waits in the listen queue rather than seeing an error. When
    the run ends the viewer stays up until Ctrl-C; when the run fails it stops with it."""
    if port is None:
        yield
        return
    from engram.tools.viewer import Viewer, bind, server_for

    try:
        sock = bind("127.0.0.1", port)
    except OSError as exc:
        err.print(f"[red]cannot listen on 127.0.0.1:{port}: {exc}[/red]")
        raise typer.Exit(2) from exc
    server = server_for(Viewer([run_dir], live=True))

    def serve() -> None:
        while not (run_dir / "manifest.json").exists() and not server.should_exit:
            time.sleep(0.1)
        if not server.should_exit:
            server.run(sockets=[sock])

    thread = threading.Thread(target=serve, name="engram-view", daemon=True)
    thread.start()
    console.print(f"engram view: http://127.0.0.1:{sock.getsockname()[1]}/  (live)", highlight=False)
    try:
        yield
    except BaseException:
        server.should_exit = True
        raise
    # Ctrl-C is taken by a handler installed before the message that invites it. Before, it was a
    # KeyboardInterrupt: one that came between the message and the ``try`` ended the command with an
    # error, and one raised inside ``Thread.join`` can mark the serving thread stopped while it still
    # runs (CPython releases the thread's state lock when a signal interrupts the join); the test of
    # this once found the process alive 20 s after SIGINT on a loaded machine. An event has no such edge.
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        console.print("the run is over; the viewer stays up until Ctrl-C", highlight=False)
        while thread.is_alive() and not stop.wait(0.5):
            pass
    finally:
        signal.signal(signal.SIGINT, previous)
        server.should_exit = True
        thread.join(10)
