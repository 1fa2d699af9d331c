"""The due list (F6, anywhere): what is due today, most urgent first, and Enter to act on it.

The same list as ``coach due`` (``coach.domain.due``): overdue replies, thank-you notes and
check-ins to send, the cards to practise before the next interview. Enter on a message opens
the follow-up message screen over the list (Escape comes back to it, read again); on an overdue
reply it opens that interview on Rate; on practice it opens Rehearse on the card to practise
next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coach.domain.due import DueItem, DueKind
from coach.render.rating import day_month
from coach.render.safe import user_text
from coach.screens import Clock
from coach.screens.fresh import ShowsSaved, read_again
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.screen import Screen

    from coach.domain.rubric import Rubric
    from coach.store.api import StoreAPI

TAGS: dict[DueKind, tuple[str, str]] = {
    "overdue": ("Overdue", "bold red"),
    "thank-you": ("Thank-you note", "bold green"),
    "check-in": ("Check-in", "bold yellow"),
    "practise": ("Practise", "bold cyan"),
}
"""Each kind's tag, at the start of its item."""
NOTHING_DUE = "Nothing is due today."


def line(item: DueItem) -> Text:
    """One item: its kind and the day it became due, then its text on the next line (the
    user's names in it, as data), wrapped: nothing is cut, at 80 columns either."""
    tag, style = TAGS[item.kind]
    # The style on the tag alone: as the Text's own style it would colour the whole item.
    shown = Text().append(tag, style=style)
    shown.append(f" · since {day_month(item.since.isoformat())}", style="dim")
    shown.append("\n")
    return shown.append_text(user_text(item.text))


class DueScreen(ShowsSaved, ModalScreen[DueItem | None]):
    """What is due today; Enter acts on the highlighted item, Escape closes."""

    CSS_PATH = "due.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f6,q", "dismiss(None)", "Close"),
        # A modal screen hides the app's keys: F5 (read what was saved elsewhere) is its own.
        Binding("f5", "app.show_saved", "Refresh", show=False),
    ]

    def __init__(self, store: StoreAPI, clock: Clock, rubric: Rubric) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.rubric = rubric
        self.items: list[DueItem] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="due") as box:
            box.border_title = "Due today"
            box.border_subtitle = "Enter acts on one · Escape or F6 closes"
            yield OptionList(id="due-list")
            yield EmptyState(
                NOTHING_DUE,
                "Thank-you notes, check-ins, overdue replies and the cards to practise before "
                "your next interview show here on the day they are due.",
                id="due-empty",
            )

    def on_mount(self) -> None:
        if not read_again(self, self.seen, True, self._read, first=True):
            self._show([])  # the notice says why the list is empty

    def show_saved(self, *, force: bool = False) -> None:
        """The list again if anything was saved since (a message marked sent, say)."""
        read_again(self, self.seen, force, self._read)

    def _read(self) -> None:
        from coach.api import due_today

        items = due_today(self.store, self.clock(), self.rubric)
        self._show(items)

    def _show(self, items: list[DueItem]) -> None:
        self.items = items
        options = self.query_one("#due-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(line(item), id=str(n)) for n, item in enumerate(items)])
        options.display = bool(items)
        self.query_one("#due-empty").display = not items
        if items:
            options.highlighted = min(highlighted or 0, len(items) - 1)
            options.focus()

    @on(OptionList.OptionSelected, "#due-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items[event.option_index]
        if item.kind in ("thank-you", "check-in"):
            from coach.screens.follow_up_message import open_message

            # Over the list: Escape comes back to it, read again without what was sent.
            open_message(self, self.store, self.clock, self.rubric, item.interview_id, item.kind)
            return
        self.dismiss(item)


def toggle_due(app: App[Any], store: StoreAPI, clock: Clock, rubric: Rubric) -> None:
    """Show the due list over the screen showing, or close it if it is showing (F6)."""
    if isinstance(app.screen, DueScreen):
        app.screen.dismiss(None)
        return
    if any(isinstance(screen, DueScreen) for screen in app.screen_stack):
        # A message opened from the list: F6 goes back to the list (as Escape does, asking
        # if need be), rather than stacking a second list over the first.
        from coach.screens.follow_up_message import FollowUpMessageScreen

        if isinstance(app.screen, FollowUpMessageScreen):
            app.screen.action_back()
        return
    if app.screen.is_modal:  # never over a dialog or the help
        return

    async def chosen(item: DueItem | None) -> None:
        await act_on(app, item)

    app.push_screen(DueScreen(store, clock, rubric), chosen)


async def act_on(app: App[Any], item: DueItem | None) -> None:
    """What the due list's Enter does once the list has closed: an overdue reply opens its
    interview on Rate; practice opens Rehearse on the card to practise next. First the screens
    over the mode's own screen (a message opened with ctrl+o, a mock exchange) are closed, each
    by its own back action, so one with something to lose asks first; told to stay, nothing
    is opened. Without that, the interview would load into a form the user cannot see."""
    if item is None:
        return
    mode = "rate" if item.kind == "overdue" else "rehearse"
    await app.run_action(f"switch_mode({mode!r})")
    if not app.screen_stack:
        return
    base = app.screen_stack[0]  # the mode's own screen, at the bottom of its stack
    if app.screen is base:
        _open(base, item)
    else:
        # Run from the base screen's queue: a question a screen asks on the way is then
        # answered there too, before the step that looks at the stack again (see _Closing).
        base.call_next(_Closing(app, base, lambda: _open(base, item)).step)


def escape_action(screen: Screen[Any]) -> str:
    """The action a screen's Escape runs (its own back action: each of coach's screens binds
    one); ``dismiss(None)`` if it binds none."""
    for cls in type(screen).__mro__:
        for binding in getattr(cls, "BINDINGS", ()) if "BINDINGS" in vars(cls) else ():
            key, action = (
                (binding.key, binding.action) if isinstance(binding, Binding) else binding[:2]
            )
            if "escape" in key.split(","):
                return action
    return "dismiss(None)"


class _Closing:
    """Closes the screens over ``base``, top first, each by its own back action (what its
    Escape does: ``escape_action``), then calls ``then``. Each change of screen is a step: a
    question pushed by a back action is waited on; the screen asked is on top again once it
    was answered "stay" (the answer runs before the step, both queued on ``base``): then it
    stops there."""

    def __init__(self, app: App[Any], base: Screen[Any], then: Callable[[], None]) -> None:
        self.app, self.base, self.then = app, base, then
        self.asked: Screen[Any] | None = None
        self.done = False

    async def step(self, _: object = None) -> None:
        if self.done:
            return
        app, stack = self.app, self.app.screen_stack
        top = app.screen
        if top is self.base:
            self._finish()
            self.then()
        elif top is self.asked or self.base not in stack:
            self._finish()  # told to stay, or the mode changed meanwhile: nothing opens
        elif self.asked is not None and self.asked in stack:
            self._watch()  # a question over the screen asked: its answer decides
        else:
            self.asked = top
            self._watch()
            await app.run_action(escape_action(top), top)
            if app.screen is top:
                self._finish()  # neither closed nor asked: leave it be

    def _watch(self) -> None:
        signal = self.app.screen_change_signal
        signal.unsubscribe(self.base)
        signal.subscribe(self.base, self.step)

    def _finish(self) -> None:
        self.done = True
        self.app.screen_change_signal.unsubscribe(self.base)


def _open(base: Screen[Any], item: DueItem) -> None:
    """Open ``item`` on its mode's own screen, nothing over it now."""
    from coach.screens.rate import RateScreen
    from coach.screens.rehearse import RehearseScreen

    if isinstance(base, RateScreen) and item.interview_id is not None:
        base.open_interview(item.interview_id)
    elif isinstance(base, RehearseScreen):
        from coach.domain import rhythm

        base.load()  # the cards and attempts, at once if Rehearse was just built
        cards, attempts = tuple(base.cards.values()), base.attempts or ()
        # The first card of tonight's plan (ctrl+n would skip the one open).
        card_id = rhythm.next_card(cards, attempts, base.interview, base.clock())
        if card_id is not None:
            base.select_card(card_id)
        base.focus_draft()
