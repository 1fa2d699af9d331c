"""The Rate screen's list of past interviews: the most recent first, each with its score, band,
follow-up and outcome; Enter opens one. Until there is one, a few lines say what goes here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import DataTable

from coach.domain.interviews import rate_saved
from coach.domain.models import Interview
from coach.render.rating import BAND_STYLE
from coach.render.safe import short, user_text
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from coach.domain.rubric import Rubric

LIST_LIMIT = 200
"""The list shows the most recent interviews; a long history would slow every refresh."""
NAME_WIDTH = 13
"""Company and role are cut to this, so the Follow-up and Outcome columns fit."""
COLUMNS = ("Date", "Company", "Role", "Score", "Band", "Follow-up", "Outcome")
FOLLOW_UP_BADGES = {
    "overdue": ("OVERDUE", "bold reverse red"),
    "replied": ("replied", "green"),
    "awaiting": ("awaiting", "dim"),
}
"""A rating's follow-up -> the badge's words and style; "—" for any other."""


class InterviewList(Vertical):
    """The table of saved interviews (rated as of today), or the empty state when none."""

    interviews: var[tuple[Interview, ...] | None] = var(None, always_update=True)
    """Every saved interview; None until read. Set again after each save: the badges
    depend on today, so an unchanged list is still drawn afresh."""

    @dataclass
    class Opened(Message):
        """The user chose an interview to open (Enter or a click on its row)."""

        interview_id: int

    def __init__(
        self, rubric: Rubric, clock: Callable[[], datetime], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.rubric = rubric
        self.clock = clock
        """Where "today" comes from: the follow-up badges count days from it."""

    def compose(self) -> ComposeResult:
        yield DataTable(id="interview-table", cursor_type="row", zebra_stripes=True)
        yield EmptyState(
            "No interviews yet",
            "Fill in the form below right after an interview and press ctrl+s. "
            "Each one is listed here with its score, so you can update it when "
            "they reply, or when they don't.",
            id="interviews-empty",
        )

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*COLUMNS)

    def watch_interviews(self, interviews: tuple[Interview, ...] | None) -> None:
        if interviews is None:
            return  # not read yet: the table stays as composed
        table = self.query_one(DataTable)
        table.clear()
        today = self.clock().date()
        ordered = sorted(interviews, key=lambda i: (i.held_at, i.id or 0), reverse=True)
        for interview in ordered[:LIST_LIMIT]:
            rating = rate_saved(interview, today, self.rubric)
            # Stored text is data: a str cell would be read as markup (see coach.render.safe).
            table.add_row(
                user_text(interview.held_at[:10]),
                user_text(short(interview.company, NAME_WIDTH)),
                user_text(short(interview.role, NAME_WIDTH)),
                "—" if rating.score is None else str(rating.score),
                Text(rating.band, style=BAND_STYLE[rating.band]),
                Text(*FOLLOW_UP_BADGES.get(rating.follow_up, ("—", "dim"))),
                user_text(interview.outcome or "—"),
                key=str(interview.id),
            )
        table.display = bool(interviews)
        table.border_subtitle = (
            f"the {LIST_LIMIT} most recent of {len(interviews):,}"
            if len(interviews) > LIST_LIMIT
            else ""
        )
        self.query_one(EmptyState).display = not interviews

    def focus_table(self) -> None:
        """Put the focus on the table (Enter then opens the highlighted interview)."""
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _opened(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Opened(int(str(event.row_key.value))))
