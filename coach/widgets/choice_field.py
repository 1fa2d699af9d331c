"""A one-line picker for "not observed" or one of a few values, fast from the keyboard.

``Eye contact   (dash)  good  mixed  poor``: left/right (or space) move the choice, a click picks
the option under the pointer. Quicker than a drop-down for a form of twenty signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

NOT_OBSERVED = ""
NOT_OBSERVED_MARK = "\u2013"  # an en dash: "nothing" without looking like a minus


class ChoiceField(Widget, can_focus=True):
    """Pick one of ``choices`` or nothing ("not observed")."""

    DEFAULT_CSS = """
    ChoiceField {
        height: 1;
        width: auto;
        padding: 0 1;
    }
    ChoiceField:focus {
        background: $boost;
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

    def render(self) -> Text:
        line = Text(no_wrap=True)
        for option in self.options:
            shown = option or NOT_OBSERVED_MARK
            style = "bold reverse" if option == self.value else "dim"
            line.append(f" {shown} ", style=style)
        return line

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def action_move(self, step: int) -> None:
        index = self.options.index(self.value)
        self.value = self.options[(index + step) % len(self.options)]

    def action_clear(self) -> None:
        self.value = NOT_OBSERVED

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # the left padding
        for option in self.options:
            width = len(option or NOT_OBSERVED_MARK) + 2
            if x < width:
                self.value = option
                return
            x -= width
