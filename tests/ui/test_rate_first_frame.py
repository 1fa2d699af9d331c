"""Rate's first frame draws the first section's rows after Company in one light stand-in
(``FormPreview``); the real rows take its place just after. A user must not see the swap: the
stand-in is compared here, cell by cell (characters and colours), with the rows that replace
it, at each width the form has (wide labels, narrow labels, no calibration panel), for a new
form and for restored drafts (a stage picked, a role too long for its field, a control
character). Keys typed before the swap land where they would have.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.strip import Strip

from coach.app import CoachApp
from coach.screens.rate import RateScreen
from coach.screens.rate_draft import DRAFT_KEY
from coach.screens.rehearse import RehearseScreen
from coach.store.drafts import drafts_path
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.debounce import Delays
from coach.widgets.form_preview import FormPreview
from coach.widgets.interview_form import InterviewForm
from coach.widgets.safe_input import SafeInput
from tests.ui.keyboard import wait_until
from tests.ui.test_rate import NOV_20
from tests.ui.test_textual_privates import screen_strips

Cell = tuple[str, object, object, bool | None, bool | None, bool | None]

DRAFTS = {
    "new": None,
    "filled": {"company": "Globex", "role": "Analyst", "stage": "onsite", "time": "14:30"},
    "long and odd": {
        "company": "Initech",
        "role": "Principal engineer, platform \x07infrastructure and developer tooling " * 3,
        "stage": "final",
        "date": "2026-11-31",
        "time": "[bold]9[/]",
    },
}


def held_back(store: Store) -> tuple[CoachApp, list[Callable[[], object]]]:
    """Rate first, its after-first-frame work held until the test runs it."""
    app = CoachApp(store, first_screen="rate", clock=lambda: NOV_20, delays=Delays.none())
    waiting: list[Callable[[], object]] = []
    app.after_first_frame = waiting.append  # type: ignore[method-assign,assignment]
    return app, waiting


def with_draft(db_path: Path, values: dict[str, str] | None) -> Store:
    open_store(db_path).store.close()
    if values is not None:
        draft = json.dumps({"values": values, "editing": None})
        drafts_path(db_path).write_text(json.dumps({DRAFT_KEY: draft}), encoding="utf-8")
    return open_store(db_path).store


def cells(strip: Strip, start: int, end: int) -> list[Cell]:
    """What each cell of ``strip`` from ``start`` to ``end`` shows: its character and look."""
    out: list[Cell] = []
    for segment in strip.crop(start, end):
        style = segment.style
        for char in segment.text:
            if style is None:
                out.append((char, None, None, None, None, None))
            else:
                # A blank cell's text colour shows only reversed: not part of its look.
                color = style.color if char != " " or style.reverse else None
                out.append((char, color, style.bgcolor, style.bold, style.dim, style.reverse))
    return out


@pytest.mark.parametrize("width", [120, 90, 70])
@pytest.mark.parametrize("draft", list(DRAFTS))
async def test_the_stand_in_draws_what_the_rows_replacing_it_draw(
    db_path: Path, width: int, draft: str
) -> None:
    app, waiting = held_back(with_draft(db_path, DRAFTS[draft]))
    # Tall enough for the whole form: no scrollbar comes with the later sections.
    async with app.run_test(size=(width, 90)) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await pilot.pause()  # laid out at its width (a narrow screen narrows the labels)
        preview = screen.query_one(FormPreview)
        assert not screen.query("#f-role")  # the real rows are not there yet
        form = screen.query_one(InterviewForm)
        region = preview.region
        assert region.height >= 4
        at = region.y - form.region.y  # the list above the form fills in later: it may move
        before = screen_strips(app)[region.y : region.bottom]

        for callback in waiting:
            callback()
        await wait_until(pilot, lambda: screen.ready, "the rows")
        assert not screen.query(FormPreview)
        role = screen.query_one("#row-role").region
        assert (role.x, role.y - form.region.y) == (region.x, at)
        after = screen_strips(app)[role.y : role.y + region.height]
        for y, (first, then) in enumerate(zip(before, after, strict=True)):
            assert cells(first, region.x, region.right) == cells(then, region.x, region.right), (
                f"line {y} of the stand-in differs from the rows at {width} columns"
            )


async def test_keys_typed_before_the_rows_arrive_go_where_they_would(db_path: Path) -> None:
    """Company is real and focused on the first frame; a Tab there builds the real rows at
    once and goes on to Role, as it would on a form already whole."""
    store = with_draft(db_path, None)
    app, waiting = held_back(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await pilot.press(*"Acme", "tab", *"Analyst", "tab", "right")
        form = screen.query_one(InterviewForm)
        await wait_until(pilot, lambda: form.values()["stage"] == "phone", "the stage")
        assert not screen.query(FormPreview)
        assert form.values()["company"] == "Acme"
        assert form.values()["role"] == "Analyst"
        for callback in waiting:
            callback()
        await wait_until(pilot, lambda: screen.ready, "the list")
        assert form.values()["role"] == "Analyst"  # nothing built twice or emptied
        assert len(screen.query("#f-role")) == 1


@pytest.mark.parametrize(
    ("width", "rate", "rehearse"),
    [(80, "-narrow", "-narrow"), (70, "-slim", "-narrow"), (120, "-wide", "-wide")],
)
async def test_a_screen_has_its_width_class_as_it_is_built(
    store: Store, width: int, rate: str, rehearse: str
) -> None:
    """Textual gives a screen its breakpoint class at its first Resize, after the first frame:
    at 80 columns the first frame had the wide labels, then narrowed them."""
    app = CoachApp(store, first_screen="rate", clock=lambda: NOV_20, delays=Delays.none())
    async with app.run_test(size=(width, 30)):
        screen = app.screen
        assert isinstance(screen, RateScreen)
        # Built now, never shown, never resized: only its constructor can have set it.
        fresh = RateScreen(store, lambda: NOV_20, lambda: screen.rubric)
        assert fresh.has_class(rate)
        assert RehearseScreen(store, lambda: NOV_20, Delays.none()).has_class(rehearse)


async def test_a_compact_field_is_compact_from_its_constructor() -> None:
    async with App[None]().run_test():
        field = SafeInput("x", compact=True)
        assert field.compact and field.has_class("-textual-compact")
        assert not SafeInput("x").has_class("-textual-compact")
