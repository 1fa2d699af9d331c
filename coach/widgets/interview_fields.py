"""The interview form's wording and order: labels, sections and placeholders, kept apart from
its behaviour (``coach.widgets.interview_form``)."""

from __future__ import annotations

LABELS = {
    "company": "Company",
    "role": "Role",
    "stage": "Stage",
    "date": "Date",
    "time": "Time",
    "scheduled_min": "Scheduled minutes",
    "actual_min": "Actual minutes",
    "questions_asked": "Questions they asked",
    "follow_up_questions": "Follow-ups that dug deeper",
    "asked_strengths": "Asked about your strengths",
    "asked_weaknesses": "Asked about your weaknesses",
    "asked_experience": "Asked about your experience",
    "eye_contact": "Eye contact",
    "smiles": "Smiles",
    "engagement": "Engagement",
    "tone": "Tone",
    "enthusiasm_about_fit": "Enthusiastic about your fit",
    "said_will_follow_up": "Said they'd follow up",
    "gave_timeline": "Gave a timeline",
    "timeline_date": "Timeline: answer by",
    "vague_next_steps": "Vague about next steps",
    "closing_answer": "Their answer to your closing question",
    "reply_date": "Reply received on",
    "outcome": "Outcome",
    "notes": "Notes",
    "people": "Interviewers",
}
SECTIONS = (
    ("The interview", ("company", "role", "stage", "date", "time")),
    (
        "Duration and questions",
        (
            "scheduled_min",
            "actual_min",
            "questions_asked",
            "follow_up_questions",
            "asked_strengths",
            "asked_weaknesses",
            "asked_experience",
        ),
    ),
    ("Body language and tone", ("eye_contact", "smiles", "engagement", "tone")),
    (
        "How they closed",
        (
            "enthusiasm_about_fit",
            "said_will_follow_up",
            "gave_timeline",
            "timeline_date",
            "vague_next_steps",
            "closing_answer",
        ),
    ),
    ("Afterwards", ("reply_date", "outcome")),
    ("Notes and people", ("notes", "people")),
)
PLACEHOLDERS = {
    "date": "YYYY-MM-DD",
    "time": "HH:MM (optional)",
    "timeline_date": "YYYY-MM-DD, if they said",
    "reply_date": "empty while none",
    "scheduled_min": "1-600",
    "actual_min": "1-600",
    "questions_asked": "0-200",
    "follow_up_questions": "0-200",
    "closing_answer": "What they said when you asked how you measure up…",
    "notes": "What was discussed, what to follow up on (Enter: a new line)",
    "people": "One a line: Name, title",
}
TEXT_AREAS = ("closing_answer", "notes", "people")
"""The fields of several lines (Enter makes a new line there; ctrl+s still saves)."""
