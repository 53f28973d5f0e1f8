"""ALFWorld's household rules as a :class:`~engram.envs.domain.Domain`.

Everything memory needs to know about households and may not know by itself: instance names
("apple 1" is an apple), the symbolic world view and its goal distance (:mod:`.symbolic`), the
effect rules the lookahead simulates (:mod:`.lookahead`), the state graphs the experience bank
encodes (:mod:`.state_graph`), which interactions move a task forward (the hindsight labels), and
how a verified success is cut into shortcuts (at each ``go to``, generalised over the object and
the receptacle kind). ``ALFWorldEnv.metadata["engram_domain"]`` names :data:`HOUSEHOLD`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from engram.envs.core import Goal
from engram.envs.domain import (
    HOLDS,
    HOLDS_NOTHING,
    IF_OFFERED,
    NO_NEED,
    Embedder,
    Procedure,
    Verdict,
    WorldModel,
)
from engram.envs.household import lookahead as _lookahead
from engram.envs.household import state_graph
from engram.envs.household.symbolic import LAMP_TYPES, HouseholdGoal, WorldView, household_goal, kind

if TYPE_CHECKING:  # heavy imports, for annotations only
    from torch_geometric.data import Data

#: verbs of the interactions that move a task forward (the hindsight "useful next step")
KEY_VERBS = ("take", "move", "heat", "cool", "clean", "use")
VERBS = ("go", "open", "close", "look", "inventory", "examine", *KEY_VERBS, "other", "none")
#: the slots of its shortcuts that stand for any object (the others name a receptacle kind)
FREE_SLOTS = ("obj", "lamp")
#: verbs a shortcut may contain, with the precondition a step needs. An ``open`` step the env does
#: not offer is needless: the receptacle is open already
_STEP_VERBS = {
    "take": HOLDS_NOTHING,
    "move": HOLDS + "{obj}",
    "heat": HOLDS + "{obj}",
    "cool": HOLDS + "{obj}",
    "clean": HOLDS + "{obj}",
    "use": NO_NEED,
    "open": IF_OFFERED,
    "close": NO_NEED,
}
_OBJ_CMD = re.compile(r"^(take|move|heat|cool|clean) (.+?) (?:from|to|with) (.+)$")


def verb(action: str) -> str:
    v = action.split(" ", 1)[0] if action else "none"
    return v if v in VERBS else "other"


def _interaction_place(action: str, at: str) -> str:
    """Where a key action happens: the receptacle it names (take from / move to / heat with), else
    where the agent stands (use a lamp)."""
    for sep in (" from ", " to ", " with "):
        if sep in action:
            return action.rsplit(sep, 1)[1]
    return at


def hindsight_labels(goal: HouseholdGoal, views: Sequence[WorldView], actions: list[str]) -> list[dict[str, str]]:
    """Per state ``t`` (before ``actions[t]``): the next verb, and the verb and receptacle kind of
    the next key interaction with the goal's object (or a lamp) at or after ``t``."""
    relevant = {goal.get("object", ""), goal.get("toggle", ""), *LAMP_TYPES} - {""}
    labels: list[dict[str, str]] = []
    upcoming = ("none", "none")
    for t in range(len(actions) - 1, -1, -1):
        a = actions[t]
        words = a.split(" ")
        if verb(a) in KEY_VERBS and len(words) > 2 and kind(" ".join(words[1:3])) in relevant:
            upcoming = (verb(a), kind(_interaction_place(a, views[t].at)))
        labels.append({"verb": verb(a), "key_verb": upcoming[0], "key_kind": upcoming[1]})
    return labels[::-1]


def mine_shortcuts(actions: list[str]) -> list[Procedure]:
    """Cut a successful action sequence at each ``go to`` and generalise the segments that did
    something there (searching visits, a bare ``go to``, teach nothing)."""
    out: list[Procedure] = []
    segment: list[str] = []
    for action in [*actions, "go to <end>"]:
        if action.startswith("go to "):
            if len(segment) > 1:
                shortcut = _generalise(segment)
                if shortcut:
                    out.append(shortcut)
            segment = [action]
        elif segment:
            segment.append(action)
    return out


def _generalise(segment: list[str]) -> Procedure | None:
    place = segment[0].removeprefix("go to ")
    rkind = kind(place)
    steps, pre = [f"go to {{{rkind}}}"], [NO_NEED]
    last, objects = "", set()
    for action in segment[1:]:
        v = action.split(" ", 1)[0]
        if v not in _STEP_VERBS:
            return None
        m = _OBJ_CMD.match(action)
        if m:
            objects.add(m.group(2))
            if m.group(3) != place or len(objects) > 1:
                return None  # one object per shortcut, handled where the agent stands
            step = action.replace(m.group(2), "{obj}", 1)
        elif v == "use":
            step = "use {lamp}"
        else:
            step = action.replace(place, f"{{{rkind}}}")
        steps.append(step.replace(place, f"{{{rkind}}}"))
        pre.append(_STEP_VERBS[v])
        last = steps[-1]
    if not last or last.startswith(("open", "close")):
        return None
    name = {"take": "fetch {obj} from", "move": "put {obj} in", "use": "light {lamp} at"}.get(
        last.split(" ", 1)[0], last.split(" {obj}", 1)[0] + " {obj} with"
    )
    return Procedure(f"{name} {{{rkind}}}", tuple(steps), tuple(pre))


def _view(world: WorldModel) -> WorldView:
    """The household's own model of a world: being handed another domain's is a bug."""
    if not isinstance(world, WorldView):
        raise TypeError(f"the household domain models worlds as WorldView, not {type(world).__name__}")
    return world


class HouseholdDomain:
    """The :class:`~engram.envs.domain.Domain` of ALFWorld's households (:data:`HOUSEHOLD`)."""

    name = "alfworld-household"
    #: how a model phrases ALFWorld's commands otherwise (the LLM planner's grounding applies them)
    rewrites: tuple[tuple[str, str], ...] = (
        (r"^(?:put|place) (.+?) (?:in|on|into|onto|in/on) (.+)$", r"move \1 to \2"),
        (r"^(?:pick up|grab|get) (.+?) from (.+)$", r"take \1 from \2"),
    )
    node_dim = state_graph.NODE_DIM
    edge_dim = state_graph.EDGE_DIM
    verbs: tuple[str, ...] = VERBS
    free_slots: tuple[str, ...] = FREE_SLOTS
    #: every task in a house starts with its receptacles closed (ALFWorld's convention, which the
    #: household generator keeps), so a remembered "open" would be wrong by the next episode
    fleeting: tuple[str, ...] = ("open",)

    def entity_type(self, entity: str) -> str:
        return kind(entity)

    def world(self) -> WorldView:
        return WorldView()

    def state_graph(self, world: WorldModel, goal: Goal, embedder: Embedder) -> Data:
        return state_graph.build(_view(world), household_goal(goal), embedder)

    def sought(self, world: WorldModel, goal: Goal) -> str:
        return state_graph.sought(_view(world), household_goal(goal))

    def hindsight_labels(self, goal: Goal, worlds: Sequence[WorldModel], actions: list[str]) -> list[dict[str, str]]:
        return hindsight_labels(household_goal(goal), [_view(w) for w in worlds], actions)

    def lookahead(
        self, world: WorldModel, goal: Goal, candidates: Iterable[str], visited: set[str], depth: int
    ) -> Verdict:
        flat = household_goal(goal)
        if not flat.get("object"):
            return Verdict(kept=list(candidates))
        return _lookahead.lookahead(_view(world), flat, candidates, visited, depth)

    def shortcuts(self, actions: list[str]) -> list[Procedure]:
        return mine_shortcuts(actions)


HOUSEHOLD = HouseholdDomain()
