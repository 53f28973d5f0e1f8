"""``engram view``'s safety rules, in process: the app is called as an ASGI app with raw scopes (the
path the router sees is exactly the one written, as uvicorn would decode it), no socket, no browser.

The runs here are small and written by hand in the format engram writes (tests/tools/test_viewer.py
checks the viewer over real runs): two episodes of three steps each.
"""

from __future__ import annotations

import asyncio
import json
import random
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

pytest.importorskip("starlette")

from engram.agents.records import ledger

SECRET = "SECRET-7f3a9c-outside-the-run"  # only ever in files outside the run directories
HOST = b"127.0.0.1"


# -- runs ---------------------------------------------------------------------------------------
def _step(t: int, text: str = "") -> dict[str, Any]:
    return {"t": t, "action": f"go to room {t}", "executed": True,
            "observation": {"text": text or f"You arrive at room {t}.", "facts": [["agent", "at", f"room{t}", True]]},
            "facts_delta": [["agent", "at", f"room{t}", True]], "reward": 0, "outcome": None, "won": False,
            "done": False, "subgoal": "explore", "rationale": "", "skill_events": [], "recalls": [],
            "planner_called": True, "llm": None, "memory_graphs": {},
            "timings": {"plan_s": 0.0, "env_s": 0.0, "step_s": 0.001, "started_at": 0.0}, "error": None}  # fmt: skip


def _episode(eid: str, steps: int = 3, text: str = "") -> dict[str, Any]:
    return {"id": eid, "game": f"games/{eid}.z8", "seed": 0, "task_type": text or "pick", "world_id": text or "w1",
            "goal": {"text": text or f"put the apple away ({eid})", "task_type": "pick"},
            "initial_observation": {"text": "You are in the hall.", "facts": [["agent", "at", "hall", True]]},
            "result": {"success": True, "steps": steps, "seconds": 0.5, "error": None,
                       "ledger": ledger([])}}  # fmt: skip


def _write_episode(folder: Path, eid: str, text: str = "", steps: int = 3) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "episode.json").write_text(json.dumps(_episode(eid, steps, text)))
    (folder / "steps.jsonl").write_text("".join(json.dumps(_step(t, text)) + "\n" for t in range(steps)))


def make_run(path: Path, episodes: int = 2) -> Path:
    """A finished run of ``episodes`` episodes, with a memory directory holding one store."""
    path.mkdir(parents=True)
    manifest = {"config": {"env_id": "engram/Test-v0", "planner": "household", "memory": "skills"},
                "memory_dir": str(path / "memory")}  # fmt: skip
    (path / "manifest.json").write_text(json.dumps(manifest))
    for i in range(episodes):
        _write_episode(path / "episodes" / f"ep{i:04d}", f"ep{i:04d}")
    _store(path / "memory", "own_store")
    return path


def _store(folder: Path, table: str) -> None:
    """A memory directory with one store (``notes.sqlite``) whose one table is called ``table``."""
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / "notes.sqlite") as db:
        db.execute(f"CREATE TABLE {table} (x)")
    db.close()


def _outside(root: Path) -> Path:
    """A folder outside every run, every file of it holding :data:`SECRET`."""
    out = root / "outside"
    out.mkdir()
    (out / "secret.txt").write_text(SECRET)
    _write_episode(out / "ep", "ep8888", text=SECRET)
    _write_episode(out / "episodes" / "ep0000", "ep0000", text=SECRET)
    return out


def _link_out(run: Path, out: Path) -> None:
    """Symlinks in ``run`` to ``out``: a file, a folder, an episode folder, an episode's
    ``episode.json``, an episode's ``steps.jsonl``."""
    (run / "leak").symlink_to(out / "secret.txt")
    (run / "leakdir").symlink_to(out, target_is_directory=True)
    (run / "episodes" / "ep8888").symlink_to(out / "ep", target_is_directory=True)
    (run / "episodes" / "ep7777").mkdir()
    (run / "episodes" / "ep7777" / "episode.json").symlink_to(out / "ep" / "episode.json")
    _write_episode(run / "episodes" / "ep6666", "ep6666")
    (run / "episodes" / "ep6666" / "steps.jsonl").unlink()
    (run / "episodes" / "ep6666" / "steps.jsonl").symlink_to(out / "ep" / "steps.jsonl")


# -- calling the app ----------------------------------------------------------------------------
class Answer:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", "replace")


async def call(app: Any, raw: bytes, method: str = "GET", host: bytes = HOST, decode: int = 1) -> Answer:
    """One request for ``raw`` (a request target as sent): ``path`` is it percent-decoded ``decode``
    times (uvicorn decodes once; 2 plays a proxy that decoded before it), ``raw_path`` as sent.
    ASGI spec 2.4: a file answer is sent at once, not beside a loop waiting for the client to hang
    up (which this ``receive`` never does)."""
    target, _, query = raw.partition(b"?")
    path = target.decode("latin-1")
    for _ in range(decode):
        path = unquote(path)
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "http_version": "1.1",
             "method": method, "scheme": "http",
             "path": path, "raw_path": target, "query_string": query, "root_path": "",
             "headers": [(b"host", host)], "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8765)}  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return Answer(start["status"], headers, b"".join(m.get("body", b"") for m in sent[1:]))


def get(app: Any, path: str, **kw: Any) -> Answer:
    return asyncio.run(call(app, path.encode(), **kw))


def app_of(*runs: Path) -> Any:
    from engram.tools.viewer import Viewer

    return Viewer(list(runs)).app()


def _guarded(answer: Answer) -> bool:
    csp = answer.headers.get("content-security-policy", "")
    return answer.headers.get("x-content-type-options") == "nosniff" and "default-src 'none'" in csp


# -- the property test --------------------------------------------------------------------------
SEGMENTS = [
    "..", ".", "", "...", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%25252e%25252e", "%2f", "%2F", "%5c",
    "%252f", "..%2f", "..%5c", "..\\..", "%2e%2e%2f%2e%2e", "..%252f..", "%00", "a%00b", "ep0000%00", "%c0%ae%c0%ae",
    "%c0%af", "%e0%80%ae", "%ff%fe", "%", "%zz", "%u002e", "\u2025", "\uff0e\uff0e", "\uff0e", "\u2024\u2024",
    "\uff0f", "\u2215", "\u00e9t\u00e9", "a" * 300, "ep" + "0" * 300, "x" * 5000, "ep0000", "ep0001", "ep8888",
    "ep7777", "ep6666", "episodes", "episode.json", "steps.jsonl", "manifest.json", "memory", "notes.sqlite", "leak",
    "leakdir", "secret.txt", "ep", "viewer.css", "viewer.js", "0", "1", "2", "-1", "99999999999999999999999",
    "1e3", "0x1", "etc", "passwd", "~", "~root", "?vs=1", "#frag", ";", "C:", "c:%5cwindows", "CON", ".hidden",
]  # fmt: skip
PREFIXES = ["/run/0/file/", "/run/0/ep/", "/run/0/ep/ep0000/step/", "/run/0/ep/{seg}/step/", "/static/",
            "/run/1/file/", "/run/1/ep/", "/run/{seg}/ep/", "/run/0/ep/ep6666/step/",
            "/run/0/ep/ep7777/step/"]  # fmt: skip
JOINS = ["/", "/", "/", "%2f", "\\", "%5c", "//", "%252f"]
PAGES = ["/", "/?all=1", "/run/0", "/run/1", "/run/0/memory", "/run/1/memory", "/compare?a=0&b=1",
         "/run/0/ep/ep0000?vs=1", "/run/0/stamp", "/run/1/stamp"]  # fmt: skip


def _encode(segment: str, rng: random.Random) -> str:
    """A segment as a client could send it: non-ASCII percent-encoded, ASCII sometimes too."""
    if rng.random() < 0.2:
        return quote(segment, safe="")
    return "".join(c if c.isascii() and c not in " #" else quote(c, safe="") for c in segment)


def _paths(seed: int, count: int, absolute: list[str]) -> list[tuple[str, int]]:
    """``count`` request targets with how many times the server side decodes them (1 or 2)."""
    rng = random.Random(seed)
    segments = [*SEGMENTS, *absolute]
    out = []
    for _ in range(count):
        if rng.random() < 0.02:
            out.append((rng.choice(PAGES), 1))
            continue
        prefix = rng.choice(PREFIXES).replace("{seg}", _encode(rng.choice(segments), rng))
        parts = [_encode(rng.choice(segments), rng) for _ in range(rng.randint(1, 5))]
        path = prefix + "".join(p + rng.choice(JOINS) for p in parts[:-1]) + parts[-1]
        out.append((path, 2 if rng.random() < 0.25 else 1))
    return out


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Run 0 with symlinks out (a file, a folder, an episode folder, an episode.json, a steps.jsonl);
    run 1 whose whole ``episodes/`` is a symlink out; the folder outside, full of :data:`SECRET`."""
    root = tmp_path_factory.mktemp("linked")
    out = _outside(root)
    run = make_run(root / "run")
    _link_out(run, out)
    other = make_run(root / "other", episodes=0)
    (other / "episodes").symlink_to(out / "episodes", target_is_directory=True)
    return run, other, out


def test_no_request_path_reaches_outside_the_run_and_every_answer_is_guarded(linked) -> None:
    """10,000 request paths built from climbing, encoded, double-encoded, unicode, NUL, overlong and
    absolute segments and the names of symlinks out: no answer holds a byte of what lies outside the
    runs, every answer says nosniff and has a policy, and none is a server error."""
    run, other, out = linked
    absolute = [str(out), str(out / "secret.txt"), str(out / "ep" / "episode.json"), "/etc/passwd",
                str(out).lstrip("/"), f"{str(out)[1:]}/secret.txt"]  # fmt: skip
    paths = _paths(seed=26, count=10_000, absolute=absolute)
    app = app_of(run, other)
    statuses: dict[int, int] = {}

    async def all_of() -> None:
        for path, decode in paths:
            answer = await call(app, path.encode(), decode=decode)
            statuses[answer.status] = statuses.get(answer.status, 0) + 1
            assert SECRET not in answer.text, (path, decode)
            assert _guarded(answer), (path, decode, answer.headers)
            assert answer.status in (200, 307, 404), (path, decode, answer.status, answer.text[-500:])

    t0 = time.perf_counter()
    asyncio.run(all_of())
    took = time.perf_counter() - t0
    assert statuses.get(200, 0) > 50 and statuses[404] > 5000, statuses  # both kinds were exercised
    assert took < 60, f"{len(paths)} requests took {took:.1f} s"


def test_a_symlinked_episode_folder_or_file_is_not_an_episode_of_the_run(linked) -> None:
    run, other, _ = linked
    app = app_of(run, other)
    for eid in ("ep8888", "ep7777", "ep6666"):
        for path in (f"/run/0/ep/{eid}", f"/run/0/ep/{eid}/step/0", f"/run/0/ep/{eid}/step/1"):
            answer = get(app, path)
            assert answer.status == 404 and SECRET not in answer.text, path
    page = get(app, "/run/0")
    assert page.status == 200 and "ep0000" in page.text
    assert not {"ep8888", "ep7777", "ep6666"} & set(page.text.replace("<", " ").replace(">", " ").split())
    assert "Episodes (2)" in page.text
    # A run whose episodes/ is a symlink out has no episodes.
    assert get(app, "/run/1/ep/ep0000").status == 404
    assert "Episodes (0)" in get(app, "/run/1").text


# -- the defects of issue 26, one test each -----------------------------------------------------
RENDERABLE = [
    "xhtml",
    "xht",
    "xml",
    "xsl",
    "rdf",
    "svg",
    "html",
    "htm",
    "js",
    "mjs",
    "css",
    "json",
    "pdf",
    "txt",
    "bin",
]


def test_a_run_file_is_never_sent_as_something_a_browser_renders(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    script = '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(document.domain)</script></html>'
    for ext in RENDERABLE:
        (run / f"page.{ext}").write_text(script)
    images = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
    for ext in images:
        (run / f"picture.{ext}").write_bytes(b"\x89PNG\r\n\x1a\n")
    app = app_of(run)
    for ext in RENDERABLE:
        answer = get(app, f"/run/0/file/page.{ext}")
        assert answer.status == 200 and answer.headers["content-type"] == "text/plain; charset=utf-8", ext
        assert _guarded(answer) and "sandbox" in answer.headers["content-security-policy"], ext
    for ext, kind in images.items():
        answer = get(app, f"/run/0/file/picture.{ext.upper()}".replace(ext.upper(), ext))
        assert answer.headers["content-type"] == kind and _guarded(answer), ext


def test_every_answer_says_nosniff_and_has_a_policy(tmp_path: Path) -> None:
    """Pages, error pages (404, 405, 500), the static files, a run's files, the stamp, and the host
    check's 400."""
    run = make_run(tmp_path / "run")
    (run / "episodes" / "ep0001" / "episode.json").write_text("[]")
    app = app_of(run)
    answers = {
        "page": get(app, "/run/0"),
        "404": get(app, "/run/0/ep/nope"),
        "405": get(app, "/run/0", method="POST"),
        "500": get(app, "/run/0/ep/ep0001"),
        "static": get(app, "/static/viewer.css"),
        "file": get(app, "/run/0/file/manifest.json"),
        "stamp": get(app, "/run/0/stamp"),
        "400": get(app, "/run/0", host=b"attacker.example"),
    }
    assert [a.status for a in answers.values()] == [200, 404, 405, 500, 200, 200, 200, 400]
    assert [name for name, a in answers.items() if not _guarded(a)] == []
    assert "script-src 'self'" in answers["page"].headers["content-security-policy"]
    assert "sandbox" in answers["file"].headers["content-security-policy"]


def test_the_memory_page_shows_the_runs_own_store_and_says_which(tmp_path: Path) -> None:
    original = make_run(tmp_path / "original")
    copied = tmp_path / "copied"
    shutil.copytree(original, copied)
    (copied / "memory" / "notes.sqlite").unlink()
    _store(copied / "memory", "copy_store")  # the copy learnt on; its manifest still names the original's
    moved = tmp_path / "moved"
    shutil.copytree(original, moved)
    shutil.rmtree(original / "memory")  # and the original is gone: the manifest's path exists no more
    elsewhere = make_run(tmp_path / "elsewhere")  # no memory/ of its own; the manifest names one beside it
    shutil.rmtree(elsewhere / "memory")
    _store(tmp_path / "shared", "shared_store")
    manifest = json.loads((elsewhere / "manifest.json").read_text())
    (elsewhere / "manifest.json").write_text(json.dumps({**manifest, "memory_dir": "../shared"}))
    app = app_of(copied, moved, elsewhere, original)

    page = get(app, "/run/0/memory").text
    assert "copy_store" in page and "own_store" not in page and "the run&#39;s own memory/" in page
    page = get(app, "/run/1/memory").text
    assert "own_store" in page and "kept no memory" not in page
    page = get(app, "/run/2/memory").text
    assert "shared_store" in page and "memory_dir from manifest.json (outside the run)" in page
    page = get(app, "/run/3/memory").text
    assert "kept no memory directory" in page and "does not exist" in page


@pytest.mark.parametrize("name", ["m?x", "m#x", "m%3Fx"])
def test_a_memory_directory_named_like_a_uri_is_read_and_left_as_it_is(tmp_path: Path, name: str) -> None:
    from engram.memory.inspect import inspect_directory

    run = make_run(tmp_path / "run")
    (run / "memory").rename(run / name)
    manifest = json.loads((run / "manifest.json").read_text())
    (run / "manifest.json").write_text(json.dumps({**manifest, "memory_dir": str(run / name)}))
    before = sorted(p.name for p in run.iterdir())
    stores = inspect_directory(run / name)
    assert [s.rows for s in stores["notes"]] == [[["own_store", 0]]]
    assert "own_store" in get(app_of(run), "/run/0/memory").text
    assert sorted(p.name for p in run.iterdir()) == before  # no file "m" made by a misread URI


BAD = {
    "episode.json is a list": ("episodes/ep0001/episode.json", "[]", "must be a JSON object, not a list"),
    "episode.json is a number": ("episodes/ep0001/episode.json", "5", "must be a JSON object, not a number"),
    "episode.json's result is a list": ("episodes/ep0001/episode.json",
                                        json.dumps({**_episode("ep0001"), "result": [1]}),
                                        "result must be an object, not a list"),
    "a step is a number": ("episodes/ep0001/steps.jsonl", "5", "line 2: a step must be a JSON object, not a number"),
    "a step is a string": ("episodes/ep0001/steps.jsonl", '"x"', "line 2: a step must be a JSON object, not a string"),
    "a step is a list": ("episodes/ep0001/steps.jsonl", "[]", "line 2: a step must be a JSON object, not a list"),
    "a step lacks its keys": ("episodes/ep0001/steps.jsonl", "{}", "line 2: the step lacks t, action, observation"),
    "a step's facts are not facts": ("episodes/ep0001/steps.jsonl", json.dumps({**_step(1), "facts_delta": [{}]}),
                                     "line 2: facts_delta holds an object where a fact"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_file_of_the_wrong_shape_is_named_on_the_viewers_page(tmp_path: Path, case: str) -> None:
    """The page of the episode names the file (relative to the run) and what is wrong, no server
    error escapes (nothing is logged), and the other episodes and the other run stay usable."""
    good, bad = make_run(tmp_path / "good"), make_run(tmp_path / "bad")
    relative, text, problem = BAD[case]
    target = bad / relative
    if target.name == "steps.jsonl":  # the bad line in the middle: not a torn last line
        lines = target.read_text().splitlines()
        text = "\n".join([lines[0], text, *lines[2:]]) + "\n"
    target.write_text(text)
    app = app_of(good, bad)
    for path in ("/run/1/ep/ep0001", "/run/1/ep/ep0001/step/0"):
        answer = get(app, path)
        assert answer.status == 500 and relative in answer.text and problem in answer.text, (path, answer.text)
        assert str(tmp_path) not in answer.text and "Traceback" not in answer.text
    run_page = get(app, "/run/1")
    assert run_page.status == 200 and "ep0000" in run_page.text
    if "episode.json" in relative:
        assert "unreadable" in run_page.text and problem in run_page.text
    for path in ("/run/1/ep/ep0000", "/run/1/ep/ep0000/step/2", "/run/0/ep/ep0001", "/run/0/ep/ep0000?vs=1",
                 "/", "/?all=1", "/compare?a=0&b=1", "/compare?a=1&b=0"):  # fmt: skip
        assert get(app, path).status == 200, path


@pytest.mark.parametrize("name", ["manifest.json", "summary.json"])
@pytest.mark.parametrize("text", ["[]", "5", '"x"', "{", '{"episodes": [5, {"id": "ep0000", "seed": 0}]}'])
def test_a_run_file_of_the_wrong_shape_is_said_and_the_run_still_shows(tmp_path: Path, name: str, text: str) -> None:
    run = make_run(tmp_path / "run")
    (run / name).write_text(text)
    app = app_of(run, make_run(tmp_path / "other"))
    for path in ("/run/0", "/run/0/memory", "/", "/?all=1", "/compare?a=0&b=1", "/run/1/ep/ep0000", "/run/0/ep/ep0000"):
        answer = get(app, path)
        assert answer.status == 200, (path, answer.text[-600:])
    page = get(app, "/run/0").text
    assert "Episodes (2)" in page
    if name == "manifest.json" or text != '{"episodes": [5, {"id": "ep0000", "seed": 0}]}':
        assert f"{name}: " in page  # said on the run's page


def test_an_error_no_reader_expected_is_the_viewers_page_naming_the_files(tmp_path: Path) -> None:
    """The last resort: a record whose shape the readers do not check (the LLM's exchange, here) is
    the viewer's own 500 page, naming the episode's files, with no traceback and no server path."""
    run = make_run(tmp_path / "run")
    steps = run / "episodes" / "ep0000" / "steps.jsonl"
    llm = {"prompt_tokens": 1, "completion_tokens": 1, "latency_s": 0.1, "exchange": 5, "outcome": "ok"}
    steps.write_text("".join(json.dumps({**_step(t), "llm": llm}) + "\n" for t in range(3)))
    answer = get(app_of(run), "/run/0/ep/ep0000/step/1")
    assert answer.status == 500 and "episodes/ep0000/episode.json or steps.jsonl" in answer.text
    assert "TypeError" in answer.text and str(tmp_path) not in answer.text


def test_error_pages_show_paths_relative_to_the_run_and_no_other(tmp_path: Path) -> None:
    from engram.tools.viewer import Viewer

    run = make_run(tmp_path / "run")
    viewer = Viewer([run])
    text = viewer.relative(f"cannot read {run.resolve()}/episodes/ep0000/episode.json, nor /etc/shadow, nor 1/2")
    assert text == "cannot read episodes/ep0000/episode.json, nor (a path outside the run), nor 1/2"


def test_a_long_episode_id_is_a_404_that_names_no_server_path(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    app = app_of(run)
    for eid in ("e" * 129, "e" * 256, "e" * 300, "ep0000" + "0" * 4000):
        for path in (f"/run/0/ep/{eid}", f"/run/0/ep/{eid}/step/0"):
            answer = get(app, path)
            assert answer.status == 404 and str(tmp_path) not in answer.text, path
    assert get(app, "/run/0/file/" + "f" * 300).status == 404
    assert get(app, f"/run/0/ep/{'e' * 128}").status == 404  # the longest id there could be: not there
