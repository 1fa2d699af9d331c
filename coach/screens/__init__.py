"""The app's screens: Rehearse and Rate (peers), plus modal help, dialogs and notices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

Clock = Callable[[], datetime]
"""Where a screen gets "now": injected, so tests and snapshots are repeatable."""


def after_first_frame(screen: Screen[Any], callback: Callable[[], object]) -> None:
    """Run ``callback`` once the app's first frame is on screen (``CoachApp.after_first_frame``),
    or after the next refresh in an app that does not say when that is."""
    register = getattr(screen.app, "after_first_frame", None)
    if callable(register):
        register(callback)
    else:
        screen.call_after_refresh(callback)


def sized_from_the_start(screen: Screen[Any]) -> None:
    """Give ``screen`` its breakpoint class (``HORIZONTAL_BREAKPOINTS``) for the terminal's
    width now, as it is built.

    Textual sets it only when the screen gets its first Resize event, after the first frame: at
    80 columns Rate's first frame had its wide labels, then narrowed them, and every widget was
    styled twice. Textual's own Resize then finds the class already there and changes nothing.
    """
    try:
        width = screen.app.size.width
    except RuntimeError:  # no app running it yet: Textual sets the class when one shows it
        return
    # As Textual picks them (Screen._on_resize): the screen's own, else the app's.
    breakpoints = screen.HORIZONTAL_BREAKPOINTS
    if breakpoints is None:
        breakpoints = screen.app.HORIZONTAL_BREAKPOINTS
    for threshold, name in sorted(breakpoints or [], reverse=True):
        if width >= threshold:  # as Textual picks it (Screen._get_breakpoint_classes)
            screen.add_class(name, update=False)
            return
