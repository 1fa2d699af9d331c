"""The Progress screen as a user reaches it: F4 or the palette, charts or guidance, Escape."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Sparkline, Static

from coach.app import CoachApp
from coach.screens.progress import ProgressScreen
from coach.store.opening import open_store
from tests.ui.keyboard import paste
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
