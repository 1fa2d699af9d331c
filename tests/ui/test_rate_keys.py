"""The Rate screen from the keyboard, as a person reaches each part: the rating panel scrolled
with a key, Tab into a filled field that replaces it, the list's cursor on the open interview
whatever the Discard dialog's answer."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from coach.screens.confirm import ConfirmScreen
from coach.screens.help import HelpScreen
from coach.widgets.rating_panel import RatingPanel
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rate import app_on
from tests.ui.test_rate_fit import demo_store, open_row


async def test_a_key_scrolls_the_rating_and_escape_goes_back(db_path: Path) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_row(pilot, 0)
        panel = screen.query_one(RatingPanel)
        await wait_until(pilot, lambda: panel.max_scroll_y > 0, "a rating taller than its panel")
        company = screen.query_one("#f-company", Input)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: app.focused is panel, "the panel reached")
        await pilot.press("pagedown", "down")
        await wait_until(pilot, lambda: panel.scroll_y > 0, "the panel scrolled")
        await pilot.press("end")
        await wait_until(pilot, lambda: panel.scroll_y == panel.max_scroll_y, "its end")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.focused is company, "back in the field")
        # Reached by its key only: Tab never stops there.
        assert panel not in screen.focus_chain
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app.screen.query_one("#help-keys", Static))
        assert "Rating" in keys and "^r" in keys


async def test_tab_into_a_filled_field_replaces_it(db_path: Path) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_row(pilot, 0)
        company = screen.query_one("#f-company", Input)
        role = screen.query_one("#f-role", Input)
        assert company.value and role.value
        await pilot.press("X")  # opening a row: typing goes on from the end
        assert company.value.endswith("X")
        await pilot.press("tab", *"Lead")
        assert role.value == "Lead"


async def test_keep_editing_keeps_the_cursor_on_the_open_interview(db_path: Path) -> None:
    app = app_on(demo_store(db_path))
    async with app.run_test(size=(120, 36)) as pilot:
        # Row 1 is Brightline Health, an application of two rounds: opening it opens its
        # latest round, listed under it (rows 2 and 3), where the cursor goes.
        screen = await open_row(pilot, 1)
        table = screen.query_one("#interview-table", DataTable)
        opened = screen.editing
        await wait_until(pilot, lambda: table.cursor_row == 3, "the cursor on the open round")
        await pilot.press(*" Ltd")
        await wait_until(pilot, lambda: screen.draft.unsaved(screen.values()), "the edit")
        # Down to another row and Enter: asked; Keep editing keeps the form, and the list
        # follows it back.
        await pilot.press("ctrl+l", "down", "down", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the dialog closed")
        assert screen.editing == opened
        await wait_until(pilot, lambda: table.cursor_row == 3, "the cursor back on its row")
        # ctrl+n, Discard: a new form, and no row looks open.
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.editing is None, "a new form")
        assert not table.show_cursor
