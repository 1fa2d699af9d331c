"""Putting one document into a table of the database's raw content, with its id: the step
every save is made of (``Store``, ``coach.store.rounds``), applied inside the Store's one
atomic write under its lock."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.domain.limits import echo
from coach.store import schema
from coach.store.errors import StoreError


def check_id(doc_id: int | None) -> None:
    """Refuse an id coach never hands out, before anything is written.

    Raises:
        StoreError: ``doc_id`` is neither None nor an id (``schema.is_id``).
    """
    if doc_id is not None and not schema.is_id(doc_id):
        raise StoreError(
            f"Could not save: {echo(doc_id)} is not an id coach gives a record (a whole "
            f"number from 1 to {10**schema.MAX_ID_DIGITS - 1:,}). Nothing was changed."
        )


def put(raw: schema.Raw, table_name: str, doc: Mapping[str, Any], doc_id: int | None) -> int:
    """Insert ``doc`` (doc_id None) or replace the document ``doc_id`` wholesale, under the
    key it is stored under (a lone ``"01"`` stays ``"01"``: ``schema.key_of``); its id.

    New ids come from a high-water mark kept in the file, so an id is never handed out
    twice, even after a delete: a window still showing a deleted interview cannot
    overwrite a newer one that would otherwise have inherited its id. A record saved
    under an id above the mark raises it, so no later insert lands on it.

    Raises:
        StoreError: ``doc_id`` is not an id, or the table has used every id; nothing is
            changed.
    """
    check_id(doc_id)
    table = raw.setdefault(table_name, {})
    known = schema.last_id(raw, table_name)
    number = known + 1 if doc_id is None else doc_id
    if not schema.is_id(number):  # every id up to 10**15 - 1 has been handed out
        raise StoreError(
            f"Could not save: {table_name} has used every id coach gives. Nothing was changed."
        )
    if number > known:
        schema.raise_mark(raw, table_name, number)
    table[schema.key_of(table, number) if doc_id is not None else str(number)] = dict(doc)
    return number
