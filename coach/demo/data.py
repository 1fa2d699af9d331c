"""Sample data for ``coach --demo`` and the README's screenshots.

One believable job seeker: a data analyst preparing for a final round, a week of rehearsal and
five interviews behind them. Everything is built from "now", so the demo always looks current
(the attempts fall in the last seven evenings, the overdue interview is always overdue). Every
score is the real assessors' verdict on the text, never a number typed in here, so the demo
shows what coach really says.

Pure functions return domain values; ``fill_store`` writes them to a Store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from coach.domain.cards import QUESTION_CARD_ID, FeedbackCard, heard_card, tailored_pairs
from coach.domain.models import Attempt, Interview, Profile, SignalValue, Strength

if TYPE_CHECKING:
    from coach.store.store import Store

STRENGTHS = (
    Strength(
        "SQL and data modelling",
        "rebuilt the sales warehouse: 40 tables, reports 6x faster",
    ),
    Strength(
        "Looker dashboards",
        "12 dashboards used weekly by 80 people in operations and finance",
    ),
    Strength(
        "Python automation",
        "pandas scripts cut the monthly close report from 3 days to 4 hours",
    ),
    Strength(
        "Presenting to leadership",
        "my churn analysis changed our pricing; quarterly reviews with the executive team",
    ),
)
DBT = "Hands-on experience with dbt and Airflow"
EXPERIMENTS = "A/B testing and experiment design"
REQUIREMENTS = (
    "5+ years of SQL and data modelling",
    "Building dashboards in Looker or Tableau",
    DBT,
    EXPERIMENTS,
    "Experience with demand forecasting",
    "Presenting findings to leadership",
)
"""A senior data analyst posting at a logistics company; the three in the middle are gaps: five
skills (dbt, Airflow, A/B testing, experiment design, demand forecasting) no strength covers."""

HEARD_COMPANY = "Northwind Freight"
HEARD_FEEDBACK = (
    "Your SQL and dashboards are exactly what we need. Honestly, the other finalists have more "
    "hands-on pipeline work, and we weren't sure you've owned a data pipeline end to end."
)
"""What Northwind said when asked the closing question; it became a card."""


def demo_profile() -> Profile:
    """Four strengths with evidence and six requirements, three of them not covered (five
    skills, so five tailored cards)."""
    return Profile(strengths=STRENGTHS, requirements=REQUIREMENTS)


def demo_heard_card(now: datetime) -> FeedbackCard:
    """The card made from Northwind's answer, kept (like the app does) under a time stamp."""
    kept_at = _evening(now, 8, 18, 30)
    return heard_card(HEARD_FEEDBACK, kept_at.strftime("%Y%m%d-%H%M%S"), HEARD_COMPANY)


# --- a week of rehearsal ------------------------------------------------------------------------


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


def _evening(now: datetime, days_ago: int, hour: int, minute: int) -> datetime:
    return (now - timedelta(days=days_ago)).replace(
        hour=hour, minute=minute, second=0, microsecond=0
    )


def demo_cards(now: datetime) -> dict[str, FeedbackCard]:
    """The cards the demo's attempts answer, keyed as in ``REHEARSALS``."""
    from coach.content.loader import load_deck

    profile = demo_profile()
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
    strengths = demo_profile().strengths
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
                created_at=_evening(now, rehearsal.days_ago, *rehearsal.at).isoformat(
                    timespec="seconds"
                ),
                checks=assessment.checks,
            )
        )
    return attempts


# --- interviews ---------------------------------------------------------------------------------


def _weekday(day: date) -> date:
    """The day, or the Friday before it if it falls on a weekend: interviews are on weekdays."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _held(now: datetime, days_ago: int, at: str) -> tuple[date, str]:
    day = _weekday(now.date() - timedelta(days=days_ago))
    return day, f"{day.isoformat()}T{at}"


def demo_interviews(now: datetime) -> list[Interview]:
    """Four interviews with outcomes, oldest first, then one whose reply is overdue."""
    from coach.domain.rating import add_business_days

    interviews = []

    def add(
        days_ago: int,
        at: str,
        company: str,
        role: str,
        stage: str,
        signals: dict[str, SignalValue],
        *,
        outcome: str = "",
        reply_after: int | None = None,
        promised_after: int | None = None,
        closing_answer: str = "",
    ) -> None:
        day, held_at = _held(now, days_ago, at)
        interviews.append(
            Interview(
                company=company,
                role=role,
                stage=stage,
                held_at=held_at,
                signals=signals,
                outcome=outcome,
                closing_answer=closing_answer,
                timeline_date=(
                    add_business_days(day, promised_after).isoformat() if promised_after else ""
                ),
                reply_date=((day + timedelta(days=reply_after)).isoformat() if reply_after else ""),
            )
        )

    add(
        40,
        "10:00",
        "Kestrel Bank",
        "Senior data analyst",
        "panel",
        {
            "scheduled_min": 60,
            "actual_min": 35,
            "questions_asked": 9,
            "follow_up_questions": 1,
            "asked_strengths": False,
            "asked_weaknesses": True,
            "asked_experience": True,
            "eye_contact": "mixed",
            "smiles": "some",
            "engagement": "distracted",
            "tone": "neutral",
            "enthusiasm_about_fit": False,
            "said_will_follow_up": True,
            "gave_timeline": False,
            "vague_next_steps": True,
        },
        outcome="rejected",
        reply_after=12,
        closing_answer="It's a strong pool, and we're looking for more banking background.",
    )
    add(
        33,
        "14:30",
        "Orchard Retail",
        "BI analyst",
        "technical",
        {
            "scheduled_min": 45,
            "actual_min": 45,
            "questions_asked": 7,
            "follow_up_questions": 1,
            "asked_strengths": True,
            "asked_weaknesses": True,
            "eye_contact": "good",
            "smiles": "some",
            "engagement": "neutral",
            "tone": "positive",
            "said_will_follow_up": True,
            "gave_timeline": False,
            "vague_next_steps": True,
        },
        outcome="rejected",
        reply_after=6,
        closing_answer="Everyone we've met has been great, so it's going to be a tough decision.",
    )
    add(
        26,
        "11:00",
        "Brightline Health",
        "Analytics engineer",
        "phone",
        {
            "scheduled_min": 30,
            "actual_min": 42,
            "questions_asked": 8,
            "follow_up_questions": 5,
            "asked_strengths": True,
            "asked_experience": True,
            "eye_contact": "good",
            "smiles": "often",
            "engagement": "engaged",
            "tone": "positive",
            "enthusiasm_about_fit": True,
            "said_will_follow_up": True,
            "gave_timeline": True,
            "vague_next_steps": False,
        },
        outcome="next round",
        reply_after=2,
        promised_after=3,
        closing_answer="You line up well; the hiring manager will want to go deeper on dbt.",
    )
    add(
        19,
        "15:00",
        "Brightline Health",
        "Analytics engineer",
        "final",
        {
            "scheduled_min": 60,
            "actual_min": 80,
            "questions_asked": 12,
            "follow_up_questions": 7,
            "asked_strengths": True,
            "asked_weaknesses": False,
            "asked_experience": True,
            "eye_contact": "good",
            "smiles": "often",
            "engagement": "engaged",
            "tone": "positive",
            "enthusiasm_about_fit": True,
            "said_will_follow_up": True,
            "gave_timeline": True,
            "vague_next_steps": False,
        },
        outcome="offer",
        reply_after=2,
        promised_after=5,
        closing_answer="Honestly, you're one of the strongest people we've seen for this.",
    )
    add(
        9,
        "13:30",
        HEARD_COMPANY,
        "Senior data analyst",
        "onsite",
        {
            "scheduled_min": 90,
            "actual_min": 95,
            "questions_asked": 14,
            "follow_up_questions": 4,
            "asked_strengths": True,
            "asked_weaknesses": True,
            "asked_experience": True,
            "eye_contact": "good",
            "smiles": "some",
            "engagement": "engaged",
            "tone": "positive",
            "enthusiasm_about_fit": True,
            "said_will_follow_up": True,
            "gave_timeline": True,
            "vague_next_steps": False,
        },
        promised_after=3,
        closing_answer=HEARD_FEEDBACK,
    )
    return interviews


# --- filling a store ----------------------------------------------------------------------------


def fill_store(store: Store, now: datetime) -> None:
    """Write the whole demo (profile, heard card, attempts, interviews) into ``store``."""
    store.save_profile(demo_profile())
    store.save_heard_card(demo_heard_card(now))
    for attempt in demo_attempts(now):
        store.add_attempt(attempt)
    for interview in demo_interviews(now):
        store.save_interview(interview)
