"""A modal message that must be acknowledged: used when the database needed rescuing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.render.safe import user_text


class NoticeScreen(ModalScreen[None]):
    """Shows a title and a message until the user presses Enter, Escape or OK."""

    CSS_PATH = "dialogs.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self._title = title
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="notice"):
            # Either may hold the user's text (a company, a file's path): shown as data.
            yield Static(user_text(self._title), id="notice-title")
            yield Static(user_text(self._message, lines=True), id="notice-message")
            yield Button("OK", variant="primary", id="notice-ok")

    def on_mount(self) -> None:
        self.query_one("#notice-ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
