"""The Footer is rebuilt when its keys change, and only then."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from coach.app import CoachApp
from coach.store.store import Store
from coach.widgets.steady_footer import SteadyFooter
from tests.ui.test_rehearse import loaded


def keys(app: App[None]) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


async def test_moving_the_focus_keeps_the_same_keys(store: Store) -> None:
    app = CoachApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        before = keys(app)
        assert [key.description for key in before][:3] == ["Save", "Next card", "Stopwatch"]
        await pilot.press("tab")  # from the draft to the next panel
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        after = keys(app)
        assert all(a is b for a, b in zip(before, after, strict=True))  # not rebuilt


class Toggle(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "extra", "Extra")]
    shown = False

    def compose(self) -> ComposeResult:
        yield Input()
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.shown if action == "extra" else True


async def test_a_key_that_appears_is_shown() -> None:
    app = Toggle()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert "Extra" not in [key.description for key in keys(app)]
        app.shown = True
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert "Extra" in [key.description for key in keys(app)]
