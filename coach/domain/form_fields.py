"""The Rate form's fields and their allowed values, apart from the parser
(``coach.domain.interview_form``): the form's widgets need only these, and this module is cheap
to import (no dataclasses), so the Rate screen's first frame does not load the domain's models.
"""

from __future__ import annotations

from coach.domain.signals import CHOICE_KEYS, YES_NO_KEYS

STAGES = ("phone", "technical", "onsite", "panel", "final", "other")
OUTCOME_CHOICES = ("offer", "next round", "rejected", "no reply")
TEXT_FIELDS = ("company", "role", "closing_answer", "notes", "people")
DATE_FIELDS = ("date", "timeline_date", "reply_date")
WHOLE_NUMBER_FIELDS = {
    "scheduled_min": (1, 600, "Scheduled minutes"),
    "actual_min": (1, 600, "Actual minutes"),
    "questions_asked": (0, 200, "Questions"),
    "follow_up_questions": (0, 200, "Follow-up questions"),
}
"""Field -> (lowest, highest, name in messages)."""
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "stage": STAGES,
    **{key: ("yes", "no") for key in YES_NO_KEYS},
    **CHOICE_KEYS,
    "outcome": OUTCOME_CHOICES,
}
"""Fields picked from a list; "" means not observed (or not known yet)."""
FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, "time", *WHOLE_NUMBER_FIELDS, *CHOICE_FIELDS)
