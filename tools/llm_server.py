"""A scripted OpenAI-compatible chat server on 127.0.0.1, for tests, fuzzing and dry runs.

This machine reaches no model, yet the LLM path must be exercised through the real ``openai``
client over real HTTP: retries, timeouts, status codes and the wire format are where integrations
break. The server answers ``POST /v1/chat/completions`` from a *script*: a function of the request
body that returns a :class:`Reply` (an assistant message, a tool call, an HTTP error, a delay that
outlasts the client's timeout, or a raw body). Every request it receives is kept in ``requests``,
so a test can check what the client actually sent, retries included.

    with ScriptedLLMServer(replies([Reply(content='{"action": "look"}')])) as server:
        client = OpenAI(base_url=server.url, api_key="none")
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from engram.agents.planners.llm_response import ChatCompletion, Message, ToolCall, Usage


class ScriptedCall(TypedDict):
    """A tool call a scripted answer makes."""

    name: str
    arguments: object  # JSON text as sent, or a value the server writes as JSON (a broken one too)


@dataclass
class Reply:
    """One scripted answer. ``status`` other than 200 sends an OpenAI-style error body."""

    content: str | None = None
    tool_calls: list[ScriptedCall] | None = None
    status: int = 200
    delay: float = 0.0  # seconds before answering (a timeout when longer than the client waits)
    body: str | None = None  # sent verbatim instead of a completion (a broken server)
    headers: dict[str, str] = field(default_factory=dict)
    finish_reason: str | None = None  # default: "tool_calls" with tool calls, else "stop"; "length": cut off
    reasoning: str | None = None  # a reasoning server's separate ``reasoning_content``
    cached_tokens: int | None = None  # OpenAI/vLLM: usage.prompt_tokens_details.cached_tokens
    timings: dict[str, float] | None = None  # llama.cpp's server: prompt_n, cache_n, ...


#: a function of the request body as the server received it: open JSON, since a client may send
#: anything (the scripts check what a client sent, and a request's shape is what they test)
Script = Callable[[dict[str, Any]], Reply]


def replies(items: Iterable[Reply], then: Reply | Script | None = None) -> Script:
    """A script answering with ``items`` in order, then with ``then`` (default: HTTP 500 forever).

    Thread-safe: the client's retries may overlap a request the server is still sleeping on."""
    queue, lock = list(items), threading.Lock()
    exhausted = Reply(status=500, content="script exhausted")

    def script(request: dict[str, Any]) -> Reply:  # a Script: the body as received
        with lock:
            if queue:
                return queue.pop(0)
        if callable(then):
            return then(request)
        return then or exhausted

    return script


def prompt_admissible(request: dict[str, Any]) -> list[str]:
    """The admissible commands listed in an engram decide prompt (what a scripted model may pick from),
    read from a request body as received (open JSON: a script's argument)."""
    messages = request.get("messages") or []
    user = next((str(m.get("content") or "") for m in messages if m.get("role") == "user"), "")
    if "## Admissible commands\n" not in user:
        return []
    block = user.split("## Admissible commands\n", 1)[1]
    return [line[2:] for line in block.splitlines() if line.startswith("- ")]


def _prompt_tokens(request: dict[str, Any]) -> int:  # the body as received
    text = "\n".join(str(m.get("content") or "") for m in request.get("messages", []))
    try:
        from engram.memory.working import count_tokens

        return count_tokens(text)
    except ImportError:  # without tiktoken: a rough count is enough for a test server
        return max(1, len(text) // 4)


class ScriptedLLMServer:
    """Serve ``script`` on an ephemeral loopback port until :meth:`stop` (or the ``with`` exits)."""

    def __init__(self, script: Script, model: str = "scripted-model") -> None:
        self.script, self.model = script, model
        self.requests: list[dict[str, Any]] = []  # every body as received (open JSON: what tests check)
        self._count = 0
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if not self._httpd:
            raise RuntimeError("the server is not running")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> ScriptedLLMServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": server.model, "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                    return
                try:
                    request = json.loads(raw)
                except json.JSONDecodeError:
                    self._send(400, {"error": {"message": "request body is not JSON", "type": "invalid_request"}})
                    return
                with server._lock:
                    server.requests.append(request)
                    server._count += 1
                    n = server._count
                reply = server.script(request)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    if reply.body is not None:
                        self._send(reply.status, None, reply.body, reply.headers)
                    elif reply.status != 200:
                        error = {"message": reply.content or f"scripted error {reply.status}", "type": "scripted"}
                        self._send(reply.status, {"error": error}, headers=reply.headers)
                    else:
                        self._send(200, server._completion(n, request, reply), headers=reply.headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout) before the delayed answer came

            def _send(
                self, status: int, data: Any, raw: str | None = None, headers: dict[str, str] | None = None
            ) -> None:
                body = (raw if raw is not None else json.dumps(data)).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="scripted-llm", daemon=True)
        self._thread.start()
        return self

    def _completion(self, n: int, request: dict[str, Any], reply: Reply) -> ChatCompletion:  # the body as received
        message: Message = {"role": "assistant", "content": reply.content}
        if reply.reasoning is not None:
            message["reasoning_content"] = reply.reasoning
        if reply.tool_calls:
            calls: list[ToolCall] = [
                {
                    "id": f"call_{n}_{i}",
                    "type": "function",
                    "function": {
                        "name": call["name"],
                        "arguments": call["arguments"]
                        if isinstance(call["arguments"], str)
                        else json.dumps(call["arguments"]),
                    },
                }
                for i, call in enumerate(reply.tool_calls)
            ]
            message["tool_calls"] = calls
        prompt = _prompt_tokens(request)
        completion = max(1, len((reply.content or "") + json.dumps(reply.tool_calls or "")) // 4)
        usage: Usage = {"prompt_tokens": prompt, "completion_tokens": completion,
                        "total_tokens": prompt + completion}  # fmt: skip
        if reply.cached_tokens is not None:
            usage["prompt_tokens_details"] = {"cached_tokens": reply.cached_tokens}
        answer: ChatCompletion = {
            "id": f"chatcmpl-{n}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", self.model),
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop"),
                }
            ],
            "usage": usage,
        }
        if reply.timings is not None:
            answer["timings"] = reply.timings
        return answer

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> ScriptedLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
