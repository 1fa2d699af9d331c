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
