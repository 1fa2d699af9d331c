"""The Footer is rebuilt when its keys change, and only then."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Input

from coach.app import CoachApp
from coach.store.store import Store
from coach.widgets.steady_footer import SteadyFooter
from tests.ui.keyboard import footer_keys
from tests.ui.test_rehearse import loaded


def keys(app: App[None]) -> dict[str, Widget]:
    return footer_keys(app.screen)


async def test_moving_the_focus_keeps_the_same_keys(store: Store) -> None:
    app = CoachApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        before = keys(app)
        assert list(before)[:4] == ["Save", "Next", "Exchange", "Timer"]
        await pilot.press("tab")  # from the draft to the next panel
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        after = keys(app)
        # Not rebuilt: the very same widgets.
        assert all(a is b for a, b in zip(before.values(), after.values(), strict=True))


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
        assert "Extra" not in keys(app)
        app.shown = True
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert "Extra" in keys(app)
