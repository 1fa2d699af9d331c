"""``coach export``, ``coach import`` and ``coach history`` on real database files."""

from __future__ import annotations

import csv
import io
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli.backup import export, history, import_file, read_bundle
from coach.domain.cards import heard_card
from coach.domain.models import Attempt, Interview, Profile, Strength
from coach.store.opening import open_store
from tests.unit.backup_data import PROFILE, fill


def coach(*args: str) -> subprocess.CompletedProcess[str]:
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


def export_json(db: Path, target: Path) -> Path:
    err = io.StringIO()
    assert export(str(db), "json", str(target), err=err) == 0, err.getvalue()
    return target


def run_import(file: Path, db: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = import_file(str(file), str(db), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_round_trip_into_an_empty_database_keeps_everything(full_db: Path, tmp_path: Path) -> None:
    file = export_json(full_db, tmp_path / "backup.json")
    empty = tmp_path / "empty" / "coach.json"
    code, out, err = run_import(file, empty)
    assert code == 0, err
    original, restored = open_store(full_db).store, open_store(empty).store
    before, after = read_bundle(original), read_bundle(restored)
    assert after == before  # every domain object, ids included
    assert after.profile == PROFILE
    assert [i.id for i in after.interviews] == [1, 2, 4]  # the deleted id stays unused
    assert after.attempts[1].checks == before.attempts[1].checks != ()
    assert after.interviews[0].reply_date == "2026-11-05"
    assert restored.setting("theme") == "textual-dark"
    assert "Attempts: 5 added; 0 already there." in out
    assert "Heard-feedback cards: 2 added" in out and "Profile: added" in out


def test_importing_twice_adds_nothing_and_changes_no_byte(full_db: Path, tmp_path: Path) -> None:
    file = export_json(full_db, tmp_path / "backup.json")
    target = tmp_path / "target" / "coach.json"
    assert run_import(file, target)[0] == 0
    once = target.read_bytes()
    code, out, _ = run_import(file, target)
    assert code == 0
    assert target.read_bytes() == once
    assert "Attempts: 0 added; 5 already there." in out
    assert "Interviews: 0 added; 3 already there." in out
    assert "Profile: already there." in out


def test_saves_after_an_import_get_ids_above_every_imported_one(
    full_db: Path, tmp_path: Path
) -> None:
    file = tmp_path / "backup.json"
    export_json(full_db, file)
    doc = json.loads(file.read_text())
    doc["attempts"][0]["id"] = 70  # ids from a database that has seen more saves
    doc["interviews"][0]["id"] = 30
    file.write_text(json.dumps(doc))
    target = tmp_path / "target" / "coach.json"
    seeded = open_store(target).store
    seeded.add_attempt(Attempt("question", "mine", score=10))
    seeded.close()
    assert run_import(file, target)[0] == 0
    store = open_store(target).store
    assert store.add_attempt(Attempt("question", "new", score=20)).id == 71
    assert store.save_interview(Interview("New", "role", held_at="2026-11-20")).id == 31
    store.save_heard_card(heard_card("Another one.", 99))
    store.set_setting("fresh", "yes")
    assert len(store.heard_cards()) == 3 and store.setting("theme") == "textual-dark"
    assert store.attempts()[0].text == "mine"  # id 1 was ours: a conflict, kept


def test_conflicts_and_a_different_profile_are_reported_and_kept(
    full_db: Path, tmp_path: Path
) -> None:
    file = export_json(full_db, tmp_path / "backup.json")
    target = tmp_path / "target" / "coach.json"
    store = open_store(target).store
    mine = Profile((Strength("Go", "shipped a scheduler"),))
    store.save_profile(mine)
    store.add_attempt(Attempt("question", "my own first attempt", score=33))
    store.save_interview(Interview("Own Co", "Tester", held_at="2026-01-01"))
    store.close()
    code, out, _ = run_import(file, target)
    assert code == 0
    assert "Attempts: 4 added; 0 already there; 1 skipped as conflicts (id 1)" in out
    assert "Interviews: 2 added; 0 already there; 1 skipped as conflicts (id 1)" in out
    assert "Profile: skipped: your database already has a different profile" in out
    after = open_store(target).store
    assert after.profile() == mine
    assert after.attempts()[0].text == "my own first attempt"
    assert after.interviews()[0].company == "Own Co"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ('["coach_export", 1]', "this is not a coach export"),
        ('{"attempts": []}', "this is not a coach export"),
    ],
)
def test_a_bad_file_exits_2_and_writes_nothing(
    full_db: Path, tmp_path: Path, content: str, message: str
) -> None:
    before = full_db.read_bytes()
    file = tmp_path / "bad.json"
    file.write_text(content)
    code, out, err = run_import(file, full_db)
    assert code == 2 and out == ""
    assert message in err and "Nothing was imported" in err
    assert full_db.read_bytes() == before


def test_one_bad_record_among_good_ones_imports_none(full_db: Path, tmp_path: Path) -> None:
    file = export_json(full_db, tmp_path / "backup.json")
    doc = json.loads(file.read_text())
    doc["attempts"][3]["score"] = 250
    file.write_text(json.dumps(doc))
    target = tmp_path / "target" / "coach.json"
    open_store(target).store.close()
    before = target.read_bytes()
    code, _, err = run_import(file, target)
    assert code == 2
    assert "attempts, record 4 (id 4): 'score' must be from 0 to 100, not 250." in err
    assert target.read_bytes() == before


def test_a_database_that_cannot_be_written_takes_no_import(full_db: Path, tmp_path: Path) -> None:
    file = export_json(full_db, tmp_path / "backup.json")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run_import(file, folder)
    assert code == 1
    assert "is a folder" in err and "nothing was imported" in err


def test_markdown_is_readable_notes(full_db: Path) -> None:
    out = io.StringIO()
    assert export(str(full_db), "md", None, out=out) == 0
    text = out.getvalue()
    assert "- **Python data pipelines** — cut nightly ETL from 6 h to 40 min" in text
    assert "- SQL | analytics" in text
    assert "| 2026-11-02 14:30 | Acme | Data engineer | onsite | " in text
    assert "/100, went well | next round | replied |" in text
    assert "### The closing question" in text
    assert "### You lack Kubernetes experience." in text  # a heard card, by its words
    assert "2 attempts, best 76/100." in text
    assert "Deleted Ltd" not in text


def test_csv_is_one_table_with_a_record_column(full_db: Path) -> None:
    out = io.StringIO()
    assert export(str(full_db), "csv", None, out=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    kinds = [row["record"] for row in rows]
    assert kinds == ["interview"] * 3 + ["attempt"] * 5
    acme = rows[0]
    assert (acme["company"], acme["outcome"], acme["follow_up"]) == (
        "Acme",
        "next round",
        "replied",
    )
    assert acme["band"] == "went well" and 70 <= int(acme["score"]) <= 100
    first = rows[3]
    assert first["card"] == "The closing question" and first["score"] == "40"
    assert first["text"].endswith("(0).\nSecond line.")  # newlines survive quoting
    assert rows[5]["spoken_seconds"] == "" and rows[4]["spoken_seconds"] == "31.5"


def test_export_to_a_file_is_private_and_complete(full_db: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = export_json(full_db, tmp_path / "out" / "backup.json")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = json.loads(target.read_text())
    assert doc["coach_export"] == 1 and len(doc["attempts"]) == 5
    assert doc["settings"] == {"theme": "textual-dark", "last_card": "skills-gap-1"}
    assert [c["id"] for c in doc["heard_cards"]] == ["heard-7", "heard-20261110-101010"]


def test_export_into_a_missing_folder_is_a_sentence(full_db: Path, tmp_path: Path) -> None:
    err = io.StringIO()
    code = export(str(full_db), "json", str(tmp_path / "nowhere" / "x.json"), err=err)
    assert code == 1 and "Check that its folder exists" in err.getvalue()


def test_history_tables_and_limit(full_db: Path) -> None:
    out = io.StringIO()
    assert history(str(full_db), 2, out=out) == 0
    text = out.getvalue()
    assert "Interviews" in text and "Rehearsal attempts" in text
    assert "Gamma" in text and "Acme" in text and "Beta" not in text  # the 2 most recent
    assert "the 2 most recent of 3 interviews" in text
    assert "2026-11-05 19:30" in text and "2026-11-01 19:30" not in text


def test_the_commands_from_the_shell(full_db: Path, tmp_path: Path) -> None:
    exported = coach("--db", str(full_db), "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    file = tmp_path / "backup.json"
    file.write_text(exported.stdout)
    target = tmp_path / "target" / "coach.json"
    imported = coach("--db", str(target), "import", str(file))
    assert imported.returncode == 0, imported.stderr
    assert "Interviews: 3 added; 0 already there." in imported.stdout
    shown = coach("--db", str(target), "history", "--limit", "5")
    assert shown.returncode == 0 and "Acme" in shown.stdout


def test_the_database_comes_from_coach_db_too(full_db: Path, tmp_path: Path) -> None:
    env_db = tmp_path / "env-db" / "coach.json"  # where conftest points $COACH_DB
    file = export_json(full_db, tmp_path / "backup.json")
    result = subprocess.run(
        [sys.executable, "-m", "coach", "import", str(file)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert str(env_db) in result.stdout
    assert len(open_store(env_db).store.attempts()) == 5


def test_a_bad_file_from_the_shell_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    file = tmp_path / "bad.json"
    file.write_text(
        json.dumps(
            {"coach_export": 1, "interviews": [{"id": 1, "company": "X", "held_at": "2026-02-30"}]}
        )
    )
    result = coach("--db", str(tmp_path / "db.json"), "import", str(file))
    assert result.returncode == 2
    assert "interviews, record 1 (id 1): 'held_at' must be a date" in result.stderr
    assert "Traceback" not in result.stderr
    missing = coach("--db", str(tmp_path / "db.json"), "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_an_unreadable_database_never_replaces_a_good_backup(tmp_path: Path) -> None:
    db = tmp_path / "broken" / "coach.json"
    db.parent.mkdir()
    db.write_text("{half a file")
    backup = tmp_path / "backup.json"
    backup.write_text("the good backup")
    err = io.StringIO()
    assert export(str(db), "json", str(backup), err=err) == 1
    assert "could not be read as a coach database" in err.getvalue()
    assert "nothing was exported" in err.getvalue()
    assert backup.read_text() == "the good backup"


def test_history_refuses_a_limit_below_one(full_db: Path) -> None:
    err = io.StringIO()
    assert history(str(full_db), 0, err=err) == 2
    assert "--limit must be 1 or more" in err.getvalue()


def test_the_json_export_never_writes_a_control_character_raw(tmp_path: Path) -> None:
    # json.dumps escapes U+0000-U+001F only: DEL and "\x9b" (a terminal's CSI) went out raw.
    db = tmp_path / "c1" / "coach.json"
    store = open_store(db).store
    store.save_interview(Interview(company="Ev\x9b2Jil\x7f", role="\x85"))
    store.close()
    out, err = io.StringIO(), io.StringIO()
    assert export(str(db), "json", None, out=out, err=err) == 0, err.getvalue()
    assert not any("\x7f" <= ch <= "\x9f" for ch in out.getvalue())
    (interview,) = json.loads(out.getvalue())["interviews"]
    assert (interview["company"], interview["role"]) == ("Ev\x9b2Jil\x7f", "\x85")
