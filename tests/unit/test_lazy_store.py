"""LazyStore: the database as the ``coach`` command hands it to the app, opened on first use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.domain import Attempt
from coach.store.drafts import drafts_path
from coach.store.lazy import LazyStore
from coach.store.opening import open_store


def test_drafts_are_read_without_opening_the_database(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_draft("closing-question", "How do I measure up?")
    store.close()
    lazy = LazyStore(db_path)
    assert lazy.drafts() == {"closing-question": "How do I measure up?"}
    assert not lazy.is_open
    assert lazy.attempts() == []  # any other call opens it
    assert lazy.is_open


def test_nothing_is_created_until_it_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "new" / "coach.json"
    lazy = LazyStore(path)
    assert lazy.drafts() == {}
    assert not path.parent.exists()
    lazy.save_draft("k", "v")  # a write opens it, so a bad file is handled first
    assert path.exists() and drafts_path(path).exists()


def test_a_problem_with_the_file_is_told_once(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("{ not json")
    lazy = LazyStore(db_path)
    assert lazy.problem is None  # not known before it is opened
    problem = lazy.ensure_open()
    assert problem is not None and "could not be read" in problem
    assert lazy.ensure_open() is None  # already told
    assert lazy.problem == problem  # still there for the message printed at exit
    saved = lazy.add_attempt(Attempt(kind="question", text="How?", score=10))
    assert saved.id == 1
    assert json.loads(db_path.read_text())["attempts"]["1"]["text"] == "How?"


def test_close_before_opening_is_harmless(db_path: Path) -> None:
    LazyStore(db_path).close()
    assert not db_path.exists()


def test_before_it_opens_the_drafts_file_is_read_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.store import drafts

    reads = []
    original = drafts.Drafts.all

    def counted(self: drafts.Drafts) -> dict[str, str]:
        reads.append(self.path)
        return original(self)

    monkeypatch.setattr(drafts.Drafts, "all", counted)
    lazy = LazyStore(db_path)
    assert lazy.drafts() == lazy.drafts() == {}
    assert len(reads) == 1
