"""``coach due``: what is due today, for a shell login or a scheduler.

Prints one plain line per thing to do, most urgent first (``coach.domain.due``). Exit status:
0 nothing is due, 1 something is, 2 an error (the database could not be read, the data files
are damaged, ``--db`` names no file), with one sentence on stderr. So ``coach due || true`` in
a shell's login file shows the list without failing the login, and a script can act on 1.

It only reads the database (``coach.store.opening.read_only``): a damaged file is left where it
is and reported at every run, an older one is read as migrated without being rewritten.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TextIO

from coach.render.safe import visible, visible_stream

EXIT_NOTHING = 0
EXIT_DUE = 1
EXIT_ERROR = 2


def due(
    db: str | None,
    *,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Print what is due as of ``now`` (the clock's time if None); the exit code."""
    from coach.api import due_today
    from coach.content.loader import ContentError
    from coach.store.errors import StoreError
    from coach.store.locations import resolve_db_path
    from coach.store.opening import read_only

    out, err = out or sys.stdout, visible_stream(err or sys.stderr)
    path, own_folder = resolve_db_path(db)
    if not path.exists():
        if own_folder:
            return EXIT_NOTHING  # coach has not been used yet: nothing can be due
        # Named by --db or $COACH_DB: most likely a typo; creating it would hide that.
        print(f"coach due: there is no database at {path}.", file=err)
        return EXIT_ERROR
    try:
        # Read only: a damaged file is never set aside nor an older one migrated here, so a
        # scheduled run reports the same problem every day instead of "nothing is due".
        store = read_only(path)
    except StoreError as error:
        print(f"coach due: could not read {path} ({error}), so what is due is unknown.", file=err)
        return EXIT_ERROR
    try:
        items = due_today(store, now or datetime.now().astimezone())
    except ContentError as error:
        why = str(error).rstrip(".")
        print(f"coach due: coach's own content could not be read ({why}).", file=err)
        return EXIT_ERROR
    except (StoreError, OSError, ValueError) as error:
        # The Store's own sentences are written for the app ("then press F5"): in a shell,
        # one sentence of ours, with the system's reason where there is one.
        cause = error if isinstance(error, OSError) else error.__cause__
        why = (
            f" ({cause.strerror.lower()})" if isinstance(cause, OSError) and cause.strerror else ""
        )
        print(f"coach due: could not read {path}{why}, so what is due is unknown.", file=err)
        return EXIT_ERROR
    finally:
        store.close()
    for item in items:
        print(visible(item.text), file=out)
    return EXIT_DUE if items else EXIT_NOTHING
