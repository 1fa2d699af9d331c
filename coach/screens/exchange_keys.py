"""The mock exchange's keys, in the Footer's order (short enough for 80 columns); the rest are
in the help (F1) and the README."""

from __future__ import annotations

from textual.binding import Binding, BindingType

EXCHANGE_KEYS: list[BindingType] = [
    Binding(
        "ctrl+s",
        "send",
        "Send",
        id="exchange-send",
        tooltip="Send this turn: the interviewer answers (or the debrief comes).",
    ),
    Binding(
        "ctrl+s",
        "save_again",
        "Save again",
        id="exchange-save-again",
        tooltip="Write the exchange the store refused again (shown only then).",
    ),
    Binding(
        "ctrl+t",
        "speak",
        "Speak",
        id="exchange-speak",
        tooltip="Start the clock as you start speaking aloud; again to stop it.",
    ),
    Binding(
        "ctrl+l",
        "aloud",
        "Aloud",
        id="exchange-aloud",
        tooltip="Aloud mode: say it, time it with ctrl+t; typing the gist is optional.",
    ),
    Binding(
        "ctrl+n",
        "again",
        "Again",
        id="exchange-again",
        tooltip="Run another exchange.",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        id="exchange-back",
        tooltip="Back to Rehearse (asks first if what you typed would be lost).",
    ),
]
