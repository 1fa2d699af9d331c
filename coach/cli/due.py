"""``coach due``: what is due today, for a shell login or a scheduler.

Prints one plain line per thing to do, most urgent first (``coach.domain.due``). Exit status:
0 nothing is due, 1 something is, 2 an error (the database could not be read, the data files
are damaged, ``--db`` names no file), with one sentence on stderr. So ``coach due || true`` in
a shell's login file shows the list without failing the login, and a script can act on 1.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from coach.render.safe import visible, visible_stream

if TYPE_CHECKING:
    from coach.domain.models import Application
    from coach.store.store import Store

EXIT_NOTHING = 0
EXIT_DUE = 1
EXIT_ERROR = 2


def _applications(store: Store) -> list[Application]:
    """The stored applications. A store without them (before schema 4) has none: rounds are
    then grouped by company and role alone (``coach.domain.applications.group``)."""
    reader = getattr(store, "applications", None)
    return list(reader()) if callable(reader) else []


def due(
    db: str | None,
    *,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Print what is due as of ``now`` (the clock's time if None); the exit code."""
    from coach.content.loader import ContentError, load_deck
    from coach.content.rubric import load_rubric
    from coach.domain.cards import tailored_cards
    from coach.domain.due import due_items
    from coach.store.errors import StoreError
    from coach.store.locations import resolve_db_path
    from coach.store.opening import open_store

    out, err = out or sys.stdout, visible_stream(err or sys.stderr)
    path, own_folder = resolve_db_path(db)
    if not path.exists():
        if own_folder:
            return EXIT_NOTHING  # coach has not been used yet: nothing can be due
        # Named by --db or $COACH_DB: most likely a typo; creating it would hide that.
        print(f"coach due: there is no database at {path}.", file=err)
        return EXIT_ERROR
    try:
        rubric = load_rubric()
        deck = load_deck()[1]
        opened = open_store(path, tighten_dir=own_folder)
        try:
            if opened.problem:
                print(
                    f"coach due: the database at {path} could not be read, so what is due "
                    "is unknown (open coach to see why).",
                    file=err,
                )
                return EXIT_ERROR
            store = opened.store
            profile = store.profile()
            cards = [
                *tailored_cards(profile.requirements, profile.strengths),
                *store.heard_cards(),
                *deck,
            ]
            items = due_items(
                _applications(store),
                store.interviews(),
                profile,
                store.attempts(),
                cards,
                now or datetime.now().astimezone(),
                rubric,
            )
        finally:
            opened.store.close()
    except (ContentError, StoreError, OSError, ValueError) as error:
        print(f"coach due: {str(error).rstrip('.')}.", file=err)
        return EXIT_ERROR
    for item in items:
        print(visible(item.text), file=out)
    return EXIT_DUE if items else EXIT_NOTHING
