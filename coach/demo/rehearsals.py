"""The demo's week of rehearsal: attempts that improve over seven evenings.

Every score is the real assessors' verdict on the text, never a number typed in here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coach.demo.seeker import DBT, EXPERIMENTS, demo_heard_card, demo_profile, evening
from coach.domain.cards import QUESTION_CARD_ID, FeedbackCard, tailored_pairs
from coach.domain.models import Attempt


@dataclass(frozen=True)
class _Rehearsal:
    days_ago: int
    at: tuple[int, int]
    """Hour and minute, in the evening."""
    card: str
    """A deck card id, "question", "heard", or a requirement (its tailored card)."""
    text: str
    spoken_seconds: float | None = None


QUESTION = "question"
HEARD = "heard"

REHEARSALS = (
    _Rehearsal(7, (19, 40), QUESTION, "So, did I get the job?"),
    _Rehearsal(
        7,
        (19, 52),
        DBT,
        "But actually I have used dbt a bit, I think maybe it's kind of similar to SQL anyway.",
    ),
    _Rehearsal(
        6,
        (20, 5),
        QUESTION,
        "Sorry, I know I'm probably not the strongest candidate, but how do I compare?",
        6.1,
    ),
    _Rehearsal(
        6,
        (20, 14),
        "stronger-competition-1",
        "To be fair, industry experience isn't everything and I disagree that it matters that "
        "much here.",
    ),
    _Rehearsal(
        6,
        (20, 30),
        "communication-depth-2",
        "Sorry, I think I just forgot to mention the numbers, it was kind of a big improvement "
        "though.",
    ),
    _Rehearsal(
        5, (21, 0), QUESTION, "How does my background fit what you need for this role?", 4.8
    ),
    _Rehearsal(
        5,
        (21, 10),
        DBT,
        "That's fair. I haven't used dbt in production, but I know SQL and data modelling very "
        "well and I think I could learn it quickly.",
    ),
    _Rehearsal(
        4,
        (19, 15),
        EXPERIMENTS,
        "I haven't really done A/B testing, sorry, I have mostly done dashboards.",
    ),
    _Rehearsal(
        4,
        (19, 30),
        "stronger-competition-1",
        "Thank you for being candid. I don't have freight industry experience, but my SQL and "
        "Python skills are transferable and I learn fast.",
        14.0,
    ),
    _Rehearsal(
        3,
        (20, 45),
        QUESTION,
        "Now that we've talked, how does my background fit the requirements of the role?",
        6.9,
    ),
    _Rehearsal(
        3,
        (20, 58),
        EXPERIMENTS,
        "I appreciate you saying that. I haven't designed experiments formally, but my Looker "
        "dashboards are used weekly by 80 people in operations and finance, so I know how to "
        "measure things. I'd be happy to learn experiment design on the job.",
    ),
    _Rehearsal(
        3,
        (21, 12),
        "communication-depth-2",
        "That's a fair point. The process I improved was the monthly close report: with pandas "
        "scripts it went from 3 days to 4 hours, a reduction of about 90 percent. I would bring "
        "the same focus on measurable impact to this role and report results in numbers from "
        "the start.",
        24.5,
    ),
    _Rehearsal(
        2,
        (19, 50),
        DBT,
        "That's a fair point: I haven't run dbt or Airflow in production. What I have done is "
        "the modelling underneath them. I rebuilt our sales warehouse, 40 tables with tested SQL "
        "models, and reports ran 6x faster. dbt is that same discipline with better tooling, "
        "and I have started its fundamentals course. In my first month I would pair with "
        "whoever owns your Airflow jobs and take over one pipeline end to end, so you would get "
        "the modelling depth from day one and the tooling within weeks.",
        41.0,
    ),
    _Rehearsal(
        2,
        (20, 20),
        "stronger-competition-1",
        "Thank you for being candid, that helps. I don't come from freight, but the problems are "
        "familiar: my pandas automation cut our monthly close report from 3 days to 4 hours, "
        "and I ramp up fast on a new domain because I start from the data. An insider knows how "
        "things are done; I bring a fresh perspective on why, with results to back it. I would "
        "spend my first two weeks with your dispatch team so I learn the industry from the "
        "people who run it.",
        38.2,
    ),
    _Rehearsal(
        1,
        (20, 0),
        QUESTION,
        "Now that we've had a chance to talk, how does my background measure up to what the "
        "role needs? And how do I compare with the other candidates?",
        9.4,
    ),
    _Rehearsal(
        1,
        (20, 15),
        EXPERIMENTS,
        "That's fair, and I'd rather be straight about it: I have not owned an A/B testing "
        "program. The closest is my churn analysis, where I compared a pricing change across "
        "two regions, controlled for seasonality, and showed a 4% drop in churn; the executive "
        "team changed our pricing on it. That is experiment design in all but name. I would "
        "bring that rigour to your testing, and I would like to pair with your product analysts "
        "on the next experiment so I am running tests myself within the first quarter.",
        39.5,
    ),
    _Rehearsal(
        1,
        (20, 40),
        HEARD,
        "I appreciate you telling me. You're right that I haven't owned a pipeline end to end "
        "yet. I did own the data model under our sales warehouse: 40 tables, reports 6x faster, "
        "and I automated the monthly close with pandas, from 3 days to 4 hours. Owning the "
        "pipeline around that work is the next step, and I would take over one of your pipelines "
        "in my first month.",
        31.0,
    ),
)
"""Oldest first; each card's scores rise over the week, as real practice does."""


def demo_cards(now: datetime) -> dict[str, FeedbackCard]:
    """The cards the demo's attempts answer, keyed as in ``REHEARSALS``."""
    from coach.content.loader import load_deck

    profile = demo_profile(now)
    cards: dict[str, FeedbackCard] = {}
    # A requirement naming two skills ("dbt and Airflow") has a card for each: the rehearsals
    # answer its first.
    for requirement, card in tailored_pairs(profile.requirements, profile.strengths):
        cards.setdefault(requirement, card)
    cards[HEARD] = demo_heard_card(now)
    cards.update((card.id, card) for card in load_deck()[1])
    return cards


def demo_attempts(now: datetime) -> list[Attempt]:
    """A week of attempts, oldest first, each scored by the real assessors."""
    # Imported here: the assessors compile their patterns on import (as in the app).
    from coach.domain.closing import assess_closing_question
    from coach.domain.pitch import assess_pitch

    cards = demo_cards(now)
    strengths = demo_profile(now).strengths
    attempts = []
    for rehearsal in REHEARSALS:
        if rehearsal.card == QUESTION:
            card_id = QUESTION_CARD_ID
            assessment = assess_closing_question(rehearsal.text)
        else:
            card = cards[rehearsal.card]
            card_id = card.id
            assessment = assess_pitch(rehearsal.text, card, strengths)
        attempts.append(
            Attempt(
                kind="question" if rehearsal.card == QUESTION else "response",
                text=rehearsal.text,
                card_id=card_id,
                score=assessment.score,
                spoken_seconds=rehearsal.spoken_seconds,
                created_at=evening(now, rehearsal.days_ago, *rehearsal.at).isoformat(
                    timespec="seconds"
                ),
                checks=assessment.checks,
            )
        )
    return attempts
