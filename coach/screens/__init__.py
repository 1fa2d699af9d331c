"""The app's screens: Rehearse and Rate (peers), plus modal help, dialogs and notices."""

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]
"""Where a screen gets "now": injected, so tests and snapshots are repeatable."""
