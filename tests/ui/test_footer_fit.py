"""The Footer: the same keys in the same order at every redraw, and the keys that matter
whole at 80 columns, F1 Help among them."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from coach.store.opening import open_store
from tests.ui.keyboard import footer_keys, wait_until
from tests.ui.test_rehearse import app_on, loaded

NARROW = (80, 24)


def shown(app: App[None]) -> list[str]:
    """The keys, left to right, without the command palette's (docked on the right)."""
    keys = footer_keys(app.screen)
    return [says for says, key in keys.items() if not key.has_class("-command-palette")]


def whole(app: App[None]) -> list[str]:
    """The keys drawn whole: left of the command palette's key, inside the screen."""
    keys = footer_keys(app.screen)
    palette = app.screen.query_one("Footer .-command-palette").region.x
    return [
        says for says, key in keys.items() if key.region.right <= palette and says in shown(app)
    ]


async def settled(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_the_order_stays_the_same_whatever_has_the_focus(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        await settled(pilot)
        first = shown(app)
        app.screen.query_one("#card-list").focus()
        await settled(pilot)
        assert shown(app) == first
        app.screen.set_focus(None)
        await settled(pilot)
        assert shown(app) == first
        app.screen.query_one("#draft").focus()
        await settled(pilot)
        assert shown(app) == first


async def test_rehearse_keys_fit_80_columns(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        await settled(pilot)
        assert whole(app) == shown(app)
        assert {"Save", "Next", "Help", "Rate", "Progress"} <= set(whole(app))


async def test_rate_keys_fit_80_columns(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: "Rehearse" in shown(app), "the Rate screen")
        await settled(pilot)
        assert whole(app) == shown(app)
        assert {"Save", "New", "Help", "Rehearse", "Progress"} <= set(whole(app))


async def test_rate_keys_keep_their_order_as_the_focus_moves(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: "Rehearse" in shown(app), "the Rate screen")
        app.screen.query_one("#f-company").focus()  # an Input: it binds ctrl+d too
        await settled(pilot)
        before = shown(app)
        app.screen.set_focus(None)
        await settled(pilot)
        assert shown(app) == before
