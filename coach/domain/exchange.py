"""The mock exchange's reply: what the interviewer answers to the closing question.

In the room you do not pick the feedback: you ask, and they answer with whatever concerns
them. ``choose_reply`` plays the interviewer. A question that asks how you measure up (or how
you compare) draws, most often, a concern the user most needs to rehearse: a skill of the
posting their strengths do not cover (a tailored card), or a card they answer poorly or that is
due; sometimes a kind of concern they have not met lately; now and then an evasive non-answer
or a strong match (the seed article: "some may evade or provide a generic answer"). Never the
same card twice running. A question that asks neither gets what it would draw in the room: a
polite "Sure, what would you like to know?", or the next steps if that is all it asked.

Pure: the cards, the history, the clock and the random source are arguments (a seeded
``random.Random`` makes a test's replies fixed).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from coach.domain import drill, packaged
from coach.domain import text as t
from coach.domain.assessment import Span
from coach.domain.cards import FeedbackCard, tailored_cards
from coach.domain.closing_phrases import ClosingPhrases
from coach.domain.closing_reading import read
from coach.domain.models import Attempt, Profile, ReplyKind

POLITE_REPLY = "Sure, what would you like to know?"
"""The reply to a question that asked neither about your fit nor about the competition."""
NEXT_STEPS_REPLY = (
    "We're seeing a few more people this week, and we'll let everyone know about the next "
    "round by the end of next week."
)
"""The reply to a question that asked only about the next steps or the timeline."""

NEXT_STEPS_PURPOSES = frozenset({"next-steps", "timeline"})
"""The closing-question purposes (``data/phrases/closing.json``) that the next-steps reply
answers."""

# What a question that asks how you measure up draws, as shares of many draws (they add up
# to 1). A share whose cards are missing (no evasive card on offer, say) falls to the concerns.
CONCERN_SHARE = 0.72
"""Most often a concern the user most needs to rehearse (a gap, a weak or due card): what
this interviewer most likely has in mind, and where practice pays most."""
FRESH_KIND_SHARE = 0.13
"""Sometimes a kind of concern not practised lately, so a kind the drill left alone is met
here before it is met in the room."""
EVASIVE_SHARE = 0.08
"""Now and then an evasive non-answer: the seed warns some interviewers evade, and the user
should rehearse asking once more, narrowly. Rare enough that the exercise still teaches."""
STRONG_MATCH_SHARE = 0.07
"""Now and then good news: a strong match needs rehearsing too (a short, warm reply that
asks for the next step), but it is the reply people need least practice with."""

GAP_WEIGHT = 3.0
"""A tailored card (a skill the posting names that no strength covers) is the likeliest
concern of all: the interviewer has the posting in hand."""
SETTLED_GAP_WEIGHT = 1.0
"""A gap answered well (70 or more) and not due again yet: still in the posting, less pressing."""
WEAK_WEIGHT = 2.0
"""A card last answered below ``drill.PROMOTE_AT``: the user's weakest answers come next."""
DUE_WEIGHT = 1.0
"""A practised card that spaced repetition says is due; a weak card that is due adds both."""

LATELY = timedelta(days=7)
"""A kind of concern last practised longer ago than this (or never) is "not practised lately":
a week is the longest interval of all but the last Leitner box."""

NO_CARD_KINDS = ("evasive", "strong-match")
"""Deck kinds served by their own shares, never as a concern or a fresh kind."""

Asked = Literal["fit", "next-steps", "neither"]


@dataclass(frozen=True)
class Reply:
    """What the interviewer answered."""

    kind: ReplyKind
    """A concern, a strong match, an evasive non-answer, polite, or the next steps."""
    text: str
    """What they say, as shown."""
    card_id: str = ""
    """The card it came from; empty for a reply from no card (polite, next steps)."""
    probe: str = ""
    """Their follow-up on the same concern, if the card has one; empty otherwise."""


def question_asks(question_text: str, phrases: ClosingPhrases | None = None) -> Asked:
    """What a closing question asks, as the closing-question coach reads it
    (``coach.domain.closing_reading``): how you measure up or compare ("fit"), only the next
    steps or the timeline ("next-steps"), or neither."""
    if phrases is None:
        phrases = packaged.content().closing_phrases()
    text = t.coached_part(question_text)[0]
    reading = read(text, phrases)
    if reading.stuffing:
        # Key words strung together or said again and again earn no reading: what is left
        # once they are blanked out is what the question asks ("fit, gaps, competition?"
        # asks nothing; "How do I fit? Fit? Fit?" still asks "How do I fit?").
        reading = read(_blanked(text, reading.stuffing), phrases)
    if reading.fit or reading.competition:
        return "fit"
    others = {purpose.id for purpose in reading.others}
    return "next-steps" if others and others <= NEXT_STEPS_PURPOSES else "neither"


def _blanked(text: str, spans: Iterable[Span]) -> str:
    """``text`` with the words of ``spans`` made spaces (punctuation and offsets kept)."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i].isalnum() or chars[i] in "'\u2019-":
                chars[i] = " "
    return "".join(chars)


def reply_from(card: FeedbackCard) -> Reply:
    """The reply a card makes: its feedback, of its kind, with its probe."""
    kind: ReplyKind = (
        "evasive"
        if card.category == "evasive"
        else "strong-match"
        if card.category == "strong-match"
        else "concern"
    )
    return Reply(kind, card.feedback, card.id, card.probe)


def choose_reply(
    question_text: str,
    cards: Sequence[FeedbackCard],
    attempts: Iterable[Attempt],
    profile: Profile,
    now: datetime,
    last_card_id: str | None,
    rng: random.Random,
    *,
    phrases: ClosingPhrases | None = None,
) -> Reply:
    """The interviewer's reply to ``question_text``.

    Args:
        question_text: The closing question as the user asked it.
        cards: The cards on offer (as Rehearse lists them: tailored, heard, the deck). The
            profile's tailored cards are added if they are missing.
        attempts: Every saved attempt (a history of 10,000 is read once).
        profile: The user's profile: its uncovered requirements are the likeliest concerns.
        now: The moment of the exchange (for what is due and what was practised lately).
        last_card_id: The card the previous exchange's reply came from: never served again
            at once (while any other card is on offer).
        rng: The random source; a seeded one gives the same replies every run.
        phrases: The closing-question phrases to read the question with; coach's own by
            default.
    """
    asked = question_asks(question_text, phrases)
    if asked == "next-steps":
        return Reply("next-steps", NEXT_STEPS_REPLY)
    if asked == "neither":
        return Reply("polite", POLITE_REPLY)
    offered = _with_tailored(cards, profile)
    candidates = [card for card in offered if card.id != last_card_id] or offered
    if not candidates:
        return Reply("polite", POLITE_REPLY)  # no card at all to answer from
    # Each card replayed once, from its own attempts (grouped in one pass): a 10,000-attempt
    # history is read once, not once per card and again per branch.
    grouped = drill.by_card(attempts)
    # Every card offered, the last one too: its answer a moment ago is practice of its kind.
    states = {card.id: drill.progress(card.id, grouped.get(card.id, ())) for card in offered}
    draw = rng.random()
    branches: tuple[tuple[float, Callable[[], FeedbackCard | None]], ...] = (
        (CONCERN_SHARE, lambda: _concern(candidates, states, now, rng)),
        (FRESH_KIND_SHARE, lambda: _fresh_kind(candidates, states, now, rng, offered)),
        (EVASIVE_SHARE, lambda: _of_kind(candidates, "evasive", rng)),
        (STRONG_MATCH_SHARE, lambda: _of_kind(candidates, "strong-match", rng)),
    )
    for share, pick in branches:
        if draw < share:
            card = pick()
            if card is not None:
                return reply_from(card)
            break
        draw -= share
    # The drawn share had no card (a fresh user has no weak card; a deck may lack a kind):
    # the concerns, then a fresh kind, then whatever is most due.
    card = _concern(candidates, states, now, rng) or _fresh_kind(
        candidates, states, now, rng, offered
    )
    if card is None:
        card = _most_due(candidates, states, now)
    return reply_from(card)


def _with_tailored(cards: Sequence[FeedbackCard], profile: Profile) -> list[FeedbackCard]:
    """``cards`` and the profile's tailored cards that are not among them."""
    listed = {card.id for card in cards}
    if not profile.requirements:
        return list(cards)
    extra = tailored_cards(profile.requirements, profile.strengths)
    return [*cards, *(card for card in extra if card.id not in listed)]


def concern_weight(card: FeedbackCard, state: drill.CardProgress, now: datetime) -> float:
    """How strongly ``card`` bids to be the concern raised: a gap, weak, due (they add up);
    0 for a card that is none of these (a new deck card, one answered well and not due)."""
    if card.category in NO_CARD_KINDS:
        return 0.0
    weight = 0.0
    if card.source == "tailored":
        # A gap stays a likely concern, but one answered well and not yet due bids less:
        # otherwise spaced repetition would not touch the likeliest replies.
        settled = bool(state.scores) and state.scores[-1] >= drill.PROMOTE_AT
        weight = SETTLED_GAP_WEIGHT if settled and not state.is_due(now) else GAP_WEIGHT
    if state.scores and state.scores[-1] < drill.PROMOTE_AT:
        weight += WEAK_WEIGHT
    if state.attempts and state.is_due(now):
        weight += DUE_WEIGHT
    return weight


def _concern(
    cards: Sequence[FeedbackCard],
    states: Mapping[str, drill.CardProgress],
    now: datetime,
    rng: random.Random,
) -> FeedbackCard | None:
    """A card drawn from the concerns, each as likely as its ``concern_weight``."""
    pool = [
        (card, weight) for card in cards if (weight := concern_weight(card, states[card.id], now))
    ]
    if not pool:
        return None
    return rng.choices([c for c, _ in pool], weights=[w for _, w in pool])[0]


def _fresh_kind(
    cards: Sequence[FeedbackCard],
    states: Mapping[str, drill.CardProgress],
    now: datetime,
    rng: random.Random,
    offered: Sequence[FeedbackCard],
) -> FeedbackCard | None:
    """The most due card of ``cards`` of a kind not practised within ``LATELY`` (the kind
    drawn at random). How lately a kind was practised counts every card ``offered``: the card
    just served is not a candidate, but its answer is practice of its kind."""
    practised: dict[str, float] = {}
    for card in offered:
        moment = states[card.id].last_at
        if moment is not None:
            practised[card.category] = max(practised.get(card.category, 0.0), moment.timestamp())
    kinds: dict[str, list[FeedbackCard]] = {}
    for card in cards:
        if card.category not in NO_CARD_KINDS:
            kinds.setdefault(card.category, []).append(card)
    lately = (now - LATELY).timestamp()
    fresh = [kind for kind in kinds if practised.get(kind, float("-inf")) < lately]
    if not fresh:
        return None
    return _most_due(kinds[rng.choice(fresh)], states, now)


def _of_kind(cards: Sequence[FeedbackCard], kind: str, rng: random.Random) -> FeedbackCard | None:
    members = [card for card in cards if card.category == kind]
    return rng.choice(members) if members else None


def _most_due(
    cards: Sequence[FeedbackCard], states: Mapping[str, drill.CardProgress], now: datetime
) -> FeedbackCard:
    """The first of ``cards`` in spaced repetition's order: practised cards that are due (the
    most overdue first), then new ones in their order, then the rest, due soonest first (as
    ``drill.ranked``, from the states already replayed)."""

    def urgency(place: int) -> tuple[int, float, int]:
        state = states[cards[place].id]
        due = state.due_at
        rank = 1 if due is None else 0 if due <= now else 2
        return (rank, due.timestamp() if due else 0.0, place)

    return cards[min(range(len(cards)), key=urgency)]
