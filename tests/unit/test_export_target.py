"""``coach export -o``: only ever a regular file or a new one, and never a file coach keeps.

FIFOs and symbolic links in a temporary folder stand for every special file, and a folder
reached through a symbolic link for a bind mount: no test here goes near a real device node
or mounts anything. When a replaced backup may hold fewer records: test_export_replace.py.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coach.cli.backup import export
from coach.store import files
from coach.store.opening import open_store
from tests.unit.backup_data import fill


def coach(*args: str) -> subprocess.CompletedProcess[str]:
    # A timeout: a FIFO opened for writing would block until a reader came.
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def full_db(tmp_path: Path) -> Path:
    path = tmp_path / "full" / "coach.json"
    store = open_store(path).store
    fill(store)
    store.close()
    return path


def run_export(
    db: Path, output: str | Path, fmt: str = "json", *, force: bool = False
) -> tuple[int, str]:
    err = io.StringIO()
    code = export(str(db), fmt, str(output), force=force, err=err)
    return code, err.getvalue()


# --- what -o may name ---------------------------------------------------------------------------


def test_a_fifo_is_refused_without_being_opened(full_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    result = coach("--db", str(full_db), "export", "-o", str(fifo))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"coach export: {fifo} is not a regular file (a FIFO, a device or a socket), so coach "
        "will not write to it; name a file instead. Nothing was exported."
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_a_fifo_is_refused_too(full_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to(fifo)
    code, err = run_export(full_db, tmp_path / "link")
    assert code == 2 and "is not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_is_refused(full_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    code, err = run_export(full_db, folder)
    assert code == 2
    assert f"{folder} is a folder; name a file inside it, such as {folder}/backup.json" in err
    assert list(folder.iterdir()) == []


def test_an_empty_name_is_one_sentence_and_status_2(full_db: Path) -> None:
    result = coach("--db", str(full_db), "export", "-o", "")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "coach export: -o needs a file name, such as -o backup.json. Nothing was exported."
    )


@pytest.mark.parametrize("spelling", ["relative", "symlink", "hard link", "dotted", "drafts"])
def test_the_database_itself_is_refused_however_it_is_named(
    full_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    before = full_db.read_bytes()
    monkeypatch.chdir(tmp_path)
    if spelling == "symlink":
        Path("link.json").symlink_to(full_db)
        output = "link.json"
    elif spelling == "hard link":
        os.link(full_db, "hard.json")
        output = "hard.json"
    elif spelling == "dotted":
        output = "full/../full/./coach.json"
    elif spelling == "drafts":
        output = "full/coach.drafts.json"
    else:
        output = "full/coach.json"
    code, err = run_export(full_db, output, force=True)  # --force does not lift this one
    assert code == 2
    assert "is the database or a file coach keeps beside it" in err
    assert full_db.read_bytes() == before


def test_a_link_is_followed_and_kept(full_db: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "backup.json"
    target.write_text("")
    link = tmp_path / "backup.json"
    link.symlink_to(Path("real") / "backup.json")
    code, err = run_export(full_db, link)
    assert code == 0 and err.strip() == f"Exported to {link}."
    assert link.is_symlink() and link.readlink() == Path("real/backup.json")
    assert len(json.loads(target.read_text())["attempts"]) == 5
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


def test_a_dangling_link_creates_its_target(full_db: Path, tmp_path: Path) -> None:
    link = tmp_path / "backup.json"
    link.symlink_to(tmp_path / "later.json")
    assert run_export(full_db, link)[0] == 0
    assert link.is_symlink()
    assert json.loads((tmp_path / "later.json").read_text())["coach_export"] == 1


def test_a_link_loop_is_one_sentence(full_db: Path, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, err = run_export(full_db, tmp_path / "a")
    assert code == 1
    assert err.strip() == (
        f"coach export: {tmp_path / 'a'} cannot be used: a loop of symbolic links. "
        "Nothing was exported."
    )
    assert (tmp_path / "a").is_symlink()


# --- the files coach keeps beside the database --------------------------------------------------

KEPT = "is the database or a file coach keeps beside it"


def _damaged_and_set_aside(full_db: Path, tmp_path: Path) -> Path:
    """The issue's story: a backup, then the database damaged and set aside on the next run."""
    assert run_export(full_db, tmp_path / "backup.json")[0] == 0
    full_db.write_text('{"_default": {"1": ')
    code, err = run_export(full_db, tmp_path / "backup.json")
    assert code == 1 and "could not be read as a coach database" in err
    [kept] = files.kept_copies(full_db)
    return kept


@pytest.mark.parametrize(("fmt", "force"), [("md", False), ("csv", False), ("json", True)])
def test_the_copy_of_a_damaged_database_is_never_an_export_target(
    full_db: Path, tmp_path: Path, fmt: str, force: bool
) -> None:
    kept = _damaged_and_set_aside(full_db, tmp_path)
    damaged = kept.read_bytes()
    # The only copy of the user's data: an md export over it exited 0.
    code, err = run_export(full_db, kept, fmt, force=force)
    assert code == 2 and KEPT in err and "Nothing was exported." in err
    assert kept.read_bytes() == damaged


def test_every_copy_coach_sets_aside_is_refused_through_a_linked_folder(
    full_db: Path, tmp_path: Path
) -> None:
    folder = full_db.parent
    names = [
        "coach.json.corrupt-20261121-204700",
        "coach.json.schema1-20261121-204700-2",
        "coach.drafts.json.long-draft-20261121-204700",
        "coach.drafts.json.corrupt-20261121-204700",
        ".coach.json.tmp-123-1",
        "coach.json.lock",
        "coach.drafts.json.lock",
    ]
    for name in names:
        (folder / name).write_text("kept")
    (tmp_path / "spelled").symlink_to(folder)
    for name in names:
        for where in (folder, tmp_path / "spelled"):
            code, err = run_export(full_db, where / name, "md", force=True)
            assert code == 2 and KEPT in err, (where / name, err)
    assert [(folder / name).read_text() for name in names] == ["kept"] * len(names)


def test_files_that_only_look_like_coachs_are_fair_targets(full_db: Path) -> None:
    folder = full_db.parent
    for name in ("coach.json.bak", "coach.json.corrupt", "other.json.corrupt-20261121-204700"):
        assert run_export(full_db, folder / name, "md")[0] == 0, name
        assert (folder / name).read_text().startswith("# ")


def test_another_name_for_the_lock_file_is_refused(full_db: Path, tmp_path: Path) -> None:
    # The lock file is empty, which used to count as a new file: a hard link to it was
    # replaced with status 0. It is compared by device and inode now, as a bind mount needs.
    lock = full_db.with_name("coach.json.lock")
    assert lock.exists() and lock.stat().st_size == 0
    os.link(lock, tmp_path / "other-name")
    code, err = run_export(full_db, tmp_path / "other-name", force=True)
    assert code == 2 and KEPT in err
    assert (tmp_path / "other-name").stat().st_ino == lock.stat().st_ino


def test_the_database_through_a_linked_folder_is_refused(full_db: Path, tmp_path: Path) -> None:
    # A guard: the folder's device and inode, not its spelling, decide.
    (tmp_path / "spelled").symlink_to(full_db.parent)
    before = full_db.read_bytes()
    for name in ("coach.json", "coach.drafts.json", "coach.json.lock"):
        code, err = run_export(full_db, tmp_path / "spelled" / name, force=True)
        assert code == 2 and KEPT in err
    assert full_db.read_bytes() == before


# --- odd names and a file changed while exporting -----------------------------------------------


def test_a_missing_folder_named_with_a_slash_is_refused(full_db: Path, tmp_path: Path) -> None:
    code, err = run_export(full_db, f"{tmp_path}/newdir/")
    assert code == 2
    assert f"{tmp_path}/newdir/ ends with a slash, so it names a folder" in err
    assert not (tmp_path / "newdir").exists()  # not a file called newdir


def test_a_file_named_with_a_slash_is_left_alone(full_db: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("mine")
    code, err = run_export(full_db, f"{notes}/", "md")
    assert code == 2 and "ends with a slash" in err
    assert notes.read_text() == "mine"


def test_force_without_o_is_refused() -> None:
    result = coach("export", "--force")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "coach export: --force goes with -o FILE (it lets the export replace that file); "
        "nothing was exported."
    )
    assert result.stdout == ""


def _swap_before_rename(monkeypatch: pytest.MonkeyPatch, swap: Callable[[], None]) -> None:
    """Run ``swap`` once, right after the new export reaches the disk, before its rename."""
    fsync = os.fsync
    done: list[bool] = []

    def then_swap(fd: int) -> None:
        fsync(fd)
        if not done and stat.S_ISREG(os.fstat(fd).st_mode):
            done.append(True)
            swap()

    monkeypatch.setattr("coach.store.files.os.fsync", then_swap)


def test_a_fifo_put_in_place_while_exporting_is_not_replaced(
    full_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old notes")

    def fifo() -> None:
        target.unlink()
        os.mkfifo(target)

    _swap_before_rename(monkeypatch, fifo)
    code, err = run_export(full_db, target, "md")
    assert code == 1
    assert f"{target} changed while coach was exporting (it is no longer a regular file)" in err
    assert stat.S_ISFIFO(target.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if files.TEMP_MARK in p.name] == []


def test_a_file_put_in_place_while_exporting_is_kept(
    full_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.json"

    def other() -> None:
        backup.write_text("someone else's file")

    _swap_before_rename(monkeypatch, other)
    code, err = run_export(full_db, backup)
    assert code == 1 and "another file was put in its place" in err
    assert backup.read_text() == "someone else's file"
    [aside] = tmp_path.glob("backup.json.new-*")  # this night's export is not lost
    assert f"This export was written to {aside} instead." in err
    assert len(json.loads(aside.read_text())["attempts"]) == 5


def test_a_fifo_put_in_place_before_counting_is_never_opened_to_write(
    full_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.cli.backup

    target = tmp_path / "backup.json"
    target.write_text("")
    render = coach.cli.backup.render

    def swap_then_render(*args: Any) -> str:
        target.unlink()
        os.mkfifo(target)
        return render(*args)

    monkeypatch.setattr(coach.cli.backup, "render", swap_then_render)
    code, err = run_export(full_db, target)
    assert code in (1, 2) and "regular file" in err
    assert stat.S_ISFIFO(target.lstat().st_mode)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG])
def test_a_full_disk_while_writing_says_so(
    full_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("coach.store.files.os.fsync", full)
    target = tmp_path / "backup.json"
    result, err = run_export(full_db, target)
    assert result == 1
    assert err.strip() == (
        f"coach export: could not write {target}: {os.strerror(code)}. Free some disk space, "
        "or leave out -o to print it."
    )
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if files.TEMP_MARK in p.name] == []
