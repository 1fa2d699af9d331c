"""A one-line picker for "not observed" or one of a few values, fast from the keyboard.

``Eye contact   (dash)  good  mixed  poor``: left/right (or space) move the choice, a click picks
the option under the pointer. Quicker than a drop-down for a form of twenty signals. Options
that do not fit on one line go on to the next, whole, rather than being cut at the edge; one
wider than a whole line (a narrow terminal) is folded over lines, never cut.
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

    def _lines(self, width: int) -> list[list[tuple[str, str]]]:
        return choice_lines(self.options, width)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(len(option or NOT_OBSERVED_MARK) + 2 for option in self.options)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        text = Text(no_wrap=True)
        for number, line in enumerate(
            draw_choices(self.options, self.value, self.content_size.width or 1000)
        ):
            if number:
                text.append("\n")
            text.append_text(line)
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
        for option, piece in lines[event.y]:
            width = len(piece) + 2
            if x < width:
                self.value = option
                return
            x -= width


def choice_lines(options: tuple[str, ...], width: int) -> list[list[tuple[str, str]]]:
    """``options``, line by line, each line at most ``width`` cells: (option, its words as
    drawn there). An option wider than a line is folded over lines of its own."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    room = max(1, width - 2)  # the padding either side of an option's words
    for option in options:
        shown = option or NOT_OBSERVED_MARK
        pieces = [shown[start : start + room] for start in range(0, len(shown), room)]
        for number, piece in enumerate(pieces):
            cells = len(piece) + 2
            if lines[-1] and (number or used + cells > width):
                lines.append([])
                used = 0
            lines[-1].append((option, piece))
            used += cells
        if len(pieces) > 1:  # what follows a folded option starts a line of its own
            lines.append([])
            used = 0
    return [line for line in lines if line]


def draw_choices(options: tuple[str, ...], value: str, width: int) -> list[Text]:
    """The lines a ChoiceField of ``options`` with ``value`` picked draws in ``width`` cells
    (the Rate form's first frame draws them too: ``coach.widgets.form_preview``)."""
    drawn: list[Text] = []
    for line in choice_lines(options, width):
        text = Text(no_wrap=True)
        for option, piece in line:
            text.append(f" {piece} ", style="bold reverse" if option == value else "dim")
        drawn.append(text)
    return drawn
