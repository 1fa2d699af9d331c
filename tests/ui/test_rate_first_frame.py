"""Rate's first frame draws the first section's rows after Company in one light stand-in
(``FormPreview``); the real rows take its place just after. A user must not see the swap: the
stand-in is compared here, cell by cell (characters and colours), with the rows that replace
it, at each width the form has (wide labels, narrow labels, no calibration panel) and in the
ANSI themes, for a new form and for restored drafts (a stage picked, a role too long for its
field, a control character); and every frame drawn during the swap is recorded. Keys typed
before the swap land where they would have.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import RenderableType
from textual.app import App
from textual.screen import Screen
from textual.strip import Strip

from coach.app import THEME_KEY, CoachApp
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


def with_draft(db_path: Path, values: dict[str, str] | None, theme: str = "") -> Store:
    open_store(db_path).store.close()
    drafts: dict[str, str] = {THEME_KEY: theme} if theme else {}
    if values is not None:
        drafts[DRAFT_KEY] = json.dumps({"values": values, "editing": None})
    drafts_path(db_path).write_text(json.dumps(drafts), encoding="utf-8")
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


@pytest.mark.parametrize(
    ("width", "theme"), [(120, ""), (90, ""), (70, ""), (120, "ansi-dark"), (80, "ansi-light")]
)
@pytest.mark.parametrize("draft", list(DRAFTS))
async def test_the_stand_in_draws_what_the_rows_replacing_it_draw(
    db_path: Path, width: int, theme: str, draft: str
) -> None:
    app, waiting = held_back(with_draft(db_path, DRAFTS[draft], theme))
    # Tall enough for the whole form: no scrollbar comes with the later sections.
    async with app.run_test(size=(width, 90)) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        assert app.theme == (theme or app.theme)
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
                f"line {y} of the stand-in differs from the rows at {width} columns {theme}"
            )


@pytest.mark.parametrize("how", ["after the first frame", "a tab first"])
async def test_no_frame_shows_the_rows_twice_or_not_at_all(db_path: Path, how: str) -> None:
    """The reviewer's case: the stand-in was taken away before the rows replacing it were
    mounted, and a frame or two showed nothing under Company."""
    app, waiting = held_back(with_draft(db_path, DRAFTS["filled"]))
    seen: list[int] = []
    both_or_neither: list[str] = []
    shown = app._display

    def display(screen: Screen[object], renderable: RenderableType | None) -> None:
        shown(screen, renderable)
        # Only frames a terminal gets: Textual drops those sent during a batch of updates.
        if renderable is None or app._batch_count or not isinstance(screen, RateScreen):
            return
        lines = [line.text for line in screen_strips(app)]
        seen.append(sum(line.lstrip().startswith("Role ") for line in lines))
        stand_in = any(preview.display for preview in screen.query(FormPreview))
        rows = screen.query("#row-role")
        real = bool(rows) and rows.first().region.height > 0
        if stand_in == real:
            both_or_neither.append(f"stand-in {stand_in}, rows {real}")

    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await pilot.pause()
        assert seen and seen[-1] == 1  # the stand-in's Role
        seen.clear()
        if how == "a tab first":
            await pilot.press("tab")
            await wait_until(pilot, lambda: not screen.query(FormPreview), "the rows")
        for callback in waiting:
            callback()
        await wait_until(pilot, lambda: screen.ready, "the rows")
        await pilot.pause()
    assert seen, "no frame was drawn while the rows came"
    assert set(seen) == {1}, f"Role lines in each frame: {seen}"
    assert not both_or_neither


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


async def test_a_compact_field_is_not_styled_for_being_compact() -> None:
    """Input restyles itself when its ``compact`` flag is set, in its constructor, on a field
    not even mounted yet (about 1 ms each, on Rate's first frame): a compact SafeInput is
    styled no more often than a plain one."""
    app = App[None]()
    async with app.run_test():
        styled: list[object] = []
        update = app.update_styles

        def counting(node: object, animate: bool = True) -> None:
            styled.append(node)
            update(node, animate=animate)  # type: ignore[arg-type]

        app.update_styles = counting  # type: ignore[method-assign]
        compact, plain = SafeInput("x", compact=True), SafeInput("x")
        assert styled.count(compact) == styled.count(plain)
        assert compact.compact and compact.has_class("-textual-compact")
        assert not plain.has_class("-textual-compact")


async def test_the_stand_in_draws_the_fields_values_while_it_is_still_shown(
    db_path: Path,
) -> None:
    """Between the rows' building and the stand-in leaving, the form is filled anew (a key, a
    new form): the stand-in, still drawn, shows what the fields now hold, not empty rows."""
    app, _waiting = held_back(with_draft(db_path, None))
    async with app.run_test(size=(120, 36)):
        screen = app.screen
        assert isinstance(screen, RateScreen)
        form = screen.query_one(InterviewForm)
        preview = screen.query_one(FormPreview)
        form.build_rest()
        form.set_values({"company": "Globex", "role": "Chief analyst", "stage": "panel"})
        drawn = preview.render().plain
        assert "Chief analyst" in drawn
        assert "YYYY-MM-DD" in drawn  # the date emptied, as the form now holds it
