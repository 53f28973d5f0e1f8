"""``engram memory``: what a memory directory holds and who wrote it, and importing finished runs
into one (kept apart from ``cli.py`` so neither grows past a screenful of commands)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

console, err = Console(), Console(stderr=True)
memory_app = typer.Typer(no_args_is_help=True, help="Memory directories: inspect them, import runs into them")


@memory_app.command("show")
def memory_show(
    memory_dir: Annotated[Path, typer.Argument(help="A memory directory (RUN/memory or --memory-dir)")],
) -> None:
    """Per module: its commits (generation) and the episodes it holds; the writers that committed."""
    from engram.memory.shared import ledger_report

    if not memory_dir.is_dir():
        err.print(f"[red]{memory_dir} is not a directory[/red]")
        raise typer.Exit(2)
    report = ledger_report(memory_dir)
    table = Table(title=f"memory {memory_dir}")
    for col in ("module", "commits", "episodes"):
        table.add_column(col, justify="left" if col == "module" else "right")
    for name, m in report["modules"].items():
        table.add_row(name, str(m["generation"]), str(len(m["episodes"])))
    console.print(table)
    console.print(f"{len(report['writers'])} writer(s)")


@memory_app.command("import")
def memory_import(
    runs: Annotated[list[Path], typer.Argument(help="Run directories whose finished episodes to add")],
    memory_dir: Annotated[Path, typer.Option(help="The memory directory to add them to")],
    memory: Annotated[str, typer.Option(help="Modules to fill: all | comma list")] = "all",
    episodes: Annotated[str | None, typer.Option(help="Only these episode ids (comma list)")] = None,
) -> None:
    """Consolidate finished runs into a memory directory, safely beside other writers."""
    from engram.tools.memory_import import import_run

    for run in runs:
        try:
            done = import_run(run, memory_dir, memory, episodes.split(",") if episodes else None)
        except ValueError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from exc
        console.print(f"{run}: {done['added']} episode(s) added, {done['already_there']} already there, "
                      f"{done['skipped_unfinished']} unfinished or failed with an error skipped")  # fmt: skip
