"""Finding listed phrases in a text by its words: fast, whatever the length of the list.

One regular expression of a few hundred alternatives tries each of them at every character;
here each word is looked up once, among the phrases that begin with it. Matching is by whole
words, any case, a straight or curly apostrophe alike (``coach.domain.text.words``), longest
phrase first, without overlaps, like ``text.phrase_pattern``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from coach.domain import text as t

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019\-]*")


class Token(NamedTuple):
    """A word of the text: lower case, and where it is (a tuple: made by the hundred per
    keystroke, so it must be cheap)."""

    word: str
    start: int
    end: int


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` (as ``text.words`` gives them), with their places plus ``offset``."""
    return [
        Token(m.group(0).lower().replace("\u2019", "'"), offset + m.start(), offset + m.end())
        for m in _WORD.finditer(text)
    ]


class PhraseSet:
    """A list of phrases, indexed by their first word."""

    def __init__(self, phrases: Iterable[str]) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            parts = tuple(t.words(phrase))
            if parts:
                by_first.setdefault(parts[0], []).append(parts)
        for candidates in by_first.values():
            candidates.sort(key=len, reverse=True)
        self._by_first = by_first

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, words: Sequence[Token]) -> list[tuple[int, int]]:
        """Each phrase found in ``words``, as (first, one past the last) word indexes."""
        found = []
        i, n = 0, len(words)
        while i < n:
            candidates = self._by_first.get(words[i].word)
            length = 0
            if candidates:
                for parts in candidates:
                    k = len(parts)
                    if i + k <= n and all(words[i + j].word == parts[j] for j in range(1, k)):
                        length = k
                        break
            if length:
                found.append((i, i + length))
                i += length
            else:
                i += 1
        return found

    def found_in(self, words: Sequence[Token]) -> bool:
        """Whether any phrase is in ``words``."""
        return bool(self.find(words))


class PhraseIndex:
    """Several named phrase lists found in one pass over the words.

    Each list keeps its own rules (longest phrase first, no overlap within the list); a phrase
    of one list may overlap a phrase of another.
    """

    def __init__(self, lists: dict[str, Iterable[str]]) -> None:
        # Keyed by the first two words (by the first alone for one-word phrases): many phrases
        # begin with "i" or "that's", few with "i disagree".
        by_start: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
        for name, phrases in lists.items():
            for phrase in phrases:
                parts = tuple(t.words(phrase))
                if parts:
                    by_start.setdefault(parts[:2], []).append((name, parts))
        for candidates in by_start.values():
            candidates.sort(key=lambda c: len(c[1]), reverse=True)
        self._by_start = by_start
        self.names = tuple(lists)

    def find(self, words: Sequence[Token]) -> dict[str, list[tuple[int, int]]]:
        """Per list, each phrase found in ``words`` as (first, one past the last) indexes."""
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        free: dict[str, int] = {}
        n = len(words)
        by_start = self._by_start
        plain = [w.word for w in words]
        for i in range(n):
            two = by_start.get((plain[i], plain[i + 1])) if i + 1 < n else None
            one = by_start.get((plain[i],))
            if not (two or one):
                continue
            for name, parts in (two or []) + (one or []):
                k = len(parts)
                if free.get(name, 0) > i or i + k > n:
                    continue
                if k <= 2 or plain[i + 2 : i + k] == list(parts[2:]):
                    found[name].append((i, i + k))
                    free[name] = i + k
        return found
