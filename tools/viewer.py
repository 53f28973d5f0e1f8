"""``engram view``: a local web app over run directories (runs, episodes, steps, memory).

Stack: a Starlette ASGI app served by uvicorn, pages rendered on the server with Jinja2 (autoescaped),
charts and graphs drawn as SVG in Python (:mod:`.viewer_svg`); one small stylesheet and one small
script ship in the package. No Node build, nothing fetched from the network: every page carries a
Content-Security-Policy that allows only this server, so a page could not load from a CDN even
by mistake.

Safe by default: it binds 127.0.0.1 unless ``--host`` says otherwise, answers only GET, and reads
only what the routes name: episodes by id (an id must be one of the run's own episode folders, never
a path, never a symlink, nothing of it resolving outside the run), memory stores read-only, and
files through :func:`.viewer_files.safe_file`, which refuses anything that leaves the run directory
(``..``, absolute paths, symlinks out). Refusals are 404s. A file is sent as plain text (raster
images excepted) under a policy that runs nothing, and every answer says ``nosniff``. Error pages
name files relative to the run, never a path of the server.
"""

from __future__ import annotations

import gc
import json
import mimetypes
import os
import re
import socket
import time
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, Environment, FileSystemLoader, TemplateError, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from engram.envs.core import Fact
from engram.memory.base import RecallJSON
from engram.memory.inspect import inspect_directory, store_problems
from engram.tools.viewer_data import RunView, compare_rows, divergence, fact_changes, learning_curve, match
from engram.tools.viewer_files import EPISODE_ID, NotInRun, Unreadable, inside, safe_file
from engram.tools.viewer_svg import curve_svg, graph_svg

HERE = Path(__file__).parent
#: errors no reader checked for, answered with the viewer's page (the file named), not a bare 500
LAST_RESORT = (ValueError, KeyError, OSError, TypeError, AttributeError, IndexError, TemplateError)
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
STATIC = HERE / "viewer_static"
#: the pages' policy: this server's own script and stylesheet, nothing inline, nothing from elsewhere
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")  # fmt: skip
#: everything else (a run's files, the stylesheet, the stamp, a host-check 400): a browser that
#: renders it anyway (an .xhtml, an .svg) loads nothing and runs nothing, in a sandbox of its own
FILE_CSP = "default-src 'none'; sandbox"
#: the only files of a run sent as what they are: raster images, which cannot carry script (not SVG)
IMAGES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}
#: an absolute path left in an error's text once the run's own prefix is cut off
ABSOLUTE_PATH = re.compile(r"(?<![\w.~-])/[^\s'\",;()<>]+")


def _fact(f: Any) -> str:
    return str(Fact.from_json(f)) if isinstance(f, list) and len(f) == 4 else str(f)


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False, default=str)


class Headers:
    """What every answer carries, whatever made it: ``X-Content-Type-Options: nosniff`` and a
    Content-Security-Policy (:data:`FILE_CSP` unless the answer set its own, as pages do with
    :data:`CSP`), so no route, error page or middleware's refusal can go without; and how long the
    server took (``Server-Timing``: browsers' devtools show it, and the benchmark tells server time
    from the round trip). Plain ASGI, wrapped around everything (:class:`_App`): Starlette's
    BaseHTTPMiddleware would pull in anyio's streams on the first request (80 ms of imports)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()

        async def headed(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                named = {bytes(k).lower() for k, _ in headers}
                if b"x-content-type-options" not in named:
                    headers.append((b"x-content-type-options", b"nosniff"))
                if b"content-security-policy" not in named:
                    headers.append((b"content-security-policy", FILE_CSP.encode()))
                headers.append((b"server-timing", f"app;dur={(time.perf_counter() - t0) * 1000:.1f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, headed)


class _App(Starlette):
    """Starlette with :class:`Headers` outside all of it, its own error middleware included: the host
    check's 400 and a last-resort 500 carry the headers as well."""

    def build_middleware_stack(self) -> ASGIApp:
        return Headers(super().build_middleware_stack())


class Viewer:
    """The app's state: the runs it was given (their order is their number in URLs)."""

    def __init__(self, runs: list[Path], live: bool = False, host: str = "127.0.0.1") -> None:
        names = [p.resolve().name for p in runs]
        self.runs = [RunView(p, name if names.count(name) == 1 else f"{name} ({i})") for i, (p, name) in
                     enumerate(zip(runs, names, strict=True))]  # fmt: skip
        self.roots = [p.resolve() for p in runs]
        self.live, self.host = live, host
        # ChainableUndefined: a field a run lacks (an older format, a foreign tool) is shown empty
        self.env = Environment(loader=FileSystemLoader(HERE / "viewer_templates"), autoescape=select_autoescape(),
                               undefined=ChainableUndefined)  # fmt: skip
        self.env.globals.update(live=live, pretty=_pretty, fact=_fact)
        for name in self.env.list_templates():  # compiled now (~0.1 s), not on someone's first click
            self.env.get_template(name)

    # -- helpers ----------------------------------------------------------------------------
    def page(self, template: str, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(runs=self.runs, **context)
        return HTMLResponse(html, headers={"Content-Security-Policy": CSP, "Cache-Control": "no-store"})

    def run_of(self, request: Request) -> tuple[int, RunView]:
        try:
            r = int(request.path_params["r"])
        except ValueError:
            raise HTTPException(404) from None
        if not 0 <= r < len(self.runs):
            raise HTTPException(404)
        return r, self.runs[r]

    @staticmethod
    def episode_of(run: RunView, request: Request) -> str:
        """The episode id in the URL, accepted only if it names one of the run's own episode folders
        (:meth:`.RunView.episode_ok`: a few stats, not a listing of the run)."""
        eid = str(request.path_params["eid"])
        if not run.episode_ok(eid):
            raise HTTPException(404)
        return eid

    def relative(self, text: str) -> str:
        """``text`` (an error's message) with every path of the server cut out: the runs' own paths
        become relative to the run, any other absolute path is withheld."""
        roots = {str(p) for v in self.runs for p in (v.root, v.path.absolute())} - {os.sep}
        for root in sorted(roots, key=len, reverse=True):  # longest first: a run inside another
            text = text.replace(root + os.sep, "").replace(root, ".")
        return ABSOLUTE_PATH.sub("(a path outside the run)", text)

    # -- pages ------------------------------------------------------------------------------
    async def index(self, request: Request) -> Response:
        if len(self.runs) == 1 and not request.query_params.get("all"):
            return await self.run_page(request, 0)
        rows = [v.rows() for v in self.runs]
        curves = {v.label: learning_curve(r) for v, r in zip(self.runs, rows, strict=True)}
        summaries = [v.summary(r) for v, r in zip(self.runs, rows, strict=True)]
        return self.page("index.html", summaries=summaries, curve=curve_svg(curves))

    async def run_page(self, request: Request, r: int | None = None) -> Response:
        if r is None:
            r, run = self.run_of(request)
        else:
            run = self.runs[r]
        rows = run.rows()
        curve = curve_svg({run.label: learning_curve(rows)})
        return self.page("run.html", r=r, run=run, rows=rows, summary=run.summary(rows), curve=curve,
                         manifest=run.manifest(), progress=run.progress(), notes=run.notes())  # fmt: skip

    async def compare(self, request: Request) -> Response:
        try:
            a, b = int(request.query_params.get("a", 0)), int(request.query_params.get("b", 1))
        except ValueError:
            raise HTTPException(404) from None
        if not (0 <= a < len(self.runs) and 0 <= b < len(self.runs)) or a == b:
            raise HTTPException(404)
        pairs = compare_rows(self.runs[a], self.runs[b])
        sa, sb = self.runs[a].summary(), self.runs[b].summary()
        return self.page("compare.html", a=a, b=b, pairs=pairs, sa=sa, sb=sb,
                         types=sorted(set(sa.per_task_type) | set(sb.per_task_type)))  # fmt: skip

    async def episode(self, request: Request) -> Response:
        r, run = self.run_of(request)
        eid = self.episode_of(run, request)
        read, other = run.step_file(eid), None
        steps, ep = read.steps, run.episode(eid)
        vs = request.query_params.get("vs")
        if vs is not None:
            if not vs.isdigit() or not 0 <= int(vs) < len(self.runs) or int(vs) == r:
                raise HTTPException(404)
            b = int(vs)
            oid = match(run, eid, self.runs[b])
            ostep = self.runs[b].steps(oid) if oid is not None else []
            other = {"r": b, "run": self.runs[b], "id": oid, "steps": ostep,
                     "diverge": divergence(steps, ostep) if oid is not None else None}  # fmt: skip
        matches = [(b, v, match(run, eid, v)) for b, v in enumerate(self.runs) if b != r]
        return self.page("episode.html", r=r, run=run, eid=eid, ep=ep, steps=steps, other=other,
                         matches=[m for m in matches if m[2]], problems=read.problems(ep))  # fmt: skip

    async def step(self, request: Request) -> Response:
        r, run = self.run_of(request)
        eid = self.episode_of(run, request)
        try:
            t = int(request.path_params["t"])
        except ValueError:
            raise HTTPException(404) from None
        step = run.step(eid, t)
        if step is None:
            raise HTTPException(404)
        rec = step.record
        added, removed = fact_changes(step.previous_facts, rec.observation.get("facts", []))
        new = {tuple(f) for f in rec.facts_delta or []}
        marked = [(f, tuple(f) in new) for f in added]
        groups: dict[str, list[RecallJSON]] = {}
        for recall in rec.recalls or []:
            groups.setdefault(str(recall.get("source", "?")), []).append(recall)
        graphs = {name: graph_svg(view, delta) for name, (view, delta) in step.graphs.items()}
        return self.page("step.html", r=r, run=run, eid=eid, ep=step.episode, t=t, n=step.count, rec=rec, added=marked,
                         removed=removed, groups=groups, graphs=graphs, problems=step.problems)  # fmt: skip

    async def memory(self, request: Request) -> Response:
        r, run = self.run_of(request)
        where, why = run.memory_dir()
        stores = inspect_directory(where) if where is not None else {}
        found = store_problems(where) if where is not None else {}
        problems = {name: self.relative(problem) for name, problem in found.items()}
        return self.page("memory.html", r=r, run=run, where=where, why=why, stores=stores, problems=problems,
                         folder=self.memory_folder(run, where))  # fmt: skip

    @staticmethod
    def memory_folder(run: RunView, where: Path | None) -> str:
        """How the memory page names the directory of the files it warns of: relative to the run
        when inside it (``memory/``), else nothing (the page says which directory it shows, and no
        path of the server is written on a page)."""
        if where is None or not inside(run.root, where, must_exist=True):
            return ""
        return where.resolve().relative_to(run.root).as_posix() + "/"

    async def file(self, request: Request) -> Response:
        try:
            r = int(request.path_params["r"])
        except ValueError:
            raise HTTPException(404) from None
        target = safe_file(self.roots, r, str(request.path_params["path"]))
        if target is None:
            raise HTTPException(404)
        # Shown, never run: a file in a run is data. Anything a browser could render as a document
        # (.html, .xhtml, .xml, .svg, .xsl ...) goes as plain text, under a policy that runs nothing.
        kind = IMAGES.get(target.suffix.lower(), "text/plain; charset=utf-8")
        headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": FILE_CSP}
        return FileResponse(target, media_type=kind, headers=headers)

    async def stamp(self, request: Request) -> Response:
        _, run = self.run_of(request)
        return PlainTextResponse(run.stamp(), headers={"Cache-Control": "no-store"})

    async def static(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        if name not in {p.name for p in STATIC.iterdir()}:
            raise HTTPException(404)
        return FileResponse(STATIC / name, media_type=mimetypes.guess_type(name)[0] or "text/plain")

    async def cannot_read(self, request: Request, exc: Exception) -> Response:
        """A run file that is not of the shape the page reads (cut off, hand-edited, from a foreign
        tool): the page names it, relative to the run, and says what is wrong; nothing is logged,
        and the rest of the run still opens."""
        assert isinstance(exc, Unreadable)
        return self.problem_page(request, exc.relative, exc.problem)

    async def unreadable(self, request: Request, exc: Exception) -> Response:
        """The last resort, for what no reader checked: the viewer's own page, naming the files the
        page reads and the error, with no path of the server in it."""
        return self.problem_page(request, self.files_of(request), f"{type(exc).__name__}: {exc}")

    def problem_page(self, request: Request, relative: str, problem: str) -> Response:
        page = self.page("missing.html", path=request.url.path, file=self.relative(relative),
                         problem=self.relative(problem))  # fmt: skip
        page.status_code = 500
        return page

    @staticmethod
    def files_of(request: Request) -> str:
        """The files of the run that the requested page reads (what the last resort can name)."""
        params, path = request.path_params, request.url.path
        if EPISODE_ID.fullmatch(str(params.get("eid", ""))):
            return f"episodes/{params['eid']}/episode.json or steps.jsonl"
        if path.endswith("/memory"):
            return "memory/"
        return "manifest.json, summary.json or an episodes/*/episode.json"

    async def not_found(self, request: Request, exc: Exception) -> Response:
        code = exc.status_code if isinstance(exc, HTTPException) else 404
        page = self.page("missing.html", path=request.url.path)
        page.status_code = 405 if code == 405 else 404
        return page

    def app(self) -> Starlette:
        routes = [
            Route("/", self.index),
            Route("/compare", self.compare),
            Route("/run/{r}", self.run_page),
            Route("/run/{r}/ep/{eid}", self.episode),
            Route("/run/{r}/ep/{eid}/step/{t}", self.step),
            Route("/run/{r}/memory", self.memory),
            Route("/run/{r}/stamp", self.stamp),
            Route("/run/{r}/file/{path:path}", self.file),
            Route("/static/{name}", self.static),
        ]
        # On loopback, only requests addressed to loopback: a web page elsewhere that points its own
        # host name at 127.0.0.1 (DNS rebinding) gets a 400, not your runs.
        allowed = [*LOOPBACK, self.host] if self.host in LOOPBACK else ["*"]
        return _App(
            routes=routes,
            middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed)],
            exception_handlers={
                HTTPException: self.not_found,
                404: self.not_found,
                NotInRun: self.not_found,
                Unreadable: self.cannot_read,
                **dict.fromkeys(LAST_RESORT, self.unreadable),
            },
        )


def check_runs(paths: list[Path]) -> list[str]:
    """Why any of ``paths`` is not a run directory (empty when all are)."""
    return [f"{p} is not a run directory (no manifest.json)" for p in paths if not (p / "manifest.json").is_file()]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port), so the caller knows the address before serving."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def server_for(viewer: Viewer) -> Any:
    """A uvicorn server for the app (``.run(sockets=[sock])``; ``should_exit = True`` stops it)."""
    import uvicorn

    config = uvicorn.Config(viewer.app(), log_level="warning", access_log=False, lifespan="off")
    return uvicorn.Server(config)


def serve(viewer: Viewer, sock: socket.socket) -> None:
    server = server_for(viewer)
    gc.freeze()  # what start-up imported lives as long as the process: no collection need scan it
    server.run(sockets=[sock])
