"""Rooms do not leak: memory and the domain-free planners know no ALFWorld.

ALFWorld's rules are one domain among others (``envs/household/domain.py``); memory receives a
domain object and never imports one, and the LLM planner and the generic planner speak only the
contracts. This test reads the source (imports and string constants, not docstrings or comments)
so that a leak fails here, not in a user's environment.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANNERS = ("base.py", "generic.py", "llm.py", "prompt.py", "grounding.py", "llm_cache.py")
#: the modules that must work for any environment
DOMAIN_FREE = sorted(
    [*(ROOT / "memory").glob("*.py")]
    + [ROOT / "agents" / "planners" / n for n in PLANNERS]
    + [ROOT / "agents" / n for n in ("controller.py", "runner.py", "shortcuts.py")]
)
FORBIDDEN_IMPORTS = ("engram.envs.household", "engram.envs.alfworld", "engram.agents.planners.household")
#: ALFWorld's commands, feedback and vocabulary, as they would appear in code
ALFWORLD_PROSE = re.compile(
    r"Nothing happens|You arrive at|^go to |^(take|move|heat|cool|clean|use) |desklamp|floorlamp|countertop|"
    r"sinkbasin|microwave|pick_\w+_then_place|look_at_obj|pick_and_place|pick_two_obj"
)


def leaks(source: str) -> list[str]:
    """Forbidden imports and ALFWorld strings in ``source`` (docstrings are prose about code, and
    may name what the code deliberately does not do)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }  # fmt: skip
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.startswith(FORBIDDEN_IMPORTS)]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(FORBIDDEN_IMPORTS):
            found.append(f"from {node.module} import ...")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
              and ALFWORLD_PROSE.search(node.value)):  # fmt: skip
            found.append(f"string {node.value[:60]!r}")
    return found


@pytest.mark.parametrize("path", DOMAIN_FREE, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_free_modules_import_no_alfworld_and_match_none_of_its_prose(path: Path) -> None:
    assert not leaks(path.read_text()), f"{path.relative_to(ROOT)} leaks ALFWorld: {leaks(path.read_text())}"


def test_the_check_catches_each_kind_of_leak() -> None:
    assert leaks("from engram.envs.household.symbolic import kind\n")
    assert leaks("import engram.envs.alfworld_text\n")
    assert leaks("def f(text):\n    return text.strip() == 'Nothing happens.'\n")
    assert leaks("VERBS = ('take ', 'move ')\n")
    assert not leaks('"""Unlike ALFWorld, where "Nothing happens." is the failure signal."""\nx = 1\n')
    assert not leaks("from engram.envs.core import Goal\nTEXT = 'go north'\n")


#: household words memory's code may not use (its stores, payloads and shortcuts speak of worlds,
#: holders and facts); what version 0 said lives in ``memory/migrate.py``, the one file left out
HOUSEHOLD_WORDS = re.compile(r"house|receptacle|\{obj\}|hands empty", re.IGNORECASE)
#: migration code: the module, and any function named ``_migrate_*`` or ``*_v0`` elsewhere
MIGRATION = ("migrate.py",)


def household_words(source: str) -> list[str]:
    """Household words in ``source``'s code: names (variables, attributes, functions, classes,
    arguments, keywords) and strings that are not docstrings, outside migration functions."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
            node.name.startswith("_migrate_") or node.name.endswith("_v0")
        ):
            skip |= {id(n) for n in ast.walk(node)}
        if (isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)):  # fmt: skip
            skip.add(id(node.body[0].value))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        words: list[str] = []
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = [node.value]
        elif isinstance(node, ast.Name):
            words = [node.id]
        elif isinstance(node, ast.Attribute):
            words = [node.attr]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            words = [node.name]
        elif isinstance(node, ast.arg | ast.keyword) and node.arg:
            words = [node.arg]
        elif isinstance(node, ast.alias):
            words = [node.asname or node.name]
        found += [w[:60] for w in words if HOUSEHOLD_WORDS.search(w)]
    return found


MEMORY = sorted(p for p in (ROOT / "memory").glob("*.py") if p.name not in MIGRATION)


@pytest.mark.parametrize("path", MEMORY, ids=lambda p: str(p.relative_to(ROOT)))
def test_memory_speaks_of_worlds_and_holders_not_houses_and_receptacles(path: Path) -> None:
    found = household_words(path.read_text())
    assert not found, f"{path.relative_to(ROOT)} speaks household outside migration code: {found}"


def test_the_household_word_check_catches_names_and_strings_not_prose() -> None:
    assert household_words("self.houses = {}\n")
    assert household_words("def f(receptacle_type): pass\n")
    assert household_words("PRE = 'hands empty'\n")
    assert household_words("STEP = 'take {obj} from {x}'\n")
    assert household_words("from m import HOUSE\n")
    assert not household_words('"""Unlike a house, a world."""\nworld = 1  # a house\n')
    assert not household_words("def record_v0(meta):\n    return meta.pop('house')\n")
