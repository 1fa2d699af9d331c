"""Coaching reads a draft's first 2,000 words, never more, whatever its size.

Counted, not timed: the assessors are watched for the longest text any of their text tools
is handed, so these tests cannot be flaky on a busy machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content.loader import load_deck
from coach.domain import assess_closing_question, assess_pitch, phrase_index
from coach.domain import text as t
from coach.domain.assessment import Assessment

QUESTION = (
    "Now that we've had a chance to talk, how does my background measure up to the "
    "requirements of the job? To the other candidates? Um, I led the team of 12. "
)
MEGABYTE = (QUESTION * (1_000_000 // len(QUESTION) + 1))[:1_000_000]

ASSESSORS: dict[str, Callable[[str], Assessment]] = {
    "question": assess_closing_question,
    "pitch": lambda text: assess_pitch(
        text, load_deck()[1][0], [{"text": "Kubernetes", "evidence": "ran 40 services"}]
    ),
}

TOOLS = ("find", "remove", "sentences", "word_count", "words", "content_stems", "has_number")
"""The text tools the assessors do their work with (they all cost by the character)."""


@pytest.fixture
def longest(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The length of the longest text handed to any text tool, while the test runs."""
    seen = [0]
    for name in TOOLS:
        tool = getattr(t, name)

        def watched(*args: Any, _tool: Any = tool, **kwargs: Any) -> Any:
            texts = [a for a in args if isinstance(a, str)]
            seen[0] = max([seen[0], *map(len, texts)])
            return _tool(*args, **kwargs)

        monkeypatch.setattr(t, name, watched)
    # The closing question is read by words, in one pass over the text.
    tokenize = phrase_index.tokenize

    def watched_tokenize(text: str) -> list[phrase_index.Token]:
        seen[0] = max(seen[0], len(text))
        return tokenize(text)

    monkeypatch.setattr(phrase_index, "tokenize", watched_tokenize)
    yield seen


@pytest.mark.parametrize("kind", list(ASSESSORS))
def test_a_megabyte_is_coached_on_its_first_2000_words_only(kind: str, longest: list[int]) -> None:
    assessment = ASSESSORS[kind](MEGABYTE)
    assert 0 < longest[0] <= t.MAX_COACHED_CHARS
    assert assessment.coached_up_to is not None
    coached = MEGABYTE[: assessment.coached_up_to]
    assert t.word_count(coached) == t.MAX_COACHED_WORDS
    # The part coached is the text's beginning: every flagged phrase points into it.
    spans = [span for check in assessment.checks for span in check.spans]
    assert spans and all(MEGABYTE[s.start : s.end] == s.text for s in spans)
    assert all(s.end <= assessment.coached_up_to for s in spans)


UNVOUCHED = {
    "question": ("question.not-undermining", "question.no-filler", "question.no-bad-close"),
    "pitch": ("response.not-defensive", "response.confident", "response.no-blame"),
}
"""The checks that look for what costs points: a cut text cannot pass them (its rest is unread)."""
CLEAN = {
    "question": "Now that we've had a chance to talk, how does my background measure up to the "
    "requirements of the job, and to the other candidates? ",
    "pitch": "That's a fair point. I ran 40 services on Kubernetes for two years, and I cut "
    "deploys from an hour to ten minutes. I'd bring that to your platform team from day one. ",
}
UNDERMINING = {
    "question": " I know I'm not the most qualified, um, sorry. ",
    "pitch": " Well, that's not true, you're wrong, I guess I just sort of maybe, sorry. ",
}


@pytest.mark.parametrize("kind", list(ASSESSORS))
def test_a_cut_text_scores_like_its_coached_part_less_what_it_cannot_vouch_for(
    kind: str,
) -> None:
    whole = ASSESSORS[kind](MEGABYTE)
    assert whole.coached_up_to is not None
    part = ASSESSORS[kind](MEGABYTE[: whole.coached_up_to])
    assert part.coached_up_to is None
    unvouched = UNVOUCHED[kind]
    for mine, theirs in zip(whole.checks, part.checks, strict=True):
        if mine.id in unvouched:
            assert not mine.passed and mine.points == 0
        else:  # the length check's tip says why it is long: only what it scores is compared
            assert (mine.passed, mine.points) == (theirs.passed, theirs.points)
    lost = sum(c.points for c in part.checks if c.id in unvouched)
    assert whole.score == max(0, part.score - lost)


@pytest.mark.parametrize("kind", list(ASSESSORS))
def test_undermining_put_past_the_2000th_word_is_not_a_clean_answer(kind: str) -> None:
    # Reviewer's reproduction: a clean answer, padded to 2,000 words with itself, then
    # undermining and filler after them, scored like the clean answer.
    clean = CLEAN[kind] * (t.MAX_COACHED_WORDS // t.word_count(CLEAN[kind]) + 1)
    part, _ = t.coached_part(clean)
    gamed = ASSESSORS[kind](clean + UNDERMINING[kind] * 50)
    fair = ASSESSORS[kind](part)
    assert gamed.coached_up_to is not None
    # (The padded answer says itself again and again, which the judges now mark down too, so
    # the fair one does not pass every check: the point is that the gamed one cannot do better.)
    assert all(not gamed.check(name).passed for name in UNVOUCHED[kind])
    assert gamed.score <= fair.score
    tip = gamed.check(UNVOUCHED[kind][0]).tip
    assert tip.startswith("Not checked past the first 2,000 words")


@pytest.mark.parametrize("kind", list(ASSESSORS))
def test_a_text_within_the_limit_is_coached_whole(kind: str) -> None:
    assert ASSESSORS[kind](QUESTION * 3).coached_up_to is None


def test_the_length_tip_says_the_text_is_over_the_limit() -> None:
    tip = assess_closing_question(MEGABYTE).check("About 15 seconds to say").tip
    assert tip == "Over 2,000 words: trim it to about 15 seconds aloud."


@pytest.mark.parametrize(
    "text", ["x" * 5_000_000, "!" * 5_000_000, " " * 5_000_000, "é " * 2_000_000]
)
def test_long_runs_without_ordinary_words_are_cut_by_the_character(
    text: str, longest: list[int]
) -> None:
    for assess in ASSESSORS.values():
        assess(text)
    assert longest[0] <= t.MAX_COACHED_CHARS


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word", "don't", "a", " ", "\n", "?", ". ", "—", "é", "12", "x" * 40]),
        max_size=3_000,
    ).map("".join)
)
def test_the_coached_part_is_a_prefix_of_at_most_2000_words(text: str) -> None:
    part, cut = t.coached_part(text)
    assert text.startswith(part)
    assert len(part) <= t.MAX_COACHED_CHARS
    assert t.word_count(part) <= t.MAX_COACHED_WORDS
    if not cut:
        assert part == text
    elif len(part) < t.MAX_COACHED_CHARS:
        # Cut at a word: exactly the first 2,000, and the next one starts right after.
        assert t.word_count(part) == t.MAX_COACHED_WORDS
        assert t.word_count(text) > t.MAX_COACHED_WORDS
    assert t.capped_word_count(text) == (t.word_count(part), cut)


def test_the_public_calls_take_the_same_arguments_as_before() -> None:
    assert assess_closing_question("How do I measure up?").coached_up_to is None
    by_name = assess_pitch(
        response="That's fair. I ran 40 services on Kubernetes.",
        feedback="We need more Kubernetes experience.",
        strengths=["Docker: shipped 40 services"],
    )
    positional = assess_pitch(
        "That's fair. I ran 40 services on Kubernetes.", "We need more Kubernetes experience."
    )
    assert 0 < by_name.score <= 100 and 0 < positional.score <= 100
