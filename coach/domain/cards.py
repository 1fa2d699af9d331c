"""Feedback cards: what an interviewer might say in answer to the closing question.

Three sources: the deck shipped in ``data/feedback.json``; cards tailored to the user's profile
(a skill the job's requirements name that none of their strengths covers); and feedback heard
in a real interview.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from coach.domain import limits, packaged
from coach.domain import text as t
from coach.domain.content import QUESTION_CARD_ID as QUESTION_CARD_ID  # defined there, re-exported
from coach.domain.models import Strength

if TYPE_CHECKING:
    from coach.domain.posting_phrases import PostingPhrases
    from coach.domain.posting_skills import Skill
    from coach.domain.postings import Requirement

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
    "employment-gap",
    "short-tenure",
    "let-go",
    "salary-above-range",
    "career-change",
    "missing-degree",
    "location-notice",
    "challenged-claim",
)
"""The kinds of concern the deck covers, in the order the app lists them. They are also the
concern kinds the response coaching and the labelled corpus use, so a card's category is its
kind: rename none without renaming it there."""


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
    probe: str = ""
    """What the interviewer says to push once more on the same concern in a mock exchange
    ("But you haven't run dbt in production, have you?"); empty for a card without one."""
    problems: tuple[str, ...] = ()
    """The stored fields coach could not read (by name), shown as missing; empty for a sound
    card. Set only by the reader (``coach.store.records``) and never written back."""


def split_requirements(posting: str, phrases: PostingPhrases | None = None) -> tuple[str, ...]:
    """A pasted posting (or the profile's saved lines) as one requirement a line.

    Headings, the title, the company's story, duties, benefits, pay, boilerplate and "apply
    now" are left out (see ``coach.domain.postings``); a nice-to-have keeps "Nice to have: " in
    front. Reading the lines it returns gives them back unchanged.
    """
    from coach.domain.postings import parse_posting

    return tuple(requirement.line for requirement in parse_posting(posting, phrases))


def _requirement_id(requirement: str) -> str:
    """A readable, unique id: a slug for people, and a short hash so that two long
    requirements sharing a start (or with no Latin letters at all) never collide."""
    import hashlib  # here, not at the top: OpenSSL's loading is 1 ms of start-up

    normalised = " ".join(requirement.lower().split())
    digest = hashlib.sha1(normalised.encode()).hexdigest()[:8]  # noqa: S324 - an id, not security
    slug = "-".join(t.words(requirement))[:40]
    return f"req-{slug}-{digest}" if slug else f"req-{digest}"


@dataclass(frozen=True)
class Gap:
    """A skill the profile's requirements name that none of its strengths covers."""

    requirement: Requirement
    skill: Skill


def gaps(
    requirements: Iterable[str],
    strengths: Sequence[Strength],
    phrases: PostingPhrases | None = None,
) -> list[Gap]:
    """Every skill of the saved requirement lines that no strength covers: must-haves first,
    then nice-to-haves, each in the posting's order; a skill named twice once (as a must-have
    if it is one anywhere)."""
    requirements = [line for line in requirements if line.strip()]
    if not requirements:
        return []  # no profile yet: nothing to read, and the phrase lists stay unread
    from coach.domain.posting_skills import covered
    from coach.domain.postings import parse_posting

    phrases = phrases or _packaged()
    parsed: dict[str, Requirement] = {}
    for line in requirements:  # each line on its own: a saved line is one requirement
        for requirement in parse_posting(line, phrases):
            parsed.setdefault(requirement.text.lower(), requirement)
    ordered = sorted(parsed.values(), key=lambda r: r.nice_to_have)  # stable: posting order
    found: list[Gap] = []
    seen: set[str] = set()
    for requirement in ordered:
        for skill in requirement.skills:
            key = " ".join(skill.text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            if not covered(skill, strengths, phrases):
                found.append(Gap(requirement, skill))
    return found


def uncovered(
    requirements: Iterable[str],
    strengths: Sequence[Strength],
    phrases: PostingPhrases | None = None,
) -> list[str]:
    """What each tailored card is about: the skills no strength covers, in the cards' order."""
    return [gap.skill.text for gap in gaps(requirements, strengths, phrases)]


def _packaged() -> PostingPhrases:
    return packaged.content().posting_phrases()


TAILORED_CONCERN = "little hands-on "
"""How a tailored card about a skill begins its concern; the rest is the skill."""
NICE_CONCERN = ", a nice-to-have"
"""How a tailored card about a nice-to-have ends its concern."""
_CONCERN_STARTS = {
    "skill": TAILORED_CONCERN,
    "credential": "missing ",
    "possession": "missing ",
    "ability": "the job needs someone ",
    "quality": "little evidence of ",
}
_SAID = {
    # (kind, nice to have) -> what the interviewer says; {} is the skill as a card says it.
    ("skill", False): "We were hoping for more {}.",
    ("skill", True): "It isn't essential, but we'd hoped for some {}.",
    ("credential", False): "The role requires {}, and I didn't see that on your application.",
    ("credential", True): "It isn't required, but we'd prefer {}, and I didn't see that on "
    "your application.",
    ("possession", False): "The role requires {}, and that didn't come up.",
    ("possession", True): "It isn't essential, but it helps to have {}, and that didn't come up.",
    ("ability", False): "This job needs someone {}, and I didn't hear much about that.",
    ("ability", True): "It isn't essential, but it would help to have someone {}.",
    ("quality", False): "We were hoping to hear more evidence of {}.",
    ("quality", True): "It isn't essential, but I'd have liked more evidence of {}.",
}
_HINTS = {
    "skill": "Name your closest experience to it, with a result, and how fast you would close "
    "the gap.",
    "credential": "Say plainly where you stand on it (held, in progress, planned), then show the "
    "experience or training that proves the same ability.",
    "possession": "Answer it directly: say what you have or how you would arrange it, and by when.",
    "ability": "Answer it directly and honestly, with an example of a time you did it.",
    "quality": "Give one short story that shows it: what you did and what came of it.",
}
_PROBES = {
    # kind -> the interviewer pushing once more on it; {text} is the skill's name ("dbt"),
    # {phrase} the skill as a card says it ("a current RN license").
    "skill": "But you haven't done much with {text} yourself, have you?",
    "credential": "So where exactly do you stand on {phrase} today?",
    "possession": "And if we needed {phrase} from your first day, could you manage that?",
    "ability": "When did a job last need you to be {phrase}?",
    "quality": "What's one thing you did that really shows {phrase}?",
}
"""A tailored card's probe: the same concern, pressed on its own words (one per kind)."""
PROBE_MAX_CHARS = 300
"""A probe is one spoken sentence: longer than this in the deck is a mistake, refused."""
PROBE_SKILL_CHARS = 80
"""The most of a requirement's words a tailored card's probe quotes (it stays a sentence)."""
_NICE_HINT = (
    "It is a nice-to-have, not a must: acknowledge it briefly, then bring the talk back to the "
    "must-haves you meet, with evidence."
)


def _category(skill: Skill) -> str:
    if skill.kind == "credential":
        return "missing-degree"
    if skill.logistics:
        return "location-notice"
    return "experience-gap" if skill.years else "skills-gap"


def _terms(text: str) -> tuple[str, ...]:
    """The skill's own words a response should use ("RN" and "Go" count: names, not filler)."""
    found = {
        w.lower()
        for w in re.findall(r"[^\W_][\w+#\-]*", text)
        if w.lower() not in t.STOPWORDS and (len(w) > 2 or (len(w) == 2 and w[:1].isupper()))
    }
    return tuple(sorted(found)) or (text.lower(),)


def _one_line(words: str) -> str:
    """``words`` on one line, within ``PROBE_SKILL_CHARS`` (a requirement pasted with a line
    break or a whole paragraph must not make a probe the deck's own limit would refuse)."""
    flat = " ".join(words.split())
    return flat if len(flat) <= PROBE_SKILL_CHARS else flat[: PROBE_SKILL_CHARS - 1] + "…"


def tailored_card(gap: Gap, card_id: str) -> FeedbackCard:
    """The card for one gap: what an interviewer would say about it, in its kind's words."""
    skill, nice = gap.skill, gap.requirement.nice_to_have
    return FeedbackCard(
        id=card_id,
        category=_category(skill),
        feedback=_SAID[(skill.kind, nice)].format(skill.phrase),
        concern=f"{_CONCERN_STARTS[skill.kind]}{skill.text}{NICE_CONCERN if nice else ''}",
        terms=_terms(skill.text),
        hint=_NICE_HINT if nice else _HINTS[skill.kind],
        source="tailored",
        probe=_PROBES[skill.kind].format(
            text=_one_line(skill.text), phrase=_one_line(skill.phrase)
        ),
    )


def tailored_pairs(
    requirements: Sequence[str],
    strengths: Sequence[Strength],
    phrases: PostingPhrases | None = None,
) -> list[tuple[str, FeedbackCard]]:
    """(the requirement's saved line, its card) for each gap, in the cards' order."""
    pairs: list[tuple[str, FeedbackCard]] = []
    used: set[str] = set()
    for gap in gaps(requirements, strengths, phrases):
        text = gap.requirement.text
        # A requirement's first skill keeps the requirement's own id (as before skills were
        # told apart), so the attempts saved for it stay with it; the others add the skill.
        first = gap.skill == gap.requirement.skills[0]
        card_id = _requirement_id(text if first else f"{text}\n{gap.skill.text}")
        if card_id in used:
            card_id = _requirement_id(f"{text}\n{gap.skill.text}\n{len(used)}")
        used.add(card_id)
        pairs.append((gap.requirement.line, tailored_card(gap, card_id)))
    return pairs


def tailored_cards(
    requirements: Sequence[str],
    strengths: Sequence[Strength],
    phrases: PostingPhrases | None = None,
) -> tuple[FeedbackCard, ...]:
    """A card for each skill of the requirements that none of the user's strengths covers:
    must-haves first, then nice-to-haves (their card says so)."""
    return tuple(card for _, card in tailored_pairs(requirements, strengths, phrases))


def is_nice_to_have(card: FeedbackCard) -> bool:
    """Whether a tailored card is about a nice-to-have."""
    return card.source == "tailored" and card.concern.endswith(NICE_CONCERN)


def tailored_subject(card: FeedbackCard) -> str:
    """What a tailored card is about ("dbt", "current RN license"), for its label."""
    concern = card.concern.removesuffix(NICE_CONCERN)
    for start in _CONCERN_STARTS.values():
        if concern.startswith(start):
            return concern[len(start) :]
    return concern


MIN_HEARD_WORDS = 3
"""Fewer words than this hold no concern to rehearse a reply to."""


def heard_problem(feedback: str, company: str = "") -> str | None:
    """Why ``feedback`` (and ``company``) cannot make a heard card, in a sentence; None if they
    can: a few words at least, and the limits every way into coach shares
    (``coach.domain.limits``)."""
    if len(feedback.split()) < MIN_HEARD_WORDS:
        return "Write what they said, in a few words at least, to rehearse an answer to it."
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
