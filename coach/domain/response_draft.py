"""A response made ready for the checks: its sentences, its faults, what is left to judge.

Faults are found sentence by sentence. A sentence that argues, waves the concern away, blames,
apologises, falls back on a cliché, lists keywords or says again what was already said gives the
answer nothing else: its slot is left empty, so the checks of what a good answer does (the
opening, the evidence, the ending) never see it, and adding one can only lower the score. Hedges
are only taken out. The positions of the sentences are kept (an empty slot stays a slot), so the
opening is still the first two sentences and the ending the last two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from coach.domain import text as t
from coach.domain.assessment import Span
from coach.domain.concerns import ConcernKind, Terms
from coach.domain.models import Strength
from coach.domain.phrase_set import Token, tokens
from coach.domain.response_phrases import ResponsePhrases

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+[\"')\]]*(?=\s)|$)|[^\n]+", re.MULTILINE)
"""A sentence: up to an end mark (and a closing quote or bracket) before a space, or a line."""

REPEAT_WORDS = 5
"""A run of this many words said twice is a repeat (a sentence said again, or a paragraph)."""

SENTENCE_FAULTS = ("defensive", "dismissive", "negative", "undermining", "cliche")
"""Faults found by their phrases; "blame" and "stuffing" are found by rules of their own."""


@dataclass
class Sentence:
    """One sentence of the response, where it is, and what is wrong with it."""

    start: int
    """Where it begins in the response."""
    text: str
    words: list[Token]
    faults: dict[str, list[Span]] = field(default_factory=dict)
    duplicate: bool = False
    hedges: list[Span] = field(default_factory=list)
    unhedged: list[Token] = field(default_factory=list)
    """Its words, hedges taken out."""

    @property
    def blank(self) -> bool:
        """Whether it gives the answer nothing (a fault, or said before)."""
        return self.duplicate or any(self.faults.values())


@dataclass(frozen=True)
class Slot:
    """What a sentence gives the checks: its words less hedges (none for a blank one)."""

    words: tuple[Token, ...]
    stems: frozenset[str]
    said: frozenset[str]
    """The words, lower case (stop-words too, which stems leave out)."""
    question: bool
    """Whether the sentence asks something."""
    merits: frozenset[str] = frozenset()
    """Which lists of ``MERIT_LISTS`` are found in it ("acknowledge", "forward", ...)."""
    did: bool = False
    """Whether it says something you did (``ResponsePhrases.did``)."""


@dataclass(frozen=True)
class Draft:
    """Everything the checks read, computed once."""

    kind: ConcernKind
    """What kind of concern the response answers."""
    terms: Terms
    """The concern's words: the card's terms and the interviewer's meaningful words."""
    said_words: tuple[str, ...]
    """The interviewer's meaningful words as written, for tips (never stems)."""
    sentences: tuple[Sentence, ...]
    slots: tuple[Slot, ...]
    """Per sentence, what is judged."""
    stems: frozenset[str]
    """Every judged slot's stems."""
    said: frozenset[str]
    """Every judged slot's words."""
    substance: int
    """Words that carry the answer: not in a fault, not a repeat."""
    spoken: int
    """Every word, as said aloud."""
    hedges: tuple[Span, ...]
    repeated: int
    """Words of the whole response that repeat an earlier run of ``REPEAT_WORDS``."""
    strengths: tuple[Strength, ...]
    shadows: tuple[tuple[Span, Slot], ...] = ()
    """For each sentence emptied by a fault (not a repeat or a keyword list): its first fault,
    and what it would have given; for tips ("your number is in a sentence with 'to be
    fair'")."""

    @property
    def judged(self) -> tuple[Slot, ...]:
        """The slots that are not blank."""
        return tuple(s for s in self.slots if s.words)

    def spans(self, *faults: str) -> tuple[Span, ...]:
        """Every span of these kinds of fault, in text order."""
        found = [s for sent in self.sentences for f in faults for s in sent.faults.get(f, [])]
        return tuple(sorted(found, key=lambda span: span.start))

    def count(self, *faults: str) -> int:
        """How many sentences hold one of these faults."""
        return sum(1 for s in self.sentences if any(s.faults.get(f) for f in faults))


def is_stuffing(words: Sequence[str], text: str) -> bool:
    """Whether a sentence is a keyword list rather than something said.

    Either the same few words over and over ("SQL, dashboards, SQL, dashboards"), or four or
    more fragments of at most three words with almost no little words between them
    ("Industry experience, SQL, 40, 8%").
    """
    content = [w for w in words if w not in t.STOPWORDS and len(w) > 2]
    if len(content) >= 3 and len(set(content)) * 2 <= len(content):
        return True
    fragments = [f for f in re.split(r"[,;/]|\band\b", text) if f.strip()]
    small = sum(1 for w in words if w in t.STOPWORDS)
    return (
        len(fragments) >= 4
        and all(len(t.words(f)) <= 3 for f in fragments)
        and small * 5 <= len(words)
    )


def _repeated_words(said: Sequence[str]) -> int:
    """How many words belong to a run of ``REPEAT_WORDS`` said earlier."""
    seen: set[tuple[str, ...]] = set()
    repeated = covered = 0
    runs = zip(*(said[k:] for k in range(REPEAT_WORDS)), strict=False)
    for i, run in enumerate(runs):
        if run in seen:
            # The words of this run not already counted with the run before.
            repeated += i + REPEAT_WORDS - max(covered, i)
            covered = i + REPEAT_WORDS
        else:
            seen.add(run)
    return repeated


def _period(said: Sequence[str]) -> int:
    """The length of the shortest run of words that ``said`` repeats throughout, if any."""
    n = len(said)
    for p in range(1, n // 2 + 1):
        if n % p == 0 and all(said[i] == said[i - p] for i in range(p, n)):
            return p
    return n


def unique_words(said: Sequence[str]) -> int:
    """How many of ``said`` are not a repeat: the answer said twice is as long as once."""
    return min(_period(said), len(said) - _repeated_words(said))


def _spans_of(found: list[tuple[int, int]], sentence: Sentence) -> list[Span]:
    words, offset = sentence.words, sentence.start
    return [
        Span(
            words[i].start,
            words[j - 1].end,
            sentence.text[words[i].start - offset : words[j - 1].end - offset],
        )
        for i, j in found
    ]


def _faults(words: list[Token], phrases: ResponsePhrases) -> dict[str, list[tuple[int, int]]]:
    """The fault phrases in ``words``, read twice: as said, and with the faults found left out.

    One fault said inside another ("which was but actually, a nightmare") must not hide it:
    the second reading joins what the first split, so adding a fault never removes one.
    """
    found = phrases.faults.find(words)
    # Hedges too: "was, I think, a nightmare" is still a complaint.
    inside = {
        i
        for name in (*SENTENCE_FAULTS, "blame", "hedges")
        for a, b in found[name]
        for i in range(a, b)
    }
    if not inside:
        return found
    kept = [i for i in range(len(words)) if i not in inside]
    again = phrases.faults.find([words[i] for i in kept])
    for name, spans in again.items():
        known = set(found[name])
        for a, b in spans:
            # Back to the sentence's own indexes: from the first kept word to the last.
            span = (kept[a], kept[b - 1] + 1)
            if span not in known and not any(x < span[1] and span[0] < y for x, y in known):
                found[name].append(span)
        found[name].sort()
    return found


def _sentence(raw: str, start: int, phrases: ResponsePhrases, seen: set[str]) -> Sentence:
    sentence = Sentence(start, raw, tokens(raw, start))
    found = _faults(sentence.words, phrases)
    for fault in SENTENCE_FAULTS:
        sentence.faults[fault] = _spans_of(found[fault], sentence)
    # Blame: a phrase that always is, or a harsh word said of a boss, a company, "they".
    blame = found["blame"] + (found["blame_words"] if found["blame_targets"] else [])
    sentence.faults["blame"] = _spans_of(sorted(blame), sentence)
    sentence.hedges = _spans_of(found["hedges"], sentence)
    hedged = {i for a, b in found["hedges"] for i in range(a, b)}
    sentence.unhedged = [w for i, w in enumerate(sentence.words) if i not in hedged]
    plain = [w.word for w in sentence.words]
    if is_stuffing(plain, raw):
        end = len(raw.rstrip())
        sentence.faults["stuffing"] = [Span(start, start + end, raw[:end])]
    key = " ".join(plain)
    sentence.duplicate = bool(key) and key in seen
    seen.add(key)
    return sentence


def _slot(sentence: Sentence, phrases: ResponsePhrases, *, shadow: bool = False) -> Slot:
    if sentence.blank and not shadow:
        return Slot((), frozenset(), frozenset(), False)
    kept = tuple(sentence.unhedged)
    said = [w.word for w in kept]
    merits = phrases.merits.find(kept)
    return Slot(
        kept,
        frozenset(stem_of(w) for w in said if w not in t.STOPWORDS and len(w) > 2),
        frozenset(said),
        sentence.text.rstrip().rstrip("\"')]").endswith("?"),
        frozenset(name for name, spans in merits.items() if spans),
        phrases.did(kept, bool(merits["experience"])),
    )


_STEMS: dict[str, str] = {}


def stem_of(word: str) -> str:
    """``text.stem``, remembered: an answer says the same words often, and so do answers."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) > 50_000:  # a bound, should a session coach a novel
            _STEMS.clear()
        found = _STEMS[word] = t.stem(word)
    return found


def prepare(
    response: str,
    phrases: ResponsePhrases,
    kind: ConcernKind,
    terms: Terms,
    said_words: tuple[str, ...],
    strengths: tuple[Strength, ...],
) -> Draft:
    """``response`` read once for every check (see the module's note)."""
    seen: set[str] = set()
    sentences = tuple(
        _sentence(m.group(0), m.start(), phrases, seen)
        for m in _SENTENCE.finditer(response)
        if m.group(0).strip()
    )
    # Hedges count wherever they are (a fault's sentence too), so emptying a sentence never
    # hides them.
    hedges = tuple(h for s in sentences for h in s.hedges)
    slots = tuple(_slot(s, phrases) for s in sentences)
    judged = [w.word for slot in slots for w in slot.words]
    shadows = tuple(
        (
            min((f for spans in s.faults.values() for f in spans), key=lambda f: f.start),
            _slot(s, phrases, shadow=True),
        )
        for s in sentences
        if s.blank and not s.duplicate and not s.faults.get("stuffing")
    )
    return Draft(
        kind=kind,
        terms=terms,
        said_words=said_words,
        sentences=sentences,
        slots=slots,
        stems=frozenset().union(*(s.stems for s in slots)),
        said=frozenset(judged),
        substance=unique_words(judged),
        spoken=sum(len(s.words) for s in sentences),
        hedges=hedges,
        repeated=_repeated_words([w.word for s in sentences for w in s.words]),
        strengths=strengths,
        shadows=shadows,
    )
