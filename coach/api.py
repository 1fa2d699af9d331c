"""The scripting API's calls with their content filled in: ``from coach import rate_interview``
rates with the packaged rubric, read on the first call (the domain takes it as an argument)."""

from __future__ import annotations

from collections.abc import Mapping

from coach.domain.rating import Rating
from coach.domain.rating import rate_interview as rate_with
from coach.domain.rubric import Rubric


def rate_interview(signals: Mapping[str, object], rubric: Rubric | None = None) -> Rating:
    """Rate an interview from what was observed (see ``coach.domain.rating.rate_interview``).

    Args:
        signals: Signal name -> value; a missing key or None means not observed.
        rubric: The rubric; the packaged ``data/rubric.json`` when not given.

    Raises:
        SignalError: An unknown key, or a value of the wrong type or out of range.
    """
    if rubric is None:
        from coach.content.rubric import load_rubric

        rubric = load_rubric()
    return rate_with(signals, rubric)
