"""Builds a database of a given size, fast, by writing TinyDB's layout directly."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach.store import schema

TEXT = (
    "That's a fair point. I led a team of seven through a warehouse system migration, "
    "delivered on schedule and 5% under budget, and I would bring the same discipline to "
    "your rollout in my first months."
)


def attempt_doc(n: int, start: datetime) -> dict[str, object]:
    return {
        "kind": "response" if n % 3 else "question",
        "text": f"{TEXT} ({n})",
        "card_id": "closing-question" if n % 3 == 0 else f"skills-gap-{n % 6 + 1}",
        "score": 40 + n % 60,
        "spoken_seconds": 30.0 + n % 40,
        "created_at": (start + timedelta(minutes=n)).isoformat(timespec="seconds"),
        "checks": [
            {
                "name": "Addresses the concern",
                "passed": bool(n % 2),
                "tip": "Use its words.",
                "points": 15 * (n % 2),
                "max_points": 15,
            }
        ],
    }


def interview_doc(n: int, start: datetime) -> dict[str, object]:
    held = (start + timedelta(days=n % 300)).date().isoformat()
    return {
        "company": f"Company {n}",
        "role": "Data engineer",
        "stage": "onsite",
        "held_at": held,
        "signals": {
            "scheduled_min": 45,
            "actual_min": 40 + n % 40,
            "questions_asked": n % 20,
            "follow_up_questions": n % 6,
            "tone": "positive",
            "gave_timeline": bool(n % 2),
        },
        "outcome": ("offer", "rejected", "", "next round")[n % 4],
        "closing_answer": "",
        "timeline_date": "",
        "reply_date": "",
    }


def build(path: Path, attempts: int, interviews: int) -> Path:
    """Write a database with this many attempts and interviews to ``path``."""
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    raw = schema.empty()
    raw["attempts"] = {str(n): attempt_doc(n, start) for n in range(1, attempts + 1)}
    raw["interviews"] = {str(n): interview_doc(n, start) for n in range(1, interviews + 1)}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(raw, separators=(",", ":")))
    path.chmod(0o600)
    return path


def build_rounds(path: Path, applications: int, interviews: int) -> Path:
    """Write a database of ``interviews`` rounds spread over ``applications`` applications
    (each application's rounds a week apart, the latest outcomes varied), as schema 4 keeps
    them: an ``applications`` table and each interview's ``application_id``."""
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    stages = ("phone", "technical", "onsite", "final")
    raw = schema.empty()
    raw["applications"] = {
        str(n): {"company": f"Company {n}", "role": "Data engineer"}
        for n in range(1, applications + 1)
    }
    docs: dict[str, dict[str, object]] = {}
    for n in range(1, interviews + 1):
        app, round_no = (n - 1) % applications + 1, (n - 1) // applications
        doc = interview_doc(n, start)
        held = (start + timedelta(days=app % 250 + 7 * round_no)).date().isoformat()
        later = n + applications <= interviews
        outcome = "next round" if later else ("offer", "rejected", "", "no reply")[app % 4]
        doc |= {
            "company": f"Company {app}",
            "held_at": held,
            "stage": stages[min(round_no, 3)],
            "outcome": outcome,
            "application_id": app,
            "notes": f"Round {round_no + 1}: asked about the pipeline rebuild.",
        }
        docs[str(n)] = doc
    raw["interviews"] = docs
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(raw, separators=(",", ":")))
    path.chmod(0o600)
    return path
