"""Keys sent in one burst take effect in the order typed: ctrl+s saves what the draft held
when it was pressed, however fast keys follow it."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import TextArea

from coach.domain.cards import QUESTION_CARD_ID
from coach.screens.profile import ProfileScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from tests.ui.keyboard import burst, wait_until
from tests.ui.test_draft_preview import held_back
from tests.ui.test_rehearse import SIZE, app_on, loaded


async def test_keys_typed_right_after_ctrl_s_stay_in_the_draft_not_in_the_attempt(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        burst(pilot, "hello BEFORE", "ctrl+s", " AFTER")
        await wait_until(pilot, lambda: editor.text.endswith("AFTER"), "the last key")
        await pilot.pause()
        # The keys typed after the save went on into the draft, as typed.
        assert editor.text == "hello BEFORE AFTER"
        assert screen.drafts[QUESTION_CARD_ID] == "hello BEFORE AFTER"
    [attempt] = open_store(db_path).store.attempts()
    assert attempt.text == "hello BEFORE"
    assert open_store(db_path).store.drafts()[QUESTION_CARD_ID] == "hello BEFORE AFTER"


async def test_two_saves_in_one_burst_save_each_its_own_text(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        burst(pilot, "one", "ctrl+s", " two", "ctrl+s", " three")
        await wait_until(pilot, lambda: len(store.attempts()) == 2, "both attempts")
        await wait_until(pilot, lambda: editor.text.endswith("three"), "the last key")
    assert [a.text for a in open_store(db_path).store.attempts()] == ["one", "one two"]


async def test_a_burst_into_the_stand_in_saves_only_what_came_before_ctrl_s(
    db_path: Path,
) -> None:
    # Typing while coach starts: the keys land in the first frame's stand-in, before the
    # editor and the database are there.
    store = open_store(db_path).store
    app, waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        burst(pilot, "hello BEFORE", "ctrl+s", " AFTER")
        await wait_until(pilot, lambda: bool(store.attempts()), "the saved attempt")
        for callback in waiting:
            callback()
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.text.endswith("AFTER"), "the last key")
        assert editor.text == "hello BEFORE AFTER"
    [attempt] = open_store(db_path).store.attempts()
    assert attempt.text == "hello BEFORE"


async def test_the_editors_own_keys_in_a_burst_take_effect_at_their_turn(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        burst(pilot, "abc", "left", "left", "XY", "end", "!")
        await wait_until(pilot, lambda: editor.text.endswith("!"), "the last key")
        assert editor.text == "aXYbc!"


async def test_keys_typed_after_one_that_opens_a_dialog_go_to_the_dialog(db_path: Path) -> None:
    # "draft", ctrl+o (the profile), "Python", ctrl+s in one burst: the keys after ctrl+o were
    # already on their way to the editor when the dialog opened. "Python" went into the
    # draft under the dialog, and the dialog never saw its ctrl+s.
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.has_focus, "the editor")
        burst(pilot, "draft", "ctrl+o")
        app.post_message(events.Paste("Go, "))  # a paste in the burst goes the same way
        burst(pilot, "Python", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.profile().strengths), "the profile saved")
        await wait_until(pilot, lambda: app.screen is screen, "the dialog closed")
        assert editor.text == "draft"
    [strength] = open_store(db_path).store.profile().strengths
    assert strength.text == "Go, Python"


async def test_keys_typed_in_a_burst_into_a_dialog_are_saved_by_its_ctrl_s(
    db_path: Path,
) -> None:
    # The dialog's ctrl+s was a priority key: it ran before the text typed ahead of it.
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the dialog")
        await wait_until(pilot, lambda: app.screen.focused is not None, "its focus")
        burst(pilot, "Python", "ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, ProfileScreen), "the save")
    assert [s.text for s in open_store(db_path).store.profile().strengths] == ["Python"]


async def test_keys_after_a_dialog_opened_from_the_stand_in_go_to_the_dialog(
    db_path: Path,
) -> None:
    # The same burst while coach starts: the keys land in the first frame's stand-in.
    store = open_store(db_path).store
    app, waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        burst(pilot, "draft", "ctrl+o", "Python", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.profile().strengths), "the profile saved")
        for callback in waiting:
            callback()
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.text == "draft", "the draft")
    [strength] = open_store(db_path).store.profile().strengths
    assert strength.text == "Python"
