"""The due list (F6) driven like a user: what is due, most urgent first; Enter acts on it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, OptionList

from coach.app import CoachApp
from coach.domain import rhythm
from coach.domain.models import Profile
from coach.screens.due import NOTHING_DUE, DueScreen
from coach.screens.follow_up_message import FollowUpMessageScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import LAST_CARD_KEY, RehearseScreen
from coach.store.opening import open_store
from coach.widgets.debounce import Delays
from tests.ui.keyboard import wait_until
from tests.ui.test_follow_up_message import SAME_DAY, SILENT, store_with
from tests.ui.test_rate import NOV_20, app_on

SIZES = [(80, 24), (120, 36)]


def lines(app: App[None]) -> list[str]:
    """The due list's lines, as shown, top to bottom."""
    options = app.screen.query_one("#due-list", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def due_shown(pilot: object) -> DueScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DueScreen), "the due list")
    screen = pilot.app.screen
    assert isinstance(screen, DueScreen)
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_nothing_due_says_so(db_path: Path, size: tuple[int, int]) -> None:
    store = store_with(db_path)
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await due_shown(pilot)
        empty = screen.query_one("#due-empty")
        assert empty.display and not screen.query_one("#due-list").display
        assert NOTHING_DUE in str(empty.query("Static").first().render())
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "closed")
    store.close()


@pytest.mark.parametrize("size", SIZES)
async def test_a_thank_you_sent_from_the_list_leaves_it(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = store_with(db_path, SILENT, SAME_DAY)
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        await due_shown(pilot)
        shown = lines(app)
        # The silent round's overdue reply and its check-in are one line; the interview held
        # this morning is over, so it is not "the next interview" to practise for.
        assert [line.split()[0] for line in shown] == ["Overdue", "Thank-you"]
        assert "Globex (Analyst)" in shown[0] and "send a check-in" in shown[0]
        assert "Dana Lee at Northwind [b]Labs[/b]" in shown[1], "names as data"
        await pilot.press("down", "enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, FollowUpMessageScreen), "the message"
        )
        message = app.screen
        assert isinstance(message, FollowUpMessageScreen)
        await wait_until(pilot, lambda: message.kind == "thank-you", "the thank-you note")
        await wait_until(pilot, lambda: bool(message.query("#draft")), "the draft")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot,
            lambda: message.interview is not None and bool(message.interview.messages),
            "marked sent",
        )
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, DueScreen), "back on the list")
        await wait_until(pilot, lambda: len(lines(app)) == 1, "the list read again")
        assert [line.split()[0] for line in lines(app)] == ["Overdue"]
    store.close()
    saved = {i.company: i for i in open_store(db_path).store.interviews()}
    assert [m.kind for m in saved[SAME_DAY.company].messages] == ["thank-you"]


async def test_enter_on_an_overdue_reply_opens_it_on_rate(db_path: Path) -> None:
    store = store_with(db_path, SAME_DAY, SILENT)
    # On Rehearse: the list opens Rate itself.
    app = CoachApp(store, clock=lambda: NOV_20, delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await due_shown(pilot)
        assert lines(app)[0].startswith("Overdue")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "Rate")
        rate = app.screen
        assert isinstance(rate, RateScreen)
        await wait_until(pilot, lambda: rate.editing is not None, "the interview open")
        assert rate.query_one("#f-company", Input).value == "Globex"
    store.close()


async def test_enter_on_practice_opens_rehearse_on_the_next_card(db_path: Path) -> None:
    store = store_with(db_path)
    store.save_profile(Profile(interview_date="2026-11-21"))
    store.save_draft(LAST_CARD_KEY, "strong-match-1")  # Rehearse would open on this card
    app = app_on(store)  # on Rate
    async with app.run_test(size=(120, 36)) as pilot:
        await due_shown(pilot)
        (only,) = lines(app)
        assert only.startswith("Practise") and "tomorrow (2026-11-21)" in only
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        rehearse = app.screen
        assert isinstance(rehearse, RehearseScreen)
        await wait_until(pilot, lambda: rehearse.ready, "the cards")
        await wait_until(pilot, lambda: getattr(app.focused, "id", "") == "draft", "the draft")
        cards = tuple(rehearse.cards.values())
        tonight = rhythm.next_card(cards, (), date(2026, 11, 21), NOV_20)
        assert rehearse.card_id == tonight != "strong-match-1"
    store.close()


async def test_the_palette_opens_the_due_list(db_path: Path) -> None:
    from tests.ui.test_app import run_palette

    store = store_with(db_path)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_palette(pilot, "Due today")
        await wait_until(pilot, lambda: isinstance(app.screen, DueScreen), "the due list")
        await pilot.press("f6")  # F6 closes it again
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "closed")
    store.close()


async def test_f6_on_a_message_opened_from_the_list_goes_back_to_it(db_path: Path) -> None:
    store = store_with(db_path, SAME_DAY)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await due_shown(pilot)
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, FollowUpMessageScreen), "the message"
        )
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, DueScreen), "back on the list")
        assert sum(isinstance(s, DueScreen) for s in app.screen_stack) == 1
    store.close()


async def test_enter_on_an_overdue_reply_over_a_message_closes_it_and_opens_the_reply(
    db_path: Path,
) -> None:
    # The stack [Rate, FollowUpMessage, Due]: the interview must open where the user sees it,
    # not in Rate's form under the message screen.
    store = store_with(db_path, SAME_DAY, SILENT)
    thanks = next(i for i in store.interviews() if i.company == SAME_DAY.company)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        rate = app.screen
        assert isinstance(rate, RateScreen) and thanks.id is not None
        rate.open_interview(thanks.id)
        await wait_until(pilot, lambda: rate.editing is not None, "the thank-you's round open")
        await pilot.press("ctrl+o")
        await wait_until(
            pilot, lambda: isinstance(app.screen, FollowUpMessageScreen), "the message"
        )
        await wait_until(pilot, lambda: bool(app.screen.query("#draft")), "the draft")
        await pilot.press("x")  # an edit: kept in the drafts file, so leaving does not ask
        await due_shown(pilot)
        assert [type(s) for s in app.screen_stack] == [
            RateScreen,
            FollowUpMessageScreen,
            DueScreen,
        ]
        assert lines(app)[0].startswith("Overdue")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is rate, "back on Rate")
        await wait_until(
            pilot, lambda: rate.query_one("#f-company", Input).value == "Globex", "the reply"
        )
        assert app.screen_stack == [rate]
    store.close()


async def test_enter_on_practice_over_an_exchange_asks_it_first(db_path: Path) -> None:
    # Through the mock exchange's own back action: with a question typed it asks; "stay"
    # keeps it and opens nothing, "leave" closes it and then opens the card.
    from tests.ui.test_exchange import FakeClock, app_with, open_exchange
    from tests.ui.test_exchange_leave import title
    from tests.ui.test_rehearse import NOON

    store = open_store(db_path).store
    store.save_profile(Profile(interview_date="2026-11-21"))
    store.close()
    app = app_with(db_path, FakeClock(NOON))
    async with app.run_test(size=(120, 36)) as pilot:
        exchange = await open_exchange(pilot)
        rehearse = app.screen_stack[0]
        assert isinstance(rehearse, RehearseScreen)
        await pilot.press(*"How do I compare?")
        for stay in (True, False):
            await due_shown(pilot)
            assert lines(app)[0].startswith("Practise")
            await pilot.press("enter")
            await wait_until(pilot, lambda: bool(app.screen.query("#confirm-title")), "asked")
            assert title(pilot) == "Leave this mock exchange?"
            await pilot.press("n" if stay else "y")
            if stay:
                await wait_until(pilot, lambda: app.screen is exchange, "the exchange kept")
        await wait_until(pilot, lambda: app.screen is rehearse, "Rehearse")
        await wait_until(pilot, lambda: getattr(app.focused, "id", "") == "draft", "the draft")
        assert app.screen_stack == [rehearse]
