"""Rehearse's visuals say only what is true: a trend from two attempts, the user's words once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Sparkline

from coach.store.opening import open_store
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_rehearse import SIZE, app_on, coached, coaching_text, loaded


async def test_the_answer_is_shown_once_with_every_phrase_highlighted(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await paste(pilot, "Um, so how do I compare, like, to others? um")
        await coached(pilot, "In your words")
        words = coaching_text(app).split("In your words\n")[1].split("\n\n")[0]
        # Three phrases are flagged; the words between them appear once, not once per phrase.
        assert words.count("how do I") == 1
        assert words.count("to others") == 1


async def test_the_sparkline_needs_two_attempts(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        await paste(pilot, "How do I compare with the other candidates?")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(screen.query(Sparkline)), "the history")
        trend = screen.query_one(Sparkline)
        assert not trend.display, "one attempt: no trend, not a solid block"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: trend.display, "the trend of two attempts")
