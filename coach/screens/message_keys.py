"""The follow-up message screen's keys, in the Footer's order (short enough for 80 columns);
the help (F1) lists them all."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MESSAGE_KEYS: list[BindingType] = [
    Binding(
        "ctrl+y",
        "copy_message",
        "Copy",
        id="copy-message",
        # The text box takes ctrl+y as redo: here copying the message is what the key is for.
        priority=True,
        tooltip="Copy the message to the terminal's clipboard (OSC 52), to paste in your email.",
    ),
    Binding(
        "ctrl+s",
        "mark_sent",
        "Sent",
        id="mark-sent",
        tooltip="Mark the message sent: today's date and the text are saved with the interview.",
    ),
    Binding(
        "ctrl+t",
        "other_kind",
        "Kind",
        id="other-kind",
        tooltip="Switch to another kind: thank-you note, check-in, rejection reply.",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        id="message-back",
        tooltip="Go back; an edited draft is kept for next time.",
    ),
]
