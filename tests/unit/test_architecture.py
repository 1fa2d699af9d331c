"""Boundaries that keep coach easy to change: a pure core and a single database module."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "coach"


@pytest.mark.parametrize("module", ["coach.domain", "coach.domain.models", "coach.domain.content"])
def test_domain_imports_neither_textual_nor_tinydb(module: str) -> None:
    # A fresh interpreter: in this one, other tests have already imported everything.
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"


def test_only_storage_imports_tinydb() -> None:
    importers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+tinydb", path.read_text(), re.MULTILINE)
    )
    assert importers == ["storage.py"]


def test_help_and_version_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from coach.__main__ import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("False")
