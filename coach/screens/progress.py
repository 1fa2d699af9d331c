"""The Progress screen: rehearsal scores over time, and interview ratings against outcomes.

For people who would rather look than read: a trend line of every attempt, a bar per day of
the last two weeks, and each outcome on a rating axis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Sparkline, Static

from coach.domain.progress import daily_exchanges, daily_scores, ratings_by_outcome, score_trend
from coach.render.progress_charts import day_bars, outcome_strips
from coach.screens import Clock
from coach.screens.fresh import ShowsSaved, read_again
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from coach.domain.models import Attempt, Exchange, Interview
    from coach.domain.rubric import Rubric
    from coach.store.api import StoreAPI

DAYS = 14


class ProgressScreen(ShowsSaved, ModalScreen[None]):
    """Charts of what is saved; read-only, closed with Escape."""

    CSS_PATH = "dialogs.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f4,q", "dismiss", "Close"),
        # A modal screen hides the app's keys: F5 (read what was saved elsewhere) is its own.
        Binding("f5", "app.show_saved", "Refresh", show=False),
    ]

    def __init__(self, store: StoreAPI, clock: Clock, rubric: Rubric) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.rubric = rubric

    def compose(self) -> ComposeResult:
        with Vertical(id="progress") as box:
            box.border_title = "Progress"
            box.border_subtitle = "Press Escape or F4 to close"
            with VerticalScroll(id="progress-body"):
                yield Static("Rehearsal scores over time", classes="progress-heading")
                with Vertical(id="progress-rehearsal"):
                    yield Sparkline([], id="progress-trend")
                    yield Static(id="progress-trend-text")
                yield EmptyState(
                    "No attempts yet",
                    "Rehearse (F2), write an attempt and press ctrl+s: each saved attempt "
                    "adds to these charts.",
                    id="progress-no-attempts",
                )
                yield Static(
                    "Interviews, read before any reply, by outcome", classes="progress-heading"
                )
                yield Static(id="progress-outcomes")
                yield EmptyState(
                    "No interviews yet",
                    "Rate an interview (F3) and record what happened next: this chart shows "
                    "whether your high ratings end in offers.",
                    id="progress-no-interviews",
                )
                with Vertical(id="progress-by-day"):
                    yield Static(
                        f"Day by day, the last {DAYS} days",
                        id="progress-days-heading",
                        classes="progress-heading",
                    )
                    yield Static(id="progress-days")

    def on_mount(self) -> None:
        if not read_again(self, self.seen, True, self._read, first=True):
            self._draw([], [])  # the notice says why the charts are empty

    def show_saved(self, *, force: bool = False) -> None:
        """Draw the charts again if anything was saved since; as they were if the database
        cannot be read."""
        read_again(self, self.seen, force, self._read)

    def _read(self) -> None:
        self._draw(self.store.attempts(), self.store.interviews(), self.store.exchanges())

    def _draw(
        self,
        attempts: list[Attempt],
        interviews: list[Interview],
        exchanges: list[Exchange] | None = None,
    ) -> None:
        now = self.clock()
        trend = score_trend(attempts)
        by_day = daily_exchanges(exchanges or (), now.date(), DAYS)
        has_attempts = bool(trend) or bool(by_day)
        for section in ("#progress-rehearsal", "#progress-by-day"):
            self.query_one(section).display = has_attempts
        self.query_one("#progress-no-attempts").display = not has_attempts
        self.query_one("#progress-rehearsal").display = bool(trend)
        legend = " (⇄ mock exchanges · their average)" if by_day else ""
        self.query_one("#progress-days-heading", Static).update(
            f"Day by day, the last {DAYS} days{legend}"
        )
        if has_attempts:
            self.query_one("#progress-days", Static).update(
                day_bars(daily_scores(attempts, now.date(), DAYS), by_day)
            )
        if trend:
            self.query_one("#progress-trend", Sparkline).data = trend
            first, last = trend[0], trend[-1]
            line = Text(f"{len(trend)} latest attempts · first {first} · last {last}")
            line.append(f" · best {max(trend)}", style="bold")
            self.query_one("#progress-trend-text", Static).update(line)
        rows = ratings_by_outcome(interviews, self.rubric)
        self.query_one("#progress-outcomes").display = bool(rows)
        self.query_one("#progress-no-interviews").display = not rows
        if rows:
            rubric = self.rubric
            self.query_one("#progress-outcomes", Static).update(
                outcome_strips(rows, round(100 * rubric.poorly_below), round(100 * rubric.well_at))
            )
