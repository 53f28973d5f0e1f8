"""Scene-graph long-term memory (KARMA): per world, where things are and what state they are in.

One ``networkx`` graph per world (the env's ``world_id``). Nodes are entities (holders, things,
places, the agent) with a type and a category; an edge ``thing -> holder`` is the belief that the
thing is in/on/at it, an edge ``agent -> thing`` that the agent holds it; unary states (open, hot,
cold, clean, on) are node attributes. Every belief remembers the episode and step it was last
observed in and a confidence: 1.0 when observed, multiplied by ``decay`` at each episode end
(others may move things between tasks), and removed outright when an observation contradicts it,
e.g. a holder whose complete contents were just listed (``searched``) without the thing. States
the env's domain calls fleeting (ALFWorld's "open": every task starts closed) are forgotten at the
end of an episode; with no domain, the facts alone, every state stays until seen otherwise.

Persisted to SQLite by :meth:`SceneGraphMemory.save` and read back by :meth:`load` in a new process
(a store of version 0 through :mod:`engram.memory.migrate`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from engram.envs.core import HOLDER_CATEGORY, PLACE_CATEGORY, Fact
from engram.envs.domain import Domain
from engram.memory.base import (
    EpisodeEnd,
    MemoryStep,
    PriorPayload,
    Recall,
    RecallQuery,
    RoutePayload,
    ScenePayload,
    UnexploredPayload,
)
from engram.memory.graphview import GraphView, empty_view
from engram.memory.migrate import readable

#: where an entity is: inside / on a holder, or at a place (a room, a cell); the agent's own
#: ``at`` is where it stands now, not long-term knowledge, and is not kept
LOCATION = ("in", "on", "at")
STATE_NAMES = ("open", "hot", "cold", "clean", "on", "sliced")


@dataclass
class Belief:
    value: bool
    episode: str
    step: int
    confidence: float = 1.0


def _type_of(entity: str) -> str:
    return entity.rsplit(" ", 1)[0] if entity[-1:].isdigit() else entity


class SceneGraph:
    """Beliefs about one world."""

    def __init__(self) -> None:
        self.g: nx.DiGraph = nx.DiGraph()
        # Indexes so that recall stays fast in big memories (no scan over every node or edge).
        self._by_type: dict[str, set[str]] = {}
        self._holders: set[str] = set()
        #: (place, command) -> the place it led to: how to get around this world, learned from the
        #: steps whose command changed where the agent stands
        self.routes: dict[tuple[str, str], str] = {}
        #: what the agent moved in earlier episodes and nobody has seen since: entity -> (relation,
        #: where it was found, where it was left)
        self.moved: dict[str, tuple[str, str, str]] = {}
        #: how often a moved thing was next seen where it had been found (this world starts every
        #: episode anew, as quests of one textworld map do) or where it was left (it persists)
        self.resets = 0
        self.persists = 0
        #: how often a place remembered from an earlier episode was right at the first sighting in a
        #: later one (``kept``) or wrong (``shifted``): a world laid out anew for every episode (real
        #: ALFWorld trials of one floor plan) shifts nearly everything, a persistent one little
        self.kept = 0
        self.shifted = 0
        self._taken: dict[str, tuple[str, str]] = {}  # this episode: entity -> where it was before taken
        self._checked: set[str] = set()  # this episode: entities whose remembered place was checked

    # -- updates -----------------------------------------------------------------------------
    def add_entity(
        self, entity: str, etype: str = "", category: str = "", searched: tuple[str, int] | None = None
    ) -> None:
        if entity not in self.g:
            self.g.add_node(entity, type="", category="", states={}, searched=searched)
        self._set(entity, etype or self.g.nodes[entity]["type"] or _type_of(entity), category)

    def _set(self, entity: str, etype: str, category: str = "") -> None:
        node = self.g.nodes[entity]
        if node["type"] != etype:
            self._by_type.get(node["type"], set()).discard(entity)
            node["type"] = etype
            self._by_type.setdefault(etype, set()).add(entity)
        if category:
            node["category"] = category
            if category == HOLDER_CATEGORY:
                self._holders.add(entity)

    def _node(self, entity: str) -> None:
        if entity not in self.g:
            self.add_entity(entity)

    def _place(self, obj: str, where: str | None, rel: str, belief: Belief) -> None:
        for old in [d for _, d, a in self.g.out_edges(obj, data=True) if a["rel"] in (*LOCATION, "holds")]:
            self.g.remove_edge(obj, old)
        if where is not None:
            self._node(where)
            self.g.add_edge(obj, where, rel=rel, belief=belief)

    def update(self, facts: Iterable[Fact], episode: str, step: int) -> list[tuple[str, str]]:
        """Apply one step's facts; returns the new sightings ``(thing type, holder type)``: things
        found in a holder whose contents were listed, where memory did not have them."""
        facts = list(facts)
        listed: dict[str, set[str]] = {}
        searched = {f.subject for f in facts if f.relation == "searched" and f.value}
        sightings: list[tuple[str, str]] = []
        for f in facts:  # ("agent", "at", R) is where the agent stands now: not long-term knowledge
            self._node(f.subject)
            node = self.g.nodes[f.subject]
            seen = Belief(f.value, episode, step)
            if f.relation == "type" and f.object:
                self._set(f.subject, f.object)
            elif f.relation == "category" and f.object:
                self._set(f.subject, node["type"], f.object)
            elif f.relation in LOCATION and f.object and f.subject != "agent":
                if f.value and f.subject in self.moved and f.subject not in self._taken:
                    _, found, left = self.moved.pop(f.subject)  # first seen since it was moved
                    self.resets += f.object == found and found != left
                    self.persists += f.object == left
                if f.value:
                    self._check(f.subject, f.object, episode)
                    if f.object in searched and not self.g.has_edge(f.subject, f.object):
                        self._node(f.object)
                        sightings.append((node["type"], self.g.nodes[f.object]["type"]))
                    self._place(f.subject, f.object, f.relation, seen)
                    listed.setdefault(f.object, set()).add(f.subject)
                elif self.g.has_edge(f.subject, f.object):
                    self.g.remove_edge(f.subject, f.object)
            elif f.relation == "holds" and f.object:
                self._node(f.object)
                if f.value and f.object not in self._taken:
                    self._taken[f.object] = self._holder(f.object) or ("", "")
                if f.value:
                    self._place("agent", None, "holds", seen)  # one hand: drop any older holds
                    self._place(f.object, None, "in", seen)  # no longer in a holder
                    self.g.add_edge("agent", f.object, rel="holds", belief=seen)
                elif self.g.has_edge("agent", f.object):
                    self.g.remove_edge("agent", f.object)
            elif f.relation in STATE_NAMES and f.object is None:
                node["states"][f.relation] = seen
            elif f.relation == "searched" and f.value:
                node["searched"] = (episode, step)
            elif f.relation == "empty" and f.value:
                listed.setdefault(f.subject, set())
        for holder, present in listed.items():
            if self.g.nodes[holder].get("searched") == (episode, step):
                for obj in [o for o, _, a in self.g.in_edges(holder, data=True) if a["rel"] in LOCATION]:
                    if obj not in present:
                        self._check(obj, "", episode)
                        self.g.remove_edge(obj, holder)  # contradicted: the full listing lacks it
        return sightings

    def _check(self, entity: str, seen_at: str, episode: str) -> None:
        """The first sighting this episode of something remembered from an earlier one: was it
        where memory had it (``seen_at`` "" when a full listing of that holder lacks it)?"""
        held = self._holder(entity)
        if held is None or entity in self._checked or entity in self._taken:
            return
        if self.g.edges[entity, held[1]]["belief"].episode == episode:
            return
        self._checked.add(entity)
        self.kept += held[1] == seen_at
        self.shifted += held[1] != seen_at

    def reshuffled(self) -> bool:
        """Evidence says this world is laid out anew between episodes: most remembered places
        were wrong when next seen: three in four at least, over twelve checks at least. Real ALFWorld
        trials of one floor plan show 75-85%; a persistent world whose residents move a fifth of
        its things about half, and early on more (two in three over eight checks happened in the
        transfer study's training houses, and changed what its bank learnt)."""
        return self.kept + self.shifted >= 12 and self.shifted >= 3 * self.kept

    def end_episode(self) -> None:
        """Remember where what the agent moved was found and where it was left."""
        for entity, (rel, found) in self._taken.items():
            left = (self._holder(entity) or ("", ""))[1]
            if found and left and left != found:
                self.moved[entity] = (rel, found, left)
        self._taken = {}

    def start_episode(self, episode: str) -> None:
        """In a world seen to start every episode anew, what the agent moved is back where it was
        found (a belief at half confidence until it is seen); in one that persists, it stays, and
        while the evidence is thin it stays too (what memory did before it learned this)."""
        self._taken = {}
        self._checked = set()
        # Twice the evidence, and at least two sightings: a world that persists but where others
        # move things (a generated stream's perturbation) can show one thing back where it was.
        if self.resets >= 2 and self.resets > 2 * self.persists:
            for entity, (rel, found, _) in self.moved.items():
                self._place(entity, found, rel, Belief(True, episode, 0, 0.5))

    def decay(self, factor: float, fleeting: tuple[str, ...] = ()) -> None:
        """End of an episode: every belief may have gone stale, and ``fleeting`` states (the
        domain's: ALFWorld's "open") are forgotten outright, since the next episode starts without
        them. Where things are, and the other states, persist."""
        for _, _, a in self.g.edges(data=True):
            a["belief"].confidence *= factor
        for _, data in self.g.nodes(data=True):
            for name in fleeting:
                data["states"].pop(name, None)
            for belief in data["states"].values():
                belief.confidence *= factor

    # -- queries -----------------------------------------------------------------------------
    def where(self, what: str) -> list[tuple[str, str, Belief]]:
        """Where ``what`` (an entity like ``apple 1`` or a type like ``apple``) was last seen:
        ``(thing, holder, belief)``, most confident and most recent first."""
        entities = self._by_type.get(what, set()) | ({what} if what in self.g else set())
        hits = [
            (o, r, a["belief"]) for o in entities for _, r, a in self.g.out_edges(o, data=True) if a["rel"] in LOCATION
        ]
        return sorted(hits, key=lambda h: (-h[2].confidence, -h[2].step, h[0]))

    def _holder(self, entity: str) -> tuple[str, str] | None:
        """``(relation, what holds it)`` as memory believes, or None."""
        if entity not in self.g:
            return None
        return next(((a["rel"], d) for _, d, a in self.g.out_edges(entity, data=True) if a["rel"] in LOCATION), None)

    def place_of(self, entity: str) -> str:
        """The place (room, cell) an entity is believed to be at, following what holds it: the
        latchkey in the box on the table at the kitchen is at the kitchen. "" when unknown."""
        seen = set()
        while entity not in seen:
            seen.add(entity)
            held = self._holder(entity)
            if held is None:
                return entity if self.g.nodes.get(entity, {}).get("category") == PLACE_CATEGORY else ""
            rel, holder = held
            if rel == "at":
                return holder
            entity = holder
        return ""

    def contents(self, holder: str) -> list[str]:
        return sorted(o for o, _, a in self.g.in_edges(holder, data=True) if a["rel"] in LOCATION)

    def holders(self) -> list[str]:
        """The entities whose category says they hold others."""
        return sorted(self._holders)

    def unexplored(self) -> list[str]:
        """Holders whose complete contents were never observed."""
        return [r for r in self.holders() if self.g.nodes[r]["searched"] is None]

    def holders_for(self, otype: str) -> list[tuple[str, int]]:
        """Holder types where things of ``otype`` have been seen, with how often (best first)."""
        counts: dict[str, int] = {}
        for _o, r, _b in self.where(otype):
            rtype = self.g.nodes[r]["type"]
            counts[rtype] = counts.get(rtype, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def beliefs(self) -> list[tuple[Fact, Belief]]:
        """Every remembered fact with its provenance (locations, holds, states)."""
        out = [(Fact(s, a["rel"], d), a["belief"]) for s, d, a in self.g.edges(data=True)]
        for n, data in self.g.nodes(data=True):
            out += [(Fact(n, name, None, b.value), b) for name, b in data["states"].items()]
        return out


def accuracy(beliefs: list[tuple[Fact, Belief]], truth: Iterable[Fact]) -> tuple[int, int]:
    """``(agreeing, total)`` remembered facts against the engine's ground truth.

    A location agrees when the engine has the thing in that holder (in/on is wording); a
    state agrees when the engine has it exactly when memory says so.
    """
    where = {(f.subject, f.object) for f in truth if f.relation in (*LOCATION, "holds")}
    states = {(f.subject, f.relation) for f in truth if f.object is None}
    agree = 0
    for fact, _ in beliefs:
        if fact.object is not None:
            agree += (fact.subject, fact.object) in where
        else:
            agree += ((fact.subject, fact.relation) in states) == fact.value
    return agree, len(beliefs)


class SceneGraphMemory:
    """The ``scene`` memory module: one :class:`SceneGraph` per world."""

    name = "scene"

    def __init__(self, decay: float = 0.8, domain: Domain | None = None) -> None:
        self.decay = decay
        #: states forgotten at each episode's end (the domain's; none from the facts alone)
        #: (a domain written before domains said so has none)
        self.fleeting: tuple[str, ...] = tuple(getattr(domain, "fleeting", ()))
        self.worlds: dict[str, SceneGraph] = {}
        #: thing type -> holder type -> sightings, over every world: where things are kept in
        #: general, which orders the search in a world (or a part of it) not seen before
        self.kinds: dict[str, dict[str, int]] = {}
        self.world = "default"
        self.consolidated: set[str] = set()
        self._at: dict[str, str] = {}  # episode id -> where the agent stood at its last step

    def graph(self, world: str | None = None) -> SceneGraph:
        return self.worlds.setdefault(world or self.world, SceneGraph())

    def graph_view(self, world_id: str) -> GraphView:
        """The world's graph as plain JSON (for the viewer, through the controller's deltas)."""
        g = self.worlds.get(world_id or "default")
        if g is None:
            return empty_view()
        nodes = {
            n: {
                "type": d["type"],
                "category": d["category"],
                "searched": d["searched"] is not None,
                "states": sorted(k if b.value else f"not {k}" for k, b in d["states"].items()),
            }
            for n, d in g.g.nodes(data=True)
        }
        return {"nodes": nodes, "edges": sorted([s, a["rel"], d] for s, d, a in g.g.edges(data=True))}

    def observe(self, step: MemoryStep) -> None:
        self.world = step.world_id or "default"
        facts = step.facts
        episode = step.episode_id
        here = next((f.object for f in facts if f.subject == "agent" and f.relation == "at" and f.value), None)
        before = self._at.get(episode) if step.t else None
        if here and before and step.action and here != before:
            self.graph().routes[(before, step.action)] = here
        if here:
            self._at[episode] = here
        if not step.t:
            self.graph().start_episode(episode)
        for otype, rkind in self.graph().update(facts, episode, step.t):
            table = self.kinds.setdefault(otype, {})
            table[rkind] = table.get(rkind, 0) + 1

    def recall(self, query: RecallQuery) -> list[Recall]:
        g = self.graph(query.world_id or None)
        out: list[Recall] = []
        # Where a world is laid out anew for every episode, where a thing was in an earlier episode
        # says nothing of where it is now: only this episode's sightings and what kinds of holder
        # things are kept in carry over.
        reshuffled = g.reshuffled()
        episode = query.episode_id
        for target in query.goal.targets:
            seen = [h for h in g.where(target) if not reshuffled or h[2].episode == episode] if target else []
            for obj, rec, b in seen[:3]:
                place = g.place_of(obj)
                out.append(
                    Recall(
                        "scene",
                        self.name,
                        ScenePayload(object=obj, holder=rec, place=place, episode=b.episode, step=b.step),
                        f"{obj} was last seen in/on {rec}" + (f" at {place}" if place and place != rec else ""),
                        b.confidence,
                    )
                )
            kinds = g.holders_for(target) if target and not reshuffled else []
            total = sum(n for _, n in kinds) or 1
            for kind, n in kinds:
                out.append(
                    Recall(
                        "prior",
                        self.name,
                        PriorPayload(object_type=target, holder_type=kind, seen=n, scope="this world"),
                        f"in this world {target}s have been seen in/on a {kind} ({n} of {total})",
                        round(0.5 * n / total, 4),
                    )
                )
            seen_in = self.kinds.get(target, {}) if target else {}
            total = sum(seen_in.values()) or 1
            for kind, n in sorted(seen_in.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(
                    Recall(
                        "prior",
                        self.name,
                        PriorPayload(object_type=target, holder_type=kind, seen=n, scope="all worlds"),
                        f"in every world so far, {target}s were found in/on a {kind} ({n} of {total} times)",
                        round(n / total, 4),
                    )
                )
            # Searched places that held no such thing: in a persistent world they likely still don't.
            if target and not reshuffled:
                for r in g.holders():
                    if g.g.nodes[r]["searched"] and not any(g.g.nodes[o]["type"] == target for o in g.contents(r)):
                        out.append(
                            Recall(
                                "prior",
                                self.name,
                                PriorPayload(object_type=target, holder=r, seen=0),
                                f"no {target} in/on {r} when last searched",
                                -0.2,
                            )
                        )
        if g.routes:
            routes = sorted([src, cmd, dst] for (src, cmd), dst in g.routes.items())
            places = {r[0] for r in routes} | {r[2] for r in routes}
            out.append(
                Recall(
                    "route",
                    self.name,
                    RoutePayload(routes=routes),
                    f"known ways between {len(places)} places of this world: "
                    + "; ".join(f"{s} --{c}--> {d}" for s, c, d in routes[:12]),
                    0.2,
                )
            )
        unexplored = g.unexplored()
        if unexplored:
            out.append(
                Recall(
                    "unexplored",
                    self.name,
                    UnexploredPayload(
                        unexplored=unexplored, places={r: g.place_of(r) for r in unexplored if g.place_of(r)}
                    ),
                    f"never searched: {', '.join(unexplored[:8])}",
                    0.1,
                )
            )
        return out

    def consolidate(self, episode: EpisodeEnd) -> None:
        key = episode.key
        if key in self.consolidated:
            return  # decaying twice for one episode would make a resumed run differ
        self.consolidated.add(key)
        graph = self.graph(episode.world_id or self.world)
        graph.end_episode()
        graph.decay(self.decay, self.fleeting)

    # -- persistence -------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        tmp = Path(str(path) + ".tmp")
        tmp.unlink(missing_ok=True)
        worlds = sorted(self.worlds.items())
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE nodes (world, id, type, category, searched_episode, searched_step)")
            db.execute("CREATE TABLE beliefs (world, subject, relation, object, value, episode, step, confidence)")
            db.execute("CREATE TABLE consolidated (key)")
            db.execute("CREATE TABLE kinds (object_type, holder_type, n)")
            db.execute("CREATE TABLE routes (world, src, command, dst)")
            db.execute("CREATE TABLE moved (world, entity, relation, found, left_at)")
            db.execute("CREATE TABLE resets (world, resets, persists)")
            db.executemany(
                "INSERT INTO moved VALUES (?,?,?,?,?)",
                [(w, e, *m) for w, g in worlds for e, m in sorted(g.moved.items())],
            )
            db.executemany("INSERT INTO resets VALUES (?,?,?)", [(w, g.resets, g.persists) for w, g in worlds])
            db.execute("CREATE TABLE stability (world, kept, shifted)")
            db.executemany("INSERT INTO stability VALUES (?,?,?)", [(w, g.kept, g.shifted) for w, g in worlds])
            db.executemany(
                "INSERT INTO routes VALUES (?,?,?,?)",
                [(w, s, c, d) for w, g in worlds for (s, c), d in sorted(g.routes.items())],
            )
            db.executemany(
                "INSERT INTO kinds VALUES (?,?,?)",
                [(o, r, n) for o, table in sorted(self.kinds.items()) for r, n in sorted(table.items())],
            )
            db.executemany("INSERT INTO consolidated VALUES (?)", [(k,) for k in sorted(self.consolidated)])
            for world, g in self.worlds.items():
                for n, d in g.g.nodes(data=True):
                    s = d["searched"] or (None, None)
                    db.execute("INSERT INTO nodes VALUES (?,?,?,?,?,?)", (world, n, d["type"], d["category"], *s))
                for fact, b in g.beliefs():
                    db.execute(
                        "INSERT INTO beliefs VALUES (?,?,?,?,?,?,?,?)",
                        (world, fact.subject, fact.relation, fact.object, int(b.value), b.episode, b.step,
                         b.confidence),
                    )  # fmt: skip
        tmp.replace(path)  # atomic: a crash mid-save leaves the previous memory intact

    def load(self, path: Path) -> None:
        """The saved state; a store saved before version 1 is read upgraded in memory (the file
        is left as it is until the next save)."""
        self.worlds = {}
        with sqlite3.connect(path) as stored:
            db = readable(stored, self.name)
            self.consolidated = {k for (k,) in db.execute("SELECT key FROM consolidated")}
            self.kinds = {}
            tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            # Memories saved before a table existed load without it (it refills).
            if "kinds" in tables:
                for otype, kind, n in db.execute("SELECT object_type, holder_type, n FROM kinds"):
                    self.kinds.setdefault(otype, {})[kind] = n
            if "routes" in tables:
                for world, src, command, dst in db.execute("SELECT world, src, command, dst FROM routes"):
                    self.graph(world).routes[(src, command)] = dst
            if "moved" in tables:
                for world, entity, rel, found, left in db.execute("SELECT * FROM moved"):
                    self.graph(world).moved[entity] = (rel, found, left)
                for world, resets, persists in db.execute("SELECT world, resets, persists FROM resets"):
                    self.graph(world).resets, self.graph(world).persists = resets, persists
            if "stability" in tables:
                for world, kept, shifted in db.execute("SELECT world, kept, shifted FROM stability"):
                    self.graph(world).kept, self.graph(world).shifted = kept, shifted
            for world, n, typ, cat, s_ep, s_step in db.execute("SELECT * FROM nodes"):
                self.graph(world).add_entity(n, typ, cat, None if s_ep is None else (s_ep, s_step))
            for world, subj, rel, obj, value, ep, step, conf in db.execute("SELECT * FROM beliefs"):
                b = Belief(bool(value), ep, step, conf)
                g = self.graph(world)
                if obj is None:
                    g.g.nodes[subj]["states"][rel] = b
                else:
                    g.g.add_edge(subj, obj, rel=rel, belief=b)
