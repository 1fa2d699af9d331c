"""The application shell: two peer screens (modes), help, progress, themes, the palette.

The screens get the Store from here through their constructors; the App itself never reads or
writes data beyond handing the Store on.
"""

from __future__ import annotations

import contextlib
import gc
import random
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from coach.store.errors import StoreError
from coach.widgets.debounce import Delays

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.theme import Theme

    from coach.domain.rubric import Rubric
    from coach.store.api import StoreAPI

ScreenName = Literal["rehearse", "rate"]
DEFAULT = "_default"
"""Textual's mode for the default screen: here, the first screen shown."""
THEME_KEY = "ui.theme"
"""Remembers the theme picked in the command palette. It lives in the small drafts file, not
the database: the first frame must be drawn in it, and must not wait for the database."""
DEFAULT_THEME = "textual-dark"
PALETTE = "Command palette: switch screens, change the theme, quit."


def local_now() -> datetime:
    """The wall clock, time-zone aware (injectable so tests and snapshots are repeatable)."""
    return datetime.now().astimezone()


HERE = Path(__file__).parent


class CoachApp(App[None]):
    """coach: rehearse the closing question, rate the interview."""

    TITLE = "coach"
    # Whole paths: Textual reads a relative one beside the module of the running class, and
    # the demo's app (coach.demo.app) is a subclass in another folder.
    CSS_PATH = str(HERE / "coach.tcss")
    # In the Footer's order: help, then the screens by their keys. Quit is the palette's and
    # the help's (ctrl+q is the terminal's usual key): at 80 columns the Footer has no room.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", id="help", tooltip="Every key, on one page."),
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
        Binding(
            "f4",
            "progress",
            "Progress",
            id="progress",
            tooltip="Charts: rehearsal scores over time, interview ratings against outcomes.",
        ),
        Binding(
            "f6",
            "due",
            "Due",
            id="due",
            priority=True,  # a text box would take f6 as "select the line"
            tooltip="What is due today: replies, thank-you notes, check-ins, practice.",
        ),
        Binding(
            "f5",
            "show_saved",
            "Refresh",
            id="refresh",
            show=False,
            tooltip="Show what was saved elsewhere: another coach window, or coach import.",
        ),
        # Last in the Footer: "More" is shorter than Textual's "palette" (F6 fits 80 columns).
        Binding("ctrl+p", "command_palette", "More", show=False, priority=True, tooltip=PALETTE),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            show=False,
            priority=True,
            tooltip="Quit coach. Everything saved stays on this machine.",
        ),
    ]

    def __init__(
        self,
        store: StoreAPI,
        *,
        problem: str | None = None,
        first_screen: ScreenName = "rehearse",
        clock: Callable[[], datetime] = local_now,
        delays: Delays | None = None,
        rng: random.Random | None = None,
    ) -> None:
        """Build the app.

        Args:
            store: Where everything is saved; handed on to each screen. A ``LazyStore`` is
                opened right after the first frame, and any problem with it shown then.
            problem: A sentence about the database to show at start (a corrupt file was set
                aside, say); None when all is well.
            first_screen: The screen shown first.
            clock: Where "now" comes from.
            delays: The pauses after typing before coaching, rating and autosaving
                (``Delays.none()`` in tests).
            rng: Where the mock exchange's replies are drawn from (a seeded one in tests
                gives the same replies every run).
        """
        # A first screen is Textual's default screen, whose own stylesheet Textual does not
        # read: so the app reads it with its own (only the shared rules), and the other
        # screen's is read when that screen is first shown.
        super().__init__(css_path=[self.CSS_PATH, str(HERE / "screens" / f"{first_screen}.tcss")])
        self.store = store
        self.problem = problem
        self.first_screen = first_screen
        self.clock = clock
        self.delays = delays or Delays()
        self.rng = rng if rng is not None else random.Random()
        self.first_frame_shown = False
        self._waiting_for_first_frame: list[Callable[[], object]] = []
        self._rubric: Rubric | None = None
        # The first screen is Textual's default screen (get_default_screen), in the "_default"
        # mode; the other is a mode built on first use. Starting in a mode of our own instead
        # makes Textual re-parse every stylesheet and restyle the whole screen before the first
        # frame (about 40 ms; see docs/performance.md).
        other: ScreenName = "rate" if first_screen == "rehearse" else "rehearse"
        self.add_mode(other, lambda: self._build(other))
        self._restore_theme()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast, with any control character in it made visible.

        A toast may carry the user's text or a file's path (in an error message): an escape
        sequence there must not reach the terminal. Markup stays the caller's choice: coach's
        own calls with such text pass ``markup=False`` (a test checks), and Textual's own
        toasts keep theirs.
        """
        from coach.render.safe import visible

        super().notify(
            visible(message, lines=True),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    @property
    def rubric(self) -> Rubric:
        """The interview rubric, read from ``data/rubric.json`` when first needed (Rehearse
        never needs it) and handed to the screens that rate."""
        if self._rubric is None:
            from coach.content.rubric import load_rubric

            self._rubric = load_rubric()
        return self._rubric

    def get_default_screen(self) -> Screen[None]:
        return self._build(self.first_screen)

    @property
    def current_screen_name(self) -> ScreenName:
        """ "rehearse" or "rate": which of the two peer screens is showing."""
        if self.current_mode == DEFAULT:
            return self.first_screen
        return "rate" if self.current_mode == "rate" else "rehearse"

    def _build(self, name: ScreenName) -> Screen[None]:
        """A screen, imported and built on first use: Rate costs nothing until it is opened."""
        if name == "rate":
            from coach.screens.rate import RateScreen

            return RateScreen(self.store, self.clock, lambda: self.rubric, self.delays)
        from coach.screens.rehearse import RehearseScreen

        return RehearseScreen(self.store, self.clock, self.delays)

    # --- themes: any of Textual's, from the command palette, remembered across runs ----------

    def _restore_theme(self) -> None:
        saved = self.store.drafts().get(THEME_KEY)
        # A theme saved by another Textual version may not exist here: keep the default then.
        if saved and saved in self.available_themes:
            self.theme = saved

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self.store.drafts().get(THEME_KEY, DEFAULT_THEME):
            return
        try:
            self.store.save_draft(THEME_KEY, theme.name)
        except StoreError as error:
            self.notify(
                f"The theme is not remembered: {error}", severity="warning", timeout=8, markup=False
            )

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # Textual has no public way back to the "_default" mode, so it is registered as a mode
        # whose screen already exists (never built from here). Only now: registered before
        # start-up, it would send the first screen down the slow path described in __init__.
        self._modes[DEFAULT] = self.get_default_screen

    def on_ready(self) -> None:
        # Textual sends Ready after its first layout, and the App handles it only once
        # start-up's batch of updates is over (frames are held back until then): so the first
        # frame has gone to the terminal, and the deferred work can start.
        self._first_frame_shown()

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the first frame is on screen (soon after a refresh if it is
        already): how screens keep their heavy loading out of the way of the first frame."""
        if self.first_frame_shown:
            self.call_after_refresh(callback)
        else:
            self._waiting_for_first_frame.append(callback)

    def _first_frame_shown(self) -> None:
        self.first_frame_shown = True
        if not gc.isenabled():  # ``coach`` pauses the collector while it starts
            gc.enable()
        # The database opens now, with the screen already up (see coach.store.lazy).
        problem = self.store.ensure_open() or self.problem
        waiting, self._waiting_for_first_frame = self._waiting_for_first_frame, []
        for callback in waiting:
            callback()
        if problem:
            from coach.screens.notice import NoticeScreen

            self.push_screen(NoticeScreen("Your database needs attention", problem))

    def _quit_then(self, then: Callable[[], object]) -> None:
        """Run ``then`` now, or after the user agrees to lose what quitting would lose.

        Every screen that has a ``lost_on_quit()`` method is asked, not just the top one: a
        dialog (the profile editor, say) can sit over a screen with a draft, and the other
        screen (Rehearse or Rate) keeps its own stack while this one shows. Drafts kept in the
        drafts file are not lost, so they are not asked about.
        """
        messages = []
        for screen in self._every_screen():
            lost = getattr(screen, "lost_on_quit", None)
            message = lost() if callable(lost) else None
            if message:
                messages.append(message)
        if not messages:
            then()
            return
        message = "\n\n".join(messages)
        from coach.screens.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        self.push_screen(ConfirmScreen("Quit and lose this?", message, yes="Quit"), answered)

    def _every_screen(self) -> list[Screen[object]]:
        """Every screen of both modes, the one showing first, each stack from the top down.

        ``screen_stack`` is the current mode's only; the other mode's stack exists once it has
        been shown (``get_screen_stack`` raises KeyError before).
        """
        other: ScreenName = "rate" if self.first_screen == "rehearse" else "rehearse"
        modes = sorted((DEFAULT, other), key=lambda mode: mode != self.current_mode)
        screens: list[Screen[object]] = []
        for mode in modes:
            with contextlib.suppress(KeyError):
                screens.extend(reversed(self.get_screen_stack(mode)))
        return screens

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key to the screen already showing does nothing: keep it out of the Footer, which
        # needs the room at 80 columns.
        showing = bool(parameters) and parameters[0] == self.current_screen_name
        return not (action == "switch_mode" and showing)

    async def action_switch_mode(self, mode: str) -> None:
        """Switch to the "rehearse" or "rate" screen. Nothing is asked: each screen stays as
        it was, dialogs and drafts and all, until it is shown again."""
        if mode == self.current_screen_name:
            return
        await self.switch_mode(DEFAULT if mode == self.first_screen else mode)

    async def action_quit(self) -> None:
        """Quit, asking first if anything typed would be lost."""
        self._quit_then(self.exit)

    def action_show_saved(self, force: bool = True) -> None:
        """Have every screen on the stack read again what it shows from the database (only
        what changed since, unless ``force``): see coach/screens/fresh.py."""
        if force:
            self.store.reread()  # the file's bytes, not its stat: F5 misses nothing
        for screen in self.screen_stack:
            show_saved = getattr(screen, "show_saved", None)
            if callable(show_saved):
                show_saved(force=force)

    def on_app_focus(self) -> None:
        # The terminal is back from another window, where ``coach import`` may have run.
        self.action_show_saved(force=False)

    def action_help(self) -> None:
        """Show every key of the app and the current screen."""
        from coach.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_progress(self) -> None:
        """Show the charts of rehearsal scores and interview ratings."""
        from coach.screens.progress import ProgressScreen

        if isinstance(self.screen, ProgressScreen):
            return
        self.push_screen(ProgressScreen(self.store, self.clock, self.rubric))

    def action_due(self) -> None:
        """Show what is due today, or close it (F6); Enter on an item acts on it."""
        from coach.screens.due import toggle_due

        toggle_due(self, self.store, self.clock, self.rubric)

    async def action_exchange(self) -> None:
        """Open a mock exchange, from Rehearse (shown first if need be)."""
        from coach.screens.rehearse import RehearseScreen

        await self.action_switch_mode("rehearse")
        if isinstance(self.screen, RehearseScreen):
            self.screen.action_exchange()

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
        yield SystemCommand(
            "Mock exchange",
            # Its key is Rehearse's: on Rate, ctrl+g is the application dialog.
            "Ask the closing question, hear a reply you did not choose (ctrl+g on Rehearse)",
            lambda: self.run_action("exchange"),
        )
        from coach.screens.rate_commands import rate_commands

        yield from rate_commands(screen)
        yield SystemCommand(
            "Progress",
            "Charts of rehearsal scores and of interview ratings against outcomes (F4)",
            self.action_progress,
        )
        yield SystemCommand(
            "Due today",
            "Replies overdue, thank-you notes and check-ins to send, cards to practise (F6)",
            self.action_due,
        )
        yield SystemCommand("Help", "Every key, on one page (F1 or ?)", self.action_help)
        yield from super().get_system_commands(screen)
