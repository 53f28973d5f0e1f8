"""Which files of a run ``engram view`` may read, and reading them as the shape its pages use.

Why a module of its own: every page is built from files someone else wrote (a run in progress, a
foreign tool, a hand edit, a full disk), and the viewer must neither follow them out of the run
(symlinks, ``..``, long names) nor fail on them with a traceback. So this is the one place that
decides what is inside a run (:func:`inside`, :func:`safe_file`), reads a file (:func:`load_object`,
:func:`read_steps`), and checks that what it holds is of the shape a page shows (:func:`row_problem`,
:func:`episode_problem`, :func:`step_problem`); anything else raises :class:`Unreadable`, which
names the file relative to the run. :mod:`.viewer_data` builds pages' data on top of it.

Read-only: nothing here opens a file for writing.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engram.agents.records import LEDGER_KEYS, EpisodeRecord, StepRecord
from engram.agents.rundir import parse_steps, steps_problems

#: what an episode folder may be called (engram writes ep0000...): no separators, no leading dot, and
#: short, so a long id is a 404 and never reaches the file system (whose "name too long" error
#: would name the server's path)
EPISODE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}")
SCALAR = (str, int, float, bool, type(None))

Stamp = tuple[int, int]  # (modification time in ns, size): what says a file changed


class Unreadable(Exception):
    """A file of the run that is there but not in the shape the viewer reads (cut off, hand-edited,
    from a foreign tool): which file, relative to the run, and what is wrong with it. The viewer says
    both on the page; every other page of the run stays usable."""

    def __init__(self, relative: str, problem: str) -> None:
        super().__init__(f"{relative}: {problem}")
        self.relative, self.problem = relative, problem


class NotInRun(LookupError):
    """An episode id that does not name one of the run's own episodes (a 404 for the viewer)."""


def kind_of(value: Any) -> str:
    """How a JSON value is named in a problem (\"must be an object, not a list\")."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}  # fmt: skip
    return names.get(type(value), type(value).__name__)


def is_number(value: Any) -> bool:
    """A JSON number (true/false are not, though Python counts them as ints)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


# -- where a file is ----------------------------------------------------------------------------
def file_stamp(path: Path) -> Stamp | None:
    """``path``'s :data:`Stamp`, None when it cannot be looked at: what the viewer's caches key on."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def is_link(path: str) -> bool | None:
    """Whether ``path`` is a symlink (None: it cannot be looked at; absent is no symlink)."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False
    except OSError:
        return None


def inside(root: Path, path: Path, must_exist: bool) -> bool:
    """Whether ``path`` resolves inside the run ``root`` (resolved; absent counts as inside unless
    ``must_exist``)."""
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        return not must_exist
    except (OSError, RuntimeError):  # a loop, a name too long
        return False
    return real.is_relative_to(root)


def own_stamp(root: Path, path: str) -> Stamp | None:
    """``path``'s stamp if it is a regular file of the run: itself, or a symlink that stays inside
    the run. One ``lstat`` in the usual case (it runs for every episode, every request)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return file_stamp(Path(path)) if inside(root, Path(path), must_exist=True) else None
    return (st.st_mtime_ns, st.st_size) if stat.S_ISREG(st.st_mode) else None


def steps_inside(root: Path, path: str) -> bool:
    """Whether an episode's ``steps.jsonl``, in a folder known to be the run's own, stays inside the
    run: one ``lstat``, and a ``resolve`` only for a symlink."""
    link = is_link(path)
    return link is False or (link is True and inside(root, Path(path), must_exist=False))


def safe_file(roots: list[Path], root_index: int, relative: str) -> Path | None:
    """The file ``relative`` names inside run directory ``root_index``, or None: anything that is
    absolute, climbs out (``..``, also once decoded), or resolves outside the run through a symlink,
    and anything that is not a regular file."""
    if not 0 <= root_index < len(roots) or not relative or "\x00" in relative:
        return None
    if relative.startswith(("/", "\\")) or Path(relative).is_absolute() or ".." in Path(relative).parts:
        return None
    root = roots[root_index].resolve()
    try:
        target = (root / relative).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target


# -- reading ------------------------------------------------------------------------------------
def load_object(path: Path, relative: str) -> dict[str, Any]:
    """A JSON file that must hold an object (open JSON: the caller checks its shape). A file that is
    missing raises FileNotFoundError; one that cannot be read or parsed, or holds another JSON
    value, raises :class:`Unreadable`. (Not :func:`~engram.agents.rundir.read_object`: the viewer
    names the JSON error's kind, and says "must be a JSON object", where the CLI has its own
    wording.)"""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except OSError as exc:  # a folder, no permission: said with the file's name in the run only
        raise Unreadable(relative, exc.strerror or type(exc).__name__) from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise Unreadable(relative, f"{type(exc).__name__}: {exc}") from None
    if not isinstance(value, dict):
        raise Unreadable(relative, f"must be a JSON object, not {kind_of(value)}")
    return value


@dataclass(frozen=True)
class StepFile:
    """An episode's ``steps.jsonl`` as read once: its steps, and what :func:`problems` needs to say
    what is wrong with it without reading it again (the pages ask on every request)."""

    relative: str  # the file, relative to the run
    steps: list[StepRecord]
    bad: list[tuple[int, str]]  # a last line that is not a step (line number, why); any other raises
    last: int  # the number of the file's last non-blank line

    def problems(self, episode: EpisodeRecord) -> list[str]:
        """What the episode's page warns of: a torn last line of a finished episode, steps out of
        order, fewer or more steps than its result counts (:func:`.rundir.steps_problems`)."""
        return steps_problems(self.relative, [s.t for s in self.steps], self.bad, self.last, episode.result)


def read_steps(path: Path, relative: str) -> StepFile:
    """A ``steps.jsonl``'s records, each checked to be a step (:func:`step_problem`). A torn last
    line (a writer killed mid-line; resuming cuts it away) is left out; any other line that is not a
    step raises :class:`Unreadable` naming its line number. A missing file holds no steps."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return StepFile(relative, [], [], 0)
    except OSError as exc:
        raise Unreadable(relative, exc.strerror or type(exc).__name__) from None
    steps, bad, last = parse_steps(raw, _step_of)
    inner = next(((n, why) for n, why in bad if n != last), None)
    if inner is not None:
        raise Unreadable(relative, f"line {inner[0]}: {inner[1]}")
    return StepFile(relative, steps, bad, last)


def _step_of(line: bytes) -> StepRecord:
    """One line of ``steps.jsonl`` as a step, once it is of the shape the pages show (a line of any
    version engram wrote); ValueError saying why it is not one."""
    try:
        record = json.loads(line.decode("utf-8"))
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    problem = step_problem(record)
    if problem:
        raise ValueError(problem)
    return StepRecord.from_json(record)


# -- shapes: what the pages use of each file, checked where it is read ------------------------
def _facts_problem(facts: Any, where: str) -> str | None:
    """Facts as steps record them: a list of lists of plain values (pages make sets of them)."""
    if not isinstance(facts, list):
        return f"{where} must be a list, not {kind_of(facts)}"
    for fact in facts:
        if not isinstance(fact, list) or not all(isinstance(x, SCALAR) for x in fact):
            return f"{where} holds {kind_of(fact)} where a fact (a list of plain values) belongs"
    return None


def _ledger_problem(ledger: Any) -> str | None:
    """A model ledger as :func:`~engram.agents.records.ledger` writes it (counts that add up)."""
    if not isinstance(ledger, dict):
        return f"ledger must be an object, not {kind_of(ledger)}"
    if not all(is_number(ledger.get(k, 0)) for k in LEDGER_KEYS):
        return f"ledger's {', '.join(LEDGER_KEYS)} must be numbers"
    outcomes, memory = ledger.get("outcomes", {}), ledger.get("memory") or {}
    for name, part in (("outcomes", outcomes), ("memory", memory)):
        if not isinstance(part, dict) or not all(is_number(n) for n in part.values()):
            return f"ledger.{name} must be an object of counts"
    return None


def row_problem(row: Any) -> str | None:
    """What in an episode's row would break the run's summary, curve, comparison or table."""
    if not isinstance(row, dict):
        return f"a row must be an object, not {kind_of(row)}"
    checks = (
        (isinstance(row.get("id"), str), "id must be a string"),
        (isinstance(row.get("task_type", "unknown"), str), "task_type must be a string"),
        (isinstance(row.get("seed"), int | str | type(None)), "seed must be a number or a string"),
        (isinstance(row.get("success"), bool), "success must be true or false"),
        (isinstance(row.get("steps"), int) and not isinstance(row.get("steps"), bool), "steps must be a whole number"),
        (is_number(row.get("seconds")), "seconds must be a number"),
        (isinstance(row.get("error"), str | type(None)), "error must be a string or null"),
    )
    problem = next((why for ok, why in checks if not ok), None)
    return problem or _ledger_problem(row.get("ledger"))


def episode_problem(ep: dict[str, Any]) -> str | None:
    """What in an ``episode.json`` (an object: open JSON, which this checks) its row or its pages
    could not show."""
    for key in ("goal", "initial_observation", "reflection"):
        if not isinstance(ep.get(key), dict | type(None)):
            return f"{key} must be an object, not {kind_of(ep[key])}"
    start = ep.get("initial_observation") or {}
    if not isinstance(start.get("text", ""), str):
        return "initial_observation.text must be a string"
    problem = _facts_problem(start.get("facts", []), "initial_observation.facts")
    if problem:
        return problem
    if not isinstance(ep.get("task_type", ""), str):
        return "task_type must be a string"
    if not isinstance(ep.get("seed"), int | str | type(None)):
        return "seed must be a number or a string"
    attempts = ep.get("attempts") or []
    if not isinstance(attempts, list) or not all(isinstance(a, dict) for a in attempts):
        return "attempts must be a list of objects"
    result = ep.get("result")
    if not result:
        return None
    if not isinstance(result, dict):
        return f"result must be an object, not {kind_of(result)}"
    row = {k: result.get(k) for k in ("success", "steps", "seconds", "error")}
    row.update(id="", ledger=result.get("ledger") or {})
    problem = row_problem(row)
    return f"result: {problem}" if problem else None


def step_problem(record: Any) -> str | None:
    """What in a step record its episode's timeline or its step page could not show."""
    if not isinstance(record, dict):
        return f"a step must be a JSON object, not {kind_of(record)}"
    missing = [k for k in ("t", "action", "observation") if k not in record]
    if missing:
        return "the step lacks " + ", ".join(missing)
    observation = record["observation"]
    checks = (
        (isinstance(record["t"], int) and not isinstance(record["t"], bool), "t must be a whole number"),
        (isinstance(record["action"], str), "action must be a string"),
        (isinstance(observation, dict) and isinstance(observation.get("text"), str),
         "observation must be an object with a text"),
        (_dicts(record.get("recalls")) and all(is_number(r.get("score", 0)) for r in record.get("recalls") or []),
         "recalls must be a list of objects with a numeric score"),
        (_dicts(record.get("skill_events")), "skill_events must be a list of objects"),
        (isinstance(record.get("memory_graphs"), dict | type(None)), "memory_graphs must be an object"),
        (_timings_ok(record.get("timings")), "timings must hold plan_s, env_s and step_s as numbers"),
        (_llm_ok(record.get("llm")), "llm must be an object with numeric tokens and latency_s"),
    )  # fmt: skip
    problem = next((why for ok, why in checks if not ok), None)
    if problem:
        return problem
    return _facts_problem(observation.get("facts", []), "observation.facts") or _facts_problem(
        record.get("facts_delta", []), "facts_delta"
    )


def _dicts(value: Any) -> bool:
    """Absent, or a list of objects."""
    return value is None or (isinstance(value, list) and all(isinstance(v, dict) for v in value))


def _timings_ok(timings: Any) -> bool:
    if not timings:
        return True
    return isinstance(timings, dict) and all(is_number(timings.get(k)) for k in ("plan_s", "env_s", "step_s"))


def _llm_ok(llm: Any) -> bool:
    if not llm:
        return True
    return isinstance(llm, dict) and all(
        is_number(llm.get(k, 0)) for k in ("prompt_tokens", "completion_tokens", "latency_s")
    )
