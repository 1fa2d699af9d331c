"""Importing interviews with their applications.

Interviews merge by id, as every plain record (``coach.exports.backup``): one whose id is free
is added under it; one whose id holds the same interview is "already there", whichever
application either is a round of (the same round, moved on one machine, is not a conflict);
one whose id holds another interview is a conflict, skipped, and the database's kept.

Applications are not merged by id: ids differ from one database to another. An added
interview joins the application the database holds for its file application's company and
role (``coach.domain.applications.application_key``, as the Store joins any new round:
``coach.store.rounds.find``), else one made from the file's (its names and status), under its
id where that is free (a round trip into an empty database keeps every id) and the next free
id where not, once per file application; so each interview's application is remapped, rounds
of one application in the file stay together, and a second import adds nothing. An existing
application is never changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from coach.domain.applications import application_key
from coach.domain.models import Application, Interview
from coach.store import records, rounds, schema


@dataclass
class Counts:
    """What happened to the interviews and to the applications of a file."""

    added: int = 0
    same: int = 0
    conflicts: list[str] = field(default_factory=list)
    made: set[int] = field(default_factory=set)
    """The applications made for the file's interviews (their ids in the database)."""
    matched: set[int] = field(default_factory=set)
    """The database's applications the file's interviews joined."""


def _unlinked(interview: Interview) -> Interview:
    return replace(interview, application_id=None, problems=())


def merge(
    raw: schema.Raw, interviews: Iterable[Interview], applications: Iterable[Application]
) -> Counts:
    """Add the file's interviews to a database's raw content, each joined to its
    application (see the module's docstring); never overwrites a record."""
    counts = Counts()
    in_file = {app.id: app for app in applications if app.id is not None}
    held = {number for number, _, _, _ in schema.rows(raw.get(rounds.TABLE, {}))}
    """The database's applications before the import: a file's application is matched only
    to one of these, so two the file holds apart (a round the user moved to an application of
    its own) stay apart."""
    joined: dict[int, int] = {}
    """A file application's id -> the database's."""
    docs = raw.setdefault(rounds.INTERVIEWS, {})
    keys = {number: key for number, key, _, _ in schema.rows(docs)}
    for item in interviews:
        key = keys.get(item.id or 0)
        if key is not None:
            stored = records.interview_from(docs[key], item.id or 0)
            if not stored.problems and _unlinked(stored) == _unlinked(item):
                counts.same += 1
            else:
                counts.conflicts.append(f"id {item.id}")
            continue
        docs[str(item.id)] = records.doc_of(
            replace(item, application_id=_application(raw, item, in_file, held, joined, counts))
        )
        counts.added += 1
    return counts


def _application(
    raw: schema.Raw,
    item: Interview,
    in_file: dict[int, Application],
    held: set[int],
    joined: dict[int, int],
    counts: Counts,
) -> int:
    """The database's application an added interview joins (see the module's docstring)."""
    mine = in_file.get(item.application_id or 0)
    if mine is None or mine.id is None:
        # Of no application in the file (an older export): as the Store joins a new round,
        # by its company and role among all, those made by this import too.
        found = rounds.find(raw, item.company, item.role)
        if found is None:
            found = rounds.make(raw, Application(item.company, item.role))
            counts.made.add(found)
        elif found not in counts.made:
            counts.matched.add(found)
        return found
    if mine.id not in joined:
        same = mine.id in held and _same_key(raw, mine)
        found = mine.id if same else rounds.find(raw, mine.company, mine.role, among=held)
        if found is None:
            found = rounds.make(raw, mine)
            counts.made.add(found)
        else:
            counts.matched.add(found)
        joined[mine.id] = found
    return joined[mine.id]


def _same_key(raw: schema.Raw, app: Application) -> bool:
    """Whether the database's application of ``app``'s id is of the same company and role."""
    assert app.id is not None
    table = raw.get(rounds.TABLE, {})
    stored = records.application_from(table[schema.key_of(table, app.id)], app.id)
    return application_key(stored.company, stored.role) == application_key(app.company, app.role)
