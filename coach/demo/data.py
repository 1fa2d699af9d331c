"""Sample data for ``coach --demo`` and the README's screenshots.

One believable job seeker: a data analyst preparing for a final round, a week of rehearsal and
five interviews behind them. Everything is built from "now", so the demo always looks current
(the attempts fall in the last seven evenings, the overdue interview is always overdue). Every
score is the real assessors' verdict on the text, never a number typed in here, so the demo
shows what coach really says.

Each part has its module: ``seeker`` (the profile and the card from Northwind's answer),
``rehearsals`` (the week of attempts) and ``interviews``. Pure functions return domain values;
``fill_store`` writes them to a Store.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from coach.demo.exchanges import demo_exchanges
from coach.demo.interviews import demo_interviews
from coach.demo.rehearsals import demo_attempts
from coach.demo.seeker import demo_heard_card, demo_profile

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.store.store import Store


def fill_store(store: Store, now: datetime) -> None:
    """Write the whole demo (profile, heard card, attempts, interviews, mock exchanges) into
    ``store``."""
    store.save_profile(demo_profile(now))
    store.save_heard_card(demo_heard_card(now))
    attempts = demo_attempts(now)
    for attempt in attempts:
        store.add_attempt(attempt)
    for interview in demo_interviews(now):
        store.save_interview(interview)
    for exchange, turns in demo_exchanges(now, demo_offered(now), attempts):
        store.save_exchange(exchange, turns)


def demo_offered(now: datetime) -> list[FeedbackCard]:
    """The cards as Rehearse lists them for the demo: tailored, heard, then the deck."""
    from coach.content.loader import load_deck
    from coach.domain.cards import tailored_cards

    profile = demo_profile(now)
    tailored = tailored_cards(profile.requirements, profile.strengths)
    return [*tailored, demo_heard_card(now), *load_deck()[1]]
