"""The evening before an interview on Rehearse, driven like a user with an injected clock: the
date typed into the profile, answers saved with various scores, Ctrl+N's order, the status line
and the card list's marks; and the due dot that a card never practised does not carry."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from coach.app import CoachApp
from coach.content.loader import load_deck
from coach.domain import Attempt, Profile, rhythm
from coach.domain.cards import QUESTION_CARD_ID
from coach.screens.profile import ProfileScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.debounce import Delays
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rehearse import QUESTION, loaded
from tests.ui.toasts import toasts

ZONE = timezone(timedelta(hours=1))
EVENING = datetime(2026, 11, 20, 19, 0, tzinfo=ZONE)
"""The evening before the interview of 2026-11-21."""


def app_on(store: Store, when: datetime = EVENING) -> CoachApp:
    return CoachApp(store, clock=lambda: when, delays=Delays.none())


def status(pilot: Pilot[None]) -> str:
    return text_of(pilot.app.screen.query_one("#tonight", Static)).strip()


def marks(pilot: Pilot[None]) -> dict[str, str]:
    """Each card's row in the list, by card id."""
    listed = pilot.app.screen.query_one("#card-list", OptionList)
    rows = (listed.get_option_at_index(i) for i in range(listed.option_count))
    return {row.id: str(row.prompt) for row in rows if row.id}


def history_of(pilot: Pilot[None]) -> str:
    return text_of(pilot.app.screen.query_one("#history-text", Static))


def open_card(pilot: Pilot[None]) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, RehearseScreen)
    return screen.card_id


def save(store: Store, card_id: str, score: int, minute: int) -> None:
    when = (EVENING - timedelta(hours=1) + timedelta(minutes=minute)).isoformat()
    store.add_attempt(Attempt("response", "x", card_id, score, created_at=when))


async def saved_toast(pilot: Pilot[None], words: str) -> None:
    await wait_until(pilot, lambda: any(words in m for _, m in toasts(pilot.app)), words)


async def test_the_date_typed_in_the_profile_turns_on_tonights_rhythm(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        new = len(marks(pilot))
        assert status(pilot) == f"● 0 due · ○ {new} new\nctrl+o: interview date"
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile")
        await pilot.press("tab", "tab", *"21/11/2026", "ctrl+s")
        assert isinstance(app.screen, ProfileScreen), "a date coach cannot read is not saved"
        error = text_of(app.screen.query_one("#interview-date-error", Static))
        assert "type it like 2026-11-21" in error
        await pilot.press(*["backspace"] * 10, *"2026-11-21", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "the save")
        await wait_until(pilot, lambda: status(pilot).startswith("Interview tomorrow"), "tonight")
        planned = 1 + rhythm.EVENING_NEW_CARDS
        assert status(pilot) == f"Interview tomorrow:\n{planned} cards to go, 0 to repeat"
    store.close()
    assert open_store(db_path).store.profile().interview_date == "2026-11-21"


async def test_ctrl_n_serves_tonights_order_and_the_status_line_keeps_count(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_profile(Profile(interview_date="2026-11-21"))
    _, deck = load_deck()
    plan = rhythm.tonight(deck, [], rhythm.interview_day(store.profile()), EVENING)
    assert plan is not None
    first, second, third, fourth, *_ = [card.card_id for card in plan.cards[1:]]
    save(store, QUESTION_CARD_ID, 40, 0)  # weak: back after 3 other cards
    save(store, first, 80, 1)  # middling: once more before the evening ends
    save(store, second, 95, 2)  # strong: done for tonight
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert status(pilot) == "Interview tomorrow:\n4 cards to go, 2 to repeat"
        rows = marks(pilot)
        assert rows[QUESTION_CARD_ID].startswith("↻") and rows[first].startswith("↻")
        assert rows[second].startswith("✓") and rows[third].startswith("●")

        # The question's weak answer waits for 3 other cards (2 so far): a card to go first.
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: open_card(pilot) == third, "the next card to go")
        await pilot.press(*"ok")
        await pilot.press("ctrl+s")
        await saved_toast(pilot, "Below 70: it comes back after 3 other cards.")
        assert status(pilot) == "Interview tomorrow:\n3 cards to go, 3 to repeat"

        # Three other answers since: the question comes back now, before the cards to go.
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: open_card(pilot) == QUESTION_CARD_ID, "the question")
        await paste(pilot, QUESTION)
        await pilot.press("ctrl+s")
        await saved_toast(pilot, "Saved: 100/100. Done for tonight.")
        assert status(pilot) == "Interview tomorrow:\n3 cards to go, 2 to repeat"
        assert marks(pilot)[QUESTION_CARD_ID].startswith("✓")

        # Then the cards to go, in order; the middling and the weak ones after them.
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: open_card(pilot) == fourth, "the next card to go")


async def test_a_card_never_practised_is_new_not_due(db_path: Path) -> None:
    store = open_store(db_path).store
    two_days_ago = (EVENING - timedelta(days=2)).isoformat()
    store.add_attempt(Attempt("question", "x", QUESTION_CARD_ID, 40, created_at=two_days_ago))
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        rows = marks(pilot)
        due = [card_id for card_id, row in rows.items() if row.startswith("●")]
        assert due == [QUESTION_CARD_ID], "only the practised card that is due has the dot"
        assert rows[QUESTION_CARD_ID].endswith("40")
        new = [card_id for card_id, row in rows.items() if row.startswith("○")]
        assert len(new) == len(rows) - 1, "every other card is marked new"
        assert status(pilot).startswith(f"● 1 due · ○ {len(rows) - 1} new")


async def test_the_cards_history_says_where_it_stands_tonight_not_next_week(
    db_path: Path,
) -> None:
    """The evening before, a card's history says "again after 3 other cards", not "box 1 ·
    due" tomorrow; the same answers a week before the interview show the box and the date."""
    store = open_store(db_path).store
    store.save_profile(Profile(interview_date="2026-11-21"))
    save(store, QUESTION_CARD_ID, 55, minute=0)
    store.close()
    for when, expected, absent in (
        (EVENING, f"last 55 · again after {rhythm.GAP} other cards", "box"),
        (EVENING - timedelta(days=7), "last 55 · box 1 · due", "tonight"),
    ):
        store = open_store(db_path).store
        app = app_on(store, when)
        async with app.run_test(size=(120, 36)) as pilot:
            await loaded(pilot)
            await wait_until(pilot, lambda: "last 55" in history_of(pilot), "the history")
            assert expected in history_of(pilot) and absent not in history_of(pilot)
        store.close()
