"""The Rehearse screen's keys, in the Footer's order (the shown ones first, short enough for 80
columns); the rest are in the help (F1) and the README."""

from __future__ import annotations

from textual.binding import Binding, BindingType

REHEARSE_KEYS: list[BindingType] = [
    Binding(
        "ctrl+s",
        "save",
        "Save",
        id="save",
        tooltip="Save this attempt with its score (drafts are kept as you type).",
    ),
    Binding(
        "ctrl+n",
        "next_card",
        "Next",
        id="next-card",
        tooltip="Jump to the card to practise next (tonight's order before an interview).",
    ),
    Binding(
        "ctrl+g",
        "exchange",
        "Exchange",
        id="exchange",
        tooltip="A mock exchange: ask, hear a reply you did not pick, answer it.",
    ),
    Binding(
        "ctrl+t",
        "stopwatch",
        "Timer",
        id="stopwatch",
        tooltip="Start, then stop, a stopwatch while you say it aloud.",
    ),
    Binding(
        "ctrl+d",
        "clear_draft",
        "Clear draft",
        id="clear-draft",
        show=False,
        priority=True,  # the box would take ctrl+d as delete-right
        tooltip="Empty the draft box, after asking (saved attempts stay).",
    ),
    Binding(
        "ctrl+r",
        "next_variant",
        "Variant",
        id="variant",
        show=False,
        tooltip="Show another way to ask the closing question.",
    ),
    Binding(
        "ctrl+o",
        "profile",
        "Profile",
        id="profile",
        show=False,
        tooltip="Your strengths, the job's requirements (tailored cards), interview date.",
    ),
    Binding(
        "ctrl+f",
        "heard",
        "Heard feedback",
        id="heard",
        show=False,
        tooltip="Record feedback an interviewer really gave; it becomes a card.",
    ),
]
