"""Where coach keeps its database. Resolved when asked, never at import time."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

DB_ENV = "COACH_DB"
"""The environment variable that chooses the database file."""
DB_NAME = "coach.json"


def default_db_path() -> Path:
    """The database in the platform's user-data folder, e.g. ``~/.local/share/coach/coach.json``."""
    from platformdirs import user_data_path

    return user_data_path("coach", appauthor=False) / DB_NAME


def resolve_db_path(
    cli_value: str | None, environ: Mapping[str, str] | None = None
) -> tuple[Path, bool]:
    """Pick the database file: ``--db`` first, then ``COACH_DB``, then the default.

    Returns:
        The path, and whether it is coach's own default folder (which coach may chmod 0700;
        a folder the user chose is left as it is).
    """
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser(), False
    return default_db_path(), True


def resolved(path: Path) -> Path:
    """``path`` made absolute with every symbolic link followed.

    Raises:
        OSError: A link leads back to itself (errno ``ELOOP``). Python 3.11 and 3.12 raise a
            ``RuntimeError`` for that, which no caller expects of a path; it is turned into
            the ``OSError`` later versions raise.
    """
    try:
        return path.expanduser().resolve()
    except RuntimeError:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None
