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


def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send ``keys`` all at once, as a terminal delivers a burst of input (tmux send-keys, a
    fast typist, a key held down): none waits for the app to handle the one before.

    Each item is a key name ("ctrl+s", "enter", "left": see ``NAMED_KEYS``) or text, typed a
    character at a time.
    """
    from textual.keys import _character_to_key

    for item in keys:
        if item in NAMED_KEYS or (len(item) > 1 and "+" in item):
            pilot.app.post_message(events.Key(item, None))
            continue
        for character in item:
            key = character if character.isalnum() else _character_to_key(character)
            pilot.app.post_message(events.Key(key, character))


NAMED_KEYS = {"enter", "backspace", "tab", "escape", "left", "right", "up", "down", "home", "end"}
