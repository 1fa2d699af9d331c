"""Small charts drawn with text, so they work in any terminal and any theme."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from coach.domain.progress import Day
from coach.widgets.coaching_panel import score_style

BAR = 20
"""Cells of a full (100) bar."""
AXIS = 41
"""Cells of the 0-100 rating axis: one per 2.5 points, so 0, 50 and 100 fall on cells."""


def day_bars(days: Sequence[Day]) -> Table:
    """One line per day: the mean score as a bar, the best and the number of attempts."""
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
    table.add_column("day", style="dim", no_wrap=True)
    table.add_column("bar", no_wrap=True)
    table.add_column("detail", no_wrap=True)
    for day in days:
        label = f"{day.day:%a %d %b}"
        if day.mean is None:
            table.add_row(label, Text("·", style="dim"), Text("no practice", style="dim"))
            continue
        filled = round(day.mean / 100 * BAR)
        bar = Text("█" * filled, style=score_style(round(day.mean)))
        bar.append("░" * (BAR - filled), style="dim")
        plural = "s" if day.attempts != 1 else ""
        table.add_row(
            label, bar, f"mean {day.mean:.0f} · best {day.best} · {day.attempts} attempt{plural}"
        )
    return table


def _cell(score: int) -> int:
    return round(max(0, min(100, score)) / 100 * (AXIS - 1))


def outcome_strips(rows: Mapping[str, Sequence[int]], poorly: int, well: int) -> Group:
    """Each outcome on a 0-100 rating axis, a dot per interview (a digit where several share a
    cell), with the rubric's band edges marked: do high ratings end in offers?"""
    width = max(len(name) for name in rows) if rows else 0
    axis = Text(" " * (width + 1))
    ruler = [" "] * AXIS
    for value in (0, poorly, well, 100):
        ruler[_cell(value)] = "|"
    axis.append("".join(ruler), style="dim")
    lines = [axis]
    for outcome, scores in rows.items():
        cells: dict[int, int] = {}
        for score in scores:
            cells[_cell(score)] = cells.get(_cell(score), 0) + 1
        line = Text(f"{outcome:<{width}} ")
        for index in range(AXIS):
            count = cells.get(index, 0)
            if count == 0:
                line.append("|" if ruler[index] == "|" else "·", style="dim")
            else:
                line.append("●" if count == 1 else str(min(count, 9)), style="bold")
        shown = ", ".join(str(s) for s in scores)
        line.append(f"  {shown}", style="dim")
        lines.append(line)
    legend = Text(" " * (width + 1))
    legend.append(f"0 … {poorly} went poorly · {well}+ went well … 100", style="dim")
    lines.append(legend)
    return Group(*lines)
