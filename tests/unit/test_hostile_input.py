"""Issue 11's reproductions of odd input: each passes the boundary checks or is refused there
with a sentence, and whatever a file holds, reading it never raises.

Far-future dates (3), hand-edited values (6), a deeply nested drafts file (7), hostile
``coach rate --signals`` files (8), a symbolic link loop (9), a schema of ``2.0`` and a
UTF-8 byte-order mark (12).
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from coach.cli import rate as cli
from coach.cli.backup import export, history, import_file, read_bundle
from coach.content.rubric import load_rubric
from coach.domain.drill import next_due, progress
from coach.domain.interviews import rate_saved
from coach.store import records, schema
from coach.store.drafts import Drafts, drafts_path
from coach.store.lazy import LazyStore
from coach.store.opening import open_store

FAR_ATTEMPT = {
    "kind": "question",
    "text": "What would make me a strong fit?",
    "card_id": "closing-question",
    "score": 50,
    "created_at": "9999-12-31T23:00:00+00:00",
}
FAR_INTERVIEW = {
    "company": "Far",
    "role": "Dev",
    "held_at": "9999-12-30",
    "timeline_date": "9999-12-30",
    "signals": {"gave_timeline": True},
}


def database(path: Path, tables: dict[str, dict[str, object]]) -> Path:
    """A database file as a person editing it by hand would leave it."""
    path.write_text(json.dumps({"_meta": {"1": {"schema": 1}}, **tables}))
    return path


def run(command: str, db: Path, fmt: str = "json") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if command == "history":
        code = history(str(db), 15, out=out, err=err)
    else:
        code = export(str(db), fmt, None, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def rate(
    tmp_path: Path, content: str | bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    path = tmp_path / "signals.json"
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    code = cli.rate(str(path), as_json=True, out=io.StringIO())
    return code, capsys.readouterr().err


# --- 3. far-future dates ------------------------------------------------------------------------


def test_an_import_refuses_dates_coach_cannot_count_from(tmp_path: Path) -> None:
    file = tmp_path / "far.json"
    file.write_text(
        json.dumps(
            {
                "coach_export": 1,
                "attempts": [{"id": 1, **FAR_ATTEMPT}],
                "interviews": [{"id": 1, **FAR_INTERVIEW}],
            }
        )
    )
    err = io.StringIO()
    assert import_file(str(file), str(tmp_path / "coach.json"), err=err) == 2
    assert "'created_at' must be a date-time" in err.getvalue()
    assert "'held_at' must be a date from 1970-01-01 to 2100-12-31" in err.getvalue()


def test_a_far_future_attempt_already_saved_does_not_stop_rehearse() -> None:
    # The Rehearse screen picks its card with next_due at every start.
    far = records.attempt_from(FAR_ATTEMPT, 1)
    assert far.problems == ("created_at",) and far.created_at == ""
    now = datetime(2026, 11, 20, tzinfo=UTC)
    assert next_due(["closing-question"], [far], now) == "closing-question"
    # And the drill itself leaves out a time it cannot place, whatever an Attempt holds.
    stamped = replace(far, created_at="9999-12-31T23:00:00+00:00")
    assert progress("closing-question", [stamped]).attempts == 0
    assert next_due(["closing-question"], [stamped], now) == "closing-question"


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_a_far_future_interview_already_saved_is_listed_and_exported(
    tmp_path: Path, fmt: str
) -> None:
    db = database(
        tmp_path / "coach.json",
        {"interviews": {"1": FAR_INTERVIEW}, "attempts": {"1": FAR_ATTEMPT}},
    )
    code, out, _ = run("export", db, fmt)
    assert code == 0 and "Far" in out
    code, out, err = run("history", db)
    assert code == 0 and "Far" in out
    assert "interview 1 (held_at, timeline_date)" in err


def test_the_rater_clamps_a_deadline_at_the_end_of_the_calendar() -> None:
    from coach.domain.rating import add_business_days

    assert add_business_days(date(9999, 12, 30), 5) == date(2100, 12, 31)


def test_rate_signals_refuses_a_far_future_interview_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signals = '{"interview_date":"9999-12-31","gave_timeline":true,"timeline_days":5}'
    code, err = rate(tmp_path, signals, capsys)
    assert code == 2
    assert "interview_date must be a date from 1970-01-01 to 2100-12-31" in err


# --- 6. hand-edited values ----------------------------------------------------------------------

HAND_EDITS: dict[str, tuple[str, dict[str, Any], str]] = {
    "NaN score": ("attempts", {"score": float("nan")}, "score"),
    "infinite score": ("attempts", {"score": float("inf")}, "score"),
    "infinite seconds": ("attempts", {"spoken_seconds": float("inf")}, "spoken_seconds"),
    "a month 13": ("attempts", {"created_at": "2026-13-45"}, "created_at"),
    "no time zone": ("attempts", {"created_at": "2026-11-20T10:00:00"}, "created_at"),
    "minus five minutes": ("interviews", {"signals": {"actual_min": -5}}, "signals.actual_min"),
    "text minutes": ("interviews", {"signals": {"actual_min": "abc"}}, "signals.actual_min"),
    "unknown signal": ("interviews", {"signals": {"mood": "great"}}, "signals (an unknown key)"),
}
GOOD: dict[str, dict[str, Any]] = {
    "attempts": {
        "kind": "question",
        "text": "How do I compare?",
        "card_id": "closing-question",
        "score": 60,
        "created_at": "2026-11-19T10:00:00+01:00",
    },
    "interviews": {"company": "Acme", "role": "Dev", "held_at": "2026-11-10"},
}


@pytest.mark.parametrize("case", list(HAND_EDITS))
def test_a_hand_edited_value_is_shown_as_missing_and_flagged(tmp_path: Path, case: str) -> None:
    table, edit, problem = HAND_EDITS[case]
    # json.dumps writes NaN and Infinity as Python's json reads them back.
    db = database(tmp_path / "coach.json", {table: {"1": {**GOOD[table], **edit}}})
    store = open_store(db).store
    bundle = read_bundle(store)
    record = (bundle.attempts if table == "attempts" else bundle.interviews)[0]
    assert record.problems == (problem,)
    for interview in bundle.interviews:
        rate_saved(interview, date(2026, 11, 20), load_rubric())
    code, _, err = run("history", db)
    assert code == 0 and "Traceback" not in err
    assert f"{table[:-1]} 1 ({problem})" in err
    for fmt in ("json", "md", "csv"):
        assert run("export", db, fmt)[0] == 0
    exported = json.loads(run("export", db)[1])
    assert "problems" not in exported[table][0]  # the flag is never written


def test_interview_ids_1_and_01_together(tmp_path: Path) -> None:
    db = database(
        tmp_path / "coach.json",
        {"interviews": {"01": {"company": "Shadow"}, "1": GOOD["interviews"]}},
    )
    interviews = open_store(db).store.interviews()
    assert [(i.id, i.company) for i in interviews] == [(1, "Acme")]
    assert interviews[0].problems == ("id shared with a record not shown",)
    assert '"01"' in db.read_text()  # left in the file, not lost
    assert run("history", db)[0] == 0


def test_every_field_null(tmp_path: Path) -> None:
    db = database(
        tmp_path / "coach.json",
        {
            "profile": {"1": {"strengths": None, "requirements": None}},
            "attempts": {"1": dict.fromkeys(["kind", "text", "card_id", "score", "checks"])},
            "interviews": {
                "1": dict.fromkeys(["company", "role", "held_at", "signals", "timeline_date"])
            },
            "cards": {"1": dict.fromkeys(["id", "category", "feedback", "terms"])},
            "settings": {"1": {"key": None, "value": None}},
        },
    )
    bundle = read_bundle(open_store(db).store)
    assert bundle.attempts[0].score == 0 and "score" in bundle.attempts[0].problems
    assert bundle.interviews[0].company == "" and bundle.profile.problems
    assert run("history", db)[0] == 0
    for fmt in ("json", "md", "csv"):
        assert run("export", db, fmt)[0] == 0


def test_a_key_too_long_to_be_an_id_is_skipped_not_a_crash(tmp_path: Path) -> None:
    db = database(
        tmp_path / "coach.json", {"cards": {"9" * 5000: {"id": "x"}}, "attempts": {"9" * 5000: {}}}
    )
    store = open_store(db).store
    assert store.heard_cards() == [] and store.attempts() == []
    assert store.add_attempt(records.attempt_from(GOOD["attempts"], 0)).id == 1


# --- 7. a deeply nested drafts file -------------------------------------------------------------


def test_a_deeply_nested_drafts_file_is_set_aside_like_a_damaged_one(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    drafts = drafts_path(db)
    drafts.write_text("[" * 100_000 + "]" * 100_000)
    assert LazyStore(db).drafts() == {}  # what the app reads before its first frame
    assert Drafts(drafts).all() == {}
    assert any(p.name.startswith("coach.drafts.json.corrupt") for p in tmp_path.iterdir())


def test_a_lone_surrogate_in_a_draft_can_be_saved_again(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "coach.drafts.json")
    drafts.path.write_text('{"closing-question": "half \\ud800 a"}')  # type: ignore[union-attr]
    drafts.save("other", "text")  # re-writes the whole file
    assert drafts.all()["closing-question"].startswith("half ")


# --- 8. hostile coach rate --signals files ------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"actual_min": ' + "9" * 5000 + "}", "a number in it has too many digits"),
        ("[" * 100_000, "nested too deeply"),
        ('{"tone": "' + "x" * 10_000_000 + '"}', "too large to be read"),
        ('{"tone": "' + "x" * 900_000 + '"}', "tone must be one of"),
        ('{"' + "k" * 900_000 + '": 1}', "unknown signal"),
    ],
)
def test_rate_signals_answers_hostile_files_with_one_short_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str
) -> None:
    code, err = rate(tmp_path, content, capsys)
    assert code == 2 and reason in err
    assert len(err) < 600 and err.count("\n") == 1


def test_rate_signals_reads_a_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = rate(tmp_path, b'\xef\xbb\xbf{"tone": "positive"}', capsys)
    assert code == 0, err


# --- 9. a symbolic link loop --------------------------------------------------------------------


def test_a_symlink_loop_as_the_database(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    for command in ("history", "export"):
        code, out, err = run(command, a)
        assert code == 1 and out == "", command
        assert "symbolic link that leads back to itself" in err
    opened = open_store(a)
    assert not opened.store.persistent and "leads back to itself" in (opened.problem or "")
    assert LazyStore(a).drafts() == {}  # read before the app's first frame


# --- 12. a newer schema, a byte-order mark ------------------------------------------------------


NEXT = schema.SCHEMA_VERSION + 1


@pytest.mark.parametrize("stamp", [float(NEXT), str(NEXT), NEXT - 0.5])
def test_a_schema_stamp_like_2_0_is_a_newer_coach_not_damage(tmp_path: Path, stamp: object) -> None:
    # (Issue 11 wrote 2.0 when coach knew up to 1: the stamp is always the next one's.)
    db = tmp_path / "coach.json"
    db.write_text(json.dumps({"_meta": {"1": {"schema": stamp}}}))
    before = db.read_bytes()
    opened = open_store(db)
    assert f"written by a newer version of coach (schema {NEXT}" in (opened.problem or "")
    assert db.read_bytes() == before
    assert not any(".corrupt" in p.name for p in tmp_path.iterdir())


def test_import_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    file = tmp_path / "bom.json"
    file.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps(
            {
                "coach_export": 1,
                "interviews": [{"id": 1, "company": "Acme", "held_at": "2026-11-10"}],
            }
        ).encode()
    )
    err = io.StringIO()
    assert import_file(str(file), str(tmp_path / "coach.json"), out=io.StringIO(), err=err) == 0
    assert open_store(tmp_path / "coach.json").store.interviews()[0].company == "Acme"


def test_heard_cards_without_an_id_or_with_one_id_twice_export_and_import_again(
    tmp_path: Path,
) -> None:
    db = tmp_path / "coach.json"
    cards = {
        "1": {"id": "", "feedback": "More SQL"},
        "2": {"id": "heard-x", "feedback": "More dbt"},
        "3": {"id": "heard-x", "feedback": "More Airflow"},
    }
    db.write_text(json.dumps({"_meta": {"1": {"schema": 1}}, "cards": cards}))
    out, err = io.StringIO(), io.StringIO()
    assert export(str(db), "json", None, out=out, err=err) == 0, err.getvalue()
    backup = tmp_path / "backup.json"
    backup.write_text(out.getvalue())
    again = tmp_path / "again" / "coach.json"
    assert import_file(str(backup), str(again), out=io.StringIO(), err=err) == 0, err.getvalue()
    store = open_store(again).store
    try:
        shown = store.heard_cards()
    finally:
        store.close()
    assert sorted(c.feedback for c in shown) == ["More Airflow", "More SQL", "More dbt"]
    assert len({c.id for c in shown}) == 3
    assert json.loads(db.read_text())["cards"] == cards  # the file itself is not changed
