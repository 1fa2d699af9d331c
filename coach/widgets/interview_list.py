"""The Rate screen's list of applications: the most recent first, one row each (its latest
round's date, stage, score, band and follow-up badge, its status and number of rounds; see
``application_rows``), and under the application whose round is open in the form, its rounds
in order. Enter opens a row: an application's latest round, or the round chosen. A find box
above it filters the list as you type, and drives it (Up, Down, Enter) while keeping the keys.
Until there is an interview, a few lines say what goes here.

The cursor stays on the round the form is editing, and when the list is refilled (a save, F5)
on the row it was on while the user moves in the list; with a new form, no row looks open.

The table (Textual's DataTable: its module, mount and first render) and the find box are built
only when the interviews are first given, just after the screen's first frame: until then the
list's place is empty."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widget import AwaitMount
from textual.widgets import Input, Static

# The list is mounted just after the Rate screen's first frame (coach/screens/rate_list.py),
# so the domain's modules it needs cost that frame nothing.
from coach.domain.applications import ApplicationView, group
from coach.domain.find import Finder
from coach.domain.interviews import rate_saved
from coach.domain.models import Application, Interview
from coach.domain.rating import Rating
from coach.render.safe import short, user_text
from coach.widgets.application_rows import (
    application_cells,
    application_key,
    fitting_columns,
    opened_id,
    round_cells,
    round_key,
)
from coach.widgets.empty_state import EmptyState
from coach.widgets.key_order import covered, pass_on
from coach.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from coach.domain.rubric import Rubric

LIST_LIMIT = 200
"""The list shows the most recent applications; a long history would slow every refresh."""


class FindBox(SafeInput):
    """The filter above the list. It keeps the focus while the list is driven from it: Up and
    Down move the list's cursor, Enter opens the highlighted row, Escape empties it.

    Those keys act here, at their turn among the keys typed, and reach the list through the
    same queue as the filter's own changes: "kestrel", Enter sent at once opens what the
    filter "kestrel" finds. (Moving the focus into the list took a queue turn, and the keys
    typed after it in a burst were lost.)"""

    @dataclass
    class Move(Message):
        """Up or Down: the list's cursor moves by ``step`` rows."""

        step: int

    @dataclass
    class Open(Message):
        """Enter: open the highlighted row."""

    async def _on_key(self, event: events.Key) -> None:
        # Before Input's own handler (a subclass's comes first): it would insert the key.
        if covered(self) or not self.has_focus:
            await pass_on(self, event)  # typed before a dialog (or a field) took the keys
            return
        if event.key in ("up", "down"):
            self.post_message(self.Move(1 if event.key == "down" else -1))
        elif event.key == "enter":
            self.post_message(self.Open())
        elif event.key == "escape" and self.value:
            self.value = ""  # with nothing to clear, Escape means what it means elsewhere
        else:
            return
        event.stop()
        event.prevent_default()  # Input's handler and the app's binding lookup: done here


class InterviewList(Vertical):
    """The table of applications (their rounds rated as of today), the box that filters it,
    or the empty state when there is no interview yet."""

    interviews: var[tuple[Interview, ...] | None] = var(None, always_update=True)
    """Every saved interview; None until read. Set again after each save: the badges
    depend on today, so an unchanged list is still drawn afresh."""
    applications: var[tuple[Application, ...]] = var(())
    """Every saved application (set before ``interviews``, which draws the list)."""
    editing: var[int | None] = var(None)
    """The round open in the form: its application shows its rounds, the cursor on it."""

    @dataclass
    class Opened(Message):
        """The user chose a round to open (Enter or a click on its row, or its application's:
        the latest round)."""

        interview_id: int

    def __init__(
        self, rubric: Callable[[], Rubric], clock: Callable[[], datetime], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.rubric = rubric
        """Where the rubric comes from: read with the first list, not for the first frame."""
        self.clock = clock
        """Where "today" comes from: the follow-up badges count days from it."""
        self._mounting: AwaitMount | None = None
        self._head_mounting: AwaitMount | None = None
        self._columns: dict[str, int] = {}
        """The columns as last laid out, and their widths."""
        self._ratings: dict[int | None, Rating] = {}
        """The rounds rated as of today, kept between refills until the interviews change."""
        self.views: list[ApplicationView] = []
        """The applications as last grouped, most recent first."""
        self._finder = Finder(())
        self._picked = False
        """Whether the cursor was put on its row from the find box (Up, Down, a filter typed):
        it then shows, as the row Enter opens, until the box is left."""

    def _table(self) -> DataTable[str | Text]:
        """The table, built with the find box and the empty state on first use."""
        from textual.widgets import DataTable

        tables = self.query(DataTable)
        if tables:
            return tables.first()
        table: DataTable[str | Text] = DataTable(
            id="interview-table", cursor_type="row", zebra_stripes=True
        )
        head = Horizontal(id="list-head")
        self._mounting = self.mount(
            head,
            table,
            Static(id="find-none"),
            EmptyState(
                "No interviews yet",
                "Fill in the form below right after an interview and press ctrl+s: it is "
                "listed here with its score, to update when they reply (or don't).",
                id="interviews-empty",
                compact=True,
            ),
        )
        # Into the head now, not from its compose (a moment later): the list's first fill
        # writes its title, and ctrl+l may focus the box at once.
        self._head_mounting = head.mount(
            Static(id="list-title"),
            FindBox(
                id="list-find",
                placeholder="Find: company, role, notes, band, status (ctrl+l)",
                compact=True,
            ),
        )
        return table

    async def built(self) -> None:
        """Return once the table is mounted (at once if it is not being built)."""
        if self._mounting is not None:
            await self._mounting
        if self._head_mounting is not None:
            await self._head_mounting

    @property
    def query_text(self) -> str:
        """What the find box holds ("" before it is built)."""
        boxes = self.query(FindBox)
        return boxes.first().value if boxes else ""

    def watch_interviews(self, interviews: tuple[Interview, ...] | None) -> None:
        if interviews is None:
            return  # not read yet: no table
        self._ratings = {}
        self.views = group(self.applications, interviews)
        self._finder = Finder(self.views)  # folds their text once, on the first query
        self._fill(self._table())

    def on_resize(self) -> None:
        if self.interviews is not None and fitting_columns(self.size.width) != self._columns:
            self._fill(self._table())

    def watch_editing(self, before: int | None, after: int | None) -> None:
        if self.interviews is None:
            return
        if self._application_of(before) is not self._application_of(after):
            self._fill(self._table())  # another application's rounds show
        else:
            self.follow()

    def _application_of(self, interview_id: int | None) -> ApplicationView | None:
        if interview_id is None:
            return None
        return next((v for v in self.views if any(r.id == interview_id for r in v.rounds)), None)

    def follow(self) -> None:
        """Put the cursor back on the round being edited (the user moved it to another row,
        then chose to keep editing this one)."""
        if self.interviews is not None:
            self._follow(self._table())

    def on_descendant_focus(self) -> None:
        if self.interviews is not None:
            self._show_cursor(self._table())

    def on_descendant_blur(self) -> None:
        # Left after moving along the rows: the cursor goes back to the open round.
        self._picked = False
        self.follow()

    def _rating(self, interview: Interview) -> Rating:
        if interview.id not in self._ratings:
            today = self.clock().date()
            self._ratings[interview.id] = rate_saved(interview, today, self.rubric())
        return self._ratings[interview.id]

    def _shown(self) -> Sequence[ApplicationView]:
        """The applications the find box lets through."""
        return self._finder.shown(self.query_text, lambda view: self._rating(view.latest).band)

    def _fill(self, table: DataTable[str | Text]) -> None:
        if not self.views:
            # The head (and the box in it) is hidden: a filter left there, unseen, would hide
            # the first interview saved ("0 of 1").
            self._clear_find()
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
        shown = self._shown()
        open_view = self._application_of(self.editing)
        for view in shown[:LIST_LIMIT]:
            rating = self._rating(view.latest)
            if len(view.rounds) == 1:  # the application's row is its round's
                key = round_key(view.latest.id)
                table.add_row(*application_cells(view, rating, columns), key=key)
                continue
            table.add_row(*application_cells(view, rating, columns), key=application_key(view))
            if view is open_view:
                for number, interview in enumerate(view.rounds, start=1):
                    rating = self._rating(interview)
                    settled = view.status != "active"
                    cells = round_cells(interview, number, rating, columns, settled=settled)
                    table.add_row(*cells, key=round_key(interview.id))
        self._title(len(shown))
        table.display = bool(shown)
        none = self.query_one("#find-none", Static)
        none.display = bool(self.views) and not shown
        none.update(
            user_text(f"No application matches “{short(self.query_text.strip())}” (Escape clears).")
        )
        self.query_one("#list-head").display = bool(self.views)
        self.query_one(EmptyState).display = not self.views
        self._follow(table, was_at)

    def _title(self, shown: int) -> None:
        total = len(self.views)
        if shown < total:
            title = f"{shown:,} of {total:,}"
        else:
            title = f"{total:,} application" + ("" if total == 1 else "s")
        if shown > LIST_LIMIT:
            title += f" (the {LIST_LIMIT} most recent listed)"
        self.query_one("#list-title", Static).update(title)

    def _follow(self, table: DataTable[str | Text], was_at: str | None = None) -> None:
        """Put the cursor on the round being edited, if it is listed; after a refill, on the
        row it was on while the user moves in the list. With none edited (a new form), no row
        looks open: the cursor shows only while the list has the focus."""
        from textual.widgets.data_table import RowKey

        editing = None if self.editing is None else round_key(self.editing)
        moving = table.has_focus or self._picked  # the user's row, not the open round
        order = (was_at, editing) if moving else (editing, was_at)
        for key in (RowKey(key) for key in order if key is not None):
            if key in table.rows:
                table.move_cursor(row=table.get_row_index(key), animate=False)
                break
        self._show_cursor(table)

    def _show_cursor(self, table: DataTable[str | Text]) -> None:
        """The cursor shows on the open round's row, or while the list has the focus (for
        Enter to open a row), or where Up, Down or a filter put it from the find box;
        otherwise, with a new interview in the form, no row looks open."""
        from textual.widgets.data_table import RowKey

        listed = self.editing is not None and RowKey(round_key(self.editing)) in table.rows
        focused = self.screen.focused
        picking = self._picked and isinstance(focused, FindBox)
        table.show_cursor = listed or focused is table or picking

    def focus_table(self) -> None:
        """Put the focus on the table (Enter then opens the highlighted row); nothing before
        the interviews are read."""
        if self.interviews is not None:
            self._table().focus()

    def focus_find(self) -> None:
        """Put the focus in the find box; nothing before the interviews are read. With no
        interview yet the box is hidden (with the list's head): the focus stays where it is,
        so what is typed next is not lost in a box nobody sees, and a notice says why."""
        if self.interviews is None:
            return
        if not self.views:
            self.notify(
                "Nothing to find yet: the list fills as you save interviews (ctrl+s).",
                title="Find",
            )
            return
        self._table()
        self.query_one(FindBox).focus()

    def _clear_find(self) -> None:
        """Empty the find box quietly (the list is being filled already)."""
        for box in self.query(FindBox):
            with self.prevent(Input.Changed):
                box.value = ""

    @on(Input.Changed, "#list-find")
    def _find(self, event: Input.Changed) -> None:
        event.stop()
        table = self._table()
        self._fill(table)
        # Typed: the first match is highlighted, what Enter opens; emptied: the open round.
        self._picked = bool(self.query_text.strip()) and bool(table.row_count)
        if self._picked:
            table.move_cursor(row=0, animate=False)
        else:
            self._follow(table)
        self._show_cursor(table)

    @on(FindBox.Move)
    def _move(self, event: FindBox.Move) -> None:
        event.stop()
        table = self._table()
        if not table.row_count:
            return
        if table.show_cursor:
            row = min(max(table.cursor_row + event.step, 0), table.row_count - 1)
        else:  # no row highlighted yet (a new form): the first
            row = 0
        self._picked = True
        table.move_cursor(row=row, animate=False)
        self._show_cursor(table)

    @on(FindBox.Open)
    def _open_highlighted(self, event: FindBox.Open) -> None:
        """Enter in the find box: open the highlighted row (the first, if none is)."""
        event.stop()
        table = self._table()
        if not table.row_count:
            return  # nothing matches: the list says so
        row = table.cursor_row if table.show_cursor else 0
        key = table.ordered_rows[row].key.value
        if key is not None:
            self.post_message(self.Opened(opened_id(key)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # By its name, not ``@on``: the DataTable's module loads with the table.
        event.stop()
        self.post_message(self.Opened(opened_id(str(event.row_key.value))))
