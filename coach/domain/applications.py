"""Applications and their rounds: which interviews belong together, in what order, and where
each application stands.

An application is one job at one company; its interviews are its rounds. Interviews of the
same company and role belong to one application (``application_key`` says when two are the
same, forgiving case, spacing and invisible characters, as people type them differently from
one round to the next). The store keeps the link; this module only reads it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.domain.interview_form import STAGES
from coach.domain.models import Application, ApplicationStatus, Interview

STATUSES: tuple[ApplicationStatus, ...] = ("active", "offer", "rejected", "withdrawn", "no reply")

_FROM_OUTCOME: dict[str, ApplicationStatus] = {
    "offer": "offer",
    "rejected": "rejected",
    "no reply": "no reply",
    "next round": "active",
}

NEXT_STAGE = {
    "phone": "technical",
    "technical": "onsite",
    "onsite": "final",
    "panel": "final",
    "final": "final",
    "other": "other",
}
"""The stage that usually follows: a guess the user can change on the next round's form."""
assert set(NEXT_STAGE) == set(STAGES)


def application_key(company: str, role: str) -> tuple[str, str]:
    """What makes two interviews rounds of one application: the company and the role, compared
    without case, accents' composed or decomposed forms, control or format characters, or runs
    of spaces ("Northwind Labs" and "northwind  labs " are one company)."""
    return _fold(company), _fold(role)


def _fold(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(ch for ch in normal if unicodedata.category(ch)[0] != "C")
    return " ".join(kept.casefold().split())


def next_stage(stage: str) -> str:
    """The stage of the round after one at ``stage`` (empty when unknown)."""
    return NEXT_STAGE.get(stage, "")


def round_order(interview: Interview) -> tuple[str, int]:
    """Rounds in the order they were held: by date (undated last), then as saved."""
    held = interview.held_at[:10] if interview.held_at else "\uffff"
    return held, interview.id if interview.id is not None else 1 << 62


def status_of(application: Application, rounds: Sequence[Interview]) -> ApplicationStatus:
    """Where the application stands: what the user set, or else what its latest round's
    outcome says (an offer, a rejection, no reply); active while it goes on."""
    if application.status is not None:
        return application.status
    if not rounds:
        return "active"
    latest = max(rounds, key=round_order)
    return _FROM_OUTCOME.get(latest.outcome, "active")


@dataclass(frozen=True)
class ApplicationView:
    """An application with its rounds in order, as the Rate list shows it."""

    application: Application
    rounds: tuple[Interview, ...]
    """In the order held (``round_order``); never empty."""
    status: ApplicationStatus

    @property
    def latest(self) -> Interview:
        """The round shown on the application's row."""
        return self.rounds[-1]


def group(
    applications: Iterable[Application], interviews: Iterable[Interview]
) -> list[ApplicationView]:
    """The applications that have rounds, each with its rounds in order, the most recent
    application (by its latest round) first.

    An interview whose application is missing (a hand-edited file) is shown as an application
    of its own, never dropped: what was saved is always on the list."""
    by_id = {app.id: app for app in applications if app.id is not None}
    rounds: dict[int | tuple[str, str], list[Interview]] = {}
    for interview in interviews:
        key: int | tuple[str, str]
        if interview.application_id is not None and interview.application_id in by_id:
            key = interview.application_id
        else:
            key = application_key(interview.company, interview.role)
        rounds.setdefault(key, []).append(interview)
    views: list[ApplicationView] = []
    for key, members in rounds.items():
        members.sort(key=round_order)
        if isinstance(key, int):
            app = by_id[key]
        else:
            app = Application(company=members[-1].company, role=members[-1].role)
        views.append(ApplicationView(app, tuple(members), status_of(app, members)))
    views.sort(key=lambda view: round_order(view.latest), reverse=True)
    return views
