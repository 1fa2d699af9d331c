"""A rating drawn with Rich: used by the Rate screen's panel and by ``coach rate``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coach.domain import limits
from coach.render.safe import short, user_text

if TYPE_CHECKING:  # the domain's models and rating load with the first rating drawn
    from coach.domain.models import MessageKind, SentMessage
    from coach.domain.rating import Rating

BAND_STYLE = {
    "went well": "bold green",
    "mixed": "bold yellow",
    "went poorly": "bold red",
    "nothing to rate": "dim",
}
BAR = 10
"""Cells for the largest possible contribution, each way."""
SHORT_LABELS = {
    "duration": "Duration",
    "questions_asked": "Questions asked",
    "follow_up_questions": "Deeper follow-ups",
    "asked_strengths": "Asked: strengths",
    "asked_weaknesses": "Asked: weaknesses",
    "asked_experience": "Asked: experience",
    "enthusiasm_about_fit": "Keen on your fit",
    "said_will_follow_up": "Promised follow-up",
    "gave_timeline": "Gave a timeline",
    "vague_next_steps": "Vague next steps",
    "follow_up": "Their follow-up",
}
"""A signal's name when its full label does not fit: each distinct, none longer than 18 (the
three "Asked about your ..." labels, cut to fit, read alike)."""


MESSAGE_NAMES: dict[MessageKind, str] = {
    "thank-you": "Thank-you note",
    "check-in": "Check-in",
    "rejection-reply": "Rejection reply",
}
"""A follow-up message's kind as a person names it."""
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_month(iso: str) -> str:
    """ "3 Dec" for "2026-12-03"; the text as stored, cut short, if it is no date (a
    hand-edited file may hold anything)."""
    day = limits.day(iso[:10])
    return f"{day.day} {_MONTHS[day.month - 1]}" if day is not None else short(iso, 12)


def sent_record(messages: Sequence[SentMessage]) -> list[Text]:
    """The follow-up messages marked sent, one line each, oldest first: "Check-in sent 3 Dec"
    (the follow-up record: a check-in sent tells why the silence goes on)."""
    return [
        user_text(f"{MESSAGE_NAMES.get(m.kind, 'Message')} sent {day_month(m.sent_on)}", "dim")
        for m in messages
    ]


def contribution_bar(points: float, largest: float, width: int = BAR) -> Text:
    """A two-sided bar: red to the left of the axis for minus, green to the right for plus.

    Scaled to ``largest`` (the largest part a signal played), so a light signal (smiles)
    draws a short bar.
    """
    cells = min(width, round(abs(points) / largest * width)) if largest else 0
    bar = Text()
    if points < 0:
        bar.append(" " * (width - cells) + "█" * cells, style="red")
        bar.append("│" + " " * width, style="dim")
    else:
        bar.append(" " * width + "│", style="dim")
        bar.append("█" * cells + " " * (width - cells), style="green")
    return bar


def signal_label(key: str, label: str, width: int) -> str:
    """``label`` if it fits in ``width`` cells, else the signal's short name."""
    return label if len(label) <= width else SHORT_LABELS.get(key, label)


def signed(points: int) -> str:
    """Points with their sign; a plain 0, since "+0" and "-0" claim a direction there is not."""
    return f"{points:+d}" if points else "0"


def shown_points(rating: Rating) -> dict[str, int]:
    """Each observed signal's points as whole numbers that still add up to the score minus 50
    (largest remainders first), so the panel's sum matches the score it shows."""
    seen = [c for c in rating.contributions if c.observed]
    if rating.score is None or not seen:
        return {}
    floors = {c.key: math.floor(c.points) for c in seen}
    left = rating.score - 50 - sum(floors.values())
    by_remainder = sorted(seen, key=lambda c: c.points - math.floor(c.points), reverse=True)
    for item in by_remainder[: max(0, left)]:
        floors[item.key] += 1
    return floors


def rating_renderable(
    rating: Rating,
    title: str = "Rating",
    *,
    label_width: int = 34,
    bar_width: int = BAR,
    boxed: bool = True,
    width: int | None = None,
    sent: Sequence[SentMessage] = (),
) -> RenderableType:
    """The score, band, confidence, each signal's bar, flags and advice.

    Args:
        rating: What to draw.
        title: The panel's title, shown as written (``coach rate`` puts the file's name there,
            and a file name can hold "[" or an escape sequence).
        label_width: Room for signal names (narrow on screen, wide in a terminal report).
        bar_width: Cells for the largest contribution, each side of the axis.
        boxed: Draw a panel around it (the terminal report); the screen has its own frame.
        width: The cells it is drawn in, if known: the headline then breaks between its parts
            rather than inside one.
        sent: The interview's follow-up messages marked sent, listed under the headline.
    """
    head = Text()
    if rating.score is None:
        head.append("Nothing to rate yet", style="bold")
        head.append(": record what you observed, and the read appears here.", style="dim")
    else:
        head.append(f"{rating.score}/100 ", style="bold")
        head.append(rating.band, style=BAND_STYLE[rating.band])
    if rating.overdue:
        head.append("  OVERDUE", style="bold reverse red")
    elif rating.follow_up == "awaiting" and rating.score is not None:
        head.append("  awaiting reply", style="dim")
    if rating.score is not None:
        confidence = f"confidence {rating.confidence:.0%}"
        fits = width is None or head.cell_len + len(confidence) + 3 <= width
        head.append(" · " + confidence if fits else "\n" + confidence, style="dim")

    bars = Table(box=None, show_header=False, padding=(0, 1), expand=False)
    # Names wrap at a space rather than lose their end; a bar is never folded.
    bars.add_column("signal", max_width=label_width, overflow="fold")
    bars.add_column("bar", no_wrap=True)
    bars.add_column("points", justify="right", no_wrap=True, min_width=4)
    # Bars are scaled to the largest part any signal played here, so they can be compared
    # with each other (a light signal draws a short bar next to a decisive one).
    largest = max((abs(c.points) for c in rating.contributions), default=0.0)
    shown = shown_points(rating)
    observed = [c for c in rating.contributions if c.observed]
    for item in sorted(observed, key=lambda c: -abs(c.points)):
        bars.add_row(
            signal_label(item.key, item.label, label_width),
            contribution_bar(item.points, largest, bar_width),
            signed(shown.get(item.key, 0)),
        )
    # One line for what was not observed, rather than a row each saying so.
    unseen = [
        signal_label(c.key, c.label, label_width) for c in rating.contributions if not c.observed
    ]

    parts: list[RenderableType] = [head]
    parts += [Text(note, style="italic") for note in rating.notes]
    parts += sent_record(sent)
    parts += [Text("")]
    if observed:
        parts += [bars, Text("")] if unseen else [bars]
    if unseen:
        parts.append(Text("Not observed: " + ", ".join(unseen), style="dim"))
    if rating.green_flags:
        parts += [Text(""), Text("Green flags", style="bold green")]
        parts += [Text(f"+ {flag}") for flag in rating.green_flags]
    if rating.red_flags:
        parts += [Text(""), Text("Red flags", style="bold red")]
        parts += [Text(f"- {flag}") for flag in rating.red_flags]
    if rating.advice:
        parts += [Text(""), Text("Practise next", style="bold")]
        parts += [
            Text(f"• {advice.text} ").append(f"[{advice.category}]", style="dim")
            for advice in rating.advice
        ]
    if not boxed:
        return Group(*parts)
    return Panel(Group(*parts), title=user_text(title), title_align="left", expand=False)
