"""Programs the benchmark launches: coach and the bare Textual floor. Each exits the moment its
first frame is rendered. Run as ``python apps.py bare`` or ``python apps.py coach DB [SCREEN]``.

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


def exit_at_first_frame() -> None:
    from textual.app import App
    from textual.screen import Screen

    original = App._display

    def display(self: App[Any], screen: Screen[Any], renderable: Any) -> None:
        original(self, screen, renderable)
        # coach first shows Textual's empty default screen while its own screen mounts: a
        # frame counts once the screen showing has something on it.
        if renderable is not None and screen.children:
            # Peak memory of this program alone: ru_maxrss seen by the parent would include
            # the parent's pages shared at fork; VmHWM starts afresh at exec.
            status = Path("/proc/self/status")
            if status.exists():
                peak = next(
                    line for line in status.read_text().splitlines() if line.startswith("VmHWM")
                )
                os.write(1, f"{peak.split()[1]}\n".encode())
            os._exit(0)

    App._display = display  # type: ignore[method-assign]


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Bare Textual app: the floor every Textual program pays.")
            yield Footer()

    Bare().run(headless=True)


def coach(db: str, screen: str = "rehearse") -> None:
    """The real entry point, as the ``coach`` command runs it, only headless."""
    from textual.app import App

    run = App.run

    def headless_run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        return run(self, *args, **{**kwargs, "headless": True})

    App.run = headless_run  # type: ignore[method-assign]
    from coach.__main__ import main

    main(["--db", db, "--screen", screen])


if __name__ == "__main__":
    if sys.argv[1] == "coach":
        # ``coach`` pauses the garbage collector before it imports Textual (see main()); this
        # harness must import Textual first to watch for the frame, so it pauses it here.
        gc.disable()
    exit_at_first_frame()
    if sys.argv[1] == "bare":
        bare()
    else:
        coach(sys.argv[2], *(sys.argv[3:4]))
