"""The Rate screen's rating of the form as it stands: score, band, each signal's bar, flags and
advice (``coach.render.rating``), fitted to the panel's width."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from coach.render.safe import user_text

if TYPE_CHECKING:
    from coach.domain.models import Interview, SentMessage
    from coach.domain.rating import Rating

BAR = 6
"""Cells for the largest contribution each way, where there is room."""
MIN_LABEL = 12
"""Cells for a signal's name on a narrow panel: a short name wraps there onto two lines."""


class RatingPanel(VerticalScroll):
    """A title over ``rating``, drawn again whenever the panel's width changes.

    Not a Tab stop (it holds nothing to type into): a key reaches it (``reach``, the Rate
    screen's ctrl+r), and then the arrows, PageUp/PageDown and Home/End scroll it; Escape goes
    back to the field it was reached from, and once left it is out of the Tab order again.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back to the form", show=False),
    ]

    rating: var[Rating | str | None] = var(None)
    """The form's rating; a sentence instead when it cannot be rated; None before the first."""
    interviews: var[tuple[Interview, ...] | None] = var(None, always_update=True)
    """The saved interviews (the screen's): where the open one's sent messages are found."""
    editing: var[int | None] = var(None)
    """The id of the saved interview in the form, whose follow-up record is listed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reached = False
        """Reached by its key and not left since: only then may it have the focus."""
        self._came_from: Widget | None = None
        """What had the focus before: Escape goes back there."""

    def allow_focus(self) -> bool:
        return self._reached

    def reach(self) -> None:
        """Put the focus on the panel, so the keys scroll it."""
        self._came_from = self.screen.focused
        self._reached = True
        self.focus()

    def on_blur(self) -> None:
        self._reached = False

    def action_leave(self) -> None:
        back = self._came_from
        if back is not None and back.is_attached and back.focusable:
            back.focus()
        else:
            self.screen.focus_next()

    def compose(self) -> ComposeResult:
        yield Static("Rating", classes="panel-title")
        yield Static(id="rating-view")

    def watch_rating(self) -> None:
        self._draw()

    def watch_interviews(self) -> None:
        if self.editing is not None:  # a new form lists nothing sent: no redraw
            self._draw()

    def watch_editing(self) -> None:
        self._draw()

    def _sent(self) -> tuple[SentMessage, ...]:
        """The messages marked sent for the interview open in the form, as saved."""
        if self.editing is None:
            return ()
        found = next((i for i in self.interviews or () if i.id == self.editing), None)
        return found.messages if found is not None else ()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.rating is None:
            return
        view = self.query_one("#rating-view", Static)
        if isinstance(self.rating, str):
            view.update(user_text(self.rating))
            return
        from coach.render.rating import rating_renderable  # with the first rating, not before

        # The room inside the border and padding, less a scroll bar that may appear (2): the
        # labels keep their width as it comes and goes.
        room = (self.size.width or 40) - 2
        # Bars take what a readable name (MIN_LABEL) leaves, up to BAR cells each way, after
        # the points (4) and the table's cell padding (6); names take the rest, up to 30.
        bar = max(2, min(BAR, (room - MIN_LABEL - 4 - 6 - 1) // 2))
        label_width = max(MIN_LABEL, min(30, room - (2 * bar + 1) - 4 - 6))
        view.update(
            rating_renderable(
                self.rating,
                label_width=label_width,
                bar_width=bar,
                boxed=False,
                width=room,
                sent=self._sent(),
            )
        )
