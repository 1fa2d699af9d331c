"""A disk that fills up while a damaged database is being set aside.

The copy is made before anything else touches the file. If the disk fills up half-way, a short
copy would look like a good one: it is removed, the damaged file stays as it was, and the
message names the real cause (no space), not permissions.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from coach.store import files
from coach.store.opening import open_store

DAMAGED = b'{"_default": {"1": {"text": "half a file' + b"x" * 10_000


def _disk_fills_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fsync fails as on a full disk: the data written so far never reached it."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("coach.store.files.os.fsync", full)


def test_a_copy_cut_short_by_a_full_disk_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "coach.json"
    damaged.write_bytes(DAMAGED)
    _disk_fills_up(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        files.keep_copy(damaged, "corrupt")
    assert [p.name for p in tmp_path.iterdir()] == ["coach.json"]
    assert damaged.read_bytes() == DAMAGED


def test_opening_says_the_disk_is_full_not_that_permissions_are_wrong(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(DAMAGED)
    _disk_fills_up(monkeypatch)
    opened = open_store(db_path)
    assert not opened.store.persistent
    assert opened.problem is not None
    assert "No space left on device" in opened.problem
    assert "Free some disk space, then restart coach." in opened.problem
    assert "permission" not in opened.problem
    assert not list(db_path.parent.glob("coach.json.corrupt-*")), "no short copy left"
    assert db_path.read_bytes() == DAMAGED


def test_a_file_size_limit_gets_the_same_advice_as_a_full_disk(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # EFBIG (a file-size limit, or a file system's largest file) was blamed on permissions.
    db_path.parent.mkdir()
    db_path.write_bytes(DAMAGED)

    def too_large(fd: int) -> None:
        raise OSError(errno.EFBIG, os.strerror(errno.EFBIG))

    monkeypatch.setattr("coach.store.files.os.fsync", too_large)
    opened = open_store(db_path)
    assert opened.problem is not None
    assert "File too large" in opened.problem
    assert "Free some disk space, then restart coach." in opened.problem
    assert "permission" not in opened.problem
    assert db_path.read_bytes() == DAMAGED
