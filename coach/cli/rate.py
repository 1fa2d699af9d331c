"""Sub-commands that need no full-screen app: ``coach rate --signals FILE.json``."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

EXIT_FAILURE = 1
"""coach's own content (the packaged rubric) could not be read."""
EXIT_USAGE = 2
"""Bad input: a missing or malformed file, an unknown signal or value."""


class CliError(Exception):
    """A sentence for stderr; the command exits with EXIT_USAGE."""


def read_signals(path: Path) -> dict[str, object]:
    """The signals mapping in ``path`` (at most ``json_input.MAX_SIGNALS_BYTES`` of it).

    Raises:
        CliError: The file is missing, too large, is not JSON, or is not an object.
    """
    from coach.exports import json_input

    try:
        raw = json_input.parse(json_input.read_bytes(path, json_input.MAX_SIGNALS_BYTES))
    except json_input.InputError as error:
        raise CliError(f"{path}: {error}") from None
    if not isinstance(raw, dict):
        raise CliError(f'{path}: must hold a JSON object of signals, like {{"tone": "positive"}}')
    return raw


def rate(
    signals_file: str, *, as_json: bool, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Print the rating of the signals in ``signals_file``; returns the exit code."""
    from coach.content.loader import ContentError
    from coach.content.rubric import load_rubric
    from coach.domain.rating import SignalError, rate_interview
    from coach.render.safe import visible_stream

    # The file's name and what it holds are quoted in the sentences: shown as data.
    err = visible_stream(err or sys.stderr)
    # Looked up now, not when the module was imported: main guards sys.stdout while it runs.
    out = out or sys.stdout
    path = Path(signals_file)
    try:
        rating = rate_interview(read_signals(path), load_rubric())
    except ContentError as error:
        print(f"coach rate: {error}", file=err)
        return EXIT_FAILURE
    except CliError as error:
        print(f"coach rate: {error}", file=err)
        return EXIT_USAGE
    except SignalError as error:
        print(f"coach rate: {path}: {error}", file=err)
        return EXIT_USAGE
    if as_json:
        json.dump(asdict(rating), out, indent=2)
        out.write("\n")
        return 0
    from coach.cli.console import CliConsole
    from coach.render.rating import rating_renderable

    CliConsole(file=out).print(rating_renderable(rating, title=f"{path.name}"))
    return 0
