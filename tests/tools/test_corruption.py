"""Damaged run and memory directories, file by file (issue 26).

Every file a run or a memory directory holds is damaged four ways (cut to half, emptied, valid data
of the wrong shape, random bytes), and every command that reads that file is run on the result. A
command may end in one of these ways, and the matrix says which for each pair:

* ``error``: exit 2 with one line on stderr naming the file (nothing else could be done);
* ``flagged``: exit 1, the report printed and the file named (a check that found a problem);
* ``warning``: exit 0, the output printed and a warning naming the file (the rest is usable);
* ``healed``: exit 0, a file the command only writes is written anew (``summary.json`` on resume).

Never a traceback (the in-process ``cli`` re-raises an unexpected exception), never exit 0 without
the file named, and a read-only command (``show``, ``replay``, ``memory show``, the viewer) changes
no file of the run: every file's sha256, and the set of files, are compared before and after.

Pairs where a command never reads the file (``memory show`` and ``steps.jsonl``) are not cases: the
matrix is built from what each command reads (``READERS``). The viewer's column is its own test
(``VIEW_PAGES``): the page that reads the damaged file names it, and the run's page still opens.

One small run with all memory modules is made once per module and copied per case; its LLM response
cache comes from a second, tiny run against the scripted server, since only a model-backed run has
one.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

MODULES = ("working", "scene", "skills", "episodic", "experience", "utility")
EP = "ep0000"
#: how the base run is made, and re-made (resumed) by the ``rerun`` column
RUN_ARGS = ("--limit", "2", "--memory", "all", "--max-steps", "8")
LLM_ARGS = ("--planner", "llm", "--model", "scripted", "--limit", "1", "--memory", "none", "--max-steps", "3")
CORRUPTIONS = ("half", "empty", "wrong_shape", "random")
READ_ONLY = ("show", "show_ep", "replay", "memory_show", "replay_llm", "view")


@dataclass(frozen=True)
class Damaged:
    """One file of the base runs: where it is, its kind, and the commands that read it."""

    rel: str  # relative to the run directory
    kind: str  # json | jsonl | sqlite
    role: str  # manifest | summary | episode | steps | checkpoints | store | ledger | llm_cache


FILES = [
    Damaged("manifest.json", "json", "manifest"),
    Damaged("summary.json", "json", "summary"),
    Damaged(f"episodes/{EP}/episode.json", "json", "episode"),
    Damaged(f"episodes/{EP}/steps.jsonl", "jsonl", "steps"),
    Damaged("checkpoints.sqlite", "sqlite", "checkpoints"),
    *(Damaged(f"memory/{m}.sqlite", "sqlite", "store") for m in MODULES),
    Damaged("memory/ledger.sqlite", "sqlite", "ledger"),
    Damaged("llm_cache.sqlite", "sqlite", "llm_cache"),
]

#: role -> {command: outcome}: the commands that read a file of that role, and how each must end
READERS: dict[str, dict[str, str]] = {
    "manifest": {"show": "error", "show_ep": "error", "replay": "error", "memory_import": "error", "rerun": "error"},
    # ``show`` computes its table from the episodes but says the summary scripts read is damaged;
    # a resumed run writes it anew.
    "summary": {"show": "warning", "rerun": "healed"},
    "episode": {
        "show": "warning",
        "show_ep": "error",
        "replay": "flagged",
        "memory_import": "error",
        "rerun": "error",
    },
    # A finished episode's steps are read by nothing that resumes or imports (those read checkpoints).
    "steps": {"show_ep": "warning", "replay": "flagged"},
    "checkpoints": {"memory_import": "error", "rerun": "error"},
    "store": {"memory_show": "flagged", "memory_import": "error"},
    "ledger": {"memory_show": "error", "memory_import": "error", "rerun": "error"},
    "llm_cache": {"replay_llm": "error", "rerun": "error"},
}


def _readers(damaged: Damaged, corruption: str) -> dict[str, str]:
    """The commands to run on ``damaged`` cut the ``corruption`` way, and their outcomes."""
    readers = dict(READERS[damaged.role])
    if damaged.rel == "memory/skills.sqlite":
        # Resuming checks every store as import does (``check_stores``, before anything is
        # written): one module's column stands for all, as it is the costly one.
        readers["rerun"] = "error"
    if damaged.role == "llm_cache" and corruption == "empty":
        readers.pop("rerun")  # an empty file is a new cache (``--llm-cache`` naming a fresh file)
    return readers


CASES = [
    pytest.param(d, c, command, outcome, id=f"{d.rel}-{c}-{command}")
    for d in FILES
    for c in CORRUPTIONS
    for command, outcome in _readers(d, c).items()
]


# -- the base runs ---------------------------------------------------------------------------------
def _invoke(*args: object) -> Any:
    from typer.testing import CliRunner

    from engram.tools.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The offline run with every memory module (2 episodes), and a 1-episode run of the LLM planner
    against the scripted server (its response cache); the server is gone once they are made."""
    from engram.tools.llm_server import Reply, ScriptedLLMServer, prompt_admissible

    root = tmp_path_factory.mktemp("bases")
    made = _invoke("run", *RUN_ARGS, "--run-dir", root / "run")
    assert made.exit_code == 0, made.stdout + made.stderr

    def model(request: dict[str, Any]) -> Reply:
        if len(request["messages"]) == 1:
            return Reply(content='{"tip": "Open what is closed."}')
        return Reply(content=json.dumps({"action": prompt_admissible(request)[0]}))

    with ScriptedLLMServer(model) as server:
        made = _invoke("run", *LLM_ARGS, "--base-url", server.url, "--run-dir", root / "llm")
        url = server.url
    assert made.exit_code == 0, made.stdout + made.stderr
    for run in ("run", "llm"):
        assert not list((root / run).glob("*-wal")), "a checkpoint left in a WAL file would escape the damage"
    return {"run": root / "run", "llm": root / "llm", "url": Path(url)}


def _fresh(bases: dict[str, Path], damaged: Damaged, into: Path) -> Path:
    run = into / "run"
    shutil.copytree(bases["llm" if damaged.role == "llm_cache" else "run"], run)
    return run


def damage(path: Path, corruption: str, kind: str) -> None:
    """Cut ``path`` to half, empty it, give it valid content of the wrong shape, or random bytes."""
    data = path.read_bytes()
    if corruption == "half":
        path.write_bytes(data[: len(data) // 2])
    elif corruption == "empty":
        path.write_bytes(b"")
    elif corruption == "random":
        path.write_bytes(random.Random(path.name).randbytes(len(data)))
    elif kind == "sqlite":  # a whole SQLite database, of other tables
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE wrong (x)")
            db.execute("INSERT INTO wrong VALUES (1)")
        sqlite3.connect(path).close()
    else:  # JSON: a list where an object belongs (every line, for the steps)
        path.write_text("[]\n")


def checksums(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*"))
            if p.is_file()}  # fmt: skip


# -- the commands ----------------------------------------------------------------------------------
@dataclass
class Ended:
    code: int
    stdout: str
    stderr: str
    named: str  # how the damaged file is named in what the command printed


def command(name: str, run: Path, damaged: Damaged, case: Path, url: str, cli: Callable[..., Any]) -> Ended:
    """Run the ``name`` column's command on ``run``; ``named``: the file as the command names it
    (relative to the directory it was given)."""
    memory = run / "memory"
    named = damaged.rel
    if name == "show":
        done = cli("show", run)
    elif name == "show_ep":
        done = cli("show", run, EP)
    elif name == "replay":
        done = cli("replay", run)
    elif name == "replay_llm":
        done = cli("replay", run, "--llm-cache", run / "llm_cache.sqlite", "--into", case / "again")
    elif name == "memory_show":
        done = cli("memory", "show", memory)
        named = Path(damaged.rel).name
    elif name == "memory_import":
        # Run files: into a new memory directory; memory files: into the run's own, which it reads.
        target = memory if damaged.rel.startswith("memory/") else case / "memory"
        done = cli("memory", "import", run, "--memory-dir", target)
    elif name == "rerun":
        args = (*LLM_ARGS, "--base-url", url) if damaged.role == "llm_cache" else RUN_ARGS
        done = cli("run", *args, "--run-dir", run)
    else:
        raise AssertionError(f"no command {name}")
    return Ended(done.returncode, done.stdout, done.stderr, named)


def check_outcome(ended: Ended, outcome: str, path: Path) -> None:
    """What ``outcome`` means (see the module's docstring)."""
    lines = [line for line in ended.stderr.splitlines() if line.strip()]
    assert "Traceback" not in ended.stdout + ended.stderr
    if outcome == "healed":
        assert ended.code == 0, ended.stderr
        assert json.loads(path.read_text())["episodes_total"] == 2
        return
    named = [line for line in lines if ended.named in line]
    assert named, f"{ended.named} not named; exit {ended.code}; stderr: {ended.stderr!r}"
    if outcome == "error":
        assert ended.code == 2 and len(lines) == 1, f"exit {ended.code}: {ended.stderr!r}"
    elif outcome == "flagged":
        assert ended.code == 1 and ended.stdout.strip(), f"exit {ended.code}: {ended.stderr!r}"
    else:
        assert outcome == "warning" and ended.code == 0 and ended.stdout.strip(), ended.stderr
        assert all("warning" in line for line in named)


@pytest.mark.parametrize(("damaged", "corruption", "column", "outcome"), CASES)
def test_a_damaged_file_is_named_by_every_command_that_reads_it(
    bases: dict[str, Path], tmp_path: Path, cli, damaged: Damaged, corruption: str, column: str, outcome: str
) -> None:
    run = _fresh(bases, damaged, tmp_path)
    path = run / damaged.rel
    damage(path, corruption, damaged.kind)
    before, memory_before, damaged_bytes = checksums(run), checksums(run / "memory"), path.read_bytes()
    ended = command(column, run, damaged, tmp_path, str(bases["url"]), cli)
    check_outcome(ended, outcome, path)
    if column in READ_ONLY:
        assert checksums(run) == before, "a read-only command changed the run directory"
    elif outcome == "error":
        assert path.read_bytes() == damaged_bytes, "the damaged file was written over"
        if column == "memory_import":
            assert checksums(run / "memory") == memory_before, "import wrote to a memory directory it cannot read"
            assert not (tmp_path / "memory").exists(), "import wrote a memory directory it cannot fill"


def test_every_command_passes_on_the_undamaged_runs(bases: dict[str, Path], tmp_path: Path, cli) -> None:
    """The matrix's control: each column's command, on the runs as made, ends well and warns of nothing."""
    for role, columns in (("episode", READERS["episode"]), ("store", READERS["store"]),
                          ("llm_cache", READERS["llm_cache"])):  # fmt: skip
        damaged = next(d for d in FILES if d.role == role)
        for column in columns:
            case = tmp_path / role / column
            case.mkdir(parents=True)
            run = _fresh(bases, damaged, case)
            ended = command(column, run, damaged, case, str(bases["url"]), cli)
            assert ended.code == 0 and not ended.stderr.strip(), (role, column, ended.stderr)


# -- the defects the matrix grew from (issue 26) ---------------------------------------------------
def test_a_damaged_store_is_marked_and_a_damaged_ledger_is_an_error(
    bases: dict[str, Path], tmp_path: Path, cli
) -> None:
    """Issue 26 (12): a store cut in half ended ``memory show`` and ``memory import`` in tracebacks
    that named no file, and ``memory show`` went on reporting the module's episodes from the ledger."""
    run = _fresh(bases, FILES[0], tmp_path)
    memory = run / "memory"
    skills = memory / "skills.sqlite"
    skills.write_bytes(skills.read_bytes()[: skills.stat().st_size // 2])
    before = checksums(run)
    shown = cli("memory", "show", memory)
    assert shown.returncode == 1 and "skills.sqlite: cannot be read: cut off" in shown.stderr
    assert "scene" in shown.stdout and "cannot be read" in shown.stdout  # the others, and the mark
    imported = cli("memory", "import", run, "--memory-dir", memory)
    assert imported.returncode == 2 and f"{skills}: cannot be read: cut off" in imported.stderr
    assert checksums(run) == before  # read-only, and an import that cannot read writes nothing
    skills.write_bytes(random.Random(0).randbytes(4096))
    shown = cli("memory", "show", memory)
    assert shown.returncode == 1 and "skills.sqlite: cannot be read: file is not a database" in shown.stderr
    ledger = memory / "ledger.sqlite"
    ledger.write_bytes(ledger.read_bytes()[: ledger.stat().st_size // 2])
    shown = cli("memory", "show", memory)
    assert shown.returncode == 2 and f"{ledger}: cannot be read" in shown.stderr and not shown.stdout


def test_memory_show_reads_a_directory_whatever_its_name(bases: dict[str, Path], tmp_path: Path, cli) -> None:
    """The ledger is opened read-only through a file URI: characters a URI gives meaning to are
    escaped, not read as its query or fragment."""
    odd = tmp_path / "100% memory?#1"
    shutil.copytree(bases["run"] / "memory", odd)
    before = checksums(odd)
    shown = cli("memory", "show", odd)
    assert shown.returncode == 0, shown.stderr
    assert all(m in shown.stdout for m in MODULES) and checksums(odd) == before


@pytest.mark.parametrize("module", MODULES)
def test_a_store_its_module_cannot_load_is_named(bases: dict[str, Path], tmp_path: Path, module: str) -> None:
    """Each module's ``load`` meets a store of the wrong shape (SQLite, but not its tables) in one
    place (``MemoryDirectory``), which names the file whatever the module raised."""
    from engram.agents.runner import ENV_ID, make_memory
    from engram.envs.registry import domain_of
    from engram.memory.shared import MemoryDirectory, MemoryStoreError

    memory = tmp_path / "memory"
    shutil.copytree(bases["run"] / "memory", memory)
    store = memory / f"{module}.sqlite"
    store.unlink()
    with sqlite3.connect(store) as db:
        db.execute("CREATE TABLE consolidated (other)")
    sqlite3.connect(store).close()
    modules = make_memory([module], domain_of(ENV_ID))
    with pytest.raises(MemoryStoreError, match=f"{store}: cannot be read: "):
        MemoryDirectory(memory, modules, writer="test").refresh()


def _import_together(run: Path, memory: Path, barrier: Any, out: Any) -> None:
    """One of two imports started together: each has fed its modules the run's first episode
    before either commits it (the interleaving that counted an episode twice)."""
    from engram.memory.shared import MemoryDirectory
    from engram.tools.memory_import import import_run

    commit = MemoryDirectory.commit

    def first_together(self: MemoryDirectory, replay: Any = None) -> set[str]:
        if not getattr(self, "met", False):
            self.met = True  # type: ignore[attr-defined]
            barrier.wait(120)
        return commit(self, replay)

    MemoryDirectory.commit = first_together  # type: ignore[method-assign]
    out.put(import_run(run, memory, "working,scene"))


def test_two_imports_at_once_count_each_episode_once(bases: dict[str, Path], tmp_path: Path) -> None:
    """Issue 26 (13): two imports of one run into one memory directory said "1 added, 1 already
    there" and "2 added" for two episodes: each decided "added" before taking the lock."""
    import multiprocessing

    from engram.memory.shared import ledger_report

    ctx = multiprocessing.get_context("fork")  # the modules already imported: a process in ms
    barrier, out = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_import_together, args=(bases["run"], tmp_path / "memory", barrier, out))
               for _ in range(2)]  # fmt: skip
    for w in workers:
        w.start()
    reports = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    assert sum(r["added"] for r in reports) == 2, reports
    assert sum(r["already_there"] for r in reports) == 2, reports
    assert {len(m["episodes"]) for m in ledger_report(tmp_path / "memory")["modules"].values()} == {2}


# -- the viewer's column ---------------------------------------------------------------------------
#: role -> the page that reads a file of that role (the viewer reads no checkpoint nor response cache)
VIEW_PAGES = {"manifest": "/run/0", "summary": "/run/0", "episode": f"/run/0/ep/{EP}", "steps": f"/run/0/ep/{EP}",
              "store": "/run/0/memory", "ledger": "/run/0/memory"}  # fmt: skip
VIEW_CASES = [pytest.param(d, c, id=f"{d.rel}-{c}-view") for d in FILES if d.role in VIEW_PAGES for c in CORRUPTIONS]


@pytest.mark.parametrize(("damaged", "corruption"), VIEW_CASES)
def test_the_viewer_names_a_damaged_file_and_still_opens_the_run(
    bases: dict[str, Path], tmp_path: Path, damaged: Damaged, corruption: str
) -> None:
    """``engram view`` in-process: the page that reads the damaged file names it (relative to the
    run; a store by its name on the memory page), the run's page still opens, and nothing changes."""
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from engram.tools.viewer import Viewer

    run = _fresh(bases, damaged, tmp_path)
    damage(run / damaged.rel, corruption, damaged.kind)
    before = checksums(run)
    with TestClient(Viewer([run]).app(), base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        page = client.get(VIEW_PAGES[damaged.role])
        overview = client.get("/run/0")
    named = Path(damaged.rel).name if damaged.rel.startswith("memory/") else damaged.rel
    assert named in page.text, f"{VIEW_PAGES[damaged.role]} ({page.status_code}) does not name {named}"
    assert "Traceback" not in page.text
    assert overview.status_code == 200, f"/run/0 answered {overview.status_code}"
    assert checksums(run) == before, "the viewer changed the run directory"
