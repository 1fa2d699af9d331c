"""The Rate screen's list of past interviews: the most recent first, each with its score, band,
follow-up and outcome; Enter opens one. Until there is one, a few lines say what goes here.

The table (Textual's DataTable: its module, mount and first render) is built only when the
interviews are first given, just after the screen's first frame: until then the list's place
is empty."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widget import AwaitMount

from coach.domain.interviews import rate_saved
from coach.domain.models import Interview
from coach.render.rating import BAND_STYLE
from coach.render.safe import short, user_text
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from textual.widgets import DataTable

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
        self._mounting: AwaitMount | None = None

    def _table(self) -> DataTable[str | Text]:
        """The table, built with its empty state on first use."""
        from textual.widgets import DataTable

        tables = self.query(DataTable)
        if tables:
            return tables.first()
        table: DataTable[str | Text] = DataTable(
            id="interview-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*COLUMNS)
        self._mounting = self.mount(
            table,
            EmptyState(
                "No interviews yet",
                "Fill in the form below right after an interview and press ctrl+s. "
                "Each one is listed here with its score, so you can update it when "
                "they reply, or when they don't.",
                id="interviews-empty",
            ),
        )
        return table

    async def built(self) -> None:
        """Return once the table is mounted (at once if it is not being built)."""
        if self._mounting is not None:
            await self._mounting

    def watch_interviews(self, interviews: tuple[Interview, ...] | None) -> None:
        if interviews is None:
            return  # not read yet: no table
        table = self._table()
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
        """Put the focus on the table (Enter then opens the highlighted interview); nothing
        before the interviews are read."""
        if self.interviews is not None:
            self._table().focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # By its name, not ``@on``: the DataTable's module loads with the table.
        event.stop()
        self.post_message(self.Opened(int(str(event.row_key.value))))
