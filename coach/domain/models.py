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
    id: int | None = None
    """The store's id; None until saved."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    record. Set only by the reader (``coach.store.records``) and never written back."""
