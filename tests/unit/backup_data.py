"""A realistic variety of saved data, shared by the export and import tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from coach.domain.assessment import Check
from coach.domain.cards import heard_card
from coach.domain.models import Attempt, Interview, Profile, Strength
from coach.store.store import Store

PROFILE = Profile(
    strengths=(
        Strength("Python data pipelines", "cut nightly ETL from 6 h to 40 min"),
        Strength("Mentoring", ""),
    ),
    requirements=("5 years of Python", "Kubernetes in production", "SQL | analytics"),
)
PARIS = timezone(timedelta(hours=1))


def fill(store: Store) -> None:
    """Every kind of record, with every field set somewhere (and left empty somewhere)."""
    store.save_profile(PROFILE)
    checks = (
        Check("Acknowledges the feedback", True, "Good: you thanked them.", 10, 10),
        Check("Cites a strength", False, "Name one of your strengths.", 0, 15),
    )
    for n in range(5):
        store.add_attempt(
            Attempt(
                kind="question" if n == 0 else "response",
                text=f"That's fair. I led a team of seven through a migration ({n}).\nSecond line.",
                card_id="closing-question" if n == 0 else ("skills-gap-1", "heard-7")[n % 2],
                score=40 + 12 * n,
                spoken_seconds=None if n == 2 else 30.5 + n,
                created_at=datetime(2026, 11, 1 + n, 19, 30, tzinfo=PARIS).isoformat(),
                checks=checks if n != 3 else (),
            )
        )
    store.save_interview(
        Interview(
            company="Acme",
            role="Data engineer",
            stage="onsite",
            held_at="2026-11-02T14:30",
            signals={
                "scheduled_min": 45,
                "actual_min": 75,
                "questions_asked": 12,
                "follow_up_questions": 5,
                "asked_strengths": True,
                "vague_next_steps": False,
                "eye_contact": "good",
                "tone": "positive",
                "gave_timeline": True,
                "smiles": None,
            },
            outcome="next round",
            closing_answer="You fit well, but we want more Kubernetes.",
            timeline_date="2026-11-06",
            reply_date="2026-11-05",
        )
    )
    store.save_interview(Interview(company="Beta", role="Analyst", held_at="2026-10-01"))
    gone = store.save_interview(Interview(company="Deleted Ltd", role="x", held_at="2026-09-01"))
    assert gone.id is not None
    store.delete_interview(gone.id)
    store.save_interview(
        Interview(
            company="Gamma",
            role="Lead",
            stage="final",
            held_at="2026-11-10",
            signals={"tone": "negative", "engagement": "distracted"},
            outcome="rejected",
        )
    )
    store.save_heard_card(heard_card("You lack Kubernetes experience.", 7, "Acme"))
    store.save_heard_card(heard_card("We wanted someone more senior.", "20261110-101010"))
    store.set_setting("theme", "textual-dark")
    store.set_setting("last_card", "skills-gap-1")
