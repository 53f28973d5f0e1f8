"""A run's checkpoints are loaded without running code they hold (issue 26): LangGraph's default
serializer constructs any ``module.name(args)`` a msgpack extension names; engram's refuses the
checkpoint, naming the file, and nothing is called."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import ormsgpack
import pytest
from langgraph.checkpoint.serde.jsonplus import EXT_CONSTRUCTOR_POS_ARGS, JsonPlusSerializer

from engram.agents.checkpoints import StrictSerializer, UnsafeCheckpoint


def _call(marker: Path) -> ormsgpack.Ext:
    """A msgpack extension that, loaded by a permissive serializer, runs ``os.mkdir(marker)``."""
    return ormsgpack.Ext(EXT_CONSTRUCTOR_POS_ARGS, ormsgpack.packb(["os", "mkdir", [str(marker)]]))


def test_a_crafted_value_runs_under_langgraphs_default_and_is_refused_by_engrams(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    crafted = ("msgpack", ormsgpack.packb({"game": _call(marker)}))
    with pytest.raises(UnsafeCheckpoint, match=r"checkpoints\.sqlite.*os\.mkdir"):
        StrictSerializer(tmp_path / "checkpoints.sqlite").loads_typed(crafted)
    assert not marker.exists()
    with pytest.raises(UnsafeCheckpoint, match="pickle"):
        StrictSerializer("checkpoints.sqlite").loads_typed(("pickle", b"\x80\x04N."))
    JsonPlusSerializer().loads_typed(crafted)  # what the test guards against: the default runs it
    assert marker.is_dir()


def test_importing_a_run_with_a_crafted_checkpoint_is_refused_and_runs_nothing(
    solved_run: Path, tmp_path: Path, cli
) -> None:
    run = tmp_path / "run"
    shutil.copytree(solved_run, run)
    marker = tmp_path / "ran"
    with sqlite3.connect(run / "checkpoints.sqlite") as db:
        rows = db.execute("SELECT thread_id, checkpoint_id, checkpoint FROM checkpoints WHERE type = 'msgpack'")
        for thread, cid, blob in rows.fetchall():
            value = ormsgpack.unpackb(blob, ext_hook=ormsgpack.Ext, option=ormsgpack.OPT_NON_STR_KEYS)
            value["channel_values"]["game"] = _call(marker)
            db.execute(
                "UPDATE checkpoints SET checkpoint = ? WHERE thread_id = ? AND checkpoint_id = ?",
                (ormsgpack.packb(value, option=ormsgpack.OPT_NON_STR_KEYS), thread, cid),
            )
    done = cli("memory", "import", run, "--memory-dir", tmp_path / "mem", "--memory", "scene")
    assert done.returncode == 2, done.stdout + done.stderr
    said = done.stderr.replace("\n", "")  # the console wraps long lines
    assert "checkpoints.sqlite" in said and "refused" in said and "os.mkdir" in said
    assert not marker.exists()
