"""A text field that shows control characters as visible placeholders (see
``coach.widgets.safe_fields``, which explains why drawing alone is not enough).

Apart from the TextArea's module, so that a screen whose first frame holds only Inputs (the
Rate form's Company) does not load Textual's TextArea before that frame.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import clamp
from textual.widgets import Input
from textual.widgets.input import Selection

from coach.render.safe import visible


class SafeInput(Input):
    """``Input`` that draws, measures and places its cursor on the value as shown; and whose
    focus can, once, leave the cursor at the end instead of selecting all (``focus_at_end``).

    ``ctrl+a`` selects all, as in the draft's editor (``SafeTextArea``) and most editors: the
    help and the README promise it in every text box. ``home`` still goes to the start.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", "Select all", show=False),
    ]

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # Selecting all on focus is done here (``on_focus``), not by Input: Input's handler runs
        # after a subclass's, and would select all after ``focus_at_end`` had put the cursor.
        self.selects_on_focus: bool = kwargs.pop("select_on_focus", True)
        """Whether a focus (Tab, a click) selects the whole value, so typing replaces it."""
        compact: bool = kwargs.pop("compact", False)
        super().__init__(value, select_on_focus=False, **kwargs)
        if compact:
            # Input sets ``compact`` as a reactive, whose class toggle restyles the field at
            # once although it is not mounted yet (it is styled again when it is): about 1 ms
            # per field, four of them before Rate's first frame. Set quietly, it is styled once.
            self.set_reactive(Input.compact, True)
            self.add_class("-textual-compact", update=False)
        self._at_end_once = False

    def focus_at_end(self) -> None:
        """Focus with the cursor after the last character, nothing selected, and the end in
        view: for a field given its value by the app (an interview opened), where the first
        key typed must not replace the whole value."""
        if self.has_focus:
            self._to_end()
        else:
            self._at_end_once = True
            self.focus()

    def on_focus(self, event: events.Focus) -> None:
        at_end, self._at_end_once = self._at_end_once, False
        if at_end:
            self._to_end()
        elif self.selects_on_focus and not event.from_app_focus:
            self.selection = Selection(0, len(self.value))

    def on_blur(self) -> None:
        self._at_end_once = False

    def _to_end(self) -> None:
        self.cursor_position = len(self.value)
        # The value may have been set with the cursor already there: nothing moved, so Input
        # did not scroll to it.
        self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True, force=True)

    # Textual's Input measures its value in three places, each overridden here: how it is
    # drawn (``_value``), where a character is drawn (``_position_to_cell``) and which character
    # a click hits (``_cell_offset_to_index``). A highlighter cannot do it: Rich's Text drops
    # BEL, BS, VT, FF and CR before a highlighter sees them, and the cursor would still be
    # placed by the raw value.

    @property
    def _value(self) -> Text:
        """The value as drawn: control characters visible, one character for one."""
        if self.password:
            return super()._value
        text = Text(visible(self.value), no_wrap=True, overflow="ignore", end="")
        return text if self.highlighter is None else self.highlighter(text)

    def _position_to_cell(self, position: int) -> int:
        """The cell at which the character at ``position`` is drawn."""
        return cell_len(visible(self.value[:position]))

    def _cell_offset_to_index(self, offset: int) -> int:
        """The character drawn at cell ``offset`` of the field (a click there)."""
        shown = visible(self.value)
        cell = 0
        offset += self.scroll_offset.x
        for index, char in enumerate(shown):
            width = get_character_cell_size(char)
            if cell <= offset < cell + width:
                return index
            cell += width
        return clamp(offset, 0, len(shown))
