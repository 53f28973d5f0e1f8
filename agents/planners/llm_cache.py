"""SQLite response cache for model calls, keyed by the model and the full request.

Two uses. A run made with a live model can be replayed exactly without it: the replay asks the same
questions (the run is deterministic given the same answers), finds every answer here and never
opens a connection (``cache_only``). And re-running a study costs nothing for the calls already
made. The key is a SHA-256 of the canonical JSON of everything that shapes the answer (model,
messages, tools, sampling settings), so a changed prompt is a new question, never a stale answer.

Only completed responses are stored; errors (timeouts, 429, 5xx) are not answers and are asked
again next time. Writes commit at once, so a killed process loses at most the call in flight.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from engram.agents.planners.llm_response import ChatRequest


class EpisodeMemoryKey(TypedDict):
    """What an episode's memory snapshot is kept under (``LLMPlanner._episode_memory``): the run,
    the episode, the world, the seed and the goal's text."""

    engram_episode_memory: list[str | int]


def request_key(request: ChatRequest | EpisodeMemoryKey) -> str:
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class CacheMiss(LookupError):
    """A cache-only planner was asked something the cache has no answer for."""


class CacheFileError(ValueError):
    """The response cache's file cannot be read as one (cut off, overwritten, another database)."""


class ResponseCache:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._check()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=60)  # workers share it
        try:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT, request TEXT, "
                "response TEXT, created REAL)"
            )
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise CacheFileError(f"{self.path}: cannot be read as a response cache: {exc}") from exc

    def _check(self) -> None:
        """Refuse, naming the file, one that is not a whole response cache: SQLite would read a
        cut-off file's first pages and fail mid-run, and a cache-only replay would count what it
        lost as misses. An empty file is a new cache; another database is not written into."""
        from engram.memory.shared import read_only, sqlite_problem

        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        problem = sqlite_problem(self.path)
        if problem:
            raise CacheFileError(f"{self.path}: cannot be read as a response cache: {problem}")
        try:
            with closing(read_only(self.path)) as db:
                tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise CacheFileError(f"{self.path}: cannot be read as a response cache: {exc}") from exc
        if tables - {"responses"}:
            raise CacheFileError(f"{self.path}: is not a response cache (tables: {', '.join(sorted(tables))})")

    def get(self, request: ChatRequest | EpisodeMemoryKey) -> dict[str, Any] | None:
        """The answer kept for ``request``, as the JSON it was stored as (open: its reader checks it)."""
        try:
            with self._lock:
                key = request_key(request)
                row = self._db.execute("SELECT response FROM responses WHERE key = ?", (key,)).fetchone()
            return json.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise CacheFileError(f"{self.path}: cannot be read as a response cache: {exc}") from exc

    def put(self, request: ChatRequest | EpisodeMemoryKey, response: Mapping[str, object]) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?,?,?,?,?)",
                (request_key(request), str(request.get("model", "")), json.dumps(request, sort_keys=True),
                 json.dumps(response), time.time()),
            )  # fmt: skip
            self._db.commit()

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
