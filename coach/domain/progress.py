"""Progress at a glance: rehearsal scores day by day, and interview ratings beside what
happened next. Pure functions over saved values; the Progress screen draws them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coach.domain.interviews import OUTCOMES, read_before_reply
from coach.domain.models import Attempt, Exchange, Interview
from coach.domain.rating import SignalError
from coach.domain.rubric import Rubric

WAITING = "waiting"
"""The row for interviews with no outcome recorded yet."""


@dataclass(frozen=True)
class Day:
    """One day's rehearsal."""

    day: date
    attempts: int
    mean: float | None
    """The mean score of the day's attempts; None on a day without any."""
    best: int | None


def _day_of(iso: str) -> date | None:
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None


def daily_scores(attempts: Iterable[Attempt], today: date, days: int = 14) -> list[Day]:
    """The last ``days`` days up to ``today``, oldest first, including days without practice
    (a gap is part of the story: "repetition is the key")."""
    start = today - timedelta(days=days - 1)
    by_day: dict[date, list[int]] = {}
    for attempt in attempts:
        day = _day_of(attempt.created_at)
        if day is not None and start <= day <= today:
            by_day.setdefault(day, []).append(attempt.score)
    result = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        scores = by_day.get(day, [])
        result.append(
            Day(
                day,
                len(scores),
                sum(scores) / len(scores) if scores else None,
                max(scores) if scores else None,
            )
        )
    return result


@dataclass(frozen=True)
class ExchangeDay:
    """One day's mock exchanges."""

    exchanges: int
    mean: float | None
    """The mean of the exchanges' own scores (each the mean of its scored turns); None when
    none was scored (said aloud without a gist)."""


def exchange_score(exchange: Exchange) -> float | None:
    """An exchange's score: the mean of its scored turns; None if none was scored."""
    scores = [turn.score for turn in exchange.turns if turn.score is not None]
    return sum(scores) / len(scores) if scores else None


def daily_exchanges(
    exchanges: Iterable[Exchange], today: date, days: int = 14
) -> dict[date, ExchangeDay]:
    """The mock exchanges of the last ``days`` days up to ``today``, by day (days without
    any are left out): how many, and their average score."""
    start = today - timedelta(days=days - 1)
    by_day: dict[date, list[float | None]] = {}
    for exchange in exchanges:
        day = _day_of(exchange.started_at)
        if day is not None and start <= day <= today:
            by_day.setdefault(day, []).append(exchange_score(exchange))
    result = {}
    for day, scores in sorted(by_day.items()):
        scored = [score for score in scores if score is not None]
        result[day] = ExchangeDay(len(scores), sum(scored) / len(scored) if scored else None)
    return result


def score_trend(attempts: Sequence[Attempt], last: int = 60) -> list[int]:
    """The scores of the last ``last`` attempts in the order they were saved."""
    from coach.domain.drill import saved_at

    ordered = sorted(attempts, key=saved_at)
    return [a.score for a in ordered[-last:]]


def ratings_by_outcome(interviews: Iterable[Interview], rubric: Rubric) -> dict[str, list[int]]:
    """Each outcome (then ``WAITING``) with the ratings of its interviews, lowest first: does a
    high rating go with offers? The rating is the read before any reply
    (``read_before_reply``): with the outcome in it, an offer would rate itself. Outcomes
    nobody has yet, and interviews with nothing to rate, are left out."""
    rows: dict[str, list[int]] = {}
    for interview in interviews:
        try:
            score = read_before_reply(interview, rubric).score
        except SignalError:
            continue  # saved by hand or by another version: a chart never fails on one
        if score is None:
            continue
        outcome = interview.outcome if interview.outcome in OUTCOMES else WAITING
        rows.setdefault(outcome, []).append(score)
    order = [*OUTCOMES, WAITING]
    return {outcome: sorted(rows[outcome]) for outcome in order if outcome in rows}
