"""The first frame shows the draft in a light stand-in; the editor takes over just after.

These tests hold back what the app does after its first frame, so they can act in the moment
between the two, the way a fast typist (or a paste) could at start-up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import TextArea

import coach.app
from coach.app import CoachApp
from coach.content.loader import load_deck
from coach.domain.cards import QUESTION_CARD_ID
from coach.screens.profile import ProfileScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.debounce import Delays
from coach.widgets.draft_preview import DraftPreview
from tests.ui.keyboard import wait_until
from tests.ui.test_rehearse import NOON, loaded

SIZE = (120, 36)


def held_back(
    store: Store, delays: Delays | None = None
) -> tuple[CoachApp, list[Callable[[], object]]]:
    """An app whose after-first-frame work waits until the test runs it (coaching and
    autosave, which need none of it, come at once unless ``delays`` says otherwise)."""
    app = CoachApp(store, clock=lambda: NOON, delays=delays or Delays.none())
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


@pytest.mark.parametrize(("turns", "pause"), [(0, 0.0), (2, 0.0), (4, 0.0), (1, 0.001), (3, 0.002)])
async def test_keys_typed_across_the_hand_over_arrive_whole_and_in_order(
    store: Store, turns: int, pause: float
) -> None:
    # A fast typist (or a terminal replaying buffered input) straddling the moment the
    # editor takes over: keys land in the stand-in, then in the editor, and none in between
    # is lost or reordered.
    app, waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        sent = "".join("abcdefghij"[i % 10] for i in range(40))

        async def typist() -> None:
            for character in sent:
                app.post_message(events.Key(character, character))
                await asyncio.sleep(pause)

        typing = asyncio.create_task(typist())
        for _ in range(turns):
            await asyncio.sleep(0)
        for callback in waiting:
            callback()
        await typing
        await loaded(pilot)
        await wait_until(pilot, lambda: not screen.query(DraftPreview), "the editor")
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.text == sent, "every key, in order")
        # The draft kept for a quit hears of the last key through the editor's message.
        await wait_until(pilot, lambda: screen.drafts[QUESTION_CARD_ID] == sent, "the draft")


class TypesAtReady(CoachApp):
    """Keys arrive the moment the app is ready, as when someone types while it starts."""

    # A subclass in another folder: its stylesheet path must not be read relative to here.
    CSS_PATH = str(Path(coach.app.__file__).with_name("coach.tcss"))

    def on_ready(self) -> None:
        for character in "xyz":
            self.post_message(events.Key(character, character))
        super().on_ready()


async def test_starting_on_another_card_keys_go_to_that_cards_draft(
    store: Store, db_path: Path
) -> None:
    _categories, deck = load_deck()
    card = deck[3].id
    store.save_draft("rehearse.card", card)
    store.save_draft(card, "My answer")
    app = TypesAtReady(store, clock=lambda: NOON)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await loaded(pilot)
        editor = screen.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.text == "My answerxyz", "the keys")
        assert editor.has_focus
        await wait_until(pilot, lambda: screen.drafts[card] == "My answerxyz", "the draft")
        assert QUESTION_CARD_ID not in screen.drafts
    assert open_store(db_path).store.drafts()[card] == "My answerxyz"


@pytest.mark.parametrize("last_card", ["question", "another"])
async def test_the_stand_in_and_the_editor_never_share_a_frame(
    store: Store, monkeypatch: pytest.MonkeyPatch, last_card: str
) -> None:
    if last_card == "another":
        store.save_draft("rehearse.card", load_deck()[1][3].id)
    shared: list[int] = []
    frames = [0]
    display = App._display

    def watch(self: App[None], screen: Screen[None], renderable: object) -> None:
        frames[0] += 1
        shown = [
            widget
            for widget in screen.query("#draft, #draft-preview")
            if widget.display and widget.region
        ]
        if len(shown) > 1:
            shared.append(frames[0])
        display(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", watch)
    app = CoachApp(store, clock=lambda: NOON, delays=Delays.none())
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        # Once the stand-in is gone, every frame that could have shown both has been drawn.
        await wait_until(pilot, lambda: not app.screen.query(DraftPreview), "the hand-over")
    assert frames[0] > 2
    assert shared == []


async def test_a_paste_with_carriage_returns_becomes_lines(store: Store) -> None:
    app, waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        app.post_message(events.Paste("Hi\rthere\r\nyou"))
        await pilot.pause()
        assert screen.query_one(DraftPreview).text == "Hi\nthere\nyou"
        for callback in waiting:
            callback()
        await loaded(pilot)
        await wait_until(pilot, lambda: not screen.query(DraftPreview), "the editor")
        await pilot.press("enter", "x")
        assert screen.query_one("#draft", TextArea).text == "Hi\nthere\nyou\nx"


async def test_a_long_draft_shows_its_end_like_the_editor() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DraftPreview("\n".join(f"line {n}" for n in range(1, 21)), id="p")

    app = One()
    async with app.run_test(size=(40, 7)) as pilot:  # 5 lines inside the border
        await pilot.pause()
        shown = str(app.query_one(DraftPreview).render()).splitlines()
        assert shown[0] == "line 16"
        assert shown[-1].rstrip() == "line 20"


async def test_a_dialog_opened_at_once_leaves_the_editor_focused_on_return(
    store: Store,
) -> None:
    app, waiting = held_back(store)
    async with app.run_test(size=SIZE) as pilot:
        rehearsing = app.screen
        await pilot.press("ctrl+o")  # the profile editor, before the editor has arrived
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        for callback in waiting:
            callback()
        editor = rehearsing.query_one("#draft", TextArea)
        await wait_until(pilot, lambda: editor.is_mounted, "the editor")
        await pilot.pause()
        assert not editor.has_focus  # no cursor blinking behind the dialog
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is rehearsing, "the dialog to close")
        await wait_until(pilot, lambda: not rehearsing.query(DraftPreview), "the stand-in to go")
        assert editor.has_focus
        await pilot.press("o", "k")
        assert editor.text == "ok"
