"""What kind of concern the interviewer raised, read from what they said.

A response is judged against its concern: being let go needs what you learned, a strong match
needs a short warm reply, an employment gap a considered one. The kinds, the phrases that show
each in the interviewer's words and the words an answer to it uses live in
``data/phrases/concerns.json``; ``ConcernBook.from_raw`` turns that file's content into values
(reading the file is left to ``coach.content.response_phrases``, so the domain does no I/O).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from coach.domain import text as t
from coach.domain.cards import CATEGORIES
from coach.domain.phrase_set import PhraseSet, Token, tokens

KINDS = CATEGORIES
"""The sixteen kinds of concern the deck, the response checks and the public corpus share
(one list: the deck's categories)."""

OTHER = "other"
"""Any concern that is none of ``KINDS``."""


@dataclass(frozen=True)
class ConcernKind:
    """One kind of concern: how to see it, and what an answer to it needs."""

    id: str
    """One of ``KINDS``, ``OTHER``, or ``"other:<topic>"`` (a common question outside them)."""
    signals: tuple[str, ...]
    """Phrases that show this kind in the interviewer's words."""
    answer: Terms
    """Words and phrases an answer that meets it uses (any one of them, each counted once)."""
    min_words: int
    """Fewer words than this cannot make the case."""
    max_words: int
    """More than this is a monologue."""
    need: str
    """What the answer must do, in a few words, for the tips."""

    @property
    def reported(self) -> str:
        """The kind as the rest of coach knows it: a topic of ``OTHER`` is ``OTHER``."""
        return self.id.partition(":")[0]


@dataclass(frozen=True)
class ConcernBook:
    """Every kind, in the order ties are settled, with its compiled signals."""

    kinds: tuple[ConcernKind, ...]
    other: ConcernKind
    signals: tuple[PhraseSet, ...]
    """Per kind: its signals, ready to find."""

    @classmethod
    def from_raw(cls, raw: Mapping[str, Any]) -> ConcernBook:
        """The book from the content of ``concerns.json``.

        Raises:
            ValueError: A field is missing or of the wrong type (the message names it).
        """
        kinds_raw = raw.get("kinds")
        if not isinstance(kinds_raw, dict) or not kinds_raw:
            raise ValueError("concerns.json: 'kinds' must be a non-empty object")
        kinds = tuple(_kind(kind_id, item) for kind_id, item in kinds_raw.items())
        unknown = [k.id for k in kinds if k.reported not in (*KINDS, OTHER)]
        if unknown:
            raise ValueError(f"concerns.json: unknown kinds {unknown}")
        other = _kind(OTHER, raw.get("other"))
        return cls(kinds, other, tuple(PhraseSet(k.signals) for k in kinds))

    def get(self, kind_id: str) -> ConcernKind:
        """The kind with this id (``other`` for one the book does not hold)."""
        for kind in self.kinds:
            if kind.id == kind_id:
                return kind
        return self.other

    def recognise(self, said: str) -> ConcernKind:
        """The kind of concern in ``said`` (the interviewer's words), or ``other``.

        The kind with the most distinct signals found wins; a tie goes to the one whose
        signals have more words (they are more specific), then to the kind listed first. A
        topic of ``other`` ("other:weakness") wins only when none of ``KINDS`` is seen.
        """
        words = tokens(said)
        best, best_score = self.other, (0, 0)
        for topics in (False, True):
            for kind, signals in zip(self.kinds, self.signals, strict=True):
                if (kind.reported == OTHER) != topics:
                    continue
                found = {tuple(w.word for w in words[a:b]) for a, b in signals.find(words)}
                score = (len(found), sum(len(phrase) for phrase in found))
                if score > best_score:
                    best, best_score = kind, score
            if best_score[0]:
                break
        return best


def _strings(item: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: {key!r} must be a list of phrases")
    return tuple(v.lower() for v in value)


def _kind(kind_id: str, item: object) -> ConcernKind:
    where = f"concerns.json, kind {kind_id!r}"
    if not isinstance(item, dict):
        raise ValueError(f"{where}: must be an object")
    low, high = item.get("min_words"), item.get("max_words")
    if not (isinstance(low, int) and isinstance(high, int) and 0 < low < high):
        raise ValueError(f"{where}: 'min_words' and 'max_words' must be whole numbers, min < max")
    need = item.get("need", "")
    return ConcernKind(
        id=kind_id,
        signals=_strings(item, "signals", where),
        answer=Terms.of(_strings(item, "answer", where)),
        min_words=low,
        max_words=high,
        need=need if isinstance(need, str) else "",
    )


def kind_of(category: str, said: str, book: ConcernBook) -> ConcernKind:
    """The kind a card's ``category`` names, else the one ``said`` shows.

    Args:
        category: A card's category (one of ``KINDS`` for a deck card; "heard" or empty for
            feedback whose kind nobody chose).
        said: What the interviewer said (and, if known, the concern behind it).
        book: The kinds.
    """
    if category in KINDS:
        return book.get(category)
    return book.recognise(said)


def recognise_kind(said: str, book: ConcernBook) -> str:
    """Which of ``KINDS`` (or ``OTHER``) the interviewer's words ``said`` raise."""
    return book.recognise(said).reported


@dataclass(frozen=True)
class Terms:
    """Words and phrases to look for in an answer, ready to match.

    A word matches by its stem ("learned" for "learning"), a phrase as a phrase. Stop-words
    ("because", "during") match as themselves, since stems leave them out.
    """

    words: tuple[tuple[str, str], ...] = ()
    """(stem, word as written) for each one-word term."""
    phrases: PhraseSet = field(default_factory=lambda: PhraseSet(()))
    """Every term of several words."""

    @classmethod
    def of(cls, terms: Sequence[str]) -> Terms:
        """``terms`` (lower case) made ready to match."""
        singles: dict[str, str] = {}
        several = []
        for term in terms:
            parts = t.words(term)
            if len(parts) == 1:
                singles.setdefault(t.stem(parts[0]), parts[0])
            elif parts:
                several.append(" ".join(parts))
        return cls(tuple(singles.items()), PhraseSet(several))

    def found(
        self, stems: AbstractSet[str], said: AbstractSet[str], runs: Iterable[Sequence[Token]]
    ) -> list[str]:
        """The terms an answer uses, each once, in their own words.

        Args:
            stems: The answer's content stems.
            said: The answer's words, lower case.
            runs: The answer's sentences, as words (a phrase never spans two).
        """
        hits = [word for stem, word in self.words if stem in stems or word in said]
        if self.phrases:
            for run in runs:
                hits += [" ".join(w.word for w in run[a:b]) for a, b in self.phrases.find(run)]
        return list(dict.fromkeys(hits))
