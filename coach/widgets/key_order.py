"""Keys that reach the draft after a dialog opened over it: passed on to the dialog, in order.

Keys typed in a burst are handed to the focused widget, through its own message queue, before
it has handled the first of them (see ``coach.widgets.draft_editor``). So when one of them
opens a dialog (ctrl+o, the profile), the keys typed after it are already waiting in the
draft's queue: "draft", ctrl+o, "Python", ctrl+s put "Python" into the draft under the dialog,
and the dialog never saw its ctrl+s. The draft's editor and its stand-in pass such a key (or
paste) on with ``pass_on`` instead of taking it. ``run_binding_now`` is how they run a key's
binding at its turn among the keys typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.dom import NoScreen
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


def covered(widget: Widget) -> bool:
    """Whether another screen (a dialog) is now on top of ``widget``'s screen."""
    try:
        return widget.screen is not widget.app.screen
    except NoScreen:  # pragma: no cover - a widget already removed has no screen
        return False


async def pass_on(widget: Widget, event: events.Key | events.Paste) -> None:
    """Hand ``event``, which reached ``widget`` under a dialog, to the app as if typed now.

    It first waits for the dialog to be mounted (the keys after this one wait in ``widget``'s
    queue meanwhile, so their order is kept): the dialog focuses its first field as it mounts,
    through the app's queue, and this key then follows that through the same queue. So the
    dialog gets it as a key typed into it: text into its focused field, and its own keys
    (even priority ones, like the profile's ctrl+s).
    """
    event.stop()
    event.prevent_default()
    top = widget.app.screen
    # Textual keeps no public awaitable for "mounted"; MessagePump's own event is what
    # ``Widget.mount`` awaits.
    await top._mounted_event.wait()
    copy = (
        events.Key(event.key, event.character)
        if isinstance(event, events.Key)
        else events.Paste(event.text)
    )
    widget.app.post_message(copy)


async def run_binding_now(screen: Screen[Any], key: str, widget: Widget) -> bool:
    """Run the binding of ``key`` now, as ``widget`` (a text box on ``screen``) meets it among
    the keys typed; True if one ran (the key is then done with).

    Textual would look the binding up only once the key had bubbled up to the app, after the
    widget had already inserted the keys typed after it: "BEFORE", ctrl+s, " AFTER" sent at
    once saved "BEFORE AFTER". Only the screen's bindings and the widget's own run here, and
    only while the screen is on top (a dialog opened by an earlier key gets the keys after it
    as usual); the app's keys (F2, ctrl+q, ...) and priority ones take their usual path.
    """
    if screen.app.screen is not screen:
        return False
    active = screen.active_bindings.get(key)
    if active is None or not active.enabled or active.binding.priority:
        return False
    if active.node is not screen and active.node is not widget:
        return False
    return await screen.app.run_action(active.binding.action, active.node)
