"""assess_closing_question: the labelled set, each check, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content import load_questions
from coach.domain import assess_closing_question
from coach.domain.closing import _UNDERMINING

LABELLED = json.loads(
    (Path(__file__).parents[1] / "labelled" / "question_labelled.json").read_text()
)
CANONICAL = load_questions()[0].text


def pair_accuracy(good: list[str], bad: list[str]) -> float:
    good_scores = [assess_closing_question(q).score for q in good]
    bad_scores = [assess_closing_question(q).score for q in bad]
    wins = sum(g > b for g in good_scores for b in bad_scores)
    return wins / (len(good_scores) * len(bad_scores))


def test_labelled_good_questions_outscore_bad_ones_in_90_percent_of_pairs() -> None:
    assert len(LABELLED["good"]) >= 20 and len(LABELLED["bad"]) >= 20
    assert pair_accuracy(LABELLED["good"], LABELLED["bad"]) >= 0.90


def test_canonical_question_scores_full_marks() -> None:
    result = assess_closing_question(CANONICAL)
    assert result.score == 100
    assert all(check.passed for check in result.checks)


def test_every_shipped_variant_is_a_good_question() -> None:
    for variant in load_questions():
        result = assess_closing_question(variant.text)
        assert result.check("Open, not yes/no").passed, variant.id
        assert result.check("About 15 seconds to say").passed, variant.id
        assert result.score >= 60, (variant.id, [c.name for c in result.failed])


@pytest.mark.parametrize(
    ("question", "failing"),
    [
        ("So, did I get the job?", "Open, not yes/no"),
        ("When can I start?", "Asks how you fit the requirements"),
        (
            "How does my background measure up to the requirements of the job?",
            "Asks how you compare with other candidates",
        ),
        ("How do I compare with the other candidates?", "Asks how you fit the requirements"),
        (
            "How does my experience fit the role and compare with the other candidates?",
            "Courteous transition",
        ),
        (
            "I know I'm not the most qualified, but how do I compare with the other candidates?",
            "Does not undermine you",
        ),
        (
            "Now that we've had a chance to talk, "
            + "I'd love to hear more about " * 8
            + "how my background fits the role?",
            "About 15 seconds to say",
        ),
        ("So, um, how does my background kind of fit the role?", "Crisp, without filler"),
    ],
)
def test_each_check_catches_its_fault(question: str, failing: str) -> None:
    result = assess_closing_question(question)
    assert not result.check(failing).passed
    assert result.check(failing).tip
    assert result.score < 100


def test_undermining_phrase_is_highlighted_in_the_users_words() -> None:
    question = "I Know I'm Not the strongest, but how do I compare with the others you've met?"
    check = assess_closing_question(question).check("Does not undermine you")
    assert [s.text for s in check.spans] == ["I Know I'm Not"]
    span = check.spans[0]
    assert question[span.start : span.end] == span.text


def test_points_add_up_to_100() -> None:
    assert sum(c.max_points for c in assess_closing_question("").checks) == 100


@settings(max_examples=300)
@given(st.text())
def test_any_text_gives_a_score_in_range(text: str) -> None:
    result = assess_closing_question(text)
    assert 0 <= result.score <= 100
    assert result.score == sum(c.points for c in result.checks)


# Phrases the assessor knows, as a user would add them.
UNDERMINING = ["I know I'm not", "sorry,", "I'm probably not", "I'm not the most"]


@settings(max_examples=300)
@given(
    st.sampled_from(LABELLED["good"] + LABELLED["bad"] + [CANONICAL]) | st.text(max_size=80),
    st.sampled_from(UNDERMINING),
    st.integers(min_value=0, max_value=40),
)
def test_adding_an_undermining_phrase_never_raises_the_score(
    text: str, phrase: str, where: int
) -> None:
    # Added as a user would: at the start, the end, or between sentences and clauses.
    gaps = sorted({0, len(text)} | {i + 1 for i, ch in enumerate(text) if ch in ".?!,"})
    cut = gaps[where % len(gaps)]
    worse = f"{text[:cut]} {phrase} {text[cut:]}"
    assert _UNDERMINING.search(worse)
    assert assess_closing_question(worse).score <= assess_closing_question(text).score


def test_a_second_set_also_clears_90_percent_of_pairs() -> None:
    second = json.loads(
        (Path(__file__).parents[1] / "labelled" / "question_second.json").read_text()
    )
    assert pair_accuracy(second["good"], second["bad"]) >= 0.90
