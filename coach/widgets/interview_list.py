"""The Rate screen's list of past interviews: the most recent first, each with its score, band,
follow-up and outcome; Enter opens one. Until there is one, a few lines say what goes here.

The columns fit the list's width (``fitting_columns``): as it narrows, the band shortens, Role
goes, then Outcome; then the date loses its year, the band its "went", and then the date goes.
Score, band and the follow-up badge (OVERDUE) always stay. Names are cut to their column's
cells (a CJK character or an emoji takes two), always with "…" where cut. The cursor stays
on the interview the form is editing, and when the list is refilled (a save, F5) on the
interview it was on while the user moves in the list; with a new form, no row looks open.

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
from coach.render.safe import fit, user_text
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from coach.domain.rubric import Rubric

LIST_LIMIT = 200
"""The list shows the most recent interviews; a long history would slow every refresh."""
NAME_WIDTH = 13
"""Company and role are cut to this, so the Follow-up and Outcome columns fit."""
COLUMNS = ("Date", "Company", "Role", "Score", "Band", "Follow-up", "Outcome")
WIDTHS = {"Date": 10, "Company": 10, "Role": NAME_WIDTH, "Score": 5, "Band": 15}
WIDTHS |= {"Follow-up": 9, "Outcome": 10}
"""Each column's cells when there is room (the longest value or header; Company's least
before a column goes: it then takes what the others leave)."""
MIN_COMPANY = 6
MAX_COMPANY = 24
"""Company takes the room the other columns leave, between these."""
NARROWER = (
    {"Band": 11},
    {"Role": 0},
    {"Outcome": 0},
    {"Date": 5},
    {"Band": 6},
    {"Company": MIN_COMPANY},
    {"Date": 0},
)
"""What gives way, in turn, as the list narrows (0: the column goes): never Score, Band or
Follow-up, whose badge says a reply is overdue. (Under 80 columns the calibration panel goes
too, rate.tcss: the list then has the screen's width.)"""
BAND_WORDS = {
    "went well": ("went well", "well"),
    "went poorly": ("went poorly", "poorly"),
    "nothing to rate": ("nothing to rate", "not rated", "—"),
}
"""A band's words, longest first: the longest that fits the column is shown."""


def fitting_columns(room: int) -> dict[str, int]:
    """The columns shown in ``room`` cells and their widths (each cell has 1 cell of padding
    either side, and 2 cells are kept for a scroll bar); Company takes what the others leave."""
    room -= 2
    widths = dict(WIDTHS)
    for change in NARROWER:
        if sum(w + 2 for w in widths.values() if w) <= room:
            break
        widths |= change
    left = room - sum(w + 2 for name, w in widths.items() if w and name != "Company") - 2
    widths["Company"] = max(MIN_COMPANY, min(MAX_COMPANY, left))
    return {name: width for name, width in widths.items() if width}


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
    editing: var[int | None] = var(None)
    """The interview open in the form: the cursor is kept on it."""

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
        self._columns: dict[str, int] = {}
        """The columns as last laid out, and their widths."""

    def _table(self) -> DataTable[str | Text]:
        """The table, built with its empty state on first use."""
        from textual.widgets import DataTable

        tables = self.query(DataTable)
        if tables:
            return tables.first()
        table: DataTable[str | Text] = DataTable(
            id="interview-table", cursor_type="row", zebra_stripes=True
        )
        self._mounting = self.mount(
            table,
            EmptyState(
                "No interviews yet",
                "Fill in the form below right after an interview and press ctrl+s: it is "
                "listed here with its score, to update when they reply (or don't).",
                id="interviews-empty",
                compact=True,
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
        self._fill(self._table(), interviews)

    def on_resize(self) -> None:
        if self.interviews is not None and fitting_columns(self.size.width) != self._columns:
            self._fill(self._table(), self.interviews)

    def watch_editing(self) -> None:
        self.follow()

    def follow(self) -> None:
        """Put the cursor back on the interview being edited (the user moved it to another row,
        then chose to keep editing this one)."""
        if self.interviews is not None:
            self._follow(self._table())

    def on_descendant_focus(self) -> None:
        if self.interviews is not None:
            self._show_cursor(self._table())

    def on_descendant_blur(self) -> None:
        # Left after moving along the rows: the cursor goes back to the open interview.
        self.follow()

    def _fill(self, table: DataTable[str | Text], interviews: tuple[Interview, ...]) -> None:
        rows, at = table.ordered_rows, table.cursor_row
        was_at = rows[at].key.value if 0 <= at < len(rows) else None  # before it is cleared
        columns = fitting_columns(self.size.width or 200)
        if columns != self._columns:
            self._columns = columns
            table.clear(columns=True)
            for name, width in columns.items():
                table.add_column(name, width=width, key=name)
        else:
            table.clear()
        today = self.clock().date()
        ordered = sorted(interviews, key=lambda i: (i.held_at, i.id or 0), reverse=True)
        for interview in ordered[:LIST_LIMIT]:
            rating = rate_saved(interview, today, self.rubric)
            band = next(
                (w for w in BAND_WORDS.get(rating.band, ()) if len(w) <= columns["Band"]),
                rating.band,
            )
            # Stored text is data: a str cell would be read as markup (see coach.render.safe).
            cells: dict[str, str | Text] = {
                "Date": user_text(interview.held_at[:10][-columns.get("Date", 10) :]),
                "Company": user_text(fit(interview.company, columns["Company"])),
                "Role": user_text(fit(interview.role, columns.get("Role", 0))),
                "Score": "—" if rating.score is None else str(rating.score),
                "Band": Text(band, style=BAND_STYLE[rating.band]),
                "Follow-up": Text(*FOLLOW_UP_BADGES.get(rating.follow_up, ("—", "dim"))),
                "Outcome": user_text(fit(interview.outcome or "—", columns.get("Outcome", 0))),
            }
            table.add_row(*(cells[name] for name in columns), key=str(interview.id))
        table.display = bool(interviews)
        table.border_subtitle = (
            f"the {LIST_LIMIT} most recent of {len(interviews):,}"
            if len(interviews) > LIST_LIMIT
            else ""
        )
        self.query_one(EmptyState).display = not interviews
        self._follow(table, was_at)

    def _follow(self, table: DataTable[str | Text], was_at: str | None = None) -> None:
        """Put the cursor on the interview being edited, if it is listed; after a refill, on
        the interview it was on while the user moves in the list. With none edited (a new
        form), no row looks open: the cursor shows only while the list has the focus."""
        from textual.widgets.data_table import RowKey

        editing = None if self.editing is None else str(self.editing)
        order = (was_at, editing) if table.has_focus else (editing, was_at)
        for key in (RowKey(key) for key in order if key is not None):
            if key in table.rows:
                table.move_cursor(row=table.get_row_index(key), animate=False)
                break
        self._show_cursor(table)

    def _show_cursor(self, table: DataTable[str | Text]) -> None:
        """The cursor shows on the open interview's row, or while the list has the focus (for
        Enter to open a row); otherwise, with a new interview in the form, no row looks open."""
        from textual.widgets.data_table import RowKey

        listed = self.editing is not None and RowKey(str(self.editing)) in table.rows
        table.show_cursor = listed or self.screen.focused is table

    def focus_table(self) -> None:
        """Put the focus on the table (Enter then opens the highlighted interview); nothing
        before the interviews are read."""
        if self.interviews is not None:
            self._table().focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # By its name, not ``@on``: the DataTable's module loads with the table.
        event.stop()
        self.post_message(self.Opened(int(str(event.row_key.value))))
