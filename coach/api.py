"""The scripting API's calls with their content filled in: ``from coach import rate_interview``
rates with the packaged rubric, read on the first call (the domain takes it as an argument)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from coach.domain.rating import Rating
from coach.domain.rating import rate_interview as rate_with
from coach.domain.rubric import Rubric

if TYPE_CHECKING:
    from coach.domain.due import DueItem
    from coach.store.api import StoreAPI


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


def due_today(store: StoreAPI, now: datetime, rubric: Rubric | None = None) -> list[DueItem]:
    """What is due as of ``now`` in ``store``'s data (``coach.domain.due.due_items``), with
    the cards Rehearse offers, in its order: tailored to the profile, heard, then the deck.
    The due list (F6) and ``coach due`` both read it here, so they never disagree.

    Raises:
        StoreError: The data could not be read.
        ContentError: The packaged deck or rubric could not be read.
    """
    from coach.content.loader import load_deck
    from coach.domain.cards import tailored_cards
    from coach.domain.due import due_items

    if rubric is None:
        from coach.content.rubric import load_rubric

        rubric = load_rubric()
    profile = store.profile()
    cards = [
        *tailored_cards(profile.requirements, profile.strengths),
        *store.heard_cards(),
        *load_deck()[1],
    ]
    return due_items(
        store.applications(),
        store.interviews(),
        profile,
        store.attempts(),
        cards,
        now,
        rubric,
    )
