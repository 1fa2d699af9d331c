"""The Rich console the commands print tables and panels with (``coach history``, ``coach
rate``).

When the reader of the output goes away (``coach history | head``), Rich's own console would
end the process with status 1, which reads as an error. This one drops the rest, as
``coach.cli.output.GuardedOutput`` does, and lets the command finish with its own status.
"""

from __future__ import annotations

from rich.console import Console


class CliConsole(Console):
    """A Rich console that stops printing when its reader goes away.

    Rich's own console would end the process with status 1 (which reads as an error); this one
    drops the rest, as ``GuardedOutput`` does, and lets the command finish.
    """

    def on_broken_pipe(self) -> None:
        """Print nothing more."""
        self.quiet = True
