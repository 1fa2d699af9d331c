"""Generated hostile files through every reader and command, in-process (issue 11).

A bounded number of examples here; the benchmark (tests/benchmarks/fuzz_files.py) runs 10,000
of each and the commands as processes.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzz_checks, hostile

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_runs = itertools.count()


def _folder(tmp_path: Path) -> Path:
    """A fresh folder for each example (the fixture's folder is shared by all of them)."""
    return tmp_path / f"run{next(_runs)}"


@pytest.mark.slow  # generated databases through every command
@FUZZ
@given(raw=hostile.database(), drafts=hostile.drafts())
def test_any_database_reads_lists_and_exports(tmp_path: Path, raw: Any, drafts: Any) -> None:
    fuzz_checks.database(_folder(tmp_path), raw, drafts)


@FUZZ
@given(raw=hostile.export_file() | hostile.value())
def test_any_import_file_is_taken_or_refused_in_a_sentence(tmp_path: Path, raw: Any) -> None:
    fuzz_checks.import_file(_folder(tmp_path), raw)


@FUZZ
@given(raw=hostile.signals() | st.binary(max_size=40))
def test_any_signals_file_is_rated_or_refused_in_a_sentence(tmp_path: Path, raw: Any) -> None:
    fuzz_checks.rate_signals(_folder(tmp_path), raw)


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The harness itself catches a raw control character on output."""
    try:
        fuzz_checks._no_control("Ev\x1b]0;PWNED\x07", "history")
    except AssertionError as error:
        assert "control character" in str(error)
    else:
        raise AssertionError("a raw escape sequence went unnoticed")
