"""The Rate list's columns and rows: one row per application (its latest round's date, stage,
score, band and follow-up badge, the application's status and its number of rounds), and under
the open application one indented row per round ("↳ 2 onsite").

The columns fit the list's width (``fitting_columns``): as it narrows, the band shortens,
Rounds, Stage and Role go (at 120x36, beside the calibration panel, Role stays as it always
has; an open application's rounds then name their stage: "↳ 2 onsite"); then the date loses
its year, the band its "went", and then the date goes; under 60 cells Status goes too, and a
round's outcome then shows in the follow-up's cell. Score, band and the follow-up badge
(OVERDUE) always stay. A settled application (offer, rejected, withdrawn, no reply) waits for
no reply: its follow-up cell says its status where Status has no column, "—" where it has,
and its rounds show no OVERDUE or "awaiting". Names are cut to their column's cells (a CJK
character or an emoji takes two), always with "…" where cut. Stored text is data: every
cell of it is ``user_text`` (a str cell would be read as markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from coach.render.rating import BAND_STYLE
from coach.render.safe import fit, user_text

if TYPE_CHECKING:
    from coach.domain.applications import ApplicationView
    from coach.domain.models import Interview
    from coach.domain.rating import Rating

NAME_WIDTH = 13
"""Role is cut to this, so the columns after it fit."""
WIDTHS = {"Date": 10, "Company": 10, "Role": NAME_WIDTH, "Stage": 6, "Score": 5, "Band": 15}
WIDTHS |= {"Follow-up": 9, "Status": 10, "Rounds": 6}
"""Each column's cells when there is room (the longest value or header; Company's least
before a column goes: it then takes what the others leave)."""
MIN_COMPANY = 6
MAX_COMPANY = 24
"""Company takes the room the other columns leave, between these."""
NARROWER = (
    {"Band": 11},
    {"Rounds": 0},
    {"Stage": 0},
    {"Role": 0},
    {"Date": 5},
    {"Band": 6},
    {"Company": MIN_COMPANY},
    {"Date": 0},
    {"Status": 0},
)
"""What gives way, in turn, as the list narrows (0: the column goes): never Score, Band or
Follow-up, whose badge says a reply is overdue; Status only under 60 cells. (Under 80 columns
the calibration panel goes too, rate.tcss: the list then has the screen's width.)"""
BAND_WORDS = {
    "went well": ("went well", "well"),
    "went poorly": ("went poorly", "poorly"),
    "nothing to rate": ("nothing to rate", "not rated", "—"),
}
"""A band's words, longest first: the longest that fits the column is shown."""
FOLLOW_UP_BADGES = {
    "overdue": ("OVERDUE", "bold reverse red"),
    "replied": ("replied", "green"),
    "awaiting": ("awaiting", "dim"),
}
"""A rating's follow-up -> the badge's words and style; "—" for any other."""
WAITING = ("overdue", "awaiting")
"""Follow-ups that wait for a reply: not shown once the application is settled."""
STATUS_STYLE = {"offer": "bold green", "rejected": "red", "withdrawn": "dim", "no reply": "dim"}
"""An application's status -> its style ("active" plain)."""
STAGE_WORDS = {"technical": "tech"}
"""A stage's word in the list, where the full one is longer than the column's 6 cells."""
ROUND_MARK = "↳"
"""Starts a round's row under its application."""


def fitting_columns(room: int) -> dict[str, int]:
    """The columns shown in ``room`` cells and their widths (each cell has 1 cell of padding
    either side, and 2 cells are kept for a scroll bar); Company takes what the others leave."""
    room -= 2
    widths = dict(WIDTHS)
    for change in NARROWER:
        if sum(w + 2 for w in widths.values() if w) <= room:
            break
        widths |= change
    left = room - sum(w + 2 for name, w in widths.items() if w and name != "Company") - 2
    widths["Company"] = max(MIN_COMPANY, min(MAX_COMPANY, left))
    return {name: width for name, width in widths.items() if width}


def _date(interview: Interview, columns: dict[str, int]) -> Text:
    return user_text(interview.held_at[:10][-columns.get("Date", 10) :])


def _stage(interview: Interview) -> str:
    # A stage is one of the form's choices (the reader keeps no other): no user text here.
    return STAGE_WORDS.get(interview.stage, interview.stage) or "—"


def _read(rating: Rating, columns: dict[str, int], settled: bool) -> dict[str, str | Text]:
    """The cells of a round's rating: its score, band (as much as fits) and follow-up badge
    (none waiting, in a ``settled`` application: the user has said how it ended)."""
    band = next(
        (w for w in BAND_WORDS.get(rating.band, ()) if len(w) <= columns["Band"]), rating.band
    )
    waiting = settled and rating.follow_up in WAITING
    badge = ("—", "dim") if waiting else FOLLOW_UP_BADGES.get(rating.follow_up, ("—", "dim"))
    return {
        "Score": "—" if rating.score is None else str(rating.score),
        "Band": Text(band, style=BAND_STYLE[rating.band]),
        "Follow-up": Text(*badge),
    }


def application_cells(
    view: ApplicationView, rating: Rating, columns: dict[str, int]
) -> list[str | Text]:
    """The row of an application: its latest round's date, stage and ``rating``; its names,
    status and number of rounds."""
    latest = view.latest
    settled = view.status != "active"
    status = Text(view.status, style=STATUS_STYLE.get(view.status, ""))
    cells: dict[str, str | Text] = {
        "Date": _date(latest, columns),
        "Company": user_text(fit(view.application.company, columns["Company"])),
        "Role": user_text(fit(view.application.role, columns.get("Role", 0))),
        "Stage": _stage(latest),
        **_read(rating, columns, settled),
        "Status": status,
        "Rounds": str(len(view.rounds)),
    }
    if settled:
        # Settled (by its last outcome, or set with ctrl+g): no reply is awaited, so no badge
        # ("OVERDUE" after a withdrawal would be wrong). Its status says how it ended, in the
        # follow-up's cell where Status has no column (80x24, beside the calibration panel).
        cells["Follow-up"] = Text("—", "dim") if "Status" in columns else status
    return [cells[name] for name in columns]


def round_cells(
    interview: Interview,
    number: int,
    rating: Rating,
    columns: dict[str, int],
    *,
    settled: bool = False,
) -> list[str | Text]:
    """The indented row of a round (``number`` from 1) under its application (``settled``:
    not active): its date, stage, rating and outcome."""
    stage = interview.stage or "—"
    # The stage says which round it is; where its column has gone, it follows the number.
    label = f"{ROUND_MARK} {number}" + ("" if "Stage" in columns else f" {stage}")
    cells: dict[str, str | Text] = {
        "Date": _date(interview, columns),
        "Company": user_text(fit(label, columns["Company"])),
        "Role": "",
        "Stage": _stage(interview),
        **_read(rating, columns, settled),
        "Status": user_text(fit(interview.outcome or "—", columns.get("Status", 0))),
        "Rounds": "",
    }
    if "Status" not in columns and interview.outcome:
        cells["Follow-up"] = user_text(fit(interview.outcome, columns["Follow-up"]))
    return [cells[name] for name in columns]


def round_key(interview_id: int | None) -> str:
    """A round's row key (a single-round application's row is its round's)."""
    return str(interview_id)


def application_key(view: ApplicationView) -> str:
    """The row key of an application of several rounds, named by its latest round."""
    return f"app:{view.latest.id}"


def opened_id(key: str) -> int:
    """The interview a row opens: the round, or an application's latest round."""
    return int(key.removeprefix("app:"))
