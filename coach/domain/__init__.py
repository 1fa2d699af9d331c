"""The pure core of coach: values and judgements, with no Textual and no TinyDB.

Everything here can be imported from a script or a test without a terminal or a database;
``tests/unit/test_architecture.py`` fails if that ever stops being true.

The public scripting API::

    from coach.domain import assess_closing_question, assess_pitch
    assess_closing_question("How does my background compare with the other candidates?").score
    assess_pitch(response, "We need more Kubernetes experience", ["Docker: shipped 40 services"])
"""

from coach.domain.assessment import Assessment, Check, Span
from coach.domain.cards import FeedbackCard
from coach.domain.closing import assess_closing_question
from coach.domain.models import Attempt, Interview, Profile, Strength
from coach.domain.pitch import assess_pitch

__all__ = [
    "Assessment",
    "Attempt",
    "Check",
    "FeedbackCard",
    "Interview",
    "Profile",
    "Span",
    "Strength",
    "assess_closing_question",
    "assess_pitch",
]
