"""Saved interviews as the rater sees them: the silence clock, outcomes and calibration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coach.domain import limits
from coach.domain.models import Interview
from coach.domain.rating import Rating, Rubric, rate_interview
from coach.domain.signals import signal_problem

OUTCOMES = ("offer", "next round", "rejected", "no reply")
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


def signals_for(interview: Interview, today: date) -> dict[str, object]:
    """The interview's observed signals plus what its dates say (the silence clock).

    A signal the rater would refuse is left out, as not observed: the interview may come from
    a file edited by hand, and a saved interview is always rated (never a SignalError).
    """
    signals: dict[str, object] = {
        key: value for key, value in interview.signals.items() if signal_problem(key, value) is None
    }
    held = _day(interview.held_at)
    if held is None:
        return signals
    signals["interview_date"] = held.isoformat()
    replied = _day(interview.reply_date)
    if replied is None and interview.outcome in ANSWERED_OUTCOMES:
        # They answered (an offer, a next round, a rejection) even if no date was noted:
        # the silence clock has stopped.
        return signals
    signals["days_since_interview"] = _days(today, held)
    promised = _day(interview.timeline_date)
    if promised is not None and signals.get("gave_timeline") is True:
        signals["timeline_days"] = _days(promised, held)
    if replied is not None:
        signals["days_to_reply"] = _days(replied, held)
    return signals


def rate_saved(interview: Interview, today: date, rubric: Rubric | None = None) -> Rating:
    """Rate a saved interview as of ``today``."""
    return rate_interview(signals_for(interview, today), rubric)


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


def calibration(
    interviews: Iterable[Interview], today: date, rubric: Rubric | None = None
) -> Calibration | None:
    """Calibration over the interviews with an outcome; None until there are three."""
    judged = [(rate_saved(i, today, rubric), i.outcome) for i in interviews if i.outcome]
    if len(judged) < CALIBRATION_MINIMUM:
        return None
    bands = tuple(
        BandRecord(
            band,
            sum(1 for rating, _ in judged if rating.band == band),
            sum(
                1
                for rating, outcome in judged
                if rating.band == band and outcome in POSITIVE_OUTCOMES
            ),
        )
        for band in ("went well", "mixed", "went poorly")
    )
    brier = sum(
        (rating.chance - (1.0 if outcome in POSITIVE_OUTCOMES else 0.0)) ** 2
        for rating, outcome in judged
    ) / len(judged)
    return Calibration(len(judged), bands, round(brier, 3))
