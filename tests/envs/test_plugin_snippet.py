"""The README's plug-in snippet, run exactly as printed: a text game with changing commands, an
older gym-style env, plugged in under 30 lines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.slow
def test_the_readme_snippet_plugs_in_a_text_game(tmp_path: Path) -> None:
    text = README.read_text()
    snippet = re.search(r"<!-- plug-in snippet -->\n```python\n(.*?)```", text, flags=re.S)
    assert snippet, "the README lost its plug-in snippet"
    code = snippet.group(1)
    assert len(code.strip().splitlines()) <= 30
    (tmp_path / "snippet.py").write_text(code)
    # The snippet's game comes from the tests' TextWorld cache ($ENGRAM_CACHE, tests/conftest.py).
    res = subprocess.run([sys.executable, "snippet.py"], cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "3 episodes" in res.stdout
    run = tmp_path / "runs" / "text-game"
    summary = json.loads((run / "summary.json").read_text())
    assert summary["episodes_total"] == 3 and summary["success_rate"] > 0
    records = [json.loads(line) for ep in ("ep0000", "ep0001") for line in (run / "episodes" / ep / "steps.jsonl")
               .read_text().splitlines()]  # fmt: skip
    # The commands offered change from step to step, and every action was one of them.
    assert len({tuple(r["observation"]["admissible"]) for r in records}) > 3
    assert all(r["executed"] for r in records)
    # The env's own verdict ended the solved episodes; memory made the last one short.
    solved = [e for e in summary["episodes"] if e["success"]]
    last = summary["episodes"][-1]
    assert last["success"] and last["steps"] <= min(e["steps"] for e in solved)
