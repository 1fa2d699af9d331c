"""What the follow-up message screen says above the draft: which interview, which kind of
message (and the others a key away), and whether it is due or was already sent."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from coach.domain.models import Interview, MessageKind
from coach.render.rating import MESSAGE_NAMES, day_month
from coach.render.safe import fit

KINDS: tuple[MessageKind, ...] = ("thank-you", "check-in", "rejection-reply")
"""The kinds in the order the kind key (ctrl+t) goes through them."""
WHY_DUE: dict[MessageKind, str] = {
    "thank-you": "a thank-you note fits the day of the interview or the day after.",
    "check-in": "the reply is overdue: a polite check-in asks where things stand.",
    "rejection-reply": "they said no: a gracious reply keeps the door open.",
}
NAME_CELLS = 30
"""Room for a company or a role on the first line (80 columns hold both and the date)."""


class MessageHeading(Static):
    """Three lines over the draft, drawn from the screen's vars (``data_bind``)."""

    interview: var[Interview | None] = var(None, always_update=True)
    """The interview the message is about, as saved; None until read (or gone)."""
    kind: var[MessageKind | None] = var(None)
    """The kind of message in the box."""
    due: var[MessageKind | None] = var(None)
    """The kind the interview's moment calls for today; None when nothing is due."""

    def watch_interview(self) -> None:
        self._draw()

    def watch_kind(self) -> None:
        self._draw()

    def watch_due(self) -> None:
        self._draw()

    def _draw(self) -> None:
        interview, kind = self.interview, self.kind
        if interview is None or kind is None:
            self.update("")
            return
        # User text as data: a Text never parsed as markup, cut to fit on its line.
        about = Text(fit(interview.company, NAME_CELLS) or "(no company)", style="bold")
        for part in (interview.role, interview.stage, interview.held_at[:10]):
            if part.strip():
                about.append(" · " + fit(part, NAME_CELLS))
        kinds = Text("Kind: ")
        for other in KINDS:
            name = MESSAGE_NAMES[other]
            kinds.append(f" {name} ", style="bold reverse" if other == kind else "dim")
        kinds.append("  ctrl+t: another kind", style="dim italic")
        self.update(Text("\n").join([about, kinds, self._state(interview, kind)]))

    def _state(self, interview: Interview, kind: MessageKind) -> Text:
        sent = [m for m in interview.messages if m.kind == kind]
        name = MESSAGE_NAMES[kind]
        if sent:
            return Text(
                f"{name} marked sent {day_month(sent[-1].sent_on)}. ctrl+s marks it sent again.",
                style="bold green",
            )
        if kind == self.due:
            return Text(f"Due now: {WHY_DUE[kind]}", style="bold")
        return Text(
            "Not due now. Copy it (ctrl+y) and mark it sent (ctrl+s) when you send it.",
            style="dim",
        )
