"""The Python API: the README's example runs as printed, and ``engram``'s names are what it says."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

import engram

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_python_example_runs_as_printed(tmp_path: Path) -> None:
    block = re.search(r"<!-- python api -->\n```python\n(.*?)```", README.read_text(), flags=re.S)
    assert block, "the README lost its Python example"
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 20
    out, here = io.StringIO(), os.getcwd()
    os.chdir(tmp_path)  # the example writes under ./runs, as it would for a user
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(here)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ep0000 pick_and_place_simple True") and lines[1].startswith("ep0001 ")
    assert [line.split()[0] for line in lines[2:5]] == ["0", "1", "2"] and "progress" in lines[2]
    assert lines[5].startswith("100% in ")
    manifest = json.loads((tmp_path / "runs" / "api" / "manifest.json").read_text())
    assert manifest["memory_dir"] == "runs/api-memory" and len(manifest["config"]["games"]) == 2
    assert (tmp_path / "runs" / "api-memory" / "scene.sqlite").is_file()


def test_the_public_names_resolve_and_say_what_they_are() -> None:
    assert set(engram.__all__) == {"__version__", *engram._API}
    for name in engram._API:
        assert getattr(engram, name) is not None
    assert engram.RunSpec.__module__ == "engram.agents.spec"
    try:
        engram.nothing_here  # noqa: B018
    except AttributeError as exc:
        assert "nothing_here" in str(exc)
    else:
        raise AssertionError("an unknown name must be an AttributeError")
