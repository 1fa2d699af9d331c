"""The values coach keeps: the user's profile, rehearsal attempts and rated interviews.

They are frozen dataclasses so a screen can hold one without fearing that another part of the
app changes it underneath; the Store turns them into JSON-native dicts and back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from coach.domain.assessment import Check

AttemptKind = Literal["question", "response"]
"""What was rehearsed: the closing question itself, or a pitch response to feedback."""

SignalValue = int | float | str | bool | None
"""One observed interview signal; None means "not observed"."""


@dataclass(frozen=True)
class Strength:
    """One thing the user is good at, with the proof they would cite."""

    text: str
    """The strength in a few words, e.g. "Python data pipelines"."""
    evidence: str = ""
    """A number, a result or a short story that backs it up."""


@dataclass(frozen=True)
class Profile:
    """What the user brings and what the target role asks for."""

    strengths: tuple[Strength, ...] = ()
    """The user's strengths, in the order they entered them."""
    requirements: tuple[str, ...] = ()
    """The target role's requirements, one line of the job posting each."""
    interview_date: str = ""
    """The day of the next interview, an ISO date; empty if none is set. It turns Rehearse to
    the evening-before rhythm (``coach.domain.rhythm``)."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    record. Set only by the reader (``coach.store.records``) and never written back."""


@dataclass(frozen=True)
class Attempt:
    """One saved rehearsal: a phrasing of the closing question or a response to feedback."""

    kind: AttemptKind
    """Whether this rehearses the question or a pitch response."""
    text: str
    """What the user wrote, exactly as typed."""
    card_id: str = ""
    """The feedback card (or question variant) this attempt answers; empty for free practice."""
    score: int = 0
    """The coaching score at save time, 0-100."""
    spoken_seconds: float | None = None
    """How long saying it aloud took on the stopwatch, in seconds; None if not timed."""
    created_at: str = ""
    """When it was saved, as an ISO 8601 timestamp (stored as text: JSON has no dates)."""
    checks: tuple[Check, ...] = ()
    """The coaching checks at save time (without highlighted spans)."""
    id: int | None = None
    """The store's id; None until saved."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    record. Set only by the reader (``coach.store.records``) and never written back."""
    exchange_id: int | None = None
    """The mock exchange this attempt was a turn of (``Exchange.id``); None for an attempt
    practised on its own card."""


@dataclass(frozen=True)
class Interview:
    """One interview as the user observed it."""

    company: str
    """Who interviewed them."""
    role: str
    """The job applied for."""
    stage: str = ""
    """Phone screen, technical, onsite, final..."""
    held_at: str = ""
    """When the interview took place, ISO 8601 date or date-time."""
    signals: Mapping[str, SignalValue] = field(default_factory=dict)
    """What was observed, keyed by signal name; a missing key means not observed."""
    outcome: str = ""
    """What happened later: offer, next round, rejected, no reply; empty while unknown."""
    closing_answer: str = ""
    """What they said when asked how your background measures up (may become a card)."""
    timeline_date: str = ""
    """The ISO date by which they promised an answer, if they gave one."""
    reply_date: str = ""
    """The ISO date of their first reply after the interview; empty while there is none."""
    application_id: int | None = None
    """The application this interview is a round of (``Application.id``). None until saved:
    the store then joins it to the application of the same company and role (made if none)."""
    notes: str = ""
    """The user's own notes on the interview, several lines: what was discussed, names of
    projects, what to mention in the thank-you note."""
    people: tuple[Person, ...] = ()
    """Who interviewed them, in the order met."""
    messages: tuple[SentMessage, ...] = ()
    """The follow-up messages the user marked sent, oldest first: a sent check-in is part of
    the follow-up record."""
    id: int | None = None
    """The store's id; None until saved."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    record. Set only by the reader (``coach.store.records``) and never written back."""


@dataclass(frozen=True)
class Person:
    """Someone who interviewed the user."""

    name: str
    title: str = ""
    """Their job title, as they gave it ("Head of Data"); may be empty."""


MessageKind = Literal["thank-you", "check-in", "rejection-reply"]
"""A follow-up message: the thank-you note the same day, the polite check-in once the reply
is overdue, the gracious reply to a rejection that keeps the door open."""


@dataclass(frozen=True)
class SentMessage:
    """A follow-up message the user marked sent."""

    kind: MessageKind
    sent_on: str
    """The ISO date it was marked sent."""
    text: str = ""
    """What was sent, as last edited in coach (the user may have changed it elsewhere)."""


ApplicationStatus = Literal["active", "offer", "rejected", "withdrawn", "no reply"]
"""Where an application stands. Shown on the Rate list beside its latest round."""


@dataclass(frozen=True)
class Application:
    """One job applied for at one company: its interviews are its rounds.

    Interviews of the same company and role belong to one application (the store joins them,
    at migration too); the user can move a round to another application."""

    company: str
    role: str
    status: ApplicationStatus | None = None
    """Set by the user (withdrawn, or any status they choose); None follows the latest
    round (``coach.domain.applications.status_of``)."""
    id: int | None = None
    """The store's id; None until saved."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name); set only by the reader."""


ReplyKind = Literal["concern", "strong-match", "evasive", "polite", "next-steps"]
"""What the interviewer answered in a mock exchange: a concern from a feedback card, a strong
match, an evasive non-answer, a polite "Sure, what would you like to know?" (the question asked
neither about fit nor the competition), or the next steps (it asked only about those)."""

TurnStep = Literal["question", "answer", "probe"]
"""A turn of a mock exchange: asking the closing question, answering the reply, answering the
interviewer's follow-up probe on the same concern."""


@dataclass(frozen=True)
class Turn:
    """One turn of a mock exchange: what the interviewer said, then what the user answered."""

    step: TurnStep
    """Which turn it is."""
    prompt: str
    """What the interviewer said before it ("Do you have any questions for me?", the reply,
    the probe)."""
    card_id: str = ""
    """The card the turn practises: the closing question's id for the question, and for an
    answer to a reply from no card (polite, next steps: it is the question asked again)."""
    attempt_id: int | None = None
    """The attempt saved for the turn; None when nothing was typed (aloud, without the gist)."""
    first_word_seconds: float | None = None
    """Seconds from the prompt to the user's first word (first key, or the aloud clock's
    start); None if not measured."""
    seconds: float | None = None
    """How long the turn took, in seconds; None if not measured."""
    score: int | None = None
    """The coaching score of what was typed; None with no text."""


@dataclass(frozen=True)
class Exchange:
    """A mock exchange: the closing question asked, the reply the coach chose, the answer, and
    the probe where the card has one. Each typed turn is also an ``Attempt`` (its
    ``exchange_id`` is this exchange's id), so a card's history and its repetition count it."""

    started_at: str
    """When it began, ISO 8601 (as ``Attempt.created_at``)."""
    reply_kind: ReplyKind
    """What kind of reply the interviewer gave."""
    reply: str
    """The reply itself, as shown."""
    turns: tuple[Turn, ...] = ()
    """The turns in order: the question, the answer, then the probe's answer if any."""
    card_id: str = ""
    """The card the reply came from; empty for a reply from no card."""
    aloud: bool = False
    """Rehearsed aloud: the clocks ran while the user spoke; typing the gist was optional."""
    id: int | None = None
    """The store's id; None until saved."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    record. Set only by the reader (``coach.store.records``) and never written back."""
