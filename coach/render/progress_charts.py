"""Small charts drawn with text, so they work in any terminal and any theme."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from itertools import groupby

from rich.console import Group
from rich.table import Table
from rich.text import Text

from coach.domain.progress import Day, ExchangeDay
from coach.widgets.coaching_panel import score_style

BAR = 20
"""Cells of a full (100) bar."""
AXIS = 41
"""Cells of the 0-100 rating axis: one per 2.5 points, so 0, 50 and 100 fall on cells."""


def _span(first: date, last: date) -> str:
    """Days from ``first`` to ``last``, short: "07-12 Nov", or "28 Oct-03 Nov"."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%d}-{last:%d %b}"
    return f"{first:%d %b}-{last:%d %b}"


def day_bars(days: Sequence[Day], exchanges: Mapping[date, ExchangeDay] | None = None) -> Table:
    """One line per day practised: the mean score as a bar, the best and the number of
    attempts, and beside them the day's mock exchanges (``⇄ 2 · 74``: how many, their
    average). Days without practice in a row share one line, so the last days (the ones that
    matter the evening before) fit on a small screen too."""
    exchanges = exchanges or {}
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
    table.add_column("day", style="dim", no_wrap=True)
    table.add_column("bar", no_wrap=True)
    table.add_column("detail", no_wrap=True)
    table.add_column("exchanges", no_wrap=True)
    idle_day = lambda day: day.mean is None and day.day not in exchanges  # noqa: E731
    for idle, group in groupby(days, key=idle_day):
        run = list(group)
        if idle:
            one = len(run) == 1
            label = f"{run[0].day:%a %d %b}" if one else _span(run[0].day, run[-1].day)
            detail = "no practice" if one else f"no practice for {len(run)} days"
            table.add_row(label, Text("·", style="dim"), Text(detail, style="dim"))
            continue
        for day in run:
            _day_row(table, day, exchanges.get(day.day))
    return table


def _exchanges(day: ExchangeDay | None) -> Text:
    if day is None:
        return Text()
    shown = Text(f"⇄ {day.exchanges}", style="bold")
    if day.mean is not None:
        shown.append(f" · {day.mean:.0f}", style=score_style(round(day.mean)))
    return shown


def _day_row(table: Table, day: Day, exchanges: ExchangeDay | None) -> None:
    """A day practised: its mean as a bar, its best and how many attempts, its exchanges."""
    if day.mean is None:  # only exchanges said aloud, with no text: no attempt to score
        bar = Text("·", style="dim")
        table.add_row(
            f"{day.day:%a %d %b}", bar, Text("no attempts", style="dim"), _exchanges(exchanges)
        )
        return
    mean = day.mean
    filled = round(mean / 100 * BAR)
    bar = Text("█" * filled, style=score_style(round(mean)))
    bar.append("░" * (BAR - filled), style="dim")
    plural = "s" if day.attempts != 1 else ""
    detail = f"mean {mean:.0f} · best {day.best} · {day.attempts} attempt{plural}"
    table.add_row(f"{day.day:%a %d %b}", bar, detail, _exchanges(exchanges))


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
