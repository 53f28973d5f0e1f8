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
