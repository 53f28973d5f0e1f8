"""The floors hold: experiments -> tools -> agents -> memory -> envs, every arrow pointing down.

An arrow up (an env that imports a planner, an agent that imports a tool) ties a lower floor to
code it must not know, and it comes back as an import cycle or as a plug-in that cannot be used
without engram's own upper floors. The check reads every module's imports, the lazy ones inside
functions too, and every string that names an engram module (``"engram.agents.planners.x:Y"``):
an import string is an import that only runs later.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"envs": 0, "memory": 1, "agents": 2, "tools": 3, "experiments": 4}
#: an engram module named in a string: "engram.agents.planners.household:HouseholdPlanner"
NAMED = re.compile(r"^engram\.(\w+)(\.[\w.]+)?(:\w+)?$")


def floor_of(module: str) -> int | None:
    parts = module.split(".")
    return FLOORS.get(parts[1]) if len(parts) > 1 and parts[0] == "engram" else None


def arrows(source: str, package: str) -> list[tuple[str, str]]:
    """``(how, target module)`` for every engram module ``source`` imports or names in a string
    (``package``: the importing module's package, for relative imports)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(f"import {a.name}", a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            out.append((f"from {module} import ...", module))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and NAMED.match(node.value):
            out.append((f"string {node.value!r}", node.value.split(":")[0]))
    return out


def upward(path: Path) -> list[str]:
    rel = path.relative_to(ROOT)
    if rel.parts[0] not in FLOORS:
        return []  # engram/__init__.py (the Python API) and __main__.py stand above every floor
    here = FLOORS[rel.parts[0]]
    package = ".".join(["engram", *rel.parts[:-1]])
    return [how for how, target in arrows(path.read_text(), package) if (floor_of(target) or -1) > here]


def test_no_module_imports_or_names_a_module_of_a_higher_floor() -> None:
    offenders = {
        str(p.relative_to(ROOT)): up
        for p in sorted(ROOT.rglob("*.py"))
        if "tests" not in p.relative_to(ROOT).parts and (up := upward(p))
    }
    assert not offenders, f"arrows up a floor: {offenders}"


def test_the_check_sees_imports_lazy_imports_relative_imports_and_import_strings(tmp_path: Path) -> None:
    assert arrows("def f():\n    from engram.agents.runner import run\n", "engram.envs") == [
        ("from engram.agents.runner import ...", "engram.agents.runner")
    ]
    assert arrows("from ..agents import runner\n", "engram.envs")[0][1] == "engram.agents"
    assert arrows('META = {"engram_planner": "engram.agents.planners.household:HouseholdPlanner"}\n', "x") == [
        ("string 'engram.agents.planners.household:HouseholdPlanner'", "engram.agents.planners.household")
    ]
    assert arrows('PLANNER = "household"\nTEXT = "engram.agents is above"\n', "x") == []
    assert floor_of("engram.tools.cli") == 3 and floor_of("gymnasium") is None
