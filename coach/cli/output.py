"""How the commands write their output: never a traceback when it cannot be written.

* **The reader goes away** (``coach history | head``): what is left to print is dropped, and
  the command finishes and exits with its own status (0 for a history that ``head`` cut short:
  the reader chose to stop, nothing failed). A sentence already decided (an import refused,
  status 2) keeps its status even if stderr is gone too.
* **Another write error** (a full disk, a file-size limit: ``coach history > big.out``): the
  rest is dropped, and ``coach.cli.main.main`` says so in one sentence, with status 1.

``coach.cli.main`` puts ``GuardedOutput`` streams in place of stdout and stderr while a
command runs (``guarded_output``). Light on purpose: ``coach --help`` goes through here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast


class GuardedOutput:
    """A text stream that drops what it cannot write instead of raising.

    Everything else (``isatty``, ``encoding``, ``fileno``, ...) is the wrapped stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.dropped = False
        """A write failed: nothing more is written."""
        self.failure: OSError | None = None
        """Why, unless the reader closed the pipe (that is no failure)."""
        self._fd = _descriptor(stream)

    def write(self, text: str) -> int:
        """Write ``text``, or drop it once a write has failed; its length either way."""
        if self.dropped:
            return len(text)
        try:
            if self._fd is None:
                self.stream.write(text)
            else:
                # Past the stream's buffer: Python's buffered writer takes a short write (a
                # file-size limit reached mid-way) as done and drops the rest without an error.
                self.stream.flush()
                data = memoryview(text.encode(self.stream.encoding, self.stream.errors or "strict"))
                while data:
                    data = data[os.write(self._fd, data) :]
        except OSError as error:
            self._drop(error)
        return len(text)

    def flush(self) -> None:
        """Flush the stream, unless a write has failed."""
        if not self.dropped:
            try:
                self.stream.flush()
            except OSError as error:
                self._drop(error)

    def _drop(self, error: OSError) -> None:
        self.dropped = True
        if not isinstance(error, BrokenPipeError) and error.errno != errno.EPIPE:
            self.failure = error
        # What the stream still holds would fail again when the interpreter flushes it at
        # exit (and print an error of its own): send its descriptor to the null device.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self.stream.fileno())
            finally:
                os.close(devnull)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _descriptor(stream: TextIO) -> int | None:
    """The file descriptor to write ``stream``'s text to directly; None to write through the
    stream (no descriptor, as in a test's capture; or Windows, whose text streams turn line
    ends into CRLF)."""
    if os.name != "posix" or not getattr(stream, "encoding", None):
        return None
    try:
        return stream.fileno()
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def guarded_output() -> Iterator[tuple[GuardedOutput, GuardedOutput]]:
    """stdout and stderr as ``GuardedOutput`` while a command runs, flushed at its end."""
    out, err = GuardedOutput(sys.stdout), GuardedOutput(sys.stderr)
    sys.stdout, sys.stderr = cast(TextIO, out), cast(TextIO, err)
    try:
        yield out, err
    finally:
        out.flush()
        err.flush()
        sys.stdout, sys.stderr = out.stream, err.stream
