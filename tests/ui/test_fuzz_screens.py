"""Every screen on generated hostile databases (issue 11): a few here, 300 in the benchmark."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from tests import fuzz_screens, hostile

_runs = itertools.count()


@settings(
    max_examples=6,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=hostile.database(), drafts=hostile.drafts())
def test_every_screen_opens_on_any_database(tmp_path: Path, raw: Any, drafts: Any) -> None:
    # A plain test driving its own loop: hypothesis cannot drive an async test.
    asyncio.run(fuzz_screens.every_screen(tmp_path / f"run{next(_runs)}", raw, drafts))


def test_a_known_hostile_database_is_drawn_safely(tmp_path: Path) -> None:
    """The reproductions of issue 11, as one database, on every screen."""
    raw = {
        "_meta": {"1": {"schema": 1}},
        "interviews": {
            "1": {
                "company": "Ev\x1b]0;PWNED\x07\x1b[2Jil",
                "role": "Acme [/remote]",
                "held_at": "9999-12-30",
                "timeline_date": "9999-12-31",
                "signals": {"gave_timeline": True, "timeline_days": 5, "actual_min": -5},
            },
            "01": {"company": None, "role": None, "signals": {"nonsense": "abc"}},
        },
        "attempts": {
            "1": {
                "kind": "question",
                "text": "[bold]x",
                "score": float("nan"),
                "created_at": "9999-12-31T23:00:00+00:00",
            },
            "2": {
                "kind": "response",
                "text": "y",
                "score": float("inf"),
                "created_at": "2026-13-45",
            },
        },
    }
    asyncio.run(fuzz_screens.every_screen(tmp_path, raw, {"closing-question": "[/x]\x1b[2J"}))
