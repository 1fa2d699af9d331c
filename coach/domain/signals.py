"""The names of the interview signals and their allowed values: shared by the rater, the Rate
form and the rubric loader, and cheap to import (no patterns, no rubric)."""

from __future__ import annotations

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
DATE_KEYS = ("interview_date",)
"""Optional: the interview's ISO date, to count business days exactly."""
SIGNAL_KEYS = (*NUMBER_KEYS, *YES_NO_KEYS, *CHOICE_KEYS, *DATE_KEYS)
