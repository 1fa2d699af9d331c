"""The keys people expect in a text box: select all, and clearing the draft (asked first)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea

from coach.screens.confirm import ConfirmScreen
from coach.screens.help import HelpScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rate import app_on as rate_app_on
from tests.ui.test_rehearse import SIZE, app_on, loaded


async def test_ctrl_a_selects_all_and_home_goes_to_the_line_start(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        editor = app.screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        await pilot.press(*"first words", "home", *"The ")
        assert editor.text == "The first words"
        await pilot.press("ctrl+a", *"Fresh")
        assert editor.text == "Fresh"


async def test_ctrl_d_clears_the_draft_after_asking(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        await pilot.press(*"A draft to throw away", "ctrl+d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        assert editor.text == "A draft to throw away"
        await pilot.press("ctrl+d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: editor.text == "", "the empty draft")
        await wait_until(pilot, lambda: not store.drafts().get(screen.card_id), "kept empty")


async def test_help_lists_select_all_and_clear_draft(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        keys = text_of(app.screen.query_one("#help-keys", Static))
        assert "select all" in keys and "Clear draft" in keys


async def test_ctrl_a_selects_all_in_a_single_line_field_too(db_path: Path) -> None:
    # The Rate form's fields and the profile's interview date are Inputs, not TextAreas: the
    # help's "In a text box: select all" holds there too.
    app = rate_app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        company = app.screen.query_one("#f-company", Input)
        await wait_until(pilot, lambda: company.has_focus, "the company field")
        await pilot.press(*"cme", "home", *"A")
        assert company.value == "Acme"  # home still goes to the start
        await pilot.press("ctrl+a", *"X")
        assert company.value == "X"
