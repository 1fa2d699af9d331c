"""A mock exchange's turns as the user takes them: what was typed (or said), when, and how
long, turned into the ``Turn`` and the ``Attempt`` that are saved.

The screen notes the moments (the prompt shown, the first word, the turn sent) from the app's
clock; this works out the seconds and the coaching, so the arithmetic is tested without a
screen. Pure: the clock's readings are arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coach.domain import limits
from coach.domain.cards import FeedbackCard
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.exchange_debrief import score_turn
from coach.domain.models import Attempt, Profile, Turn, TurnStep

ASK = "Do you have any questions for me?"
"""What the interviewer says to open the exchange: the cue for the closing question."""


@dataclass(frozen=True)
class Taken:
    """One turn as the user took it."""

    step: TurnStep
    """Which turn."""
    prompt: str
    """What the interviewer said before it."""
    text: str
    """What was typed (or the gist of what was said); may be empty in aloud mode."""
    prompted_at: datetime
    """When the prompt was shown (the turn's clock started)."""
    first_word_at: datetime | None
    """The first key typed, or the aloud clock's start, whichever came first; None if
    neither happened."""
    sent_at: datetime
    """When the turn was sent."""
    spoken_seconds: float | None = None
    """The aloud clock's time, if it ran: how long the user spoke."""


def _seconds(start: datetime, end: datetime) -> float:
    return round(max(0.0, min((end - start).total_seconds(), limits.MAX_SPOKEN_SECONDS)), 1)


def turn_length(taken: Taken) -> float | None:
    """How long the turn took: the aloud clock's time if it ran, else from the first word to
    sending; None if neither was measured."""
    if taken.spoken_seconds is not None:
        # Within what the store keeps: a clock left running overnight (a laptop asleep) must
        # not save a time the reader would refuse.
        return round(max(0.0, min(taken.spoken_seconds, limits.MAX_SPOKEN_SECONDS)), 1)
    if taken.first_word_at is None:
        return None
    return _seconds(taken.first_word_at, taken.sent_at)


def record_turn(
    taken: Taken, card: FeedbackCard | None, profile: Profile
) -> tuple[Turn, Attempt | None]:
    """The turn to save and its attempt (None when nothing was typed).

    Args:
        taken: The turn as taken.
        card: The card the reply came from (None for the question, or for a reply from no
            card: the answer is then coached as the closing question asked again, and saved
            as an attempt at it).
        profile: The user's profile, for the coaching of answers.
    """
    first_word = (
        None if taken.first_word_at is None else _seconds(taken.prompted_at, taken.first_word_at)
    )
    seconds = turn_length(taken)
    on_card = card is not None and taken.step != "question"
    # A reply from no card is answered as the closing question asked again (see ``card``).
    turn_card = card.id if on_card and card else QUESTION_CARD_ID
    if not taken.text.strip():
        return Turn(taken.step, taken.prompt, turn_card, None, first_word, seconds, None), None
    assessment = score_turn(taken.step, taken.text, card, profile)
    attempt = Attempt(
        kind="response" if on_card else "question",
        text=taken.text,
        card_id=card.id if on_card and card else QUESTION_CARD_ID,
        score=assessment.score,
        # Only time spoken aloud: typing time is not how long it takes to say (Rehearse's
        # history and the exports read this as the stopwatch's).
        spoken_seconds=turn_length(taken) if taken.spoken_seconds is not None else None,
        created_at=taken.sent_at.isoformat(timespec="seconds"),
        checks=assessment.checks,
    )
    turn = Turn(taken.step, taken.prompt, turn_card, None, first_word, seconds, assessment.score)
    return turn, attempt
