"""Finding many lists of phrases in a short text in one pass over its words.

A coach reads a text for hundreds of phrases ("did I get the job", "any reservations", "um").
One regular expression per list costs a scan of the whole text each (about a millisecond per
list at 300 words); here the text is cut into words once and each word looks up, in one table,
the phrases that can start with it. Every list is found in well under a millisecond at 300 words.

A phrase matches whole words, in any case, with a straight or curly apostrophe. Four marks give
it a little structure: ``...`` stands for up to five words in between ("did I answer ...
okay"), ``[word]`` is a word that may be left out ("I'm [really] excited about"), ``word*``
matches any ending ("satisfactor*") and a leading ``^`` matches only where a sentence starts
("^no"). Punctuation in a phrase must be there in the text ("no, thanks", "right?").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

GAP_WORDS = 5
"""How many words ``...`` may stand for."""

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019\-]*|[,;:?!.\u2026]")
_ENDS_SENTENCE = frozenset(".?!\u2026")


class PhraseError(ValueError):
    """A phrase list is missing, empty or holds something that is not a phrase."""


class Token(NamedTuple):
    """A word or a punctuation mark of the text (a tuple: hundreds are made per call)."""

    start: int
    end: int
    text: str
    """Lower-cased, with a curly apostrophe made straight."""
    word: bool
    sentence_start: bool
    """Whether a sentence starts here (first in the text, or after ".", "?", "!" or a line
    break)."""


def tokenize(text: str) -> list[Token]:
    """The words and punctuation marks of ``text``, in order."""
    tokens: list[Token] = []
    append, make = tokens.append, Token._make
    previous_end = 0
    starts = True
    # Lower-cased once (the same length, so positions hold), not word by word.
    lowered = text.lower().replace("\u2019", "'")
    lines = "\n" in lowered
    for match in _TOKEN.finditer(lowered):
        start, end = match.span()
        raw = match.group()
        word = raw[0].isalnum()
        if lines and previous_end and "\n" in lowered[previous_end:start]:
            starts = True
        append(make((start, end, raw.rstrip("'-") if word else raw, word, starts)))
        starts = not word and raw in _ENDS_SENTENCE
        previous_end = end
    return tokens


StepKind = Literal["word", "prefix", "optional", "gap"]


@dataclass(frozen=True)
class _Step:
    kind: StepKind
    text: str = ""


@dataclass(frozen=True)
class _Phrase:
    steps: tuple[_Step, ...]
    at_start: bool


def _parse(phrase: str) -> _Phrase:
    at_start = phrase.startswith("^")
    steps: list[_Step] = []
    for piece in phrase.lstrip("^").lower().replace("\u2019", "'").split():
        if piece == "...":
            steps.append(_Step("gap"))
        elif piece.startswith("[") and piece.endswith("]"):
            steps.append(_Step("optional", piece[1:-1]))
        elif piece.endswith("*") and len(piece) > 1:
            steps.append(_Step("prefix", piece[:-1]))
        else:
            for part in _TOKEN.findall(piece):
                steps.append(_Step("word", part.rstrip("'-") if part[0].isalnum() else part))
    if not steps or steps[0].kind in ("gap", "optional") or steps[-1].kind in ("gap", "optional"):
        raise PhraseError(f"{phrase!r} is not a phrase (it must start and end with a word)")
    return _Phrase(tuple(steps), at_start)


def _match(
    steps: tuple[_Step, ...], k: int, tokens: list[Token], j: int, skip: frozenset[int]
) -> int:
    """The index after the tokens ``steps[k:]`` match from ``tokens[j]``, or -1. Tokens in
    ``skip`` (filler, "um,") may come between the words of a phrase."""
    if k == len(steps):
        return j
    step = steps[k]
    if step.kind == "gap":
        for extra in range(GAP_WORDS + 1):
            if extra and (j + extra > len(tokens) or tokens[j + extra - 1].text in _ENDS_SENTENCE):
                return -1
            end = _match(steps, k + 1, tokens, j + extra, skip)
            if end >= 0:
                return end
        return -1
    if step.kind == "optional":
        if j < len(tokens) and tokens[j].text == step.text:
            end = _match(steps, k + 1, tokens, j + 1, skip)
            if end >= 0:
                return end
        return _match(steps, k + 1, tokens, j, skip)
    if j >= len(tokens):
        return -1
    text = tokens[j].text
    if text == step.text or (step.kind == "prefix" and text.startswith(step.text)):
        return _match(steps, k + 1, tokens, j + 1, skip)
    if k and j in skip:
        return _match(steps, k, tokens, j + 1, skip)
    return -1


class Match(NamedTuple):
    """Where a phrase of a list was found: tokens ``first`` to ``last`` (inclusive)."""

    first: int
    last: int
    start: int
    """Index of its first character in the text."""
    end: int
    """Index one past its last character."""


@dataclass
class Found:
    """Every list's phrases found in one text."""

    text: str
    tokens: list[Token]
    matches: dict[str, list[Match]] = field(default_factory=dict)
    _first_tokens: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def _firsts(self, name: str) -> list[int]:
        firsts = self._first_tokens.get(name)
        if firsts is None:
            firsts = self._first_tokens[name] = [m.first for m in self.matches.get(name, [])]
        return firsts

    def of(self, name: str, first: int = 0, last: int | None = None) -> list[Match]:
        """The matches of list ``name`` that start within tokens ``first`` to ``last``."""
        found = self.matches.get(name, [])
        if not found or (first == 0 and last is None):
            return found
        # Matches are kept in the order of the text: find the range by bisection.
        firsts = self._firsts(name)
        end = len(self.tokens) if last is None else last
        return found[bisect_left(firsts, first) : bisect_right(firsts, end)]

    def has(self, name: str, first: int = 0, last: int | None = None) -> bool:
        """Whether list ``name`` has a match starting within tokens ``first`` to ``last``."""
        if name not in self.matches:
            return False
        firsts = self._firsts(name)
        end = len(self.tokens) if last is None else last
        return bisect_left(firsts, first) < bisect_right(firsts, end)


def _length(candidate: tuple[str, _Phrase]) -> int:
    return len(candidate[1].steps)


class PhraseIndex:
    """Named lists of phrases, indexed by the word each phrase starts with."""

    def __init__(self, lists: Mapping[str, Iterable[str]], skippable: str | None = None) -> None:
        """Index ``lists`` (list name -> phrases).

        Args:
            lists: The phrase lists, by name.
            skippable: The name of a list (filler: "um", "you know") whose phrases may come
                between the words of the other lists' phrases: "I really, um, need this job"
                still says "I really need this job".

        Raises:
            PhraseError: A phrase does not start and end with a word.
        """
        # Keyed by a phrase's first two words when both are plain words, else by its first:
        # a common first word ("i", "what") then brings few candidates to try.
        self._by_first: dict[str, list[tuple[str, _Phrase]]] = {}
        self._by_pair: dict[tuple[str, str], list[tuple[str, _Phrase]]] = {}
        self._by_prefix: list[tuple[str, str, _Phrase]] = []
        self._skippable = (
            PhraseIndex({skippable: lists[skippable]}) if skippable is not None else None
        )
        self.names = tuple(lists)
        for name, phrases in lists.items():
            if name == skippable:
                continue
            for phrase in {p.strip() for p in phrases if p.strip()}:
                parsed = _parse(phrase)
                first = parsed.steps[0]
                if first.kind == "prefix":
                    self._by_prefix.append((first.text, name, parsed))
                elif len(parsed.steps) > 1 and parsed.steps[1].kind == "word":
                    pair = (first.text, parsed.steps[1].text)
                    self._by_pair.setdefault(pair, []).append((name, parsed))
                else:
                    self._by_first.setdefault(first.text, []).append((name, parsed))

    def _skips(self, found: Found) -> frozenset[int]:
        """The skippable list's matches (kept in ``found``) and the commas around them."""
        if self._skippable is None:
            return frozenset()
        inner = self._skippable.find(found.text, found.tokens)
        found.matches.update(inner.matches)
        skip: set[int] = set()
        for matches in inner.matches.values():
            for m in matches:
                skip.update(range(m.first, m.last + 1))
                for around in (m.first - 1, m.last + 1):
                    if 0 <= around < len(found.tokens) and found.tokens[around].text == ",":
                        skip.add(around)
        return frozenset(skip)

    def find(self, text: str, tokens: list[Token] | None = None) -> Found:
        """Every list's phrases in ``text``: at each place, a list's longest phrase that
        matches there, and no two matches of a list overlapping.

        Args:
            text: The text to read.
            tokens: ``tokenize(text)``, if already done.
        """
        found = Found(text, tokenize(text) if tokens is None else tokens)
        tokens = found.tokens
        skip = self._skips(found)
        covered: dict[str, int] = {}
        texts = [t.text for t in tokens]
        count = len(tokens)
        by_first, by_pair, by_prefix = self._by_first, self._by_pair, self._by_prefix
        for i, text in enumerate(texts):
            candidates = by_first.get(text)
            if i + 1 < count:
                paired = by_pair.get((text, texts[i + 1]))
                after = i + 1
                while after in skip:
                    after += 1
                if after != i + 1 and after < count:
                    later = by_pair.get((text, texts[after]))
                    paired = paired + later if paired and later else paired or later
                if paired:
                    candidates = candidates + paired if candidates else paired
            if by_prefix and tokens[i].word:
                prefixed = [(n, p) for prefix, n, p in by_prefix if text.startswith(prefix)]
                if prefixed:
                    candidates = (candidates or []) + prefixed
            if not candidates:
                continue
            # Longer phrases first, so "I was just wondering" is one filler, not two.
            candidates = sorted(candidates, key=_length, reverse=True)
            token = tokens[i]
            for name, phrase in candidates:
                if covered.get(name, -1) >= i or (phrase.at_start and not token.sentence_start):
                    continue
                steps = phrase.steps
                end = i + 1 if len(steps) == 1 else _match(steps, 0, tokens, i, skip)
                if end > i:
                    found.matches.setdefault(name, []).append(
                        Match(i, end - 1, token.start, tokens[end - 1].end)
                    )
                    covered[name] = end - 1
        return found
