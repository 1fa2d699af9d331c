"""Textual's private names that coach relies on, checked by name: a Textual upgrade that changes
one fails here, saying which, instead of somewhere obscure (or nowhere, with a control character
drawn raw). This is the only module in tests/ that touches them; the reasons are below.

Coach (``coach/``) relies on:

- ``App._modes`` (``coach/app.py``, ``CoachApp.on_mount``): Textual has no public way back to
  its default mode (``App.DEFAULT_MODE``, "_default"), which holds the first screen shown.
  Coach registers it in ``_modes`` so that f2/f3 can switch back to that screen.
- ``MessagePump._mounted_event`` (``coach/widgets/key_order.py``, ``pass_on``): Textual has no
  public awaitable for "mounted". A key typed just after one that opened a dialog waits on it
  so that it reaches the dialog in the order typed.
- ``Input._value``, ``Input._position_to_cell``, ``Input._cell_offset_to_index``
  (``coach/widgets/safe_input.py``, ``SafeInput``): Input draws its value, places its cursor
  and maps a click through these. They are overridden so that a control character is drawn
  visibly, one cell for one character.
- ``Document._lines``, ``Document._newline`` (``coach/widgets/safe_fields.py``,
  ``ShownDocument``): the lines and line end from which a Document gives back its text, its
  edits and its undo. ``ShownDocument`` splits at one line end only, so a text comes back
  exactly as it was loaded.
- ``TextArea._set_document``, ``TextArea._rewrap_and_refresh_virtual_size`` (``SafeTextArea``,
  same module): every new text (constructor, ``load_text``, ``text =``) comes into a TextArea
  through ``_set_document``. It is overridden to put the ``ShownDocument`` in, then re-wrap.
- ``TextArea._on_key``, ``TextArea._on_paste`` (``coach/widgets/draft_editor.py``): the
  DraftEditor's own ``_on_key``/``_on_paste`` run before these (a subclass's handler comes first)
  and stop them for a key whose binding runs in order, or for a paste that is refused.
- textual-serve's ``Server._make_app`` (``coach/cli/serve_guard.py``, ``GuardedServer``):
  ``Server.serve`` builds its web app there. It is overridden to put the app behind the token.

The tests rely on:

- ``textual.keys._character_to_key``: ``tests.ui.keyboard.key_name`` names a typed character's
  key from Textual's public tables, and must name it as Textual's drivers do.
- ``App._display``, ``App._batch_count`` (``tests/benchmarks/apps.py``): the benchmark's
  programs see their first frame there (headless Textual writes none).
- ``Screen._compositor`` (``screen_strips`` below, for ``tests/ui/test_rate_first_frame.py``):
  the screen as drawn, cell by cell with its colours. A screenshot (SVG) names its colours
  afresh each time, so two cannot be compared a region at a time.
"""

from __future__ import annotations

import asyncio
import inspect
import string
from typing import Any

import pytest
from textual.app import App, ComposeResult, UnknownModeError
from textual.keys import _character_to_key
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Input, Static, TextArea
from textual.widgets.text_area import Document

from coach.app import DEFAULT
from tests.ui.keyboard import key_name


def screen_strips(app: App[Any]) -> list[Strip]:
    """The screen on top as drawn now, one Strip per line."""
    return app.screen._compositor.render_strips()


class TwoModes(App[None]):
    """An app with one mode of its own besides the default, as coach has."""

    MODES = {"other": lambda: Screen(id="other")}  # noqa: RUF012 - as Textual declares it

    def compose(self) -> ComposeResult:
        yield Static("first", id="first")


async def test_the_default_mode_is_reached_again_only_through_modes() -> None:
    assert DEFAULT == App.DEFAULT_MODE
    app = TwoModes()
    async with app.run_test() as pilot:
        first = app.screen
        await app.switch_mode("other")
        with pytest.raises(UnknownModeError):  # why coach registers it
            app.switch_mode(DEFAULT)
        app._modes[DEFAULT] = app.get_default_screen  # as CoachApp.on_mount does
        await app.switch_mode(DEFAULT)
        await pilot.pause()
        assert app.screen is first


async def test_a_widget_is_mounted_when_its_mounted_event_is_set() -> None:
    app = TwoModes()
    async with app.run_test() as pilot:
        late = Static("late")
        assert isinstance(late._mounted_event, asyncio.Event)
        assert not late._mounted_event.is_set()
        await app.screen.mount(late)
        await asyncio.wait_for(late._mounted_event.wait(), timeout=10)
        await pilot.pause()
        assert late.is_mounted


def test_input_draws_and_measures_through_the_names_safe_input_overrides() -> None:
    assert isinstance(vars(Input)["_value"], property)
    source = inspect.getsource(Input)
    for name in ("self._value", "self._position_to_cell(", "self._cell_offset_to_index("):
        assert name in source, f"Input no longer uses {name}"


def test_a_document_gives_back_its_text_from_lines_and_newline() -> None:
    document = Document("one\r\ntwo")
    assert (document._lines, document._newline) == (["one", "two"], "\r\n")
    document._lines = ["three", "four"]  # what ShownDocument sets: read back from there
    assert document.text == "three\r\nfour"
    assert document.get_text_range((0, 0), (1, 2)) == "three\r\nfo"


def test_every_new_text_comes_into_a_text_area_through_set_document() -> None:
    parameters = list(inspect.signature(TextArea._set_document).parameters)
    assert parameters == ["self", "text", "language"]
    for way_in in (TextArea.__init__, TextArea.load_text):
        assert "self._set_document(" in inspect.getsource(way_in), way_in.__name__
    assert callable(TextArea._rewrap_and_refresh_virtual_size)


def test_text_area_handles_keys_and_pastes_in_the_handlers_the_draft_editor_precedes() -> None:
    assert "_on_key" in vars(TextArea)
    assert "_on_paste" in vars(TextArea)


def test_textual_serve_builds_its_site_where_the_guard_expects() -> None:
    server = pytest.importorskip("textual_serve.server", reason="textual-serve not installed")
    # If textual-serve built its app elsewhere, the token guard would be skipped.
    assert "self._make_app()" in inspect.getsource(server.Server.serve)
    assert "handle_websocket" in inspect.getsource(server.Server._make_app)


def test_keys_are_named_as_textual_names_them() -> None:
    for character in string.printable + "é€—😀\x7f":
        assert key_name(character) == _character_to_key(character), repr(character)


def test_the_app_hands_its_frames_where_the_benchmark_looks() -> None:
    parameters = list(inspect.signature(App._display).parameters)
    assert parameters == ["self", "screen", "renderable"]
    assert TwoModes()._batch_count == 0


async def test_the_screen_is_drawn_line_by_line_where_screen_strips_reads_it() -> None:
    app = TwoModes()
    async with app.run_test(size=(30, 4)):
        lines = screen_strips(app)
        assert len(lines) == 4
        assert lines[0].text.startswith("first")
        assert all(line.cell_length == 30 for line in lines)
