"""The app on files it cannot fully read (issue 11, 3, 6, 7 and 9): every screen opens, the
bad fields shown as missing; an unusable database is told in a sentence, not a traceback."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from coach.app import CoachApp, ScreenName
from coach.screens.notice import NoticeScreen
from coach.screens.progress import ProgressScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.drafts import drafts_path
from coach.store.lazy import LazyStore
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of

SIZE = (120, 36)
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=1)))
QUESTION = {"kind": "question", "text": "How do I compare?", "card_id": "closing-question"}
BAD_ATTEMPTS = {
    "1": {**QUESTION, "score": float("nan"), "created_at": "2026-11-19T10:00:00+01:00"},
    "2": {**QUESTION, "score": float("inf"), "created_at": "2026-11-19T11:00:00+01:00"},
    "3": {**QUESTION, "score": 50, "created_at": "9999-12-31T23:00:00+00:00"},
    "4": {**QUESTION, "score": 50, "created_at": "2026-13-45"},
    "5": {**QUESTION, "score": 50, "created_at": "2026-11-19T12:00:00"},
    "6": dict.fromkeys(["kind", "text", "card_id", "score", "created_at", "checks"]),
}
BAD_INTERVIEWS = {
    "1": {"company": "One", "held_at": "2026-11-01"},
    "01": {"company": "Zero-one", "held_at": "2026-11-02"},
    "2": {"company": "Far", "held_at": "9999-12-30", "timeline_date": "9999-12-30"},
    "3": {"company": "Signals", "held_at": "2026-11-03", "signals": {"actual_min": -5}},
    "4": {"company": "Text", "held_at": "2026-11-04", "signals": {"actual_min": "abc"}},
    "5": {"company": "Unknown", "held_at": "2026-11-05", "signals": {"mood": "great"}},
    "6": dict.fromkeys(["company", "role", "held_at", "signals", "outcome", "timeline_date"]),
}


def bad_database(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "_meta": {"1": {"schema": 1}},
                "attempts": BAD_ATTEMPTS,
                "interviews": BAD_INTERVIEWS,
                "profile": {"1": {"strengths": None, "requirements": [None, 5]}},
            }
        )
    )
    return path


@pytest.mark.parametrize("screen", ["rehearse", "rate"])
async def test_every_screen_opens_on_hand_edited_records(db_path: Path, screen: ScreenName) -> None:
    app = CoachApp(LazyStore(bad_database(db_path)), first_screen=screen, clock=lambda: NOON)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "ready", False), "the screen")
        if screen == "rate":
            assert isinstance(app.screen, RateScreen)
            table = app.screen.query_one("#interview-table", DataTable)
            assert table.row_count == 6  # "01" is not shown beside "1"
            await app.workers.wait_for_complete()  # calibration rates every interview
        else:
            assert isinstance(app.screen, RehearseScreen)
        await pilot.press("f4")  # Progress: charts over every attempt and interview
        await wait_until(pilot, lambda: isinstance(app.screen, ProgressScreen), "Progress")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code in (None, 0)


async def test_a_deeply_nested_drafts_file_does_not_stop_the_start(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    drafts_path(db_path).write_text("[" * 100_000 + "]" * 100_000)
    app = CoachApp(LazyStore(db_path), clock=lambda: NOON)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "ready", False), "the screen")
        assert isinstance(app.screen, RehearseScreen)


async def test_a_symlink_loop_as_the_database_is_told_on_screen(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    store = LazyStore(a)
    app = CoachApp(store, clock=lambda: NOON)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, NoticeScreen), "the notice")
        message = text_of(app.screen.query_one("#notice-message", Static))
        assert "leads back to itself" in message
    assert "leads back to itself" in (store.problem or "")
