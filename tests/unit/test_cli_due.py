"""``coach due``: the list, and its exit codes for scripts (0 nothing, 1 something, 2 error)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.cli.due import due
from coach.content.loader import ContentError
from coach.domain.models import Interview, Person
from coach.store.errors import StoreError
from coach.store.opening import open_store
from coach.store.store import Store

RELEASE = Path(__file__).parent.parent / "releases" / "2026-11-30"
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def run_due(db: Path | str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = due(str(db), now=NOW, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def make_db(path: Path, *interviews: Interview) -> Path:
    store = open_store(path).store
    for interview in interviews:
        store.save_interview(interview)
    store.close()
    return path


def test_nothing_due_exits_0_quietly(tmp_path: Path) -> None:
    db = make_db(
        tmp_path / "coach.json", Interview("Acme", "Analyst", held_at="2026-10-01", outcome="offer")
    )
    assert run_due(db) == (0, "", "")


def test_something_due_exits_1_with_one_safe_line_each(tmp_path: Path) -> None:
    db = make_db(
        tmp_path / "coach.json",
        # Promised last Friday: the check-in is due since yesterday, the reply overdue today.
        Interview(
            "Northwind\x1b]0;PWNED\x07",
            "Data Engineer",
            held_at="2026-11-16",
            timeline_date="2026-11-20",
            signals={"gave_timeline": True},
        ),
        Interview("Contoso", "Analyst", held_at="2026-11-24", people=(Person("Ada Byron"),)),
    )
    code, out, err = run_due(db)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert len(lines) == 2  # one line per round: the overdue reply and its check-in are one
    assert lines[0].startswith("Reply overdue from Northwind")
    assert lines[0].endswith("(Data Engineer), promised 2026-11-20: send a check-in")
    assert (
        lines[1]
        == "Send a thank-you note to Ada Byron at Contoso (Analyst): interviewed 2026-11-24"
    )
    assert "\x1b" not in out and "\x07" not in out


def test_an_unreadable_database_exits_2_with_one_sentence(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    db.write_text("{ this is not json")
    code, out, err = run_due(db)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"coach due: could not read {db} (not valid")


def test_a_damaged_database_is_never_moved_aside(tmp_path: Path) -> None:
    # A scheduler runs `coach due` every day: each run must say the file is damaged, and none
    # may set it aside and start an empty database (the next run would then say "nothing due").
    db = tmp_path / "coach.json"
    db.write_bytes(b'{"interviews": {"1": {"company": "Acme"}}, "_meta": ')
    before = db.read_bytes()
    for _ in range(2):
        code, out, err = run_due(db)
        assert (code, out) == (2, "") and err.count("\n") == 1
        assert "not valid JSON at line 1" in err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coach.json"]


def test_an_older_database_is_read_without_being_migrated_on_disk(tmp_path: Path) -> None:
    # Upgrading the file is the app's to do (it keeps a copy first); `coach due` only reads.
    db = tmp_path / "coach.json"
    shutil.copy(RELEASE / "coach.json", db)
    before = db.read_bytes()
    assert run_due(db)[0] in (0, 1)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coach.json"]


def test_a_database_from_a_newer_coach_exits_2(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    db.write_text('{"_meta": {"1": {"schema": 99}}}')
    code, _, err = run_due(db)
    assert code == 2 and "newer coach" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coach.json"]


def test_a_database_named_but_missing_exits_2(tmp_path: Path) -> None:
    code, _, err = run_due(tmp_path / "typo.json")
    assert code == 2 and "there is no database at" in err
    assert not (tmp_path / "typo.json").exists()  # not created


@pytest.mark.parametrize("due_now", [False, True])
def test_the_command_line_exit_codes(tmp_path: Path, due_now: bool) -> None:
    held = datetime.now().date().isoformat()
    interviews = (Interview("Acme", "Analyst", held_at=held),) if due_now else ()
    db = make_db(tmp_path / "coach.json", *interviews)
    result = subprocess.run(
        [sys.executable, "-m", "coach", "--db", str(db), "due"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == (1 if due_now else 0), result.stderr
    assert ("thank-you note" in result.stdout) is due_now


def test_a_due_list_that_cannot_be_written_exits_2_not_1(tmp_path: Path) -> None:
    # 1 tells a script "something is due"; a list lost to a full disk must not pass for that.
    today = datetime.now().astimezone().date().isoformat()
    db = make_db(tmp_path / "coach.json", Interview("Acme", "Analyst", held_at=today))
    with Path("/dev/full").open("w") as full:  # every write fails: No space left on device
        result = subprocess.run(
            [sys.executable, "-m", "coach", "--db", str(db), "due"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.startswith("coach: the output could not be written")
    assert result.stderr.count("\n") == 1


def test_a_withdrawn_application_is_not_due(tmp_path: Path) -> None:
    # The status is the application's, stored apart from its rounds: `coach due` reads it.
    db = make_db(tmp_path / "coach.json", Interview("Contoso", "Analyst", held_at="2026-11-24"))
    assert run_due(db)[0] == 1
    store = open_store(db).store
    (application,) = store.applications()
    store.save_application(replace(application, status="withdrawn"))
    store.close()
    assert run_due(db) == (0, "", "")


def test_a_store_error_while_reading_is_one_sentence_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Store's sentences are written for the app ("then press F5"): meaningless in a shell.
    db = make_db(tmp_path / "coach.json", Interview("Acme", "Analyst", held_at="2026-11-24"))

    def fails(self: Store) -> list[Interview]:
        raise StoreError(
            f"Could not read {db}: Permission denied. Nothing on screen changed; fix the "
            "file's permissions, then press F5."
        ) from PermissionError(13, "Permission denied")

    monkeypatch.setattr(Store, "interviews", fails)
    code, out, err = run_due(db)
    assert (code, out) == (2, "")
    assert (
        err == f"coach due: could not read {db} (permission denied), so what is due is unknown.\n"
    )


def test_damaged_content_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = make_db(tmp_path / "coach.json")

    def damaged() -> object:
        raise ContentError("rubric.json is missing: reinstall coach")

    monkeypatch.setattr("coach.content.rubric.load_rubric", damaged)
    code, _, err = run_due(db)
    assert code == 2 and err.count("\n") == 1 and ". " not in err
    assert err.startswith(
        "coach due: coach's own content could not be read (rubric.json is missing"
    )
