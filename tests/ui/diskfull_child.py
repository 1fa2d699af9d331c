"""Runs coach headless on DB while the process may not write files over a size limit (the
parent sets RLIMIT_FSIZE): types an answer, saves, and reports what the user would see.

Run from the repository's top folder as ``python -m tests.ui.diskfull_child DB``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from textual.widgets import TextArea

from coach.app import CoachApp
from coach.store.opening import open_store
from tests.ui.keyboard import paste, wait_until
from tests.ui.toasts import record_toasts, toasts


async def main(db: Path) -> None:
    app = CoachApp(open_store(db).store)
    with pytest.MonkeyPatch.context() as monkeypatch:
        record_toasts(monkeypatch)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_until(pilot, lambda: app.focused is not None, "the draft to take keys")
            await paste(pilot, "How does my background measure up to the role?")
            await pilot.press("ctrl+s")
            # Saved or not, a save ends in a toast.
            await wait_until(pilot, lambda: bool(toasts(app)), "the save's toast")
            report = {
                "messages": [message for _title, message in toasts(app)],
                "draft": app.screen.query_one("#draft", TextArea).text,
            }
            app.exit()
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
