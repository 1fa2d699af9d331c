"""Saved interviews as the rater sees them: the silence clock, outcomes and calibration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coach.domain import limits
from coach.domain.models import Interview
from coach.domain.rating import BANDS, Rating, rate_interview
from coach.domain.rubric import Rubric
from coach.domain.signals import OUTCOME_KEY, OUTCOMES, signal_problem

__all__ = ["OUTCOMES", "calibration", "rate_saved", "signals_for"]
"""What can happen after an interview; the first two count as positive."""
POSITIVE_OUTCOMES = frozenset({"offer", "next round"})
ANSWERED_OUTCOMES = frozenset({"offer", "next round", "rejected"})
"""Outcomes that mean they did reply."""
CALIBRATION_MINIMUM = 3
"""Outcomes needed before calibration means anything."""


def _day(iso: str) -> date | None:
    """The day of a stored date or date-time; None if missing or out of coach's range."""
    return limits.day(iso[:10])


MAX_DAYS = 3650
"""The rater reads day counts up to ten years; an older date is read as ten years."""


def _days(later: date, earlier: date) -> int:
    return min(MAX_DAYS, max(0, (later - earlier).days))


DERIVED_KEYS = frozenset(
    {OUTCOME_KEY, "days_to_reply", "days_since_interview", "timeline_days", "interview_date"}
)
"""Signals the rater reads from an interview's dates and outcome, not from what was stored."""


def signals_for(interview: Interview, today: date) -> dict[str, object]:
    """The interview's observed signals plus what its dates say (the silence clock).

    A signal the rater would refuse is left out, as not observed: the interview may come from
    a file edited by hand, and a saved interview is always rated (never a SignalError).
    """
    signals: dict[str, object] = {
        key: value
        for key, value in interview.signals.items()
        # What the dates and the outcome say comes from the interview's own fields, never
        # from a stored signal (a hand-edited "days_to_reply": 0 would read "replied" forever).
        if key not in DERIVED_KEYS and signal_problem(key, value) is None
    }
    if interview.outcome in OUTCOMES:
        signals[OUTCOME_KEY] = interview.outcome
    held = _day(interview.held_at)
    if held is None:
        return signals
    signals["interview_date"] = held.isoformat()
    promised = _day(interview.timeline_date)
    if promised is not None and signals.get("gave_timeline") is True:
        signals["timeline_days"] = _days(promised, held)
    replied = _day(interview.reply_date)
    if replied is None and interview.outcome in ANSWERED_OUTCOMES:
        # They answered (an offer, a next round, a rejection) even if no date was noted:
        # the silence clock has stopped.
        return signals
    signals["days_since_interview"] = _days(today, held)
    if replied is not None:
        signals["days_to_reply"] = _days(replied, held)
    return signals


def rate_saved(interview: Interview, today: date, rubric: Rubric) -> Rating:
    """Rate a saved interview as of ``today``."""
    return rate_interview(signals_for(interview, today), rubric)


FOLLOW_UP_KEYS = frozenset({OUTCOME_KEY, "days_to_reply", "days_since_interview"})
"""What came after the interview: left out of the read that calibration judges."""


def read_before_reply(interview: Interview, rubric: Rubric) -> Rating:
    """The read of the interview itself, before any reply or silence: what calibration checks
    against the outcome (with the outcome in it, an offer would predict itself). It is the
    Rate screen's read on the day of the interview, a promised date included."""
    held = _day(interview.held_at)
    signals = signals_for(interview, held or limits.EARLIEST_DAY)
    return rate_interview(
        {key: value for key, value in signals.items() if key not in FOLLOW_UP_KEYS}, rubric
    )


@dataclass(frozen=True)
class BandRecord:
    """How often one band led to a positive outcome."""

    band: str
    interviews: int
    positive: int

    @property
    def rate(self) -> float | None:
        """The share that went on to an offer or a next round; None with no interviews."""
        return self.positive / self.interviews if self.interviews else None


@dataclass(frozen=True)
class Calibration:
    """Is my read reliable? Each band's record, and the Brier score of the predicted chance."""

    outcomes: int
    """Interviews with a recorded outcome."""
    bands: tuple[BandRecord, ...]
    brier: float
    """Mean squared gap between the predicted chance and what happened: 0 is perfect, 0.25 is
    what always guessing 50% scores."""


def calibration(interviews: Iterable[Interview], rubric: Rubric) -> Calibration | None:
    """Calibration over the interviews with an outcome and a read (``read_before_reply``);
    None until there are three.

    One pass that keeps only counts and a sum: each rating is dropped once counted, so a long
    history (10,000 interviews) never holds thousands of ratings at once.
    """
    judged = 0
    counted = dict.fromkeys(BANDS, 0)
    positive = dict.fromkeys(BANDS, 0)
    squared_gaps = 0.0
    for interview in interviews:
        if not interview.outcome:
            continue
        rating = read_before_reply(interview, rubric)
        if rating.chance is None:
            continue
        happened = interview.outcome in POSITIVE_OUTCOMES
        judged += 1
        counted[rating.band] += 1
        positive[rating.band] += int(happened)
        squared_gaps += (rating.chance - (1.0 if happened else 0.0)) ** 2
    if judged < CALIBRATION_MINIMUM:
        return None
    bands = tuple(BandRecord(band, counted[band], positive[band]) for band in BANDS)
    return Calibration(judged, bands, round(squared_gaps / judged, 3))
