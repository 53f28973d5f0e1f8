"""What memory does to a model's choices before the model reads them: memory-shaped decoding.

A small model ignores advice written in its prompt: it loops while the prompt says "the last 4
actions went in a circle", and walks past the shortcut that would finish the task. What it cannot
ignore is the set it chooses from. So memory acts on that set, in every answer format:

* **Pruning.** Commands a ``lookahead`` recall rules out, and the command that would close a
  ``warning``'s circle again, leave the list the model is shown (the schema's enum, the prompt's
  list, and what a json/tools answer may ground to) while anything else is left. When memory rules
  out everything, the full list is given back (``restored``): memory may be wrong, and the episode
  must go on. The prompt says what was removed and why.
* **Ordering.** The commands are listed most promising first by memory's own evidence: the next
  step of a verified case, the first steps of shortcuts that can start here, where a sought thing
  was last seen (scene), where things of its type usually are (priors), holders never looked into,
  and the verbs that followed similar past states (experience). Without recalls (memory ``none``)
  the env's order stands. ``order="shuffle"`` keeps the pruning and shuffles the rest (seeded), so
  that what the ordering does and what the model does can be told apart.
* **Callable memory.** The shortcuts on offer are exactly those whose first step is admissible
  now (the schema's set), ranked by how well they serve the goal; a verified case of the same task
  is offered as one more, ``follow``, whose steps are the case's loop-free path from here on. The
  controller runs a called shortcut step by step and aborts it when the world disagrees.

Everything here reads only :class:`~engram.memory.base.Recall` items and the admissible commands:
no domain words, so a plug-in env gets the same shaping.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import TypedDict

from engram.agents.planners.base import PlannerState
from engram.agents.planners.cases import case_ahead
from engram.agents.planners.llm_schema import skill_arguments
from engram.envs.core import Goal
from engram.memory.base import Recall, SkillPayload, bounded, marked, payload

#: the name a verified case is offered under, as a shortcut the model can call
FOLLOW = "follow"
#: shortcuts offered at most (prompt and schema alike)
MAX_SHORTCUTS = 6
ORDERS = ("memory", "env", "shuffle")
_WORD = re.compile(r"[a-z0-9]+")


class ChoicesRecord(TypedDict):
    """What a step keeps of :class:`Choices` (its ledger's ``memory``)."""

    removed: dict[str, str]
    restored: bool
    order: str
    listed: int
    first: str
    took_first: bool
    shortcuts: list[str]
    called: str  # the shortcut or case the model called ("" when it chose a command)


@dataclass
class Choices:
    """The commands and shortcuts a model is offered this step, and what memory did to them."""

    commands: list[str]  # what the model may choose, most promising first
    removed: dict[str, str] = field(default_factory=dict)  # command -> why memory took it out
    restored: bool = False  # memory ruled out every command: the full list stands
    order: str = "env"  # "memory" (memory's evidence ordered it), "env" (no evidence), "shuffle"
    scores: dict[str, float] = field(default_factory=dict)  # the evidence per command (> 0 only)
    shortcuts: dict[str, SkillPayload] = field(default_factory=dict)  # name -> content, best first

    def record(self, action: str, called: str = "") -> ChoicesRecord:
        """What a step keeps of this (the viewer and the ledger read it)."""
        return {
            "removed": self.removed,
            "restored": self.restored,
            "order": self.order,
            "listed": len(self.commands),
            "first": self.commands[0] if self.commands else "",
            "took_first": bool(self.commands) and action == self.commands[0] and not called,
            "shortcuts": list(self.shortcuts),
            "called": called,
        }


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _names(command: str, entity: str) -> bool:
    return bool(entity) and re.search(bounded(entity), command.lower()) is not None


def _of_type(command: str, kind: str) -> bool:
    """``command`` names a thing of type ``kind`` ("go to desk 2" names a desk; "desklamp" does not)."""
    return bool(kind) and re.search(rf"\b{re.escape(kind.lower())}(?: \d+)?\b", command.lower()) is not None


def pruned(admissible: list[str], recall: list[Recall]) -> tuple[list[str], dict[str, str], bool]:
    """The admissible commands memory leaves, what it removed and why, and whether it had to give
    everything back."""
    removed: dict[str, str] = {}
    for r in recall:
        if r.kind == "lookahead":
            verdict = payload(r, "lookahead")
            kept, rejected = set(verdict["kept"]), dict(verdict["rejected"])
            if kept and kept <= set(rejected):
                # It ruled out everything and kept its least bad (a lookahead must leave something):
                # no verdict. Pruning on it left a model holding the second cd at the open safe with
                # examine, look, help and inventory: "move cd 2 to safe 1" was "cannot advance".
                continue
            for command, why in rejected.items():
                if command not in kept:
                    removed.setdefault(str(command), f"lookahead: {why}")
        elif r.kind == "warning":
            warned = payload(r, "warning")
            for command in warned.get("lost", []):
                removed.setdefault(str(command), "it lost the game from this very state before")
            loop = [str(a) for a in warned["cycle"]]
            if loop:
                removed.setdefault(loop[0], f"it starts the circle just gone round again ({'; '.join(loop)})")
    removed = {a: why for a, why in removed.items() if a in admissible}
    left = [a for a in admissible if a not in removed]
    return (left, removed, False) if left else (list(admissible), removed, True)


def evidence(commands: list[str], recall: list[Recall], case_next: str = "") -> dict[str, float]:
    """Per command, how strongly memory points at it (0: not at all). Weights are on one scale:
    a case's next step (4) over a shortcut's first step (2 + its utility) over where a sought thing
    was seen (2-3) over where its type usually is (the rate, 0-1) over a holder never looked into
    (0.3) over a verb that followed similar states (its share x 0.5)."""
    score = dict.fromkeys(commands, 0.0)

    def add(command: str, value: float) -> None:
        if command in score:
            score[command] = max(score[command], value) if value >= 1 else score[command] + value

    for r in recall:
        if r.kind == "scene":
            seen = payload(r, "scene")
            holder, thing = str(seen["holder"] or ""), str(seen["object"] or "")
            for a in commands:
                if _names(a, holder):
                    add(a, 3.0 if _names(a, thing) else 2.0)
        elif r.kind == "prior":
            prior = payload(r, "prior")
            # a rate where the module gives one; else its score, which is the share ("seen" is a count)
            rate = min(max(float(prior.get("rate", r.score)), 0.0), 1.0)
            for a in commands:
                if _names(a, str(prior.get("holder") or "")) or _of_type(a, str(prior.get("holder_type") or "")):
                    add(a, 0.9 * rate)
        elif r.kind == "unexplored":
            for holder in payload(r, "unexplored")["unexplored"][:20]:
                for a in commands:
                    if _names(a, str(holder)):
                        add(a, 0.3)
        elif r.kind == "experience":
            for verb, share in dict(payload(r, "experience")["next"]).items():
                for a in commands:
                    if a.split(" ", 1)[0] == verb:
                        add(a, 0.5 * float(share))
    if case_next:
        add(case_next, 4.0)
    return {a: round(v, 4) for a, v in score.items() if v > 0}


def rank_shortcuts(recall: list[Recall], admissible: list[str], goal: Goal) -> dict[str, SkillPayload]:
    """The shortcuts whose first step can start now, best for this goal first: a shortcut whose
    steps or name share words with the goal (its targets count most) ranks above one that does
    not, then by its utility and support. At most :data:`MAX_SHORTCUTS`."""
    gw, tw = _words(goal.text), set().union(*(_words(t) for t in goal.targets)) if goal.targets else set()
    ranked: list[tuple[tuple[float, ...], str, SkillPayload]] = []
    for r in recall:
        skill = payload(r, "skill") if r.kind == "skill" else None
        if skill is None or "name" not in skill:
            continue
        values = skill_arguments(skill, admissible)
        if values is None:
            continue  # it cannot start here: the schema would refuse it, so the prompt does not list it
        said = _words(str(skill["name"]) + " " + " ".join(skill.get("steps", [])))
        bound = set().union(*(_words(v) for vs in values.values() for v in vs)) if values else set()
        key = (len((said | bound) & tw), len(said & gw), r.score, float(skill.get("support", 0) or 0))
        ranked.append((key, str(skill["name"]), skill))
    ranked.sort(key=lambda x: tuple(-k for k in x[0]))
    out: dict[str, SkillPayload] = {}
    for _, name, content in ranked:
        out.setdefault(name, content)
    return dict(list(out.items())[:MAX_SHORTCUTS])


def shape(state: PlannerState, recall: list[Recall], order: str = "memory", seed: int = 0) -> Choices:
    """The choices memory leaves the model this step (see the module's docstring)."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; choose {', '.join(ORDERS)}")
    admissible = [str(a) for a in state.observation.admissible]
    goal = state.goal
    commands, removed, restored = pruned(admissible, recall)
    shortcuts = rank_shortcuts(recall, commands, goal)
    # A case memory demoted (:mod:`engram.memory.utility`) is not offered as a plan to follow.
    case = case_ahead(state, [r for r in recall if not marked(r).get("demoted")], commands)
    if case is not None:
        task, path = case
        shortcuts = {FOLLOW: SkillPayload(name=FOLLOW, steps=path, pre=[""] * len(path), slots={}, task=task),
                     **shortcuts}  # fmt: skip
        shortcuts = dict(list(shortcuts.items())[:MAX_SHORTCUTS])
    scores = evidence(commands, recall, case[1][0] if case else "")
    for content in shortcuts.values():
        values = skill_arguments(content, commands) or {}
        first = str(content["steps"][0])
        for slot, options in values.items():
            if len(options) == 1:
                first = first.replace("{" + slot + "}", next(iter(options)))
        if first in scores or first in commands:
            bonus = 2.0 + min(float(content.get("support", 0) or 0), 10) / 10
            scores[first] = max(scores.get(first, 0.0), bonus)
    if order == "shuffle":
        commands = list(commands)
        random.Random(f"{seed}:{state.episode_id}:{state.t}").shuffle(commands)
        kind = "shuffle"
    elif order == "memory" and scores:
        position = {a: i for i, a in enumerate(commands)}
        commands = sorted(commands, key=lambda a: (-scores.get(a, 0.0), position[a]))
        kind = "memory"
    else:
        kind = "env"
    return Choices(commands, removed, restored, kind, scores, shortcuts)
