"""On Rehearse the highlighted card in the list is the open card, always."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from tests.ui.keyboard import wait_until
from tests.ui.test_rehearse import SIZE, app_on, loaded


def highlighted(cards: OptionList) -> str | None:
    option = cards.highlighted_option
    return option.id if option else None


async def test_moving_through_the_list_opens_the_card_under_the_cursor(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        cards = screen.query_one("#card-list", OptionList)
        assert highlighted(cards) == screen.card_id
        cards.focus()
        await pilot.press("down", "down", "down")
        await wait_until(pilot, lambda: highlighted(cards) == screen.card_id, "the card opened")
        assert cards.has_focus, "browsing keeps the focus in the list"
        await pilot.press("enter")  # on to the draft
        await wait_until(pilot, lambda: not cards.has_focus, "the draft")
        assert highlighted(cards) == screen.card_id
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert highlighted(cards) == screen.card_id
