"""Small text tools shared by the assessors: words, stems, phrases, speaking time.

All of it is plain ``re`` on short texts; the assessors stay well under a millisecond per
hundred words (see the benchmark), so coaching can run on every keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.domain.assessment import Assessment, Span


WORDS_PER_MINUTE = 150
"""A calm speaking pace; the seed's "about 15 seconds" question is about 37 words."""


def phrases(listing: str) -> list[str]:
    """A comma-separated listing (free to wrap across lines) as a list of phrases."""
    return [" ".join(part.split()) for part in listing.split(",") if part.strip()]


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019\-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_NUMBER_WORDS = frozenset(
    phrases(
        """
two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, fifteen, twenty, thirty,
forty, fifty, hundred, thousand, million, dozen, half, double, doubled, tripled, twice, percent
"""
    )
)

STOPWORDS = frozenset(
    phrases(
        """
a, about, above, after, again, against, all, am, an, and, any, are, as, at, be, because, been,
before, being, below, between, both, but, by, can, could, did, do, does, doing, down, during,
each, few, for, from, further, had, has, have, having, he, her, here, hers, him, his, how, i,
i'd, i'll, i'm, i've, if, in, into, is, it, it's, its, itself, just, let's, me, more, most, my,
myself, no, nor, not, now, of, off, on, once, only, or, other, our, ours, out, over, own, same,
she, should, so, some, such, than, that, that's, the, their, them, then, there, these, they,
this, those, through, to, too, under, until, up, very, was, we, we're, were, what, when, where,
which, while, who, whom, why, will, with, would, you, you'd, you're, your, yours, yourself,
also, really, quite, much, many, lot, lots, one, get, got, make, made, way, well, us, let, bit,
sure
"""
    )
)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, apostrophes normalised."""
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(_WORD.findall(text))


MAX_COACHED_WORDS = 2_000
"""Coaching reads a draft's first 2,000 words (about 13 minutes aloud), never more: the checks
are made for a question of about 40 words and a response of 75-225, and past this they only
cost time (1 MB of text took the assessors 3 s, 20 MB froze the app)."""
MAX_COACHED_CHARS = 10 * MAX_COACHED_WORDS
"""And at most this many characters (a word and its space take about 6 in prose), should the
words be very long or the text not words at all: the phrase checks cost by the character."""


def coached_part(text: str) -> tuple[str, bool]:
    """The beginning of ``text`` that coaching reads, and whether anything was left out.

    The part ends where the word after the ``MAX_COACHED_WORDS``-th begins (or after
    ``MAX_COACHED_CHARS`` characters), so it is a prefix of ``text``: positions found in it
    are positions in ``text``. Only that beginning is read, however long ``text`` is.
    """
    end = min(len(text), MAX_COACHED_CHARS)
    for count, match in enumerate(_WORD.finditer(text, 0, end), 1):
        if count > MAX_COACHED_WORDS:
            return text[: match.start()], True
    # Past the character limit, whatever follows is not read (not even to see if it is words).
    return text[:end], end < len(text)


def unvouched(assessment: Assessment, names: Iterable[str]) -> Assessment:
    """``assessment`` with the checks ``names`` failed if its text was cut (``coached_part``).

    Those are the checks that look for something that costs points (filler, undermining or
    defensive phrases): coaching did not read past the cut, so it cannot vouch that the rest
    is free of them, and an answer that put them after its 2,000th word would otherwise score
    like a clean one. A text coached whole is returned as it is. The cost is nothing, whatever
    the length (the rest is never read).
    """
    if assessment.coached_up_to is None:
        return assessment
    from dataclasses import replace

    wanted, lost, checks = set(names), 0, []
    for check in assessment.checks:
        if check.name in wanted and check.passed:
            lost += check.points
            check = replace(
                check,
                passed=False,
                points=0,
                tip=f"Not checked past the first {MAX_COACHED_WORDS:,} words, which is all "
                "coaching reads: cut the text to have it checked.",
            )
        checks.append(check)
    return replace(assessment, score=max(0, assessment.score - lost), checks=tuple(checks))


def capped_word_count(text: str) -> tuple[int, bool]:
    """How many words ``text`` has, counted no further than ``MAX_COACHED_WORDS`` (cheap at any
    length), and whether there are more."""
    part, cut = coached_part(text)
    return word_count(part), cut


def spoken_seconds(text: str, wpm: int = WORDS_PER_MINUTE) -> float:
    """How long ``text`` takes to say at ``wpm`` words a minute."""
    return word_count(text) * 60.0 / wpm


def stem(word: str) -> str:
    """A crude stem: enough to match "deploying", "deployed" and "deployment"."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in (
        "ments",
        "ment",
        "ings",
        "ing",
        "ations",
        "ation",
        "ies",
        "ied",
        "ed",
        "es",
        "s",
        "ly",
        "er",
        "ers",
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning (not stopwords, not one or two letters)."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 2}


def sentences(text: str) -> list[str]:
    """``text`` split into sentences (or lines), empty ones dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def has_number(text: str) -> bool:
    """Whether ``text`` states a quantity: a digit or a number word."""
    return any(ch.isdigit() for ch in text) or any(w in _NUMBER_WORDS for w in words(text))


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``phrases`` as whole words.

    Longer phrases are tried first, so "I think maybe" wins over "maybe". A straight or curly
    apostrophe both match.
    """
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    alternatives = [re.escape(p).replace("'", "['\u2019]").replace(r"\ ", r"\s+") for p in ordered]
    return re.compile(
        r"(?<![\w'\u2019])(?:" + "|".join(alternatives) + r")(?![\w'\u2019])", re.IGNORECASE
    )


def find(pattern: re.Pattern[str], text: str) -> tuple[Span, ...]:
    """Every match of ``pattern`` in ``text``, as spans of the user's own words."""
    # Imported here: the word count on Rehearse's first frame needs this module, not the
    # assessment dataclasses.
    from coach.domain.assessment import Span

    return tuple(Span(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text))


def tidy(text: str) -> str:
    """Runs of spaces and tabs folded to one space (line breaks kept: they end sentences)."""
    return re.sub(r"[ \t]{2,}", " ", text)


def remove(pattern: re.Pattern[str], text: str) -> tuple[str, int]:
    """``text`` with every match of ``pattern`` (and a comma right after it) taken out.

    Repeats until nothing matches, since taking one phrase out can join the halves of another
    ("I [to be fair,] disagree"). Returns the tidied text and how many phrases were removed.
    """
    trailing = re.compile(f"(?:{pattern.pattern}),?", pattern.flags)
    removed = 0
    while True:
        text, count = trailing.subn(" ", text)
        if not count:
            return tidy(text), removed
        removed += count


def any_stem_in(stems: set[str], candidates: Sequence[str]) -> list[str]:
    """The candidate terms (words or phrases) whose every word's stem appears in ``stems``."""
    found = []
    for term in candidates:
        parts = [stem(w) for w in words(term) if w not in STOPWORDS]
        if parts and all(p in stems for p in parts):
            found.append(term)
    return found
