"""``engram memory`` (what a memory directory holds and who wrote it; importing finished runs into
one) and ``engram experience`` (the experience bank), kept apart from ``cli.py``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console, err = Console(), Console(stderr=True)
memory_app = typer.Typer(no_args_is_help=True, help="Memory directories: inspect them, import runs into them")


@memory_app.command("show")
def memory_show(
    memory_dir: Annotated[Path, typer.Argument(help="A memory directory (RUN/memory or --memory-dir)")],
) -> None:
    """Per module: its commits (generation), the episodes it holds and whether its store reads back
    whole; the writers that committed. Read-only: it changes no file. A store that cannot be read is
    marked and the command exits 1; a ledger that cannot be read is a one-line error (exit 2)."""
    from engram.memory.shared import MemoryStoreError, ledger_report, store_problem

    if not memory_dir.is_dir():
        err.print(f"[red]{escape(str(memory_dir))} is not a directory[/red]", soft_wrap=True)
        raise typer.Exit(2)
    try:
        report = ledger_report(memory_dir)
    except MemoryStoreError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(2) from exc
    table = Table(title=f"memory {escape(str(memory_dir))}")
    for col in ("module", "commits", "episodes", "store"):
        table.add_column(col, justify="right" if col in ("commits", "episodes") else "left")
    problems = []
    for name, m in report["modules"].items():
        problem = store_problem(memory_dir, name, m["episodes"])
        if problem:
            problems.append(f"{name}.sqlite: {problem}")
        table.add_row(name, str(m["generation"]), str(len(m["episodes"])), escape(problem or "ok"))
    console.print(table)
    console.print(f"{len(report['writers'])} writer(s)")
    for problem in problems:
        err.print(f"[red]{escape(problem)}[/red]", soft_wrap=True)
    if problems:
        raise typer.Exit(1)


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
            err.print(f"[red]{escape(str(exc))}[/red]", soft_wrap=True)
            raise typer.Exit(2) from exc
        console.print(f"{run}: {done['added']} episode(s) added, {done['already_there']} already there, "
                      f"{done['skipped_unfinished']} unfinished or failed with an error skipped")  # fmt: skip


experience_app = typer.Typer(no_args_is_help=True, help="The experience bank: train its encoder, inspect it")


ENV_DEFAULT = "engram/ALFWorld-v0"


def _domain(env: str) -> Any:
    from engram.envs.registry import domain_of, env_ids

    if env not in env_ids():
        err.print(f"[red]unknown environment id {env!r}; registered: {', '.join(env_ids())}[/red]")
        raise typer.Exit(2)
    return domain_of(env)


def _bank_path(memory_dir: Path) -> Path:
    from engram.memory.shared import module_path

    path = module_path(memory_dir, "experience") if memory_dir.is_dir() else memory_dir
    if not path.exists():
        err.print(f"[red]no experience bank at {path} (run with --memory experience first)[/red]")
        raise typer.Exit(2)
    return path


@experience_app.command("train")
def experience_train(
    memory_dir: Annotated[Path, typer.Argument(help="A memory directory (RUN/memory) or an experience.sqlite")],
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the stored states")] = 30,
    seed: Annotated[int, typer.Option(help="Seed (same seed, same bank: same encoder)")] = 0,
    conv: Annotated[str | None, typer.Option(help="Graph layer: gin | gatv2 (default: the bank's)")] = None,
    env: Annotated[str, typer.Option(help="The environment whose runs filled the bank (its domain)")] = ENV_DEFAULT,
) -> None:
    """Train the state encoder on the bank's own successful traces; re-embed the bank (new version)."""
    from engram.memory.experience import ExperienceMemory, train_bank
    from engram.memory.shared import MemoryDirectory

    path = _bank_path(memory_dir)
    bank = ExperienceMemory(domain=_domain(env))
    reports: list[Any] = []
    # Under the memory directory's lock, on the bank as every writer left it: runs writing the
    # same directory wait for the training rather than lose their episodes or the new encoder.
    shared = MemoryDirectory(path.parent, [bank], writer=f"experience-train/{os.getpid()}")
    try:
        with console.status("training on the bank's successful traces"):
            shared.update(lambda _: reports.append(train_bank(bank, epochs=epochs, seed=seed, conv=conv)))
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    report = reports[0]
    console.print(
        f"encoder v{bank.version} ({bank.config.conv}): {report.states} states, {report.epochs} epochs, "
        f"{report.seconds:.1f} s; loss {report.losses[0]:.3f} -> {report.losses[-1]:.3f}; "
        f"head accuracy {report.accuracy}"
    )


@experience_app.command("show")
def experience_show(
    memory_dir: Annotated[Path, typer.Argument(help="A memory directory (RUN/memory) or an experience.sqlite")],
    env: Annotated[str, typer.Option(help="The environment whose runs filled the bank (its domain)")] = ENV_DEFAULT,
) -> None:
    """What the bank holds: traces, states, clusters, encoder versions."""
    from engram.memory.experience import ExperienceMemory

    bank = ExperienceMemory(domain=_domain(env))
    bank.load(_bank_path(memory_dir))
    ok = sum(t.success for t in bank.traces)
    console.print(
        f"{len(bank.traces)} traces ({ok} successful), {len(bank.index)} indexed states "
        f"in {bank.index.n_clusters()} clusters; encoder v{bank.version} ({bank.config.conv})"
    )
    for v in bank.versions:
        rep = v["report"]
        what = f"trained on {rep['states']} states in {rep['seconds']} s" if rep else "untrained"
        console.print(f"  v{v['version']}: {what}")
