"""The Progress screen as a user reaches it: F4 or the palette, charts or guidance, Escape."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Sparkline, Static

from coach.app import CoachApp
from coach.cli.screenshots import NOW
from coach.demo.data import fill_store
from coach.screens.help import HelpScreen
from coach.screens.progress import ProgressScreen
from coach.store.opening import open_store
from coach.store.store import Store
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import SIZE, run_palette, text_of


async def test_empty_database_shows_guidance_not_empty_charts(db_path: Path) -> None:
    opened = open_store(db_path)
    app = CoachApp(opened.store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.query_one("#progress-no-attempts").display
        assert app.screen.query_one("#progress-no-interviews").display
        assert not app.screen.query_one("#progress-rehearsal").display
        await pilot.press("escape")
        assert not isinstance(app.screen, ProgressScreen)
    opened.store.close()


async def test_a_saved_attempt_appears_in_the_charts(db_path: Path) -> None:
    opened = open_store(db_path)
    app = CoachApp(opened.store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await paste(pilot, "How does my background measure up to the requirements of the job?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = opened.store.attempts()
        assert len(saved) == 1
        await run_palette(pilot, "Progress")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert screen.query_one("#progress-trend", Sparkline).data == [saved[0].score]
        days = text_of(screen.query_one("#progress-days", Static))
        assert f"mean {saved[0].score} · best {saved[0].score} · 1 attempt" in days
        assert not screen.query_one("#progress-no-attempts").display
        await pilot.press("f4")  # the same key closes it
        assert not isinstance(app.screen, ProgressScreen)
    opened.store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_progress_and_help_fit_80x24_and_all_of_it_120x36(size: tuple[int, int]) -> None:
    # At 80 columns the Progress box was 96 wide (its right edge and scrollbar off screen);
    # at 120x36 the last days of practice and the help's last keys were below the fold.
    width, height = size
    store = Store.in_memory()
    fill_store(store, NOW)
    app = CoachApp(store, clock=lambda: NOW)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "ready", False), "Rehearse")
        await pilot.press("f4")
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.query_one("#progress").region.right <= width
        body = app.screen.query_one("#progress-body", VerticalScroll)
        if height >= 36:
            assert body.max_scroll_y == 0, "Progress scrolls at 120x36"
        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#help").region.right <= width
        if height >= 36:
            assert app.screen.query_one(VerticalScroll).max_scroll_y == 0, "Help scrolls"
