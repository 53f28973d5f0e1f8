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
from pathlib import Path
from typing import Any


def request_key(request: dict[str, Any]) -> str:
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class CacheMiss(LookupError):
    """A cache-only planner was asked something the cache has no answer for."""


class ResponseCache:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=60)  # workers share it
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT, request TEXT, "
            "response TEXT, created REAL)"
        )
        self._db.commit()

    def get(self, request: dict[str, Any]) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT response FROM responses WHERE key = ?", (request_key(request),)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, request: dict[str, Any], response: dict[str, Any]) -> None:
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
