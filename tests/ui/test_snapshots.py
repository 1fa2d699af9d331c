"""SVG snapshots of each screen. Update with ``pytest --snapshot-update`` and look at the report
(``snapshot_report.html``) before committing new ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coach.app import CoachApp
from coach.domain import Interview
from coach.storage import Store

SIZE = (120, 36)
SnapCompare = Callable[..., bool]


def app_on(store: Store | None = None, **kwargs: Any) -> CoachApp:
    return CoachApp(store or Store.in_memory(), **kwargs)


def test_rehearse_empty(snap_compare: SnapCompare) -> None:
    assert snap_compare(app_on(), terminal_size=SIZE)


def test_rate_empty(snap_compare: SnapCompare) -> None:
    assert snap_compare(app_on(), terminal_size=SIZE, press=["f3"])


def test_rate_with_saved_interviews(snap_compare: SnapCompare) -> None:
    store = Store.in_memory()
    store.save_interview(
        Interview(company="Acme", role="Data engineer", held_at="2026-11-02", outcome="next round")
    )
    store.save_interview(Interview(company="Globex", role="Analyst", held_at="2026-11-18"))
    assert snap_compare(app_on(store, first_screen="rate"), terminal_size=SIZE)


def test_help(snap_compare: SnapCompare) -> None:
    assert snap_compare(app_on(), terminal_size=SIZE, press=["f1"])


def test_database_notice(snap_compare: SnapCompare) -> None:
    problem = (
        "/home/you/.local/share/coach/coach.json could not be read as a coach database (not "
        "valid JSON at line 1, column 3). It was kept unchanged as /home/you/.local/share/"
        "coach/coach.json.corrupt-20261121-204700 and coach started a new, empty database in "
        "its place. Your old data is in that copy."
    )
    assert snap_compare(app_on(problem=problem), terminal_size=SIZE)
