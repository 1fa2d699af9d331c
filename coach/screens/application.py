"""The application dialog (ctrl+g on Rate): set where an application stands, or move the open
round to another application or to a new one of its own.

It only chooses: the Rate screen writes the choice to the store (``SetStatus``, ``MoveRound``)
and redraws its list at once. Enter on a status sets it; Enter on an application moves the
round there; Tab goes between the two lists, Escape closes with nothing changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.domain.applications import STATUSES, ApplicationView, status_of
from coach.domain.models import ApplicationStatus
from coach.render.safe import short, user_text

FOLLOWS = "follows"
"""The status option that lets the rounds say where the application stands."""
NEW = "new"
"""The move option for a new application of the round's own."""


@dataclass(frozen=True)
class SetStatus:
    """Set the application's status; None: it follows its rounds again."""

    status: ApplicationStatus | None


@dataclass(frozen=True)
class MoveRound:
    """Move the open round to the application ``application_id``; None: a new one of its own."""

    application_id: int | None


def _named(view: ApplicationView) -> Text:
    app = view.application
    rounds = len(view.rounds)
    return user_text(
        f"{short(app.company)} · {short(app.role) or 'no role'} · {rounds} "
        f"round{'' if rounds == 1 else 's'} · {view.status}"
    )


class ApplicationScreen(ModalScreen[SetStatus | MoveRound | None]):
    """The open round's application: its status, and where the round belongs."""

    CSS_PATH = "application.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, view: ApplicationView, others: Sequence[ApplicationView]) -> None:
        """Args:
        view: The application of the round open in the form.
        others: The applications the round may move to (the most recent first).
        """
        super().__init__()
        self.view = view
        self.others = [other for other in others if other.application.id is not None]

    def compose(self) -> ComposeResult:
        app = self.view.application
        follows = status_of(type(app)(company=app.company, role=app.role), self.view.rounds)
        statuses = [Option(f"follows its rounds (now: {follows})", id=FOLLOWS)]
        statuses += [Option(status, id=status) for status in STATUSES]
        moves = [Option("to a new application of its own", id=NEW)]
        moves += [Option(_named(other), id=str(other.application.id)) for other in self.others]
        with Vertical(id="application"):
            yield Static(
                user_text(f"{short(app.company)} · {short(app.role) or 'no role'}"),
                id="application-title",
            )
            yield Static(
                f"Status: {self.view.status} (Enter sets the one picked)", classes="app-heading"
            )
            yield OptionList(*statuses, id="app-status")
            yield Static("Move the open round (Enter moves it; Tab: here)", classes="app-heading")
            yield OptionList(*moves, id="app-move")
            yield Static("Escape closes with nothing changed.", id="application-keys")

    def on_mount(self) -> None:
        chosen = self.view.application.status or FOLLOWS
        statuses = self.query_one("#app-status", OptionList)
        statuses.highlighted = statuses.get_option_index(chosen)
        statuses.focus()

    @on(OptionList.OptionSelected, "#app-status")
    def _status(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        picked = event.option.id
        status = next((s for s in STATUSES if s == picked), None)
        self.dismiss(SetStatus(status))

    @on(OptionList.OptionSelected, "#app-move")
    def _move(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        picked = event.option.id
        self.dismiss(MoveRound(None if picked in (None, NEW) else int(picked)))

    def action_close(self) -> None:
        self.dismiss(None)
