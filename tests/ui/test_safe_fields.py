"""The editors show every character of a hostile value, line up with what they show, and give
back exactly what was loaded when the user does not edit it; a long company is quoted short.

Issue 11's review: ``SafeTextArea`` wrapped on the raw text (an ESC measures no cell, its
picture one), so the end of a line past the edge was never shown; ``SafeInput`` placed its
cursor by the raw value, and Rich dropped BEL, BS, VT, FF and CR before they could be shown.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import Input, Static, TextArea

from coach.app import CoachApp
from coach.domain.models import Interview
from coach.render.safe import editor_line, visible
from coach.screens.confirm import ConfirmScreen
from coach.store.opening import open_store
from coach.widgets.safe_fields import SafeInput, SafeTextArea, ShownDocument
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.unit.hostile_data import HOSTILE, raw_controls

LONG_LINE = "a" + "\x1b" * 40 + "END of line one\nsecond"
LONG_VALUE = "b" + "\x07" * 40 + "INPUTEND"
ODD_LINES = "first\x0cpage\r\nsecond\nline\u2028sep\x1c\rlast\r\n"
"""Form feed, a lone LF and a lone CR in a CRLF text, U+2028, a file separator: Textual's own
document splits at each and joins them back with CRLF."""
NOV_20 = datetime(2026, 11, 20, 18, 0, tzinfo=timezone(timedelta(hours=1)))


class Fields(App[None]):
    CSS = "SafeTextArea { width: 30; height: 8; } SafeInput { width: 30; }"

    def __init__(self, text: str = LONG_LINE, value: str = LONG_VALUE) -> None:
        super().__init__()
        self.text, self.value = text, value

    def compose(self) -> ComposeResult:
        yield SafeTextArea(self.text, soft_wrap=True, id="area")
        yield SafeInput(self.value, id="input")


def rows(widget: TextArea | Input) -> list[str]:
    """What the widget draws, row by row of its content, cut where the screen cuts it."""
    width, height = widget.content_region.size
    return [widget.render_line(y).crop(0, width).text for y in range(height)]


async def test_a_long_line_of_escapes_wraps_as_it_is_shown() -> None:
    app = Fields()
    async with app.run_test(size=(60, 14)) as pilot:
        area = app.query_one("#area", SafeTextArea)
        await pilot.pause()
        drawn = "".join(rows(area)).replace(" ", "")  # wrapped at the spaces
        # Every character drawn, in order: it was "a␛…␛" (25 of them), then "second".
        assert drawn == editor_line(LONG_LINE.split("\n")[0]).replace(" ", "") + "second"
        assert raw_controls(drawn) == set()

        # A click on the "E" of END puts the cursor on it.
        y, row = next((y, row) for y, row in enumerate(rows(area)) if "END" in row)
        region = area.content_region
        await pilot.click(offset=(region.x + row.index("END"), region.y + y))
        assert area.cursor_location == (0, 41)
        assert area.text == LONG_LINE  # the data, untouched


async def test_an_input_shows_and_places_its_cursor_on_what_it_draws() -> None:
    app = Fields()
    async with app.run_test(size=(60, 14)) as pilot:
        field = app.query_one("#input", SafeInput)
        field.focus()
        await pilot.press("end")
        await pilot.pause()
        (row,) = rows(field)
        # The BELs are shown (Rich used to drop them), and the end of the value is in view.
        assert "\u2407\u2407INPUTEND" in row
        region = field.content_region
        await pilot.click(offset=(region.x + row.index("INPUTEND") + len("INPUT"), region.y))
        assert field.cursor_position == len(LONG_VALUE) - len("END")  # on the "E" clicked
        assert field.value == LONG_VALUE


async def test_an_editor_gives_back_every_line_end_as_loaded() -> None:
    app = Fields(text=ODD_LINES, value="x\ry\nz\x0c")
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.pause()
        area = app.query_one("#area", SafeTextArea)
        assert area.text == ODD_LINES  # it was: every one of them turned into "\r\n"
        assert area.document.line_count == 3  # split at its own line end only
        assert raw_controls("".join(rows(area))) == set()
        assert "first\u240cpage" in rows(area)[0]
        field = app.query_one("#input", SafeInput)
        assert field.value == "x\ry\nz\x0c"
        assert "x y z\u240c" in rows(field)[0]


async def test_an_interview_saved_unedited_keeps_every_character(db_path: Path) -> None:
    store = open_store(db_path).store
    company = "Ev\x1b]0;PWNED\x07il" + "\u200b"
    store.save_interview(
        Interview(company, "Le\x0cad", held_at="2026-11-01", closing_answer=ODD_LINES.strip())
    )
    (before,) = store.interviews()
    app = CoachApp(store, first_screen="rate", clock=lambda: NOV_20)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "ready", False), "the list")
        app.screen.query_one("#interview-table").focus()
        await pilot.press("enter")  # into the form
        await pilot.pause()
        assert app.screen.query_one("#f-company", Input).value == company
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")), "the toast")
    (after,) = store.interviews()
    assert after == before  # not one character changed by passing through the editors
    store.close()


async def test_a_long_company_is_quoted_short(db_path: Path) -> None:
    store = open_store(db_path).store
    company = "Acme " * 190 + "END"  # within the 1,000 characters a name may have
    store.save_interview(Interview(company, "Lead", held_at="2026-11-01"))
    app = CoachApp(store, first_screen="rate", clock=lambda: NOV_20)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "ready", False), "the list")
        app.screen.query_one("#interview-table").focus()
        await pilot.press("enter")
        await pilot.pause()
        title = text_of(app.screen.query_one("#form-title", Static))
        assert title.startswith("Editing: Acme Acme") and len(title) < 60  # it was 1,009

        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")), "the toast")
        (toast,) = app.screen.query("Toast")
        said = str(toast.render())
        assert said.count("Acme") < 10 and "…" in said  # "Interview saved": it had 200

        await pilot.press("ctrl+d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        question = " ".join(text_of(w) for w in app.screen.query(Static))
        assert question.count("Acme") < 10 and "Delete Acme" in question
        await pilot.press("y")
        await wait_until(pilot, lambda: not store.interviews(), "the delete")
        await wait_until(
            pilot,
            lambda: any("Deleted" in str(t.render()) for t in app.screen.query("Toast")),
            "the toast",
        )
        deleted = next(
            str(t.render()) for t in app.screen.query("Toast") if "Deleted" in str(t.render())
        )
        assert deleted.count("Acme") < 10
    store.close()


def test_the_hostile_text_is_one_character_for_one_in_an_editor_line() -> None:
    for line in HOSTILE.split("\r\n"):
        assert len(editor_line(line)) == len(line)
        assert raw_controls(editor_line(line).replace("\t", "")) == set()
    assert visible("\x1b") == editor_line("\x1b")


@given(st.text() | st.text(st.sampled_from(list("ab\r\n\x0c\x1b\u2028\t"))))
def test_a_document_gives_back_any_text_and_shows_every_line_in_full(text: str) -> None:
    document = ShownDocument(text)
    assert document.text == text
    for index, line in enumerate(document.lines):
        stored = document.get_text_range((index, 0), (index, len(line)))
        assert len(line) == len(stored)  # one for one: a column is the same in both
        assert raw_controls(line.replace("\t", "")) == set()


def test_a_stray_windows_line_end_stays_in_its_line() -> None:
    document = ShownDocument("one\ntwo\r\nthree\nfour")  # mostly "\n": split there
    assert document.lines == ["one", "two\u240d", "three", "four"]
    assert document.newline == "\n"
    assert ShownDocument("a\r\nb\r\nc\nd").lines == ["a", "b", "c\u240ad"]
