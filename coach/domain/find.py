"""Find an application as you type: every word of the query must be found in it.

A word is found in the company, the role, any round's notes or stage, the band word of its
latest read ("went well", "mixed"...) or its status ("no reply"), compared as
``application_key`` compares names (case, composed or decomposed accents, control and format
characters and runs of spaces do not count; a line break is a space) and, for typing's sake,
without accents at all ("cafe" finds "Café"). An empty query finds everything.

A keystroke must not fold every round's notes again (500 applications of four rounds with a
page of notes each took 300-500 ms a key): a ``Finder`` folds each application's text once
per read of the interviews, on the first query, and each field's folding is remembered
(``fold``), so a read after one save folds only what changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from coach.domain.applications import ApplicationView

MAX_QUERY_CHARS = 200
"""More than anyone types into a filter; a pasted page is cut here."""

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def _visible(found: re.Match[str]) -> str:
    """A non-ASCII character, or nothing if it is a control, format or unassigned one."""
    return "" if unicodedata.category(found[0])[0] == "C" else found[0]


def _unaccented(found: re.Match[str]) -> str:
    """A non-ASCII character, or nothing if it is an accent (a combining mark)."""
    return "" if unicodedata.combining(found[0]) else found[0]


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """``text`` as the filter compares it.

    Only the non-ASCII characters are looked at one by one (through a regular expression,
    not a Python loop over every character): a page of notes folds in microseconds."""
    text = " ".join(text.split())  # a line break is a space: two lines' words stay two
    if not text.isascii():
        text = _NON_ASCII.sub(_visible, unicodedata.normalize("NFKC", text))
        text = _NON_ASCII.sub(_unaccented, unicodedata.normalize("NFKD", text.casefold()))
    return " ".join(_ASCII_CONTROLS.sub("", text).casefold().split())


def words_of(query: str) -> list[str]:
    """The words of ``query``, folded; none for an empty one."""
    return fold(query[:MAX_QUERY_CHARS]).split()


def haystack(view: ApplicationView) -> str:
    """Everything the filter looks in but the band, folded, one field a line (a word never
    spans two)."""
    app = view.application
    fields = [app.company, app.role, view.status]
    for interview in view.rounds:
        fields += [interview.company, interview.role, interview.stage, interview.notes]
    return "\n".join(fold(field) for field in fields)


def _found(words: list[str], text: str, band: str) -> bool:
    folded_band = fold(band)
    return all(word in text or word in folded_band for word in words)


def matches(query: str, view: ApplicationView, band: str) -> bool:
    """Whether every word of ``query`` is found in ``view`` (its ``band`` word included)."""
    words = words_of(query)
    return not words or _found(words, haystack(view), band)


class Finder:
    """The filter over one read of the applications: each one's text is folded once, on the
    first query, and every keystroke after that only looks for the words in it."""

    def __init__(self, views: Sequence[ApplicationView]) -> None:
        self.views = views
        self._texts: list[str] | None = None

    def shown(
        self, query: str, band: Callable[[ApplicationView], str]
    ) -> Sequence[ApplicationView]:
        """The applications in which every word of ``query`` is found, in their order;
        ``band`` gives an application's band word."""
        words = words_of(query)
        if not words:
            return self.views
        if self._texts is None:
            self._texts = [haystack(view) for view in self.views]
        return [
            view
            for view, text in zip(self.views, self._texts, strict=True)
            if _found(words, text, band(view))
        ]
