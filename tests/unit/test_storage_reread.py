"""Reading the file again while coach is open (coach/screens/fresh.py): whatever another
program did to it, a read raises ``StoreError`` (a sentence) and ``revision`` never raises."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from coach.domain import Attempt, Interview
from coach.store.errors import StoreError
from coach.store.opening import open_store
from coach.store.store import Store


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe{}", b'{"attempts": {"1": {"text": "caf\xe9"}}}', b"[1, 2"],
    ids=["not UTF-8", "Latin-1 text", "not JSON"],
)
def test_a_file_spoiled_while_open_is_a_store_error_to_read_and_to_save(
    db_path: Path, content: bytes
) -> None:
    store = open_store(db_path).store
    store.add_attempt(Attempt(kind="question", text="a"))
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match="not a coach database"):
        store.attempts()
    with pytest.raises(StoreError, match="not a coach database"):
        store.profile()
    with pytest.raises(StoreError, match="not a coach database"):
        store.add_attempt(Attempt(kind="question", text="b"))
    assert db_path.read_bytes() == content  # nothing written over it
    store.close()


def test_a_file_gone_while_open_is_a_store_error_to_read_not_an_empty_database(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    saved = store.save_interview(Interview(company="Initech", role="Analyst"))
    db_path.unlink()
    with pytest.raises(StoreError, match="missing"):
        store.interviews()
    with pytest.raises(StoreError, match="missing"):
        store.profile()
    store.save_interview(saved)  # the next save writes a new file, under the same id
    assert [i.id for i in open_store(db_path).store.interviews()] == [saved.id]
    store.close()


def test_revision_never_raises_and_tells_an_unreadable_file_apart(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path).store
    readable = store.revision()

    def broken(path: Path, **_: object) -> os.stat_result:
        raise OSError(errno.EIO, "Input/output error", str(path))

    monkeypatch.setattr(Path, "stat", broken)
    unreadable = store.revision()
    assert unreadable != readable and store.revision() == unreadable  # asked again: no re-read
    with pytest.raises(StoreError, match="Input/output error"):
        store.attempts()
    monkeypatch.undo()
    assert store.revision() == readable
    store.close()


def test_revision_moves_when_a_same_size_save_keeps_the_inode_and_the_mtime(
    db_path: Path,
) -> None:
    # A file system that reuses inodes and whose clock ticks coarsely: only the ctime moves.
    store = open_store(db_path).store
    store.add_attempt(Attempt(kind="question", text="a"))
    before = store.revision()
    times = db_path.stat()
    data = db_path.read_bytes()
    with db_path.open("r+b") as handle:  # the same inode, the same size
        handle.write(data.replace(b'"a"', b'"b"'))
    os.utime(db_path, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert store.revision() != before
    store.reread()  # and F5 reads the bytes whatever the stat says
    assert [a.text for a in store.attempts()] == ["b"]
    store.close()


def test_a_save_tells_the_revisions_it_went_between() -> None:
    store = Store.in_memory()
    before = store.revision()
    assert store.last_save is None
    store.add_attempt(Attempt(kind="question", text="a"))
    assert store.last_save == (before, store.revision())
