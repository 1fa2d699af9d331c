"""Every screen shows what was saved anywhere without a restart: a card sent from Rate, and
saves made by another process (a second window, ``coach import``) while the app is open."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Sparkline, Static

from coach.app import CoachApp
from coach.domain import Interview
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.models import Attempt
from coach.screens.progress import ProgressScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.debounce import Delays
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of

NOV_20 = datetime(2026, 11, 20, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def app_on(store: Store) -> CoachApp:
    return CoachApp(store, clock=lambda: NOV_20, delays=Delays.none())


async def rehearse_ready(pilot: Pilot[None]) -> RehearseScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RehearseScreen)
    await wait_until(pilot, lambda: screen.ready, "the Rehearse screen")
    return screen


async def rate_shown(pilot: Pilot[None]) -> RateScreen:
    await pilot.press("f3")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RateScreen), "Rate")
    screen = pilot.app.screen
    assert isinstance(screen, RateScreen)
    await wait_until(pilot, lambda: screen.ready, "the Rate screen")
    return screen


def save_elsewhere(db_path: Path) -> None:
    """What ``coach import`` or a second window does: its own Store on the same file."""
    other = open_store(db_path).store
    other.add_attempt(
        Attempt(
            kind="question",
            text="How does my background measure up to the job?",
            card_id=QUESTION_CARD_ID,
            score=64,
            created_at="2026-11-20T17:00:00+01:00",
        )
    )
    other.save_interview(
        Interview(
            company="Elsewhere Ltd",
            role="Analyst",
            held_at="2026-11-12",
            signals={"scheduled_min": 45, "actual_min": 80, "follow_up_questions": 6},
            outcome="offer",
        )
    )
    other.close()


async def test_a_card_sent_from_rate_is_on_rehearse_when_switching_back(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await rehearse_ready(pilot)  # Rehearse has read its cards before the card exists
        rate = await rate_shown(pilot)
        await pilot.press(*"Hooli")
        rate.query_one("#f-closing_answer").focus()
        await paste(pilot, "We hoped for more experience leading a team.")
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: bool(store.heard_cards()), "the card saved")
        (card,) = store.heard_cards()
        await pilot.press("ctrl+s", "f2")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        cards = app.screen.query_one("#card-list", OptionList)
        await wait_until(
            pilot, lambda: card.id in [o.id for o in cards.options], "the card in the list"
        )
        cards.focus()
        cards.highlighted = cards.get_option_index(card.id)
        await pilot.press("enter")
        rehearse = app.screen
        assert isinstance(rehearse, RehearseScreen)
        assert rehearse.card_id == card.id
        assert "We hoped for more" in text_of(rehearse.query_one("#prompt", Static))


async def test_another_process_saves_show_when_the_app_regains_focus(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rehearse = await rehearse_ready(pilot)
        rate = await rate_shown(pilot)  # built now, shown again below
        table = rate.query_one("#interview-table", DataTable)
        assert table.row_count == 0
        await pilot.press("f2", "f4")
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        assert progress.query_one("#progress-no-attempts").display

        save_elsewhere(db_path)
        app.post_message(events.AppFocus())  # the user comes back to coach's terminal

        await wait_until(
            pilot,
            lambda: not progress.query_one("#progress-no-attempts").display,
            "Progress to show the attempt",
        )
        assert progress.query_one("#progress-trend", Sparkline).data == [64]
        assert progress.query_one("#progress-outcomes").display
        await pilot.press("escape")
        # Rehearse, under Progress, read it too: the closing question's history counts it.
        assert "1 attempt" in text_of(rehearse.query_one("#history-text", Static))
        await pilot.press("f3")  # Rate, shown again, reads the new interview
        await wait_until(pilot, lambda: table.row_count == 1, "the interview on Rate")
    store.close()


async def test_f5_shows_another_process_saves_on_the_screen_open(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        rehearse = await rehearse_ready(pilot)
        rate = await rate_shown(pilot)
        table = rate.query_one("#interview-table", DataTable)
        save_elsewhere(db_path)
        await pilot.press("f5")
        await wait_until(pilot, lambda: table.row_count == 1, "the interview on Rate")
        assert "Elsewher" in str(table.get_row_at(0))  # cut to fit 80 columns
        await pilot.press("f2")
        assert "1 attempt" in text_of(rehearse.query_one("#history-text", Static))
        await pilot.press("f1")
        assert "Refresh" in text_of(app.screen.query_one("#help-keys", Static))
    store.close()
