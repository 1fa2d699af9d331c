"""The draft as the first frame shows it, before its editor arrives.

Textual's TextArea is the heaviest thing on the Rehearse screen's first frame: its module, its
stylesheet, its mount and its first render take about 10 ms of a start-up that should cost
little more than a bare Textual app's. So the first frame shows the draft in this light
stand-in, drawn like the editor, and the editor takes its place right after that frame (see
``coach.screens.draft_screen``). What is typed or pasted in between is kept, in order: into
the stand-in's own text until the editor exists (at the end of the draft, where the editor's
cursor is put), then straight into the editor, even for a key already on its way here when
the editor took over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.widgets import Static

from coach.render.safe import visible
from coach.widgets.draft_limits import refuse_paste
from coach.widgets.key_order import covered, pass_on

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from coach.widgets.draft_editor import InOrder


class DraftPreview(Static, can_focus=True):
    """The draft, drawn like the TextArea that replaces it, with its cursor at the end."""

    # The editor's look (TextArea's own rules), so nothing changes when it takes over.
    DEFAULT_CSS = """
    DraftPreview {
        width: 1fr;
        height: 1fr;
        border: tall $border-blurred;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        pointer: text;
        &:focus {
            border: tall $border;
        }
        & > .draft-preview--cursor {
            color: $input-cursor-foreground;
            background: $input-cursor-background;
            text-style: $input-cursor-text-style;
        }
        & > .draft-preview--placeholder {
            color: $text 40%;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"draft-preview--cursor", "draft-preview--placeholder"}

    def __init__(
        self,
        text: str,
        *,
        placeholder: str = "",
        on_change: Callable[[str], object] | None = None,
        in_order: InOrder | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.text = text
        self.placeholder = placeholder
        self._on_change = on_change
        self._in_order = in_order
        self._editor: TextArea | None = None
        self.handed_over = False
        """Set once the editor has taken the focus and this is on its way out."""

    def hand_to(self, editor: TextArea) -> None:
        """From now on, what is typed or pasted here goes into ``editor``."""
        self._editor = editor

    def set_text(self, text: str) -> None:
        """Show ``text`` as the draft (not as typing: ``on_change`` is not called)."""
        self.text = text
        self.refresh()

    def set_placeholder(self, placeholder: str) -> None:
        self.placeholder = placeholder
        self.refresh()

    def render(self) -> Text:
        cursor = self.get_component_rich_style("draft-preview--cursor")
        if not self.text:
            # Like the editor: the cursor on the placeholder's first character.
            hint = self.placeholder or " "
            dim = self.get_component_rich_style("draft-preview--placeholder")
            shown = Text(hint[0], style=cursor)
            shown.append(hint[1:], style=dim)
            return shown
        width, height = self.content_size
        text = self.text
        if width and height:
            # Only the end is shown (see below), so only the end is wrapped: a 20 MB draft took
            # seconds. The last ``height`` rows lie within the last ``height * (width + 1)``
            # characters; twice that keeps the cut well above them. (A single line longer
            # than the excerpt may then wrap at other words than in the editor, for the
            # moment the stand-in is shown.)
            text = text[-2 * height * (width + 1) :]
        shown = Text(visible(text, lines=True))  # a restored draft may hold anything
        shown.append(" ", style=cursor)
        if width and height:
            # Like the editor, whose cursor is at the end: a long draft shows its last lines.
            lines = shown.wrap(self.app.console, width)
            if len(lines) > height:
                return Text("\n").join(lines[-height:])
        return shown

    def _insert(self, text: str) -> None:
        if self._editor is not None:
            self._editor.insert(text)  # at its cursor: the end, where this one's is
            return
        self.text += text
        self._changed()

    def _delete_left(self) -> None:
        if self._editor is not None:
            self._editor.action_delete_left()
            return
        self.text = self.text[:-1]
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        if self._on_change is not None:
            self._on_change(self.text)

    async def on_key(self, event: events.Key) -> None:
        if covered(self):
            # A key typed after one that opened a dialog (ctrl+o): it is the dialog's.
            await pass_on(self, event)
            return
        if event.key == "enter":
            self._insert("\n")
        elif event.key == "backspace":
            self._delete_left()
        elif event.is_printable and event.character:
            self._insert(event.character)
        elif self._in_order is None or not await self._in_order(event.key, self):
            # Not text, nor a key of the screen's: the app's keys still work (F2, tab, ...).
            return
        # A screen's key (ctrl+s, ...) ran at its turn among the keys typed, like the editor's.
        event.stop()
        event.prevent_default()

    async def on_paste(self, event: events.Paste) -> None:
        if covered(self):
            await pass_on(self, event)
            return
        event.stop()
        # Terminals may end pasted lines with "\r": as lines, like the editor takes them.
        text = event.text.replace("\r\n", "\n").replace("\r", "\n")
        draft = self._editor.text if self._editor is not None else self.text
        if text and not refuse_paste(self, len(draft) + len(text)):
            self._insert(text)
