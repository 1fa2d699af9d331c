"""The Rate screen: right after the interview, record what you observed and get a rating."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from coach.storage import Store
from coach.widgets.empty_state import EmptyState


class RateScreen(Screen[None]):
    """Record an interview's signals; see past interviews."""

    TITLE = "Rate · right after the interview"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        interviews = self.store.interviews()
        yield Header()
        with Horizontal(id="rate-body"):
            with Vertical(id="interviews", classes="sidebar"):
                yield Static("Past interviews", classes="panel-title")
                if interviews:
                    table: DataTable[str] = DataTable(id="interview-table", cursor_type="row")
                    table.add_columns("Date", "Company", "Role", "Outcome")
                    for interview in reversed(interviews):
                        table.add_row(
                            interview.held_at[:10],
                            interview.company,
                            interview.role,
                            interview.outcome or "—",
                            key=str(interview.id),
                        )
                    yield table
                else:
                    yield EmptyState(
                        "No interviews yet",
                        "Each interview you rate is listed here with its score, so you can "
                        "update it when they reply, or when they don't.",
                        id="interviews-empty",
                    )
            with VerticalScroll(id="rate-main"):
                yield Static("How did it go?", classes="panel-title")
                yield EmptyState(
                    "Rate it while it is fresh",
                    "Record what you observed: how long it ran against the schedule, how many "
                    "questions they asked and how deep they dug, whether they asked about your "
                    "strengths, weaknesses and experience, their eye contact, engagement and "
                    "tone, and how they closed: enthusiasm, next steps, a timeline, or "
                    "vagueness. Later, add their follow-up, or note the silence.",
                    id="rate-empty",
                )
        yield Footer()
