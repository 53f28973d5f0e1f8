"""MiniWoB++ GUI tasks in a real headless Chromium (Debian's ``chromium`` and ``chromedriver``).

The page becomes an engram :class:`Observation`:

* **facts** per DOM element ``[<ref>]`` (named as the commands name it, so that what a command
  acts on is found the way it is in any env): its ``type`` (tag), ``child_of`` its parent, ``text``,
  ``value``, ``at`` its position, and the ``focused`` state, so the same memory modules that keep
  a kitchen keep a web form;
* **text**: the task's utterance and the visible leaf elements, one line each;
* **admissible**: ``click [ref]`` for every visible leaf element, and ``type [ref] "<value>"`` for
  every text field and every value the utterance names (MiniWoB parses those into ``fields``).

Commands are grounded to MiniWoB's own action space (``CLICK_ELEMENT``,
``FOCUS_ELEMENT_AND_TYPE_TEXT``). One browser per environment: taken at the first reset (a closed
env's browser is kept for the next env of this process, :mod:`engram.envs.miniwob_browsers` says
why), given back by ``close()`` (and at interpreter exit for any env left open), restarted at the
next reset if it died; a browser killed mid-episode makes ``step`` raise, which the controller
records as the episode's environment error instead of hanging. A small watchdog process kills the
browsers if the engram process itself is killed (SIGKILL runs no exit handler).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import time
import weakref
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

import gymnasium as gym

from engram.envs.core import ActionSpace, Fact, Goal, GoalJSON, Observation, ObservationSpace, Outcome
from engram.envs.gym_adapter import json_safe
from engram.envs.miniwob_browsers import make_task, release_browsers

if TYPE_CHECKING:
    import numpy as np

TASKS = (
    "click-test", "click-test-2", "click-button", "click-button-sequence", "click-link", "click-dialog",
    "click-dialog-2", "click-checkboxes", "click-option", "click-tab", "click-widget", "enter-text",
    "enter-text-2", "enter-password", "login-user", "focus-text", "focus-text-2", "use-autocomplete",
)  # fmt: skip
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
_COMMAND = re.compile(r'^(click|type) \[(\d+)\](?: "(.*)")?$', re.S)
_OPEN: weakref.WeakSet[MiniWoBEnv] = weakref.WeakSet()


class DOMElement(TypedDict):
    """One page element as MiniWoB serialises it (``miniwob.observation.serialize_dom_element``)."""

    ref: int  # > 0 for elements, < 0 for text pseudo-elements
    parent: int  # the parent's ref, 0 for the root
    left: np.ndarray  # position and size: one-element float arrays
    top: np.ndarray
    width: np.ndarray
    height: np.ndarray
    tag: str  # lower-cased tag, input type appended ("input_text"); "t" for text
    text: str
    value: str
    id: str
    classes: str
    bg_color: np.ndarray  # RGBA
    fg_color: np.ndarray
    flags: np.ndarray  # focused, tampered, targeted, is_leaf (0 / 1)


class MiniWoBObs(TypedDict):
    """MiniWoB's observation (``miniwob.observation.get_observation_space``)."""

    utterance: str
    dom_elements: Sequence[DOMElement]
    screenshot: np.ndarray
    fields: Sequence[tuple[str, str]]  # what the utterance names: (key, value) pairs


def available() -> bool:
    """MiniWoB ids are registered only where the package and a Chromium + chromedriver pair exist."""
    from importlib.util import find_spec

    binary = os.environ.get("MINIWOB_CHROME_BINARY", CHROMIUM)
    driver = os.environ.get("MINIWOB_CHROMEDRIVER", CHROMEDRIVER)
    return find_spec("miniwob") is not None and bool(shutil.which(binary)) and bool(shutil.which(driver))


def _configure() -> None:
    # Debian's Chromium, never a downloaded one; Selenium must not try to fetch a driver.
    os.environ.setdefault("MINIWOB_CHROME_BINARY", CHROMIUM)
    os.environ.setdefault("MINIWOB_CHROMEDRIVER", CHROMEDRIVER)
    os.environ.setdefault("SE_OFFLINE", "true")


def describe(utterance: str, elements: list[DOMElement]) -> tuple[str, list[Fact], list[DOMElement]]:
    """Text, facts, and the visible leaf elements (what can be clicked)."""
    facts: list[Fact] = []
    lines, leaves = [], []
    for el in elements:
        name = f"[{int(_num(el['ref']))}]"  # as the commands name it: "click [12]" acts on "[12]"
        tag, text, value = str(el["tag"]), str(el["text"]).strip(), str(el["value"])
        focused, _tampered, _targeted, leaf = (bool(int(f)) for f in el["flags"])
        facts.append(Fact(name, "type", tag))
        if int(el["parent"]):
            facts.append(Fact(name, "child_of", f"[{int(el['parent'])}]"))
        if text:
            facts.append(Fact(name, "text", text[:200]))
        if value:
            facts.append(Fact(name, "value", value[:200]))
        facts.append(Fact(name, "at", f"{int(_num(el['left']))},{int(_num(el['top']))}"))
        facts.append(Fact(name, "focused", None, focused))
        visible = _num(el["width"]) > 0 and _num(el["height"]) > 0
        # leaves, and buttons and links whatever they contain (a dialog's close button holds an icon)
        if visible and ((leaf and tag not in ("label", "br")) or tag in ("button", "a")):
            leaves.append(el)
            shown = f' "{text[:80]}"' if text else ""
            shown += f" value={value[:40]!r}" if value else ""
            lines.append(f"[{int(el['ref'])}] {tag}{shown}" + (" (focused)" if focused else ""))
    return f"Task: {utterance}\nPage:\n" + "\n".join(lines), facts, leaves


def _num(value: Any) -> float:
    """MiniWoB gives positions as numbers or one-element arrays."""
    return float(value.ravel()[0]) if hasattr(value, "ravel") else float(value)


def _typeable(el: DOMElement) -> bool:
    # (a date or time field takes typed digits too: "6:15AM" into an input_time is 06:15 AM)
    return str(el["tag"]) in ("input_text", "input_password", "textarea", "input_number", "input_email",
                              "input_date", "input_time", "input_tel", "input_url", "input_search")  # fmt: skip


class MiniWoBEnv(gym.Env[Observation, str]):
    metadata = {"render_modes": [], "engram_planner": "gui"}  # noqa: RUF012

    def __init__(self, task: str = "click-test") -> None:
        self.task = task
        self.observation_space = ObservationSpace()
        self.action_space = ActionSpace()
        self.inner: Any = None
        self._last: Observation | None = None
        self._goal: GoalJSON = {}

    # -- the browser ---------------------------------------------------------------------------
    def _start(self) -> None:
        _configure()
        self.inner = make_task(self.task)
        # The observation is the page's text and elements; a screenshot per reset and step would cost
        # a browser round trip (about 60% of a reset) for pixels nothing reads.
        self.inner.unwrapped.set_record_screenshots(False)
        _OPEN.add(self)

    def close(self) -> None:
        if self.inner is not None:
            try:
                self.inner.close()
            finally:
                self.inner = None
                _OPEN.discard(self)

    # -- gymnasium API ---------------------------------------------------------------------------
    # reset's options and the infos are typed as gymnasium.Env types them (an override may not narrow
    # them); the infos are MiniWoB's own (``info``: open) with engram's StepInfo keys and ``fields``.
    def _observe(self, raw: MiniWoBObs, info: Mapping[str, object], won: bool = False) -> tuple[Observation, dict]:
        utterance = str(raw["utterance"])
        text, facts, leaves = describe(utterance, list(raw["dom_elements"]))
        # what the utterance names, as written and in either case (tasks ask for a case change)
        values = list(
            dict.fromkeys(x for _, v in raw.get("fields", ()) for x in (str(v), str(v).lower(), str(v).upper()))
        )
        admissible = [f"click [{int(el['ref'])}]" for el in leaves]
        admissible += [f'type [{int(el["ref"])}] "{v}"' for el in leaves if _typeable(el) for v in values]
        info = {k: v for k, v in json_safe(info).items() if k != "root_dom"}
        # The web site is the world: every episode of a task plays on the same page template.
        info.update(goal=dict(self._goal), won=won, fields=[[str(k), str(v)] for k, v in raw.get("fields", ())],
                    world_id=f"miniwob:{self.task}")  # fmt: skip
        self._last = Observation(text, facts, list(dict.fromkeys(admissible)), info=info)
        return self._last, json_safe(dict(info))

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Observation, dict[str, Any]]:
        super().reset(seed=seed)
        if self.inner is None:
            self._start()
        try:
            raw, info = self.inner.reset(seed=seed)
        except Exception:  # the browser died since the last episode: start a fresh one, once
            self.close()
            self._start()
            raw, info = self.inner.reset(seed=seed)
        # What the utterance names (MiniWoB parses it into fields) is what the goal targets: a planner
        # looks for it on the page, and memory tells a task about "cursus" from one about "Etiam".
        # The fields' keys go along as ``fields`` ([key, value] pairs): a value goes where the page
        # labels the key ("Burris" into the field labelled "Director").
        fields = [[str(k), str(v)] for k, v in raw.get("fields", ()) if str(v).strip()]
        values = tuple(dict.fromkeys(v for _, v in fields))
        self._goal = Goal(str(raw["utterance"]), self.task, values, {"fields": fields} if fields else {}).to_json()
        return self._observe(raw, info)

    def step(self, action: str) -> tuple[Observation, float, bool, bool, dict[str, Any]]:
        if self._last is None or self.inner is None:
            raise RuntimeError("step() before reset()")
        m = _COMMAND.match(action.strip())
        if not m or action not in self._last.admissible:
            info = {**self._last.info, "outcome": str(Outcome.FAILURE)}
            obs = Observation(f"Unknown command: {action[:80]!r}.\n{self._last.text}", self._last.facts,
                              self._last.admissible, info=info)  # fmt: skip
            return obs, 0.0, False, False, json_safe(dict(obs.info))
        verb, ref, text = m.group(1), int(m.group(2)), m.group(3)
        core = self.inner.unwrapped
        if verb == "click":
            act = core.create_action("CLICK_ELEMENT", ref=ref)
        else:
            act = core.create_action("FOCUS_ELEMENT_AND_TYPE_TEXT", ref=ref, text=text or "")
        raw, reward, terminated, truncated, info = self.inner.step(act)  # a dead browser raises here
        if not terminated and self._settle(core):
            raw = core.instance.get_observation(use_cached_fields=True)[0]
        won = bool(terminated and float(reward) > 0)
        before = self._last
        obs, info = self._observe(raw, info, won)
        changed = obs.text != before.text or obs.facts != before.facts or float(reward) != 0.0
        obs.info["outcome"] = info["outcome"] = str(Outcome.PROGRESS if changed else Outcome.NO_EFFECT)
        return obs, float(reward), bool(terminated), bool(truncated), info

    @staticmethod
    def _settle(core: Any, limit_s: float = 2.0) -> bool:
        """Wait for the page's animations to end (a section sliding open); True if there were any.

        Why: MiniWoB reads the page right after a click, and a link in a section still opening is
        not visible yet: the same click then shows it or not by a few milliseconds (memory and
        no memory differed by 0.4 reward on click-collapsible-2 from that alone). Only jQuery
        animations are seen; pages without jQuery answer 0 at once."""
        driver = core.instance.driver
        probe = "return window.jQuery ? window.jQuery(':animated').length : 0"
        waited, deadline = False, time.monotonic() + limit_s
        while int(driver.execute_script(probe) or 0) and time.monotonic() < deadline:
            waited = True
            time.sleep(0.03)
        return waited


class MiniWoBTaskEnv(MiniWoBEnv):
    """A MiniWoB task outside the GUI planner's families: it names no planner, so the generic
    memory-driven planner plays it (following verified cases, then exploring the page)."""

    metadata = {"render_modes": []}  # noqa: RUF012


def all_tasks() -> list[str]:
    """Every task the installed ``miniwob`` package registers with gymnasium (``miniwob/<task>-v1``)."""
    _configure()
    import miniwob

    gym.register_envs(miniwob)
    return sorted(k.removeprefix("miniwob/").removesuffix("-v1") for k in gym.registry if k.startswith("miniwob/"))


def registrations() -> dict[str, tuple[str, dict[str, str]]]:
    """One engram id per installed MiniWoB task: the GUI planner's families play on
    :class:`MiniWoBEnv`, every other task on :class:`MiniWoBTaskEnv`."""
    out = {}
    for task in all_tasks():
        cls = "MiniWoBEnv" if task in TASKS else "MiniWoBTaskEnv"
        out[f"engram/MiniWoB-{task}-v0"] = (f"engram.envs.miniwob:{cls}", {"task": task})
    return out


@atexit.register
def _close_all() -> None:
    """No orphaned Chromium: any env still open when the interpreter exits closes its browser."""
    for env in list(_OPEN):
        env.close()
    release_browsers()
