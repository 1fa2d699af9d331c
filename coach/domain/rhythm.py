"""The rhythm of practice: the evening before an interview, then spaced repetition.

With an interview tomorrow, "due again in 3 days" helps nobody: a weak answer needs another try
tonight. So from the start of the day before the interview to the end of its day (coach knows
the interview's day, not its hour), practice runs in short steps within the evening, judged by
each card's answers saved since that start:

* an answer below ``REPEAT_BELOW`` (70) comes back after ``GAP`` answers to other cards;
* one from 70 to ``DONE_ABOVE`` (85) comes back once more before the evening ends, after the
  cards still to go; a second answer of 70 or more then settles it;
* one above 85 is done for the evening.

Before that day, after the interview or with no date, the Leitner boxes of ``coach.domain.
drill`` (1, 3, 7, 14 days) decide. Everything here is derived from the saved attempts and the
clock passed in, so there is nothing extra to store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from coach.domain import drill, limits
from coach.domain.cards import FeedbackCard
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.models import Attempt, Profile

REPEAT_BELOW = 70
"""An answer below this comes back after a few other cards."""
DONE_ABOVE = 85
"""An answer above this is done for the evening; from ``REPEAT_BELOW`` to here, once more."""
GAP = 3
"""Answers to other cards before a weak answer's card comes back."""
EVENING_NEW_CARDS = 6
"""New deck cards planned for one evening, besides every card already practised and the cards
about you (the closing question, tailored and heard cards): one evening does not hold 48."""

Standing = Literal["to go", "again soon", "once more", "done"]
"""Where a card of tonight's plan stands: not answered yet tonight; answered below 70; answered
from 70 to 85 once; done for the evening."""


def interview_day(profile: Profile) -> date | None:
    """The day of the next interview; None if none is set (or the stored one is unreadable).

    The one place the date comes from: once interviews can be scheduled, the nearest
    scheduled round will supply it here.
    """
    return limits.day(profile.interview_date)


def evening_start(interview: date | None, now: datetime) -> datetime | None:
    """When tonight's practice began counting (midnight starting the day before the
    interview, in ``now``'s time zone) if ``now`` is in the evening-before rhythm; else None."""
    if interview is None:
        return None
    eve = limits.add_days(interview, -1)
    if not eve <= now.date() <= interview:
        return None
    return datetime.combine(eve, time(), tzinfo=now.tzinfo)


@dataclass(frozen=True)
class CardTonight:
    """One planned card's evening."""

    card_id: str
    """The card."""
    scores: tuple[int, ...]
    """Its answers' scores tonight, oldest first."""
    since: int
    """Answers to other cards since its last answer tonight (0 if not answered tonight)."""

    @property
    def standing(self) -> Standing:
        """Where it stands tonight (see ``Standing``)."""
        if not self.scores:
            return "to go"
        last = self.scores[-1]
        if last < REPEAT_BELOW:
            return "again soon"
        if last > DONE_ABOVE or (len(self.scores) > 1 and self.scores[-2] >= REPEAT_BELOW):
            return "done"
        return "once more"


@dataclass(frozen=True)
class Tonight:
    """The evening before an interview: the cards planned, in the order they are met."""

    interview: date
    """The interview's day."""
    today: date
    """The clock's day: the interview's, or the one before."""
    cards: tuple[CardTonight, ...]
    """The plan, in order: the cards about you, those practised before, a few new ones, and
    any other card answered tonight."""

    def count(self, *standings: Standing) -> int:
        """How many planned cards stand in one of ``standings``."""
        return sum(card.standing in standings for card in self.cards)

    def standing(self, card_id: str) -> Standing | None:
        """Where ``card_id`` stands tonight; None if it is not in tonight's plan."""
        return next((c.standing for c in self.cards if c.card_id == card_id), None)

    def next_card(self, after: str | None = None) -> str | None:
        """The card to practise next; None once every card is done for the evening.

        A weak answer whose turn has come (``GAP`` other answers since), the longest waiting
        first; then the cards to go, in the plan's order; then those to answer once more; last,
        weak answers still waiting. Never ``after`` (the card just practised) while another
        card is left.
        """
        tiers: list[list[CardTonight]] = [[], [], [], []]
        for card in self.cards:
            standing = card.standing
            if standing == "again soon":
                tiers[0 if card.since >= GAP else 3].append(card)
            elif standing == "to go":
                tiers[1].append(card)
            elif standing == "once more":
                tiers[2].append(card)
        for tier in (0, 2, 3):
            tiers[tier].sort(key=lambda card: -card.since)  # stable: plan order among equals
        left = [card.card_id for tier in tiers for card in tier]
        return next((c for c in left if c != after), left[0] if left else None)

    def status(self) -> str:
        """What is left, in two short lines: "Interview tomorrow:", "4 cards to go, 2 to
        repeat" (the card list's panel is narrow)."""
        when = "today" if self.today == self.interview else "tomorrow"
        to_go, repeat = self.count("to go"), self.count("again soon", "once more")
        if not to_go and not repeat:  # on the morning itself, "tonight" is over
            done = "all done for tonight." if when == "tomorrow" else "all done: go well."
            return f"Interview {when}:\n{done}"
        cards = f"{to_go} card{'s' if to_go != 1 else ''} to go"
        return f"Interview {when}:\n{cards}, {repeat} to repeat"


def tonight(
    cards: Sequence[FeedbackCard],
    attempts: Iterable[Attempt],
    interview: date | None,
    now: datetime,
) -> Tonight | None:
    """Tonight's plan, if ``now`` is in the evening before ``interview`` (``evening_start``);
    None when the Leitner boxes decide. ``cards``: every feedback card (the closing question
    is added)."""
    start = evening_start(interview, now)
    if start is None or interview is None:
        return None
    card_ids = [QUESTION_CARD_ID, *(card.id for card in cards)]
    earlier: list[tuple[datetime, Attempt]] = []
    evening: list[tuple[datetime, Attempt]] = []
    for attempt in attempts:
        moment = drill.saved_moment(attempt)
        if moment is not None:
            (evening if moment >= start else earlier).append((moment, attempt))
    evening.sort(key=lambda pair: pair[0].timestamp())
    practised = {attempt.card_id for _, attempt in earlier}
    kinds = kinds_of(cards)
    plan: list[str] = []
    new = 0
    for card_id in drill.ranked(card_ids, (a for _, a in earlier), start, kinds):
        if card_id in kinds and card_id not in practised:
            new += 1
            if new > EVENING_NEW_CARDS:
                continue
        plan.append(card_id)
    listed = set(card_ids)
    plan += [a.card_id for _, a in evening if a.card_id in listed and a.card_id not in plan]
    plan = list(dict.fromkeys(plan))
    scores: dict[str, list[int]] = {}
    since: dict[str, int] = {}
    for _, attempt in evening:
        for other in since:
            since[other] += 1
        scores.setdefault(attempt.card_id, []).append(attempt.score)
        since[attempt.card_id] = 0
    return Tonight(
        interview,
        now.date(),
        tuple(CardTonight(c, tuple(scores.get(c, ())), since.get(c, 0)) for c in plan),
    )


EVENING_WORDS: dict[Standing, str] = {
    "to go": "to go tonight",
    "again soon": f"again after {GAP} other cards",
    "once more": "once more tonight",
    "done": "done for tonight",
}
"""A card's standing as its history says it the evening before."""


def card_evening(card_id: str, attempts: Iterable[Attempt], start: datetime) -> Standing:
    """Where ``card_id`` stands tonight (the evening began at ``start``), from its own answers
    alone: what its history says, where next week's due date would mean nothing."""
    mine = sorted(
        (moment, attempt.score)
        for attempt in attempts
        if attempt.card_id == card_id
        and (moment := drill.saved_moment(attempt)) is not None
        and moment >= start
    )
    return CardTonight(card_id, tuple(score for _, score in mine), 0).standing


def kinds_of(cards: Iterable[FeedbackCard]) -> dict[str, str]:
    """The deck cards' kinds (card id -> category): new ones are met one of each in turn."""
    return {card.id: card.category for card in cards if card.source == "deck"}


def next_card(
    cards: Sequence[FeedbackCard],
    attempts: Sequence[Attempt],
    interview: date | None,
    now: datetime,
    after: str | None = None,
) -> str | None:
    """What ``Ctrl+N`` serves: tonight's order the evening before ``interview``, else the card
    most due by the Leitner boxes. None when nothing is left (tonight: all done)."""
    plan = tonight(cards, attempts, interview, now)
    if plan is not None:
        return plan.next_card(after)
    card_ids = [QUESTION_CARD_ID, *(card.id for card in cards)]
    return drill.next_due(card_ids, attempts, now, after=after, kinds=kinds_of(cards))


def leitner_status(
    cards: Sequence[FeedbackCard],
    attempts: Iterable[Attempt],
    interview: date | None,
    now: datetime,
) -> str:
    """Outside the evening before: how many practised cards are due, how many are new, and
    when the interview is (or how to set it)."""
    grouped = drill.by_card(attempts)
    card_ids = (QUESTION_CARD_ID, *(card.id for card in cards))
    states = [drill.progress(card_id, grouped.get(card_id, ())) for card_id in card_ids]
    due = sum(s.attempts > 0 and s.is_due(now) for s in states)
    new = sum(s.attempts == 0 for s in states)
    line = f"● {due} due · ○ {new} new"  # the card list's marks, explained
    if interview is None or interview < now.date():
        return f"{line}\nctrl+o: interview date"
    days = (interview - now.date()).days
    return f"Interview in {days} days:\n{line}"


def status(
    cards: Sequence[FeedbackCard],
    attempts: Sequence[Attempt],
    interview: date | None,
    now: datetime,
) -> str:
    """Rehearse's line about what is left: tonight's cards the evening before, else the
    Leitner boxes' due and new cards."""
    plan = tonight(cards, attempts, interview, now)
    if plan is not None:
        return plan.status()
    return leitner_status(cards, attempts, interview, now)


def saved_note(
    card_id: str,
    cards: Sequence[FeedbackCard],
    attempts: Sequence[Attempt],
    interview: date | None,
    now: datetime,
) -> str:
    """What a saved attempt (the last of ``attempts`` on ``card_id``) means for the card:
    when it comes back tonight, or its Leitner box and the day it is due."""
    plan = tonight(cards, attempts, interview, now)
    standing = None if plan is None else plan.standing(card_id)
    if standing is not None:
        return {
            "again soon": f"Below {REPEAT_BELOW}: it comes back after {GAP} other cards.",
            "once more": "Once more before the evening ends.",
            "done": "Done for tonight.",
            "to go": "",
        }[standing]
    state = drill.progress(card_id, attempts)
    if state.due_at is None:
        return ""
    days = (state.due_at.date() - now.date()).days
    when = "tomorrow" if days == 1 else f"in {days} days" if days > 1 else "today"
    return f"Box {state.box} of {len(drill.INTERVAL_DAYS)}: due again {when}."
