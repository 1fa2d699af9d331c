"""Scoring a mock exchange's turns, and the debrief that follows it.

Each turn is scored by the assessor that already coaches it on its own card: the closing
question by ``assess_closing_question``, the answer and the answer to the probe by
``assess_pitch`` (against the reply, then against the probe on the same concern). The debrief
puts on one screen what a coach would say afterwards: each turn's score and its most useful
tip, how soon you started and how long you spoke, your best earlier answer to the same card,
and what to practise next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from coach.domain import drill, limits
from coach.domain.assessment import Assessment, Check
from coach.domain.cards import FeedbackCard
from coach.domain.closing import assess_closing_question
from coach.domain.closing_phrases import ClosingPhrases
from coach.domain.concerns import ConcernBook
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.models import Attempt, Exchange, Profile, TurnStep
from coach.domain.pitch import assess_pitch
from coach.domain.response_phrases import ResponsePhrases


def score_turn(
    step: TurnStep,
    text: str,
    card: FeedbackCard | None,
    profile: Profile,
    *,
    closing: ClosingPhrases | None = None,
    responses: ResponsePhrases | None = None,
    concerns: ConcernBook | None = None,
) -> Assessment:
    """The coaching of one turn of a mock exchange.

    Args:
        step: Which turn: the closing question, the answer to the reply, or the answer to
            the probe.
        text: What the user typed (or the gist of what they said).
        card: The card the reply came from. None for a reply from no card (polite, next
            steps): that reply hands the question back, so the answer is coached as a closing
            question, asked again.
        profile: The user's profile: answers are coached against its strengths.
        closing, responses, concerns: The phrase lists; coach's own by default.
    """
    if step == "question" or card is None:
        return assess_closing_question(text, phrases=closing)
    if step == "probe" and card.probe:
        # The same concern, pushed once more: answered against what the probe says.
        card = replace(card, feedback=card.probe)
    return assess_pitch(text, card, profile.strengths, phrases=responses, concerns=concerns)


def most_useful_tip(checks: Iterable[Check]) -> str:
    """The tip of the failed check that would earn the most points; "" if none failed."""
    failed = [check for check in checks if not check.passed]
    if not failed:
        return ""
    return max(failed, key=lambda check: check.max_points - check.points).tip


@dataclass(frozen=True)
class TurnReview:
    """One turn of the debrief."""

    step: TurnStep
    """Which turn it was."""
    prompt: str
    """What the interviewer said before it."""
    card_id: str
    """The card it practised; empty for a turn on a reply from no card."""
    text: str
    """What the user typed; empty when nothing was (aloud, without the gist)."""
    score: int | None
    """Its score; None with no text."""
    tip: str
    """Its most useful tip (``most_useful_tip``); empty when nothing failed or nothing was
    typed."""
    first_word_seconds: float | None
    """Seconds from the prompt to the first word; None if not measured."""
    seconds: float | None
    """How long the turn took; None if not measured."""
    best_earlier: Attempt | None
    """The user's best earlier answer on the same card, outside this exchange; None if there
    is none."""


@dataclass(frozen=True)
class Debrief:
    """What a mock exchange showed, on one screen."""

    exchange: Exchange
    turns: tuple[TurnReview, ...]
    """One review per turn, in order."""
    practise_next: str | None
    """The card to practise next: the weakest turn's card if it scored below
    ``drill.PROMOTE_AT``, else the card most due; None when there is nothing to practise."""
    practise_reason: str
    """Why that card, in a few words ("your weakest turn", "due next")."""


def best_earlier(card_id: str, attempts: Iterable[Attempt], exchange: Exchange) -> Attempt | None:
    """The highest-scoring attempt on ``card_id`` saved before ``exchange`` began and not a
    turn of it (the latest of equal scores); None if there is none (or the exchange's start
    cannot be read)."""
    if not card_id:
        return None
    own = {turn.attempt_id for turn in exchange.turns if turn.attempt_id is not None}
    # Earlier only: a past exchange debriefed again must not be shown a later answer.
    began = drill.saved_at(Attempt("question", "", created_at=exchange.started_at))
    earlier = [
        a
        for a in attempts
        if a.card_id == card_id
        and a.id not in own
        and (exchange.id is None or a.exchange_id != exchange.id)
        and drill.saved_at(a) < began
    ]
    if not earlier:
        return None
    return max(earlier, key=lambda a: (a.score, drill.saved_at(a)))


def debrief(
    exchange: Exchange,
    attempts: Sequence[Attempt],
    cards: Sequence[FeedbackCard],
    *,
    now: datetime | None = None,
) -> Debrief:
    """The debrief of ``exchange``.

    Args:
        exchange: The exchange, with its turns (their ``attempt_id`` finds what was typed).
        attempts: Every saved attempt, this exchange's turns among them.
        cards: The cards on offer (for what is due next).
        now: When spaced repetition is asked what is due; the exchange's start by default.
    """
    by_id = {a.id: a for a in attempts if a.id is not None}
    grouped = drill.by_card(attempts)  # once: each turn looks at its own card's attempts
    reviews = []
    for turn in exchange.turns:
        attempt = by_id.get(turn.attempt_id) if turn.attempt_id is not None else None
        reviews.append(
            TurnReview(
                step=turn.step,
                prompt=turn.prompt,
                card_id=turn.card_id,
                text=attempt.text if attempt else "",
                score=_score(turn.score, attempt),
                tip=most_useful_tip(attempt.checks) if attempt else "",
                first_word_seconds=turn.first_word_seconds,
                seconds=turn.seconds,
                best_earlier=best_earlier(turn.card_id, grouped.get(turn.card_id, ()), exchange),
            )
        )
    card_id, reason = _practise_next(reviews, attempts, cards, exchange, now)
    return Debrief(exchange, tuple(reviews), card_id, reason)


def _score(score: int | None, attempt: Attempt | None) -> int | None:
    """The turn's score as the exchange recorded it, else its attempt's."""
    if score is not None or attempt is None:
        return score
    return attempt.score


def _practise_next(
    reviews: Sequence[TurnReview],
    attempts: Sequence[Attempt],
    cards: Sequence[FeedbackCard],
    exchange: Exchange,
    now: datetime | None,
) -> tuple[str | None, str]:
    scored = [r for r in reviews if r.card_id and r.score is not None]
    if scored:
        weakest = min(scored, key=lambda r: r.score or 0)
        if (weakest.score or 0) < drill.PROMOTE_AT:
            return weakest.card_id, "your weakest turn"
    if now is None:
        now = limits.moment(exchange.started_at, zone_required=False) or datetime.now().astimezone()
        if now.tzinfo is None:
            now = now.astimezone()
    card_ids = [QUESTION_CARD_ID, *(card.id for card in cards)]
    kinds = {card.id: card.category for card in cards if card.source == "deck"}
    ranked = drill.ranked(card_ids, attempts, now, kinds)
    # Not a card this exchange just practised (while another is on offer): it went well.
    practised = {r.card_id for r in reviews}
    due = next((c for c in ranked if c not in practised), ranked[0] if ranked else None)
    return due, "due next"
