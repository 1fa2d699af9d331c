"""Text fields that draw control characters as visible placeholders.

Textual's Input and TextArea draw their text as it is, so an escape sequence in a loaded value
(an imported interview's company, a hand-edited draft) would go to the terminal raw. These draw
it through ``coach.render.safe.visible``, one character for one, so the cursor, the selection
and the wrapping still line up. The value itself (``.value``, ``.text``: what is saved) is
never changed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input, TextArea

from coach.render.safe import VisibleControls, visible


class SafeInput(Input):
    """``Input`` with control characters drawn visibly (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Input's own hook for how the value is drawn; the value stays as typed or loaded.
        kwargs.setdefault("highlighter", VisibleControls())
        super().__init__(*args, **kwargs)


class SafeTextArea(TextArea):
    """``TextArea`` with control characters drawn visibly (see the module docstring)."""

    def get_line(self, line_index: int) -> Text:
        """The line at ``line_index`` as drawn: control characters replaced, tabs kept.

        Textual's documented hook for styling lines; a document line holds no line break.
        """
        line = self.document.get_line(line_index)
        return Text(visible(line, lines=True), end="", no_wrap=True)
