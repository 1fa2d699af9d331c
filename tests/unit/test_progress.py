"""The numbers behind the Progress charts, and the charts drawn from them."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from coach.content.rubric import load_rubric
from coach.domain import Attempt, Interview
from coach.domain.models import SignalValue
from coach.domain.progress import WAITING, daily_scores, ratings_by_outcome, score_trend
from coach.render.progress_charts import AXIS, day_bars, outcome_strips

TODAY = date(2026, 11, 20)


def attempt(day: date, score: int, hour: int = 9) -> Attempt:
    when = datetime(day.year, day.month, day.day, hour)
    return Attempt(kind="question", text="x", score=score, created_at=when.isoformat())


def plain(renderable: object) -> str:
    console = Console(width=120, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def test_days_without_practice_are_kept_as_gaps() -> None:
    days = daily_scores(
        [attempt(TODAY, 80), attempt(TODAY, 60, 10), attempt(TODAY - timedelta(days=2), 40)],
        TODAY,
        days=3,
    )
    assert [d.day for d in days] == [TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY]
    assert [d.attempts for d in days] == [1, 0, 2]
    assert days[1].mean is None and days[1].best is None
    assert days[2].mean == 70 and days[2].best == 80


@given(
    st.lists(
        st.tuples(st.integers(min_value=-30, max_value=5), st.integers(min_value=0, max_value=100))
    ),
    st.integers(min_value=1, max_value=30),
)
def test_daily_scores_count_exactly_the_attempts_in_the_window(
    offsets: list[tuple[int, int]], window: int
) -> None:
    attempts = [attempt(TODAY + timedelta(days=offset), score) for offset, score in offsets]
    days = daily_scores(attempts, TODAY, days=window)
    assert len(days) == window
    assert days[-1].day == TODAY
    inside = [s for offset, s in offsets if -window < offset <= 0]
    assert sum(d.attempts for d in days) == len(inside)
    for day in days:
        if day.attempts:
            assert day.mean is not None and day.best is not None
            assert 0 <= day.mean <= day.best <= 100


def test_unreadable_dates_are_left_out_not_fatal() -> None:
    broken = Attempt(kind="question", text="x", score=50, created_at="yesterday-ish")
    assert sum(d.attempts for d in daily_scores([broken], TODAY)) == 0


def test_score_trend_is_in_saved_order_and_capped() -> None:
    attempts = [attempt(TODAY - timedelta(days=n), score=n) for n in range(80)]
    trend = score_trend(attempts, last=60)
    assert trend == list(range(59, -1, -1))


def test_ratings_are_grouped_by_outcome_in_a_fixed_order() -> None:
    good: dict[str, SignalValue] = {
        "tone": "positive",
        "eye_contact": "good",
        "enthusiasm_about_fit": True,
    }
    poor: dict[str, SignalValue] = {"tone": "negative", "eye_contact": "poor"}
    interviews = [
        Interview("A", "r", held_at="2026-11-01", signals=poor, outcome="rejected"),
        Interview("B", "r", held_at="2026-11-01", signals=good, outcome="offer"),
        Interview("C", "r", held_at="2026-11-19", signals=good),
        Interview("D", "r", held_at="2026-11-01", signals={"tone": "sideways"}, outcome="offer"),
    ]
    rows = ratings_by_outcome(interviews, load_rubric())
    # The bad record's only signal is read as not observed: nothing to rate, so no dot.
    assert list(rows) == ["offer", "rejected", WAITING]
    assert len(rows["offer"]) == 1
    # The read of the interview alone (an offer would otherwise rate itself).
    assert rows["offer"][0] == rows[WAITING][0] > rows["rejected"][0]


def test_day_bars_show_the_mean_and_the_gaps() -> None:
    text = plain(day_bars(daily_scores([attempt(TODAY, 90)], TODAY, days=2)))
    assert "no practice" in text
    assert "mean 90 · best 90 · 1 attempt" in text
    assert "Fri 20 Nov" in text


@given(
    st.dictionaries(
        st.sampled_from(["offer", "rejected", WAITING]),
        # At most nine, so a cell's digit never saturates and every interview is countable.
        st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=9),
        min_size=1,
    )
)
def test_every_interview_is_a_mark_on_its_outcome_row(rows: dict[str, list[int]]) -> None:
    width = max(len(name) for name in rows)
    lines = plain(outcome_strips(rows, 44, 70)).splitlines()
    for outcome, scores in rows.items():
        line = next(line for line in lines if line.startswith(f"{outcome:<{width}} "))
        axis = line[width + 1 : width + 1 + AXIS]
        marks = sum(1 if c == "●" else int(c) if c.isdigit() else 0 for c in axis)
        assert marks == len(scores)


def test_days_without_practice_in_a_row_share_a_line() -> None:
    # Fourteen lines, most of them "no practice", pushed the last days (the ones that matter
    # the evening before) below the fold of a 120x36 screen.
    text = plain(day_bars(daily_scores([attempt(TODAY, 90)], TODAY, days=14)))
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 2
    assert "07-19 Nov" in lines[0] and "no practice for 13 days" in lines[0]
    assert "Fri 20 Nov" in lines[1]
    idle = plain(day_bars(daily_scores([], date(2026, 11, 5), days=14)))
    assert "23 Oct-05 Nov" in idle and "no practice for 14 days" in idle
