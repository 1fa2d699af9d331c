"""Bad places for the database: read-only folder, unreadable file, missing folder, a folder.
A clear sentence every time, no traceback, nothing destroyed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.domain import Interview
from coach.store.opening import open_store

CHILD = Path(__file__).with_name("open_child.py")
AS_ROOT = os.geteuid() == 0


DROP = "-dac_override,-dac_read_search,-fowner"
"""Root passes every permission check through these capabilities; without them, the file
modes apply to root as to anyone (run with setpriv, from util-linux)."""


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    for path in tmp_path.rglob("*"):  # let pytest clean up
        path.chmod(0o700 if path.is_dir() else 0o600)


def open_as_user(db: Path) -> dict[str, Any]:
    """Open ``db`` in a child that file permissions really apply to."""
    prefix: list[str] = []
    if AS_ROOT:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        prefix = ["setpriv", f"--bounding-set={DROP}", "--"]
    result = subprocess.run(
        [*prefix, sys.executable, str(CHILD), str(db)], capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def seed(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    db = folder / "coach.json"
    store = open_store(db).store
    store.save_interview(Interview(company="Acme", role="Dev"))
    store.close()
    return db


def test_read_only_folder_shows_the_data_and_says_changes_are_not_kept(place: Path) -> None:
    db = seed(place / "ro")
    before = db.read_bytes()
    db.parent.chmod(0o555)
    report = open_as_user(db)
    assert report["interviews"] == ["Acme"]
    assert not report["persistent"]
    assert "cannot write beside it" in report["problem"]
    assert "nothing you change in this session will be kept" in report["problem"]
    assert db.read_bytes() == before


def test_unreadable_file_is_left_alone_with_a_sentence(place: Path) -> None:
    db = seed(place / "locked")
    before = db.read_bytes()
    db.chmod(0)
    report = open_as_user(db)
    assert not report["persistent"] and report["interviews"] == []
    assert "Permission denied" in report["problem"]
    assert "Nothing in it was changed" in report["problem"]
    db.chmod(0o600)
    assert db.read_bytes() == before


def test_missing_folder_is_created_private(place: Path) -> None:
    db = place / "new" / "deeper" / "coach.json"
    report = open_as_user(db)
    assert report["persistent"] and not report["problem"] and not report["save_error"]
    assert oct(db.parent.stat().st_mode & 0o777) == "0o700"


def test_a_folder_where_the_file_should_be(place: Path) -> None:
    db = place / "coach.json"
    db.mkdir()
    report = open_as_user(db)
    assert not report["persistent"]
    assert "is a folder, not a database file" in report["problem"]
