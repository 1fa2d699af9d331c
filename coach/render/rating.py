"""A rating drawn with Rich: used by the Rate screen's panel and by ``coach rate``."""

from __future__ import annotations

import math

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coach.domain.rating import Rating
from coach.render.safe import user_text

BAND_STYLE = {
    "went well": "bold green",
    "mixed": "bold yellow",
    "went poorly": "bold red",
    "nothing to rate": "dim",
}
BAR = 10
"""Cells for the largest possible contribution, each way."""


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
) -> RenderableType:
    """The score, band, confidence, each signal's bar, flags and advice.

    Args:
        rating: What to draw.
        title: The panel's title, shown as written (``coach rate`` puts the file's name there,
            and a file name can hold "[" or an escape sequence).
        label_width: Room for signal names (narrow on screen, wide in a terminal report).
        bar_width: Cells for the largest contribution, each side of the axis.
        boxed: Draw a panel around it (the terminal report); the screen has its own frame.
    """
    head = Text()
    if rating.score is None:
        head.append("Nothing to rate yet", style="bold")
        head.append(": record what you observed, and the read appears here.", style="dim")
    else:
        head.append(f"{rating.score}/100 ", style="bold")
        head.append(rating.band, style=BAND_STYLE[rating.band])
        head.append(f" · confidence {rating.confidence:.0%}", style="dim")
    if rating.overdue:
        head.append("  OVERDUE", style="bold reverse red")
    elif rating.follow_up == "awaiting" and rating.score is not None:
        head.append("  awaiting reply", style="dim")

    bars = Table(box=None, show_header=False, padding=(0, 1), expand=False)
    bars.add_column("signal", no_wrap=True, max_width=label_width)
    bars.add_column("bar", no_wrap=True)
    bars.add_column("points", justify="right", no_wrap=True, min_width=4)
    # Bars are scaled to the largest part any signal played here, so they can be compared
    # with each other (a light signal draws a short bar next to a decisive one).
    largest = max((abs(c.points) for c in rating.contributions), default=0.0)
    shown = shown_points(rating)
    for item in sorted(rating.contributions, key=lambda c: (not c.observed, -abs(c.points))):
        if item.observed:
            bars.add_row(
                item.label,
                contribution_bar(item.points, largest, bar_width),
                f"{shown.get(item.key, 0):+d}",
            )
        else:
            bars.add_row(Text(item.label, style="dim"), Text("not observed", style="dim"), "")

    parts: list[RenderableType] = [head]
    parts += [Text(note, style="italic") for note in rating.notes]
    parts += [Text(""), bars]
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
