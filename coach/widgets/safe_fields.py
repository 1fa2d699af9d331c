"""Text fields that show control characters as visible placeholders, and line up.

Textual's Input and TextArea draw their text as it is, so an escape sequence in a loaded value
(an imported interview's company, a hand-edited draft) would go to the terminal raw. These draw
it through ``coach.render.safe``, one character for one. Drawing alone is not enough: Textual
also *measures* the text, to wrap it, to place the cursor, to map a click to a character, and a
control character measures as no cell at all while its picture takes one. So everything the
widget measures is the text as shown, too: a line of 40 ESCs wraps as 40 cells, and the cursor
after them is drawn after them.

The value itself (``.value``, ``.text``: what is saved) is never changed: a field the user does
not edit gives back exactly what was loaded into it, control characters, line ends and all.

``SafeInput`` lives in ``coach.widgets.safe_input`` (imported from here too): a form of Inputs
need not load the TextArea.
"""

from __future__ import annotations

from typing import ClassVar, Literal, overload

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import TextArea
from textual.widgets.text_area import Document, DocumentNavigator, WrappedDocument

from coach.render.safe import editor_line
from coach.widgets.safe_input import SafeInput

__all__ = ["SafeInput", "SafeTextArea", "ShownDocument"]


class ShownDocument(Document):
    """A TextArea's document that holds the text as loaded and shows it visibly.

    The TextArea reads a document's lines (``lines``, ``get_line``, ``doc[i]``, ``get_size``)
    to draw, wrap and move through them: those are the lines as shown (``editor_line``), as
    long as the stored ones, character for character. What is saved, copied or undone
    (``text``, ``get_text_range``, ``replace_range``) is the text itself.

    The lines are split at one line end only, the one the text uses most (Textual's Document
    splits at every line break Python knows, form feeds and U+2028 included, and joins them
    back with the first kind it finds): a text is given back exactly as it was loaded. A line
    end of another kind stays in its line, shown as its picture ("␍" at the end of a line of a
    mostly "\\n" text, say). Enter inserts the line end the text uses most.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._newline = _most_used_line_end(text)
        self._lines = text.split(self._newline)

    @property
    def lines(self) -> list[str]:
        """The lines as shown."""
        return [editor_line(line) for line in self._lines]

    def get_line(self, index: int) -> str:
        """The line at ``index`` as shown."""
        return editor_line(self._lines[index])

    @overload
    def __getitem__(self, line_index: int) -> str: ...

    @overload
    def __getitem__(self, line_index: slice) -> list[str]: ...

    def __getitem__(self, line_index: int | slice) -> str | list[str]:
        """The line (or lines) as shown."""
        if isinstance(line_index, slice):
            return [editor_line(line) for line in self._lines[line_index]]
        return editor_line(self._lines[line_index])

    def get_size(self, tab_width: int) -> Size:
        """The cells the shown lines take: the widest, and how many."""
        widest = max((cell_len(line.expandtabs(tab_width)) for line in self.lines), default=0)
        return Size(widest, self.line_count)


def _most_used_line_end(text: str) -> Literal["\r\n", "\n", "\r"]:
    """The line end ``text`` uses most; a tie goes as Textual's own choice would (Windows,
    then Unix, then old Mac), and a text of one line gets Unix's."""
    windows = text.count("\r\n")
    unix, mac = text.count("\n") - windows, text.count("\r") - windows
    if mac > max(windows, unix):
        return "\r"
    if unix > windows or not windows:
        return "\n"
    return "\r\n"


class SafeTextArea(TextArea):
    """``TextArea`` on a ``ShownDocument`` (see the module docstring), where ``ctrl+a``
    selects all, as in most editors (Textual's own key for it, F7, is one nobody guesses;
    ``home`` still goes to the line's start, ``ctrl+a``'s job in Textual)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", "Select all", show=False),
    ]

    def _set_document(self, text: str, language: str | None) -> None:
        # TextArea's one way in for a new text (its constructor, ``load_text``, ``text = ``):
        # Textual builds its document, then the plain one is swapped for ours, with the
        # wrapping and navigation that read it. A syntax-aware document (a language) is kept.
        super()._set_document(text, language)
        if type(self.document) is not Document:
            return
        self.document = ShownDocument(text)
        self.wrapped_document = WrappedDocument(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()
