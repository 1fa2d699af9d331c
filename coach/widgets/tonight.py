"""Rehearse's line about what is left: "Interview tomorrow: 4 cards to go, 2 to repeat" the
evening before an interview, else how many practised cards are due and how many are new
(``coach.domain.rhythm.status``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from coach.domain import rhythm
from coach.domain.cards import FeedbackCard
from coach.domain.models import Attempt


class TonightLine(Static):
    """What is left to practise, as of ``attempts`` over ``cards`` and the ``interview``."""

    DEFAULT_CSS = """
    TonightLine {
        height: auto;
        color: $text-muted;
        padding-bottom: 1;
    }
    """

    # Bound (data_bind), which delivers the first values too: no extra redraw at mount.
    cards: var[Mapping[str, FeedbackCard]] = var(dict, init=False)
    attempts: var[tuple[Attempt, ...] | None] = var(None, init=False)
    interview: var[date | None] = var(None, init=False)
    """The next interview's day (``rhythm.interview_day``); None if none is set."""

    def __init__(self, clock: Callable[[], datetime], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock

    def watch_cards(self) -> None:
        self._show()

    def watch_attempts(self) -> None:
        self._show()

    def watch_interview(self) -> None:
        self._show()

    def _show(self) -> None:
        if self.attempts is None:
            return
        cards = tuple(self.cards.values())
        # Text, not markup: the line is coach's words, but nothing in it is to be parsed.
        self.update(Text(rhythm.status(cards, self.attempts, self.interview, self.clock())))
