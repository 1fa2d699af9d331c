"""A screen whose first frame shows the draft in a light stand-in, and how its editor takes over.

The stand-in is ``coach.widgets.draft_preview.DraftPreview``: it saves the TextArea's cost
(about 10 ms) from the first frame. ``mount_editor`` puts the real editor, a TextArea with the
id "draft", in its place right after. Every key typed in the meantime is kept, in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widget import Widget

from coach.widgets.draft_preview import DraftPreview

if TYPE_CHECKING:
    from textual.widget import AwaitMount
    from textual.widgets import TextArea


def end_cursor(editor: TextArea) -> None:
    """Put the cursor at the end of a draft just shown: you go on where you left off."""
    editor.move_cursor(editor.document.end)


class DraftScreen(Screen[None]):
    """A screen with a ``DraftPreview`` that a TextArea (id "draft") replaces."""

    def mount_editor(self, *, shown_now: bool) -> TextArea:
        """Mount the draft's TextArea to take the place of the ``DraftPreview``.

        From here on the editor holds the draft. It has the stand-in's text, and any key the
        stand-in still receives goes into it, in order. It can be used at once (for a save,
        say), and is shown and focused once mounted.

        Args:
            shown_now: Show it at once, never the stand-in: for a screen building itself
                before its first frame (Rehearse opening on a card of the user's own).
        """
        from coach.widgets.draft_editor import DraftEditor

        preview = self.query_one(DraftPreview)
        editor = DraftEditor(
            preview.text, id="draft", placeholder=preview.placeholder, in_order=self.run_in_order
        )
        editor.border_title = preview.border_title
        end_cursor(editor)
        preview.hand_to(editor)
        if shown_now:
            preview.display = False
        else:
            # Hidden until mounted, then swapped in one frame: the two never share the box.
            editor.display = False
        box = preview.parent
        assert isinstance(box, Widget)
        mounting = box.mount(editor, after=preview)
        self.call_later(self._hand_over, mounting)
        return editor

    async def run_in_order(self, key: str, widget: Widget) -> bool:
        """Run the binding of ``key`` now, as the draft's editor or stand-in (``widget``) meets
        it among the keys typed; True if one ran (the key is then done with).

        Textual would look the binding up only once the key had bubbled up to the app, after
        the widget had already inserted the keys typed after it: "BEFORE", ctrl+s, " AFTER"
        sent at once saved "BEFORE AFTER". Only this screen's bindings and the widget's own
        run here, and only while the screen is on top (a dialog opened by an earlier key gets
        the keys after it as usual); the app's keys (F2, ctrl+q, ...) take their usual path.
        """
        if self.app.screen is not self:
            return False
        active = self.active_bindings.get(key)
        if active is None or not active.enabled or active.binding.priority:
            return False
        if active.node is not self and active.node is not widget:
            return False
        return await self.app.run_action(active.binding.action, active.node)

    async def _hand_over(self, mounting: AwaitMount) -> None:
        await mounting
        self._swap_in_editor()

    def on_screen_resume(self) -> None:
        # Back from a dialog opened before the editor could take over (ctrl+o at once, say).
        self._swap_in_editor()

    def _swap_in_editor(self) -> None:
        """Show the mounted editor in the stand-in's place, with its focus, in one frame.

        Only while this screen is on top: under a dialog, the editor would take the focus and
        blink its cursor behind it. Until then the stand-in stays, typing into the editor.
        """
        previews = self.query(DraftPreview)
        editors = self.query("#draft")
        if not previews or not editors or not editors.first().is_mounted or not self.is_active:
            return
        preview, editor = previews.first(), editors.first()
        if preview.handed_over:
            return  # already on its way out
        preview.handed_over = True
        with self.app.batch_update():
            editor.display = True
            if preview.has_focus or self.focused is None:
                # At once (``editor.focus()`` would wait a turn), and before the stand-in is
                # hidden: its focus must not pass to the card list on the way.
                self.set_focus(editor)
            preview.display = False
        # Through its own queue, so a key already on its way to it still reaches the editor.
        preview.call_later(preview.remove)
