"""Every command leaves quietly when the reader of its output goes away (``| head``), with
its own exit status; any other failure to write its output is one sentence and status 1.

The read end of the pipe is closed before coach starts, so its very first write fails: the
same as ``head`` exiting early, without the race.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from coach.store.opening import open_store
from tests.unit.backup_data import fill


@pytest.fixture
def files(tmp_path: Path) -> Path:
    store = open_store(tmp_path / "coach.json").store
    fill(store)
    store.close()
    (tmp_path / "s.json").write_text(json.dumps({"tone": "positive", "gave_timeline": True}))
    return tmp_path


@contextmanager
def closed_pipe() -> Iterator[int]:
    """The write end of a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        yield write_end
    finally:
        os.close(write_end)


def coach(
    folder: Path, *args: str, stdout: int | None = None, stderr: int | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", "--db", "coach.json", *args],
        cwd=folder,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE if stderr is None else stderr,
        text=True,
        timeout=60,
    )


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
    # The reader chose to stop: nothing failed, so the status is the command's own.
    with closed_pipe() as write_end:
        result = coach(files, *args, stdout=write_end)
    assert result.stderr == ""
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["import", "s.json"], 2),  # refused: not an export
        (["rate", "--signals", "missing.json"], 2),
        (["history", "--limit", "0"], 2),
        (["export", "-o", "coach.json"], 2),
        (["export", "-o", "out.json"], 0),  # written; only "Exported to" was lost
    ],
    ids=["import", "rate", "history", "export -o db", "export -o"],
)
def test_a_decided_outcome_keeps_its_status_when_stderr_is_gone(
    files: Path, args: list[str], code: int
) -> None:
    with closed_pipe() as write_end:
        result = coach(files, *args, stdout=write_end, stderr=write_end)
    assert result.returncode == code
    if args[-1] == "out.json":
        assert json.loads((files / "out.json").read_text())["coach_export"] == 1


def _file_size_limit(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("args", [["history"], ["export"], ["export", "--format", "md"]])
def test_output_that_cannot_be_written_is_one_sentence(files: Path, args: list[str]) -> None:
    # (ulimit -f 1; coach history > big.out): an OSError (EFBIG) traceback before.
    with (files / "big.out").open("w") as out:
        result = subprocess.run(
            [sys.executable, "-m", "coach", "--db", "coach.json", *args],
            cwd=files,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            preexec_fn=lambda: _file_size_limit(1024),
        )
    assert result.returncode == 1
    assert result.stderr == (
        "coach: the output could not be written (File too large), so it is incomplete; "
        "free some disk space, then run it again.\n"
    )
    assert (files / "big.out").stat().st_size <= 1024


@pytest.mark.parametrize("args", [["--help"], ["export", "--help"]], ids=" ".join)
def test_help_into_a_closed_pipe_is_quiet(args: list[str]) -> None:
    """A guard, which passed before the rest of this file did: argparse drops a failed write
    of its help itself and exits 0, and coach must keep it so."""
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
