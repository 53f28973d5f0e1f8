"""The experience bank (GiG): GNN-encoded execution traces, clustered retrieval of priors, lookahead.

Every step the module folds the observation into the episode's world model; the model plus
the goal is the step's **state graph**. At episode end the episode becomes a **trace**: its states
(embedded by the current :class:`StateEncoder`), the actions between them with their outcomes, and
hindsight labels (what the next command was; where the next useful interaction happened). Traces
are kept in SQLite with the encoder that embedded them (:mod:`engram.memory.traces` is what a
trace, and an episode under way, hold and how they are saved).

``recall`` embeds the current state, finds the most similar states of *successful* traces in a
clustered index and turns those traces into **priors**: per holder kind, how often one of its
instances held what is sought (``prior`` recalls, which the planner already understands), and
which kinds of step followed (``experience``), plus two checks of the episode's own trace graph: a
**cycle** warning when the agent is back in a state it was in, and the **lookahead** verdict on the
admissible commands.

Everything that needs knowledge of the world comes from the env's :class:`~engram.envs.domain.Domain`
(the world model, state graphs, what a state seeks, hindsight labels, the lookahead's effect
rules); this module imports no domain. With no domain the bank works from the facts alone: it
keeps the traces and warns of cycles (the folded facts say when a state repeats), but has no state
graphs to embed, so no priors and no lookahead.

What transfers to a world never seen: nothing here is keyed by world. A state graph is types,
relations and flags; a trace from world A is a prior for a structurally similar state in world B.

``engram experience train`` (:func:`train_bank`) trains a new encoder on the bank's own successful
traces, re-embeds every stored state with it and bumps the bank's encoder version; a bank never
mixes embeddings of two encoders.
"""

from __future__ import annotations

import json
import math
import sqlite3
import zlib
from pathlib import Path
from typing import Any, cast

import numpy as np

from engram.envs.core import Fact, Goal, Outcome
from engram.envs.domain import Domain
from engram.memory import base as payloads
from engram.memory.base import EpisodeEnd, MemoryStep, Recall, RecallQuery
from engram.memory.cluster_index import ClusterIndex
from engram.memory.embed import TypeEmbedder, shared_embedder
from engram.memory.migrate import is_v0, trace_v0
from engram.memory.paths import Graph, Run, build, task_key, world_at
from engram.memory.traces import (
    EncoderVersion,
    Live,
    LiveJSON,
    Outlook,
    Trace,
    TraceJSON,
    config_json,
    outlook,
    world_of,
)

#: retrieved neighbours below this cosine similarity are not evidence
MIN_SIMILARITY = 0.5
#: cosine-similarity scale of the neighbours' weights: 0.05 less similar than the best = weight 1/e
SHARPNESS = 0.05
#: pseudo-searches at the bank-wide rate added to the neighbours' evidence (measured on a validation
#: set of train-plan worlds: 1-5 perform alike; the neighbours alone, with none, do worse)
PSEUDO = 2.0


class ExperienceMemory:
    """The ``experience`` memory module."""

    name = "experience"

    def __init__(
        self, k: int = 32, depth: int = 2, use_lookahead: bool = True, conv: str = "gin", domain: Domain | None = None
    ) -> None:
        from engram.memory.gnn import EncoderConfig, new_encoder

        self.k, self.depth, self.use_lookahead = k, depth, use_lookahead
        self.domain = domain
        dims = (domain.node_dim, domain.edge_dim) if domain else (0, 0)
        self.config = EncoderConfig(conv=conv, node_dim=dims[0], edge_dim=dims[1])
        self.encoder = new_encoder(self.config) if domain else None
        self.version = 0
        self.versions: list[EncoderVersion] = [{"version": 0, "config": config_json(self.config), "report": None}]
        self.traces: list[Trace] = []
        self.index = ClusterIndex(self.config.out)
        self.owner: list[tuple[int, int]] = []  # indexed state -> (trace, t)
        self.consolidated: set[str] = set()
        self.embedder: TypeEmbedder = shared_embedder()
        self._live: dict[str, Live] = {}
        self._weights: dict[int, bytes] = {}  # encoder version -> state_dict bytes
        self._outlooks: dict[str, Outlook] = {}  # trace key -> derived from its facts, on demand
        #: bank-wide listings: holder kind -> times listed; type -> kind -> times it was in one
        self._looked: dict[str, int] = {}
        self._found: dict[str, dict[str, int]] = {}
        self._saved: tuple[str, int, int] | None = None  # (path, traces written, encoder version)
        self._tasks: dict[str, str] = {}  # trace key -> its task (paths.task_key)
        self._graphs_by_task: dict[str, tuple[int, Graph | None]] = {}  # task -> (runs it was built of, graph)

    # -- contract ---------------------------------------------------------------------------
    def observe(self, step: MemoryStep) -> None:
        live = self._live.get(step.episode_id)
        if live is None or (step.t == 0 and live.actions):
            live = self._live[step.episode_id] = Live(step.goal, step.world_id, world_of(self.domain))
        first = not live.views
        live.view.apply(step.facts)
        live.snapshot()
        live.facts.append([f.to_json() for f in step.facts])  # kept as saved: JSON quadruples
        live.texts.append(step.text)
        if step.action and not first:
            live.actions.append(step.action)
            failed = step.outcome == Outcome.FAILURE
            live.outcomes.append("nothing happened" if failed else "ok")
            live.changed.append(step.outcome == Outcome.PROGRESS)
        live.lost = step.lost

    def recall(self, query: RecallQuery) -> list[Recall]:
        live = self._live.get(query.episode_id)
        goal, admissible = query.goal, list(query.observation.admissible)
        if live is None:  # nothing observed yet: the query's own observation is the state
            live = Live(goal, query.world_id, world_of(self.domain))
            live.view.apply(query.observation.facts)
            live.snapshot()
        out: list[Recall] = []
        out += self._cycles(live)
        out += self._path(live, goal, admissible)
        if self.domain is None:
            return out  # facts alone: no world model to simulate, no state graphs to compare
        if self.use_lookahead:
            out += self._lookahead(live, goal, admissible)
        if len(self.index):
            out += self.priors(live.views[-1], goal)
        return out

    def consolidate(self, episode: EpisodeEnd) -> None:
        key = episode.key
        if key in self.consolidated:
            return
        self.consolidated.add(key)
        live = self._live.pop(episode.id, None)
        if live is None or not live.views:
            return
        goal = live.goal if episode.goal == Goal("") else episode.goal  # recorded without one: its steps'
        actions = live.actions[: len(live.views) - 1]
        trace = Trace(
            key=key,
            world=episode.world_id or live.world,
            goal=goal,
            success=episode.success,
            actions=actions,
            outcomes=live.outcomes[: len(actions)],
            facts=live.facts,
            state_keys=list(live.keys),
            texts=list(live.texts),
            changed=live.changed[: len(actions)],
            lost=live.lost,
            labels=self.domain.hindsight_labels(goal, live.views[: len(actions)], actions) if self.domain else [],
        )
        self._add(trace, live.views)

    # -- the bank ---------------------------------------------------------------------------
    def _encoder(self) -> Any:
        if self.encoder is None:
            raise RuntimeError("no state encoder: the bank has no domain to build state graphs with")
        return self.encoder

    def _graphs(self, trace: Trace, views: list[Any]) -> list[Any]:
        assert self.domain is not None
        return [self.domain.state_graph(v, trace.goal, self.embedder) for v in views[: len(trace.actions)]]

    def _add(self, trace: Trace, views: list[Any] | None = None) -> None:
        from engram.memory.gnn import encode

        self.traces.append(trace)
        if self.domain is None:
            return  # kept, with nothing to embed it by
        self._count(trace)
        if not trace.success or not trace.actions:
            return  # failed traces are kept (for training and study) but never offered as priors
        emb = encode(self._encoder(), self._graphs(trace, views or trace.views(self.domain))).numpy()
        self.index.add(emb)
        i = len(self.traces) - 1
        self.owner += [(i, t) for t in range(len(emb))]

    def reembed(self) -> None:
        """Embed every successful trace's states with the current encoder (after training/loading)."""
        from engram.memory.gnn import encode

        graphs, owner = [], []
        if self.domain is None:
            return
        for i, trace in enumerate(self.traces):
            if trace.success and trace.actions:
                g = self._graphs(trace, trace.views(self.domain))
                graphs += g
                owner += [(i, t) for t in range(len(g))]
        self.index.reset(encode(self._encoder(), graphs).numpy() if graphs else np.zeros((0, self.config.out)))
        self.owner = owner

    def embed_state(self, view: Any, goal: Goal) -> np.ndarray:
        from engram.memory.gnn import encode

        assert self.domain is not None
        return encode(self._encoder(), [self.domain.state_graph(view, goal, self.embedder)]).numpy()[0]

    def neighbours(self, view: Any, goal: Goal) -> list[tuple[Trace, int, float]]:
        """The most similar states of successful traces: ``(trace, t, similarity)``."""
        return self._search(self.embed_state(view, goal))

    def _search(self, vector: np.ndarray) -> list[tuple[Trace, int, float]]:
        hits = self.index.search(vector, self.k)
        return [(self.traces[self.owner[i][0]], self.owner[i][1], s) for i, s in hits if s >= MIN_SIMILARITY]

    def _outlook(self, trace: Trace) -> Outlook:
        cached = self._outlooks.get(trace.key)
        if cached is None:
            assert self.domain is not None
            cached = self._outlooks[trace.key] = outlook(trace, self.domain)
        return cached

    def _count(self, trace: Trace) -> None:
        """Add a trace's complete listings to the bank-wide counts (each holder once)."""
        listed: dict[str, frozenset[str]] = {}
        for _step, rec, types in self._outlook(trace).listings:
            listed.setdefault(rec, types)
        assert self.domain is not None
        for rec, types in listed.items():
            k = self.domain.entity_type(rec)
            self._looked[k] = self._looked.get(k, 0) + 1
            for t in types:
                table = self._found.setdefault(t, {})
                table[k] = table.get(k, 0) + 1

    def bank_rates(self, otype: str) -> dict[str, float]:
        """Over every stored trace: the share of listed holders of each kind that held an
        ``otype`` (one pseudo-listing that held none keeps rare kinds modest)."""
        found = self._found.get(otype, {})
        return {k: found.get(k, 0) / (n + 1.0) for k, n in self._looked.items()}

    def priors(self, view: Any, goal: Goal) -> list[Recall]:
        """Per holder kind, how likely one of its instances is to hold what is sought now.

        Evidence: the retrieved similar states' traces, every complete listing of a holder in
        them (found = the sought type was in it). ``rate = (found + m * bank) / (looked + m)``: the
        neighbours' own counts, shrunk toward the rate over every stored trace by ``m`` pseudo-searches,
        so that thin evidence (few or weak neighbours) leans on what the bank saw as a whole,
        and plenty of evidence speaks for itself. Rates are per *instance*, so a kind with many
        instances is not favoured for its number, and kinds searched in vain count against."""
        assert self.domain is not None
        target = self.domain.sought(view, goal)
        if not target:
            return []
        query = self.embed_state(view, goal)
        hits = self._search(query)
        if not hits:
            return []
        found: dict[str, float] = {}
        looked: dict[str, float] = {}
        nexts: dict[str, float] = {}
        traces: set[str] = set()
        best = hits[0][2]
        for trace, t, similarity in hits:
            # Sharp weights: a state a little less similar than the best is much weaker evidence.
            sim = math.exp((similarity - best) / SHARPNESS)
            nexts[trace.labels[t]["verb"]] = nexts.get(trace.labels[t]["verb"], 0.0) + sim
            if trace.key in traces:
                continue  # one vote per trace: its neighbouring states tell the same story
            traces.add(trace.key)
            ol = self._outlook(trace)
            listed: dict[str, frozenset[str]] = {}
            for _step, rec, types in ol.listings:
                listed.setdefault(rec, types)
            # What this state seeks, if that trace ever saw one; else, once the encoder is trained
            # (an untrained one's neighbours are no analogy), what that similar state was after.
            wanted = target
            if self.version and not any(target in types for types in listed.values()):
                wanted = ol.sought[t]
            for rec, types in listed.items():
                k = self.domain.entity_type(rec)
                looked[k] = looked.get(k, 0.0) + sim
                found[k] = found.get(k, 0.0) + sim * (wanted in types)
        back = self.bank_rates(target)
        rates = {
            k: (found.get(k, 0.0) + PSEUDO * back.get(k, 0.0)) / (looked.get(k, 0.0) + PSEUDO)
            for k in set(looked) | {k for k, r in back.items() if r > 0}
        }
        out: list[Recall] = []
        for place, rate in sorted(rates.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(
                Recall(
                    "prior",
                    self.name,
                    payloads.PriorPayload(object_type=target, holder_type=place, rate=round(rate, 4),
                                 looked=round(looked.get(place, 0.0), 2), scope="similar states"),
                    f"after situations like this one, what was sought turned up in {rate:.0%} of the "
                    f"{place}s searched",
                    round(rate, 4),
                )
            )  # fmt: skip
        top = sorted(nexts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
        following = {v: round(w / sum(nexts.values()), 3) for v, w in top}
        summary = payloads.ExperiencePayload(
            next=following, neighbours=[{"trace": tr.key, "t": t, "similarity": round(s, 3)} for tr, t, s in hits[:5]],
            cluster=self.index.cluster_of(query), encoder_version=self.version)  # fmt: skip
        steps = ", ".join(f"{v} ({w:.0%})" for v, w in following.items())
        out.append(Recall("experience", self.name, summary, f"in similar past states the next step was: {steps}", 0.1))
        return out

    def _cycles(self, live: Live) -> list[Recall]:
        if len(live.views) < 2:
            return []
        here, earlier = live.keys[-1], live.keys[:-1]
        if here not in earlier:
            return []
        loop = live.actions[earlier.index(here) :]
        return [
            Recall(
                "warning",
                self.name,
                payloads.WarningPayload(cycle=loop, repeats=earlier.count(here)),
                f"back in a state already visited; the last {len(loop)} actions went in a circle: {'; '.join(loop)}",
                -1.0,
            )
        ]

    def _task(self, world: str, goal: Goal, facts: list[list[list[Any]]], texts: list[str]) -> str:
        return task_key(world, goal.text, facts[0] if facts else [], texts[0] if texts else "")

    def graph(self, task: str) -> Graph | None:
        """The merged graph of the stored runs of ``task`` (rebuilt when a run of it was added)."""
        mine = []
        for tr in self.traces:
            if tr.key not in self._tasks:
                self._tasks[tr.key] = self._task(tr.world, tr.goal, tr.facts, tr.texts)
            if self._tasks[tr.key] == task:
                mine.append(tr)
        cached = self._graphs_by_task.get(task)
        if cached is None or cached[0] != len(mine):  # runs are built only when the graph is (every step recalls)
            cached = self._graphs_by_task[task] = (len(mine), build([tr.run() for tr in mine]))
        return cached[1]

    def _path(self, live: Live, goal: Goal, query_admissible: list[str] | None = None) -> list[Recall]:
        """The shortest verified way from the episode's state through a winning step of this same
        task (:mod:`engram.memory.paths`), with this episode's own steps merged in last: what
        failed here is no way, and a way it walked may lead back to the successes' path. And a
        warning of the commands that lost the game from this very state before: a game over is
        the one mistake an episode cannot learn from within itself."""
        if not live.facts:
            return []
        task = self._task(live.world, goal, live.facts, live.texts)
        graph = self.graph(task)
        if graph is None:
            return []
        run = Run(live.facts, live.actions, [o != "ok" for o in live.outcomes], False, live.texts, live.changed)
        mine, states = graph.merged(run)
        out = []
        offered = (query_admissible or []) if graph.losses else []
        lost = mine.losing(world_at(graph.world, run, len(run.facts) - 1), offered) if offered else []
        if lost:
            out.append(Recall("warning", self.name, payloads.WarningPayload(cycle=[], repeats=0, lost=lost),
                              f"from this very state an earlier episode lost the game with: {'; '.join(lost)}",
                              -1.0))  # fmt: skip
        steps = mine.shortest(states[-1])
        if not steps:
            return out
        best = graph.shortest(graph.start) or steps
        return [
            *out,
            Recall(
                "path",
                self.name,
                payloads.PathPayload(task=goal.text, steps=steps, successes=graph.successes,
                            shortest=len(best)),
                f"the shortest verified way from here ({len(steps)} steps; {graph.successes} past successes of this "
                f"task, the best {len(best)} steps): {'; '.join(steps)}",
                1.0,
            )
        ]  # fmt: skip

    def _lookahead(self, live: Live, goal: Goal, admissible: list[str]) -> list[Recall]:
        if not admissible or self.domain is None:
            return []
        visited = set(live.keys)
        verdict = self.domain.lookahead(live.views[-1], goal, admissible, visited, self.depth)
        if not verdict.rejected:
            return []
        return [
            Recall(
                "lookahead",
                self.name,
                payloads.LookaheadPayload(rejected=verdict.rejected, kept=verdict.kept, depth=self.depth),
                f"lookahead ({self.depth} steps) rules out {len(verdict.rejected)} of {len(admissible)} commands",
                0.0,
            )
        ]

    # -- persistence ------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Append the traces added since the last save to ``path`` (one SQLite transaction, so a
        crash leaves the previous save). A new file, or a new encoder version, rewrites it whole
        (via a temporary file and an atomic rename): stored embeddings are always of one encoder."""
        from engram.memory.gnn import to_bytes

        path = Path(path)
        if self.encoder is not None:
            self._weights.setdefault(self.version, to_bytes(self.encoder))
        saved = self._saved
        fresh = saved is None or saved[0] != str(path) or saved[2] != self.version or not path.exists()
        start = 0 if fresh or saved is None else saved[1]
        target = Path(str(path) + ".tmp") if fresh else path
        if fresh:
            target.unlink(missing_ok=True)
        emb = self._embeddings()
        with sqlite3.connect(target) as db:
            db.execute("CREATE TABLE IF NOT EXISTS encoders (version PRIMARY KEY, config, report, weights)")
            db.execute("CREATE TABLE IF NOT EXISTS traces (i PRIMARY KEY, key, world, success, body, version, emb)")
            db.execute("CREATE TABLE IF NOT EXISTS consolidated (key PRIMARY KEY)")
            for v in self.versions:
                db.execute(
                    "INSERT OR REPLACE INTO encoders VALUES (?,?,?,?)",
                    (v["version"], json.dumps(v["config"]), json.dumps(v["report"]), self._weights.get(v["version"])),
                )
            db.executemany("INSERT OR IGNORE INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
            # Episodes under way are part of the state: a loaded module answers their queries alike.
            db.execute("CREATE TABLE IF NOT EXISTS live (episode PRIMARY KEY, body)")
            db.execute("DELETE FROM live")
            db.executemany(
                "INSERT INTO live VALUES (?,?)",
                [(ep, json.dumps(lv.to_json())) for ep, lv in self._live.items()],
            )
            for i, tr in enumerate(self.traces[start:], start=start):
                body = zlib.compress(json.dumps(tr.to_json()).encode())
                vectors = emb.get(i)
                db.execute(
                    "INSERT OR REPLACE INTO traces VALUES (?,?,?,?,?,?,?)",
                    (i, tr.key, tr.world, int(tr.success), body, self.version,
                     None if vectors is None else vectors.astype(np.float32).tobytes()),
                )  # fmt: skip
        if fresh:
            target.replace(path)
        self._saved = (str(path), len(self.traces), self.version)

    def _embeddings(self) -> dict[int, np.ndarray]:
        """trace -> its states' embeddings (as indexed)."""
        out: dict[int, list[int]] = {}
        for row, (trace, _t) in enumerate(self.owner):
            out.setdefault(trace, []).append(row)
        return {trace: self.index.vectors[rows] for trace, rows in out.items()}

    def load(self, path: Path) -> None:
        from engram.memory.gnn import EncoderConfig, from_bytes

        if not Path(path).is_file():
            raise ValueError(f"{path}: no experience bank there")
        try:
            with sqlite3.connect(path) as db:
                consolidated = {k for (k,) in db.execute("SELECT key FROM consolidated")}
                rows = db.execute("SELECT version, config, report, weights FROM encoders ORDER BY version").fetchall()
                traces = db.execute("SELECT body, version, emb FROM traces ORDER BY i").fetchall()
                has_live = db.execute("SELECT 1 FROM sqlite_master WHERE name='live'").fetchone()
                live = db.execute("SELECT episode, body FROM live").fetchall() if has_live else []
                old = is_v0(db, self.name)  # rewritten whole by the next save, in today's schema
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"{path} is not an experience bank ({exc})") from exc
        self.consolidated = consolidated
        if not rows:
            raise ValueError(f"{path} is not an experience bank (no encoder table rows)")
        self.versions = [{"version": v, "config": json.loads(c), "report": json.loads(r)} for v, c, r, _ in rows]
        self._weights = {v: w for v, _, _, w in rows if w is not None}
        version, config, _, _ = rows[-1]
        try:
            stored = json.loads(config)
            if self.domain is not None and not stored.get("node_dim"):
                # Banks saved before domains were plug-ins: their encoder was the household one.
                stored.update(node_dim=self.domain.node_dim, edge_dim=self.domain.edge_dim)
            self.config = EncoderConfig(**stored)
            self.encoder = from_bytes(stored, self._weights[version]) if self.domain is not None else None
        except (TypeError, KeyError, RuntimeError) as exc:
            raise ValueError(f"{path}: encoder v{version} cannot be read by this engram ({exc})") from exc
        self.version = version
        # A body as a save wrote it (a version-0 one upgraded): fields added since may be missing.
        self.traces = [Trace.from_json(cast(TraceJSON, trace_v0(json.loads(zlib.decompress(body)))))
                       for body, _, _ in traces]  # fmt: skip
        self._looked, self._found, self._outlooks = {}, {}, {}
        for trace in self.traces if self.domain is not None else []:  # as _add: no domain, no counts
            self._count(trace)
        self._live, self._tasks, self._graphs_by_task = {}, {}, {}
        for episode, body in live:
            data = cast(LiveJSON, trace_v0(json.loads(body)))  # as a save wrote it, a version-0 one upgraded
            texts = data.get("texts") or []  # live episodes saved before texts were kept have none
            changed = data.get("changed") or []
            goal = Goal.from_json(data["goal"])
            for t, facts in enumerate(data["facts"]):
                action = data["actions"][t - 1] if t else None
                failed = t and data["outcomes"][t - 1] != "ok"
                same = t and t - 1 < len(changed) and not changed[t - 1]
                outcome = Outcome.FAILURE if failed else Outcome.NO_EFFECT if same else Outcome.PROGRESS
                self.observe(MemoryStep(episode, data["world"], t, goal, action, texts[t] if t < len(texts) else "",
                                        tuple(Fact.from_json(f) for f in facts), outcome))  # fmt: skip
            if not changed and episode in self._live:  # saved before outcomes were kept: not known
                self._live[episode].changed = [False] * len(self._live[episode].actions)
        self.index = ClusterIndex(self.config.out)
        if all(v == version for _, v, _ in traces):
            vectors, self.owner = [], []
            for i, (_, _, blob) in enumerate(traces):
                if blob is not None:
                    m = np.frombuffer(blob, dtype=np.float32).reshape(-1, self.config.out)
                    vectors.append(m)
                    self.owner += [(i, t) for t in range(len(m))]
            self.index.reset(np.concatenate(vectors) if vectors else np.zeros((0, self.config.out)))
        else:
            self.reembed()
        self._saved = None if old else (str(path), len(self.traces), self.version)


def training_set(bank: ExperienceMemory) -> tuple[list[Any], dict[str, list[int]], Any]:
    """The bank's successful states as graphs, with what their traces showed next.

    Class labels: ``verb`` (the next command's verb) and ``phase`` (the verb of the next useful
    interaction: take, heat, move, use...). ``joint`` groups "the same situation" for the
    contrastive loss: the same sought type in the same phase. The multi-label target is, per
    holder kind, whether the searches that followed found the sought type in one (masked to
    the kinds those searches covered): where placement is random, that is the learnable part.
    """
    import torch

    domain = bank.domain
    if domain is None:
        raise ValueError("the experience bank has no domain, so no state graphs to train an encoder on")
    graphs: list[Any] = []
    rows: list[tuple[str, str, str, dict[str, bool]]] = []
    for trace in bank.traces:
        if not (trace.success and trace.actions):
            continue
        graphs += bank._graphs(trace, trace.views(bank.domain))
        ol = bank._outlook(trace)
        for t, label in enumerate(trace.labels[: len(trace.actions)]):
            seen: dict[str, bool] = {}
            after: dict[str, frozenset[str]] = {}
            for step, rec, types in ol.listings:
                if step > t:
                    after.setdefault(rec, types)
            for rec, types in after.items():
                k = domain.entity_type(rec)
                seen[k] = seen.get(k, False) or ol.sought[t] in types
            rows.append((label["verb"], label["key_verb"], ol.sought[t], seen))
    kinds = sorted({k for *_, seen in rows for k in seen})
    phases = sorted({r[1] for r in rows})
    groups = sorted({(r[1], r[2]) for r in rows})
    labels = {
        "verb": [domain.verbs.index(r[0]) for r in rows],
        "phase": [phases.index(r[1]) for r in rows],
        "joint": [groups.index((r[1], r[2])) for r in rows],
    }
    target = torch.zeros((len(rows), max(1, len(kinds))))
    mask = torch.zeros_like(target)
    for i, (*_, seen) in enumerate(rows):
        for k, hit in seen.items():
            mask[i, kinds.index(k)] = 1.0
            target[i, kinds.index(k)] = float(hit)
    return graphs, labels, (target, mask)


def train_bank(bank: ExperienceMemory, *, epochs: int = 30, seed: int = 0, conv: str | None = None) -> Any:
    """Train a new encoder on the bank's successful traces, re-embed the bank, bump its version."""
    from dataclasses import replace

    from engram.memory.gnn import to_bytes, train

    graphs, labels, multilabel = training_set(bank)
    if len(graphs) < 2:
        raise ValueError(f"the bank holds {len(graphs)} states of successful episodes; need at least 2 to train")
    config = replace(bank.config, seed=seed, conv=conv or bank.config.conv)
    encoder, report = train(graphs, labels, config, multilabel=multilabel, epochs=epochs)
    bank.config, bank.encoder = config, encoder
    bank.version = max(v["version"] for v in bank.versions) + 1
    bank.versions.append({"version": bank.version, "config": config_json(config),
                          "report": json.loads(report.to_json())})  # fmt: skip
    bank._weights[bank.version] = to_bytes(encoder)
    bank.reembed()
    return report
