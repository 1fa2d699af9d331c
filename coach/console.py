"""The Rich console the commands print with (``coach history``, ``coach rate``).

When the reader of the output goes away (``coach history | head``), Rich would end the process
itself with status 1, which reads as an error. This console lets the ``BrokenPipeError`` reach
``coach.__main__.main`` instead, which ends every command the same quiet way.
"""

from __future__ import annotations

import errno

from rich.console import Console


class CliConsole(Console):
    """A Rich console that leaves a closed pipe to ``coach.__main__.main``."""

    def on_broken_pipe(self) -> None:
        """Print nothing more, and raise ``BrokenPipeError`` for ``main`` to handle."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, "the reader closed the pipe")
