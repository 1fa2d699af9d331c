"""The mouse works as well as the keys: the same actions, by clicking."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList

from coach.app import CoachApp
from coach.domain import Interview
from coach.screens.progress import ProgressScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from coach.widgets.choice_field import ChoiceField
from tests.ui.keyboard import footer_keys, wait_until
from tests.ui.test_app import SIZE


async def test_a_click_on_a_card_opens_it(db_path: Path) -> None:
    app = CoachApp(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await wait_until(pilot, lambda: screen.ready, "the card list")
        cards = screen.query_one("#card-list", OptionList)
        target = cards.get_option_at_index(2)  # the first deck card, under its heading
        assert target.id is not None
        await pilot.click(cards, offset=(4, 2))
        await pilot.pause()
        assert screen.card_id == target.id


async def test_a_click_on_an_interview_opens_it_and_a_click_picks_a_choice(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="Acme", role="Analyst", held_at="2026-11-02"))
    app = CoachApp(store, first_screen="rate")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "the interview list")
        # A first click puts the cursor on the row, a click on the cursor's row picks it.
        await pilot.click(table, offset=(2, 1))
        await pilot.click(table, offset=(2, 1))
        await wait_until(pilot, lambda: screen.editing is not None, "the form to open")
        field = screen.query_one("#f-eye_contact", ChoiceField)
        field.scroll_visible(animate=False)
        await pilot.pause()
        # The not-observed dash, then " good ": the second option starts four cells in.
        await pilot.click(field, offset=(5, 0))
        assert field.value == "good"


async def test_the_footer_keys_are_buttons(db_path: Path) -> None:
    app = CoachApp(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        # As a person would: once the screen has filled and the Footer has settled.
        await wait_until(pilot, lambda: getattr(app.screen, "ready", False), "the screen")
        await pilot.pause()
        await wait_until(pilot, lambda: "Progress" in footer_keys(app.screen), "the Footer")
        await pilot.click(footer_keys(app.screen)["Progress"])
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
