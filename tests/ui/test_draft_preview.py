"""The first frame shows the draft in a light stand-in; the editor takes over just after.

These tests hold back what the app does after its first frame, so they can act in the moment
between the two, the way a fast typist (or a paste) could at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from coach.app import CoachApp
from coach.domain.cards import QUESTION_CARD_ID
from coach.screens.rehearse import RehearseScreen
from coach.storage import Store, open_store
from coach.widgets.draft_preview import DraftPreview
from tests.ui.keyboard import wait_until
from tests.ui.test_rehearse import NOON, loaded

SIZE = (120, 36)


def held_back(store: Store) -> tuple[CoachApp, list[Callable[[], object]]]:
    """An app whose after-first-frame work waits until the test runs it."""
    app = CoachApp(store, clock=lambda: NOON)
    waiting: list[Callable[[], object]] = []
    app.after_first_frame = waiting.append  # type: ignore[method-assign,assignment]
    return app, waiting


async def test_keys_typed_before_the_editor_arrives_are_kept_in_it(
    store: Store, db_path: Path
) -> None:
    store.save_draft(QUESTION_CARD_ID, "How do I")
    app, waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        preview = screen.query_one(DraftPreview)
        assert not screen.query("#draft")  # the editor is not there yet
        assert app.focused is preview
        await pilot.press("space", "c", "x", "backspace", "o", "m", "enter", "p")
        assert preview.text == "How do I com\np"
        # The draft is already what a quit would keep.
        assert screen.drafts[QUESTION_CARD_ID] == "How do I com\np"

        for callback in waiting:
            callback()
        await loaded(pilot)
        await wait_until(pilot, lambda: not screen.query(DraftPreview), "the editor")
        editor = screen.query_one("#draft", TextArea)
        assert editor.has_focus
        assert editor.text == "How do I com\np"
        assert editor.cursor_location == (1, 1)  # at the end: typing goes on from there
        await pilot.press("a", "r", "e")
        assert editor.text == "How do I com\npare"
    assert open_store(db_path).store.drafts()[QUESTION_CARD_ID] == "How do I com\npare"


async def test_saving_before_the_editor_arrives_saves_what_was_typed(store: Store) -> None:
    app, _waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"How do I measure up")
        await pilot.press("ctrl+s")  # needs the editor and the database: they come at once
        await wait_until(pilot, lambda: bool(store.attempts()), "the saved attempt")
    [attempt] = store.attempts()
    assert attempt.text == "How do I measure up"
    assert attempt.card_id == QUESTION_CARD_ID


async def test_the_stand_in_shows_the_draft_or_the_placeholder_with_a_cursor() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DraftPreview("", placeholder="Write it…", id="p")

    app = One()
    async with app.run_test(size=(40, 8)) as pilot:
        preview = app.query_one(DraftPreview)
        assert str(preview.render()) == "Write it…"
        preview.set_text("Mine")
        assert str(preview.render()) == "Mine "  # the cursor sits after the last character
        preview.focus()
        await pilot.pause()
        # Not text: left for the app (here, focus moves on; in coach, its keys still work).
        await pilot.press("tab")
        assert preview.text == "Mine"
        preview.focus()
        app.post_message(events.Paste(" pasted"))  # as the terminal's bracketed paste does
        await pilot.pause()
        assert preview.text == "Mine pasted"
