"""Feedback cards: the shipped deck, requirements from a posting, tailored and heard cards."""

from __future__ import annotations

from collections import Counter

from coach.content import load_deck, load_questions
from coach.domain import Strength
from coach.domain.cards import CATEGORIES, heard_card, split_requirements, tailored_cards

POSTING = """
Requirements:
- 5+ years of experience with Python
* Hands-on Kubernetes experience
1. Strong SQL skills; excellent written communication.
- 5+ years of experience with Python

• Familiarity with Airflow
"""


def test_deck_has_32_cards_and_4_per_category() -> None:
    titles, cards = load_deck()
    assert list(titles) == list(CATEGORIES)
    assert len(cards) >= 32
    per_category = Counter(card.category for card in cards)
    assert all(per_category[c] >= 4 for c in CATEGORIES), per_category
    assert all(card.concern and card.terms and card.hint for card in cards)


def test_at_least_8_question_variants_tagged_with_purposes() -> None:
    variants = load_questions()
    assert len(variants) >= 8
    assert all(variant.purposes for variant in variants)
    assert {p for v in variants for p in v.purposes} == {"feedback", "strengths", "competition"}


def test_posting_lines_become_requirements() -> None:
    assert split_requirements(POSTING) == (
        "5+ years of experience with Python",
        "Hands-on Kubernetes experience",
        "Strong SQL skills",
        "excellent written communication",
        "Familiarity with Airflow",
    )


def test_uncovered_requirements_become_tailored_cards() -> None:
    strengths = [
        Strength("Python data pipelines", "cut ETL from 6 h to 40 min"),
        Strength("SQL reporting", "12 dashboards"),
    ]
    cards = tailored_cards(split_requirements(POSTING), strengths)
    feedback = [card.feedback for card in cards]
    assert feedback == [
        "We were hoping for more hands-on experience with Kubernetes.",
        "We were hoping for more hands-on experience with written communication.",
        "We were hoping for more hands-on experience with Airflow.",
    ]
    assert not any("Python" in f or "SQL" in f for f in feedback)
    assert all(card.source == "tailored" and card.terms for card in cards)
    assert len({card.id for card in cards}) == len(cards)


def test_heard_feedback_card() -> None:
    card = heard_card("  We were hoping for someone with more people management.  ", 7, "Acme")
    assert card.id == "heard-7" and card.source == "heard"
    assert card.feedback == "We were hoping for someone with more people management."
    assert "Acme" in card.concern and "manag" in " ".join(card.terms)


def test_tailored_card_ids_never_collide() -> None:
    requirements = (
        "Experience designing and operating large-scale distributed systems on AWS",
        "Experience designing and operating large-scale distributed systems on GCP",
        "日本語",
        "中文",
        "Kubernetes",
    )
    cards = tailored_cards(requirements, [])
    assert len(cards) == 5
    assert len({card.id for card in cards}) == 5


def test_tailored_cards_are_told_apart_in_the_list_by_their_requirement() -> None:
    from coach.widgets.card_list import short_label

    cards = tailored_cards(
        ["Hands-on experience with dbt", "A/B testing and experiment design"], []
    )
    labels = [short_label(card) for card in cards]
    assert labels[0].startswith("dbt")  # its own case: a name, not a sentence
    assert labels[1].startswith("A/B testing")
    assert len(set(labels)) == 2
