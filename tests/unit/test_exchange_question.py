"""What a closing question asks, as the mock exchange reads it to choose the reply: the ways
career advice phrases a question about fit or the competition draw a concern; the next steps,
the culture or the timeline do not; key words strung together earn nothing."""

from __future__ import annotations

import pytest

from coach.domain.closing_reading import read
from coach.domain.exchange import question_asks
from coach.domain.packaged import content


@pytest.mark.parametrize(
    "question",
    [
        # The review's list, from career advice on closing questions.
        "How do I compare to the other people you're interviewing?",
        "Is there anything about my background that gives you pause?",
        "Do you have any concerns about my fit for this role?",
        "What reservations do you have about my candidacy?",
        "Do you see any gaps between my experience and what you need?",
        "How do I stack up against the other candidates?",
        "Where do I stand?",
        "Is there anything that would keep you from moving me forward?",
        # Read as neither before: a word for doubt the reader lacked, or the doubt in a lead-in.
        "Is there anything that would make you hesitate to hire me?",
        "What would stop you from hiring me?",
        "Is there anything holding you back from offering me the role?",
        "Is there any reason you wouldn't hire me?",
        "Is there anything that would prevent me from getting this job?",
        "Any doubts about my qualifications?",
        "Any reservations about my background?",
        "Are you concerned about anything in my background?",
        "Is there anything about my experience you're unsure about?",
        "Do I have what it takes?",
        "Based on what we've discussed, do you think I'm a strong candidate?",
        "What could I do to be a stronger candidate?",
        "What are your thoughts on my candidacy?",
        "What do you think of my experience so far?",
        "Can you see me in this role?",
        "Who else are you considering for the role?",
    ],
)
def test_questions_about_fit_or_the_field_read_as_fit(question: str) -> None:
    assert question_asks(question) == "fit"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What are the next steps?", "next-steps"),
        ("When will I hear back?", "next-steps"),
        ("What's the team culture like?", "neither"),
        ("What are the biggest challenges of this role?", "neither"),
        # The new words read as fit only about you, or about the field.
        ("Who else is on the team?", "neither"),
        ("Are you concerned about the market?", "neither"),
        ("What do you think of the new office?", "neither"),
        ("What would stop the project from shipping?", "neither"),
        ("What are the next steps for my candidacy?", "next-steps"),
    ],
)
def test_questions_about_other_things_do_not(question: str, asked: str) -> None:
    assert question_asks(question) == asked


@pytest.mark.parametrize(
    "stuffed",
    [
        "fit concerns gaps competition?",
        "Fit, gaps, concerns, competition, candidates, others?",
        "How do I fit fit fit?",
        "Do you have any concerns, concerns, concerns?",
    ],
)
def test_key_words_strung_together_or_repeated_earn_no_reading(stuffed: str) -> None:
    assert question_asks(stuffed) == "neither"


def test_a_real_question_beside_repeated_words_is_still_read() -> None:
    assert question_asks("Concerns, concerns, concerns: how do I compare?") == "fit"


def test_a_list_of_key_words_is_stuffing_to_its_last_word() -> None:
    reading = read("fit concerns gaps competition?", content().closing_phrases())
    assert [span.text for span in reading.stuffing] == ["fit concerns gaps competition"]
