"""The Rate screen's rating of the form as it stands: score, band, each signal's bar, flags and
advice (``coach.render.rating``), fitted to the panel's width."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widgets import Static

from coach.domain.rating import Rating
from coach.render.rating import rating_renderable
from coach.render.safe import user_text

BAR = 6
"""Cells for the largest contribution each way."""


class RatingPanel(VerticalScroll):
    """A title over ``rating``, drawn again whenever the panel's width changes."""

    rating: var[Rating | str | None] = var(None)
    """The form's rating; a sentence instead when it cannot be rated; None before the first."""

    def compose(self) -> ComposeResult:
        yield Static("Rating", classes="panel-title")
        yield Static(id="rating-view")

    def watch_rating(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.rating is None:
            return
        view = self.query_one("#rating-view", Static)
        if isinstance(self.rating, str):
            view.update(user_text(self.rating))
            return
        # The room inside the border and padding, whether or not the scroll bar shows: the
        # labels keep their width as it comes and goes.
        room = self.size.width or 40
        # Signal names take what is left by the bars (2 x 6 + axis), the points (4), the
        # table's cell padding (6) and a scroll bar that may appear (2), so no bar is cut short.
        label_width = max(10, min(30, room - (2 * BAR + 1) - 4 - 6 - 2))
        view.update(
            rating_renderable(self.rating, label_width=label_width, bar_width=BAR, boxed=False)
        )
