"""Quitting asks only when something typed would be lost, wherever it was typed, and says what
and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from coach.domain.content import QUESTION_CARD_ID
from coach.render.safe import short
from coach.screens.confirm import ConfirmScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store import files
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.draft_limits import MAX_DRAFT_CHARS
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_long_drafts import write_drafts
from tests.ui.test_rate import app_on as rate_app_on
from tests.ui.test_rate_draft import form, with_draft
from tests.ui.test_rate_fit import ready
from tests.ui.test_rehearse import SIZE, loaded
from tests.ui.test_rehearse import app_on as rehearse_app_on
from tests.ui.toasts import toasts

TEMPORARY = "a temporary database"


async def asked(pilot: Pilot[None]) -> str:
    """Wait for the question that quitting asks; what it says."""
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
    return text_of(app.screen.query_one("#confirm-message", Static))


async def test_quitting_from_rate_asks_about_a_rehearse_draft_that_would_be_lost() -> None:
    app = rehearse_app_on(Store.in_memory(TEMPORARY))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(*"How do I compare?", "f3")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "the Rate screen")
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert "Rehearse" in message and TEMPORARY in message
        await pilot.press("n")
        assert isinstance(app.screen, RateScreen) and app.is_running


async def test_quitting_from_rehearse_asks_about_a_rate_form_that_would_be_lost() -> None:
    app = rate_app_on(Store.in_memory(TEMPORARY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Umbrella", "f2")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert "Umbrella" in message and TEMPORARY in message
        await pilot.press("y")
    assert not app.is_running


async def test_a_rate_form_whose_draft_cannot_be_written_asks_before_quitting(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    app = rate_app_on(open_store(db_path).store)
    monkeypatch.setattr(files, "atomic_write", full)  # the drafts file's writes, from now on
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Globex")
        await wait_until(pilot, lambda: any("No space" in m for _, m in toasts(app)), "a toast")
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert "Globex on Rate" in message and "the drafts file could not be written" in message
        await pilot.press("n")
        assert isinstance(app.screen, RateScreen)


async def test_a_rate_form_over_an_uncopied_long_draft_asks_before_quitting(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = "word " * (MAX_DRAFT_CHARS // 4)
    with_draft(db_path, form(None, closing_answer=answer))

    def full(path: Path, reason: str, now: object = None) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "keep_copy", full)  # the long draft cannot be copied aside
    app = rate_app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert isinstance(screen, RateScreen)
        screen.query_one("#f-role").focus()
        await pilot.press(*"Lead")
        await wait_until(pilot, lambda: screen.values()["role"] == "Lead", "the edit")
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert "Globex on Rate" in message and "keeps the long draft" in message
        await pilot.press("y")
    assert not app.is_running


async def test_quitting_asks_about_every_card_s_draft_not_only_the_open_one() -> None:
    app = rehearse_app_on(Store.in_memory(TEMPORARY))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await pilot.press(*"How do I compare?", "ctrl+n")  # on to a feedback card, typed nothing
        await wait_until(pilot, lambda: screen.card_id != QUESTION_CARD_ID, "the next card")
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert "your draft of the closing question on rehearse" in message.lower(), message
        assert TEMPORARY in message
        await pilot.press("n")
        await pilot.press(*"I led a team of 7.", "ctrl+q")
        message = await asked(pilot)
        assert "2 drafts on Rehearse" in message and "the closing question" in message
        assert short(screen.cards[screen.card_id].feedback) in message


async def test_a_draft_too_long_to_keep_on_another_card_still_asks(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = "word " * (MAX_DRAFT_CHARS // 4)
    write_drafts(db_path, {QUESTION_CARD_ID: draft})

    def full(path: Path, reason: str, now: object = None) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "keep_copy", full)  # the long draft cannot be copied aside
    app = rehearse_app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        await pilot.press("end", *" more", "ctrl+n")
        await wait_until(pilot, lambda: screen.card_id != QUESTION_CARD_ID, "the next card")
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert "the closing question on Rehearse" in message and "too long to keep" in message
        await pilot.press("y")
    assert not app.is_running
