"""Stored documents <-> domain values. Reading is forgiving (a field someone edited by hand
gets a harmless default, never a crash); writing stores only JSON-native values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, cast

from coach.domain.assessment import Check
from coach.domain.cards import FeedbackCard
from coach.domain.models import Attempt, Interview, Profile, SignalValue, Strength


def strengths_from(raw: object) -> tuple[Strength, ...]:
    """Strengths from a stored list, skipping anything that is not an object."""
    items = raw if isinstance(raw, list) else []
    return tuple(
        Strength(text=str(item.get("text", "")), evidence=str(item.get("evidence", "")))
        for item in items
        if isinstance(item, dict)
    )


def _whole(value: object) -> int:
    """A stored whole number; 0 for anything else (a hand-edited file must not crash coach)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return int(value)


def checks_from(raw: object) -> tuple[Check, ...]:
    """Saved coaching checks (without spans) from a stored list."""
    items = raw if isinstance(raw, list | tuple) else []
    return tuple(
        Check(
            name=str(item.get("name", "")),
            passed=bool(item.get("passed")),
            tip=str(item.get("tip", "")),
            points=_whole(item.get("points")),
            max_points=_whole(item.get("max_points")),
        )
        for item in items
        if isinstance(item, dict)
    )


def attempt_from(doc: Mapping[str, Any], doc_id: int) -> Attempt:
    """An attempt from its stored document; odd or missing fields get harmless defaults."""
    seconds = doc.get("spoken_seconds")
    return Attempt(
        kind="response" if doc.get("kind") == "response" else "question",
        text=str(doc.get("text", "")),
        card_id=str(doc.get("card_id", "")),
        score=_whole(doc.get("score")),
        spoken_seconds=float(seconds) if isinstance(seconds, int | float) else None,
        created_at=str(doc.get("created_at", "")),
        checks=checks_from(doc.get("checks")),
        id=doc_id,
    )


def interview_from(doc: Mapping[str, Any], doc_id: int) -> Interview:
    """An interview from its stored document."""
    signals = doc.get("signals")
    return Interview(
        company=str(doc.get("company", "")),
        role=str(doc.get("role", "")),
        stage=str(doc.get("stage", "")),
        held_at=str(doc.get("held_at", "")),
        signals=cast(dict[str, SignalValue], dict(signals) if isinstance(signals, dict) else {}),
        outcome=str(doc.get("outcome", "")),
        closing_answer=str(doc.get("closing_answer", "")),
        timeline_date=str(doc.get("timeline_date", "")),
        reply_date=str(doc.get("reply_date", "")),
        id=doc_id,
    )


def doc_of(value: Attempt | Interview) -> dict[str, Any]:
    """The JSON-native document for a value (its id is the key, not a field)."""
    doc = asdict(value)
    del doc["id"]
    if "checks" in doc:
        # Highlighted spans point into one draft; they mean nothing once saved. A list, not
        # the tuple asdict gives: the document must read back the same from the store's
        # memory as from the file.
        for check in doc["checks"]:
            del check["spans"]
        doc["checks"] = list(doc["checks"])
    return doc


def profile_doc(profile: Profile) -> dict[str, Any]:
    """The JSON-native document for the profile."""
    return {
        "strengths": [asdict(s) for s in profile.strengths],
        "requirements": list(profile.requirements),
    }


def card_doc(card: FeedbackCard) -> dict[str, Any]:
    """The JSON-native document for a card of heard feedback."""
    doc = asdict(card)
    doc["terms"] = list(card.terms)
    return doc


def profile_from(doc: Mapping[str, Any]) -> Profile:
    """The profile from its stored document."""
    requirements = doc.get("requirements")
    return Profile(
        strengths=strengths_from(doc.get("strengths")),
        requirements=tuple(str(r) for r in requirements) if isinstance(requirements, list) else (),
    )


def heard_card_from(doc: Mapping[str, Any]) -> FeedbackCard:
    """A card of heard feedback from its stored document."""
    terms = doc.get("terms")
    return FeedbackCard(
        id=str(doc.get("id", "")),
        category=str(doc.get("category", "heard")),
        feedback=str(doc.get("feedback", "")),
        concern=str(doc.get("concern", "")),
        terms=tuple(t for t in terms if isinstance(t, str)) if isinstance(terms, list) else (),
        hint=str(doc.get("hint", "")),
        source="heard",
    )
