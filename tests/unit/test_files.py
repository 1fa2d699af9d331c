"""The crash-safety primitives."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.store import files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_write_replaces_and_is_private(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")
    files.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"], "no temp file left"


def test_failed_replace_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        files.atomic_write(target, b"new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_keep_copy_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "coach.json"
    now = datetime(2026, 11, 21, 20, 47, 0, tzinfo=UTC)
    target.write_text("first")
    one = files.keep_copy(target, "corrupt", now)
    target.write_text("second")
    two = files.keep_copy(target, "corrupt", now)
    assert one.name == "coach.json.corrupt-20261121-204700"
    assert two.name == "coach.json.corrupt-20261121-204700-1"
    assert (one.read_text(), two.read_text()) == ("first", "second")
    assert mode(one) == 0o600


def test_private_dir_created_0700_and_user_folder_left_alone(tmp_path: Path) -> None:
    fresh = tmp_path / "a" / "b"
    files.ensure_private_dir(fresh, tighten=False)
    assert mode(fresh) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    files.ensure_private_dir(shared, tighten=False)
    assert mode(shared) == 0o755
    files.ensure_private_dir(shared, tighten=True)
    assert mode(shared) == 0o700


def test_stale_temps_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "coach.json"
    leftover = tmp_path / f".coach.json{files.TEMP_MARK}123-1"
    leftover.write_text("{")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("keep")
    assert files.remove_stale_temps(target) == [leftover]
    assert unrelated.exists()


def test_lock_is_reentrant_and_released(tmp_path: Path) -> None:
    lock = files.FileLock(tmp_path / "coach.json", timeout=0.2)
    other = files.FileLock(tmp_path / "coach.json", timeout=0.2)
    with lock.held(), lock.held():
        pass
    with other.held():  # would time out if the first lock leaked
        pass


def test_lock_times_out_with_a_sentence(tmp_path: Path) -> None:
    lock = files.FileLock(tmp_path / "coach.json", timeout=0.1)
    other = files.FileLock(tmp_path / "coach.json", timeout=0.1)
    with lock.held(), pytest.raises(files.LockTimeout, match=r"kept .* locked"), other.held():
        pass
