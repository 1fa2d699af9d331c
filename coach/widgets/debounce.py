"""One debouncer for every "after a pause in typing" (coaching, rating, autosave, preview), and
the delays it waits, injectable so tests run with none.

A burst of keystrokes costs one assessment and one write, after it: each key ``poke``s the
debouncer, which runs its callback once ``delay`` seconds after the last poke. With a delay of
0 (``Delays.none()``, for tests), the callback runs on the next turn of the event loop, so a
test waits for its effect (``wait_until``), never for the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message_pump import MessagePump
from textual.timer import Timer


@dataclass(frozen=True)
class Delays:
    """Seconds to wait after the last key before each kind of work."""

    coach: float = 0.12
    """Re-assess the draft (an assessment takes 1-4 ms; this keeps typing smooth)."""
    rate: float = 0.15
    """Re-rate the Rate form."""
    autosave: float = 0.6
    """Write the draft or the form in progress (a write is fsynced: not on every key)."""
    preview: float = 0.15
    """Re-read a pasted job posting in the profile."""

    @classmethod
    def none(cls) -> Delays:
        """No waiting: for tests, which then wait on what the work does."""
        return cls(coach=0, rate=0, autosave=0, preview=0)


class Debouncer:
    """Runs ``callback`` once, ``delay`` seconds after the last ``poke``."""

    def __init__(self, owner: MessagePump, delay: float, callback: Callable[[], object]) -> None:
        self._owner = owner
        self._delay = delay
        self._callback = callback
        self._timer: Timer | None = None
        self._pending = False

    @property
    def pending(self) -> bool:
        """A poke is waiting for its pause."""
        return self._pending

    def poke(self) -> None:
        """Something changed: run the callback after the pause (restarting the wait)."""
        self.cancel()
        self._pending = True
        if self._delay <= 0:
            self._owner.call_later(self._fire)
        else:
            self._timer = self._owner.set_timer(self._delay, self._fire)

    def flush(self) -> None:
        """Run the callback now if a poke is waiting (before leaving, say)."""
        if self._pending:
            self._fire()

    def cancel(self) -> None:
        """Forget a waiting poke."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._pending = False

    def _fire(self) -> None:
        if not self._pending:
            return  # cancelled, or already run by flush
        self.cancel()
        self._callback()
