"""How long a draft may be, and what the draft's editor says to a paste that would pass it.

A draft is what the user would say aloud: a question of about 15 seconds, an answer of 30-90.
Textual's editor slows down with the length of a line and of the text (a 20 MB draft took
15 s to show and a fifth of a second a key; one line of 200,000 characters half a second a
key), so a draft holds at most ``MAX_DRAFT_CHARS``: a paste past that is refused, and a
longer draft found in the drafts file is copied aside whole before the editor gets its
beginning (``coach.screens.long_drafts``). Nothing is ever cut without a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

MAX_DRAFT_CHARS = 50_000
"""About 8,000 words, almost an hour aloud; coaching reads the first 2,000 of them."""


def refuse_paste(widget: Widget, size_after: int) -> bool:
    """Whether a paste that would make the draft ``size_after`` characters is refused; if it
    is, the user is told why (the draft is left as it was)."""
    if size_after <= MAX_DRAFT_CHARS:
        return False
    widget.notify(
        f"That paste would make the draft {size_after:,} characters long; a draft holds at "
        f"most {MAX_DRAFT_CHARS:,} (about 8,000 words). Your draft is unchanged: paste a "
        "shorter text.",
        title="Not pasted",
        severity="warning",
        timeout=12,
        markup=False,
    )
    return True
