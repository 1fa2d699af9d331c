"""``coach export --format ics``: the dates to be reminded of, for any calendar app.

One event for each of:

* a promised reply date (``Interview.timeline_date``), all day;
* its check-in day: the promised date plus two working days (``messages.check_in_day``), all
  day, while the round still waits for a reply (none recorded, no answer as its outcome, not
  "no reply", no check-in sent): a calendar reminds of what is left to do;
* each interview round (timed when its ``held_at`` has a time, else all day), and the profile's
  next interview date unless a round is held that day.

Past events are included: a calendar is also the record of what happened. Each event's UID is
derived from what it is about (the interview's id and the kind of date; for the profile's date,
one fixed UID), never from the time of export, so importing a newer export updates the events
instead of adding copies. Summaries quote user text as one plain line (no control characters,
cut short); the library escapes what iCalendar's syntax needs.

icalendar is imported here only: nothing else in coach pays for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from coach.domain import limits
from coach.domain.messages import ANSWERED, check_in_day, plain, sent
from coach.domain.models import Interview, Profile

PRODID = "-//coach//interview follow-ups//EN"
DOMAIN = "coach.invalid"
"""The right-hand side of every UID: these events come from coach, on no particular host."""
ROUND_MINUTES = 60
"""How long a timed interview is shown to last (coach records when it starts, not its end)."""
NAME_CHARS = 60
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _what(interview: Interview) -> str:
    company, role = plain(interview.company, NAME_CHARS), plain(interview.role, NAME_CHARS)
    if company and role:
        return f"{company} ({role})"
    return company or role or "an interview"


def _waiting(interview: Interview) -> bool:
    """Whether the round still waits for their reply, so a check-in may be in order: not
    answered (a reply date, or an outcome that is their answer), not given up on ("no
    reply"), and not checked in on already."""
    answered = interview.reply_date or interview.outcome in (*ANSWERED, "no reply")
    return not answered and not sent(interview, "check-in")


def _key(interview: Interview) -> str:
    """What identifies an interview across exports: its id; else its names and day."""
    if interview.id is not None:
        return f"interview-{interview.id}"
    raw = "\x1f".join((interview.company, interview.role, interview.held_at))
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"interview-{digest}"


def _start(held_at: str) -> date | datetime | None:
    """The interview's start: a date-time when it has a time (in UTC if it has a zone), else
    its day; None when unreadable or out of range."""
    day = limits.day(held_at[:10])
    if day is None:
        return None
    if len(held_at) <= 10:
        return day
    moment = limits.moment(held_at, zone_required=False)
    if moment is None:
        return day
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment


def calendar(
    interviews: Iterable[Interview], profile: Profile, *, now: datetime | None = None
) -> bytes:
    """The iCalendar file of the interviews' dates and the profile's next interview.

    ``now`` is the events' DTSTAMP (when the export was made); without it, a fixed stamp, so
    the same data gives the same bytes."""
    from icalendar import Calendar, Event

    stamp = (now or EPOCH).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "coach: interviews and follow-ups")

    def add(uid: str, summary: str, start: date | datetime, description: str = "") -> None:
        event = Event()
        event.add("uid", f"{uid}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", summary)
        event.add("dtstart", start)
        if isinstance(start, datetime):
            event.add("dtend", start + timedelta(minutes=ROUND_MINUTES))
        else:
            event.add("dtend", limits.add_days(start, 1))
        if description:
            event.add("description", description)
        cal.add_component(event)

    held_days: set[date] = set()
    for interview in interviews:
        what, key = _what(interview), _key(interview)
        start = _start(interview.held_at)
        if start is not None:
            held_days.add(start if not isinstance(start, datetime) else start.date())
            stage = plain(interview.stage, NAME_CHARS)
            add(f"{key}-held", f"Interview: {what}" + (f", {stage}" if stage else ""), start)
        promised = limits.day(interview.timeline_date)
        if promised is None:
            continue
        add(f"{key}-reply", f"Reply promised: {what}", promised)
        check_in = check_in_day(interview) if _waiting(interview) else None
        if check_in is not None:
            add(
                f"{key}-check-in",
                f"Check in if no reply: {what}",
                check_in,
                f"They promised a reply by {promised.isoformat()}. A short, polite check-in "
                "is in order if none came.",
            )
    next_day = limits.day(profile.interview_date)
    if next_day is not None and next_day not in held_days:
        # One UID for the profile's date: moving it moves the event.
        add("profile-next-interview", "Interview (set in coach's Rehearse)", next_day)
    data: bytes = cal.to_ical()
    return data
