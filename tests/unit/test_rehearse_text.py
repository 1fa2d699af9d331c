"""The Rehearse screen's wording, built from values."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coach.content.loader import load_deck, load_questions
from coach.domain import Attempt, drill
from coach.widgets.card_history import history_line
from coach.widgets.prompt import card_prompt, question_prompt
from coach.widgets.stopwatch import status_line


def test_the_question_prompt_names_its_purposes() -> None:
    variants = load_questions()
    text = question_prompt(variants[0], 1, len(variants)).plain
    assert text.startswith("Ask the closing question")
    assert f"variant 1/{len(variants)}" in text
    assert "receive feedback" in text and "understand the competition" in text


def test_a_card_prompt_shows_what_was_said_and_the_concern() -> None:
    _, deck = load_deck()
    text = card_prompt(deck[0]).plain
    assert deck[0].feedback in text and f"Concern: {deck[0].concern}." in text


def test_the_status_line_follows_the_stopwatch() -> None:
    draft = "How does my background measure up to the requirements of the job?"
    assert "12 words" in status_line(draft, True, None, None).plain
    assert "ctrl+t: time yourself" in status_line(draft, True, None, None).plain
    assert "⏱  3.2 s — ctrl+t to stop" in status_line(draft, True, 3.2, None).plain
    assert "said in 14.0 s" in status_line(draft, True, None, 14.0).plain
    assert "(30-90 s)" in status_line(draft, False, None, None).plain
    assert "(aim 10-180 words)" in status_line(draft, False, None, None, (10, 180)).plain


def test_the_history_line_shows_the_best_attempt_or_says_there_is_none() -> None:
    none = drill.progress("c", [])
    assert history_line(none, None).plain == "No attempts saved for this card yet."
    attempts = [
        Attempt("response", "first go", "c", 40, created_at="2026-11-18T20:00:00+00:00"),
        Attempt("response", "better", "c", 80, created_at="2026-11-19T20:00:00+00:00"),
    ]
    state = drill.progress("c", attempts)
    text = history_line(state, attempts[1]).plain
    assert text.startswith("2 attempts · best 80 · last 80")
    assert "Best: better" in text
    assert state.due_at is not None
    assert f" · due {state.due_at:%a %d %b}" in text


def test_flagged_phrases_are_highlighted_in_one_copy_of_the_words() -> None:
    from coach.domain.assessment import Span
    from coach.widgets.coaching_panel import in_context

    text = "Um, so basically how do I compare? " + "x " * 60 + "um, really"
    spans = [Span(s, e, text[s:e]) for s, e in ((0, 2), (7, 16), (len(text) - 10, len(text) - 8))]
    line = in_context(text, spans)
    highlighted = [line.plain[s.start : s.end] for s in line.spans if "reverse" in str(s.style)]
    assert highlighted == ["Um", "basically", "um"]
    assert line.plain.count("basically") == 1 and "…" in line.plain  # the middle left out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["to", "be", "fair", "dbt", "warehouse", "I", "think"]), max_size=40),
    st.data(),
)
def test_the_words_in_context_are_never_cut_mid_word(words: list[str], data: st.DataObject) -> None:
    """Each stretch shown around a flagged phrase starts and ends at a word's edge ("use d…"
    was cut in the middle of "dbt")."""
    from coach.domain.assessment import Span
    from coach.widgets.coaching_panel import in_context

    text = " ".join(words)
    assume(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    line = in_context(text, [Span(start, end, text[start:end])]).plain
    for piece in line.split("…"):
        if piece:
            assert all(word in words for word in piece.split()), line
