"""What is due today: overdue replies, thank-you notes and check-ins to send, and the cards to
practise before the next interview, most urgent first.

One list for the app's due panel and for ``coach due`` (a shell login, a scheduler), one line
per thing to do: a round whose reply is overdue and whose check-in is due is one "overdue"
line that says to send the check-in. Only
applications still open count: a withdrawn one, one with an offer or one that was turned down
needs nothing (a gracious reply to a rejection is offered on the interview, never nagged about).
A round whose outcome the user set to "no reply", or an application whose status is "no reply",
is settled too (no overdue reply, no check-in): the user has stopped waiting, and a scheduled
``coach due`` must not report it every day for ever.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from coach.domain import drill, limits, rhythm
from coach.domain.applications import ApplicationView, group
from coach.domain.cards import FeedbackCard
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.follow_up import reply_deadline
from coach.domain.interviews import rate_saved, signals_for
from coach.domain.messages import begun, check_in_day, moment, plain
from coach.domain.models import Application, Attempt, Interview, Profile
from coach.domain.rating import SignalError
from coach.domain.rubric import Rubric

DueKind = Literal["overdue", "thank-you", "check-in", "practise"]
URGENCY: tuple[DueKind, ...] = ("overdue", "thank-you", "check-in", "practise")
"""The order of the list: a broken promise first, then what the user should send, then the
practice that can wait for the evening."""
SETTLED = frozenset({"withdrawn", "offer", "rejected"})
"""Application statuses that need nothing more."""
PRACTISE_DAYS = 3
"""An interview this many days ahead (or fewer) puts its practice on the list."""
NAME_CHARS = 40
"""How much of a company, a role or a name one line of the list quotes."""


@dataclass(frozen=True)
class DueItem:
    """One thing to do."""

    kind: DueKind
    text: str
    """One line, plain text: user text in it has no control characters and is cut short."""
    interview_id: int | None
    """The interview it is about; None for practice before an interview set on the profile."""
    since: date
    """The day it became due."""


def _name(text: str) -> str:
    return plain(text, NAME_CHARS)


def _what(interview: Interview) -> str:
    """ "Northwind Labs (Data Engineer)", with what is known of it."""
    company, role = _name(interview.company) or "an interview", _name(interview.role)
    return f"{company} ({role})" if role else company


def _held(interview: Interview) -> date | None:
    return limits.day(interview.held_at[:10])


def _overdue(interview: Interview, today: date, rubric: Rubric) -> DueItem | None:
    """A reply the rater reads as overdue on a round still waiting for one."""
    held = _held(interview)
    if held is None or interview.outcome:
        return None
    try:
        overdue = rate_saved(interview, today, rubric).follow_up == "overdue"
    except SignalError:  # a file edited by hand: nothing to say about it, no crash
        return None
    if not overdue:
        return None
    deadline = limits.add_days(held, reply_deadline(signals_for(interview, today), rubric))
    promised = limits.day(interview.timeline_date)
    when = f"promised {promised.isoformat()}" if promised else f"expected by {deadline}"
    return DueItem(
        "overdue",
        f"Reply overdue from {_what(interview)}, {when}",
        interview.id,
        limits.add_days(deadline, 1),
    )


def _folded(late: DueItem, check_in: DueItem) -> DueItem:
    """One line for a round both overdue and due a check-in: the check-in is what to do
    about the silence (two lines about one round read as two things to do)."""
    return replace(
        late, text=f"{late.text}: send a check-in", since=min(late.since, check_in.since)
    )


def _message(
    view: ApplicationView, interview: Interview, now: datetime, rubric: Rubric
) -> DueItem | None:
    """A thank-you note or a check-in this round's moment calls for."""
    kind = moment(
        interview, view.status, now, no_timeline_days=rubric.silence.days_without_timeline
    )
    held = _held(interview)
    if held is None:
        return None
    if kind == "thank-you":
        who = next((_name(p.name) for p in interview.people if _name(p.name)), "")
        to = f"{who} at {_what(interview)}" if who else _what(interview)
        return DueItem(
            "thank-you",
            f"Send a thank-you note to {to}: interviewed {held.isoformat()}",
            interview.id,
            held,
        )
    # "no reply" on the round or the application: the user has stopped waiting. The app may
    # still offer the check-in's draft; the list does not ask for it every day.
    waiting = "no reply" not in (view.status, interview.outcome)
    if kind == "check-in" and interview is view.latest and waiting:
        due = check_in_day(interview, rubric.silence.days_without_timeline) or held
        promised = limits.day(interview.timeline_date)
        since = f"promised {promised.isoformat()}" if promised else f"interviewed {held}"
        return DueItem("check-in", f"Check in with {_what(interview)}: {since}", interview.id, due)
    return None


def next_interview(
    profile: Profile, views: Iterable[ApplicationView], now: date | datetime
) -> tuple[date, Interview | None] | None:
    """The nearest interview from ``now`` on: the profile's date, or a round of an open
    application held today or later (with the round) and, given a time, not yet begun (a round
    at 8:00 is over by the evening: ``begun``); None when none is set."""
    today = now.date() if isinstance(now, datetime) else now
    found: list[tuple[date, int, Interview | None]] = []
    day = rhythm.interview_day(profile)
    if day is not None and day >= today:
        found.append((day, 0, None))
    for view in views:
        if view.status in SETTLED:
            continue
        for interview in view.rounds:
            held = _held(interview)
            timed = limits.moment(interview.held_at, zone_required=False) is not None
            if held is not None and held >= today and not (timed and begun(interview, now)):
                found.append((held, 1, interview))
    if not found:
        return None
    nearest = min(found, key=lambda item: item[:2])
    return nearest[0], nearest[2]


def _practise(
    upcoming: tuple[date, Interview | None],
    cards: Sequence[FeedbackCard],
    attempts: Sequence[Attempt],
    now: datetime,
) -> DueItem | None:
    """The cards to practise before the next interview, if it is ``PRACTISE_DAYS`` away or
    nearer: tonight's plan the evening before, else the cards the Leitner boxes say are due."""
    day, interview = upcoming
    today = now.date()
    days = (day - today).days
    if days > PRACTISE_DAYS:
        return None
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    which = f" with {_what(interview)}" if interview is not None else ""
    lead = f"Interview{which} {when} ({day.isoformat()})"
    plan = rhythm.tonight(cards, attempts, day, now)
    if plan is not None:
        to_go, repeat = plan.count("to go"), plan.count("again soon", "once more")
        if not to_go and not repeat:
            return None  # all done for tonight
        text = f"{lead}: {to_go} card{'s' if to_go != 1 else ''} to go, {repeat} to repeat"
    else:
        grouped = drill.by_card(attempts)
        card_ids = (QUESTION_CARD_ID, *(card.id for card in cards))
        states = [drill.progress(card_id, grouped.get(card_id, ())) for card_id in card_ids]
        due = sum(s.attempts > 0 and s.is_due(now) for s in states)
        new = sum(s.attempts == 0 for s in states)
        if not due and not new:
            return None  # every card practised and none due again yet: nothing to say
        text = f"{lead}: {due} card{'s' if due != 1 else ''} due, {new} new to practise"
    since = max(limits.EARLIEST_DAY, limits.add_days(day, -PRACTISE_DAYS))
    return DueItem(
        "practise", text, interview.id if interview is not None else None, min(since, today)
    )


def due_items(
    applications: Iterable[Application],
    interviews: Iterable[Interview],
    profile: Profile,
    attempts: Sequence[Attempt],
    cards: Sequence[FeedbackCard],
    now: datetime,
    rubric: Rubric,
) -> list[DueItem]:
    """Everything due as of ``now``, most urgent first (``URGENCY``; the oldest first within
    a kind). ``cards``: every feedback card, as Rehearse plans with them."""
    today = now.date()
    views = group(applications, interviews)
    items: list[DueItem] = []
    for view in views:
        if view.status in SETTLED:
            continue
        late = _overdue(view.latest, today, rubric) if view.status != "no reply" else None
        for interview in view.rounds:
            message = _message(view, interview, now, rubric)
            if late is not None and message is not None and message.kind == "check-in":
                late = _folded(late, message)
            elif message is not None:
                items.append(message)
        if late is not None:
            items.append(late)
    upcoming = next_interview(profile, views, now)
    if upcoming is not None and (practice := _practise(upcoming, cards, attempts, now)):
        items.append(practice)
    items.sort(key=lambda item: (URGENCY.index(item.kind), item.since, item.text))
    return items
