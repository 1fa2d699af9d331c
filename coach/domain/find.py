"""Find an application as you type: every word of the query must be found in it.

A word is found in the company, the role, any round's notes or stage, the band word of its
latest read ("went well", "mixed"...) or its status ("no reply"), compared as
``application_key`` compares names (case, composed or decomposed accents, control and format
characters and runs of spaces do not count) and, for typing's sake, without accents at all
("cafe" finds "Café"). An empty query finds everything.
"""

from __future__ import annotations

import unicodedata

from coach.domain.applications import ApplicationView, application_key

MAX_QUERY_CHARS = 200
"""More than anyone types into a filter; a pasted page is cut here."""


def fold(text: str) -> str:
    """``text`` as the filter compares it."""
    folded = application_key(text, "")[0]
    if folded.isascii():
        return folded
    spread = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in spread if not unicodedata.combining(ch))


def haystack(view: ApplicationView, band: str) -> str:
    """Everything the filter looks in, folded, one field a line (a word never spans two)."""
    app = view.application
    fields = [app.company, app.role, band, view.status]
    for interview in view.rounds:
        fields += [interview.company, interview.role, interview.stage, interview.notes]
    return "\n".join(fold(field) for field in fields)


def matches(query: str, view: ApplicationView, band: str) -> bool:
    """Whether every word of ``query`` is found in ``view`` (its ``band`` word included)."""
    words = fold(query[:MAX_QUERY_CHARS]).split()
    if not words:
        return True
    found = haystack(view, band)
    return all(word in found for word in words)
