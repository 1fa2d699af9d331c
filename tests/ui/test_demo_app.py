"""``coach --demo``: sample data in a temporary database; the user's own file is never touched."""

from __future__ import annotations

import asyncio
import html
import os
import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, TextArea

import coach.store.locations
from coach.__main__ import main
from coach.demo.app import DEMO_SUB_TITLE, DemoApp
from coach.screens.rehearse import RehearseScreen
from tests.ui.keyboard import paste, wait_until


def screen_text(app: DemoApp) -> str:
    """The text on screen, from the app's own SVG export."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


class Seen:
    """What the driven demo session saw, for the test to check after main() returns."""

    folder: Path | None = None
    saved_attempts: int = 0
    rows: int = 0
    text: str = ""


def drive_demo(seen: Seen) -> Any:
    """A stand-in for ``App.run``: drives the demo with Pilot, as a user would, then quits."""

    def run(app: DemoApp, **_: object) -> None:
        async def session() -> None:
            async with app.run_test(size=(120, 36), notifications=True) as pilot:
                assert app.store.path is not None
                seen.folder = app.store.path.parent
                screen = app.screen
                assert isinstance(screen, RehearseScreen)
                await wait_until(pilot, lambda: bool(screen.attempts), "the demo history")
                await wait_until(pilot, lambda: isinstance(app.focused, TextArea), "the draft")
                before = len(app.store.attempts())
                # Everything a session writes: a draft, an attempt, then the Rate screen.
                question = "How does my background measure up to the role?"
                await paste(pilot, question)
                # The draft is written after a pause in typing.
                await wait_until(
                    pilot,
                    lambda: app.store.drafts().get(screen.card_id) == question,
                    "the draft to be written",
                )
                await pilot.press("ctrl+s")
                seen.saved_attempts = len(app.store.attempts()) - before
                seen.text = screen_text(app)
                await pilot.press("f3")
                table = app.screen.query_one("#interview-table", DataTable)
                await wait_until(pilot, lambda: table.row_count > 0, "the interview list")
                seen.rows = table.row_count
                await pilot.press("ctrl+q")

        asyncio.run(session())

    return run


@pytest.mark.parametrize("how", ["env", "flag"])
def test_demo_never_touches_the_users_database(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine" / "coach.json"
    mine.parent.mkdir()
    mine.write_text('{"not": "read"}')
    os.utime(mine, (1_000_000_000, 1_000_000_000))
    before = (mine.read_bytes(), mine.stat().st_mtime_ns, sorted(mine.parent.iterdir()))
    argv = ["--demo"]
    if how == "env":
        monkeypatch.setenv("COACH_DB", str(mine))
    else:
        argv += ["--db", str(mine)]

    def no_lookup(*_: object, **__: object) -> None:
        raise AssertionError("the demo looked up the user's database")

    monkeypatch.setattr(coach.store.locations, "resolve_db_path", no_lookup)
    seen = Seen()
    monkeypatch.setattr(DemoApp, "run", drive_demo(seen))

    assert main(argv) == 0

    # The session did write (a draft, an attempt)...
    assert seen.saved_attempts == 1
    assert seen.rows == 5  # six interviews in five applications
    # ...into its own folder, which is gone now, while the user's file is as it was.
    assert seen.folder is not None
    assert mine.parent not in seen.folder.parents
    assert not seen.folder.exists()
    assert (mine.read_bytes(), mine.stat().st_mtime_ns, sorted(mine.parent.iterdir())) == before


def test_demo_is_marked_as_a_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = Seen()
    monkeypatch.setattr(DemoApp, "run", drive_demo(seen))
    assert main(["--demo"]) == 0
    assert DEMO_SUB_TITLE in seen.text  # in the header
    assert "sample data" in seen.text  # the notice at start
    # And the demo's own file is not the default one either.
    env_db = Path(os.environ["COACH_DB"])
    assert not env_db.exists()
    assert not env_db.parent.exists()
