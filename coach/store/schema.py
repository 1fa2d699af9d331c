"""The shape of the database file, its schema version, and the steps that migrate old files.

The file is TinyDB's layout: ``{table: {doc_id: document}}``, plus a ``_meta`` table whose single
document holds ``{"schema": N}``. Pure functions on plain dicts, so each step is easy to test.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable
from typing import Any

from coach.content import check_ids
from coach.domain import limits

SCHEMA_VERSION = 4
"""The schema this version of coach writes. Bump it and add a step to MIGRATIONS together."""

META_TABLE = "_meta"
META_ID = "1"

TABLES = ("profile", "attempts", "interviews", "settings", "exchanges", "applications")
"""The tables coach keeps. Drafts live in a separate small file (see ``coach.store.drafts``)."""

Raw = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[Raw], Raw]


def _stamp_unversioned(raw: Raw) -> Raw:
    """0 -> 1: a TinyDB file from before versioning (or made by hand) gets a schema stamp."""
    return raw


def _check_ids(raw: Raw) -> Raw:
    """1 -> 2: every saved check gets its stable id, from its name (``coach.content.check_ids``).

    Names are kept as they were: they are what the check was called when it was saved.
    Anything that is not a list of checks is left for the forgiving reader to judge.

    Raises:
        coach.content.loader.ContentError: The table of check ids cannot be read (the file is
            then left untouched).
    """
    known = check_ids.table()  # first: a broken table must stop the step before any change
    attempts = raw.get("attempts", {})
    for key, doc in attempts.items():
        checks = doc.get("checks")
        if isinstance(checks, list):
            # A new document, not an edit in place, like every other change to a document.
            attempts[key] = {**doc, "checks": check_ids.with_ids(checks, known)}
    return raw


def _exchanges(raw: Raw) -> Raw:
    """2 -> 3: mock exchanges (``coach.store.exchanges``) get a table of their own, empty in
    an older file. Every record is kept as it is: an attempt without ``exchange_id`` is one
    practised on its own card, which is what every older attempt was."""
    raw.setdefault("exchanges", {})
    return raw


def _applications(raw: Raw) -> Raw:
    """3 -> 4: applications and their rounds: every interview becomes a round of the
    application of its company and role (``coach.store.rounds.migrate``)."""
    # Here, not at the top: rounds reads interviews with the records this module's
    # functions serve (schema -> records -> schema would be a cycle at import).
    from coach.store.rounds import migrate

    return migrate(raw)


MIGRATIONS: dict[int, Migration] = {
    0: _stamp_unversioned,
    1: _check_ids,
    2: _exchanges,
    3: _applications,
}
"""``MIGRATIONS[n]`` turns a schema-n file into a schema-(n+1) file."""


class ShapeError(ValueError):
    """The file parsed as JSON but is not a coach database."""


def empty() -> Raw:
    """A brand-new database at the current schema."""
    return {META_TABLE: {META_ID: {"schema": SCHEMA_VERSION}}}


MAX_ID_DIGITS = 15
"""Ids coach hands out count up from 1; a longer one was not written by coach."""


def doc_number(key: str) -> int | None:
    """The id a document key stands for; None for a key that is not one coach hands out: too
    long (``int()`` refuses over 4,300 digits), or 0. Such a document is left in the file, but
    not read (``rows`` counts it as hidden)."""
    number = int(key) if len(key) <= MAX_ID_DIGITS else 0
    return number or None


def is_id(value: object) -> bool:
    """Whether ``value`` is an id coach can store a record under: a whole number (not a bool)
    from 1 to 10**MAX_ID_DIGITS - 1."""
    return type(value) is int and 0 < value < 10**MAX_ID_DIGITS


Row = tuple[int, str, dict[str, Any], bool]
"""A document as read: its id, the key it is stored under, the document, and whether another
document of the table claims the same id."""


def rows(docs: dict[str, dict[str, Any]]) -> list[Row]:
    """The documents of a table that are read, by id (lowest first).

    A key is an id however it is spelled: a lone ``"01"`` is document 1, and is written back
    and deleted under its own key. When ``"1"`` and ``"01"`` are both there, only the one
    under the usual key is read, noted as shared, and the other is hidden (neither is removed
    from the file; ``hidden`` counts them). A key that is not an id (``doc_number``) is
    hidden too.
    """
    found: dict[int, Row] = {}
    for key, doc in docs.items():
        number = doc_number(key)
        if number is None:
            continue
        held = found.get(number)
        if held is None:
            found[number] = (number, key, doc, False)
        elif key == str(number):
            found[number] = (number, key, doc, True)
        else:
            found[number] = (*held[:3], True)
    return sorted(found.values(), key=lambda row: row[0])


def hidden(docs: dict[str, dict[str, Any]]) -> int:
    """How many documents of a table are not read (see ``rows``)."""
    return len(docs) - len(rows(docs))


def key_of(docs: dict[str, dict[str, Any]], number: int) -> str:
    """The key the document ``number`` is read from (see ``rows``), or its usual spelling if
    the table holds no such document."""
    usual = str(number)
    if usual in docs:
        return usual
    return next((key for key in docs if doc_number(key) == number), usual)


def id_mark(value: object) -> int:
    """A stored high-water mark of ids (``_meta``'s ``last_ids``); 0 (scan the table instead)
    for anything but a whole number an id of ``MAX_ID_DIGITS`` can follow."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value if 0 < value < 10**MAX_ID_DIGITS - 1 else 0


def last_id(raw: Raw, table: str) -> int:
    """The highest id ``table`` ever handed out: the high-water mark kept in ``_meta`` (so an
    id freed by a delete is never handed out again), or for a file from before the mark, the
    highest id there."""
    meta = raw.get(META_TABLE, {}).get(META_ID) or {}
    last = meta.get("last_ids")
    known = id_mark(last.get(table) if isinstance(last, dict) else None)
    if not known:  # a file from before the mark: scan once
        numbers = (doc_number(key) for key in raw.get(table, {}))
        known = max((n for n in numbers if n is not None), default=0)
    return known


def raise_mark(raw: Raw, table: str, number: int) -> None:
    """Record ``number`` as the highest id ``table`` has handed out."""
    metas = raw.setdefault(META_TABLE, {})
    meta = metas.get(META_ID) or {"schema": SCHEMA_VERSION}
    last = meta.get("last_ids")
    last = last if isinstance(last, dict) else {}
    # A new dict, not an edit in place: the storage reuses the JSON text of documents it has
    # already seen (see AtomicJSONStorage).
    metas[META_ID] = {**meta, "last_ids": {**last, table: number}}


def check_shape(raw: object) -> Raw:
    """Check that parsed JSON has TinyDB's layout and return it typed.

    Raises:
        ShapeError: Naming the first thing that is wrong.
    """
    if not isinstance(raw, dict):
        raise ShapeError(f"the top level is a {type(raw).__name__}, not an object of tables")
    for table, docs in raw.items():
        if not isinstance(docs, dict):
            raise ShapeError(f"table {table!r} is a {type(docs).__name__}, not an object")
        for doc_id, doc in docs.items():
            # fullmatch, not isdigit(): "²" is a digit to Python, but not an id.
            if not (isinstance(doc_id, str) and re.fullmatch(r"[0-9]+", doc_id)):
                raise ShapeError(
                    f"table {table!r} has a document id {doc_id!r} that is not a number"
                )
            if not isinstance(doc, dict):
                raise ShapeError(f"document {doc_id} in table {table!r} is not an object")
    version = schema_of(raw)
    if version < 0:
        raise ShapeError(f"the schema version {version} is negative")
    return raw


def schema_of(raw: Raw) -> int:
    """The file's schema version; 0 for a file without a stamp.

    Raises:
        ShapeError: The stamp is present but not a version number.
    """
    meta = raw.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        return 0
    return read_version(meta.get("schema"))


MAX_VERSION = 10**6
"""A larger stamp is read as this: still newer than any coach, and short to print."""


def read_version(stamp: object) -> int:
    """A schema stamp as a whole number. A stamp that is a version, but not written as coach
    writes it (``2.0``, ``"2"``, ``1.5``), is read as the next whole number up: a newer coach
    may write it so, and its file must be left alone as a newer one's, not called damaged.

    Raises:
        ShapeError: The stamp is not a number (nor text holding one), or not a finite one.
    """
    if isinstance(stamp, str) and len(stamp) <= 20:
        with contextlib.suppress(ValueError):
            stamp = float(stamp)
    if isinstance(stamp, bool) or not isinstance(stamp, int | float):
        raise ShapeError(f"the schema version {limits.echo(stamp)} is not a whole number")
    if isinstance(stamp, float):
        if not math.isfinite(stamp):
            raise ShapeError(f"the schema version {stamp} is not a whole number")
        stamp = math.ceil(min(stamp, MAX_VERSION))
    return min(stamp, MAX_VERSION)


def migrate(
    raw: Raw, *, target: int = SCHEMA_VERSION, steps: dict[int, Migration] | None = None
) -> Raw:
    """Apply each migration step from the file's schema up to ``target``.

    Args:
        raw: A file at a schema at or below ``target``.
        target: The schema to reach (tests pass a higher one with their own steps).
        steps: The migration steps; defaults to ``MIGRATIONS``.

    Raises:
        ValueError: The file is newer than ``target`` or a step is missing.
    """
    steps = MIGRATIONS if steps is None else steps
    version = schema_of(raw)
    if version > target:
        raise ValueError(f"schema {version} is newer than {target}")
    while version < target:
        if version not in steps:
            raise ValueError(f"no migration from schema {version}")
        raw = steps[version](raw)
        version += 1
        # The rest of the stamp's document (the ids' high-water marks) is kept: dropping it
        # would let an id freed by a delete be handed out again.
        metas = raw.setdefault(META_TABLE, {})
        metas[META_ID] = {**metas.get(META_ID, {}), "schema": version}
    return raw
