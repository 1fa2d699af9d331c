"""Showing what was saved elsewhere when the file misbehaves: a re-read that cannot read keeps
the screens as they were and says so; the interview being edited stays the one edited; the
list cursors stay where the user is; own saves and dialogs never hide another window's saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static

from coach.app import CoachApp
from coach.domain import Interview
from coach.domain.content import QUESTION_CARD_ID
from coach.screens.confirm import ConfirmScreen
from coach.screens.profile import ProfileScreen
from coach.screens.progress import ProgressScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_fresh import app_on, rate_shown, rehearse_ready, save_elsewhere
from tests.ui.toasts import toasts

BAD_FILES = {
    "not JSON": b'{"attempts": {"1": ',
    "not UTF-8": b'{"attempts": {}, "profile": {"1": {"strengths": "\xff\xfe"}}}',
    "gone": None,
}


def spoil(db_path: Path, content: bytes | None) -> None:
    """What another program may do to the file while coach is open."""
    if content is None:
        db_path.unlink()
    else:
        db_path.write_bytes(content)


async def leave(pilot: Pilot[None], key: str, kind: type[Screen[None]]) -> None:
    """Switch screens with ``key`` from work that is kept but not saved (answering yes if the
    app asks first)."""
    await pilot.press(key)
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, (kind, ConfirmScreen)), key)
    if isinstance(app.screen, ConfirmScreen):
        await pilot.press("y")
    await wait_until(pilot, lambda: isinstance(app.screen, kind), kind.__name__)


async def leave_for_rate(pilot: Pilot[None]) -> RateScreen:
    await leave(pilot, "f3", RateScreen)
    rate = pilot.app.screen
    assert isinstance(rate, RateScreen)
    await wait_until(pilot, lambda: rate.ready, "the Rate screen")
    return rate


def interview(company: str, held_at: str) -> Interview:
    return Interview(company=company, role="Analyst", held_at=held_at)


def row_key(table: DataTable[object]) -> object:
    return table.ordered_rows[table.cursor_row].key.value


def rate_company(app: CoachApp) -> str:
    return app.screen.query_one("#f-company", Input).value


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
async def test_a_reread_of_a_bad_file_keeps_every_screen_and_says_so(
    db_path: Path, content: bytes | None
) -> None:
    store = open_store(db_path).store
    store.save_interview(interview("Initech", "2026-11-12"))
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rehearse = await rehearse_ready(pilot)
        await pilot.press(*"What would stop you hiring me")  # a draft, not saved
        rate = await leave_for_rate(pilot)
        await pilot.press(*"Hooli")  # a half-edited form
        table = rate.query_one("#interview-table", DataTable)
        assert table.row_count == 1
        await leave(pilot, "f2", RehearseScreen)
        await pilot.press("f4")
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        save_elsewhere(db_path)  # a save the screens have not read...
        spoil(db_path, content)  # ...and then the file goes bad before they do

        await pilot.press("f5")  # Progress and Rehearse under it
        await wait_until(pilot, lambda: any("Not refreshed" in t for t, _ in toasts(app)), "why")
        assert progress.query_one("#progress-no-attempts").display  # as it was: nothing read
        await pilot.press("escape")
        assert isinstance(app.screen, RehearseScreen)
        assert "What would stop you hiring me" in rehearse.draft_text
        assert rehearse.query_one("#card-list", OptionList).option_count > 40  # the deck stays
        assert await leave_for_rate(pilot) is rate
        await pilot.press("f5")
        assert table.row_count == 1 and rate_company(app) == "Hooli"
    store.close()


async def test_f5_keeps_the_rehearse_draft_and_the_half_edited_rate_form(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        rehearse = await rehearse_ready(pilot)
        await pilot.press(*"Is there anything")
        save_elsewhere(db_path)
        await pilot.press("f5")
        assert "1 attempt" in text_of(rehearse.query_one("#history-text", Static))
        assert rehearse.draft_text == "Is there anything"
        rate = await leave_for_rate(pilot)
        table = rate.query_one("#interview-table", DataTable)
        await pilot.press(*"Hooli")
        save_elsewhere(db_path)
        await pilot.press("f5")
        # Saved twice elsewhere: two rounds of one application, one row.
        await wait_until(pilot, lambda: len(rate.interviews or ()) == 2, "the second interview")
        assert table.row_count == 1 and rate_company(app) == "Hooli"
    store.close()


async def test_an_attempt_saved_elsewhere_shows_after_the_profile_is_saved(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rehearse = await rehearse_ready(pilot)
        history = rehearse.query_one("#history-text", Static)
        assert "1 attempt" not in text_of(history)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"SQL reporting")
        save_elsewhere(db_path)  # an attempt at the closing question, from another window
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is rehearse, "Rehearse")
        await pilot.press("f4", "escape")  # shown again: no F5
        await wait_until(pilot, lambda: "1 attempt" in text_of(history), "the other attempt")
    store.close()


async def test_the_open_interview_stays_open_across_a_vanished_file(db_path: Path) -> None:
    store = open_store(db_path).store
    saved = store.save_interview(interview("Initech", "2026-11-12"))
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rate = await rate_shown(pilot)
        table = rate.query_one("#interview-table", DataTable)
        table.focus()
        await pilot.press("enter")
        assert rate.editing == saved.id
        await pilot.press("end", *" Corp")
        aside = db_path.with_name("aside.json")
        db_path.rename(aside)  # a sync tool, or a user moving it, for a moment
        await pilot.press("f5")
        await wait_until(pilot, lambda: any("missing" in m for _, m in toasts(app)), "why")
        assert rate.editing == saved.id and table.row_count == 1
        aside.rename(db_path)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Initech Corp" in str(table.get_row_at(0)), "saved")
    assert [(i.id, i.company) for i in store.interviews()] == [(saved.id, "Initech Corp")]
    store.close()


async def test_an_interview_deleted_elsewhere_is_said_and_its_text_kept_as_new(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    saved = store.save_interview(interview("Initech", "2026-11-12"))
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rate = await rate_shown(pilot)
        table = rate.query_one("#interview-table", DataTable)
        table.focus()
        await pilot.press("enter")
        assert rate.editing == saved.id
        other = open_store(db_path).store
        assert saved.id is not None and other.delete_interview(saved.id)
        other.close()
        await pilot.press("f5")
        await wait_until(pilot, lambda: table.row_count == 0, "the list without it")
        assert any("Interview gone" in title for title, _ in toasts(app))
        assert rate.editing is None and rate_company(app) == "Initech"
        assert rate.unsaved_changes() is not None  # leaving asks: it is not saved anywhere
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: table.row_count == 1, "saved as a new one")
    (again,) = store.interviews()
    assert again.company == "Initech" and again.id != saved.id
    store.close()


async def test_the_list_cursor_stays_on_its_interview_across_a_reread(db_path: Path) -> None:
    store = open_store(db_path).store
    for n, company in enumerate(("Alpha", "Beta", "Gamma"), start=10):
        store.save_interview(interview(company, f"2026-11-{n}"))
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rate = await rate_shown(pilot)
        table = rate.query_one("#interview-table", DataTable)
        table.focus()
        await pilot.press("down")  # browsing, nothing opened: on Beta
        assert rate.editing is None
        beta = row_key(table)
        save_elsewhere(db_path)  # a newer interview comes first in the list
        await pilot.press("f5")
        await wait_until(pilot, lambda: table.row_count == 4, "the new interview")
        assert row_key(table) == beta
        rate.query_one("#f-company", Input).focus()  # the form: the list waits on its row
        save_elsewhere(db_path)
        await pilot.press("f5")
        # The same application again (Elsewhere Ltd): its second round, no new row.
        await wait_until(pilot, lambda: len(rate.interviews or ()) == 5, "the next one")
        assert table.row_count == 4 and row_key(table) == beta
    store.close()


async def test_the_card_list_highlight_stays_where_the_user_browses(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rehearse = await rehearse_ready(pilot)
        cards = rehearse.query_one("#card-list", OptionList)
        cards.focus()
        await pilot.press("down", "down", "down")
        browsed = cards.highlighted_option
        assert browsed is not None and browsed.id != QUESTION_CARD_ID
        save_elsewhere(db_path)
        await pilot.press("f5")
        # Browsing opens the card under the cursor, so count what was read, not its history.
        assert len(rehearse.attempts or ()) == 1
        assert cards.highlighted_option is not None
        assert cards.highlighted_option.id == browsed.id
        rehearse.focus_draft()  # not browsing: the open card is the highlighted one
        save_elsewhere(db_path)
        await pilot.press("f5")
        assert len(rehearse.attempts or ()) == 2
        assert cards.highlighted_option is not None
        assert cards.highlighted_option.id == rehearse.card_id == browsed.id  # browsing opened it
    store.close()


async def test_an_own_save_leaves_nothing_to_read_again(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        rehearse = await rehearse_ready(pilot)
        history = rehearse.query_one("#history-text", Static)
        await paste(pilot, "How does my background compare with the team's?")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "1 attempt" in text_of(history), "the attempt saved")
        assert rehearse.seen.revision == store.revision()  # shown again: one stat, no read
        save_elsewhere(db_path)
        await pilot.press("ctrl+s")  # another window saved in between: it is read later
        await wait_until(pilot, lambda: "2 attempts" in text_of(history), "the second saved")
        assert rehearse.seen.revision != store.revision()
        await pilot.press("f4", "escape")
        await wait_until(pilot, lambda: "3 attempts" in text_of(history), "the other's read")
        rate = await rate_shown(pilot)
        await pilot.press(*"Hooli")
        rate.query_one("#f-closing_answer").focus()
        await paste(pilot, "We hoped for more experience leading a team.")
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: bool(store.heard_cards()), "the card saved")
        assert rate.seen.revision == store.revision()
    store.close()
