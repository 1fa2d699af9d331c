"""assess_pitch: the labelled set, each check, and properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content import load_deck
from coach.domain import FeedbackCard, Strength, assess_pitch
from coach.domain.pitch import DEFENSIVE

LABELLED = json.loads((Path(__file__).parents[1] / "labelled" / "pitch_labelled.json").read_text())
STRENGTHS = [Strength(s["text"], s["evidence"]) for s in LABELLED["strengths"]]
ITEMS: list[dict[str, Any]] = LABELLED["items"]


def card_of(item: dict[str, Any]) -> FeedbackCard:
    return FeedbackCard(
        item["id"], item["category"], item["feedback"], item["concern"], tuple(item["terms"])
    )


def accuracy(feedback_of: Any, strengths: Any) -> float:
    wins = total = 0
    for item in ITEMS:
        good = assess_pitch(item["good"], feedback_of(item), strengths).score
        for weak in item["weak"]:
            total += 1
            wins += good > assess_pitch(weak["text"], feedback_of(item), strengths).score
    return wins / total


def test_labelled_set_is_broad() -> None:
    labels = {w["label"] for item in ITEMS for w in item["weak"]}
    assert {"defensive", "apologetic", "rambling", "generic", "off-topic"} <= labels
    assert len(ITEMS) >= 14


def test_good_answers_win_85_percent_of_pairs_with_cards() -> None:
    assert accuracy(card_of, STRENGTHS) >= 0.85


def test_good_answers_win_85_percent_of_pairs_with_plain_feedback_text() -> None:
    assert accuracy(lambda item: item["feedback"], STRENGTHS) >= 0.85


def test_good_answers_win_85_percent_of_pairs_without_strengths() -> None:
    assert accuracy(lambda item: item["feedback"], ()) >= 0.85


GOOD = ITEMS[0]


@pytest.mark.parametrize(
    ("response", "failing"),
    [
        ("Kubernetes is great. " * 30, "Acknowledges the feedback"),
        (
            "That's fair. I am a hard worker and a quick learner who loves new challenges.",
            "Addresses the concern",
        ),
        (
            "That's fair. I am a hard worker and a quick learner who loves new challenges.",
            "Concise: 30-90 seconds",
        ),
        (
            "That's fair. To be fair, I disagree, it's not true that I lack it.",
            "No defensive phrasing",
        ),
        (
            "That's fair. Um, I kind of just maybe sort of did it, I guess.",
            "Little hedging or filler",
        ),
        ("Sorry, I know I'm not the most experienced here.", "Little hedging or filler"),
        (
            "Thanks for saying so. I like working with people and I am friendly and positive.",
            "Gives evidence",
        ),
    ],
)
def test_each_check_catches_its_fault(response: str, failing: str) -> None:
    result = assess_pitch(response, card_of(GOOD), STRENGTHS)
    assert not result.check(failing).passed
    assert result.check(failing).tip


def test_offending_phrases_are_spans_of_the_users_own_words() -> None:
    response = "Thanks. But Actually, I Disagree: my dashboards are used by 12 managers."
    check = assess_pitch(response, card_of(GOOD), STRENGTHS).check("No defensive phrasing")
    assert [s.text for s in check.spans] == ["But Actually", "I Disagree"]
    assert all(response[s.start : s.end] == s.text for s in check.spans)


def test_each_extra_defensive_phrase_costs_more() -> None:
    base = GOOD["good"]
    once = assess_pitch(base + " To be fair, that's not true.", card_of(GOOD), STRENGTHS).score
    twice = assess_pitch(base + " To be fair.", card_of(GOOD), STRENGTHS).score
    assert once < twice < assess_pitch(base, card_of(GOOD), STRENGTHS).score


def test_strengths_may_be_text_or_mappings() -> None:
    as_text = assess_pitch(GOOD["good"], GOOD["feedback"], [s.text for s in STRENGTHS])
    as_maps = assess_pitch(GOOD["good"], {"feedback": GOOD["feedback"]}, LABELLED["strengths"])
    assert as_text.check("Cites a strength").passed
    assert as_maps.check("Cites a strength").passed


def test_points_add_up_to_100_and_check_names_are_stable() -> None:
    result = assess_pitch("", "We need more SQL.")
    assert sum(c.max_points for c in result.checks) == 100
    assert [c.name for c in result.checks] == [
        "Acknowledges the feedback",
        "Addresses the concern",
        "Cites a strength",
        "Gives evidence",
        "Points the strength at the concern",
        "No defensive phrasing",
        "Little hedging or filler",
        "Concise: 30-90 seconds",
        "Ends looking forward",
    ]


def test_shipped_deck_cards_all_have_terms_a_response_can_hit() -> None:
    _, cards = load_deck()
    for card in cards:
        echo = f"That's fair. About {card.concern}: " + ", ".join(card.terms) + "."
        assert assess_pitch(echo, card).check("Addresses the concern").passed, card.id


FEEDBACK = st.sampled_from([item["feedback"] for item in ITEMS]) | st.text(max_size=120)
RESPONSES = st.sampled_from(
    [item["good"] for item in ITEMS] + [w["text"] for item in ITEMS for w in item["weak"]]
) | st.text(max_size=400)


@settings(max_examples=300, deadline=None)
@given(st.text(), FEEDBACK, st.lists(st.text(max_size=40), max_size=4))
def test_any_text_gives_a_score_in_range(text: str, feedback: str, strengths: list[str]) -> None:
    result = assess_pitch(text, feedback, strengths)
    assert 0 <= result.score <= 100


DEFENSIVE_PHRASES = [
    "but actually",
    "I disagree",
    "that's not true",
    "to be fair",
    "with all due respect",
    "I'd push back",
]


@settings(max_examples=500, deadline=None)
@given(RESPONSES, FEEDBACK, st.sampled_from(DEFENSIVE_PHRASES), st.integers(0, 400))
def test_adding_a_defensive_phrase_never_raises_the_score(
    text: str, feedback: str, phrase: str, where: int
) -> None:
    gaps = sorted({i for i, ch in enumerate(text) if ch == " "} | {0, len(text)})
    cut = gaps[where % len(gaps)]
    worse = f"{text[:cut]} {phrase}, {text[cut:]}"
    assert DEFENSIVE.search(worse)
    before = assess_pitch(text, feedback, STRENGTHS).score
    assert assess_pitch(worse, feedback, STRENGTHS).score <= before


@settings(max_examples=200, deadline=None)
@given(RESPONSES, st.sampled_from(DEFENSIVE_PHRASES), st.integers(0, 400))
def test_every_span_is_the_users_own_words(text: str, phrase: str, where: int) -> None:
    gaps = sorted({i for i, ch in enumerate(text) if ch == " "} | {0, len(text)})
    cut = gaps[where % len(gaps)]
    response = f"{text[:cut]} {phrase}, {text[cut:]}"
    for check in assess_pitch(response, GOOD["feedback"], STRENGTHS).checks:
        for span in check.spans:
            assert response[span.start : span.end] == span.text


def test_a_second_set_from_other_careers_also_wins_85_percent_of_pairs() -> None:
    """Written by another hand, in the style of career-advice pages, across 25 careers."""
    second = json.loads((Path(__file__).parents[1] / "labelled" / "pitch_second.json").read_text())
    wins = total = 0
    for item in second["items"]:
        good = assess_pitch(item["good"], item["feedback"], item["strengths"]).score
        for weak in item["weak"]:
            total += 1
            wins += good > assess_pitch(weak["text"], item["feedback"], item["strengths"]).score
    assert total >= 60
    assert wins / total >= 0.85


@given(st.sampled_from(["We need more Kubernetes experience.", "You seem a little junior."]))
def test_the_concern_tip_suggests_whole_words_of_the_feedback_never_stems(said: str) -> None:
    (check,) = [
        c for c in assess_pitch("Thanks.", said, []).checks if c.name == "Addresses the concern"
    ]
    suggested = check.tip.partition("e.g. ")[2].rstrip(".")
    words = set(said.lower().rstrip(".").split())
    assert suggested, "a tip with nothing to suggest"
    assert all(word in words for word in suggested.split(", "))
