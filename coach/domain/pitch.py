"""Judging a pitch response: what the user says when the interviewer raises a concern.

The seed article's advice: take the feedback, highlight your strengths again, and skew the
pitch toward what you just heard. Coaching sources add: acknowledge it without dismissing it,
answer the concern itself, prove a strength with evidence and point it at the concern, blame
nobody, don't argue or apologise, fit the length to the concern (a short warm reply to a strong
match, a considered one to a gap), and end on what you would bring. Each is a small function in
``coach.domain.response_checks``; this module reads the concern and adds up the points.

Gaming buys nothing: a sentence said again, a list of the concern's keywords, or a fault is
left out of what the checks read and costs points besides, and only the words that carry the
answer count toward its length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from coach.domain import packaged
from coach.domain import text as t
from coach.domain.assessment import Assessment
from coach.domain.cards import FeedbackCard
from coach.domain.concerns import ConcernBook, ConcernKind, Terms, kind_of
from coach.domain.models import Strength
from coach.domain.response_checks import CHECKS, hedge_allowance
from coach.domain.response_draft import Draft, prepare
from coach.domain.response_phrases import ResponsePhrases

FeedbackLike = FeedbackCard | str | Mapping[str, Any]
StrengthLike = Strength | str | Mapping[str, Any]

EXTRA_FAULT_PENALTY = 5
"""Taken off for each sentence with an argument, blame, apology or cliché after the first."""
EXTRA_HEDGE_PENALTY = 2
"""Taken off for each hedge past the first one more than the answer's allowance."""
STUFFING_PENALTY = 15
"""Taken off for each sentence that only lists keywords."""
REPEAT_PENALTY = 20
"""Taken off when a fifth or more of the answer repeats itself."""
REPEAT_SHARE = 0.2


def _concern(feedback: FeedbackLike) -> tuple[str, str, str, tuple[str, ...]]:
    """The feedback text, the concern, the category (if any) and the card's terms."""
    if isinstance(feedback, FeedbackCard):
        return feedback.feedback, feedback.concern, feedback.category, feedback.terms
    if isinstance(feedback, str):
        return feedback, "", "", ()
    raw_terms = feedback.get("terms", ())
    terms = tuple(str(x) for x in raw_terms) if isinstance(raw_terms, list | tuple) else ()
    category = feedback.get("category", feedback.get("kind", ""))
    return (
        str(feedback.get("feedback", "")),
        str(feedback.get("concern", "")),
        category if isinstance(category, str) else "",
        terms,
    )


def _strength_of(item: StrengthLike) -> Strength:
    if isinstance(item, Strength):
        return item
    if isinstance(item, str):
        return Strength(item)
    return Strength(str(item.get("text", "")), str(item.get("evidence", "")))


def _said_words(
    said: str, concern: str, terms: tuple[str, ...], phrases: ResponsePhrases
) -> list[str]:
    """The interviewer's meaningful words as written: the card's terms, then theirs.

    Left out: little words, contractions ("we've"), numbers, and words that say nothing about
    the concern ("candid", "seen", "couple"), so a tip never asks the user to repeat them.
    """
    words = [w for term in terms for w in t.words(term)]
    words += t.words(f"{concern} {said}")
    return [
        w
        for w in dict.fromkeys(words)
        if w not in t.STOPWORDS
        and len(w) > 2
        and "'" not in w
        and t.stem(w) not in phrases.generic_terms
        and not t.has_number(w)
    ]


def penalty(draft: Draft) -> int:
    """Points taken off beyond the failed checks: more of a fault costs more."""
    # Faults of every kind are counted together: the first is paid by its check, each further
    # one costs more. Counted kind by kind, a phrase that broke another fault's phrase (a
    # defensive "but actually" inside a cliche) could lower the penalty more than it cost.
    faults = draft.count("defensive", "dismissive", "blame", "negative", "undermining", "cliche")
    extra = EXTRA_FAULT_PENALTY * max(0, faults - 1)
    extra += EXTRA_HEDGE_PENALTY * max(0, len(draft.hedges) - hedge_allowance(draft) - 1)
    extra += STUFFING_PENALTY * draft.count("stuffing")
    if draft.spoken and draft.repeated >= REPEAT_SHARE * draft.spoken:
        extra += REPEAT_PENALTY
    extra += EXTRA_FAULT_PENALTY * sum(1 for s in draft.sentences if s.duplicate)
    return extra


def length_aim(feedback: FeedbackLike, *, concerns: ConcernBook | None = None) -> tuple[int, int]:
    """The length in words that fits a response to ``feedback`` (its kind of concern).

    Args:
        feedback: As for ``assess_pitch``.
        concerns: The kinds of concern; the packaged ones by default.
    """
    if concerns is None:
        concerns = packaged.content().concern_book()
    said, concern, category, _ = _concern(feedback)
    kind = kind_of(category, f"{said} {concern}", concerns)
    return kind.min_words, kind.max_words


_UNREAD_RISKS = ("response.no-blame", "response.not-defensive", "response.confident")
"""Checks for what costs points, failed when the text was cut (see ``text.unvouched``)."""


def assess_pitch(
    response: str,
    feedback: FeedbackLike,
    strengths: Iterable[StrengthLike] = (),
    *,
    phrases: ResponsePhrases | None = None,
    concerns: ConcernBook | None = None,
) -> Assessment:
    """Score a response to an interviewer's concern, 0-100, with a tip per check.

    Only the first ``MAX_COACHED_WORDS`` words are read (``coached_up_to`` says where it
    stopped): a good response has under 250.

    Args:
        response: What the user would say.
        feedback: What the interviewer said: a ``FeedbackCard`` (its category is the kind of
            concern), plain text (the kind is read from it), or a mapping with ``feedback`` and
            optionally ``concern``, ``terms`` and ``category``.
        strengths: The user's strengths (``Strength``, text, or a mapping with ``text`` and
            ``evidence``). Without them, a concrete thing the answer says you did counts.
        phrases: The phrase lists; the packaged ``data/phrases/response.json`` by default.
        concerns: The kinds of concern; the packaged ``data/phrases/concerns.json`` by default.

    Returns:
        The score and twelve checks, in a fixed order.
    """
    if phrases is None or concerns is None:
        # The packaged lists, read on first use (never at import) by the registered provider.
        phrases = phrases or packaged.content().response_phrases()
        concerns = concerns or packaged.content().concern_book()
    response, cut = t.coached_part(response)
    said, concern, category, card_terms = _concern(feedback)
    kind: ConcernKind = kind_of(category, f"{said} {concern}", concerns)
    said_words = _said_words(said, concern, card_terms, phrases)
    terms = Terms.of([*card_terms, *said_words])
    draft = prepare(
        response,
        phrases,
        kind,
        terms,
        tuple(said_words),
        tuple(_strength_of(s) for s in strengths),
    )
    checks = tuple(check(draft, phrases) for check in CHECKS)
    score = max(0, sum(c.points for c in checks) - penalty(draft))
    assessed = Assessment(score, checks, len(response) if cut else None)
    # A cut text's rest is unread: coaching cannot vouch that it is free of what costs points.
    return t.unvouched(assessed, (c.name for c in checks if c.id in _UNREAD_RISKS))
