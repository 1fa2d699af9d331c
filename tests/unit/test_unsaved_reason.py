"""``unsaved_reason``: why a session's saves will not outlive it, for the screens to say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.store import files
from coach.store.lazy import LazyStore
from coach.store.opening import open_store
from coach.store.store import IN_MEMORY, Store


def test_a_store_on_a_file_keeps_its_saves(db_path: Path) -> None:
    assert open_store(db_path).store.unsaved_reason is None
    assert LazyStore(db_path).unsaved_reason is None


def test_a_store_in_memory_says_so() -> None:
    assert Store.in_memory().unsaved_reason == IN_MEMORY
    assert Store.in_memory("a test").unsaved_reason == "a test"


def test_a_read_only_folder_names_the_file_and_the_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_path).store.close()

    def refuse(folder: Path) -> None:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(files, "check_writable", refuse)
    reason = open_store(db_path).store.unsaved_reason
    assert reason is not None
    assert str(db_path) in reason and "(Permission denied)" in reason
    assert LazyStore(db_path).unsaved_reason == reason


def test_a_file_from_a_newer_coach_runs_on_a_temporary_database(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_text(json.dumps({"_meta": {"1": {"schema": 99}}}))
    opened = open_store(db_path)
    assert opened.problem and "newer version" in opened.problem
    assert opened.store.unsaved_reason is not None
    assert "temporary" in opened.store.unsaved_reason
