"""Applications and their rounds in the database: the ``applications`` table, the link each
interview keeps to its application (``application_id``), and the writes that keep the two in
step.

Each write here is a change the Store applies in one atomic write under its lock
(``Store.change_raw``), so a kill leaves all of it or none: never an interview pointing to an
application not yet written, nor an application left behind by its last round. Two promises,
tested in ``tests/unit/test_rounds_store.py``:

* every interview the store saves belongs to an application that exists;
* an application the store keeps has at least one round: it is removed with its last one
  (deleted or moved away).

Ids are never reused (``documents.put``'s high-water marks), for applications too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from coach.domain.applications import application_key, round_order
from coach.domain.models import Application, Interview
from coach.store import documents, records, schema
from coach.store.errors import StoreError

TABLE = "applications"
INTERVIEWS = "interviews"
GONE = "application_id"
"""The problem noted on an interview whose application the database does not hold (a hand
edit): it is read as of no application, shown alone, and joined again when next saved."""


def _linked(doc: Mapping[str, Any]) -> int | None:
    """The application id a stored interview names, if it is an id."""
    value = doc.get("application_id")
    return value if schema.is_id(value) else None


def applications(raw: schema.Raw, shared_problem: str) -> list[Application]:
    """Every application the database holds, oldest (lowest id) first; ``shared_problem``
    noted on one whose id another document also claims."""
    found = []
    for number, _, doc, shared in schema.rows(raw.get(TABLE, {})):
        app = records.application_from(doc, number)
        if shared and shared_problem not in app.problems:
            app = replace(app, problems=(*app.problems, shared_problem))
        found.append(app)
    return found


def interviews(raw: schema.Raw, shared_problem: str) -> list[Interview]:
    """Every interview the database holds, oldest first; one whose application is missing
    is read as of none (``GONE`` noted), so a screen never looks up an application that is
    not there."""
    held = {number for number, _, _, _ in schema.rows(raw.get(TABLE, {}))}
    read = []
    for number, _, doc, shared in schema.rows(raw.get(INTERVIEWS, {})):
        interview = records.with_problem(
            records.interview_from(doc, number), shared_problem, shared
        )
        if interview.application_id is not None and interview.application_id not in held:
            interview = records.with_problem(replace(interview, application_id=None), GONE)
        read.append(interview)
    return read


def find(
    raw: schema.Raw,
    company: str,
    role: str,
    *,
    leaving: int | None = None,
    among: set[int] | None = None,
) -> int | None:
    """The application of ``company`` and ``role`` (``application_key``), matched by the
    application's names or any of its rounds'; None if there is none. Of several that match
    (a round the user moved to an application of its own), the one saved into last.

    Args:
        leaving: An interview not to count as a round (the one being saved).
        among: The applications to look among (None: all).
    """
    apps = {
        number: doc
        for number, _, doc, _ in schema.rows(raw.get(TABLE, {}))
        if among is None or number in among
    }
    key = application_key(company, role)
    latest: dict[int, int] = {}
    for number, _, doc, _ in schema.rows(raw.get(INTERVIEWS, {})):
        linked = _linked(doc)
        if linked in apps and number != leaving:
            read = records.interview_from(doc, number)
            if application_key(read.company, read.role) == key:
                latest[linked] = max(latest.get(linked, 0), number)
    for number, doc in apps.items():
        read_app = records.application_from(doc, number)
        if application_key(read_app.company, read_app.role) == key:
            latest.setdefault(number, 0)
    if not latest:
        return None
    return max(latest, key=lambda number: (latest[number], -number))


def make(raw: schema.Raw, application: Application) -> int:
    """Add a new application; the id it is given: its own if it has one the table does not
    hold (an import: a round trip keeps every id), else the next.

    Raises:
        StoreError: Ids ran out; nothing is changed.
    """
    wanted = application.id
    if wanted is not None and (not schema.is_id(wanted) or holds_application(raw, wanted)):
        wanted = None
    return documents.put(raw, TABLE, records.application_doc(application), wanted)


def _joined(raw: schema.Raw, interview: Interview) -> int:
    """The application ``interview`` joins: the one it names if the database holds it, else
    the application of its company and role (``find``), made if there is none."""
    if interview.application_id is not None and holds_application(raw, interview.application_id):
        return interview.application_id
    found = find(raw, interview.company, interview.role, leaving=interview.id)
    if found is not None:
        return found
    return make(raw, Application(company=interview.company, role=interview.role))


def _stored(raw: schema.Raw, interview_id: int) -> tuple[str, dict[str, Any]] | None:
    table = raw.get(INTERVIEWS, {})
    key = schema.key_of(table, interview_id)
    return (key, table[key]) if key in table else None


def _prune(raw: schema.Raw, application_id: int | None) -> None:
    """Remove the application ``application_id`` if no interview is a round of it."""
    if application_id is None:
        return
    if any(_linked(doc) == application_id for doc in raw.get(INTERVIEWS, {}).values()):
        return
    table = raw.get(TABLE, {})
    table.pop(schema.key_of(table, application_id), None)


def save(raw: schema.Raw, interview: Interview) -> Interview:
    """Insert a new interview (id None) or replace the saved one, joined to its application
    (``_joined``); the interview as saved, with its id and ``application_id``. The
    application it leaves, if it names another, is removed when left with no rounds.

    Raises:
        StoreError: Its id is not one coach gives, or ids ran out; nothing is changed.
    """
    documents.check_id(interview.id)
    before = _stored(raw, interview.id) if interview.id is not None else None
    application_id = _joined(raw, interview)
    saved = replace(interview, application_id=application_id)
    number = documents.put(raw, INTERVIEWS, records.doc_of(saved), interview.id)
    if before is not None and _linked(before[1]) != application_id:
        _prune(raw, _linked(before[1]))
    return replace(saved, id=number)


def holds(raw: schema.Raw | None, interview_id: int) -> bool:
    """Whether the database holds the interview ``interview_id``."""
    return _stored(raw or {}, interview_id) is not None


def delete(raw: schema.Raw, interview_id: int) -> bool:
    """Delete an interview, and its application if that was its last round; False (nothing
    changed) if there is no such interview."""
    found = _stored(raw, interview_id)
    if found is None:
        return False
    raw[INTERVIEWS].pop(found[0])
    _prune(raw, _linked(found[1]))
    return True


def move(raw: schema.Raw, interview_id: int, application_id: int | None) -> Interview:
    """Make the interview a round of the application ``application_id``, or (None) of a new
    application of its own, named as the interview is; the interview as saved. The
    application it leaves is removed if left with no rounds. Only the link changes: the rest
    of the stored document is kept as it is.

    Raises:
        StoreError: The interview or the application is not in the database (deleted in
            another window); nothing is changed.
    """
    found = _stored(raw, interview_id)
    if found is None:
        raise StoreError(
            "Could not move the round: the interview is no longer saved (deleted in another "
            "window?). Nothing was changed."
        )
    key, doc = found
    interview = records.interview_from(doc, interview_id)
    before = _linked(doc)
    apps = raw.get(TABLE, {})
    if application_id is None:
        alone = before is not None and schema.key_of(apps, before) in apps
        others = [d for d in raw[INTERVIEWS].values() if d is not doc and _linked(d) == before]
        if alone and not others:
            return replace(interview, application_id=before)  # already an application alone
        application_id = make(raw, Application(company=interview.company, role=interview.role))
    elif schema.key_of(apps, application_id) not in apps:
        raise StoreError(
            "Could not move the round: that application is no longer saved (its last round "
            "was deleted in another window?). Nothing was changed."
        )
    raw[INTERVIEWS][key] = {**doc, "application_id": application_id}
    if before != application_id:
        _prune(raw, before)
    return replace(interview, application_id=application_id)


def save_application(raw: schema.Raw, application: Application) -> Application:
    """Replace a saved application's names or status; returned as saved.

    Raises:
        StoreError: It has no id (an application is made by saving its first round), or the
            database no longer holds it; nothing is changed.
    """
    if application.id is None or not holds_application(raw, application.id):
        raise StoreError(
            "Could not save the application: it is no longer saved (its last round was "
            "deleted in another window?). Nothing was changed."
        )
    documents.put(raw, TABLE, records.application_doc(application), application.id)
    return replace(application, problems=())


def holds_application(raw: schema.Raw, application_id: int) -> bool:
    """Whether the database holds the application ``application_id``."""
    table = raw.get(TABLE, {})
    return schema.key_of(table, application_id) in table


def migrate(raw: schema.Raw) -> schema.Raw:
    """3 -> 4: every interview becomes a round of an application: one per
    ``application_key``, named as its most recent round spells it, ids given in the order
    of each application's first round. Every interview is kept whole (it gains only its
    ``application_id``); one the reader cannot make sense of is still given an application
    (of its key as read), so none is left out of the list."""
    raw.setdefault(TABLE, {})
    groups: dict[tuple[str, str], list[Interview]] = {}
    for number, _, doc, _ in schema.rows(raw.get(INTERVIEWS, {})):
        read = records.interview_from(doc, number)
        groups.setdefault(application_key(read.company, read.role), []).append(read)
    for rounds in sorted(groups.values(), key=lambda group: min(i.id or 0 for i in group)):
        latest = max(rounds, key=round_order)
        app_id = make(raw, Application(company=latest.company, role=latest.role))
        table = raw[INTERVIEWS]
        for interview in rounds:
            assert interview.id is not None
            key = schema.key_of(table, interview.id)
            table[key] = {**table[key], "application_id": app_id}
    return raw
