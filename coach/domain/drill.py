"""Spaced repetition ("repetition is the key"): Leitner boxes over a card's saved attempts.

A new card starts in the first box. It climbs a box each time it is answered well once due
(or within half a day of it) and falls back to the first box whenever it is answered poorly;
answered well before it is due, it stays where it is. Its box decides how long until it is due
again. The state is derived from the
attempts themselves, so there is nothing extra to store or to get out of step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from coach.domain import limits
from coach.domain.models import Attempt

INTERVAL_DAYS = (1, 3, 7, 14)
"""Days until a card in box 1, 2, 3, 4 is due again."""
PROMOTE_AT = 70
"""A score at or above this moves the card up a box."""
DEMOTE_BELOW = 50
"""A score below this sends the card back to the first box; in between, it stays put."""
EARLY_GRACE = timedelta(hours=12)
"""An answer counts as on time from this long before the card is due ("due tomorrow" holds
all of tomorrow); an earlier good one moves neither the box nor the date."""


@dataclass(frozen=True)
class CardProgress:
    """Where a card stands in the drill."""

    card_id: str
    """The card."""
    box: int
    """1-4 once practised; 0 for a card never practised."""
    attempts: int
    """How many attempts were saved."""
    best: int | None
    """The best score so far; None if never practised."""
    scores: tuple[int, ...]
    """Every score, oldest first (for the trend)."""
    due_at: datetime | None
    """When it is due again; None for a new card (due now)."""
    last_at: datetime | None = None
    """When it was last practised; None for a new card."""

    def is_due(self, now: datetime) -> bool:
        """Whether to practise it now."""
        return self.due_at is None or self.due_at <= now


def next_box(box: int, score: int) -> int:
    """The box after an attempt scoring ``score`` on a card in ``box`` (0 = new).

    A new card starts in the first box, as Leitner's do: a first answer that is good moves it
    up to the second (due in 3 days), one that is poor keeps it in the first (due tomorrow).
    Once both landed in box 1, so 100 and 0 were both "due again in 1 day".
    """
    box = max(1, box)
    if score < DEMOTE_BELOW:
        return 1
    if score >= PROMOTE_AT:
        return min(len(INTERVAL_DAYS), box + 1)
    return box


def saved_moment(attempt: Attempt) -> datetime | None:
    """When ``attempt`` was saved, zone-aware; None if its time stamp is unreadable or
    outside ``limits``' range. A time without a zone is taken as local time."""
    moment = limits.moment(attempt.created_at, zone_required=False)
    if moment is None or moment.tzinfo is not None:
        return moment
    # Asking the platform for the local offset of each of 10,000 naive time stamps
    # (``astimezone``) doubled the time a mock exchange takes to choose its reply. Offsets
    # change on the hour, so the offset is looked up once per hour (its first 13 characters,
    # "2026-01-05T09") and written onto the text, which Python reads fastest.
    offset = _local_offset(attempt.created_at[:13])
    if offset is not None:
        try:
            return datetime.fromisoformat(attempt.created_at + offset)
        except ValueError:
            pass  # a form that takes no offset after it: the slow way
    try:
        return moment.astimezone()
    except (OverflowError, OSError, ValueError):  # a platform without that local time
        return None


@lru_cache(maxsize=4096)
def _local_offset(hour: str) -> str | None:
    """The local UTC offset ("+01:00") in force for the whole of ``hour`` ("2026-01-05T09",
    naive); None if that does not read as an hour, or the offset changes within it (the hour
    the clocks go forward, whose missing times ``astimezone`` moves)."""
    try:
        start = datetime.fromisoformat(hour + ":00")
        end = start + timedelta(minutes=59, seconds=59, microseconds=999_999)
        first, last = start.astimezone(), end.astimezone()
    except (OverflowError, OSError, ValueError):
        return None
    whole = first.replace(tzinfo=None) == start and last.replace(tzinfo=None) == end
    return first.isoformat()[19:] if whole and first.utcoffset() == last.utcoffset() else None


def saved_at(attempt: Attempt) -> float:
    """When ``attempt`` was saved, as a number to sort by. Its text would sort wrongly across
    time zones (an import from another machine, a change of summer time); an unreadable or
    missing time sorts first."""
    moment = saved_moment(attempt)
    return moment.timestamp() if moment is not None else float("-inf")


def progress(card_id: str, attempts: Iterable[Attempt]) -> CardProgress:
    """Replay a card's attempts (any order) into its Leitner state. An attempt without a
    usable time stamp (see ``saved_at``) is left out: it cannot be placed in the replay."""
    timed = ((saved_moment(a), a) for a in attempts if a.card_id == card_id)
    mine = sorted(
        ((moment, a) for moment, a in timed if moment is not None),
        key=lambda pair: pair[0].timestamp(),
    )
    if not mine:
        return CardProgress(card_id, 0, 0, None, (), None)
    box, due = 0, None
    for moment, attempt in mine:
        early = due is not None and moment < due - EARLY_GRACE
        if early and attempt.score >= DEMOTE_BELOW:
            # Practised again before it was due (the evening's repeats, a second go): a good
            # answer then proves nothing the box does not already say, so the box and its
            # date stand. A poor one still sends it back.
            continue
        box = next_box(box, attempt.score)
        # Clamped: a time stamp at the end of the calendar must not overflow (see limits).
        due = limits.add_moment_days(moment, INTERVAL_DAYS[box - 1])
    scores = tuple(a.score for _, a in mine)
    return CardProgress(card_id, box, len(mine), max(scores), scores, due, mine[-1][0])


def by_card(attempts: Iterable[Attempt]) -> dict[str, list[Attempt]]:
    """The attempts grouped by their card, in one pass: replaying each card of a deck of a
    hundred against the whole history would read a long history a hundred times."""
    grouped: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        grouped.setdefault(attempt.card_id, []).append(attempt)
    return grouped


def new_card_order(card_ids: Sequence[str], kinds: Mapping[str, str]) -> dict[str, int]:
    """Where each card stands among new cards: cards without a kind (the closing question, the
    cards tailored to the profile or heard) first in their order, then the deck's cards taken
    one of each kind in turn, so a fresh deck of sixteen kinds is met kind by kind rather than
    seven cards of one kind before any of the next."""
    seen: dict[str, int] = {}
    kind_order: dict[str, int] = {}
    ranked: list[tuple[int, int, int, str]] = []
    for place, card_id in enumerate(card_ids):
        kind = kinds.get(card_id)
        if kind is None:
            ranked.append((0, place, 0, card_id))
            continue
        kind_order.setdefault(kind, len(kind_order))
        seen[kind] = seen.get(kind, 0) + 1
        ranked.append((1, seen[kind], kind_order[kind], card_id))
    return {card_id: n for n, (*_, card_id) in enumerate(sorted(ranked))}


def ranked(
    card_ids: Sequence[str],
    attempts: Iterable[Attempt],
    now: datetime,
    kinds: Mapping[str, str] | None = None,
) -> list[str]:
    """Every card, most due first: practised cards that are due (the most overdue first),
    then new ones (in deck order or, given the deck cards' ``kinds``, one of each kind in
    turn: ``new_card_order``), then the rest, due soonest first."""
    grouped = by_card(attempts)
    states = [progress(card_id, grouped.get(card_id, ())) for card_id in card_ids]
    order = (
        new_card_order(card_ids, kinds)
        if kinds
        else {card_id: n for n, card_id in enumerate(card_ids)}
    )

    def urgency(state: CardProgress) -> tuple[int, datetime, int]:
        practised_due = state.due_at is not None and state.due_at <= now
        rank = 0 if practised_due else 1 if state.due_at is None else 2
        return (rank, state.due_at or now, order[state.card_id])

    return [state.card_id for state in sorted(states, key=urgency)]


def next_due(
    card_ids: Sequence[str],
    attempts: Sequence[Attempt],
    now: datetime,
    after: str | None = None,
    kinds: Mapping[str, str] | None = None,
) -> str | None:
    """The card to practise next: the first of ``ranked``, but never the card just
    practised (``after``) while another is due. None for an empty deck.
    """
    if not card_ids:
        return None
    order = ranked(card_ids, attempts, now, kinds)
    for card_id in order:
        if card_id != after:
            return card_id
    return order[0]
