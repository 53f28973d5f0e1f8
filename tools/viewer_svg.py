"""Server-drawn SVG for ``engram view``: the learning curve and a memory graph.

Drawn in Python so the page needs no chart or graph library (nothing fetched, nothing bundled
from npm): plain SVG elements with classes the stylesheet colours. Every label goes through
:func:`html.escape`.

The graph layout is domain-free and deterministic: a node placed *in*, *on* or *at* another (the
spatial relations of engram's fact vocabulary) is drawn inside that node's cell, under it, and so
is what a node *holds*; every other node gets a cell of its own in a grid, in natural name order.
Other relations (a user's own) are drawn as labelled arcs between cells.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from engram.memory.graphview import GraphDelta, GraphView

PLACED = ("in", "on", "at")
HELD = ("holds",)  # drawn the other way round: what is held, under its holder
PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280")


def curve_svg(series: dict[str, list[tuple[int, float, float | None]]], width: int = 560, height: int = 180) -> str:
    """Rolling success rate per run, one polyline each, on a shared episode axis."""
    pad, n = 34, max((len(points) for points in series.values()), default=0)
    if n == 0:
        return '<p class="muted">no finished episode yet</p>'
    span = max(n - 1, 1)

    def x(i: int) -> float:
        return pad + (i - 1) / span * (width - 2 * pad)

    def y(v: float) -> float:
        return height - pad - v * (height - 2 * pad)

    parts = [f'<svg class="curve" viewBox="0 0 {width} {height}" role="img">']
    for v in (0.0, 0.5, 1.0):
        parts.append(f'<line class="grid" x1="{pad}" x2="{width - pad}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
        parts.append(f'<text class="axis" x="4" y="{y(v) + 4:.1f}">{v:.0%}</text>')
    parts.append(f'<text class="axis" x="{pad}" y="{height - 8}">episode 1</text>')
    parts.append(f'<text class="axis" x="{width - pad - 60}" y="{height - 8}">episode {n}</text>')
    for k, (label, points) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        coords = " ".join(f"{x(i):.1f},{y(rate):.1f}" for i, rate, _ in points)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}"/>')
        parts.append(f'<text class="legend" x="{pad + 8 + 150 * k}" y="14" fill="{colour}">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _natural(name: str) -> list[Any]:
    """``cabinet 2`` before ``cabinet 10``."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def _label(node: str, attrs: dict[str, Any]) -> str:  # attrs: a node's, open JSON (GraphView's)
    states = [s for s in attrs.get("states", []) if not str(s).startswith("not ")]
    return node + (f" ({', '.join(states)})" if states else "")


def graph_svg(view: GraphView, delta: GraphDelta, columns: int = 5) -> str:
    """The graph, with what ``delta`` set or added marked (class ``changed``) and the edges it
    removed listed under the drawing (they are no longer in the graph)."""
    nodes, edges = view["nodes"], view["edges"]
    if not nodes:
        return '<p class="muted">memory held no graph of this world yet</p>'
    changed = set(delta.get("nodes_set", {}))
    added = {tuple(e) for e in delta.get("edges_added", [])}
    parent: dict[str, str] = {}
    link: dict[str, str] = {}  # a drawn-inside node -> the relation to its cell's node
    for src, rel, dst in edges:
        inner, outer = (dst, src) if rel in HELD else (src, dst)
        if (rel in PLACED or rel in HELD) and inner not in parent and outer in nodes and src != dst:
            parent[inner], link[inner] = outer, rel
    fresh = {frozenset((s, d)) for s, _, d in added}

    # A node whose parent is itself placed is drawn in the outermost cell (a pen in a box on a desk).
    def root(n: str) -> str:
        seen = set()
        while n in parent and n not in seen:
            seen.add(n)
            n = parent[n]
        return n

    cells: dict[str, list[str]] = {}
    for n in sorted(nodes, key=_natural):
        home = root(n)
        cells.setdefault(home, [])
        if home != n:
            cells[home].append(n)
    cell_w, row_h, head_h = 200, 18, 26
    order = sorted(cells, key=_natural)
    pos: dict[str, tuple[float, float]] = {}
    rows: list[list[str]] = [order[i : i + columns] for i in range(0, len(order), columns)]
    y0 = 10.0
    body: list[str] = []
    for row in rows:
        tallest = max(len(cells[c]) for c in row)
        for k, c in enumerate(row):
            x0 = 10 + k * cell_w
            cls = "node hub changed" if c in changed else "node hub"
            label = _label(c, nodes[c])
            body.append(f'<g class="{cls}" data-node="{escape(c)}"><title>{escape(label)}</title><rect x="{x0}" '
                        f'y="{y0}" width="{cell_w - 16}" height="{head_h - 6}" rx="4"/><text x="{x0 + 6}" '
                        f'y="{y0 + 14}">{escape(label[:34])}</text></g>')  # fmt: skip
            pos[c] = (x0 + (cell_w - 16) / 2, y0 + 10)
            for j, m in enumerate(cells[c]):
                my = y0 + head_h + j * row_h
                moved = frozenset((m, parent[m])) in fresh
                cls = "node changed" if m in changed or moved else "node"
                label = _label(m, nodes[m])
                text = f"{link[m]} · {label[:30]}"
                body.append(f'<g class="{cls}" data-node="{escape(m)}"><title>{escape(label)}</title>'
                            f'<text x="{x0 + 14}" y="{my + 10}">{escape(text)}</text></g>')  # fmt: skip
                pos[m] = (x0 + 10, my + 6)
        y0 += head_h + tallest * row_h + 14
    arcs: list[str] = []
    for src, rel, dst in edges:
        if parent.get(src) == dst or parent.get(dst) == src or src not in pos or dst not in pos:
            continue
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        cls = "edge changed" if (src, rel, dst) in added else "edge"
        mx, my = (x1 + x2) / 2, min(y1, y2) - 18
        arcs.append(f'<g class="{cls}"><path d="M{x1:.0f},{y1:.0f} Q{mx:.0f},{my:.0f} {x2:.0f},{y2:.0f}"/>'
                    f'<text x="{mx:.0f}" y="{my + 4:.0f}">{escape(rel)}</text></g>')  # fmt: skip
    width = 20 + min(columns, len(order)) * cell_w
    svg = (f'<svg class="graph" viewBox="0 0 {width} {y0:.0f}" width="{width}" height="{y0:.0f}" role="img">'
           + "".join(body) + "".join(arcs) + "</svg>")  # fmt: skip
    removed = delta.get("edges_removed", []) + [[n, "removed", ""] for n in delta.get("nodes_removed", [])]
    if removed:
        svg += '<p class="removed">no longer held: ' + "; ".join(escape(" ".join(e).strip()) for e in removed) + "</p>"
    return svg
