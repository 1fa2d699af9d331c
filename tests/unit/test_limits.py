"""The checks every way into coach shares (coach.domain.limits), and its clamped arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from coach.domain import limits
from coach.domain.interview_form import parse_form
from coach.domain.signals import signal_problem

TODAY = date(2026, 11, 20)


def test_dates_outside_the_range_are_not_dates() -> None:
    assert limits.day("2026-11-20") == date(2026, 11, 20)
    for bad in ("9999-12-30", "1969-12-31", "2101-01-01", "2026-13-45", "20261120", "2026-W47-5"):
        assert limits.day(bad) is None, bad
    assert limits.day(None) is None and limits.day(20261120) is None


def test_a_time_stamp_needs_its_zone_unless_told_otherwise() -> None:
    assert limits.moment("2026-11-20T19:30:00+01:00") is not None
    assert limits.moment("2026-11-20T19:30:00") is None
    assert limits.moment("2026-11-20T19:30:00", zone_required=False) is not None
    assert limits.moment("9999-12-31T23:00:00+00:00") is None
    assert limits.day_or_moment("2026-11-20T14:30") == date(2026, 11, 20)
    assert limits.day_or_moment("9999-12-30T14:30") is None


@given(st.dates(), st.integers(min_value=-(10**9), max_value=10**9))
def test_adding_days_never_overflows(start: date, days: int) -> None:
    moved = limits.add_days(start, days)
    assert limits.EARLIEST_DAY <= moved <= limits.LATEST_DAY


def test_adding_days_to_a_time_stamp_at_the_end_of_the_calendar() -> None:
    last = datetime(9999, 12, 31, 23, tzinfo=UTC)
    assert limits.add_moment_days(last, 14).date() == limits.LATEST_DAY
    ordinary = datetime(2026, 11, 20, 9, tzinfo=timezone(timedelta(hours=1)))
    assert limits.add_moment_days(ordinary, 3) == ordinary + timedelta(days=3)


def test_numbers_must_be_finite_and_in_range() -> None:
    assert limits.number(12.5, 0, 100) == 12.5
    for bad in (float("nan"), float("inf"), 10**400, True, "5", None, -1):
        assert limits.number(bad, 0, 100) is None, bad
    assert limits.whole(5, 0, 10) == 5
    assert limits.whole(5.0, 0, 10) is None and limits.whole(False, 0, 10) is None


def test_a_bad_value_is_echoed_short() -> None:
    shown = limits.echo("x" * 10_000_000)
    assert len(shown) == limits.MAX_ECHO_CHARS + 1 and shown.endswith("\N{HORIZONTAL ELLIPSIS}")
    assert "digits" in limits.echo(10**5000)  # str() of it would raise
    assert limits.echo(None) == "null" and limits.echo(True) == "true"
    assert limits.echo([1]) == "a list" and limits.echo({}) == "an object"


def test_lone_surrogates_are_replaced_not_kept() -> None:
    assert limits.readable_text("ok") == "ok"
    fixed = limits.readable_text("a\ud800b")
    assert fixed.encode("utf-8") and fixed.startswith("a") and fixed.endswith("b")


def test_the_form_and_the_signal_check_use_the_same_dates() -> None:
    far = parse_form({"company": "A", "date": "2026-11-01", "timeline_date": "9999-12-30"}, TODAY)
    assert "1970-01-01 to 2100-12-31" in far.errors["timeline_date"]
    assert signal_problem("interview_date", "9999-12-31") is not None
    assert signal_problem("interview_date", "2026-11-01") is None


def test_the_form_bounds_what_it_keeps() -> None:
    long = parse_form(
        {"company": "A" * (limits.MAX_NAME_CHARS + 1), "date": "2026-11-01"}, TODAY
    ).errors
    assert "at most 1,000 characters" in long["company"]
