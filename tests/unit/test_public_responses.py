"""The response figures reached on the public corpus, pinned: a regression fails here.

The held-out figures were read once, after the rules were set (docs/judgements.md); they are
pinned as reached, not as the 0.90 the project aims for, which the held-out pairwise misses.
"""

from __future__ import annotations

import pytest

from coach.domain import assess_pitch
from tests.labelled import measure as m


def pitch(text: str, concern: str) -> float:
    return float(assess_pitch(text, concern).score)


# part: (pairwise at least, words-only pairwise, good median at least, weak+bad median at most)
PINNED = {
    "dev": (0.98, 0.943, 70.0, 10.0),
    "heldout": (0.865, 0.812, 64.0, 40.0),
}
WORSE_AT_LEAST = {"dev": 0.95, "heldout": 0.94}
"""The share of "made worse" cases scoring lower, each way: held out, the apologetic one
reached 36 of 38 (0.947), short of the 0.95 the project aims for."""


@pytest.mark.parametrize("part", sorted(PINNED))
def test_response_figures_hold(part: str) -> None:
    pairwise, words_only, good, weak_bad = PINNED[part]
    items = m.load("responses", part)
    assert m.response_pairs(items, pitch) >= pairwise
    assert m.response_pairs(items, m.words_only) == pytest.approx(words_only, abs=0.001)
    medians = m.medians(items, lambda i: pitch(i.text, i.concern))
    assert medians["good"] >= good
    assert medians["weak+bad"] <= weak_bad


@pytest.mark.parametrize("part", sorted(PINNED))
def test_a_good_answer_made_worse_scores_lower(part: str) -> None:
    worse = m.made_worse(
        m.load("responses", part),
        lambda text, item: pitch(text, item.concern),
        lambda item: m.worse_responses(item.text, item.concern),
    )
    assert set(worse) == {
        "defensive",
        "apologetic",
        "hedging",
        "repeated",
        "evidence removed",
        "keyword stuffing",
    }
    for way, (share, count) in worse.items():
        assert count >= 5, way
        assert share >= WORSE_AT_LEAST[part], way
