"""The follow-up, read for what it says: an answer by its content, a reply whose content was not
recorded by its timing, and silence by how long it has lasted past the promised date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from coach.domain import limits
from coach.domain.rubric import Level, Rubric, SignalRule

FollowUp = Literal["replied", "awaiting", "overdue", "not observed"]

SETTLED_WELL = frozenset({"offer", "next round"})
"""Answers that settle the question: the read is at least "went well"."""
FINAL_NO = frozenset({"rejected", "no reply"})
"""Answers that leave the read at most "mixed" and make any promise of a next step moot."""


@dataclass(frozen=True)
class FollowUpRead:
    """Where the follow-up stands, and the level it reached (None while there is nothing)."""

    state: FollowUp
    overdue: bool
    """No reply, past the promised date plus grace (or a week when none was given)."""
    level: Level | None
    detail: str
    promises_void: bool
    """True when a promise of a timeline or a follow-up is no longer good news: it was broken
    (overdue), or the answer was a rejection or no reply at all."""
    full_silence: bool
    """Silence has said all it can (``Silence.full_after_days`` past the promised date)."""
    silence_share: float = 0.0
    """How far silence has gone, from 0 (not overdue) to 1 (all it can say)."""


def add_business_days(start: date, days: int) -> date:
    """``start`` plus ``days`` working days (Monday to Friday); never past
    ``limits.LATEST_DAY``, so a date at the end of the calendar cannot overflow."""
    current = limits.clamp_day(start)
    while days > 0 and current < limits.LATEST_DAY:
        current = limits.add_days(current, 1)
        if current.weekday() < 5:
            days -= 1
    return current


def reply_deadline(observed: Mapping[str, object], rubric: Rubric) -> int:
    """Days after the interview from which silence counts as overdue.

    The promised date plus the rubric's grace in business days; without a promised date, the
    rubric's default (a week). Without the interview's date, each business day of grace may be
    a weekend away, so two calendar days are added to stay fair.
    """
    silence = rubric.silence
    timeline = observed.get("timeline_days")
    if not (observed.get("gave_timeline") is True and isinstance(timeline, int)):
        return silence.days_without_timeline
    start = limits.day(observed.get("interview_date"))
    if start is None:
        # Without the date, every five working days of grace may span a weekend.
        grace = silence.grace_business_days
        return timeline + grace + 2 * -(-grace // 5)
    promised = limits.add_days(start, timeline)
    return (add_business_days(promised, silence.grace_business_days) - start).days


def promised_day(observed: Mapping[str, object], rubric: Rubric) -> int:
    """The day after the interview they said they would answer by; a week on when they gave
    no date (the rubric's ``days_without_timeline``)."""
    timeline = observed.get("timeline_days")
    if observed.get("gave_timeline") is True and isinstance(timeline, int):
        return timeline
    return rubric.silence.days_without_timeline


def _plural(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"


def read_follow_up(obs: Mapping[str, object], rule: SignalRule, rubric: Rubric) -> FollowUpRead:
    """Read the follow-up from the observed signals (already checked)."""
    outcome = obs.get("outcome")
    replied, since = obs.get("days_to_reply"), obs.get("days_since_interview")
    if isinstance(outcome, str):
        state: FollowUp = "overdue" if outcome == "no reply" else "replied"
        detail = outcome if not isinstance(replied, int) else f"{outcome}, {_plural(replied)} on"
        return FollowUpRead(
            state,
            outcome == "no reply",
            rule.levels[outcome],
            detail,
            promises_void=outcome in FINAL_NO,
            full_silence=False,
        )
    deadline = reply_deadline(obs, rubric)
    if isinstance(replied, int):
        # What the reply said was not recorded: it counts by its timing alone.
        timing = (
            "prompt_reply"
            if replied <= rubric.silence.prompt_reply_days
            else "reply"
            if replied <= deadline
            else "late_reply"
        )
        return FollowUpRead(
            "replied", False, rule.levels[timing], f"replied after {_plural(replied)}", False, False
        )
    if not isinstance(since, int):
        return FollowUpRead("not observed", False, None, "", False, False)
    if since <= deadline:
        return FollowUpRead("awaiting", False, None, "", False, False)
    silence = rubric.silence
    # Silence grows from the first day it is overdue (the promised date plus grace) to all it
    # can say, ``full_after_days`` after the promised date itself.
    promised = promised_day(obs, rubric)
    span = max(1, promised + silence.full_after_days - deadline)
    base = rule.levels["overdue"]
    share = min(1.0, (since - deadline) / span)
    level = Level(silence.evidence(share), base.green, base.red)
    detail = f"no reply, {_plural(since)} on (due by day {deadline})"
    full = since - promised >= silence.full_after_days
    return FollowUpRead("overdue", True, level, detail, True, full, 1.0 if full else share)
