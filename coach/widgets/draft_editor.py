"""The draft's editor: a TextArea whose keys take effect in the order they were typed.

Textual hands a key to the focused widget and looks up its binding only once the key has
bubbled back up to the app, through one message queue per widget. Keys typed in a burst (a
fast typist, a terminal replaying buffered input, ``tmux send-keys``) are meanwhile inserted by
the editor: "BEFORE", ctrl+s, " AFTER" saved "BEFORE AFTER". This editor runs the binding of a
key it does not take as text itself, at its turn, through ``in_order`` (see
``coach.screens.draft_screen.DraftScreen.run_in_order``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events
from textual.widget import Widget

from coach.widgets.draft_limits import refuse_paste
from coach.widgets.key_order import covered, pass_on
from coach.widgets.safe_fields import SafeTextArea

InOrder = Callable[[str, Widget], Awaitable[bool]]
"""Runs the binding of a key (for the widget it reached) now; True if one ran."""


class DraftEditor(SafeTextArea):
    """A soft-wrapped TextArea (tab moves on) that runs the bindings of the keys it is sent in
    the order they come."""

    def __init__(
        self,
        text: str,
        *,
        placeholder: str = "",
        in_order: InOrder | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus", placeholder=placeholder)
        self._in_order = in_order

    def _refused(self, insert: str) -> bool:
        """Whether pasting ``insert`` over the selection is refused (the draft would be too
        long: see ``coach.widgets.draft_limits``)."""
        size_after = len(self.text) - len(self.selected_text) + len(insert)
        return refuse_paste(self, size_after)

    async def _on_paste(self, event: events.Paste) -> None:
        # Before TextArea's own paste handler, which is skipped when the paste is refused.
        if covered(self):
            await pass_on(self, event)  # typed before a dialog opened over the draft
            return
        if not self.read_only and self._refused(event.text):
            event.stop()
            event.prevent_default()

    def action_paste(self) -> None:
        """Paste from the app's clipboard, unless the draft would get too long."""
        if not self.read_only and self._refused(self.app.clipboard):
            return
        super().action_paste()

    async def _on_key(self, event: events.Key) -> None:
        # Called before TextArea's own handler (a subclass's comes first in the MRO). That one
        # inserts printable keys and enter (tab moves the focus here: tab_behavior "focus");
        # every other key goes on to a binding.
        if covered(self):
            # A key typed after one that opened a dialog (ctrl+o): it is the dialog's.
            await pass_on(self, event)
            return
        if event.is_printable or event.key == "enter" or self._in_order is None:
            return
        if await self._in_order(event.key, self):
            event.stop()
            event.prevent_default()  # TextArea's handler and the app's lookup: done already
