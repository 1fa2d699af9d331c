"""A finished mock exchange as the store saves it, and as it is kept when that save fails.

The exchange screen builds the record once (``Finished``) and hands it to the store; when the
store refuses it (a full disk, a read-only file), the same record is kept so Ctrl+S can write
it again, unchanged: an exchange saved on the second try is saved exactly once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from coach.domain.cards import FeedbackCard
from coach.domain.exchange import Reply
from coach.domain.exchange_turns import Taken, record_turn
from coach.domain.models import Attempt, Exchange, Profile, Turn

NOT_SAVED = "Not saved: {reason}. Ctrl+S saves it again; leaving asks first."
"""The debrief's line while its exchange is not saved."""
LOST = "The mock exchange you just finished could not be saved (ctrl+s there tries again)."
"""What leaving or quitting would lose while it is not saved."""


@dataclass(frozen=True)
class Finished:
    """An exchange built at its end, before the store numbers it."""

    exchange: Exchange
    """The record, with no ids yet."""
    attempts: tuple[Attempt | None, ...]
    """One per turn: the attempt typed, or None for a turn only timed aloud."""
    ended_at: datetime
    """When the last turn was sent: the debrief asks spaced repetition what is due then."""
    reason: str = ""
    """Why the store refused it, once it did."""


def finished(
    reply: Reply,
    started_at: datetime,
    taken: Sequence[Taken],
    cards: Mapping[str, FeedbackCard],
    profile: Profile,
    *,
    aloud: bool,
    ended_at: datetime,
) -> Finished:
    """The exchange of the turns ``taken``, each scored (the question as a closing question,
    the answers against the reply's card)."""
    card = cards.get(reply.card_id)
    recorded = [
        record_turn(turn, None if turn.step == "question" else card, profile) for turn in taken
    ]
    exchange = Exchange(
        started_at=started_at.isoformat(timespec="seconds"),
        reply_kind=reply.kind,
        reply=reply.text,
        turns=tuple(turn for turn, _ in recorded),
        card_id=reply.card_id,
        aloud=aloud,
    )
    return Finished(exchange, tuple(attempt for _, attempt in recorded), ended_at)


def linked(exchange: Exchange, attempts: Sequence[Attempt | None]) -> list[Attempt]:
    """The typed ``attempts`` with the ids ``exchange``'s turns give them."""
    return [
        replace(attempt, id=turn.attempt_id, exchange_id=exchange.id)
        for turn, attempt in zip(exchange.turns, attempts, strict=True)
        if attempt is not None
    ]


def numbered(exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
    """``exchange`` with its typed turns linked to ids no saved attempt has (negative), so an
    exchange that could not be saved still gets its debrief."""
    turns: list[Turn] = []
    for n, (turn, attempt) in enumerate(zip(exchange.turns, attempts, strict=True)):
        turns.append(replace(turn, attempt_id=None if attempt is None else -1 - n))
    return replace(exchange, turns=tuple(turns))
