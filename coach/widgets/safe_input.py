"""A text field that shows control characters as visible placeholders (see
``coach.widgets.safe_fields``, which explains why drawing alone is not enough).

Apart from the TextArea's module, so that a screen of Inputs (the Rate form's first section)
does not load Textual's TextArea before its first frame.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.geometry import clamp
from textual.widgets import Input

from coach.render.safe import visible


class SafeInput(Input):
    """``Input`` that draws, measures and places its cursor on the value as shown."""

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
