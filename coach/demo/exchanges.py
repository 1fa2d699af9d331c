"""The demo's mock exchanges: three evenings of asking, hearing a reply and answering.

Built as the app builds them: the reply is ``choose_reply``'s, drawn with a fixed seed from
the demo's cards and the attempts saved before it; each turn is scored by the real assessors
(``record_turn``). One was rehearsed aloud, its gist typed only for the question.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from coach.demo.seeker import demo_profile, evening
from coach.domain.cards import FeedbackCard
from coach.domain.exchange import Reply, choose_reply
from coach.domain.exchange_turns import ASK, Taken, record_turn
from coach.domain.models import Attempt, Exchange, Turn, TurnStep

SEED = 16
"""The demo's replies are drawn with this seed: the same every run."""

QUESTION = (
    "Now that we've had a chance to talk, how does my background measure up to the "
    "requirements of the job? And how do I compare with the other candidates?"
)
ANSWER = (
    "That's a fair point, and I'd rather be straight about it. What I have done is the work "
    "underneath it: I rebuilt our sales warehouse, 40 tables of tested SQL models, and reports "
    "ran 6x faster. In my first month I would pair with your team and take over one pipeline "
    "end to end, so you would get results from day one."
)
PROBE_ANSWER = (
    "Not in production yet, no. But I learn tools fast when the modelling is solid: I moved "
    "our close reports to pandas and cut them from 3 days to 4 hours. I would bring that same "
    "focus on measurable results to this role."
)
STRONG_ANSWER = (
    "Thank you, that's great to hear. I'm excited about the role: what would the next step be, "
    "and is there anything else I can send you to help the decision?"
)


@dataclass(frozen=True)
class _Evening:
    days_ago: int
    at: tuple[int, int]
    aloud: bool = False


EVENINGS = (_Evening(3, (21, 30)), _Evening(2, (21, 5), aloud=True), _Evening(1, (21, 0)))
"""Oldest first, after each evening's card practice."""


def _answer(reply: Reply) -> str:
    return STRONG_ANSWER if reply.kind == "strong-match" else ANSWER


def demo_exchanges(
    now: datetime, cards: Sequence[FeedbackCard], attempts: Sequence[Attempt]
) -> list[tuple[Exchange, list[Attempt | None]]]:
    """The demo's exchanges, oldest first, each with its turns' attempts (for
    ``Store.save_exchange``).

    Args:
        now: The demo's "now".
        cards: The cards on offer, as Rehearse lists them.
        attempts: The demo's card attempts: the replies favour the weak and due ones.
    """
    profile = demo_profile(now)
    by_id = {card.id: card for card in cards}
    rng = random.Random(SEED)
    last: str | None = None
    made: list[tuple[Exchange, list[Attempt | None]]] = []
    for one in EVENINGS:
        start = evening(now, one.days_ago, *one.at)
        before = [a for a in attempts if a.created_at < start.isoformat()]
        reply = choose_reply(QUESTION, cards, before, profile, start, last, rng)
        card = by_id.get(reply.card_id)
        steps: list[tuple[TurnStep, str, str]] = [
            ("question", ASK, QUESTION),
            ("answer", reply.text, _answer(reply)),
        ]
        if reply.probe:
            steps.append(("probe", reply.probe, PROBE_ANSWER))
        recorded: list[tuple[Turn, Attempt | None]] = []
        at = start
        for step, prompt, text in steps:
            # Aloud: said, timed, and only the question's gist typed.
            typed = text if not one.aloud or step == "question" else ""
            first = at + timedelta(seconds=3)
            sent = first + timedelta(seconds=12 if step == "question" else 45)
            taken = Taken(step, prompt, typed, at, first, sent)
            recorded.append(record_turn(taken, None if step == "question" else card, profile))
            at = sent + timedelta(seconds=2)
        exchange = Exchange(
            started_at=start.isoformat(timespec="seconds"),
            reply_kind=reply.kind,
            reply=reply.text,
            turns=tuple(turn for turn, _ in recorded),
            card_id=reply.card_id,
            aloud=one.aloud,
        )
        made.append((exchange, [attempt for _, attempt in recorded]))
        last = reply.card_id or last
    return made
