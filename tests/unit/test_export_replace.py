"""``coach export -o``: a backup is only ever replaced by one that loses nothing the user made,
routine edits never block a nightly export, and no night's export is lost to a refusal."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cli.backup import export
from coach.domain.models import Attempt, Profile
from coach.exports.replace import (
    KINDS,
    LARGEST_COUNTED,
    Existing,
    check_replace,
    existing,
    record_counts,
)
from coach.exports.target import Target, TargetRefused
from coach.store import files
from coach.store.opening import open_store
from tests.unit.backup_data import PROFILE, fill


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


def asides(folder: Path) -> list[Path]:
    return sorted(folder.glob("backup.json.new-*"))


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
    assert "holding 5 attempts, 3 interviews, 2 heard cards, a profile and settings" in err
    assert "this export would hold only 0 attempts, 0 interviews" in err
    assert "add --force" in err
    [kept] = full_db.parent.glob("coach.json.corrupt-*")
    assert f"A damaged database was set aside as {kept}" in err
    assert backup.read_bytes() == good
    [aside] = asides(tmp_path)
    assert err.rstrip().endswith(f"This export was written to {aside} instead.")
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
    assert asides(tmp_path) == []


def test_editing_the_profile_is_routine(full_db: Path, tmp_path: Path) -> None:
    # One requirement deleted used to fail every later nightly export.
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    store = open_store(full_db).store
    store.save_profile(Profile(strengths=PROFILE.strengths[:1], requirements=()))
    store.close()
    code, err = run_export(full_db, backup)
    assert (code, err.strip()) == (0, f"Exported to {backup}.")
    assert json.loads(backup.read_text())["profile"]["requirements"] == []


def test_a_profile_emptied_is_kept_in_the_backup(full_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    good = backup.read_bytes()
    store = open_store(full_db).store
    store.save_profile(Profile())
    store.close()
    code, err = run_export(full_db, backup)
    assert code == 1
    assert "holding a profile, but this export would hold only no profile" in err
    assert backup.read_bytes() == good


def test_one_kind_fewer_is_enough_to_refuse_and_the_night_is_kept_beside(
    full_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    good = backup.read_bytes()
    store = open_store(full_db).store
    first = store.interviews()[0].id
    assert first is not None
    assert store.delete_interview(first)
    for n in range(3):  # more attempts do not make up for a lost interview
        store.add_attempt(Attempt(kind="question", text=f"More {n}.", score=70))
    store.close()
    code, err = run_export(full_db, backup)
    assert code == 1
    assert "holding 3 interviews, but this export would hold only 2 interviews" in err
    assert backup.read_bytes() == good
    # The refused export is this night's: written beside, whole, private, never over another.
    [aside] = asides(tmp_path)
    assert f"This export was written to {aside} instead." in err
    assert len(json.loads(aside.read_text())["attempts"]) == 8
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600
    assert run_export(full_db, backup)[0] == 1
    assert len(asides(tmp_path)) == 2
    assert not [p for p in tmp_path.iterdir() if files.TEMP_MARK in p.name]


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
    assert list(tmp_path.glob("notes.txt.new-*")) == []  # a slip of the keyboard, not a night
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


def test_a_backup_that_starts_with_a_byte_order_mark_is_counted(
    full_db: Path, tmp_path: Path
) -> None:
    # As coach import reads it: it used to be called "not a coach export".
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    backup.write_bytes(b"\xef\xbb\xbf" + backup.read_bytes())
    assert run_export(full_db, backup)[0] == 0
    assert len(json.loads(backup.read_text())["attempts"]) == 5


@pytest.mark.parametrize(
    "content",
    [
        b'{"coach_export": 1, "attempts": "x"',
        b"[1, 2]",
        b'{"attempts": []}',
        b"\xff",
        b"[" * 50_000,
        b'{"coach_export": 1, "attempts": [' + b"[]," * 1_000_001 + b"[]]}",
    ],
    ids=["cut short", "a list", "no marker", "not UTF-8", "deep", "a million lists"],
)
def test_counting_an_existing_file_never_crashes(
    full_db: Path, tmp_path: Path, content: bytes
) -> None:
    odd = tmp_path / "odd.json"
    odd.write_bytes(content)
    code, err = run_export(full_db, odd)
    assert code in (1, 2) and ("is not a coach export" in err or "over 1,000,000 lists" in err)
    assert odd.read_bytes() == content


def test_a_file_too_large_to_count_needs_force(full_db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(LARGEST_COUNTED + 1)
    code, err = run_export(full_db, big, "md")
    assert code == 1
    assert f"{big} is larger than 64 MiB, so coach cannot tell which records it holds" in err
    assert big.stat().st_size == LARGEST_COUNTED + 1
    assert run_export(full_db, big, "md", force=True)[0] == 0


def test_counting_a_large_backup_does_not_build_it(tmp_path: Path) -> None:
    # 250 MB took 6.7 GB to count: every record was built as dicts and strings first.
    record = {"id": 1, "kind": "response", "text": "x" * 40, "checks": [{"name": "a"}] * 3}
    doc = {"coach_export": 1, "attempts": [record] * 40_000, "settings": {"a": "b"}}
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(doc))
    size = backup.stat().st_size
    tracemalloc.start()
    try:
        found = existing(Target(backup, backup, None))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found.counts == {
        "attempts": 40_000,
        "interviews": 0,
        "heard_cards": 0,
        "profile": 0,
        "settings": 1,
    }
    # The bytes, their text, and a pointer per record; the parsed file took over 10 times.
    assert peak < 3 * size, (peak, size)


AS_ROOT = os.geteuid() == 0
DROP = "-dac_override,-dac_read_search,-fowner"
"""Root reads any file through these capabilities; without them (setpriv), modes apply."""


def test_a_file_that_cannot_be_read_is_said_so_and_left(full_db: Path, tmp_path: Path) -> None:
    prefix: list[str] = []
    if AS_ROOT:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        prefix = ["setpriv", f"--bounding-set={DROP}", "--"]
    backup = tmp_path / "backup.json"
    assert run_export(full_db, backup)[0] == 0
    backup.chmod(0)
    command = [sys.executable, "-m", "coach", "--db", str(full_db), "export", "--format", "md"]
    try:
        result = subprocess.run(
            [*prefix, *command, "-o", str(backup)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        backup.chmod(0o600)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == (
        f"coach export: {backup} cannot be read (Permission denied), so coach cannot tell "
        "which records it holds, and it was left as it is (add --force to replace it anyway)."
    )
    assert json.loads(backup.read_text())["coach_export"] == 1


def test_the_pointer_names_the_newest_copy_of_a_database_with_an_odd_name(
    tmp_path: Path,
) -> None:
    # A name holding [ ] used to be read as a glob pattern, and copies were sorted by name.
    db = tmp_path / "co[a]ch.json"
    store = open_store(db).store
    fill(store)
    store.close()
    backup = tmp_path / "backup.json"
    assert run_export(db, backup)[0] == 0
    older = tmp_path / "co[a]ch.json.corrupt-29991231-235959"  # a clock once set wrong
    older.write_text("older")
    os.utime(older, (1_000_000_000, 1_000_000_000))
    db.write_text("{")
    assert run_export(db, backup)[0] == 1  # set aside now
    code, err = run_export(db, backup)
    assert code == 1
    newest = files.kept_copies(db)[-1]
    assert newest != older and newest.read_text() == "{"
    assert f"A damaged database was set aside as {newest}:" in err


def test_an_aside_is_written_whole_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr("coach.store.files.os.link", no_links)
    first = files.write_aside(tmp_path / "backup.json", "new", b"one")
    second = files.write_aside(tmp_path / "backup.json", "new", b"two")
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])


# --- the rule, as a property -------------------------------------------------------------------

counts = st.fixed_dictionaries(
    {
        key: st.integers(0, 1) if key in ("profile", "settings") else st.integers(0, 4)
        for key in KINDS
    }
)


def _doc(counts: dict[str, int], profile_lines: int) -> dict[str, object]:
    lines = profile_lines if counts["profile"] else 0
    return {
        "coach_export": 1,
        "profile": {"strengths": [{"text": "s"}] * (lines // 2), "requirements": ["r"] * lines},
        "attempts": [{}] * counts["attempts"],
        "interviews": [{}] * counts["interviews"],
        "heard_cards": [{}] * counts["heard_cards"],
        "settings": {"theme": "v"} if counts["settings"] else {},
    }


@given(old=counts, new=counts, lines=st.integers(1, 5), new_lines=st.integers(1, 5))
def test_a_backup_is_replaced_exactly_when_no_record_would_be_lost(
    tmp_path_factory: pytest.TempPathFactory,
    old: dict[str, int],
    new: dict[str, int],
    lines: int,
    new_lines: int,
) -> None:
    backup = tmp_path_factory.mktemp("property") / "backup.json"
    backup.write_text(json.dumps(_doc(old, lines)))
    assert record_counts(_doc(new, new_lines)) == new  # the new export, parsed in full
    found = existing(Target(backup, backup, None))
    assert found.counts == old  # the file, counted without being built
    # However many strengths and requirements each has: a profile is one record.
    shrinks = any(old[key] > new[key] for key in KINDS)
    try:
        check_replace(found, "backup.json", new)
        refused = False
    except TargetRefused as error:
        refused = True
        assert error.code == 1
    assert refused is shrinks


def test_nothing_there_or_an_empty_file_is_never_refused() -> None:
    for found in (Existing(None, {}), Existing((1, 2), {})):
        check_replace(found, "backup.json", None)
        check_replace(found, "backup.json", dict.fromkeys(KINDS, 0))
