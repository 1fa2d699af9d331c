"""Feedback cards: what an interviewer might say in answer to the closing question.

Three sources: the deck shipped in ``data/feedback.json``; cards tailored to the user's profile
(a requirement that none of their strengths covers); and feedback heard in a real interview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from coach.domain import limits
from coach.domain import text as t
from coach.domain.content import QUESTION_CARD_ID as QUESTION_CARD_ID  # defined there, re-exported
from coach.domain.models import Strength

CardSource = Literal["deck", "tailored", "heard"]

CATEGORIES = (
    "strong-match",
    "skills-gap",
    "experience-gap",
    "stronger-competition",
    "overqualified",
    "culture-fit",
    "communication-depth",
    "evasive",
)
"""The kinds of feedback the deck covers, in the order the app lists them."""


@dataclass(frozen=True)
class FeedbackCard:
    """One hypothetical (or heard) answer to the closing question."""

    id: str
    """Stable: attempts and repetition are keyed by it."""
    category: str
    """One of ``CATEGORIES``."""
    feedback: str
    """What the interviewer says."""
    concern: str
    """The worry behind it, in a short phrase."""
    terms: tuple[str, ...] = ()
    """Words (and close synonyms) a response should address; lower case."""
    hint: str = ""
    """One line of coaching."""
    source: CardSource = "deck"
    """Where the card came from."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    card. Set only by the reader (``coach.records``) and never written back."""


_BULLET = re.compile(r"^\s*(?:[-*•·▪●◦]|\d+[.)]|[a-z][.)])\s*", re.IGNORECASE)
_HEADING = re.compile(
    r"^(requirements|qualifications|what you'll need|what you will need|about you|you have|"
    r"must[- ]haves?|nice to haves?|responsibilities|skills|experience)\s*:?\s*$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:you have|you'll have|you will have|must have|should have|we're looking for|"
    r"we are looking for|ideally,? you have|strong|proven|solid|demonstrated|excellent|good|"
    r"hands-on|deep|a|an)\s+",
    re.IGNORECASE,
)


def split_requirements(posting: str) -> tuple[str, ...]:
    """Turn pasted lines of a job posting into one requirement per line.

    Bullets and numbering are removed, headings ("Requirements:") and blank lines dropped,
    sentences split, duplicates (ignoring case) removed, order kept.
    """
    found: list[str] = []
    seen: set[str] = set()
    for line in posting.splitlines():
        line = _BULLET.sub("", line).strip().rstrip(";,.")
        if not line or _HEADING.match(line):
            continue
        for part in re.split(r"(?<=[.;])\s+", line):
            part = part.strip().rstrip(";,.")
            key = part.lower()
            if part and key not in seen:
                seen.add(key)
                found.append(part)
    return tuple(found)


def _subject(requirement: str) -> str:
    """The requirement's core phrase, for "hands-on experience with <subject>"."""
    subject = requirement.strip()
    for _ in range(3):
        subject = _LEAD_IN.sub("", subject)
    subject = re.sub(r"^(?:\d+\+?\s*(?:years?|yrs?)\s*(?:of\s*)?)", "", subject, flags=re.I)
    subject = re.sub(
        r"^(?:experience|knowledge|expertise|skills?|familiarity)\s+(?:with|in|of)\s+",
        "",
        subject,
        flags=re.I,
    )
    subject = re.sub(r"\s+(?:experience|skills?|knowledge|expertise)$", "", subject, flags=re.I)
    return subject or requirement.strip()


def _requirement_id(requirement: str) -> str:
    """A readable, unique id: a slug for people, and a short hash so that two long
    requirements sharing a start (or with no Latin letters at all) never collide."""
    import hashlib  # here, not at the top: OpenSSL's loading is 1 ms of start-up

    normalised = " ".join(requirement.lower().split())
    digest = hashlib.sha1(normalised.encode()).hexdigest()[:8]  # noqa: S324 - an id, not security
    slug = "-".join(t.words(requirement))[:40]
    return f"req-{slug}-{digest}" if slug else f"req-{digest}"


def uncovered(requirements: Iterable[str], strengths: Sequence[Strength]) -> list[str]:
    """The requirements that share no meaningful word with any strength or its evidence."""
    covered = set()
    for strength in strengths:
        covered |= t.content_stems(f"{strength.text} {strength.evidence}")
    generic = t.content_stems("experience years knowledge skills ability strong proven work")
    return [req for req in requirements if not ((t.content_stems(req) - generic) & covered)]


TAILORED_CONCERN = "little hands-on "
"""How a tailored card's concern begins; the rest is the requirement's subject."""


def tailored_cards(
    requirements: Sequence[str], strengths: Sequence[Strength]
) -> tuple[FeedbackCard, ...]:
    """A card for each requirement that none of the user's strengths covers."""
    cards = []
    for requirement in uncovered(requirements, strengths):
        subject = _subject(requirement)
        terms = tuple(sorted(w for w in t.words(subject) if w not in t.STOPWORDS and len(w) > 2))
        cards.append(
            FeedbackCard(
                id=_requirement_id(requirement),
                category="skills-gap",
                feedback=f"We were hoping for more hands-on experience with {subject}.",
                concern=f"{TAILORED_CONCERN}{subject}",
                terms=terms,
                hint="Name your closest experience to it, with a result, and how fast you "
                "would close the gap.",
                source="tailored",
            )
        )
    return tuple(cards)


def heard_problem(feedback: str, company: str = "") -> str | None:
    """Why ``feedback`` (and ``company``) cannot make a heard card, in a sentence; None if they
    can: the limits every way into coach shares (``coach.domain.limits``)."""
    if len(feedback) > limits.MAX_TEXT_CHARS:
        return f"At most {limits.MAX_TEXT_CHARS:,} characters of feedback, not {len(feedback):,}."
    if len(company) > limits.MAX_NAME_CHARS:
        return f"Company: at most {limits.MAX_NAME_CHARS:,} characters, not {len(company):,}."
    if not (limits.valid_unicode(feedback) and limits.valid_unicode(company)):
        return "It holds a character that is not valid Unicode; retype it."
    return None


def heard_card(feedback: str, key: str | int, company: str = "") -> FeedbackCard:
    """A card from feedback the user really heard.

    Args:
        feedback: What the interviewer said.
        key: Makes the card's id unique: the interview's id, or a time stamp.
        company: Who said it, for the card's label.
    """
    # A "word" longer than a name is not one to match (and would not be read back as a term).
    stems = (stem for stem in t.content_stems(feedback) if len(stem) <= limits.MAX_NAME_CHARS)
    terms = tuple(sorted(stems))[:10]
    where = f" at {company}" if company else ""
    return FeedbackCard(
        id=f"heard-{key}",
        category="heard",
        feedback=feedback.strip(),
        concern=f"what you heard{where}",
        terms=terms,
        hint="This is real feedback: answer it the way you wish you had in the room.",
        source="heard",
    )
