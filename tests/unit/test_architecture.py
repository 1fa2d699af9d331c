"""Boundaries that keep coach easy to change: a pure core and a single database module."""

from __future__ import annotations

import ast
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


DOMAIN_MODULES = sorted(
    "coach.domain." + path.stem
    for path in (PACKAGE / "domain").glob("*.py")
    if path.stem != "__init__"
)
FORBIDDEN_IN_DOMAIN = ("textual", "tinydb", "rich", "coach.content", "coach.rubric_content")


def test_every_domain_module_imports_no_ui_no_database_and_no_content_reader() -> None:
    """The domain takes its content as arguments (the rubric, the phrase lists): importing
    any of its modules loads none of Textual, TinyDB, Rich or the readers of ``data/``."""
    assert "coach.domain.rating" in DOMAIN_MODULES and len(DOMAIN_MODULES) > 20
    code = (
        "import importlib, sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.startswith({FORBIDDEN_IN_DOMAIN!r}))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"coach.domain pulled in {result.stdout.strip()}"


@pytest.mark.parametrize("name", ["rating", "rubric", "follow_up", "evidence", "interviews"])
def test_the_rater_imports_no_content_reader_even_inside_a_function(name: str) -> None:
    """A lazy import inside a function would pass the fresh-interpreter test above."""
    tree = ast.parse((PACKAGE / "domain" / f"{name}.py").read_text())
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not {m for m in imported if m.startswith(FORBIDDEN_IN_DOMAIN)}, imported


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
