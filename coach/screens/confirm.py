"""A yes/no question before anything that could lose work."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.render.safe import user_text


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True (go ahead) or False (stay). Escape and "n" stay; "y" goes ahead."""

    CSS_PATH = "dialogs.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Stay"),
        Binding("y", "answer(True)", "Go ahead"),
    ]

    def __init__(self, title: str, message: str, yes: str = "Leave", no: str = "Stay") -> None:
        super().__init__()
        self._title, self._message, self._yes, self._no = title, message, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            # Either may hold the user's text (a company, a file's path): shown as data.
            yield Static(user_text(self._title), id="confirm-title")
            yield Static(user_text(self._message, lines=True), id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._no} (n)", id="confirm-no", variant="primary")
                yield Button(f"{self._yes} (y)", id="confirm-yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
