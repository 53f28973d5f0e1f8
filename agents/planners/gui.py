"""Offline planner for MiniWoB++ GUI tasks: the utterance parsed, the page read from the facts.

Each step it rebuilds the page (element tag, text, value, focus, document order) from the latest
observation's facts, reads the task from the utterance and the fields MiniWoB extracts from it,
and picks the next admissible command. Families handled: click a button / link / tab / widget by
its label, click buttons in sequence, close a dialog, select checkboxes or a radio option and
submit, enter text (as given, or in the case asked for), enter a password twice, log in, focus
the n-th text box. What it has already done comes from the episode's own actions and the values
now in the fields, so it resumes from any step and never repeats a finished sub-task.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from engram.agents.planners.base import Decision, PlannerState, RunningSkill
from engram.envs.core import Fact
from engram.memory.base import Recall, payload
from engram.memory.skills import utterance_template

_QUOTED = re.compile(r'"([^"]*)"')
_ORDINAL = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "first": 1, "second": 2, "third": 3}
_WIDGETS = {"checkbox": "input_checkbox", "radio": "input_radio", "textarea": "textarea", "text": "input_text",
            "button": "button"}  # fmt: skip
_TYPEABLE = ("input_text", "input_password", "textarea")


@dataclass
class Element:
    ref: int
    tag: str = ""
    text: str = ""
    value: str = ""
    focused: bool = False
    parent: int = 0


def _page(facts: Sequence[Fact], admissible: list[str]) -> list[Element]:
    """Clickable elements in document order, with what the facts say of them."""
    order = [int(m.group(1)) for a in admissible if (m := re.match(r"^click \[(-?\d+)\]$", a))]
    els = {ref: Element(ref) for ref in order}
    for subject, relation, obj, value in facts:
        m = re.match(r"^\[(-?\d+)\]$", str(subject))
        if not m or int(m.group(1)) not in els:
            continue
        el = els[int(m.group(1))]
        if relation == "type":
            el.tag = str(obj)
        elif relation == "text":
            el.text = str(obj)
        elif relation == "value":
            el.value = str(obj)
        elif relation == "focused":
            el.focused = bool(value)
        elif relation == "child_of" and (p := re.match(r"^\[(-?\d+)\]$", str(obj))):
            el.parent = int(p.group(1))
    return [els[r] for r in order]


def _by_label(step: str, page: list[Element]) -> str:
    """``click [@Submit]`` -> ``click [<ref>]`` of the one element on this page labelled Submit (a
    text node is clicked through the element that holds it); unchanged if there is not exactly one."""
    m = re.match(r"^click \[@(.+)\]$", step)
    if not m:
        return step
    refs = {e.ref: e for e in page}
    hits = {refs[e.parent].ref if e.tag == "t" and e.parent in refs else e.ref for e in page if e.text == m.group(1)}
    return f"click [{hits.pop()}]" if len(hits) == 1 else step


class GUIPlanner:
    name = "offline"

    def decide(self, state: PlannerState, recall: list[Recall]) -> Decision:
        obs = state.observation
        admissible = obs.admissible
        page = _page(obs.facts, admissible)
        utterance = state.goal.text
        fields = {str(k): str(v) for k, v in obs.info.get("fields", [])}
        done = [h.action for h in state.history if h.action]
        if not done:
            shortcut = self._shortcut(utterance, recall, admissible, page)
            if shortcut:
                return shortcut
        action, why = self._next(utterance, fields, page, done, admissible)
        if action not in admissible:
            why = f"{why}; {action!r} is not admissible"
            action = admissible[0] if admissible else ""
        return Decision(action=action, rationale=why, subgoal=utterance[:80])

    def _shortcut(
        self, utterance: str, recall: list[Recall], admissible: list[str], page: list[Element]
    ) -> Decision | None:
        """At the start of an episode, a shortcut memory mined from an earlier success of this task
        family, bound to this utterance's quoted values: the controller then runs its steps (each
        re-checked against the page) without asking the planner again."""
        quoted = _QUOTED.findall(utterance)
        wording = utterance_template(utterance)
        for r in recall:
            shortcut = payload(r, "skill") if r.kind == "skill" else None
            if not shortcut or not shortcut.get("family") or shortcut.get("utterance") != wording:
                continue
            steps = list(shortcut["steps"])
            bound = []
            for step in steps:
                for i, value in enumerate(quoted):
                    step = step.replace(f"{{q{i}}}", value).replace(f"{{q{i}|lower}}", value.lower())
                    step = step.replace(f"{{q{i}|upper}}", value.upper())
                bound.append(_by_label(step, page))
            if any(re.search(r"\{q\d+(?:\|\w+)?\}|\[@", b) for b in bound) or bound[0] not in admissible:
                continue  # this utterance does not fill it, or the page differs
            skill = RunningSkill(name=shortcut["name"], template=steps, steps=bound, pre=list(shortcut["pre"]),
                                 obj="", i=0)  # fmt: skip
            return Decision(action=bound[0], rationale=f"shortcut {shortcut['name']!r} from an earlier success",
                            subgoal=utterance[:80], skill=skill)  # fmt: skip
        return None

    # -- families --------------------------------------------------------------------------------
    def _next(
        self, u: str, fields: dict[str, str], page: list[Element], done: list[str], admissible: list[str]
    ) -> tuple[str, str]:
        low = u.lower()
        quoted = _QUOTED.findall(u)
        click = lambda el: f"click [{el.ref}]"  # noqa: E731

        refs = {e.ref: e for e in page}

        def by_text(label: str, tags: tuple[str, ...] = ()) -> Element | None:
            hits = [e for e in page if e.text.strip().lower() == label.strip().lower()]
            # a bare text node ("t") is clicked through the button or link that holds it
            hits = [refs[e.parent] if e.tag == "t" and e.parent in refs else e for e in hits]
            preferred = [e for e in hits if e.tag in tags]
            return (preferred or hits)[0] if hits else None

        def submit() -> tuple[str, str]:
            button = next((e for e in page if e.tag == "button" and e.text.lower() in ("submit", "login")), None)
            button = button or next((e for e in page if e.tag == "button"), None)
            return (click(button), "everything is filled in: submit") if button else ("", "no submit button")

        def typed(el: Element, text: str) -> tuple[str, str] | None:
            if el.value != text:
                return f'type [{el.ref}] "{text}"', f"type {text!r} into the {el.tag}"
            return None

        if low.startswith("enter the username"):
            user, password = fields.get("username", ""), fields.get("password", "")
            boxes = [e for e in page if e.tag in _TYPEABLE]
            for el, text in ((next((e for e in boxes if e.tag == "input_text"), None), user),
                             (next((e for e in boxes if e.tag == "input_password"), None), password)):  # fmt: skip
                step = typed(el, text) if el else None
                if step:
                    return step
            return submit()
        if low.startswith("enter the password"):
            for el in (e for e in page if e.tag == "input_password"):
                step = typed(el, quoted[0] if quoted else "")
                if step:
                    return step
            return submit()
        if low.startswith(("enter", "type")) and quoted:
            text = quoted[0]
            if "lower case" in low:
                text = text.lower()
            elif "upper case" in low:
                text = text.upper()
            box = next((e for e in page if e.tag in _TYPEABLE), None)
            step = typed(box, text) if box else None
            if step and step[0] in admissible:
                return step
            return submit()
        if low.startswith("focus into"):
            boxes = [e for e in page if e.tag in _TYPEABLE]
            m = re.search(r"(\d+(?:st|nd|rd|th)|first|second|third)", low)
            n = _ORDINAL.get(m.group(1), 1) if m else 1
            return (click(boxes[n - 1]), f"focus text box {n}") if len(boxes) >= n else ("", "no such box")
        if low.startswith("select") and "click submit" in low:
            names = re.split(r",\s*|\s+and\s+", re.sub(r"^select\s+|\s+and click submit\.?$", "", u, flags=re.I))
            names = [n for n in (x.strip() for x in names) if n and n.lower() != "nothing"]
            for name in names:
                i = next((k for k, e in enumerate(page) if e.text.strip() == name), None)
                box = next((e for e in reversed(page[:i]) if e.tag.startswith("input_")), None) if i else None
                if box and click(box) not in done:
                    return click(box), f"tick {name!r}"
            return submit()
        if "then click button" in low or low.startswith("click button"):
            for label in re.findall(r"button (\w+)", u):
                el = by_text(label, ("button",))
                if el and click(el) not in done:
                    return click(el), f"click button {label}"
            return "", "all buttons clicked"
        if "widget" in low and quoted:
            tag = _WIDGETS.get(quoted[0].lower(), quoted[0].lower())
            el = next((e for e in page if e.tag == tag), None)
            return (click(el), f"the first {tag}") if el else ("", f"no {tag} widget")
        if low.startswith("close the dialog"):
            el = by_text("close") or by_text("x") or by_text("×")
            return (click(el), "the dialog's close button") if el else ("", "no close button found")
        m = re.search(r"tab #(\d+)", low)
        if m:
            el = by_text(f"Tab #{m.group(1)}")
            return (click(el), f"tab {m.group(1)}") if el else ("", "no such tab")
        label = quoted[0] if quoted else fields.get("target", "")
        if label:
            el = by_text(label, ("button", "a", "span"))
            if el:
                return click(el), f"the element labelled {label!r}"
        buttons = [e for e in page if e.tag == "button"]
        if buttons:
            return click(buttons[0]), "the only button"
        return (admissible[0] if admissible else ""), "no rule for this task: first command"
