"""Finding listed phrases by words: as the regular expressions did, and fast."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain import text as t
from coach.domain.phrase_set import PhraseIndex, PhraseSet, tokens

PHRASES = ["i think maybe", "maybe", "kind of", "i'd push back", "hard-working", "to be fair"]


def found(phrases: PhraseSet, text: str) -> list[str]:
    words = tokens(text)
    return [text[words[a].start : words[b - 1].end] for a, b in phrases.find(words)]


def test_whole_words_any_case_any_apostrophe_longest_first() -> None:
    phrases = PhraseSet(PHRASES)
    text = "I Think Maybe it's kind of fine, I\u2019d push back; maybelline, Hard-working."
    assert found(phrases, text) == [
        "I Think Maybe",
        "kind of",
        "I\u2019d push back",
        "Hard-working",
    ]


def test_phrases_of_one_list_never_overlap_but_lists_may_overlap_each_other() -> None:
    index = PhraseIndex({"a": ["to be fair", "be"], "b": ["be fair"]})
    assert index.find(tokens("to be fair, be fair")) == {
        "a": [(0, 3), (3, 4)],
        "b": [(1, 3), (3, 5)],
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["i", "think", "maybe", "kind", "of", "to", "be", "fair", "x"])))
def test_it_finds_what_the_phrase_pattern_finds(words: list[str]) -> None:
    text = " ".join(words)
    pattern = t.phrase_pattern(PHRASES)
    assert found(PhraseSet(PHRASES), text) == [m.group(0) for m in pattern.finditer(text)]


def test_hundreds_of_phrases_over_300_words_take_well_under_a_millisecond() -> None:
    phrases = PhraseSet([f"word{n} of{n % 7}" for n in range(500)] + ["i led", "i built"])
    words = tokens(" ".join(["I led the team and we built it"] * 40))
    start = time.perf_counter()
    for _ in range(100):
        phrases.find(words)
    assert (time.perf_counter() - start) / 100 < 0.001
