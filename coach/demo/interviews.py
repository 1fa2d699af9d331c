"""The demo's interviews: four with outcomes over the last six weeks (two of them rounds of one
application), Northwind's, whose promised reply is overdue, and yesterday's phone screen, whose
thank-you note is still to send.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from coach.demo.seeker import HEARD_COMPANY, HEARD_FEEDBACK
from coach.domain.models import Interview, Person, SentMessage, SignalValue


def _weekday(day: date) -> date:
    """The day, or the Friday before it if it falls on a weekend: interviews are on weekdays."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _held(now: datetime, days_ago: int, at: str) -> tuple[date, str]:
    day = _weekday(now.date() - timedelta(days=days_ago))
    return day, f"{day.isoformat()}T{at}"


def demo_interviews(now: datetime) -> list[Interview]:
    """Four interviews with outcomes, oldest first, then one whose reply is overdue, then
    yesterday's (or the last weekday's) phone screen."""
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
        notes: str = "",
        people: tuple[Person, ...] = (),
        thanked: bool = False,
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
                notes=notes,
                people=people,
                messages=(
                    (SentMessage("thank-you", day.isoformat(), _THANKS.format(company)),)
                    if thanked
                    else ()
                ),
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
        notes="Their dbt project is two years old and nobody owns the tests.\nAsk about on-call.",
        people=(Person("Priya Raman", "Analytics Lead"),),
        thanked=True,
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
        notes="Met the whole team; the hiring manager wants someone to own the metrics layer.",
        people=(Person("Priya Raman", "Analytics Lead"), Person("Tom Okafor", "VP Data")),
        thanked=True,
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
        notes=(
            "Talked through the route-planning dashboards; they are moving the warehouse to "
            "Snowflake.\nThey asked twice about owning a pipeline end to end."
        ),
        people=(Person("Dana Lee", "Head of Data"), Person("Sam Ortiz", "Recruiter")),
        thanked=True,
    )
    # Earlier today (or the last weekday's afternoon, early in the morning or at a weekend): its
    # thank-you note is due now, the moment the message screen is for.
    early = now.hour < 9 or now.date().weekday() >= 5
    add(
        1 if early and now.date().weekday() < 5 else 0,
        "16:00" if early else f"{min(now.hour - 2, 17):02d}:{now.minute:02d}",
        "Lumen Analytics",
        "Data analyst",
        "phone",
        {
            "scheduled_min": 30,
            "actual_min": 35,
            "questions_asked": 8,
            "follow_up_questions": 3,
            "asked_strengths": True,
            "asked_experience": True,
            "tone": "positive",
            "engagement": "engaged",
            "said_will_follow_up": True,
        },
        closing_answer="You clearly know SQL; we'd want to see more experiment design.",
        notes="Their weekly A/B tests on the pricing page; a small team of four.",
        people=(Person("Mei Chen", "Analytics Manager"),),
    )
    return interviews


_THANKS = "Thank you for your time today; I enjoyed learning about the team at {}."
