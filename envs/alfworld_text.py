"""ALFWorld's text, turned into engram facts and a structured goal.

The engine's feedback is generated from a fixed grammar (``alfred.twl2``), so a small set of patterns
covers every sentence it can produce. Parsing happens in the adapter so that memory and planners
see facts, never ALFWorld prose.
"""

from __future__ import annotations

import re
from typing import TypedDict

from engram.envs.core import Fact

_NAME = r"[a-z]+ \d+"
_LIST_ITEM = re.compile(rf"\b(?:an?|some) ({_NAME})")
#: Receptacles that things go *in*: the openable ones, the only ones the engine describes as
#: "In it, you see"; of all others it says "On the X, you see".
CONTAINERS = frozenset({"fridge", "cabinet", "drawer", "microwave", "safe", "box"})
LAMPS = ("desklamp", "floorlamp")

_GOALS: list[tuple[str, re.Pattern[str]]] = [
    ("pick_clean_then_place_in_recep", re.compile(r"^put a clean (?P<obj>\w+) (?:in|on) (?P<recep>\w+)$")),
    (
        "pick_clean_then_place_in_recep",
        re.compile(r"^clean some (?P<obj>\w+) and put it (?:in|on) (?P<recep>\w+)$"),
    ),
    ("pick_heat_then_place_in_recep", re.compile(r"^put a hot (?P<obj>\w+) (?:in|on) (?P<recep>\w+)$")),
    (
        "pick_heat_then_place_in_recep",
        re.compile(r"^heat some (?P<obj>\w+) and put it (?:in|on) (?P<recep>\w+)$"),
    ),
    ("pick_cool_then_place_in_recep", re.compile(r"^put a cool (?P<obj>\w+) (?:in|on) (?P<recep>\w+)$")),
    (
        "pick_cool_then_place_in_recep",
        re.compile(r"^cool some (?P<obj>\w+) and put it (?:in|on) (?P<recep>\w+)$"),
    ),
    ("pick_two_obj_and_place", re.compile(r"^put two (?P<obj>\w+) (?:in|on) (?P<recep>\w+)$")),
    ("pick_two_obj_and_place", re.compile(r"^find two (?P<obj>\w+) and put them (?:in|on) (?P<recep>\w+)$")),
    ("look_at_obj_in_light", re.compile(r"^look at (?P<obj>\w+) under the (?P<toggle>\w+)$")),
    ("look_at_obj_in_light", re.compile(r"^examine the (?P<obj>\w+) with the (?P<toggle>\w+)$")),
    ("pick_and_place_simple", re.compile(r"^put (?:a|an|some) (?P<obj>\w+) (?:in|on) (?P<recep>\w+)$")),
]


class ParsedGoal(TypedDict):
    """:func:`parse_goal`'s reading of a task sentence (types lower-case, "" where the task has none)."""

    task_type: str  # one of the six ALFWorld task types, or "unknown"
    object: str
    receptacle: str
    toggle: str
    count: int  # objects the task needs: 2 for pick_two_obj_and_place, 1 otherwise, 0 if unknown
    text: str


def task_text(text: str) -> str:
    """The sentence after ``Your task is to:``, without the final period ("" if absent)."""
    m = re.search(r"Your task is to: (.+?)\.?\s*$", text.strip(), flags=re.S)
    return m.group(1).strip() if m else ""


def parse_goal(task: str) -> ParsedGoal:
    """``"heat some egg and put it in countertop"`` -> a structured goal (types are lower-case)."""
    norm = re.sub(r"\s+", " ", task.strip().lower().rstrip("."))
    for task_type, pattern in _GOALS:
        m = pattern.match(norm)
        if m:
            groups = m.groupdict()
            return {
                "task_type": task_type,
                "object": groups.get("obj", ""),
                "receptacle": groups.get("recep", "") or "",
                "toggle": groups.get("toggle", "") or "",
                "count": 2 if task_type == "pick_two_obj_and_place" else 1,
                "text": task,
            }
    return {"task_type": "unknown", "object": "", "receptacle": "", "toggle": "", "count": 0, "text": task}


def base_type(name: str) -> str:
    """``"sinkbasin 1"`` -> ``"sinkbasin"``."""
    return name.rsplit(" ", 1)[0]


def relation_for(receptacle: str) -> str:
    return "in" if base_type(receptacle) in CONTAINERS else "on"


def _entity(name: str, category: str) -> list[Fact]:
    return [Fact(name, "type", base_type(name)), Fact(name, "category", category), Fact(name, "visible")]


def _contents(receptacle: str, listing: str, rel: str) -> list[Fact]:
    items = _LIST_ITEM.findall(listing)
    facts: list[Fact] = [Fact(receptacle, "searched")]
    if not items:
        facts.append(Fact(receptacle, "empty"))
    for item in items:
        facts += _entity(item, "object")
        facts.append(Fact(item, rel, receptacle))
    return facts


def parse_facts(text: str) -> list[Fact]:
    """Facts stated by one piece of ALFWorld feedback (intro, step feedback or look)."""
    facts: list[Fact] = []
    body = text.split("Your task is to:")[0].replace("\n", " ")
    subject = ""  # the entity an "In it, you see ..." sentence refers to
    for sentence_match in re.finditer(r"[^.]+\.", body):
        s = sentence_match.group(0).strip()
        if (m := re.match(r"In it, you see (.+)\.$", s)) and subject:
            facts += _contents(subject, m.group(1), "in")
            continue
        new = _sentence_facts(s)
        named = [f.subject for f in new if f.relation == "type"]
        subject = named[-1] if named else subject
        facts += new
    # Deduplicate while keeping order: the same entity is often named twice in one feedback.
    return list(dict.fromkeys(facts))


def _sentence_facts(s: str) -> list[Fact]:
    """Facts of one sentence; sentences with nothing to say (the room overview) give none."""
    if m := re.match(rf"You arrive at ({_NAME})\.$", s):
        return [*_entity(m.group(1), "receptacle"), Fact("agent", "at", m.group(1))]
    if m := re.match(rf"On the ({_NAME}), you see (.+)\.$", s):
        return [*_entity(m.group(1), "receptacle"), *_contents(m.group(1), m.group(2), "on")]
    if m := re.match(rf"The ({_NAME}) is (open|closed)\.$", s):
        return [*_entity(m.group(1), "receptacle"), Fact(m.group(1), "open", None, m.group(2) == "open")]
    if m := re.match(rf"You (open|close) the ({_NAME})\.$", s):
        return [*_entity(m.group(2), "receptacle"), Fact(m.group(2), "open", None, m.group(1) == "open")]
    if m := re.match(rf"You pick up the ({_NAME}) from the ({_NAME})\.$", s):
        obj, rec = m.groups()
        return [
            *_entity(obj, "object"),
            Fact("agent", "holds", obj),
            Fact(obj, relation_for(rec), rec, False),
        ]
    if m := re.match(rf"You (?:move|put) the ({_NAME}) (?:to|in/on|in|on) the ({_NAME})\.$", s):
        obj, rec = m.groups()
        return [
            *_entity(obj, "object"),
            *_entity(rec, "receptacle"),
            Fact("agent", "holds", obj, False),
            Fact(obj, relation_for(rec), rec),
        ]
    if m := re.match(rf"You (heat|cool|clean) the ({_NAME}) using the ({_NAME})\.$", s):
        verb, obj, tool = m.groups()
        state = {"heat": "hot", "cool": "cold", "clean": "clean"}[verb]
        extra = [Fact(obj, "cold", None, False)] if verb == "heat" else []
        extra += [Fact(obj, "hot", None, False)] if verb == "cool" else []
        return [*_entity(obj, "object"), *_entity(tool, "receptacle"), Fact(obj, state), *extra]
    if m := re.match(rf"You turn (on|off) the ({_NAME})\.$", s):
        return [*_entity(m.group(2), "object"), Fact(m.group(2), "on", None, m.group(1) == "on")]
    if m := re.match(r"You are carrying: (.+)\.$", s):
        return [
            f
            for item in _LIST_ITEM.findall(m.group(1))
            for f in (*_entity(item, "object"), Fact("agent", "holds", item))
        ]
    if m := re.match(rf"This is a (.*?)({_NAME})\.$", s):
        adjectives, obj = m.groups()
        facts = _entity(obj, "object")
        for word, state in (("hot", "hot"), ("cool", "cold"), ("clean", "clean"), ("sliced", "sliced")):
            if word in adjectives.split():
                facts.append(Fact(obj, state))
        return facts
    if m := re.match(rf"This ({_NAME}) is (on|off)\.$", s):
        return [*_entity(m.group(1), "object"), Fact(m.group(1), "on", None, m.group(2) == "on")]
    if m := re.match(rf"You are facing the ({_NAME})", s):
        return [*_entity(m.group(1), "receptacle"), Fact("agent", "at", m.group(1))]
    return []


def room_receptacles(text: str) -> list[str]:
    """Receptacles listed by the opening "Looking quickly around you, you see ..." sentence."""
    m = re.search(r"Looking quickly around you, you see (.+?)\.\s", text.replace("\n", " ") + " ")
    return _LIST_ITEM.findall(m.group(1)) if m else []


def intro_facts(text: str) -> list[Fact]:
    facts = parse_facts(text)
    for rec in room_receptacles(text):
        facts += _entity(rec, "receptacle")
    return list(dict.fromkeys(facts))


def to_canonical(command: str) -> str:
    """Engine command -> canonical engram form (ALFWorld >=0.4 ``move X to Y``)."""
    m = re.match(rf"^put ({_NAME}) (?:in/on|in|on) ({_NAME})$", command.strip())
    return f"move {m.group(1)} to {m.group(2)}" if m else command.strip()


#: The two grammars ALFWorld game files are written in. alfworld 0.4 plays 2.1.2 ("You arrive at
#: sinkbasin 1.", ``move X to Y``); data prepared for alfworld <= 0.3 is 2.1.1, which names the place
#: one arrives at by an internal location ("You arrive at loc 29.") and says ``put X in/on Y``.
GRAMMAR_2_1_2 = "2.1.2"
GRAMMAR_2_1_1 = "2.1.1"
UPGRADE_HINT = (
    "re-generate it with alfworld 0.4 (alfworld-generate) or upgrade it with alfworld's "
    "scripts/patch_tw-pddl.py (the 2.1.1 -> 2.1.2 patch)"
)


def grammar_version(grammar: str) -> str:
    """Which ALFWorld grammar a game file's ``grammar`` text is, judged by its arrival sentence.

    Why the arrival sentence: it is the only sentence that says where the agent is, so a grammar
    engram cannot place the agent with must be refused, never played blind (a 2.1.1 game read as
    2.1.2 leaves the agent nowhere and the planner walks until its step limit).
    """
    if "You arrive at {r.name}." in grammar:
        return GRAMMAR_2_1_2
    if "You arrive at {lend.name}." in grammar:
        return GRAMMAR_2_1_1
    raise ValueError(
        "its grammar is neither ALFWorld 2.1.2 ('You arrive at {r.name}.') nor 2.1.1 "
        f"('You arrive at {{lend.name}}.'), so engram cannot tell where the agent arrives: {UPGRADE_HINT}"
    )


def upgrade_feedback(text: str, command: str) -> str:
    """2.1.1 feedback in 2.1.2's words, so that facts, memory and prompts see one dialect.

    The old arrival sentence names an internal location; the receptacle is the one the ``go to``
    command named (the engine answers a ``go to`` with exactly one arrival). ``put X in/on Y``'s
    feedback becomes ``move X to Y``'s. Everything else the two grammars say alike.
    """
    m = re.match(rf"^go to ({_NAME})$", command.strip())
    if m:
        text = re.sub(r"You arrive at loc \d+\.", f"You arrive at {m.group(1)}.", text, count=1)
    return re.sub(rf"You put the ({_NAME}) in/on the ({_NAME})\.", r"You move the \1 to the \2.", text)
