"""CI runs the benchmark in smoke mode: it must run and print every table. No timing is
asserted here; speed is measured by ``python tests/benchmarks/run.py`` and reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent / "benchmarks" / "run.py"


@pytest.mark.slow  # the whole benchmark, in smoke mode: about 40 s
def test_benchmark_smoke_run_prints_every_table() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for title in (
        "Cold start to first frame",
        "Peak memory",
        "2,000 interviews in 500 applications",
        "Live coaching",
        "Mock exchange",
        "Saving one attempt",
        "Draft autosave",
        "Importing an older export",
        "SIGKILL during",
        "Two coach processes",
        "Bad input everywhere",
        "Hostile files everywhere",
    ):
        assert title in result.stdout, f"missing table: {title}"
    assert "FAILED" not in result.stdout, result.stdout
