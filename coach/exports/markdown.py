"""Markdown that shows the user's text as text (``md``, ``cell``, ``line``), and the Markdown
export's interviews: each application with its rounds in order, then each round's notes, the
people met and the messages sent (``coach.exports.text`` writes the rest of the notebook)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Final, Protocol

from coach.domain.applications import group
from coach.domain.models import Application, Interview
from coach.render.safe import visible

_MARKDOWN: Final = re.compile(r"([\\`*_\[\]<>])")
"""What Markdown (or the HTML it lets through) would read as more than text: a backslash,
code, emphasis, a link or an image, a tag."""


def md(text: str) -> str:
    """The user's text as Markdown that reads as that text: never a link, an image, HTML,
    emphasis or a heading (each such character gets a backslash, as Markdown defines)."""
    escaped = _MARKDOWN.sub(r"\\\1", text)
    heading = escaped.lstrip()
    if heading.startswith("#"):  # a line of the answer's quote may keep its indent
        escaped = escaped[: len(escaped) - len(heading)] + "\\" + heading
    return escaped


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, Markdown and pipes escaped (``md``),
    controls visible."""
    return md(" ".join(visible(text).split())).replace("|", "\\|") or "\N{EN DASH}"


def line(text: str) -> str:
    """One line of the user's text in a list item or heading: Markdown escaped (``md``),
    controls visible."""
    return md(visible(text).strip())


def quoted(text: str) -> list[str]:
    """Several lines of the user's text as a Markdown quote, each line escaped."""
    lines = visible(text, lines=True).strip().splitlines()
    return [f"> {md(one)}" if one else ">" for one in lines]


class Rated(Protocol):
    """An interview's rating in words (``coach.exports.text.Read``)."""

    @property
    def score(self) -> int | None: ...
    @property
    def band(self) -> str: ...
    @property
    def follow_up(self) -> str: ...


ROUND_HEADER = "| Date | Company | Role | Stage | Rating | Outcome | Follow-up |"


def interviews(
    applications: Sequence[Application],
    rounds: Sequence[Interview],
    today: date,
    read: Callable[[Interview, date], Rated],
) -> list[str]:
    """The interviews, grouped by application (the most recent first), each application's
    rounds in the order held: a table, then what the user noted of each round."""
    out: list[str] = []
    for view in group(applications, rounds):
        app = view.application
        out += [f"### {cell(app.company)} \N{EM DASH} {cell(app.role)} ({view.status})", ""]
        out += [ROUND_HEADER, "| --- | --- | --- | --- | --- | --- | --- |"]
        for interview in view.rounds:
            rated = read(interview, today)
            rating = f"{rated.score}/100, {rated.band}" if rated.score is not None else ""
            cells = (
                interview.held_at.replace("T", " "),
                interview.company,
                interview.role,
                interview.stage,
                rating,
                interview.outcome,
                rated.follow_up,
            )
            out.append("| " + " | ".join(cell(c) for c in cells) + " |")
        out.append("")
        for number, interview in enumerate(view.rounds, 1):
            out += _round_notes(number, interview)
    return out


def _round_notes(number: int, interview: Interview) -> list[str]:
    """What the user noted of one round; nothing for a round with no notes, people or
    messages."""
    if not (interview.notes.strip() or interview.people or interview.messages):
        return []
    when = interview.held_at[:10] or "undated"
    stage = f"{cell(interview.stage)}, " if interview.stage else ""
    out = [f"#### Round {number}: {stage}{cell(when)}", ""]
    if interview.people:
        met = (
            f"{line(p.name)} ({line(p.title)})" if p.title.strip() else line(p.name)
            for p in interview.people
        )
        out += ["People: " + ", ".join(met), ""]
    if interview.notes.strip():
        out += ["Notes:", "", *quoted(interview.notes), ""]
    for message in interview.messages:
        out += [f"Sent {message.kind} on {cell(message.sent_on or 'an unknown day')}:", ""]
        out += [*(quoted(message.text) or ["> (no text kept)"]), ""]
    return out
