"""The pure core of coach: values and judgements, with no Textual and no TinyDB.

Everything here can be imported from a script or a test without a terminal or a database;
``tests/unit/test_architecture.py`` fails if that ever stops being true.

The public scripting API::

    from coach.domain import assess_closing_question, assess_pitch
    assess_closing_question("How does my background compare with the other candidates?").score
    assess_pitch(response, "We need more Kubernetes experience", ["Docker: shipped 40 services"])
"""

from typing import TYPE_CHECKING, Any

from coach.domain.assessment import Assessment, Check, Span
from coach.domain.cards import FeedbackCard
from coach.domain.models import Attempt, Interview, Profile, Strength

if TYPE_CHECKING:
    from coach.domain.closing import assess_closing_question
    from coach.domain.pitch import assess_pitch
    from coach.domain.rating import Rating, rate_interview

_LAZY = {
    "assess_closing_question": "coach.domain.closing",
    "assess_pitch": "coach.domain.pitch",
    "rate_interview": "coach.domain.rating",
    "Rating": "coach.domain.rating",
}
"""Imported on first use: the assessors compile their phrase patterns when loaded, and the
app's first frame should not wait for that."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'coach.domain' has no attribute {name!r}")


__all__ = [
    "Assessment",
    "Attempt",
    "Check",
    "FeedbackCard",
    "Interview",
    "Profile",
    "Rating",
    "Span",
    "Strength",
    "assess_closing_question",
    "assess_pitch",
    "rate_interview",
]
