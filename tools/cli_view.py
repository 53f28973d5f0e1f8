"""``engram view``: serve the web viewer over run directories (kept apart from ``cli.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console, err = Console(), Console(stderr=True)


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
        from engram.tools.viewer import Viewer, bind, check_runs, serve
    except ImportError as exc:
        err.print(f"[red]engram view needs the viewer's packages: pip install 'engram[view]' ({exc})[/red]")
        raise typer.Exit(2) from exc
    problems = check_runs(runs)
    if problems:
        for p in problems:
            err.print(f"[red]{p}[/red]")
        raise typer.Exit(2)
    try:
        sock = bind(host, port)
    except OSError as exc:
        err.print(f"[red]cannot listen on {host}:{port}: {exc}[/red]")
        raise typer.Exit(2) from exc
    shown = f"[{host}]" if ":" in host else host
    console.print(f"engram view: http://{shown}:{sock.getsockname()[1]}/  (Ctrl-C stops it)", highlight=False)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]listening on {host}: anyone who can reach it can read these runs[/yellow]")
    serve(Viewer(runs, live=live), sock)
