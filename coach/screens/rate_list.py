"""The Rate screen's list of applications and its calibration panel, put in their row just after
the first frame (their modules, the domain's models and the rubric load then), and kept up to
date with the screen's interviews: by hand, as ``data_bind`` would, since it binds only from
``compose``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from coach.domain.rubric import Rubric
    from coach.screens.rate import RateScreen


def mount_list(screen: RateScreen, rubric: Callable[[], Rubric]) -> AwaitMount:
    """Put the list and the calibration panel in their row, with the screen's data."""
    from coach.widgets.calibration_panel import CalibrationPanel
    from coach.widgets.interview_list import InterviewList

    mounting = screen.query_one("#interviews-row").mount(
        InterviewList(rubric, screen.clock, id="interviews"),
        CalibrationPanel(rubric, id="calibration"),
    )
    pass_on(screen)
    return mounting


def pass_on(screen: RateScreen, *, editing_only: bool = False) -> None:
    """Give the list and the panel the screen's applications, interviews and open round (the
    list draws when its interviews are set: they come last); ``editing_only``: the open round
    alone changed (the list moves its cursor, and rates nothing again)."""
    if screen.interviews is None:
        return  # not read yet (nor the list there): the first frame loads neither module
    from coach.widgets.calibration_panel import CalibrationPanel
    from coach.widgets.interview_list import InterviewList

    lists, panels = screen.query(InterviewList), screen.query(CalibrationPanel)
    if not lists:
        return
    listing = lists.first()
    listing.applications = screen.applications
    listing.editing = screen.editing
    if editing_only:
        return
    listing.interviews = screen.interviews
    for panel in panels:
        panel.interviews = screen.interviews
