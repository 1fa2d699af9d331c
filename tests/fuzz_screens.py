"""Every screen opened headless on a generated hostile database: no crash, no raw control
character on screen. Shared by the suite (a few databases) and the benchmark (300)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, OptionList

from coach.screens.confirm import ConfirmScreen
from coach.screens.notice import NoticeScreen
from tests.hostile import CONTROL, dump

SIZE = (100, 30)


def _shown(app: Any, where: str) -> None:
    """What the terminal would get holds no raw control character."""
    screen = app.export_screenshot()
    found = CONTROL.search(screen)
    assert found is None, f"{where} drew a raw control character {found.group()!r}"


async def _settle(pilot: Any) -> None:
    """Let the app finish what a key started, answering any dialog as a person would: a notice
    (a damaged file was set aside) is read and closed; "leave unsaved text?" is answered yes."""
    app = pilot.app
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, NoticeScreen):
            _shown(app, "a notice")
            await pilot.press("escape")
        elif isinstance(app.screen, ConfirmScreen):
            _shown(app, "a question")
            await pilot.press("y")
        else:
            return


async def every_screen(folder: Path, raw: Any, drafts: Any) -> None:
    """Open Rehearse (each card), Rate (each interview), Progress and Help on ``raw``."""
    from coach.app import CoachApp
    from coach.store.drafts import drafts_path
    from coach.store.lazy import LazyStore

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "coach.json"
    db.write_bytes(dump(raw))
    drafts_path(db).write_bytes(dump(drafts))
    store = LazyStore(db)
    app = CoachApp(store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            _shown(app, "Rehearse")
            await _settle(pilot)
            cards = app.screen.query(OptionList).first()
            for _ in range(min(cards.option_count, 6)):
                await pilot.press("ctrl+n")
                await _settle(pilot)
                _shown(app, "Rehearse, another card")
            await pilot.press("f3")
            await _settle(pilot)
            _shown(app, "Rate")
            table = app.screen.query(DataTable).first()
            for row in range(min(table.row_count, 4)):
                table.move_cursor(row=row)
                table.action_select_cursor()
                await _settle(pilot)
                _shown(app, "Rate, an interview")
            await pilot.press("f4")
            await _settle(pilot)
            _shown(app, "Progress")
            await pilot.press("escape", "f1")
            await _settle(pilot)
            _shown(app, "Help")
    finally:
        store.close()
    assert app.return_code in (None, 0), f"the app ended with {app.return_code}"
