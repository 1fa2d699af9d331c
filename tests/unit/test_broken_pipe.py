"""Every command leaves quietly when the reader of its output goes away (``| head``).

The read end of the pipe is closed before coach starts, so its very first write fails: the
same as ``head`` exiting early, without the race.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.__main__ import EXIT_PIPE
from coach.storage import open_store
from tests.unit.backup_data import fill


@pytest.fixture
def files(tmp_path: Path) -> Path:
    store = open_store(tmp_path / "coach.json").store
    fill(store)
    store.close()
    (tmp_path / "s.json").write_text(json.dumps({"tone": "positive", "gave_timeline": True}))
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["rate", "--signals", "s.json", "--json"],
        ["rate", "--signals", "s.json"],
        ["history"],
        ["export"],
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_ends_the_command_quietly(files: Path, args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "coach", "--db", "coach.json", *args],
            cwd=files,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == EXIT_PIPE == 141


@pytest.mark.parametrize("args", [["--help"], ["export", "--help"]], ids=" ".join)
def test_help_into_a_closed_pipe_is_quiet(args: list[str]) -> None:
    # argparse drops a failed write of its help itself, and exits 0.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "coach", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")
