"""The kind of concern: read from the interviewer's words, or taken from a card's category."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.content.loader import ContentError, data_dir
from coach.content.response_phrases import concern_book, response_phrases
from coach.domain import FeedbackCard, assess_pitch
from coach.domain.concerns import KINDS, OTHER, ConcernBook, kind_of, recognise_kind

# Written for these tests, one per kind, in an interviewer's words (none is from the corpus).
SAID = {
    "strong-match": "Honestly, you'd be a great fit; your background lines up with the role.",
    "skills-gap": "The team uses Terraform daily; I didn't hear hands-on experience with it.",
    "experience-gap": "We usually want more experience than you have for a role this senior.",
    "stronger-competition": "A few other candidates have run bigger teams than you have.",
    "overqualified": "You seem overqualified for this position; would you get bored?",
    "culture-fit": "We're a scrappy startup and I'm not sure our culture would suit you.",
    "communication-depth": "Your answers stayed high-level; I wanted more detail on the results.",
    "evasive": "It's hard to say at this point, we're early in the process.",
    "employment-gap": "I see a two-year gap on your resume. What happened there?",
    "short-tenure": "You've had four jobs in five years; how long would you stay here?",
    "let-go": "Your last employer let you go. Can you tell me about that?",
    "salary-above-range": "Your salary expectations are above the range we budgeted.",
    "career-change": "You're changing careers from teaching; why should we take the risk?",
    "missing-degree": "Most people in this role have a degree, and you don't.",
    "location-notice": "You'd need to relocate, and your notice period is three months.",
    "challenged-claim": "How do I know you actually did that and not your team? Can you prove it?",
}


@pytest.fixture(scope="module")
def book() -> ConcernBook:
    return concern_book()


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_read_from_an_interviewers_words(kind: str, book: ConcernBook) -> None:
    assert recognise_kind(SAID[kind], book) == kind


def test_the_sixteen_kinds_are_the_decks_and_the_corpus_names() -> None:
    assert len(KINDS) == len(set(KINDS)) == 16
    assert {"strong-match", "let-go", "challenged-claim"} <= set(KINDS)


def test_words_of_no_kind_are_other(book: ConcernBook) -> None:
    assert recognise_kind("The weather is lovely today.", book) == OTHER
    assert recognise_kind("", book) == OTHER


def test_a_common_question_outside_the_kinds_is_other_with_its_own_answer_words(
    book: ConcernBook,
) -> None:
    kind = book.recognise("What is your greatest weakness?")
    assert kind.reported == OTHER
    assert kind.id != OTHER  # a topic: "other:weakness"


def test_a_kind_beats_a_topic_of_other(book: ConcernBook) -> None:
    assert recognise_kind("Why did you leave your last job? Were you fired?", book) == "let-go"


def test_a_cards_category_is_its_kind_whatever_its_words(book: ConcernBook) -> None:
    said = "We were hoping for more hands-on experience with dbt."
    assert kind_of("let-go", said, book).id == "let-go"
    assert kind_of("heard", said, book).id == "skills-gap"
    assert kind_of("", said, book).id == "skills-gap"


def test_assess_pitch_takes_the_kind_from_a_card_and_from_text() -> None:
    reply = "Thank you, that's great to hear. What would the next step be?"
    card = FeedbackCard("x", "strong-match", "See you soon.", "the next round", ("next",))
    heard = FeedbackCard("y", "heard", SAID["employment-gap"], "what you heard")
    lengths = [
        c.passed
        for fb in (card, heard, {"feedback": "See you soon.", "category": "employment-gap"})
        for c in assess_pitch(reply, fb).checks
        if c.id == "response.length"
    ]
    assert lengths == [True, False, False]


def test_every_kind_has_signals_answer_words_and_a_length(book: ConcernBook) -> None:
    ids = {kind.id for kind in book.kinds}
    assert set(KINDS) <= ids
    for kind in book.kinds:
        assert kind.signals and kind.answer.words and kind.need, kind.id
        assert 0 < kind.min_words < kind.max_words <= 250


def test_short_replies_fit_strong_matches_and_considered_ones_fit_gaps(book: ConcernBook) -> None:
    assert book.get("strong-match").min_words < book.get("employment-gap").min_words
    assert book.get("evasive").min_words < book.get("let-go").min_words


def test_a_broken_concerns_file_names_the_field() -> None:
    with pytest.raises(ValueError, match="kinds"):
        ConcernBook.from_raw({"kinds": []})
    raw = json.loads((data_dir() / "phrases" / "concerns.json").read_text())
    raw["kinds"]["let-go"]["min_words"] = "twenty"
    with pytest.raises(ValueError, match="let-go"):
        ConcernBook.from_raw(raw)
    raw = json.loads((data_dir() / "phrases" / "concerns.json").read_text())
    raw["kinds"]["made-up"] = raw["kinds"]["let-go"]
    with pytest.raises(ValueError, match="made-up"):
        ConcernBook.from_raw(raw)


def test_a_missing_phrase_folder_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="missing"):
        concern_book(tmp_path)
    with pytest.raises(ContentError, match="missing"):
        response_phrases(tmp_path)


def test_a_broken_phrase_list_is_a_content_error(tmp_path: Path) -> None:
    (tmp_path / "phrases").mkdir()
    raw = json.loads((data_dir() / "phrases" / "response.json").read_text())
    raw["hedges"] = "um, uh"
    (tmp_path / "phrases" / "response.json").write_text(json.dumps(raw))
    with pytest.raises(ContentError, match="hedges"):
        response_phrases(tmp_path)


def test_importing_the_domain_reads_no_phrase_file() -> None:
    # A fresh interpreter: in this one, other tests have already loaded the lists.
    code = (
        "import sys, coach.domain.pitch, coach.domain.concerns\n"
        "print('coach.content.response_phrases' in sys.modules,"
        " 'coach.content.loader' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
