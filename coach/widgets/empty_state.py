"""A friendly block that says what a panel is for and what to do first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static


class EmptyState(Vertical):
    """A title and a few lines of guidance, shown where a list has nothing in it yet."""

    DEFAULT_CSS = """
    EmptyState {
        height: auto;
        padding: 1 2;
        border: round $panel-lighten-2;
        color: $text-muted;
    }
    EmptyState > .empty-title {
        color: $text;
        text-style: bold;
        margin-bottom: 1;
    }
    EmptyState.-compact {
        padding: 0 1;
        border: none;
    }
    EmptyState.-compact > .empty-title {
        margin-bottom: 0;
    }
    """

    def __init__(
        self, title: str, body: str, *, id: str | None = None, compact: bool = False
    ) -> None:
        """Args:
        compact: No frame and no blank lines: for a place where rows are scarce.
        """
        super().__init__(id=id, classes="-compact" if compact else "")
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        yield Static(self._title, classes="empty-title")
        yield Static(self._body, classes="empty-body")

    def set_text(self, title: str, body: str) -> None:
        """Change what it says."""
        self._title, self._body = title, body
        if self.is_mounted:
            self.query_one(".empty-title", Static).update(title)
            self.query_one(".empty-body", Static).update(body)
