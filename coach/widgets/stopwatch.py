"""The draft's status line and a stopwatch for saying it aloud.

The first line says how long the draft is and about how long it takes to say, against what fits
(about 15 s for the closing question, a number of words that suits a card's kind of concern);
the second is the stopwatch: started, it counts up ten times a second; stopped, it keeps the
time, to be saved with the attempt.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.timer import Timer

    from coach.domain.cards import FeedbackCard

TICK = 0.1
"""Seconds between redraws while the stopwatch runs."""


def status_line(
    draft: str,
    is_question: bool,
    running: float | None,
    spoken: float | None,
    aim: tuple[int, int] | None = None,
) -> Text:
    """Words and speaking time of ``draft``, then the stopwatch: ``running`` seconds while it
    runs, else the ``spoken`` time kept, else how to start it. ``aim``: the words that fit a
    response to this card's kind of concern."""
    from coach.domain import text as t

    target = "about 15 s" if is_question else f"aim {aim[0]}-{aim[1]} words" if aim else "30-90 s"
    # Counted no further than coaching reads: this line is redrawn ten times a second while
    # the stopwatch runs, and a count of 20 MB takes a second.
    words, more = t.capped_word_count(draft)
    if more:
        status = Text(f"over {words:,} words · far too long to say aloud ({target})\n")
    else:
        status = Text(f"{words} words · about {t.spoken_seconds(draft):.0f} s aloud ({target})\n")
    if running is not None:
        status.append(f"⏱ {running:4.1f} s — ctrl+t to stop", style="bold yellow")
    elif spoken is not None:
        status.append(f"⏱ said in {spoken:.1f} s", style="bold")
    else:
        status.append("ctrl+t: time yourself saying it aloud", style="dim")
    return status


class Stopwatch(Static):
    """The status line of the draft of ``card`` (None: the closing question), as of ``draft``."""

    # Bound (data_bind), which delivers the first values too: no extra redraw at mount.
    card: var[FeedbackCard | None] = var(None, init=False)
    draft: var[str] = var("", init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._started: float | None = None
        self._ticking: Timer | None = None
        self._aim: tuple[int, int] | None = None
        self.spoken_seconds: float | None = None
        """The time kept when the stopwatch was last stopped; None if none is."""

    @property
    def running(self) -> bool:
        return self._started is not None

    def toggle(self) -> None:
        """Start the stopwatch, or stop it and keep the time."""
        if self.running:
            self.stop()
            return
        self._started = time.monotonic()
        if self._ticking is None:
            self._ticking = self.set_interval(TICK, self._redraw)
        else:
            self._ticking.resume()
        self._redraw()

    def stop(self) -> None:
        """Stop the stopwatch if it runs, keeping the time."""
        if self._started is not None:
            self.spoken_seconds = round(time.monotonic() - self._started, 1)
            self._halt()

    def reset(self) -> None:
        """Stop without keeping a time, and forget the one kept (another card is open)."""
        self.spoken_seconds = None
        self._halt()

    def say(self, message: Text) -> None:
        """Show ``message`` in place of the status until the next redraw."""
        self.update(message)

    def _halt(self) -> None:
        self._started = None
        if self._ticking is not None:
            self._ticking.pause()
        self._redraw()

    def watch_card(self, card: FeedbackCard | None) -> None:
        # Worked out once per card, not ten times a second while the stopwatch runs.
        self._aim = None
        if card is not None:
            from coach.domain.pitch import length_aim

            self._aim = length_aim(card)
        self._redraw()

    def watch_draft(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        started = self._started
        running = None if started is None else time.monotonic() - started
        is_question = self.card is None
        self.update(status_line(self.draft, is_question, running, self.spoken_seconds, self._aim))
