"""Boundaries that keep coach easy to change: a pure core and a single database module."""

from __future__ import annotations

import ast
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
FORBIDDEN_IN_DOMAIN = ("textual", "tinydb", "rich", "coach.content")


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


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def _importers(prefix: str) -> dict[str, list[str]]:
    """Package -> the modules in it that import ``prefix`` (anywhere in the file)."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(m == prefix or m.startswith(prefix + ".") for m in _imports(path)):
            found.setdefault(_package_of(path), []).append(str(path.relative_to(PACKAGE)))
    return found


def test_only_the_store_imports_tinydb() -> None:
    assert set(_importers("tinydb")) == {"store"}


@pytest.mark.parametrize("package", ["domain", "content", "store", "exports"])
def test_textual_is_never_imported_below_the_screens(package: str) -> None:
    assert package not in _importers("textual"), _importers("textual")[package]


def test_the_domain_imports_nothing_of_coach_outside_it() -> None:
    for path in (PACKAGE / "domain").glob("*.py"):
        outside = {
            m for m in _imports(path) if m.startswith("coach.") and not m.startswith("coach.domain")
        }
        assert not outside, (path.name, outside)


def test_the_packages_say_what_they_hold() -> None:
    """The layout docs/development.md describes, one line per package; no module lies loose."""
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == {
        "domain",
        "content",
        "store",
        "exports",
        "cli",
        "demo",
        "render",
        "screens",
        "widgets",
    }
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py", "app.py", "api.py"}


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


MAX_MODULE_LINES = 400
"""A module a newcomer can read in one sitting; past this, split it by what it holds."""


def test_no_module_is_longer_than_a_sitting() -> None:
    lengths = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(lengths) > 100  # the whole package was read
    too_long = {name: n for name, n in lengths.items() if n > MAX_MODULE_LINES}
    assert not too_long, f"split these: {too_long}"
