"""The Rate form before its later sections are built (they come just after the screen's first
frame): it is read and filled whole, and a key or a field that needs them builds them at once."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from coach.domain.interview_form import FIELDS
from coach.widgets.interview_form import LATER, InterviewForm
from tests.ui.keyboard import wait_until


class FormAlone(App[None]):
    """The form with no screen to build its later sections: they wait for a need."""

    def compose(self) -> ComposeResult:
        yield InterviewForm(id="rate-form")


async def test_values_are_whole_before_the_later_sections_exist() -> None:
    app = FormAlone()
    async with app.run_test() as pilot:
        form = app.query_one(InterviewForm)
        assert not form.query("#f-tone") and not form.complete
        values = dict.fromkeys(FIELDS, "") | {"company": "Acme", "tone": "positive"}
        form.set_values(values)
        assert form.values() == values
        form.build_rest()
        await pilot.pause()
        assert form.complete and form.values() == values
        assert str(form.query_one("#f-tone").render()).count("positive") == 1


async def test_tab_from_the_first_section_goes_on_to_the_next_field() -> None:
    app = FormAlone()
    async with app.run_test() as pilot:
        form = app.query_one(InterviewForm)
        form.focus_field("time")
        await pilot.pause()
        await pilot.press("tab", *"45")
        await wait_until(pilot, lambda: form.values()["scheduled_min"] == "45", "the minutes")
        assert form.complete and form.values()["time"] == ""


async def test_focusing_a_later_field_builds_it() -> None:
    app = FormAlone()
    async with app.run_test() as pilot:
        form = app.query_one(InterviewForm)
        form.focus_field(LATER[-1])
        await wait_until(pilot, lambda: app.focused is form.query_one(f"#f-{LATER[-1]}"), "focus")
        form.tell("reply_date", "Not a date.")
        assert isinstance(form.query_one("#f-reply_date"), Input)


@pytest.mark.parametrize(
    ("start", "expected", "key"),
    [
        ("role", "stage", "tab"),
        ("date", "time", "tab"),
        ("stage", "date", "tab"),
        ("time", "date", "shift+tab"),
    ],
)
async def test_tab_follows_the_order_on_screen_while_the_later_sections_are_built(
    start: str, expected: str, key: str
) -> None:
    """The reviewer's case: Tab from Role went to "Their answer" (the parser's order) when it
    came before the later sections were laid out, as right after F3 opens Rate."""
    app = FormAlone()
    async with app.run_test() as pilot:
        app.query_one(InterviewForm).focus_field(start)
        await pilot.pause()
        await pilot.press(key)
        await wait_until(
            pilot, lambda: app.focused is not None and app.focused.id != f"f-{start}", key
        )
        assert app.focused is not None and app.focused.id == f"f-{expected}"
