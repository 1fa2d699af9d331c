"""Showing what was saved anywhere: on the other screen, in another window, or by
``coach import``.

A screen reads the database when it is built, and keeps showing that. Each screen that shows
saved data keeps a ``Seen`` and re-reads (its ``show_saved`` method, through ``read_again``)
when it is shown again (Textual's ``ScreenResume``), when the terminal regains focus, or on F5
(``CoachApp``). It reads only when the store's revision moved since it last read, so being
shown costs one ``stat``; after a save of its own, when nothing else was saved in between, it
has nothing to read (``Seen.saved``).

A re-read that fails (the file gone, unreadable, or changed into something else by another
program) changes nothing on screen: a notice says why, and what was shown stays.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from coach.store.errors import StoreError

if TYPE_CHECKING:
    from textual.widget import Widget

    from coach.store.api import StoreAPI


class Seen:
    """The store's revision as a screen last read it."""

    def __init__(self, store: StoreAPI) -> None:
        self.store = store
        self.revision: tuple[object, ...] | None = None

    def reading(self) -> None:
        """Note the revision just before reading everything the screen shows: a save that
        lands during the read is then seen as a change next time, not missed."""
        self.revision = self.store.revision()

    def changed(self) -> bool:
        """Whether anything was saved since the screen last read (and note that it reads
        now)."""
        before = self.revision
        self.reading()
        return self.revision != before

    def saved(self) -> None:
        """The screen just saved, and shows its save: if it had read everything up to the
        save (nothing else came in between, the store tells under its lock), it still has."""
        last = self.store.last_save
        if last is not None and self.revision == last[0]:
            self.revision = last[1]


def tell_unread(widget: Widget, error: StoreError, *, first: bool = False) -> None:
    """Say that what is shown could not be read again, and stays as it was (or, the
    ``first`` time, could not be read at all)."""
    widget.notify(
        str(error) if first else f"{error} What is on screen stays as it was.",
        title="Not read" if first else "Not refreshed",
        severity="error",
        timeout=10,
        markup=False,
    )


def read_again(
    widget: Widget, seen: Seen, force: bool, read: Callable[[], None], *, first: bool = False
) -> bool:
    """Call ``read`` if anything was saved since ``seen`` (always if ``force``), noting the
    revision first; False, with a notice, if the database could not be read. ``read`` must
    change nothing on screen until it has read everything."""
    try:
        if seen.changed() or force:
            read()
    except StoreError as error:
        tell_unread(widget, error, first=first)
        return False
    return True


class ShowsSaved:
    """A screen showing saved data, read again when it is shown (after another screen, a
    dialog, or the other mode): the app calls ``show_saved`` on focus and on F5 too."""

    store: StoreAPI

    @cached_property
    def seen(self) -> Seen:
        """When this screen last read the database."""
        return Seen(self.store)

    def on_screen_resume(self) -> None:
        self.show_saved()

    def show_saved(self, *, force: bool = False) -> None:
        """Read what is shown again if anything was saved since it was read (always if
        ``force``); the screen's own, which must leave what is being typed alone."""
