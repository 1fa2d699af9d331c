"""Helpers that act like a person at a keyboard."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.pilot import Pilot


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste ``text`` into the focused widget, as a terminal's bracketed paste delivers it.

    Typing long texts key by key costs Pilot about 60 ms a key; pasting is what a user does
    with a prepared answer anyway. Short texts in the tests are still typed key by key.
    """
    assert pilot.app.focused is not None, "nothing has focus to paste into"
    # Posted to the app, as the terminal driver does; the app hands it to the focused widget.
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds (at most 5 s), as a person waits to see it."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"gave up waiting for {what}")
