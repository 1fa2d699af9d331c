"""Checking the records of applications and rounds in an export before they are imported:
the ``applications`` section, and an interview's application, notes, people and sent
messages. The same one rule as ``coach.exports.backup_check`` (whose helpers these use): a
record is imported exactly when the Store's reader reads it with no problem, and each
problem is a sentence naming the record and the field.

An interview's ``application_id`` names an application of the same file; one the file does not
hold (a hand edit) is not refused: the import joins the interview to the application of its
company and role, as the Store does any interview of none (``coach.exports.round_merge``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from coach.domain.applications import STATUSES
from coach.domain.models import Application, Interview
from coach.exports import backup_check as check
from coach.store import records
from coach.store.interview_records import MESSAGE_KINDS

APPLICATION_FIELDS = ("id", "company", "role", "status")
ROUND_FIELDS = ("application_id", "notes", "people", "messages")
"""An interview's fields of schema 4, checked here; the others by ``backup_check``."""
PERSON_FIELDS = ("name", "title")
_V = TypeVar("_V", Application, Interview)
MESSAGE_FIELDS = ("kind", "sent_on", "text")


def application(doc: object, where: str, seen: set[int]) -> Application:
    """One application record, checked, as the Store would read it."""
    fields = check._fields(doc, APPLICATION_FIELDS, where)
    number = check._id(fields, where, seen)
    where = f"{where} (id {number})"
    check._text(fields, "company", where)
    check._text(fields, "role", where)
    status = fields.get("status")
    if status is not None and status not in STATUSES:
        allowed, found = ", ".join(STATUSES), check._kind(status)
        raise check._fail(where, f"'status' must be null or one of {allowed}, not {found}")
    return _read(records.application_from(fields, number), where)


def _list(fields: Mapping[str, Any], key: str, where: str) -> list[Any]:
    items = fields.get(key, [])
    if not isinstance(items, list):
        raise check._fail(where, f"'{key}' must be a list, not {check._kind(items)}")
    return items


def interview(doc: object, where: str, seen: set[int]) -> Interview:
    """One interview record, checked, as the Store would read it: its fields of before
    schema 4 by ``backup_check.interview``, the rest here."""
    if not isinstance(doc, dict):
        return check.interview(doc, where, seen)
    older = check.interview({k: v for k, v in doc.items() if k not in ROUND_FIELDS}, where, seen)
    where = f"{where} (id {older.id})"
    if doc.get("application_id") is not None:
        check._whole(doc["application_id"], where, "application_id", 1, check.MAX_ID)
    check._text(doc, "notes", where)
    for n, item in enumerate(_list(doc, "people", where), 1):
        at = f"{where}, person {n}"
        person = check._fields(item, PERSON_FIELDS, at)
        check._valid_text(person.get("name", ""), "people.name", at)
        check._valid_text(person.get("title", ""), "people.title", at)
    for n, item in enumerate(_list(doc, "messages", where), 1):
        at = f"{where}, message {n}"
        message = check._fields(item, MESSAGE_FIELDS, at)
        if message.get("kind") not in MESSAGE_KINDS:
            raise check._fail(
                at,
                f"'kind' must be one of {', '.join(MESSAGE_KINDS)}, "
                f"not {check._kind(message.get('kind'))}",
            )
        check._day(check._text(message, "sent_on", at), at, "sent_on")
        check._text(message, "text", at)
    assert older.id is not None  # (checked: every record of the file has its id)
    return _read(records.interview_from(doc, older.id), where)


def _read(value: _V, where: str) -> _V:
    """As ``backup_check._as_read``: a field the reader would show as missing is refused."""
    if value.problems:
        raise check._fail(where, f"'{value.problems[0]}' cannot be read")
    return value
