"""The pure core of coach: values and judgements, with no Textual and no TinyDB.

Everything here can be imported from a script or a test without a terminal or a database;
``tests/unit/test_architecture.py`` fails if that ever stops being true.
"""

from coach.domain.models import Attempt, Interview, Profile, Strength

__all__ = ["Attempt", "Interview", "Profile", "Strength"]
