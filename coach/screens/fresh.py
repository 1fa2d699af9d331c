"""Showing what was saved anywhere: on the other screen, in another window, or by
``coach import``.

A screen reads the database when it is built, and keeps showing that. Each screen that shows
saved data keeps a ``Seen`` and re-reads (its ``show_saved`` method) when it is shown again
(Textual's ``ScreenResume``), when the terminal regains focus, or on F5 (``CoachApp``). It reads
only when the store's revision moved since it last read, so being shown costs one ``stat``.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.store.api import StoreAPI


class Seen:
    """The store's revision as a screen last read it."""

    def __init__(self, store: StoreAPI) -> None:
        self.store = store
        self.revision: tuple[object, ...] | None = None

    def reading(self) -> None:
        """Note the revision just before reading: a save that lands during the read is then
        seen as a change next time, not missed."""
        self.revision = self.store.revision()

    def changed(self) -> bool:
        """Whether anything was saved since the screen last read (and note that it reads
        now)."""
        before = self.revision
        self.reading()
        return self.revision != before


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
