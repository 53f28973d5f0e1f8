"""The README's plug-in snippet, run exactly as printed: a gymnasium env in under 30 lines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.slow
def test_the_readme_snippet_plugs_in_a_gymnasium_env(tmp_path: Path) -> None:
    text = README.read_text()
    snippet = re.search(r"<!-- plug-in snippet -->\n```python\n(.*?)```", text, flags=re.S)
    assert snippet, "the README lost its plug-in snippet"
    code = snippet.group(1)
    assert len(code.strip().splitlines()) <= 30
    (tmp_path / "snippet.py").write_text(code)
    res = subprocess.run([sys.executable, "snippet.py"], cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "3 episodes" in res.stdout
    summary = json.loads((tmp_path / "runs" / "frozen-lake" / "summary.json").read_text())
    assert summary["episodes_total"] == 3
    steps = (tmp_path / "runs" / "frozen-lake" / "episodes" / "ep0000" / "steps.jsonl").read_text().splitlines()
    first = json.loads(steps[0])
    assert first["action"] in {"go west", "go south", "go east", "go north"}
    assert first["observation"]["facts"][0][:2] == ["agent", "at"]
