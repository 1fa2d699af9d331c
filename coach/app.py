"""The application shell: two peer screens (modes), help, the command palette. Nothing more.

The screens get the Store from here through their constructors; the App itself never reads or
writes data beyond handing the Store on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from coach.storage import Store

ScreenName = Literal["rehearse", "rate"]


class CoachApp(App[None]):
    """coach: rehearse the closing question, rate the interview."""

    TITLE = "coach"
    CSS_PATH = "coach.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "switch_mode('rehearse')",
            "Rehearse",
            id="rehearse",
            tooltip="The evening before: practise the closing question and your pitch.",
        ),
        Binding(
            "f3",
            "switch_mode('rate')",
            "Rate",
            id="rate",
            tooltip="Right after: record what you observed and get a rating.",
        ),
        Binding("f1,question_mark", "help", "Help", id="help", tooltip="Every key, on one page."),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Quit coach. Everything saved stays on this machine.",
        ),
    ]

    def __init__(
        self, store: Store, *, problem: str | None = None, first_screen: ScreenName = "rehearse"
    ) -> None:
        """Build the app.

        Args:
            store: Where everything is saved; handed on to each screen.
            problem: A sentence about the database to show at start (a corrupt file was set
                aside, say); None when all is well.
            first_screen: The screen shown first.
        """
        super().__init__()
        self.store = store
        self.problem = problem
        self.first_screen = first_screen
        # Modes are built on first use, so the Rate screen costs nothing until it is opened.
        self.add_mode("rehearse", self._build_rehearse)
        self.add_mode("rate", self._build_rate)

    def _build_rehearse(self) -> Screen[None]:
        from coach.screens.rehearse import RehearseScreen

        return RehearseScreen(self.store)

    def _build_rate(self) -> Screen[None]:
        from coach.screens.rate import RateScreen

        return RateScreen(self.store)

    async def on_mount(self) -> None:
        await self.switch_mode(self.first_screen)
        if self.problem:
            from coach.screens.notice import NoticeScreen

            await self.push_screen(NoticeScreen("Your database needs attention", self.problem))

    def action_help(self) -> None:
        """Show every key of the app and the current screen."""
        from coach.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Rehearse screen",
            "Practise the closing question and pitch responses (F2)",
            lambda: self.run_action("switch_mode('rehearse')"),
        )
        yield SystemCommand(
            "Rate screen",
            "Rate an interview from what you observed (F3)",
            lambda: self.run_action("switch_mode('rate')"),
        )
        yield SystemCommand("Help", "Every key, on one page (F1 or ?)", self.action_help)
        yield from super().get_system_commands(screen)
