"""``engram view``: a local web app over run directories (runs, episodes, steps, memory).

Stack: a Starlette ASGI app served by uvicorn, pages rendered on the server with Jinja2 (autoescaped),
charts and graphs drawn as SVG in Python (:mod:`.viewer_svg`); one small stylesheet and one small
script ship in the package. No Node build, nothing fetched from the network: every page carries a
Content-Security-Policy that allows only this server, so a page could not load from a CDN even
by mistake.

Safe by default: it binds 127.0.0.1 unless ``--host`` says otherwise, answers only GET, and reads
only what the routes name: episodes by id (an id must be one of the run's episode folders, never
a path), memory stores read-only, and files through :func:`.viewer_data.safe_file`, which refuses
anything that leaves the run directory (``..``, absolute paths, symlinks out). Refusals are 404s.
"""

from __future__ import annotations

import gc
import json
import mimetypes
import re
import socket
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from engram.envs.core import Fact
from engram.memory.inspect import inspect_directory
from engram.tools.viewer_data import (
    RunView,
    compare_rows,
    divergence,
    fact_changes,
    learning_curve,
    match,
    safe_file,
)
from engram.tools.viewer_svg import curve_svg, graph_svg

HERE = Path(__file__).parent
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
#: what an episode folder may be called (engram writes ep0000...; no separators, no leading dot)
EPISODE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
STATIC = HERE / "viewer_static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")  # fmt: skip


def _fact(f: Any) -> str:
    return str(Fact.from_json(f)) if isinstance(f, list) else str(f)


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False, default=str)


class ServerTiming:
    """Every answer says how long the server took (``Server-Timing``: browsers' devtools show it, and
    the benchmark tells server time from the round trip). Plain ASGI: Starlette's BaseHTTPMiddleware
    would pull in anyio's streams on the first request (80 ms of imports, paid by the first page)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()

        async def timed(message: Any) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}".encode()
                message = {**message, "headers": [*message.get("headers", []), (b"server-timing", took)]}
            await send(message)

        await self.app(scope, receive, timed)


class Viewer:
    """The app's state: the runs it was given (their order is their number in URLs)."""

    def __init__(self, runs: list[Path], live: bool = False, host: str = "127.0.0.1") -> None:
        names = [p.resolve().name for p in runs]
        self.runs = [RunView(p, name if names.count(name) == 1 else f"{name} ({i})") for i, (p, name) in
                     enumerate(zip(runs, names, strict=True))]  # fmt: skip
        self.roots = [p.resolve() for p in runs]
        self.live, self.host = live, host
        self.env = Environment(loader=FileSystemLoader(HERE / "viewer_templates"), autoescape=select_autoescape())
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
        """The episode id in the URL, accepted only if it names one of the run's episode folders."""
        eid = str(request.path_params["eid"])
        # One stat, not a listing of the run (a thousand stats on a big run, every request).
        if not EPISODE_ID.fullmatch(eid) or not (run.run.episode_dir(eid) / "episode.json").is_file():
            raise HTTPException(404)
        return eid

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
                         manifest=run.manifest(), progress=run.progress())  # fmt: skip

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
                         types=sorted(set(sa["per_task_type"]) | set(sb["per_task_type"])))  # fmt: skip

    async def episode(self, request: Request) -> Response:
        r, run = self.run_of(request)
        eid = self.episode_of(run, request)
        steps, other = run.steps(eid), None
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
        return self.page("episode.html", r=r, run=run, eid=eid, ep=run.episode(eid), steps=steps, other=other,
                         matches=[m for m in matches if m[2]])  # fmt: skip

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
        added, removed = fact_changes(step.previous_facts, rec["observation"]["facts"])
        new = {tuple(f) for f in rec.get("facts_delta", [])}
        marked = [(f, tuple(f) in new) for f in added]
        groups: dict[str, list[dict[str, Any]]] = {}
        for recall in rec.get("recalls", []):
            groups.setdefault(recall.get("source", "?"), []).append(recall)
        graphs = {name: graph_svg(view, delta) for name, (view, delta) in step.graphs.items()}
        return self.page("step.html", r=r, run=run, eid=eid, ep=step.episode, t=t, n=step.count, rec=rec, added=marked,
                         removed=removed, groups=groups, graphs=graphs)  # fmt: skip

    async def memory(self, request: Request) -> Response:
        r, run = self.run_of(request)
        kept = Path(run.manifest().get("memory_dir") or run.path / "memory")
        # A relative path was relative to where the run was started; the run's own folder is the
        # usual case (RUN/memory), so it is what a viewer started elsewhere looks at.
        where = kept if kept.is_absolute() or kept.is_dir() else run.path / "memory"
        stores = inspect_directory(where) if where.is_dir() else {}
        return self.page("memory.html", r=r, run=run, where=where, stores=stores)

    async def file(self, request: Request) -> Response:
        try:
            r = int(request.path_params["r"])
        except ValueError:
            raise HTTPException(404) from None
        target = safe_file(self.roots, r, str(request.path_params["path"]))
        if target is None:
            raise HTTPException(404)
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/json", "image/svg+xml"):
            kind = "text/plain; charset=utf-8"  # shown, never run: a file in a run is data
        return FileResponse(target, media_type=kind, headers={"X-Content-Type-Options": "nosniff"})

    async def stamp(self, request: Request) -> Response:
        _, run = self.run_of(request)
        return PlainTextResponse(run.stamp(), headers={"Cache-Control": "no-store"})

    async def static(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        if name not in {p.name for p in STATIC.iterdir()}:
            raise HTTPException(404)
        return FileResponse(STATIC / name, media_type=mimetypes.guess_type(name)[0] or "text/plain")

    async def unreadable(self, request: Request, exc: Exception) -> Response:
        """A run file that cannot be read (cut off, hand-edited, from a foreign tool): said on the
        page, not a bare 500; the rest of the run still opens."""
        page = self.page("missing.html", path=request.url.path, problem=f"{type(exc).__name__}: {exc}")
        page.status_code = 500
        return page

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
        return Starlette(
            routes=routes,
            middleware=[
                Middleware(TrustedHostMiddleware, allowed_hosts=allowed),
                Middleware(ServerTiming),
            ],
            exception_handlers={
                HTTPException: self.not_found,
                404: self.not_found,
                ValueError: self.unreadable,
                KeyError: self.unreadable,
                OSError: self.unreadable,
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
