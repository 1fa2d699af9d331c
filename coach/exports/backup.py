"""The JSON backup: what ``coach export --format json`` writes and how ``coach import`` merges it.

Pure functions over plain dicts and domain values, so every rule is unit-tested without a
file: ``export_doc`` builds the file's content, ``read_export`` checks all of a file before
anything of it is used, and ``merge`` adds the checked records to a database's raw content
(the Store applies it in one atomic, locked write: ``Store.change_raw``).

Merging is by id and never overwrites: a record whose id is free is added with its id; one
whose id holds the same record is "already there"; one whose id holds a different record is a
conflict, skipped and reported, and the database's record is kept. Heard-feedback cards merge
by their card id, settings by their key. The profile is a single record the user edits as a
whole, so it is imported only into a database whose profile is empty; any other profile is
kept, and a different one in the file is reported as skipped.

Drafts (``coach.drafts.json``) are not exported: they are text in the middle of being typed,
autosaved, not something the user chose to keep. A backup would freeze a half sentence, and an
import would have to overwrite what is being typed on the other machine or be skipped anyway.
An attempt the user wants to keep is saved with Ctrl+S, and then it is in the export.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from coach import __version__
from coach.domain.cards import FeedbackCard
from coach.domain.models import Application, Attempt, Exchange, Interview, Profile
from coach.exports import backup_check as check
from coach.exports import exchange_merge, json_input, round_check, round_merge
from coach.store import records, schema
from coach.store.exchanges import exchange_doc

BackupError = check.BackupError


@dataclass(frozen=True)
class Bundle:
    """Everything the user made that the database holds, as domain values."""

    profile: Profile = field(default_factory=Profile)
    attempts: tuple[Attempt, ...] = ()
    interviews: tuple[Interview, ...] = ()
    heard_cards: tuple[FeedbackCard, ...] = ()
    settings: Mapping[str, str] = field(default_factory=dict)
    exchanges: tuple[Exchange, ...] = ()
    applications: tuple[Application, ...] = ()
    """The applications the interviews are rounds of (``Interview.application_id``)."""


def export_doc(bundle: Bundle, exported_at: str) -> dict[str, Any]:
    """The JSON export of ``bundle``: a header, then every record with its id."""
    return {
        check.HEADER: check.EXPORT_VERSION,
        "schema": schema.SCHEMA_VERSION,
        "exported_at": exported_at,
        "coach_version": __version__,
        "profile": records.profile_doc(bundle.profile),
        "attempts": [{"id": a.id, **records.doc_of(a)} for a in bundle.attempts],
        "interviews": [{"id": i.id, **records.doc_of(i)} for i in bundle.interviews],
        "heard_cards": [records.card_doc(c) for c in bundle.heard_cards],
        "settings": dict(bundle.settings),
        "exchanges": [{"id": e.id, **exchange_doc(e)} for e in bundle.exchanges],
        "applications": [{"id": a.id, **records.application_doc(a)} for a in bundle.applications],
    }


def read_export(data: bytes) -> Bundle:
    """The checked content of an export file's bytes.

    Raises:
        BackupError: Anything is wrong; ``problems`` lists every bad record (up to a limit),
            each naming the record and the field.
    """
    try:
        raw = json_input.parse(data)
    except json_input.InputError as error:
        raise BackupError([f"{error}."]) from None
    top = migrate_export(check.header(raw))
    problems: list[str] = []
    ids: set[int] = set()
    attempts = check.section(top, "attempts", lambda d, w: check.attempt(d, w, ids), problems)
    ids = set()  # attempts and interviews are separate tables: their ids may coincide
    interviews = check.section(
        top, "interviews", lambda d, w: round_check.interview(d, w, ids), problems
    )
    card_ids: set[str] = set()
    cards = check.section(
        top, "heard_cards", lambda d, w: check.heard_card(d, w, card_ids), problems
    )
    ids = set()
    exchanges = check.section(top, "exchanges", lambda d, w: check.exchange(d, w, ids), problems)
    ids = set()
    applications = check.section(
        top, "applications", lambda d, w: round_check.application(d, w, ids), problems
    )
    profile, settings = Profile(), {}
    try:
        profile = check.profile(top.get("profile", {}))
    except check.RecordProblem as problem:
        problems.append(str(problem))
    try:
        settings = check.settings(top.get("settings", {}))
    except check.RecordProblem as problem:
        problems.append(str(problem))
    if problems:
        raise BackupError(problems)
    return Bundle(profile, attempts, interviews, cards, settings, exchanges, applications)


def migrate_export(raw: dict[str, Any]) -> dict[str, Any]:
    """An export written by an older coach, its records brought to this schema by the steps
    that migrate a database (``coach.store.schema.MIGRATIONS``): a schema-1 export's checks get
    their ids from their names. A current export is returned as it is, and so is anything
    not shaped like a record, in its place, for the checks to judge.

    Raises:
        BackupError: The table of check ids cannot be read (a damaged installation).
    """
    from coach.content.loader import ContentError

    try:
        stamp = schema.read_version(raw.get("schema", schema.SCHEMA_VERSION))
    except schema.ShapeError:
        return raw  # ``header`` has already reported it
    if not 0 <= stamp < schema.SCHEMA_VERSION:
        return raw
    # The sections as the database's tables (their records keyed by place), migrated.
    tables: schema.Raw = {schema.META_TABLE: {schema.META_ID: {"schema": stamp}}}
    for name in ("attempts", "interviews"):
        items = raw.get(name)
        if isinstance(items, list):
            # Keyed from 1: a key of 0 is no document id (``schema.rows`` would skip it).
            tables[name] = {str(n): doc for n, doc in enumerate(items, 1) if isinstance(doc, dict)}
    try:
        moved = schema.migrate(tables)
    except ContentError as error:
        raise BackupError([f"{error}: reinstall coach, then import again."]) from None
    lists: dict[str, list[Any]] = {
        name: [moved[name].get(str(n), doc) for n, doc in enumerate(raw[name], 1)]
        for name in ("attempts", "interviews")
        if name in tables
    }
    # Schema 4 gave each interview an application of these tables, which the file does not
    # hold: the import joins them by company and role instead (``round_merge``).
    if "interviews" in lists:
        lists["interviews"] = [
            {k: v for k, v in doc.items() if k != "application_id"}
            if isinstance(doc, dict)
            else doc
            for doc in lists["interviews"]
        ]
    return {**raw, **lists}


@dataclass
class Tally:
    """What happened to one kind of record."""

    added: int = 0
    same: int = 0
    conflicts: list[str] = field(default_factory=list)
    """The ids (or keys) skipped because the database holds something different there."""

    def line(self, what: str) -> str:
        parts = [f"{self.added} added", f"{self.same} already there"]
        if self.conflicts:
            shown = ", ".join(self.conflicts[:8]) + (", ..." if len(self.conflicts) > 8 else "")
            parts.append(
                f"{len(self.conflicts)} skipped as conflicts ({shown}): your database holds "
                "a different record under the same id, and it was kept"
            )
        return f"{what}: {'; '.join(parts)}."


@dataclass
class Report:
    """What an import did, kind by kind."""

    attempts: Tally = field(default_factory=Tally)
    interviews: Tally = field(default_factory=Tally)
    heard_cards: Tally = field(default_factory=Tally)
    settings: Tally = field(default_factory=Tally)
    exchanges: Tally = field(default_factory=Tally)
    applications: Tally = field(default_factory=Tally)
    """Made for the interviews added, or found among the database's (already there)."""
    profile: str = "none in the file"
    """"added", "already there", "skipped" or "none in the file"."""

    @property
    def added(self) -> int:
        kinds = (self.attempts, self.interviews, self.heard_cards, self.settings, self.exchanges)
        # Applications are not counted: one is made only with an interview added.
        return sum(t.added for t in kinds) + (self.profile == "added")

    def lines(self) -> list[str]:
        """One sentence per kind of record."""
        profile = {
            "added": "Profile: added (your database had none).",
            "already there": "Profile: already there.",
            "skipped": "Profile: skipped: your database already has a different profile, and "
            "it was kept (edit it with Ctrl+O on the Rehearse screen).",
            "none in the file": "Profile: none in the file.",
        }[self.profile]
        return [
            profile,
            self.attempts.line("Attempts"),
            self.interviews.line("Interviews"),
            self.heard_cards.line("Heard-feedback cards"),
            self.settings.line("Settings"),
            self.exchanges.line("Mock exchanges"),
            self.applications.line("Applications"),
        ]


def _numbers(raw: schema.Raw, table: str) -> list[int]:
    """The ids of ``table``'s documents (a key too long to be an id is not one)."""
    numbers = (schema.doc_number(key) for key in raw.get(table, {}))
    return [number for number in numbers if number is not None]


def _mark(raw: schema.Raw, table: str) -> int:
    """The highest id ever handed out in ``table``: the mark in ``_meta``, or the ids there."""
    meta = raw.get(schema.META_TABLE, {}).get(schema.META_ID) or {}
    marks = meta.get("last_ids")
    mark = marks.get(table) if isinstance(marks, dict) else None
    known = schema.id_mark(mark)
    return max([known, *_numbers(raw, table)])


def _raise_marks(raw: schema.Raw, marks: Mapping[str, int]) -> None:
    """Raise the high-water marks so the Store's next save never reuses an imported id."""
    metas = raw.setdefault(schema.META_TABLE, {})
    meta = metas.get(schema.META_ID) or {"schema": schema.SCHEMA_VERSION}
    last = meta.get("last_ids")
    last = dict(last) if isinstance(last, dict) else {}
    raised = {table: mark for table, mark in marks.items() if mark and last.get(table) != mark}
    if not raised and schema.META_ID in metas:
        return
    last.update(raised)
    # A new dict, never an edit in place: the storage reuses the text of documents it has seen.
    metas[schema.META_ID] = {**meta, "last_ids": last}


def _same(read: Callable[[], object], imported: object) -> bool:
    """Whether the database's record equals the imported one. A record the database itself
    cannot read (a hand edit gone wrong) is not the same: the import skips it as a conflict
    rather than failing the whole import."""
    try:
        return read() == imported
    except (ValueError, TypeError):
        return False


def _by_id(
    raw: schema.Raw,
    table: str,
    items: tuple[Any, ...],
    read: Callable[[Mapping[str, Any], int], Any],
    tally: Tally,
) -> None:
    docs = raw.setdefault(table, {})
    # By id, however the file spells it: a lone "01" is record 1, as the Store reads it, so an
    # imported record 1 is compared with it rather than added beside it (and hiding it).
    keys = {number: key for number, key, _, _ in schema.rows(docs)}
    for item in items:
        key = keys.get(item.id)
        if key is None:
            docs[str(item.id)] = records.doc_of(item)
            tally.added += 1
        elif _same(partial(read, docs[key], item.id), item):
            tally.same += 1
        else:
            tally.conflicts.append(f"id {item.id}")


def merge(raw: schema.Raw, bundle: Bundle) -> Report:
    """Add ``bundle``'s records to a database's raw content; never overwrites one.

    ``raw`` is changed in place (new documents added, ``_meta`` replaced), which is what
    ``Store.change_raw`` expects. Never raises for a bundle from ``read_export``.
    """
    report = Report()
    marks = {table: _mark(raw, table) for table in ("attempts", "interviews", "cards", "settings")}
    plain, linked = exchange_merge.split(bundle.attempts, bundle.exchanges)
    _by_id(raw, "attempts", plain, records.attempt_from, report.attempts)
    rounds = round_merge.merge(raw, bundle.interviews, bundle.applications)
    report.interviews = Tally(rounds.added, rounds.same, rounds.conflicts)
    report.applications = Tally(len(rounds.made), len(rounds.matched))

    cards = raw.setdefault("cards", {})
    # Each card under the id the Store shows (and so exports) it with: a card the file holds
    # with no id, or with an id twice, is named from its place, and the import of its own
    # export finds it there rather than adding it once more at every import.
    held = {
        card.id: replace(card, problems=tuple(p for p in card.problems if p != "id"))
        for card in records.heard_cards_from((n, doc) for n, _, doc, _ in schema.rows(cards))
    }
    for card in bundle.heard_cards:
        if card.id not in held:
            marks["cards"] += 1
            cards[str(marks["cards"])] = records.card_doc(card)
            report.heard_cards.added += 1
        elif _same(partial(held.get, card.id), card):
            report.heard_cards.same += 1
        else:
            report.heard_cards.conflicts.append(repr(card.id))

    table = raw.setdefault("settings", {})
    # As the Store reads them (``Store.settings``): the last readable one of each name.
    read = (records.setting_from(doc) for _, _, doc, _ in schema.rows(table))
    current = dict(pair for pair in read if pair is not None)
    for key, value in bundle.settings.items():
        if key not in current:
            marks["settings"] += 1
            table[str(marks["settings"])] = {"key": key, "value": value}
            report.settings.added += 1
        elif current[key] == value:
            report.settings.same += 1
        else:
            report.settings.conflicts.append(repr(key))

    if bundle.profile != Profile():
        doc = raw.get("profile", {}).get("1")
        mine = Profile() if doc is None else records.profile_from(doc)
        if mine == Profile():
            raw.setdefault("profile", {})["1"] = records.profile_doc(bundle.profile)
            report.profile = "added"
        else:
            report.profile = "already there" if mine == bundle.profile else "skipped"

    # After the attempts merged by id: an exchange's attempt whose id they took is renumbered.
    exchanges, attempts = exchange_merge.merge(raw, bundle.exchanges, linked)
    report.exchanges.added, report.exchanges.same = exchanges
    report.attempts.added += attempts[0]
    report.attempts.same += attempts[1]

    for name in ("attempts", "interviews"):
        marks[name] = max([marks[name], *_numbers(raw, name)])
    _raise_marks(raw, marks)
    return report
