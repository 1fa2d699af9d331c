"""A one-line picker for "not observed" or one of a few values, fast from the keyboard.

``Eye contact   (dash)  good  mixed  poor``: left/right (or space) move the choice, a click picks
the option under the pointer. Quicker than a drop-down for a form of twenty signals. Options
that do not fit on one line go on to the next, whole, rather than being cut at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

NOT_OBSERVED = ""
NOT_OBSERVED_MARK = "\u2013"  # an en dash: "nothing" without looking like a minus


class ChoiceField(Widget, can_focus=True):
    """Pick one of ``choices`` or nothing ("not observed")."""

    DEFAULT_CSS = """
    ChoiceField {
        height: auto;
        width: auto;
        padding: 0 1;
    }
    ChoiceField:focus {
        background: $accent 30%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "move(1)", "Next choice", show=False),
        Binding("left", "move(-1)", "Previous choice", show=False),
        Binding("backspace,delete", "clear", "Not observed", show=False),
    ]

    value: reactive[str] = reactive(NOT_OBSERVED)

    @dataclass
    class Changed(Message):
        """The choice changed."""

        field: ChoiceField
        value: str

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(self, choices: tuple[str, ...], *, value: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = (NOT_OBSERVED, *choices)
        self.set_reactive(ChoiceField.value, value if value in self.options else NOT_OBSERVED)

    def _lines(self, width: int) -> list[list[str]]:
        """The options, line by line, each line at most ``width`` cells (an option wider than
        that has a line of its own)."""
        lines: list[list[str]] = [[]]
        used = 0
        for option in self.options:
            cells = len(option or NOT_OBSERVED_MARK) + 2
            if lines[-1] and used + cells > width:
                lines.append([])
                used = 0
            lines[-1].append(option)
            used += cells
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(len(option or NOT_OBSERVED_MARK) + 2 for option in self.options)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        text = Text(no_wrap=True)
        for number, line in enumerate(self._lines(self.content_size.width or 1000)):
            if number:
                text.append("\n")
            for option in line:
                shown = option or NOT_OBSERVED_MARK
                style = "bold reverse" if option == self.value else "dim"
                text.append(f" {shown} ", style=style)
        return text

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def action_move(self, step: int) -> None:
        index = self.options.index(self.value)
        self.value = self.options[(index + step) % len(self.options)]

    def action_clear(self) -> None:
        self.value = NOT_OBSERVED

    def on_click(self, event: events.Click) -> None:
        lines = self._lines(self.content_size.width or 1000)
        if not 0 <= event.y < len(lines):
            return
        x = event.x - 1  # the left padding
        for option in lines[event.y]:
            width = len(option or NOT_OBSERVED_MARK) + 2
            if x < width:
                self.value = option
                return
            x -= width
