"""Feedback cards: the shipped deck, requirements from a posting, tailored and heard cards."""

from __future__ import annotations

from collections import Counter

from coach.content.loader import load_deck, load_questions
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


KINDS = (
    "strong-match",
    "skills-gap",
    "experience-gap",
    "stronger-competition",
    "overqualified",
    "culture-fit",
    "communication-depth",
    "evasive",
    "employment-gap",
    "short-tenure",
    "let-go",
    "salary-above-range",
    "career-change",
    "missing-degree",
    "location-notice",
    "challenged-claim",
)
"""The 16 concern kinds of issue 12, spelt as the response coaching and the corpus spell them."""


def test_deck_covers_the_16_concern_kinds_with_at_least_6_cards_each() -> None:
    titles, cards = load_deck()
    assert CATEGORIES == KINDS
    assert list(titles) == list(KINDS)
    per_category = Counter(card.category for card in cards)
    assert set(per_category) == set(KINDS)
    assert all(per_category[c] >= 6 for c in KINDS), per_category
    assert all(card.concern and card.terms and card.hint for card in cards)
    assert all(advice.strip() for _, advice in titles.values())
    # Listed kind by kind, in the kinds' order.
    assert [card.category for card in cards] == sorted(
        (card.category for card in cards), key=KINDS.index
    )


def test_deck_speaks_in_many_voices() -> None:
    """Interviewers are short and long, polite and blunt; the deck should be too."""
    _, cards = load_deck()
    words = [len(card.feedback.split()) for card in cards]
    assert min(words) <= 6 and max(words) >= 25
    assert len({card.feedback for card in cards}) == len(cards)
    openings = Counter(" ".join(card.feedback.split()[:2]).lower() for card in cards)
    assert openings.most_common(1)[0][1] <= 4, openings.most_common(3)
    assert sum(card.feedback.rstrip().endswith("?") for card in cards) >= 10


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
        "We were hoping for more Kubernetes experience.",
        "We were hoping to hear more evidence of written communication.",
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


def test_tailored_cards_are_told_apart_in_the_list_by_their_skill() -> None:
    from coach.widgets.card_list import short_label

    cards = tailored_cards(
        ["Hands-on experience with dbt", "A/B testing and experiment design", "BSN preferred"], []
    )
    labels = [short_label(card) for card in cards]
    assert labels[0] == "dbt"  # its own case: a name, not a sentence
    assert labels[1:3] == ["A/B testing", "experiment design"]  # one requirement, two skills
    assert labels[3] == "BSN"  # nice to have: its group says so, not its label
    assert len(set(labels)) == 4


def test_tailored_cards_probe_their_own_skill_and_heard_cards_do_not() -> None:
    cards = tailored_cards(
        ["dbt", "Current RN license", "Able to lift 50 pounds", "Strong attention to detail"],
        [],
    )
    probes = {card.concern: card.probe for card in cards}
    assert probes["little hands-on dbt"] == "But you haven't done much with dbt yourself, have you?"
    assert "a current RN license" in probes["missing current RN license"]
    assert all(probe.endswith("?") and probe != "" for probe in probes.values())
    assert heard_card("They wanted more SQL than I showed.", 1).probe == ""
