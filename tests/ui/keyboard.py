"""Helpers that act like a person at a keyboard."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from textual import events
from textual.dom import DOMNode
from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot
from textual.widget import Widget


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste ``text`` into the focused widget, as a terminal's bracketed paste delivers it.

    Typing long texts key by key costs Pilot about 60 ms a key; pasting is what a user does
    with a prepared answer anyway. Short texts in the tests are still typed key by key.
    """
    assert pilot.app.focused is not None, "nothing has focus to paste into"
    # Posted to the app, as the terminal driver does; the app hands it to the focused widget.
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, *, within: float = 10.0
) -> None:
    """Let the app run until ``condition`` holds, as a person waits to see it.

    ``within`` seconds only bound a test that fails (a busy machine is slow, not wrong): a
    test that passes waits exactly as long as the app takes.
    """
    give_up = time.monotonic() + within
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"gave up waiting for {what}")
        # Let the app run until it is idle (its messages, workers' results, refreshes), then
        # look again: no time step, so a fast app is never waited on. While only a timer is
        # pending this loops, each pass giving the event loop a turn for that timer to fire.
        await pilot.pause()


def footer_keys(screen: DOMNode) -> dict[str, Widget]:
    """The keys ``screen``'s Footer shows, left to right, by what each says ("Save",
    "Progress"): what a person reads there, and clicks.

    Textual's class for them is not public (``textual.widgets._footer``): they are found by
    its CSS type name, which themes style, and read as drawn ("^s Save").
    """
    shown: dict[str, Widget] = {}
    for key in screen.query("Footer FooterKey"):
        *_key, says = str(key.render()).split(maxsplit=1)  # " ^s  Save ": key, then words
        shown[says.strip()] = key
    return shown


def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send ``keys`` all at once, as a terminal delivers a burst of input (tmux send-keys, a
    fast typist, a key held down): none waits for the app to handle the one before.

    Each item is a key name ("ctrl+s", "enter", "left": see ``NAMED_KEYS``) or text, typed a
    character at a time.
    """
    for item in keys:
        if item in NAMED_KEYS or (len(item) > 1 and "+" in item):
            pilot.app.post_message(events.Key(item, None))
            continue
        for character in item:
            pilot.app.post_message(events.Key(key_name(character), character))


NAMED_KEYS = {"enter", "backspace", "tab", "escape", "left", "right", "up", "down", "home", "end"}


def key_name(character: str) -> str:
    """The name Textual gives the key that types ``character``, as its terminal driver names
    it: a letter or digit is itself, anything else its Unicode name ("space", "full_stop"),
    with Textual's own replacements ("slash", "minus")."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:  # a control character has no Unicode name
        name = ASCII_KEY_NAMES.get(character, character)
    return KEY_NAME_REPLACEMENTS.get(name, name)
