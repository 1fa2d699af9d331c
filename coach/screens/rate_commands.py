"""Rate's commands in the command palette (ctrl+p): the keys the Footer has no room for at 80
columns (tests/ui/test_footer_fit.py), found by name, each with its key."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.screen import Screen


def rate_commands(screen: Screen[object]) -> Iterable[SystemCommand]:
    """The commands of Rate's own keys, offered while Rate is the screen under the palette
    (on another screen those keys do something else, or nothing)."""
    from coach.screens.rate import RateScreen

    if not isinstance(screen, RateScreen):
        return
    yield SystemCommand(
        "Follow-up message",
        "Draft, copy and mark sent the thank-you, check-in or rejection reply for the open "
        "interview (ctrl+o)",
        screen.action_message,
    )
    yield SystemCommand(
        "Application",
        "The open round's application: set its status, or move the round to another (ctrl+g)",
        screen.action_application,
    )
    yield SystemCommand(
        "Find an interview",
        "Filter the list as you type: company, role, notes, band, status (ctrl+l)",
        screen.action_find,
    )
