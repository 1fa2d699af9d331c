"""Programs the benchmark launches: coach and the bare Textual floor. Each prints
"first <peak KiB>" at its first frame, "complete <peak KiB>" at its first frame with everything
loaded (coach's screens load their lists and panels just after the first frame), and
"settled <peak KiB>" one second later, idle, then exits. Run as ``python apps.py bare`` or
``python apps.py coach DB [SCREEN]``.

"Rendered" is the first screen update the compositor hands to the display; in headless mode
Textual drops it instead of writing it, so this harness wraps ``App._display`` to see it. That is
a private method: acceptable in a benchmark (it only observes), and the tmux benchmark measures
the same thing from outside with no hook at all.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

SIZE = (120, 36)
"""The terminal size for both programs: the tmux benchmark's (Textual's headless default is
80x24, where coach has less to draw)."""


SETTLE = 1.0
"""Seconds the app is left idle after everything is loaded before its peak is read again: a
cursor blinks, the clock ticks, and anything a screen does by itself after loading is in."""


def peak_kib() -> str:
    """Peak memory of this program alone: ru_maxrss seen by the parent would include the
    parent's pages shared at fork; VmHWM starts afresh at exec."""
    status = Path("/proc/self/status")
    if not status.exists():
        return "0"
    line = next(line for line in status.read_text().splitlines() if line.startswith("VmHWM"))
    return line.split()[1]


def report_frames() -> None:
    """Print "first", "complete" and "settled" lines (see above); the parent timestamps each
    line as it arrives."""
    from textual.app import App
    from textual.screen import Screen

    original = App._display
    shown = {"first": False, "complete": False}

    def display(self: App[Any], screen: Screen[Any], renderable: Any) -> None:
        original(self, screen, renderable)
        # A frame counts once the screen showing has something on it, and only if a terminal
        # would get it: during start-up's batch of updates Textual drops frames (headless or
        # not), and the first one a terminal shows is the first one after it.
        if renderable is None or not screen.children or self._batch_count:
            return
        if not shown["first"]:
            shown["first"] = True
            os.write(1, f"first {peak_kib()}\n".encode())
        # Screens say when what they defer past the first frame is in (``ready``); the bare
        # app defers nothing.
        if getattr(screen, "ready", True) and not shown["complete"]:
            shown["complete"] = True
            os.write(1, f"complete {peak_kib()}\n".encode())

            def settled() -> None:
                os.write(1, f"settled {peak_kib()}\n".encode())
                os._exit(0)

            self.set_timer(SETTLE, settled)

    App._display = display  # type: ignore[method-assign]


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Bare Textual app: the floor every Textual program pays.")
            yield Footer()

    Bare().run(headless=True, size=SIZE)


def coach(db: str, screen: str = "rehearse") -> None:
    """The real entry point, as the ``coach`` command runs it, only headless."""
    from textual.app import App

    run = App.run

    def headless_run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        return run(self, *args, **{**kwargs, "headless": True, "size": SIZE})

    App.run = headless_run  # type: ignore[method-assign]
    from coach.__main__ import main

    main(["--db", db, "--screen", screen])


if __name__ == "__main__":
    if sys.argv[1] == "coach":
        # ``coach`` pauses the garbage collector before it imports Textual (see main()); this
        # harness must import Textual first to watch for the frame, so it pauses it here.
        gc.disable()
    report_frames()
    if sys.argv[1] == "bare":
        bare()
    else:
        coach(sys.argv[2], *(sys.argv[3:4]))
