"""The Rate screen as a person sees it at 80x24 and 120x36: nothing that matters cut off, focus
that shows and Tab that lands in fields, a cursor that follows the open interview, and a
question before discarding that says what happens."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Static, TextArea

from coach.demo.data import fill_store
from coach.screens.confirm import ConfirmScreen
from coach.screens.rate import RateScreen
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.choice_field import ChoiceField
from tests.ui.keyboard import wait_until
from tests.ui.test_rate import NOV_20, app_on

SIZES = [(80, 24), (120, 36)]


def demo_store(db_path: Path) -> Store:
    """The demo without its phone screen of this afternoon: Northwind, whose reply is overdue,
    is the newest application (these tests read the list from it)."""
    store = open_store(db_path).store
    fill_store(store, NOV_20)
    (lumen,) = (i for i in store.interviews() if i.company == "Lumen Analytics")
    assert lumen.id is not None
    store.delete_interview(lumen.id)
    return store


async def ready(pilot: Pilot[None]) -> RateScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RateScreen)
    await wait_until(pilot, lambda: screen.ready, "the Rate screen laid out")
    return screen


async def open_row(pilot: Pilot[None], row: int) -> RateScreen:
    """Open the list's ``row`` by keyboard, as a person does: ctrl+l (the find box), down
    (the first row lit), down to the row, enter."""
    screen = await ready(pilot)
    table = screen.query_one("#interview-table", DataTable)
    await wait_until(pilot, lambda: table.row_count > row, "the interviews listed")
    await pilot.press("ctrl+l", "down", *["down"] * row, "enter")
    await wait_until(pilot, lambda: screen.editing is not None, "the interview open")
    return screen


def shown(widget: Static, width: int) -> list[str]:
    """The lines a Static draws in ``width`` cells."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(widget.content)
    return [line.rstrip() for line in console.export_text().splitlines()]


def signal_names(lines: list[str]) -> list[str]:
    """The signals' names in the rating's table of bars, a name wrapped onto lines joined."""
    names: list[str] = []
    for line in lines:
        if "│" in line:
            names.append(line.split("│")[0].strip(" █"))
        elif names and line.strip() and not names[-1].endswith("."):
            if not line.startswith(" "):
                break  # past the table
            names[-1] += " " + line.strip()
    return names


@pytest.mark.parametrize("size", [(60, 24), (70, 24), *SIZES])
async def test_the_list_keeps_band_and_overdue_in_view(
    db_path: Path, size: tuple[int, int]
) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        # Five interviews in four applications (Brightline Health's two rounds in one row).
        await wait_until(pilot, lambda: table.row_count == 4, "the demo applications")
        labels = [str(column.label) for column in table.columns.values()]
        assert {"Company", "Score", "Band", "Follow-up"} <= set(labels)
        if size[0] != 80:  # a list of 60 cells or more (at 80 the calibration panel is beside)
            assert {"Date", "Status"} <= set(labels), labels
        # Every column shown fits in the table, and the table in the screen: none runs off.
        drawn = sum(column.get_render_width(table) for column in table.columns.values())
        assert drawn <= table.size.width, (labels, drawn, table.size.width)
        assert table.region.right <= size[0]
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert "OVERDUE" in cells and any("well" in cell for cell in cells)


@pytest.mark.parametrize("size", SIZES)
async def test_pick_fields_show_every_choice(db_path: Path, size: tuple[int, int]) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        for name in ("stage", "outcome", "engagement"):
            field = screen.query_one(f"#f-{name}", ChoiceField)
            lines = field.render().plain.split("\n")
            assert field.size.height == len(lines), name
            # Inside the form's visible width: nothing drawn past its edge.
            assert field.region.right <= screen.form.scrollable_content_region.right, name
            assert all(len(line) <= field.content_size.width for line in lines), (name, lines)
            for option in field.options[1:]:
                assert any(f" {option} " in line for line in lines), (name, option, lines)


@pytest.mark.parametrize("size", SIZES)
async def test_the_rating_reads_whole_at_every_size(db_path: Path, size: tuple[int, int]) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=size) as pilot:
        screen = await open_row(pilot, 0)  # Northwind: overdue, some signals worth 0
        view = screen.query_one("#rating-view", Static)
        await wait_until(pilot, lambda: "OVERDUE" in shown(view, 200)[0], "Northwind's rating")
        lines = shown(view, view.content_size.width)
        text = "\n".join(lines)
        assert "/100 went well  OVERDUE" in lines[0], lines[:2]  # the headline, not cut inside
        assert "…" not in text and "+0" not in text and "-0" not in text, text
        # The three "Asked about your ..." signals, each named apart, in full.
        assert "Asked about your" not in text
        names = signal_names(lines)
        assert {"Asked: strengths", "Asked: weaknesses", "Asked: experience"} <= set(names)
        # Each signal's bar is whole on its row: the axis, then its points, on one line.
        bars = [line for line in lines if "│" in line]
        assert len(bars) == 15 and all(line.split()[-1].lstrip("+-").isdigit() for line in bars)


async def test_no_interviews_take_a_few_lines(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        empty = screen.query_one("#interviews-empty")
        await wait_until(pilot, lambda: empty.size.height > 0, "the empty state")
        row = screen.query_one("#interviews-row")
        assert row.size.height <= 5
        # Shown whole: inside its row and inside the list.
        assert row.region.contains_region(empty.region)
        assert screen.query_one("#interviews").region.contains_region(empty.region)
        assert "No interviews yet" in str(empty.query_one(".empty-title", Static).content)


async def test_only_fields_and_the_list_are_tab_stops(db_path: Path) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        kinds = {type(widget) for widget in screen.focus_chain}
        assert all(issubclass(kind, Input | TextArea | ChoiceField | DataTable) for kind in kinds)
        # Tab from the last signal before the closing answer types into that answer.
        screen.query_one("#f-vague_next_steps").focus()
        await pilot.press("tab", *"Soon")
        assert screen.query_one("#f-closing_answer", TextArea).text == "Soon"


@pytest.mark.parametrize("name", ["stage", "company", "closing_answer"])
async def test_the_focused_field_is_marked_on_its_label(db_path: Path, name: str) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        label = screen.query_one(f"#row-{name} Label", Label)
        other = screen.query_one("#row-time Label", Label)
        screen.query_one(f"#f-{name}").focus()
        await wait_until(pilot, lambda: label.styles.color != other.styles.color, "the mark")
        assert label.styles.text_style.bold and not other.styles.text_style.bold


@pytest.mark.parametrize(
    ("field", "typed", "row"),
    [("time", "09:45", 2), ("date", "2026-10-01", 3)],  # the same row; the oldest, last
)
async def test_after_saving_the_list_stays_on_the_open_interview(
    db_path: Path, field: str, typed: str, row: int
) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_row(pilot, 2)
        table = screen.query_one("#interview-table", DataTable)
        opened = screen.editing
        screen.query_one(f"#f-{field}").focus()  # Tab's way in: typing replaces the value
        await pilot.press(*typed)
        await wait_until(pilot, lambda: screen.draft.unsaved(screen.values()), "the edit")
        await pilot.press("ctrl+s")

        def saved() -> bool:
            interview = next(i for i in screen.interviews or () if i.id == opened)
            return typed in interview.held_at

        await wait_until(pilot, saved, "the save listed")
        assert table.cursor_row == row
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        assert key.value == str(opened)
        assert table.show_cursor and screen.editing == opened


async def test_opening_a_row_types_after_the_company(db_path: Path) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_row(pilot, 0)
        company = screen.query_one("#f-company", Input)
        assert app.focused is company
        await pilot.press("X")
        assert company.value == "Northwind FreightX"


async def test_discarding_says_the_changes_are_lost_and_loses_them(db_path: Path) -> None:
    store = demo_store(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_row(pilot, 0)
        await pilot.press(*" Ltd")
        await wait_until(pilot, lambda: screen.draft.unsaved(screen.values()), "the edit")
        # The row already open (lit in the list, what Enter in the find box opens): nothing
        # would be lost, nothing is asked.
        await pilot.press("ctrl+l", "enter")
        assert not isinstance(app.screen, ConfirmScreen)
        assert screen.query_one("#f-company", Input).value == "Northwind Freight Ltd"
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ConfirmScreen)
        said = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "lost" in said and "kept as a draft" not in said, said
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.editing is None, "a new form")
        assert not store.drafts().get("rate-form"), "the discarded draft is gone"
