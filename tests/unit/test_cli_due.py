"""``coach due``: the list, and its exit codes for scripts (0 nothing, 1 something, 2 error)."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.cli.due import due
from coach.domain.models import Interview, Person
from coach.store.opening import open_store

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
    assert len(lines) == 3
    assert lines[0].startswith("Reply overdue from Northwind")
    # (The interviewer's name joins it once the store keeps people: branch i17-store.)
    assert lines[1].startswith("Send a thank-you note to ")
    assert lines[1].endswith("Contoso (Analyst): interviewed 2026-11-24")
    assert lines[2].startswith("Check in with Northwind")
    assert "\x1b" not in out and "\x07" not in out


def test_an_unreadable_database_exits_2_with_one_sentence(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    db.write_text("{ this is not json")
    code, out, err = run_due(db)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("coach due: the database at ")


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
