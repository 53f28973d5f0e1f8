"""Running a shortcut (a mined skill) step by step through the normal act node.

A planner starts a shortcut by returning a :class:`Decision` whose ``skill`` holds the bound steps
and ``i = 0``. The controller then feeds the following steps itself, one per loop, without asking
the planner, but only after re-checking the step's precondition and that the environment offers
the command now. If the world disagrees (hands full, object gone, a step the env reports as a
``failure`` outcome) the shortcut
is aborted and the planner decides that step as usual: a stale shortcut costs at most the step it
was on, never the episode. Every start, completion and abort is recorded as a ``skill_events``
entry of the step, which is what the skill store's utility counters are built from.
"""

from __future__ import annotations

from collections.abc import Sequence

from engram.agents.planners.base import Decision, DecisionJSON, PlannerState, RunningSkill
from engram.envs.core import Outcome
from engram.envs.domain import IF_OFFERED, unmet
from engram.memory.base import Perceived, SkillEvent
from engram.memory.migrate import precondition_v0


def holding(history: Sequence[Perceived]) -> str:
    """What the agent holds, from the newest ``holds`` fact in the episode's history."""
    for entry in reversed(history):
        for subj, rel, obj, value in entry.facts:
            if subj == "agent" and rel == "holds" and obj:
                return str(obj) if value else ""
    return ""


def continue_skill(skill: RunningSkill, state: PlannerState) -> tuple[Decision | None, str]:
    """The next step of a running shortcut, or ``(None, why it was aborted)``. Each step's
    precondition (:mod:`engram.envs.domain`: its slots bound) is checked against what the facts say
    the agent holds; a step marked needless when not offered is passed over when it is not."""
    steps, pre = skill["steps"], skill["pre"]
    admissible = state.observation.admissible
    held = holding(state.history)
    i = skill["i"] + 1
    while i < len(steps):
        cmd = steps[i]
        need = precondition_v0(pre[i])
        why = unmet(need, held)
        if why:
            return None, f"step {i + 1} {why}"
        if cmd in admissible:
            return (
                Decision(
                    action=cmd,
                    subgoal=f"shortcut: {skill['name']}",
                    rationale=f"shortcut step {i + 1}/{len(steps)}",
                    skill={**skill, "i": i},
                    follows=str(skill.get("follows", "shortcut")),  # a case run as one plan is a case
                ),
                "",
            )
        if need != IF_OFFERED:
            return None, f"step {i + 1} {cmd!r} is not admissible now"
        i += 1
    return None, "no step left to run"


def events_after(
    decision: DecisionJSON, executed: bool, outcome: str | None
) -> tuple[list[SkillEvent], RunningSkill | None]:
    """Skill events of an executed step, and the shortcut still running afterwards (or None)."""
    skill = decision.get("skill")
    if not skill:
        return [], None
    name, template = skill["name"], skill["template"]
    events: list[SkillEvent] = [SkillEvent(name=name, template=template, event="started")] if skill["i"] == 0 else []
    if not executed or outcome == Outcome.FAILURE:
        why = "the environment refused the step"
        return [*events, SkillEvent(name=name, template=template, event="aborted", why=why)], None
    if skill["i"] == len(skill["steps"]) - 1:
        return [*events, SkillEvent(name=name, template=template, event="done")], None
    return events, skill
