"""``coach --demo``: the app on sample data, in a temporary database removed at exit.

The user's own database is never opened, not even read: the demo lives in a fresh folder from
``tempfile.mkdtemp``, so everything in the app (saving an attempt, a draft, a theme) works
as usual and vanishes with that folder.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from textual import events, on

from coach.app import CoachApp, ScreenName, local_now
from coach.demo.data import fill_store
from coach.screens import Clock
from coach.store.locations import DB_NAME
from coach.store.opening import open_store

DEMO_SUB_TITLE = "DEMO DATA · deleted when you quit"
"""In the header of every screen, so demo data is never taken for the user's own."""
DEMO_NOTICE = (
    "You are looking at sample data in a temporary database. Try anything: it is all deleted "
    "when you quit, and your own database is not touched."
)


class DemoApp(CoachApp):
    """coach on sample data, marked as such in the header and in a notice at start."""

    SUB_TITLE = DEMO_SUB_TITLE

    @on(events.Mount)
    def _say_it_is_a_demo(self) -> None:
        # A handler of its own rather than an on_mount override: CoachApp.on_mount stays as is.
        self.notify(DEMO_NOTICE, title="Demo", timeout=12, markup=False)


@contextlib.contextmanager
def demo_app(first_screen: ScreenName = "rehearse", clock: Clock = local_now) -> Iterator[DemoApp]:
    """A DemoApp on a freshly filled temporary database; the folder is removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="coach-demo-"))
    try:
        opened = open_store(folder / DB_NAME)
        try:
            fill_store(opened.store, clock())
            yield DemoApp(
                opened.store, problem=opened.problem, first_screen=first_screen, clock=clock
            )
        finally:
            opened.store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_demo(first_screen: ScreenName = "rehearse") -> int:
    """Run the demo; returns the process exit code."""
    from coach.content.loader import ContentError

    with demo_app(first_screen) as app:
        try:
            app.run()
        except ContentError as error:
            print(f"coach: {error}", file=sys.stderr)
            return 1
        return app.return_code or 0
