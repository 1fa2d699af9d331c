"""The calendar export: read back by icalendar, one event per date, stable UIDs."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from coach.cli.backup import export
from coach.domain.models import Interview, Profile, SentMessage
from coach.exports.calendar import calendar
from coach.store.opening import open_store

INTERVIEWS = (
    # A past round, timed, with a promised date: held, reply, check-in.
    Interview(
        "Northwind, Inc;",
        "Data\nEngineer\x1b[2J",
        stage="onsite",
        held_at="2026-11-16T10:00:00+01:00",
        timeline_date="2026-11-20",
        id=1,
    ),
    # A round in the future, on a day only.
    Interview("Northwind, Inc;", "Data Engineer", stage="final", held_at="2026-12-02", id=2),
    # No date at all: nothing.
    Interview("Contoso", "Analyst", id=3),
    # A promised date but no interview date: reply and check-in.
    Interview("Fabrikam", "Dev", timeline_date="2026-11-27", id=4),
)
PROFILE = Profile(interview_date="2026-12-10")


def events(data: bytes) -> dict[str, tuple[object, str]]:
    """UID -> (start, summary) of every event, read back by the library."""
    cal = Calendar.from_ical(data)
    found = {}
    for event in cal.walk("VEVENT"):
        found[str(event["uid"])] = (event.decoded("dtstart"), str(event["summary"]))
    assert len(found) == len(cal.walk("VEVENT"))  # no UID twice
    return found


def test_one_event_per_promised_date_check_in_day_and_interview() -> None:
    # Every round here still waits for its reply: each promised date has its check-in day.
    found = events(calendar(INTERVIEWS, PROFILE))
    starts = Counter(start for start, _ in found.values())
    assert starts == {
        datetime(2026, 11, 16, 9, 0, tzinfo=UTC): 1,  # timed, in UTC
        date(2026, 11, 20): 1,  # promised
        date(2026, 11, 24): 1,  # promised + two business days (a weekend between)
        date(2026, 12, 2): 1,
        date(2026, 11, 27): 1,
        date(2026, 12, 1): 1,  # Friday 27th + two business days
        date(2026, 12, 10): 1,  # the profile's next interview
    }
    summaries = {summary for _, summary in found.values()}
    assert "Reply promised: Northwind, Inc; (Data Engineer[2J)" in summaries
    assert "Check in if no reply: Fabrikam (Dev)" in summaries
    assert "Interview: Northwind, Inc; (Data Engineer), final" in summaries
    assert all("\x1b" not in s and "\n" not in s for s in summaries)


def test_no_check_in_event_for_a_round_answered_or_checked_in_on() -> None:
    # Only rounds still waiting get a check-in day; every round keeps its promised date.
    waiting = Interview("Fabrikam", "Dev", timeline_date="2026-11-27", id=4)
    settled = [
        replace(waiting, reply_date="2026-11-26"),
        replace(waiting, outcome="offer"),
        replace(waiting, outcome="next round"),
        replace(waiting, outcome="rejected"),
        replace(waiting, outcome="no reply"),  # the user stopped waiting
        replace(waiting, messages=(SentMessage("check-in", "2026-12-01"),)),
    ]
    for interview in settled:
        found = events(calendar([interview], Profile()))
        assert set(found) == {"interview-4-reply@coach.invalid"}, interview
    assert set(events(calendar([waiting], Profile()))) == {
        "interview-4-reply@coach.invalid",
        "interview-4-check-in@coach.invalid",
    }


def test_uids_are_stable_so_a_new_export_updates_the_events() -> None:
    first = events(calendar(INTERVIEWS, PROFILE))
    moved = (
        INTERVIEWS[0],
        replace(INTERVIEWS[1], held_at="2026-12-03"),
    )
    again = events(calendar(moved, Profile(interview_date="2026-12-11"), now=datetime.now(UTC)))
    assert set(again) <= set(first)
    assert again["interview-2-held@coach.invalid"][0] == date(2026, 12, 3)
    assert again["profile-next-interview@coach.invalid"][0] == date(2026, 12, 11)


def test_the_profiles_date_is_not_doubled_by_a_round_that_day() -> None:
    found = events(calendar(INTERVIEWS, Profile(interview_date="2026-12-02")))
    assert [start for start, _ in found.values()].count(date(2026, 12, 2)) == 1


@settings(max_examples=60, deadline=None)
@given(
    company=st.text(max_size=80),
    held=st.sampled_from(["", "2026-11-16", "2026-11-16T10:00", "9999-12-31", "2100-12-31T23:59Z"]),
    promised=st.sampled_from(["", "2100-12-31", "1970-01-01", "2026-02-30"]),
)
def test_any_interview_gives_a_file_the_library_reads(
    company: str, held: str, promised: str
) -> None:
    data = calendar([Interview(company, company, held_at=held, timeline_date=promised)], Profile())
    events(data)


def test_coach_export_format_ics_writes_the_file(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    store = open_store(db).store
    for interview in INTERVIEWS:
        store.save_interview(replace(interview, id=None))
    store.save_profile(PROFILE)
    store.close()
    target = tmp_path / "out.ics"
    err = io.StringIO()
    assert export(str(db), "ics", str(target), err=err) == 0, err.getvalue()
    assert len(events(target.read_bytes())) == 7
    out = io.StringIO()
    assert export(str(db), "ics", None, out=out, err=io.StringIO()) == 0
    assert out.getvalue().startswith("BEGIN:VCALENDAR")
    # The -o rules of the other notes formats: never over a backup that holds records.
    backup = tmp_path / "backup.json"
    assert export(str(db), "json", str(backup), err=io.StringIO()) == 0
    err = io.StringIO()
    assert export(str(db), "ics", str(backup), err=err) == 1
    assert backup.read_text().lstrip().startswith("{")


def test_only_the_calendar_export_imports_icalendar() -> None:
    """Start-up stays lean: icalendar is loaded by ``coach export --format ics`` alone."""
    from tests.unit.test_architecture import PACKAGE, _imports

    users = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if any(m == "icalendar" or m.startswith("icalendar.") for m in _imports(path))
    }
    assert users == {"exports/calendar.py"}
