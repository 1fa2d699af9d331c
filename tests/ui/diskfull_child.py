"""Runs coach headless on DB while the process may not write files over a size limit (the
parent sets RLIMIT_FSIZE): types an answer, saves, and reports what the user would see."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from coach.app import CoachApp
from coach.store.opening import open_store


async def main(db: Path) -> None:
    app = CoachApp(open_store(db).store)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if app.focused is not None:
                break
        app.post_message(events.Paste("How does my background measure up to the role?"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        report = {
            "messages": [n.message for n in app._notifications],
            "draft": app.screen.query_one("#draft", TextArea).text,
        }
        app.exit()
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
