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

Ids are never reused (``documents.put``'s high-water marks), for applications too, an
import's included (``make``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from coach.domain.applications import application_key, round_order
from coach.domain.models import Application, Interview, SentMessage
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


class Keys:
    """What ``find`` looks up: for each ``application_key``, the applications it matches (by
    their names or a round's) and the newest round of that key each holds. Read from the
    database once, and kept up to date by whoever adds rounds and applications (an import of
    thousands of rounds looks each one up: re-reading every interview each time would take it
    from a second to minutes)."""

    def __init__(self, raw: schema.Raw, *, leaving: int | None = None) -> None:
        """Args:
        leaving: An interview not to count as a round (the one being saved)."""
        self._latest: dict[tuple[str, str], dict[int, int]] = {}
        apps = {number: doc for number, _, doc, _ in schema.rows(raw.get(TABLE, {}))}
        for number, _, doc, _ in schema.rows(raw.get(INTERVIEWS, {})):
            linked = _linked(doc)
            if linked in apps and number != leaving:
                read = records.interview_from(doc, number)
                self.add_round(read.company, read.role, linked, number)
        for number, doc in apps.items():
            read_app = records.application_from(doc, number)
            self.add_application(read_app.company, read_app.role, number)

    def add_round(self, company: str, role: str, application_id: int, interview_id: int) -> None:
        """Count the interview ``interview_id`` of ``company`` and ``role`` as a round of the
        application ``application_id``."""
        found = self._latest.setdefault(application_key(company, role), {})
        found[application_id] = max(found.get(application_id, 0), interview_id)

    def add_application(self, company: str, role: str, application_id: int) -> None:
        """Count the application ``application_id``, named ``company`` and ``role``."""
        found = self._latest.setdefault(application_key(company, role), {})
        found.setdefault(application_id, 0)

    def find(self, company: str, role: str, among: set[int] | None = None) -> int | None:
        """As ``find``, among the applications counted."""
        found = self._latest.get(application_key(company, role), {})
        latest = {n: r for n, r in found.items() if among is None or n in among}
        if not latest:
            return None
        return max(latest, key=lambda number: (latest[number], -number))


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
    (a round the user moved to an application of its own), the one saved into last. To look
    up many, build ``Keys`` once.

    Args:
        leaving: An interview not to count as a round (the one being saved).
        among: The applications to look among (None: all).
    """
    return Keys(raw, leaving=leaving).find(company, role, among)


def make(raw: schema.Raw, application: Application, *, unused_above: int | None = None) -> int:
    """Add a new application; the id it is given: its own (an import) if that id was never
    handed out here, else the next. Never handed out: above ``unused_above`` (an import passes
    the table's high-water mark from before it began, so the applications it makes keep their
    ids whatever order the file holds them in; by default the mark now) and not held. So a
    round trip into an empty database keeps every id, and a deleted application's id is never
    given again: a window still showing it cannot reach another application under its id.

    Raises:
        StoreError: Ids ran out; nothing is changed.
    """
    wanted = application.id
    mark = schema.last_id(raw, TABLE) if unused_above is None else unused_above
    if wanted is not None and (
        not schema.is_id(wanted) or wanted <= mark or holds_application(raw, wanted)
    ):
        wanted = None
    return documents.put(raw, TABLE, records.application_doc(application), wanted)


def _joined(raw: schema.Raw, interview: Interview, before: Mapping[str, Any] | None) -> int:
    """The application ``interview`` joins. One already saved (``before``) keeps the
    application it is a round of while the database holds it, whatever ``application_id`` it
    comes with: only ``move`` changes a round's application, so an edit made without its
    application (the Rate form's) or by a window that read it before another window moved it
    cannot undo a move, nor delete the application the round was moved to. A new one (or one
    whose application is gone) joins the one it names if the database holds it, else the
    application of its company and role (``find``), made if there is none."""
    kept = _linked(before) if before is not None else None
    if kept is not None and holds_application(raw, kept):
        return kept
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


def _kept_messages(
    stored: tuple[SentMessage, ...], incoming: tuple[SentMessage, ...]
) -> tuple[SentMessage, ...]:
    """The stored sent messages and the incoming ones, each once, in date order (one day's
    in the order they were sent). A window that read the interview before another window or
    ``coach import`` marked a message sent saves without it: replacing the stored messages
    with the ones it read would delete that message, and a sent message is a fact, never
    undone by an edit."""
    merged = list(dict.fromkeys((*stored, *incoming)))
    return tuple(sorted(merged, key=lambda message: message.sent_on))


def save(raw: schema.Raw, interview: Interview) -> Interview:
    """Insert a new interview (id None) or replace the saved one, joined to its application
    (``_joined``: a saved one keeps its own); the interview as saved, with its id and
    ``application_id``. An application it leaves (its own was gone) is removed when left with
    no rounds. Saving never deletes a sent message: the saved one's are kept with the
    incoming ones (``_kept_messages``).

    Raises:
        StoreError: Its id is not one coach gives, or ids ran out; nothing is changed.
    """
    documents.check_id(interview.id)
    before = _stored(raw, interview.id) if interview.id is not None else None
    application_id = _joined(raw, interview, before[1] if before is not None else None)
    saved = replace(interview, application_id=application_id)
    if before is not None and interview.id is not None:
        stored = records.interview_from(before[1], interview.id).messages
        saved = replace(saved, messages=_kept_messages(stored, interview.messages))
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
