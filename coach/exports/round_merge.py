"""Importing interviews with their applications.

Interviews merge by id, as every plain record (``coach.exports.backup``): one whose id is free
is added under it; one whose id holds the same interview is "already there", whichever
application either is a round of (the same round, moved on one machine, is not a conflict);
one whose id holds another interview is a conflict, skipped, and the database's kept.

Applications are not merged by id: ids differ from one database to another. An added
interview joins the application the database holds for its file application's company and
role (``coach.domain.applications.application_key``, as the Store joins any new round:
``coach.store.rounds.Keys``, read once per import), else one made from the file's (its names
and status), under its id where that id was never handed out in the database (above its
high-water mark from before the import, and not taken by the import: a round trip into an
empty database keeps every id, and a deleted application's id is never given again) and the
next id where not, once per file application; so each interview's application is remapped,
rounds of one application in the file stay together, and a second import adds nothing. An
existing application is never changed.
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
    merging = _Merge(raw, {app.id: app for app in applications if app.id is not None})
    docs = raw.setdefault(rounds.INTERVIEWS, {})
    keys = {number: key for number, key, _, _ in schema.rows(docs)}
    counts = merging.counts
    for item in interviews:
        key = keys.get(item.id or 0)
        if key is not None:
            stored = records.interview_from(docs[key], item.id or 0)
            if not stored.problems and _unlinked(stored) == _unlinked(item):
                counts.same += 1
            else:
                counts.conflicts.append(f"id {item.id}")
            continue
        application_id = merging.application(item)
        docs[str(item.id)] = records.doc_of(replace(item, application_id=application_id))
        if item.id is not None:
            merging.keys.add_round(item.company, item.role, application_id, item.id)
        counts.added += 1
    return counts


class _Merge:
    """One import's state: what it has made and joined so far."""

    def __init__(self, raw: schema.Raw, in_file: dict[int, Application]) -> None:
        self.raw = raw
        self.in_file = in_file
        self.counts = Counts()
        self.held = {number for number, _, _, _ in schema.rows(raw.get(rounds.TABLE, {}))}
        """The database's applications before the import: a file's application is matched
        only to one of these, so two the file holds apart (a round the user moved to an
        application of its own) stay apart."""
        self.joined: dict[int, int] = {}
        """A file application's id -> the database's."""
        self.mark = schema.last_id(raw, rounds.TABLE)
        """The highest application id handed out before the import: a file's id at or below
        it may be a deleted application's, never given again."""
        self.keys = rounds.Keys(raw)
        """Read once: looking each round up in the whole database would make an import of
        thousands of rounds quadratic."""

    def _make(self, application: Application) -> int:
        made = rounds.make(self.raw, application, unused_above=self.mark)
        self.keys.add_application(application.company, application.role, made)
        self.counts.made.add(made)
        return made

    def application(self, item: Interview) -> int:
        """The database's application an added interview joins (see the module's
        docstring)."""
        mine = self.in_file.get(item.application_id or 0)
        if mine is None or mine.id is None:
            # Of no application in the file (an older export): as the Store joins a new
            # round, by its company and role among all, those made by this import too.
            found = self.keys.find(item.company, item.role)
            if found is None:
                return self._make(Application(item.company, item.role))
            if found not in self.counts.made:
                self.counts.matched.add(found)
            return found
        if mine.id not in self.joined:
            same = mine.id in self.held and _same_key(self.raw, mine)
            found = mine.id if same else self.keys.find(mine.company, mine.role, self.held)
            if found is None:
                found = self._make(mine)
            else:
                self.counts.matched.add(found)
            self.joined[mine.id] = found
        return self.joined[mine.id]


def _same_key(raw: schema.Raw, app: Application) -> bool:
    """Whether the database's application of ``app``'s id is of the same company and role."""
    assert app.id is not None
    table = raw.get(rounds.TABLE, {})
    stored = records.application_from(table[schema.key_of(table, app.id)], app.id)
    return application_key(stored.company, stored.role) == application_key(app.company, app.role)
