"""Record feedback an interviewer really gave, so it can be rehearsed like any other card."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from coach.widgets.safe_fields import SafeInput, SafeTextArea

HeardFeedback = tuple[str, str]
"""(what they said, the company)."""


class HeardScreen(ModalScreen[HeardFeedback | None]):
    """ctrl+s keeps the feedback (and turns it into a card); Escape cancels."""

    CSS_PATH = "dialogs.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Keep it"),  # not priority: after the keys typed before it
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="heard"):
            yield Static("Feedback you heard", id="heard-title")
            yield Label("What the interviewer said when you asked how you measure up")
            yield SafeTextArea(id="heard-text", placeholder="We were hoping for more…")
            yield Static("", id="heard-error", classes="field-error")
            yield Label("Company (optional)")
            yield SafeInput(id="heard-company", placeholder="Acme")
            yield Static("ctrl+s keep it as a card · Escape cancel", id="heard-keys")

    def lost_on_quit(self) -> str | None:
        """What quitting now would lose: the edits here, which are kept nowhere else."""
        return self.unsaved_changes()

    def unsaved_changes(self) -> str | None:
        """A sentence if feedback was typed but not kept; None if none."""
        if self.query_one("#heard-text", TextArea).text.strip():
            return "The feedback you heard is not kept yet (ctrl+s keeps it as a card)."
        return None

    def action_save(self) -> None:
        from coach.domain.cards import heard_problem

        said = self.query_one("#heard-text", TextArea).text.strip()
        company = self.query_one("#heard-company", Input).value.strip()
        problem = heard_problem(said, company)
        if problem:
            self.query_one("#heard-error", Static).update(problem)
            self.query_one("#heard-text", TextArea).focus()
            return
        self.dismiss((said, company))
