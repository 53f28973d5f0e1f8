"""A verified case of the same task, and where this episode stands on it (Memento, ExpRAG).

The generic offline planner follows a case command by command; the LLM planner offers the rest of
it to the model as one callable plan (``follow``). Both ask the same question here, so "the same
task" and "how far along" mean one thing in both.
"""

from __future__ import annotations

from engram.agents.planners.base import PlannerState
from engram.envs.core import Outcome
from engram.memory.base import Recall, payload
from engram.memory.procedures import label, texts

#: a recalled episode's task must be this similar (cosine, 0..1) to be followed; the episodic module
#: scores an episode recall 0.3 x similarity, hence the factor where it is compared
CASE_SIMILARITY = 0.95


def case_ahead(state: PlannerState, recall: list[Recall], allowed: list[str]) -> tuple[str, list[str]] | None:
    """``(the case's task, its loop-free path from the next step allowed now)`` for the best
    verified case of this task, or None: no such case, the world already refused one of its steps,
    or none of its remaining steps is allowed here.

    A case is the same task: worded alike, and about the same things when it says what they were
    ("the vanilla scented passkey" is not "the passkey" however alike the sentences). Among cases,
    the most similar wins, then the shortest path. A ``path`` recall comes first: it is the
    shortest way from the state the episode is in now over every success of the same task, where
    an episode recall is one success replayed from where its steps match."""
    for r in recall:  # the merged successes' shortest way from this very state (memory.paths)
        way = payload(r, "path") if r.kind == "path" else None
        steps = [str(a) for a in way["steps"]] if way else []
        if way and steps and steps[0] in allowed:
            return str(way["task"]), steps
    goal = state.goal
    cases = [(r.score, payload(r, "episode")) for r in recall if r.kind == "episode"]
    cases = [(score, c) for score, c in cases if c["success"] and score >= 0.3 * CASE_SIMILARITY and c["path"]
             and c.get("targets") in (None, list(goal.targets))]  # fmt: skip
    if not cases:
        return None
    _, best = max(cases, key=lambda sc: (sc[0], -len(sc[1]["path"])))
    path = [str(a) for a in best["path"]]
    history = state.history[1:]
    if any(h.action in path for h in history if h.outcome == Outcome.FAILURE):
        return None  # the world disagrees with the case: leave it
    i = 0
    for h in history:  # how far along the case this episode is
        if i < len(path) and h.action == path[i]:
            i += 1
    labels = best.get("labels") or []
    shown = texts(state.observation.facts)
    for j in range(i, len(path)):
        if path[j] in allowed:
            # The page (the world) changed where the case goes next: "click [12]" is not the same
            # step when [12] shows something else now. The case is left at its first disagreement.
            if j < len(labels) and labels[j] and label(path[j], shown) != labels[j]:
                return None
            return str(best["task"]), path[j:]
    return None
