"""The pure core of coach: values and judgements, with no Textual and no TinyDB.

Everything here can be imported from a script or a test without a terminal or a database;
``tests/unit/test_architecture.py`` fails if that ever stops being true.

The public scripting API::

    from coach.domain import assess_closing_question, assess_pitch
    assess_closing_question("How does my background compare with the other candidates?").score
    assess_pitch(response, "We need more Kubernetes experience", ["Docker: shipped 40 services"])
"""

# Not typing.TYPE_CHECKING: ``import coach`` imports this package (to register the default
# content, see ``coach.domain.packaged``), and importing typing is itself some milliseconds.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from coach.domain.assessment import Assessment, Check, Span
    from coach.domain.cards import FeedbackCard
    from coach.domain.closing import assess_closing_question
    from coach.domain.models import Attempt, Interview, Profile, Strength
    from coach.domain.pitch import assess_pitch
    from coach.domain.rating import Rating, rate_interview

_LAZY = {
    "Assessment": "coach.domain.assessment",
    "Check": "coach.domain.assessment",
    "Span": "coach.domain.assessment",
    "FeedbackCard": "coach.domain.cards",
    "Attempt": "coach.domain.models",
    "Interview": "coach.domain.models",
    "Profile": "coach.domain.models",
    "Strength": "coach.domain.models",
    "assess_closing_question": "coach.domain.closing",
    "assess_pitch": "coach.domain.pitch",
    "rate_interview": "coach.domain.rating",
    "Rating": "coach.domain.rating",
}
"""Every name is imported on first use. Importing any ``coach.domain.x`` module runs this file
first, so it must cost nothing: the app's first frame needs one small module of the domain
(the question variants), not the dataclasses, patterns and rubric of all of them."""


def __getattr__(name: str) -> "Any":
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
