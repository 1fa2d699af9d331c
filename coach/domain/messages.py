"""Follow-up messages: which one an interview's moment calls for, and a first draft of it.

Three moments after an interview, each with its message (``MessageKind``):

* **thank-you**: from the interview's day until ``THANK_YOU_DAYS`` after it, if none was sent;
* **check-in**: once the silence clock turns overdue, from the check-in day (``check_in_day``:
  the promised date plus ``CHECK_IN_BUSINESS_DAYS``; a week after the interview when no date
  was promised), with no reply and no check-in sent;
* **rejection-reply**: when they said no, if no reply was sent.

A draft is built from that interview, never a blank template: the first interviewer's name, the
role and company, a short phrase from the first line of the notes, and, as the seed article
advises, the pitch skewed toward their answer to the closing question: the strength of the
profile that best answers it, with its evidence. The user edits it before sending.

What the drafts hold follows public career advice (checked by tests/unit/test_messages.py):

* thank-you
  (https://personaljobcoach.co.uk/guides/how-to-write-a-thank-you-email-after-an-interview):
  thank them naming the role and the day, one specific thing from the conversation, why you
  fit tied to something concrete, a sign-off that mentions next steps without pressing;
* check-in
  (https://www.myimprovedresume.com/how-to-follow-up-with-a-hiring-manager-after-the-interview/):
  remind them who you are and which position, refresh why you would love the job, ask where
  things stand;
* rejection reply
  (https://jobs.washingtonpost.com/article/how-to-respond-to-a-job-rejection-email/):
  thank them for their time and consideration, mention something specific you valued, say you
  remain interested, keep the line open.

Drafts are plain text: user text in them has its control characters removed and is cut to a
sensible length (the screen showing a draft escapes it as data).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from coach.domain import limits
from coach.domain import text as t
from coach.domain.follow_up import add_business_days
from coach.domain.models import ApplicationStatus, Interview, MessageKind, Profile, Strength

THANK_YOU_DAYS = 2
"""A thank-you note fits from the interview's day until this many days after it."""
CHECK_IN_BUSINESS_DAYS = 2
"""Working days of grace after the promised date before a polite check-in."""
DAYS_WITHOUT_TIMELINE = 7
"""Days after the interview from which to check in when no date was promised (the rubric's
``days_without_timeline``; callers holding the rubric pass theirs)."""
ANSWERED = frozenset({"offer", "next round", "rejected"})
"""Outcomes that mean they replied: nothing to check in about."""

NAME_CHARS = 80
"""How much of a name, a company or a role a draft quotes."""
PHRASE_CHARS = 70
"""How much of the notes' first line, or of their closing answer, a draft quotes."""
POINT_CHARS = 110
"""How much of their answer to the closing question a draft quotes (its first sentence)."""
EVIDENCE_CHARS = 240
"""How much of a strength's evidence a draft quotes."""
_KEPT_FORMAT = frozenset("\u200c\u200d")
"""Joiners that spell words and build emoji: kept, as coach.render.safe keeps them."""
_NOTE_LEADS = re.compile(
    r"^(?:[-*\u2022>#]+\s*)?(?:(?:we|i)\s+)?(?:discussed|talked about|spoke about|chatted about)"
    r"\s+|^[-*\u2022>#]+\s*",
    re.IGNORECASE,
)
"""A bullet, or "we discussed", at the start of a note: the draft says "discussing" itself."""
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def plain(text: str, limit: int = NAME_CHARS) -> str:
    """User text for one line of a draft: control, format and surrogate characters removed,
    line breaks and tabs as spaces, runs of spaces as one, cut to ``limit`` characters at a
    word with "…"."""
    kept = "".join(
        " " if ch in "\t\n\r\u2028\u2029\x0b\x0c\x85" else ch
        for ch in text[: limit * 8]  # far more than is kept: a 1 MB field costs nothing
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
        or ch in _KEPT_FORMAT
        or ch in "\t\n\r"
    )
    one_line = " ".join(kept.split())
    if len(one_line) <= limit:
        return one_line
    cut = one_line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\N{HORIZONTAL ELLIPSIS}"


def _held(interview: Interview) -> date | None:
    return limits.day(interview.held_at[:10])


def check_in_day(
    interview: Interview, no_timeline_days: int = DAYS_WITHOUT_TIMELINE
) -> date | None:
    """The day a polite check-in becomes due: the promised date plus two working days; without
    one, ``no_timeline_days`` after the interview; None without either date."""
    promised = limits.day(interview.timeline_date)
    if promised is not None:
        return add_business_days(promised, CHECK_IN_BUSINESS_DAYS)
    held = _held(interview)
    return None if held is None else limits.add_days(held, no_timeline_days)


def begun(interview: Interview, now: date | datetime) -> bool:
    """Whether the interview has happened (begun) by ``now``: its day has come and, when
    ``held_at`` has a time and ``now`` is a time, that time has come. A time with a zone is an
    instant; one without is read on ``now``'s clock (the user typed their own wall time)."""
    held = _held(interview)
    today = now.date() if isinstance(now, datetime) else now
    if held is None or held > today:
        return False
    at = limits.moment(interview.held_at, zone_required=False)
    if not isinstance(now, datetime) or at is None:
        return True
    if at.tzinfo is None or now.tzinfo is None:
        return now.replace(tzinfo=None) >= at.replace(tzinfo=None)
    return now >= at


def sent(interview: Interview, kind: MessageKind) -> bool:
    """Whether a message of ``kind`` was marked sent for this interview."""
    return any(message.kind == kind for message in interview.messages)


def rejected(interview: Interview, status: ApplicationStatus) -> bool:
    """They said no: this round's outcome, or the application's status where the round has no
    other answer recorded."""
    return interview.outcome == "rejected" or (
        status == "rejected" and interview.outcome in ("", "no reply")
    )


def moment(
    interview: Interview,
    status: ApplicationStatus,
    now: date | datetime,
    *,
    no_timeline_days: int = DAYS_WITHOUT_TIMELINE,
) -> MessageKind | None:
    """The message this interview's moment calls for ``now`` (a time, or a day); None when
    there is none (already sent, too early, settled, or the application is withdrawn or has
    an offer). Given a time, an interview with a time has not happened before it (``begun``):
    no thank-you at 8:00 for the interview at 14:00."""
    if rejected(interview, status):
        return None if sent(interview, "rejection-reply") else "rejection-reply"
    if status in ("withdrawn", "offer") or interview.outcome == "offer":
        return None
    held = _held(interview)
    today = now.date() if isinstance(now, datetime) else now
    if held is None or not begun(interview, now):
        return None
    if (today - held).days <= THANK_YOU_DAYS and not sent(interview, "thank-you"):
        return "thank-you"
    if interview.outcome in ANSWERED or interview.reply_date or sent(interview, "check-in"):
        return None
    due = check_in_day(interview, no_timeline_days)
    return "check-in" if due is not None and today >= due else None


def best_strength(closing_answer: str, strengths: tuple[Strength, ...]) -> Strength | None:
    """The strength that best answers what they said about your fit: the one sharing the most
    meaning words with it (its own words counted before its evidence); else the first."""
    if not strengths:
        return None
    said = t.content_stems(closing_answer[: 20 * PHRASE_CHARS])
    if not said:
        return strengths[0]

    def score(item: tuple[int, Strength]) -> tuple[int, int, int]:
        index, strength = item
        own = len(said & t.content_stems(strength.text[: 20 * NAME_CHARS]))
        proof = len(said & t.content_stems(strength.evidence[: 2 * EVIDENCE_CHARS]))
        return own, proof, -index

    return max(enumerate(strengths), key=score)[1]


def note_phrase(notes: str) -> str:
    """Something from the notes to mention: the first sentence of the first line that has
    words, without a bullet or a leading "we discussed", cut short. Never the whole notes."""
    for line in notes[: 40 * PHRASE_CHARS].splitlines():
        line = plain(line, 10 * PHRASE_CHARS)
        if t.words(line):
            first = re.split(r"(?<=[.!?;])\s", line, maxsplit=1)[0]
            first = _NOTE_LEADS.sub("", first).rstrip(" .!?;:")
            lead = first.split(" ", 1)[0]
            if lead.istitle() and lead.lower() in t.STOPWORDS and lead.split("'")[0] != "I":
                first = first[0].lower() + first[1:]  # "The Kafka move" reads "the Kafka move"
            return plain(first, PHRASE_CHARS)
    return ""


def _on(day: date) -> str:
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def _greeting(interview: Interview) -> str:
    name = next((plain(p.name) for p in interview.people if plain(p.name)), "")
    return f"Dear {name}," if name else "Dear hiring team,"


def _job(interview: Interview) -> str:
    """ "the Data Engineer role at Northwind", with what is known of it."""
    role, company = plain(interview.role), plain(interview.company)
    job = f"the {role} role" if role else "the role"
    return f"{job} at {company}" if company else job


def _strength_line(strength: Strength, *, inside: bool = False) -> str:
    """ "Streaming pipelines: ran Kafka at 2M events a day", or with the evidence in brackets
    when the sentence goes on after it (``inside``)."""
    text = plain(strength.text)
    evidence = plain(strength.evidence, EVIDENCE_CHARS).rstrip(".")
    if not evidence:
        return text
    return f"{text} ({evidence})" if inside else f"{text}: {evidence}"


def _their_point(closing_answer: str) -> str:
    """The first sentence of their answer to the closing question, cut short."""
    first = t.sentences(plain(closing_answer, 10 * PHRASE_CHARS))
    return plain(first[0], POINT_CHARS).rstrip(".") if first else ""


def _pitch(interview: Interview, profile: Profile) -> str:
    """The pitch skewed toward their answer to the closing question (the seed article): the
    strength that answers it, with its evidence. Their words are not quoted back to them (a
    note that recites the interviewer's doubts reads as arguing); the strength is what
    answers them."""
    strength = best_strength(interview.closing_answer, profile.strengths)
    if strength is None or not plain(strength.text):
        return "I am confident I could contribute to the team from the start."
    line = _strength_line(strength, inside=True)
    if _their_point(interview.closing_answer):
        return (
            "Thinking over what you said about my background, I wanted to add one point: "
            f"my experience in {line} applies directly to what you need."
        )
    return f"I am confident my experience in {line} would help the team."


def _subject(kind: MessageKind, interview: Interview) -> str:
    """The subject line, naming the role; without one, a subject that reads whole on its own
    (never "Thank you: interview interview")."""
    role = plain(interview.role)
    if role:
        return {
            "thank-you": f"Subject: Thank you: {role} interview",
            "check-in": f"Subject: Following up: {role} interview",
            "rejection-reply": f"Subject: Re: {role}",
        }[kind]
    return {
        "thank-you": "Subject: Thank you for the interview",
        "check-in": "Subject: Following up on our interview",
        "rejection-reply": "Subject: Re: my application",
    }[kind]


def draft(kind: MessageKind, interview: Interview, profile: Profile, today: date) -> str:
    """A first draft of the ``kind`` message for ``interview``, from ``profile``'s strengths,
    as of ``today``: plain text, a subject line, then the message (the user edits it)."""
    held = _held(interview)
    notes = note_phrase(interview.notes)
    job = _job(interview)
    if kind == "thank-you":
        when = "today" if held == today else f"on {_on(held)}" if held else "recently"
        body = [
            f"Thank you for taking the time to speak with me {when} about {job}.",
            (f"I especially enjoyed discussing {notes}." if notes else "")
            + " I came away even more enthusiastic about the role.",
            _pitch(interview, profile),
            "I look forward to hearing about the next steps, and I am happy to provide "
            "anything else that would help.",
        ]
    elif kind == "check-in":
        promised = limits.day(interview.timeline_date)
        when = f" on {_on(held)}" if held else ""
        asked = (
            f"You mentioned you hoped to have an update by {_on(promised)}, and I understand "
            "these decisions can take longer than planned."
            if promised
            else "I understand these decisions take time."
        )
        body = [
            f"I hope you are well. I am writing to follow up on our interview{when} for {job}.",
            asked + " Could you let me know where things stand, and whether there is anything "
            "else I can send?",
            (f"Our conversation about {notes} stayed with me, and I" if notes else "I")
            + " remain very interested in the position. "
            + _pitch(interview, profile),
        ]
    else:
        company = plain(interview.company) or "your team"
        strength = best_strength(interview.closing_answer, profile.strengths)
        future = (
            f"If a role opens where my strength in {_strength_line(strength, inside=True)} "
            "would help, "
            "I would love to hear from you."
            if strength is not None and plain(strength.text)
            else "If another role opens that fits my background, I would love to hear from you."
        )
        body = [
            f"Thank you for letting me know about your decision on {job}, and for your time "
            "and consideration.",
            "While I am disappointed, I valued meeting you"
            + (f", especially our discussion of {notes}." if notes else "."),
            f"I remain very interested in {company}. {future} I would also welcome any "
            "feedback you can share.",
            "I hope our paths cross again.",
        ]
    text = "\n\n".join(
        [_subject(kind, interview), _greeting(interview), *(" ".join(p.split()) for p in body)]
    )
    return text + "\n\nBest regards,\n"
