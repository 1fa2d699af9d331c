"""The help screen: every key of the app and of the screen it was opened from."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

GENERAL_KEYS = (
    ("ctrl+a", "In a text box: select all (home goes to the line's start)"),
    ("ctrl+z", "In a text box: undo"),
    ("ctrl+y", "In a text box: redo"),
    ("tab", "Move to the next field or panel"),
    ("shift+tab", "Move to the previous field or panel"),
    ("escape", "Close this help, a dialog, or the command palette"),
)


class HelpScreen(ModalScreen[None]):
    """Lists the keys; built from the live bindings, so it can never fall out of date."""

    CSS_PATH = "dialogs.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close help"),
    ]

    def __init__(self, underneath: Screen[object]) -> None:
        super().__init__()
        self._underneath = underneath

    def _key_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("what", style="bold", no_wrap=True, min_width=10)
        table.add_column("why", ratio=1)
        # Only the screen's own keys: the base Screen's (tab, copy) are under "General".
        own = type(self._underneath).__dict__.get("BINDINGS", [])
        sections = [("Everywhere", self.app.BINDINGS), ("On this screen", own)]
        for heading, bindings in sections:
            rows = [b for b in bindings if isinstance(b, Binding) and b.description]
            if not rows:
                continue
            table.add_row(Text(heading, style="bold underline"))
            for binding in rows:
                table.add_row(self._display(binding.key), binding.description, binding.tooltip)
            table.add_row()
        table.add_row(Text("General", style="bold underline"))
        # A key the screen binds itself does what its row above says, not the general thing
        # (on the follow-up message, ctrl+y copies: it is not redo there).
        taken = {key for b in own if isinstance(b, Binding) for key in b.key.split(",")}
        for keys, text in GENERAL_KEYS:
            if keys not in taken:
                table.add_row(self._display(keys), "", text)
        return table

    def _display(self, keys: str) -> str:
        """Keys as the Footer shows them (``^q``, ``f1``), comma-separated."""
        return ", ".join(self.app.get_key_display(Binding(k, "")) for k in keys.split(","))

    def compose(self) -> ComposeResult:
        with Vertical(id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Press Escape, F1 or ? to close"
            with VerticalScroll():
                yield Static(self._key_table(), id="help-keys")
