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

from coach.domain.due import DueItem, DueKind, due_items
from coach.render.rating import day_month
from coach.render.safe import user_text
from coach.screens import Clock
from coach.screens.fresh import ShowsSaved, read_again
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from textual.app import App

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
        from coach.content.loader import load_deck
        from coach.domain.cards import tailored_cards

        store = self.store
        profile = store.profile()
        # The cards Rehearse offers, in its order: tailored, heard, then the deck.
        cards = [
            *tailored_cards(profile.requirements, profile.strengths),
            *store.heard_cards(),
            *load_deck()[1],
        ]
        items = due_items(
            store.applications(),
            store.interviews(),
            profile,
            store.attempts(),
            cards,
            self.clock(),
            self.rubric,
        )
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
    interview on Rate; practice opens Rehearse on the card to practise next."""
    if item is None:
        return
    from coach.screens.rate import RateScreen
    from coach.screens.rehearse import RehearseScreen

    mode = "rate" if item.kind == "overdue" else "rehearse"
    await app.run_action(f"switch_mode({mode!r})")
    # The mode's own screen, at the bottom of its stack (a dialog may be open over it).
    base = app.screen_stack[0] if app.screen_stack else None
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
