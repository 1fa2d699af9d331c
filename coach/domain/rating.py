"""Rating an interview from the signals the candidate observed (see the seed article on how to
tell whether an interview went well).

Each observed signal is evidence for or against "it went well", in log-odds (see
``coach.domain.rubric``); the evidence adds up to how likely it is that the interview went
well, kept within the rubric's bounds because no read of an interview is certain: in percent,
that is the score. The chance of a positive outcome follows from it, within narrower bounds
(the other candidates count too). A signal
that was not observed adds nothing: it lowers the confidence, never the score. The follow-up is
read for what it says (``coach.domain.follow_up``): an offer or a next round settles the
question, a rejection or lasting silence leaves the read at most "mixed".

The rubric is handed in: ``coach.content.rubric.load_rubric`` reads ``data/rubric.json``, and
``coach.rate_interview`` (the scripting API) does that for you.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from coach.domain import evidence as combine
from coach.domain.follow_up import (
    SETTLED_WELL,
    FollowUp,
    FollowUpRead,
    add_business_days,
    read_follow_up,
    reply_deadline,
)
from coach.domain.rubric import Advice, Level, Rubric, SignalRule
from coach.domain.signals import signal_problem

__all__ = [
    "NOTHING_TO_RATE",
    "Contribution",
    "Rating",
    "SignalError",
    "add_business_days",
    "check_signals",
    "rate_interview",
    "reply_deadline",
]

Band = Literal["went well", "mixed", "went poorly", "nothing to rate"]
NOTHING_TO_RATE: Band = "nothing to rate"
BANDS: tuple[Band, ...] = ("went well", "mixed", "went poorly")
"""The bands a rated interview can read."""

PROMISES = {
    "gave_timeline": "They gave a timeline for a next step that did not come.",
    "said_will_follow_up": "They said they would follow up, and did not with a next step.",
}
"""Good signs that turn neutral once the reply is overdue or the answer was no: a promise of
a next step that did not come is no longer evidence of interest."""


class SignalError(ValueError):
    """A signal's key or value is not allowed; the message names it and what is allowed."""


@dataclass(frozen=True)
class Contribution:
    """One signal's part in the score."""

    key: str
    label: str
    points: float
    """Points added to (or taken from) the neutral 50; they add up to the score minus 50."""
    observed: bool
    """False when the signal was not observed (points are then 0)."""
    detail: str = ""
    """What was observed, e.g. "80 of 45 min"."""
    max_points: float = 0.0
    """The most this signal could move a neutral read on its own, in points."""
    evidence: float = 0.0
    """Its log-odds for "it went well" (0 when not observed)."""


@dataclass(frozen=True)
class Rating:
    """An explainable read of an interview."""

    score: int | None
    """How likely it went well, in percent (within the rubric's bounds, never 0 or 100); None
    when nothing was observed."""
    band: Band
    confidence: float
    """0-1: how much of the evidence a rubric knows of was observed (below 1: some evidence,
    such as the other candidates, no form can record)."""
    contributions: tuple[Contribution, ...]
    green_flags: tuple[str, ...]
    red_flags: tuple[str, ...]
    advice: tuple[Advice, ...]
    """What to practise next, linked to Rehearse card categories."""
    follow_up: FollowUp
    """Where the silence clock stands."""
    overdue: bool
    """No reply, past the timeline plus grace (or a week when none was given)."""
    chance: float | None
    """The predicted chance of a positive outcome (an offer or a next round), 0-1 within the
    rubric's bounds (never 0 or 1); None when nothing was observed."""
    notes: tuple[str, ...] = ()
    """Why the band was held where it is (an offer settles it; long silence caps it)."""
    log_odds: float = 0.0
    """All the evidence, before the read was squeezed into its bounds."""


def check_signals(signals: Mapping[str, object]) -> dict[str, object]:
    """Validate keys and values (``signal_problem``); return only the observed ones.

    Raises:
        SignalError: The first key or value that is not allowed, in a sentence.
    """
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


def _read(rule: SignalRule, obs: Mapping[str, object]) -> tuple[Level | None, str]:
    """The level a signal reached, and what was observed; (None, "") if not observed."""
    key = rule.key
    if key == "duration":
        scheduled, actual = obs.get("scheduled_min"), obs.get("actual_min")
        if not (isinstance(scheduled, int) and isinstance(actual, int)):
            return None, ""
        return _step(rule.steps, actual / scheduled), f"{actual} of {scheduled} min"
    value = obs.get(key)
    if value is None:
        return None, ""
    if rule.steps:
        return _step(rule.steps, float(value)), str(value)  # type: ignore[arg-type]
    if key == "gave_timeline" and value is True and isinstance(obs.get("timeline_days"), int):
        # A date you can write down is a concrete next step; "soon" or "in a week or two"
        # is a courtesy most candidates hear.
        days = obs["timeline_days"]
        return rule.levels["dated"], f"yes, {days} day{'s' if days != 1 else ''} on"
    if isinstance(value, bool):
        return rule.levels["yes" if value else "no"], "yes" if value else "no"
    return rule.levels[str(value)], str(value)


def _band(read: float, rubric: Rubric) -> Band:
    if read >= rubric.well_at:
        return "went well"
    return "went poorly" if read < rubric.poorly_below else "mixed"


def _held(
    read: float, reply: FollowUpRead, obs: Mapping[str, object], rubric: Rubric
) -> tuple[float, str]:
    """The read after what the follow-up settles, and the note that says why ("" if none)."""
    outcome = obs.get("outcome")
    if outcome in SETTLED_WELL and read < rubric.well_at:
        return rubric.well_at, f"They answered with {outcome}: that settles it, it went well."
    below_well = rubric.well_at - 0.01  # a whole point below the band's edge
    if outcome in ("rejected", "no reply"):
        said = "a rejection" if outcome == "rejected" else "no reply at all"
        note = f"The answer was {said}: however it felt, it reads at most mixed."
    elif reply.overdue:
        # Silence lowers the ceiling week by week, from the top of the scale on the first day
        # overdue to just below "went well" four weeks past the date: a strong interview loses
        # ground every week instead of sitting at the top and then falling off a cliff.
        ceiling = rubric.highest_read - (rubric.highest_read - below_well) * reply.silence_share
        if read <= ceiling and not reply.full_silence:
            return read, ""
        since = (
            "the date they gave"
            if obs.get("gave_timeline") is True and isinstance(obs.get("timeline_days"), int)
            else "a week after the interview (they gave no date)"
        )
        if reply.full_silence:
            weeks = rubric.silence.full_after_days // 7
            note = (
                f"{weeks} weeks or more of silence past {since}: it reads at most mixed, and "
                "went poorly unless the interview's signs were strong."
            )
        else:
            note = (
                f"Silence past {since}: until they reply, the read can be at most "
                f"{round(100 * ceiling)}, and that falls week by week."
            )
        return min(read, ceiling), note
    else:
        return read, ""
    return min(read, below_well), note


def rate_interview(signals: Mapping[str, object], rubric: Rubric) -> Rating:
    """Rate an interview from what was observed.

    Args:
        signals: Signal name -> value; a missing key or None means not observed. Keys:
            scheduled_min, actual_min, questions_asked, follow_up_questions, asked_strengths,
            asked_weaknesses, asked_experience, eye_contact ("good" | "mixed" | "poor"), smiles
            ("often" | "some" | "rarely"), engagement ("engaged" | "neutral" | "distracted"),
            tone ("positive" | "neutral" | "negative"), enthusiasm_about_fit,
            said_will_follow_up, gave_timeline, vague_next_steps, days_to_reply (None while
            there is no reply), days_since_interview, outcome ("offer" | "next round" |
            "rejected" | "no reply"); optionally timeline_days (days from the interview to the
            date they promised) and interview_date (ISO).
        rubric: The rubric (``coach.content.rubric.load_rubric()``).

    Returns:
        The score, band, confidence, per-signal contributions, flags and advice.

    Raises:
        SignalError: An unknown key, or a value of the wrong type or out of range.
    """
    observed = check_signals(signals)
    reply = read_follow_up(observed, rubric.rule("follow_up"), rubric)
    read: list[tuple[SignalRule, Level | None, str]] = []
    for rule in rubric.rules:
        level, detail = (
            (reply.level, reply.detail) if rule.key == "follow_up" else _read(rule, observed)
        )
        if reply.promises_void and rule.key in PROMISES and level and level.evidence > 0:
            level, detail = Level(0.0, red=PROMISES[rule.key]), f"{detail}, no next step"
        read.append((rule, level, detail))
    seen = [(rule, level, detail) for rule, level, detail in read if level is not None]
    low, high = rubric.lowest_read, rubric.highest_read
    log_odds = sum(level.evidence for _, level, _ in seen)
    squeezed = combine.bounded(combine.logistic(log_odds), low, high)
    held, note = _held(squeezed, reply, observed, rubric)
    points = dict(
        zip(
            (rule.key for rule, _, _ in seen),
            combine.share_points([level.evidence for _, level, _ in seen], low, high),
            strict=True,
        )
    )
    if held != squeezed:
        # What the follow-up settled beyond its evidence is the follow-up's part too, so the
        # points still add up to the score.
        points["follow_up"] = points.get("follow_up", 0.0) + 100 * (held - squeezed)
    contributions = tuple(
        Contribution(
            rule.key,
            rule.label,
            points.get(rule.key, 0.0),
            level is not None,
            detail,
            combine.points_alone(rule.strength),
            level.evidence if level else 0.0,
        )
        for rule, level, detail in read
    )
    seen_strength = sum(rule.strength for rule, _, _ in seen)
    confidence = round(seen_strength / (rubric.total_strength + rubric.unseen), 3)
    score = round(100 * held)
    # The band follows the score shown, so 70 never reads "mixed" beside a 70 threshold.
    band = _band(score / 100, rubric) if seen else NOTHING_TO_RATE
    advice: list[Advice] = []
    for rule, level, _ in seen:
        if level.evidence < 0 and rule.advice and rule.advice not in advice:
            advice.append(rule.advice)
    return Rating(
        score=score if seen else None,
        band=band,
        confidence=confidence,
        contributions=contributions,
        green_flags=tuple(level.green for _, level, _ in seen if level.green),
        red_flags=tuple(level.red for _, level, _ in seen if level.red),
        advice=tuple(advice),
        follow_up=reply.state,
        overdue=reply.overdue,
        chance=round(rubric.chance(held), 3) if seen else None,
        notes=(note,) if note else (),
        log_odds=round(log_odds, 3),
    )
