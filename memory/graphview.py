"""What a graph-shaped memory held at each step, cheaply: one snapshot per episode plus deltas.

A module that keeps a graph of a world (the scene memory; a user's own module can too) implements
:class:`ShowsGraph`. The controller records, at an episode's first step, the graph as memory held
it before that step's observation (``start``), and at every step the change the observation made
(``delta``). A viewer rebuilds the graph at step *t* from the start and the deltas up to *t*, and
marks what the last delta touched. A full snapshot per step would cost a household's whole graph
(hundreds of nodes) on every line of ``steps.jsonl``; a delta is a few facts.

The view is plain JSON so that reading it needs no module code: ``nodes`` maps a node id to its
attributes (any JSON values; the scene memory gives ``type``, ``category``, ``states`` and
``searched``), ``edges`` is a sorted list of ``[source, relation, target]``.
"""

from __future__ import annotations

from typing import Any, Protocol, TypedDict, runtime_checkable


class GraphView(TypedDict):
    nodes: dict[str, dict[str, Any]]  # node -> its attributes: whatever JSON the module gives (open by design)
    edges: list[list[str]]


class GraphDelta(TypedDict):
    nodes_set: dict[str, dict[str, Any]]  # added, or whose attributes changed: the new ones (open, as in a view)
    nodes_removed: list[str]
    edges_added: list[list[str]]
    edges_removed: list[list[str]]


@runtime_checkable
class ShowsGraph(Protocol):
    """A memory module whose state for one world is a graph (optional; the viewer draws it)."""

    name: str

    def graph_view(self, world_id: str) -> GraphView: ...


def empty_view() -> GraphView:
    return {"nodes": {}, "edges": []}


def graph_delta(before: GraphView, after: GraphView) -> GraphDelta:
    old_edges = {tuple(e) for e in before["edges"]}
    new_edges = {tuple(e) for e in after["edges"]}
    return {
        "nodes_set": {n: a for n, a in after["nodes"].items() if before["nodes"].get(n) != a},
        "nodes_removed": sorted(n for n in before["nodes"] if n not in after["nodes"]),
        "edges_added": [list(e) for e in sorted(new_edges - old_edges)],
        "edges_removed": [list(e) for e in sorted(old_edges - new_edges)],
    }


def apply_delta(view: GraphView, delta: GraphDelta) -> GraphView:
    """``view`` with ``delta`` applied (a new view; ``view`` is left as it was)."""
    removed = set(delta["nodes_removed"])
    nodes = {n: a for n, a in view["nodes"].items() if n not in removed}
    nodes.update(delta["nodes_set"])
    gone = {tuple(e) for e in delta["edges_removed"]}
    edges = {tuple(e) for e in view["edges"] if tuple(e) not in gone} | {tuple(e) for e in delta["edges_added"]}
    return {"nodes": nodes, "edges": [list(e) for e in sorted(edges)]}
