"""Interviews and applications: their stored documents, read forgivingly (as every record,
``coach.store.records``), and written as JSON-native values.

An interview names the application it is a round of (``application_id``); whether that
application exists is the table's business (``coach.store.rounds.interviews``), not one
document's. Its notes, the people met and the messages sent are optional fields: a document
without them (every one before schema 4) reads as an interview with none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, get_args

from coach.domain import limits
from coach.domain.applications import STATUSES
from coach.domain.interview_form import OUTCOME_CHOICES, STAGES
from coach.domain.models import (
    Application,
    Interview,
    MessageKind,
    Person,
    SentMessage,
    SignalValue,
)
from coach.domain.signals import SIGNAL_KEYS, signal_problem
from coach.store import schema
from coach.store.fields import Fields, problems_of

MESSAGE_KINDS: tuple[MessageKind, ...] = get_args(MessageKind)


def _signals(raw: object, fields: Fields) -> dict[str, SignalValue]:
    if raw is None and "signals" not in fields.doc:
        return {}
    if not isinstance(raw, Mapping):
        fields.bad("signals")
        return {}
    kept: dict[str, SignalValue] = {}
    for key, value in raw.items():
        if signal_problem(key, value) is None:
            kept[key] = value
        else:
            # Named only if known: an unknown key is whatever the file holds.
            fields.bad(f"signals.{key}" if key in SIGNAL_KEYS else "signals (an unknown key)")
    return kept


def _people(fields: Fields) -> tuple[Person, ...]:
    kept = []
    for item in fields.items("people"):
        person = Fields(item, "people.")
        if isinstance(item, Mapping):
            name, title = person.text("name"), person.text("title")
            if name or title:
                kept.append(Person(name=name, title=title))
        fields.problems += person.problems
    return tuple(kept)


def _messages(fields: Fields) -> tuple[SentMessage, ...]:
    kept = []
    for item in fields.items("messages"):
        message = Fields(item, "messages.")
        if isinstance(item, Mapping):
            kind = message.choice("kind", MESSAGE_KINDS)
            # A message of no kind coach knows cannot be drafted again nor counted as a
            # check-in: it is left out (noted), never guessed.
            known = next((k for k in MESSAGE_KINDS if k == kind), None)
            sent_on, text = message.date("sent_on"), message.text("text")
            if known is None:
                message.bad("kind")
            else:
                kept.append(SentMessage(kind=known, sent_on=sent_on, text=text))
        fields.problems += message.problems
    return tuple(kept)


def _application_id(fields: Fields) -> int | None:
    value = fields.doc.get("application_id")
    if value is None:
        return None
    if not schema.is_id(value):
        fields.bad("application_id")  # read as of no application: the list shows it alone
        return None
    # is_id checked it is an int.
    return int(value)


def interview_from(doc: Mapping[str, Any], doc_id: int) -> Interview:
    """An interview from its stored document; never raises (see ``coach.store.records``). A
    signal the rater would refuse is left out, so a read interview can always be rated."""
    fields = Fields(doc)
    company, role = fields.text("company"), fields.text("role")
    stage, outcome = fields.choice("stage", STAGES), fields.choice("outcome", OUTCOME_CHOICES)
    held_at = fields.date("held_at", time_allowed=True)
    signals = _signals(fields.doc.get("signals"), fields)
    closing_answer = fields.text("closing_answer")
    timeline_date, reply_date = fields.date("timeline_date"), fields.date("reply_date")
    held = limits.day_or_moment(held_at)
    # As the Rate form: a promised date or a reply before the interview is a slip of the pen.
    if held and timeline_date and timeline_date < held.isoformat():
        fields.bad("timeline_date")
        timeline_date = ""
    if held and reply_date and reply_date < held.isoformat():
        fields.bad("reply_date")
        reply_date = ""
    return Interview(
        company=company,
        role=role,
        stage=stage,
        held_at=held_at,
        signals=signals,
        outcome=outcome,
        closing_answer=closing_answer,
        timeline_date=timeline_date,
        reply_date=reply_date,
        application_id=_application_id(fields),
        notes=fields.text("notes"),
        people=_people(fields),
        messages=_messages(fields),
        id=doc_id,
        problems=problems_of(fields.problems),
    )


def interview_doc(interview: Interview) -> dict[str, Any]:
    """The JSON-native document for an interview (its id is the key, not a field).

    The fields of schema 4 are written only when set, so an interview with none of them is
    stored (and exported) as an older coach wrote it. Lists, not the tuples ``asdict`` gives:
    the document must read back the same from the store's memory as from the file."""
    doc = asdict(interview)
    del doc["id"], doc["problems"]  # the reader's notes are not part of the record
    doc["signals"] = dict(interview.signals)
    for key, empty in (("application_id", None), ("notes", ""), ("people", ()), ("messages", ())):
        if doc[key] == empty:
            del doc[key]
    for key in ("people", "messages"):
        if key in doc:
            doc[key] = [dict(item) for item in doc[key]]
    return doc


def application_from(doc: Mapping[str, Any], doc_id: int) -> Application:
    """An application from its stored document; never raises. A status missing or null is
    none set (as ``coach import`` takes it); one coach does not know is read as none set (the
    latest round's outcome says it), and noted."""
    fields = Fields(doc)
    company, role = fields.text("company"), fields.text("role")
    status = fields.choice("status", STATUSES) if fields.doc.get("status") is not None else ""
    return Application(
        company=company,
        role=role,
        status=next((s for s in STATUSES if s == status), None),
        id=doc_id,
        problems=problems_of(fields.problems),
    )


def application_doc(application: Application) -> dict[str, Any]:
    """The JSON-native document for an application; its status only when the user set one."""
    doc: dict[str, Any] = {"company": application.company, "role": application.role}
    if application.status is not None:
        doc["status"] = application.status
    return doc
