"""A draft found too long for the editor: kept whole, shortened for the editor, and said so.

Drafts are written as the user types, so nothing in the app makes one longer than
``MAX_DRAFT_CHARS``; a longer one comes from a hand-edited drafts file (or another program).
Loading it whole froze the app (see ``coach.widgets.draft_limits``). So the drafts file is
first copied aside whole, and only then does the editor get the draft's beginning.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.store.errors import StoreError
from coach.widgets.draft_limits import MAX_DRAFT_CHARS

if TYPE_CHECKING:
    from coach.store.api import StoreAPI


@dataclass(frozen=True)
class Shortened:
    """What became of a draft too long for the editor."""

    message: str
    """For the user: how long it was, what the editor holds, and where the whole draft is."""
    keep_typing: bool
    """Whether what is typed in the editor may be written over the draft: only once the whole
    draft is safe in a copy (or nothing is written to disk anyway)."""


def shorten_long_draft(store: StoreAPI, drafts: dict[str, str], key: str) -> Shortened | None:
    """If the draft ``drafts[key]`` is too long for the editor, keep it whole and shorten it.

    The drafts file is copied aside first; the draft in ``drafts`` (and, once the copy is
    made, in the file) then becomes its first ``MAX_DRAFT_CHARS`` characters.

    Returns:
        None if the draft fits; else what was done, to tell the user.
    """
    text = drafts.get(key, "")
    if len(text) <= MAX_DRAFT_CHARS:
        return None
    drafts[key] = text[:MAX_DRAFT_CHARS]
    was = (
        f"This draft is {len(text):,} characters long, more than a draft holds "
        f"({MAX_DRAFT_CHARS:,}): the editor has its first {MAX_DRAFT_CHARS:,}."
    )
    try:
        kept = store.keep_drafts_copy("long-draft")
    except StoreError as error:
        return Shortened(
            f"{was} {error} The whole draft is left as it was in the drafts file, and what "
            "you type here is not kept as a draft (ctrl+s still saves it as an attempt).",
            keep_typing=False,
        )
    if kept is None:
        return Shortened(was, keep_typing=True)  # nothing on disk to keep, or to overwrite
    with contextlib.suppress(StoreError):  # the copy holds it whole; autosave tries again
        store.save_draft(key, drafts[key])
    return Shortened(f"{was} The whole draft is kept in {kept}.", keep_typing=True)
