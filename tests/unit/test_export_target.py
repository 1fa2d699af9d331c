"""``coach export -o``: backups only get better, and -o is only ever a regular file or a new one.

FIFOs and symbolic links in a temporary folder stand for every special file: no test here
goes near a real device node.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cli_backup import export
from coach.domain.models import Attempt
from coach.export_target import KINDS, TargetRefused, check_replace, record_counts
from coach.storage import open_store
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


# --- backups that only get better ---------------------------------------------------------------


def test_a_damaged_database_set_aside_never_empties_the_backup(
    full_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    good = backup.read_bytes()
    full_db.write_text('{"_default": {"1": ')  # damaged
    code, err = run_export(full_db, backup)
    assert code == 1 and "could not be read as a coach database" in err  # set aside, refused
    # The damaged file is now set aside and an empty database stands in its place: the run
    # that used to write an empty backup with status 0.
    code, err = run_export(full_db, backup)
    assert code == 1
    assert "holding 5 attempts, 3 interviews, 2 heard cards" in err
    assert "this export would hold only 0 attempts, 0 interviews" in err
    assert "add --force" in err
    [kept] = full_db.parent.glob("coach.json.corrupt-*")
    assert f"A damaged database was set aside as {kept}" in err
    assert backup.read_bytes() == good
    # Said on purpose: the backup follows the database.
    assert run_export(full_db, backup, force=True)[0] == 0
    assert json.loads(backup.read_text())["attempts"] == []


def test_a_backup_is_replaced_by_one_with_as_many_records_or_more(
    full_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    assert run_export(full_db, backup)[0] == 0  # the same records: the nightly run
    store = open_store(full_db).store
    store.add_attempt(Attempt(kind="question", text="One more.", score=70))
    store.close()
    assert run_export(full_db, backup)[0] == 0
    assert len(json.loads(backup.read_text())["attempts"]) == 6


def test_one_kind_fewer_is_enough_to_refuse(full_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    good = backup.read_bytes()
    store = open_store(full_db).store
    assert store.delete_interview(store.interviews()[0].id)
    for n in range(3):  # more attempts do not make up for a lost interview
        store.add_attempt(Attempt(kind="question", text=f"More {n}.", score=70))
    store.close()
    code, err = run_export(full_db, backup)
    assert code == 1
    assert "holding 3 interviews, but this export would hold only 2 interviews" in err
    assert backup.read_bytes() == good


def test_a_file_that_is_not_a_coach_export_needs_force(full_db: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes")
    code, err = run_export(full_db, notes)
    assert code == 2
    assert err.strip() == (
        f"coach export: {notes} exists and is not a coach export, so it was left as it is; "
        "add --force to replace it anyway."
    )
    assert notes.read_text() == "my own notes"
    assert run_export(full_db, notes, force=True)[0] == 0
    assert json.loads(notes.read_text())["coach_export"] == 1


@pytest.mark.parametrize("content", ["", "\n  \n"])
def test_an_empty_file_counts_as_new(full_db: Path, tmp_path: Path, content: str) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(content)
    assert run_export(full_db, backup)[0] == 0
    assert len(json.loads(backup.read_text())["attempts"]) == 5


def test_notes_never_replace_a_backup_that_holds_records(full_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    for fmt in ("md", "csv"):
        code, err = run_export(full_db, backup, fmt)
        assert code == 1
        assert "a Markdown or CSV export holds none that coach import can restore" in err
    assert json.loads(backup.read_text())["coach_export"] == 1
    notes = tmp_path / "notes.md"
    notes.write_text("last week's notes")  # notes replace notes, as before
    assert run_export(full_db, notes, "md")[0] == 0
    assert notes.read_text().startswith("# ")


@pytest.mark.parametrize(
    "content",
    [
        b'{"coach_export": 1, "attempts": "x"',
        b"[1, 2]",
        b'{"attempts": []}',
        b"\xff",
        b"[" * 50_000,
    ],
)
def test_counting_an_existing_file_never_crashes(
    full_db: Path, tmp_path: Path, content: bytes
) -> None:
    odd = tmp_path / "odd.json"
    odd.write_bytes(content)
    code, err = run_export(full_db, odd)
    assert code == 2 and "is not a coach export" in err


counts = st.fixed_dictionaries({key: st.integers(0, 4) for key, _, _ in KINDS})


def _doc(counts: dict[str, int]) -> dict[str, object]:
    return {
        "coach_export": 1,
        "profile": {
            "strengths": [{}] * counts["strengths"],
            "requirements": ["r"] * counts["requirements"],
        },
        "attempts": [{}] * counts["attempts"],
        "interviews": [{}] * counts["interviews"],
        "heard_cards": [{}] * counts["heard_cards"],
        "settings": {str(n): "v" for n in range(counts["settings"])},
    }


@given(old=counts, new=counts)
def test_a_backup_is_replaced_exactly_when_no_kind_would_shrink(
    tmp_path_factory: pytest.TempPathFactory, old: dict[str, int], new: dict[str, int]
) -> None:
    backup = tmp_path_factory.mktemp("property") / "backup.json"
    backup.write_text(json.dumps(_doc(old)))
    assert record_counts(_doc(new)) == new
    shrinks = any(old[key] > new[key] for key in new)
    try:
        check_replace(backup, "backup.json", new, force=False)
        refused = False
    except TargetRefused as error:
        refused = True
        assert error.code == 1
    assert refused is shrinks
    check_replace(backup, "backup.json", new, force=True)  # --force always may


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
    assert "is the database itself (or a file coach keeps beside it)" in err
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
