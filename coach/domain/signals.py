"""The names of the interview signals and their allowed values: shared by the rater, the Rate
form and the rubric loader, and cheap to import (no patterns, no rubric)."""

from __future__ import annotations

from coach.domain import limits

NUMBER_KEYS = {
    "scheduled_min": (1, 600),
    "actual_min": (1, 600),
    "questions_asked": (0, 200),
    "follow_up_questions": (0, 200),
    "days_to_reply": (0, 3650),
    "days_since_interview": (0, 3650),
    "timeline_days": (0, 3650),
}
"""Whole-number signals and their allowed range."""
YES_NO_KEYS = (
    "asked_strengths",
    "asked_weaknesses",
    "asked_experience",
    "enthusiasm_about_fit",
    "said_will_follow_up",
    "gave_timeline",
    "vague_next_steps",
)
CHOICE_KEYS = {
    "eye_contact": ("good", "mixed", "poor"),
    "smiles": ("often", "some", "rarely"),
    "engagement": ("engaged", "neutral", "distracted"),
    "tone": ("positive", "neutral", "negative"),
}
OUTCOME_KEY = "outcome"
OUTCOMES = ("offer", "next round", "rejected", "no reply")
"""What they answered, if known: it is read with the follow-up (an offer settles the question;
a rejection or "no reply" is the worst the follow-up can be)."""
DATE_KEYS = ("interview_date",)
"""Optional: the interview's ISO date, to count business days exactly."""
SIGNAL_KEYS = (*NUMBER_KEYS, *YES_NO_KEYS, *CHOICE_KEYS, OUTCOME_KEY, *DATE_KEYS)


def signal_problem(key: object, value: object) -> str | None:
    """What is wrong with one observed signal, in a sentence; None if it is allowed.

    The one check of a signal, shared by the rater (``coach rate --signals``, ``coach
    import``) and the forgiving reader of saved interviews, which drops a signal this refuses.
    None (not observed) is allowed for every known key. A bad value or key is echoed short.
    """
    if key not in SIGNAL_KEYS:
        return f"unknown signal {limits.echo(key)}; known signals: {', '.join(SIGNAL_KEYS)}"
    if value is None:
        return None
    if key in NUMBER_KEYS:
        low, high = NUMBER_KEYS[key]
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{key} must be a whole number from {low} to {high}, not {limits.echo(value)}"
        if limits.whole(value, low, high) is None:
            return f"{key} must be from {low} to {high}, not {limits.echo(value)}"
    elif key in YES_NO_KEYS:
        if not isinstance(value, bool):
            return f"{key} must be true, false or null, not {limits.echo(value)}"
    elif key in CHOICE_KEYS:
        if not isinstance(value, str) or value not in CHOICE_KEYS[key]:
            allowed = ", ".join(repr(c) for c in CHOICE_KEYS[key])
            return f"{key} must be one of {allowed} or null, not {limits.echo(value)}"
    elif key == OUTCOME_KEY:
        if not isinstance(value, str) or value not in OUTCOMES:
            allowed = ", ".join(repr(c) for c in OUTCOMES)
            return f"{key} must be one of {allowed} or null, not {limits.echo(value)}"
    elif limits.day(value) is None:  # DATE_KEYS
        shown = limits.echo(value)
        return f"{key} must be a date {limits.DATE_RANGE}, like 2026-11-20, not {shown}"
    return None
