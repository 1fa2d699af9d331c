"""A session that cannot write its database never says "saved": it says what was not kept,
and why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.app import CoachApp
from coach.domain import Interview
from coach.screens.confirm import ConfirmScreen
from coach.screens.notice import NoticeScreen
from coach.screens.profile import ProfileScreen
from coach.screens.rehearse import RehearseScreen
from coach.store import files
from coach.store.lazy import LazyStore
from coach.store.opening import open_store
from coach.store.store import Store
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_rate import app_on as rate_app_on
from tests.ui.test_rate import fill_good_interview
from tests.ui.test_rehearse import SIZE, loaded
from tests.ui.test_rehearse import app_on as rehearse_app_on
from tests.ui.toasts import toasts

REASON = "cannot write beside"


@pytest.fixture
def read_only(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The database with one interview, opened as from a folder coach may not write to (as
    root, chmod would not stop this test's writes: the check that meets it is faked)."""
    seeded = open_store(db_path).store
    seeded.save_interview(Interview(company="Acme", role="Dev", held_at="2026-11-10"))
    seeded.close()
    before = db_path.read_bytes()

    def refuse(folder: Path) -> None:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(files, "check_writable", refuse)
    opened = open_store(db_path)
    assert opened.problem and REASON in opened.problem
    yield opened.store
    assert db_path.read_bytes() == before, "a read-only session wrote the file"


def said_not_saved(app: CoachApp, unkept: str) -> bool:
    return any(
        title == "Not saved"
        and message.startswith(unkept)
        and REASON in message
        and "Permission denied" in message
        for title, message in toasts(app)
    )


def said_saved(app: CoachApp) -> bool:
    saved_titles = {"Attempt saved", "Profile", "Feedback", "Interview saved", "Feedback card"}
    return any(title in saved_titles for title, _message in toasts(app))


async def test_rehearse_save_says_the_attempt_is_not_kept(read_only: Store) -> None:
    app = rehearse_app_on(read_only)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(*"How do I measure up?", "ctrl+s")
        await wait_until(pilot, lambda: bool(toasts(app)), "a toast")
        assert said_not_saved(app, "This attempt (")
        assert not said_saved(app)


async def test_the_coach_command_s_lazy_store_says_it_too(db_path: Path, read_only: Store) -> None:
    app = CoachApp(LazyStore(db_path))  # as coach.cli.main builds it
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, NoticeScreen), "the notice")
        await pilot.press("escape")  # the notice about the folder, shown after the first frame
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await wait_until(pilot, lambda: screen.focused is screen.query_one("#draft"), "the editor")
        await pilot.press(*"How do I measure up?", "ctrl+s")
        await wait_until(pilot, lambda: said_not_saved(app, "This attempt ("), "the toast")
        assert not said_saved(app)


async def test_profile_and_heard_feedback_say_they_are_not_kept(read_only: Store) -> None:
    app = rehearse_app_on(read_only)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"SQL dashboards: 12 managers use them", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        await wait_until(pilot, lambda: bool(toasts(app)), "a toast")
        assert said_not_saved(app, "Your profile is kept only until coach closes")
        await pilot.press("ctrl+f")
        await paste(pilot, "Too new to people management for this team.")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: said_not_saved(app, "This card is kept"), "the toast")
        assert not said_saved(app)


async def test_rate_save_delete_and_send_say_they_are_not_kept(read_only: Store) -> None:
    app = rate_app_on(read_only)
    async with app.run_test(size=SIZE) as pilot:
        await fill_good_interview(pilot)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(toasts(app)), "a toast")
        assert said_not_saved(app, "This interview (")

        await pilot.press("ctrl+d")  # the interview just saved
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_until(pilot, lambda: said_not_saved(app, "The interview is gone"), "the toast")

        app.screen.query_one("#f-closing_answer").focus()
        await paste(pilot, "We hoped for more experience leading a team.")
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: said_not_saved(app, "Sent to Rehearse"), "the toast")
        assert not said_saved(app)
        assert not any(title == "Interview deleted" for title, _ in toasts(app))
