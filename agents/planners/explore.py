"""The offline planner for environments engram has no domain planner for (plug-ins, gym envs).

It knows nothing of the domain, so it explores systematically: from the current observation it
takes the admissible command it has tried least often from that same observation in this episode
(ties: the command a successful similar episode took, then the order offered, rotated by the
episode seed so that episodes differ). It never repeats a command forever in one place, consumes
the same Recall list as every planner, and is what the LLM planner falls back on in such envs.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from engram.agents.planners.base import Decision
from engram.memory.base import Recall


class ExplorePlanner:
    name = "offline"

    def decide(self, state: dict[str, Any], recall: list[Recall]) -> Decision:
        admissible: list[str] = list(state["observation"]["admissible"])
        if not admissible:
            return Decision(action="", rationale="nothing is admissible")
        history = state.get("history", [])
        tried: Counter[tuple[str, str]] = Counter()
        for before, after in pairwise(history):
            if after.get("action"):
                tried[(before["text"], after["action"])] += 1
        here = state["observation"]["text"]
        successes = [r for r in recall if r.kind == "episode" and r.content.get("success")]
        remembered = [a for r in successes for a in r.content.get("decisions", [])]
        shift = int(state.get("seed", 0)) + int(state.get("t", 0))

        def rank(i: int) -> tuple[int, int, int]:
            action = admissible[i]
            hint = remembered.index(action) if action in remembered else len(remembered)
            return tried[(here, action)], hint, (i - shift) % len(admissible)

        best = admissible[min(range(len(admissible)), key=rank)]
        n = tried[(here, best)]
        return Decision(action=best, rationale=f"tried {n} time(s) from here; exploring", subgoal="explore")
