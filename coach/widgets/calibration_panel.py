"""The Rate screen's "Is my read reliable?" panel: how often each band came true, and the
Brier score of the predicted chances, over every interview with an outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.reactive import var
from textual.widgets import Static
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from coach.domain.interviews import Calibration
    from coach.domain.models import Interview
    from coach.domain.rubric import Rubric


def calibration_text(result: Calibration | None, known: int) -> Text:
    """The panel's text for ``result``; ``known`` interviews have an outcome."""
    # Here, not at the top: the panel is on the Rate screen's first frame, empty, and this
    # loads the domain's models and rating.
    from coach.domain.interviews import CALIBRATION_MINIMUM
    from coach.render.rating import BAND_STYLE

    text = Text("Is my read reliable?\n", style="bold")
    if result is None:
        text.append(
            f"Record the outcome of {CALIBRATION_MINIMUM} interviews to see how often each band "
            f"came true ({known} so far).",
            style="dim",
        )
        return text
    for band in result.bands:
        rate = "—" if band.rate is None else f"{band.rate:.0%}"
        text.append(f"{band.band:<12}", style=BAND_STYLE[band.band])
        text.append(f" {band.positive}/{band.interviews} positive ({rate})\n")
    text.append(f"Brier score {result.brier:.2f} over {result.outcomes} outcomes\n")
    text.append("0 is perfect; 0.25 is a coin flip.", style="dim")
    return text


class CalibrationPanel(Static):
    """Calibration of the interviews it is given, worked out off the event loop."""

    interviews: var[tuple[Interview, ...] | None] = var(None, always_update=True)
    """Every saved interview; None until read (the panel stays empty until then)."""

    def __init__(self, rubric: Callable[[], Rubric], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rubric = rubric
        """Where the rubric comes from: read with the first interviews, not for the first
        frame."""

    def watch_interviews(self, interviews: tuple[Interview, ...] | None) -> None:
        if interviews is not None:
            self._calibrate(interviews, self.rubric())

    # Rating every interview with an outcome takes a while with a long history: a thread, so
    # no frame waits; exclusive, so a newer list replaces an older one's result.
    @work(thread=True, exclusive=True, group="calibration")
    def _calibrate(self, interviews: tuple[Interview, ...], rubric: Rubric) -> None:
        from coach.domain.interviews import calibration

        known = sum(1 for interview in interviews if interview.outcome)
        text = calibration_text(calibration(interviews, rubric), known)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.update, text)
