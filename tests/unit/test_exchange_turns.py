"""A mock exchange's turns as taken: the seconds and the attempt saved for each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coach.content.loader import load_deck
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.exchange_turns import ASK, Taken, record_turn
from coach.domain.models import Profile

START = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def test_a_typed_answer_is_a_response_on_the_card_timed_from_its_first_word() -> None:
    card = load_deck()[1][0]
    taken = Taken("answer", card.feedback, "I would bring my SQL work.", at(0), at(4), at(34))
    turn, attempt = record_turn(taken, card, Profile())
    assert (turn.first_word_seconds, turn.seconds, turn.card_id) == (4.0, 30.0, card.id)
    assert attempt is not None
    # Typing time is not speaking time: the attempt's stopwatch field stays empty.
    assert (attempt.kind, attempt.card_id, attempt.spoken_seconds) == ("response", card.id, None)
    assert attempt.score == turn.score and attempt.created_at == at(34).isoformat()


def test_the_question_is_an_attempt_at_the_closing_question() -> None:
    taken = Taken("question", ASK, "How do I measure up?", at(0), at(2), at(9))
    turn, attempt = record_turn(taken, None, Profile())
    assert turn.card_id == QUESTION_CARD_ID
    assert attempt is not None and (attempt.kind, attempt.card_id) == ("question", QUESTION_CARD_ID)


def test_said_aloud_without_a_gist_keeps_the_aloud_clock_and_no_score() -> None:
    taken = Taken("question", ASK, "", at(0), at(3), at(20), spoken_seconds=11.5)
    turn, attempt = record_turn(taken, None, Profile())
    assert attempt is None
    assert (turn.first_word_seconds, turn.seconds, turn.score) == (3.0, 11.5, None)


def test_an_aloud_clock_left_running_overnight_is_kept_within_what_the_store_reads() -> None:
    from coach.domain import limits

    taken = Taken("answer", "x", "gist", at(0), at(1), at(90_000), spoken_seconds=90_000.0)
    turn, attempt = record_turn(taken, load_deck()[1][0], Profile())
    assert turn.seconds == limits.MAX_SPOKEN_SECONDS
    assert attempt is not None and attempt.spoken_seconds == limits.MAX_SPOKEN_SECONDS


def test_an_answer_to_a_reply_from_no_card_is_the_closing_question_asked_again() -> None:
    taken = Taken(
        "answer", "Sure, what would you like to know?", "How do I measure up?", at(0), at(1), at(5)
    )
    turn, attempt = record_turn(taken, None, Profile())
    assert turn.card_id == QUESTION_CARD_ID  # so the debrief shows its best earlier answer
    assert attempt is not None and (attempt.kind, attempt.card_id) == ("question", QUESTION_CARD_ID)
