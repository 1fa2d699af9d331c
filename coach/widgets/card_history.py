"""A card's past attempts, under its draft: a sparkline of the scores, then how many, the best
and the last score, its box in the spaced repetition and when it is due, and the best words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal
from textual.reactive import var

from coach.render.safe import visible

if TYPE_CHECKING:
    from textual.widgets import Sparkline, Static

    from coach.domain.drill import CardProgress
    from coach.domain.models import Attempt


def history_line(state: CardProgress, best: Attempt | None, evening: str | None = None) -> Text:
    """A card's record: attempts, best and last score, its box and when it is due (or, the
    evening before an interview, where it stands tonight: ``evening``); then the best
    attempt's text."""
    from coach.widgets.coaching_panel import score_style

    if not state.scores or best is None:
        return Text("No attempts saved for this card yet.", style="dim")
    line = Text()
    line.append(f"{state.attempts} attempt{'s' if state.attempts != 1 else ''} · ")
    line.append(f"best {state.best}", style=score_style(state.best or 0))
    line.append(f" · last {state.scores[-1]}")
    if evening is not None:  # the evening before: nothing about next week
        line.append(f" · {evening}")
    else:
        line.append(f" · box {state.box}")
        if state.due_at:
            line.append(f" · due {state.due_at:%a %d %b}")
    line.append(f"\nBest: {visible(best.text[:160], lines=True)}", style="dim")
    return line


class CardHistory(Horizontal):
    """The record of ``card_id`` among ``attempts``."""

    # Bound (data_bind), which delivers the first values too: no extra redraw at mount.
    card_id: var[str] = var("", init=False)
    attempts: var[tuple[Attempt, ...] | None] = var(None, init=False)
    """Every attempt saved; None until they are read (just after the first frame), and until
    then the box stays empty."""
    interview: var[date | None] = var(None, init=False)
    """The next interview's day: the evening before it, the card says where it stands tonight."""

    def __init__(self, clock: Callable[[], datetime], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock

    _trend: Sparkline | None = None
    _text: Static | None = None

    def watch_card_id(self) -> None:
        self._show()

    def watch_attempts(self) -> None:
        self._show()

    def watch_interview(self) -> None:
        self._show()

    def _show(self) -> None:
        if self.attempts is None:
            return
        from coach.domain import drill, rhythm

        if self._trend is None or self._text is None:
            # Imported and mounted with the first history to show: not on the first frame.
            from textual.widgets import Sparkline, Static

            self._trend, self._text = Sparkline([], id="trend"), Static(id="history-text")
            self.mount(self._trend, self._text)
        state = drill.progress(self.card_id, self.attempts)
        self._trend.data = list(state.scores) or [0]
        # A trend needs two points: Sparkline draws a single score as one solid block.
        self._trend.display = len(state.scores) >= 2
        mine = [a for a in self.attempts if a.card_id == self.card_id]
        best = max(mine, key=lambda a: (a.score, drill.saved_at(a)), default=None)
        start = rhythm.evening_start(self.interview, self.clock())
        evening = None
        if start is not None:
            evening = rhythm.EVENING_WORDS[rhythm.card_evening(self.card_id, mine, start)]
        self._text.update(history_line(state, best, evening))
