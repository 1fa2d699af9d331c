"""Reading a JSON file someone hands coach (``coach import``, ``coach rate --signals``): its
size bounded, a UTF-8 byte-order mark accepted, and every way it can fail a short reason,
never a traceback.

Python's ``json`` raises more than ``JSONDecodeError``: a ``ValueError`` for a number of over
4,300 digits, a ``RecursionError`` for deep nesting (``[`` x 100,000). Both are reasons here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MAX_SIGNALS_BYTES = 1024 * 1024
"""A signals file is a few hundred bytes; 1 MiB is far more than any could need."""
MAX_IMPORT_BYTES = 512 * 1024 * 1024
"""An export of 10,000 attempts is about 10 MB; 512 MiB bounds what an import will parse."""


class InputError(ValueError):
    """The file cannot be used; ``str()`` is the reason, to follow "``PATH``: " in a message."""


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The content of ``path``, at most ``max_bytes`` of it.

    Raises:
        InputError: It is missing, cannot be read (a folder, a symlink loop, no permission),
            or is larger than ``max_bytes``.
    """
    try:
        with path.open("rb") as handle:
            # One byte more than allowed tells a file of exactly the limit from a bigger one,
            # without reading a huge file whole.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("a folder, not a file") from None
    except OSError as error:
        raise InputError(str(error.strerror or error)) from None
    if len(data) > max_bytes:
        raise InputError(f"larger than {_size(max_bytes)}, too large to be read")
    return data


def parse(data: bytes, **hooks: Any) -> object:
    """The JSON value in ``data`` (UTF-8, with or without a byte-order mark).

    Args:
        data: The file's bytes.
        **hooks: ``json.loads``'s hooks (``object_pairs_hook``, ``parse_int``, ...), to read a
            file without building all of it.

    Raises:
        InputError: It is not UTF-8 text, not JSON, or JSON Python cannot read (a number of
            over 4,300 digits, nesting too deep).
    """
    try:
        # utf-8-sig: Notepad and some exports start a UTF-8 file with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not a text file (not UTF-8)") from None
    try:
        return json.loads(text, **hooks)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InputError("cannot be read as JSON (it is nested too deeply)") from None
    except ValueError:
        # The only other ValueError json raises: a number too long to convert.
        raise InputError("cannot be read as JSON (a number in it has too many digits)") from None


def _size(count: int) -> str:
    mib = count / (1024 * 1024)
    return f"{mib:,.0f} MiB" if mib >= 1 else f"{count:,} bytes"
