"""What a screen says after a save: "saved", or plainly that it was not, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.screens.fresh import Seen

if TYPE_CHECKING:
    from textual.widget import Widget

    from coach.store.api import StoreAPI


def tell_saved(widget: Widget, store: StoreAPI, saved: str, *, title: str, unkept: str) -> None:
    """Toast ``saved`` under ``title`` if the save reached the database file; else say it did not.

    A screen that shows saved data (``coach.screens.fresh``) has then read its own save: shown
    again, it reads only if another window saved in between.

    A session on a read-only folder, or on a temporary database, still takes saves (they show
    in this session's lists and charts) but loses them when coach closes: a toast saying
    "saved" would be a lie then.

    Args:
        widget: Where the toast comes from (a screen).
        store: The database just written to.
        saved: The usual toast, for a save that reached the file.
        title: The usual toast's title.
        unkept: The start of a sentence for a save that did not, such as "This attempt is kept
            only until coach closes"; the reason follows it.
    """
    seen = getattr(widget, "seen", None)
    if isinstance(seen, Seen):
        seen.saved()  # shown by the screen itself: nothing to read again for it
    reason = store.unsaved_reason
    if reason is None:
        widget.notify(saved, title=title, markup=False)  # it may name a company: user text
        return
    # Not markup: the reason may hold a path, and a path may hold square brackets.
    widget.notify(
        f"{unkept}: {reason}.", title="Not saved", severity="warning", timeout=15, markup=False
    )
