"""The Rate screen's keys, in the Footer's order (the shown ones first, short enough for 80
columns); the rest are in the help (F1) and the README, and ctrl+o, ctrl+g and ctrl+l in the
command palette too (coach/screens/rate_commands.py)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

RATE_KEYS: list[BindingType] = [
    Binding(
        "ctrl+s",
        "save",
        "Save",
        id="save-interview",
        tooltip="Save the interview (nothing invalid is saved).",
    ),
    Binding(
        "ctrl+n",
        "new",
        "New",
        id="new-interview",
        tooltip="Start rating a new interview.",
    ),
    Binding(
        "ctrl+d",
        "delete",
        "Delete",
        id="delete-interview",
        show=False,  # rare, and it asks first: the Footer's room at 80 columns goes to F6 Due
        priority=True,  # a text box would take ctrl+d as delete-right
        tooltip="Delete the interview being edited (asks first).",
    ),
    Binding(
        "ctrl+f",
        "to_rehearse",
        "As card",
        id="send-feedback",
        tooltip="Send their answer to your closing question to Rehearse as a card.",
    ),
    Binding(
        "ctrl+o",
        "message",
        "Message",
        id="follow-up-message",
        show=False,
        tooltip="Draft the follow-up message this interview's moment calls for (thank-you, "
        "check-in, rejection reply); edit, copy, mark it sent.",
    ),
    Binding(
        "ctrl+g",
        "application",
        "Application",
        id="application",
        # Not in the Footer: at 80 columns its keys already fill it to the last cell (see
        # tests/ui/test_footer_fit.py); the help (F1) and the palette ("Application",
        # coach/screens/rate_commands.py) list it, as they do ctrl+o and ctrl+l.
        show=False,
        tooltip="The open round's application: set its status, or move the round to another.",
    ),
    Binding(
        "ctrl+l",
        "find",
        "Find",
        id="find-interview",
        show=False,
        tooltip="Find in the list as you type (Up/Down pick a row, Enter opens it; Escape clears).",
    ),
    Binding(
        "ctrl+r",
        "focus_rating",
        "Rating",
        id="focus-rating",
        show=False,
        tooltip="Jump to the rating to scroll it (arrows, PageUp/PageDown; Escape goes back).",
    ),
]
