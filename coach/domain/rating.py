"""Rating an interview from the signals the candidate observed (see the seed article on how to
tell whether an interview went well).

The rubric (weights, thresholds, wording) lives in ``data/rubric.json``; this module holds the
arithmetic. Each observed signal adds ``scale * weight * value`` points to a neutral 50, where
``value`` runs from -1 (a bad sign) to +1 (a good sign). A signal that was not observed adds
nothing: it lowers the confidence, never the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from coach.domain import limits
from coach.domain.signals import (
    CHOICE_KEYS,
    NUMBER_KEYS,
    SIGNAL_KEYS,
    YES_NO_KEYS,
    signal_problem,
)

__all__ = ["CHOICE_KEYS", "NUMBER_KEYS", "SIGNAL_KEYS", "YES_NO_KEYS", "rate_interview"]

Band = Literal["went well", "mixed", "went poorly"]
FollowUp = Literal["replied", "awaiting", "overdue", "not observed"]

PROMISES = {
    "gave_timeline": "They gave a timeline, and it has passed without a word.",
    "said_will_follow_up": "They said they would follow up, and have not.",
}
"""Good signs that turn neutral once the reply is overdue: a broken promise."""


class SignalError(ValueError):
    """A signal's key or value is not allowed; the message names it and what is allowed."""


@dataclass(frozen=True)
class Level:
    """What one observed value means."""

    value: float
    """-1 (a bad sign) to +1 (a good sign)."""
    green: str = ""
    """A green flag to show, in plain words, if any."""
    red: str = ""
    """A red flag to show, in plain words, if any."""


@dataclass(frozen=True)
class Advice:
    """What to practise next, and the Rehearse card category that practises it."""

    text: str
    category: str


@dataclass(frozen=True)
class SignalRule:
    """How one signal is read."""

    key: str
    """"duration", "follow_up" or a signal key."""
    label: str
    weight: float
    steps: tuple[tuple[float, Level], ...] = ()
    """For ratios and counts: (at least, level), highest first."""
    levels: Mapping[str, Level] = field(default_factory=dict)
    """For yes/no ("yes", "no"), choices, and follow-up states."""
    advice: Advice | None = None
    """Shown when the signal counts against the interview."""
    long_overdue_days: int = 7


@dataclass(frozen=True)
class Rubric:
    """The whole rubric; see ``data/rubric.json``."""

    scale: float
    well_at: float
    poorly_below: float
    grace_business_days: int
    days_without_timeline: int
    prompt_reply_days: int
    rules: tuple[SignalRule, ...]

    @property
    def total_weight(self) -> float:
        return sum(rule.weight for rule in self.rules)


@dataclass(frozen=True)
class Contribution:
    """One signal's part in the score."""

    key: str
    label: str
    points: float
    """Points added to (or taken from) the neutral 50."""
    observed: bool
    """False when the signal was not observed (points are then 0)."""
    detail: str = ""
    """What was observed, e.g. "80 of 45 min"."""
    max_points: float = 0.0
    """The most this signal can add (its weight times the scale)."""


@dataclass(frozen=True)
class Rating:
    """An explainable read of an interview."""

    score: int
    """0-100; 50 is neutral."""
    band: Band
    confidence: float
    """0-1: the share of the rubric's weight that was observed."""
    contributions: tuple[Contribution, ...]
    green_flags: tuple[str, ...]
    red_flags: tuple[str, ...]
    advice: tuple[Advice, ...]
    """What to practise next, linked to Rehearse card categories."""
    follow_up: FollowUp
    """Where the silence clock stands."""
    overdue: bool
    """No reply, past the timeline plus grace (or a week when none was given)."""
    chance: float
    """The predicted chance of a positive outcome (offer or next round): score / 100."""


def _check(signals: Mapping[str, object]) -> dict[str, object]:
    """Validate keys and values (``signal_problem``); return only the observed ones."""
    observed: dict[str, object] = {}
    for key, value in signals.items():
        problem = signal_problem(key, value)
        if problem is not None:
            raise SignalError(problem)
        if value is not None:
            observed[key] = value
    return observed


def _step(steps: tuple[tuple[float, Level], ...], amount: float) -> Level:
    for at_least, level in steps:
        if amount >= at_least:
            return level
    return steps[-1][1]


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
    timeline = observed.get("timeline_days")
    if not (observed.get("gave_timeline") is True and isinstance(timeline, int)):
        return rubric.days_without_timeline
    # Checked by _check (or by the reader): None when not given.
    start = limits.day(observed.get("interview_date"))
    if start is None:
        return timeline + rubric.grace_business_days + 2
    promised = limits.add_days(start, timeline)
    return (add_business_days(promised, rubric.grace_business_days) - start).days


def _read(rule: SignalRule, obs: Mapping[str, object], rubric: Rubric) -> tuple[Level | None, str]:
    """The level a signal reached, and what was observed; (None, "") if not observed."""
    key = rule.key
    if key == "duration":
        scheduled, actual = obs.get("scheduled_min"), obs.get("actual_min")
        if not (isinstance(scheduled, int) and isinstance(actual, int)):
            return None, ""
        return _step(rule.steps, actual / scheduled), f"{actual} of {scheduled} min"
    if key == "follow_up":
        return _follow_up(rule, obs, rubric)
    value = obs.get(key)
    if value is None:
        return None, ""
    if rule.steps:
        return _step(rule.steps, float(value)), str(value)  # type: ignore[arg-type]
    if isinstance(value, bool):
        return rule.levels["yes" if value else "no"], "yes" if value else "no"
    return rule.levels[str(value)], str(value)


def _follow_up(
    rule: SignalRule, obs: Mapping[str, object], rubric: Rubric
) -> tuple[Level | None, str]:
    deadline = reply_deadline(obs, rubric)
    replied, since = obs.get("days_to_reply"), obs.get("days_since_interview")
    if isinstance(replied, int):
        state = (
            "prompt_reply"
            if replied <= rubric.prompt_reply_days
            else "reply"
            if replied <= deadline
            else "late_reply"
        )
        return rule.levels[state], f"replied after {replied} day{'s' if replied != 1 else ''}"
    if isinstance(since, int) and since > deadline:
        late = since - deadline
        state = "long_overdue" if late >= rule.long_overdue_days else "overdue"
        return rule.levels[state], f"no reply, {since} days on (due by day {deadline})"
    return None, ""


def _follow_up_state(obs: Mapping[str, object], rubric: Rubric) -> tuple[FollowUp, bool]:
    if isinstance(obs.get("days_to_reply"), int):
        return "replied", False
    since = obs.get("days_since_interview")
    if not isinstance(since, int):
        return "not observed", False
    if since > reply_deadline(obs, rubric):
        return "overdue", True
    return "awaiting", False


def rate_interview(signals: Mapping[str, object], rubric: Rubric | None = None) -> Rating:
    """Rate an interview from what was observed.

    Args:
        signals: Signal name -> value; a missing key or None means not observed. Keys:
            scheduled_min, actual_min, questions_asked, follow_up_questions, asked_strengths,
            asked_weaknesses, asked_experience, eye_contact ("good" | "mixed" | "poor"), smiles
            ("often" | "some" | "rarely"), engagement ("engaged" | "neutral" | "distracted"),
            tone ("positive" | "neutral" | "negative"), enthusiasm_about_fit,
            said_will_follow_up, gave_timeline, vague_next_steps, days_to_reply (None while
            there is no reply), days_since_interview; optionally timeline_days (days from the
            interview to the date they promised) and interview_date (ISO).
        rubric: The rubric; defaults to ``data/rubric.json``.

    Returns:
        The score, band, confidence, per-signal contributions, flags and advice.

    Raises:
        SignalError: An unknown key, or a value of the wrong type or out of range.
    """
    if rubric is None:
        from coach.content import load_rubric

        rubric = load_rubric()
    observed = _check(signals)
    follow_up, overdue = _follow_up_state(observed, rubric)
    contributions = []
    green: list[str] = []
    red: list[str] = []
    advice: list[Advice] = []
    seen_weight = 0.0
    for rule in rubric.rules:
        level, detail = _read(rule, observed, rubric)
        worth = rubric.scale * rule.weight
        if level is None:
            contributions.append(Contribution(rule.key, rule.label, 0.0, False, "", worth))
            continue
        seen_weight += rule.weight
        if overdue and rule.key in PROMISES and level.value > 0:
            # A promise of a timeline or a follow-up that was not kept is no longer good news.
            level, detail = Level(0.0, red=PROMISES[rule.key]), f"{detail}, not kept"
        contributions.append(
            Contribution(rule.key, rule.label, worth * level.value, True, detail, worth)
        )
        if level.green:
            green.append(level.green)
        if level.red:
            red.append(level.red)
        if level.value < 0 and rule.advice and rule.advice not in advice:
            advice.append(rule.advice)
    raw = 50 + sum(c.points for c in contributions)
    score = max(0, min(100, round(raw)))
    band: Band = (
        "went well"
        if score >= rubric.well_at
        else "went poorly"
        if score < rubric.poorly_below
        else "mixed"
    )
    return Rating(
        score=score,
        band=band,
        confidence=round(seen_weight / rubric.total_weight, 3),
        contributions=tuple(contributions),
        green_flags=tuple(green),
        red_flags=tuple(red),
        advice=tuple(advice),
        follow_up=follow_up,
        overdue=overdue,
        chance=score / 100,
    )
