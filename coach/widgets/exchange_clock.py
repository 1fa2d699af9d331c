"""The mock exchange's clock: seconds since the interviewer spoke, the first word, the aim,
and the aloud clock while it runs.

It reads the app's clock (injected: a test advances a fake one) and redraws itself twice a
second; it never stops the turn: the aim is shown, the user decides when they are done.
"""

from __future__ import annotations

from datetime import datetime

from textual.reactive import var
from textual.widgets import Static

from coach.domain.models import TurnStep
from coach.render.exchange_view import clock_line
from coach.screens import Clock

TICK = 0.5
"""Seconds between redraws: the clock shows whole seconds."""


def _since(start: datetime | None, now: datetime) -> float | None:
    return None if start is None else max(0.0, (now - start).total_seconds())


class ExchangeClock(Static):
    """The turn's clock line, bound to the exchange screen's turn state."""

    step: var[TurnStep] = var("question", init=False)
    aloud: var[bool] = var(False, init=False)
    prompted_at: var[datetime | None] = var(None, init=False)
    first_word_at: var[datetime | None] = var(None, init=False)
    speaking_since: var[datetime | None] = var(None, init=False)
    spoken: var[float | None] = var(None, init=False)

    def __init__(self, clock: Clock, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock

    def on_mount(self) -> None:
        self.set_interval(TICK, self.redraw)
        self.redraw()

    def _watch_any(self) -> None:
        self.redraw()

    watch_step = watch_aloud = watch_prompted_at = _watch_any
    watch_first_word_at = watch_speaking_since = watch_spoken = _watch_any

    def redraw(self) -> None:
        """Draw the clock as of now."""
        now = self.clock()
        started = self.prompted_at or now
        self.update(
            clock_line(
                self.step,
                elapsed=_since(started, now) or 0.0,
                first_word=None
                if self.first_word_at is None
                else _since(started, self.first_word_at),
                aloud=self.aloud,
                speaking=_since(self.speaking_since, now),
                spoken=self.spoken,
            )
        )
