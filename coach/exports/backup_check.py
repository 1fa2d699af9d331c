"""Checking a ``coach export --format json`` file before anything of it is imported.

One rule: a record is imported exactly when the Store's own reader (``coach.store.records``) reads
it with no problem, so whatever coach exports imports again, and nothing imported is shown as
missing. The reader is forgiving (a bad field is read as missing and noted); an import that
quietly turned a typo into a default would lose data without saying so, so here a noted field
refuses the record (``_as_read``). The field-by-field checks before it (type, range, date,
allowed values, with the limits every way into coach shares: ``coach.domain.limits``) are no
stricter than the reader; they are there to say what is wrong in words. Rules of the file, not
of a value, come on top: a record's id is there, and once in its section (an attempt's or an
interview's from 1 to ``MAX_ID``, a card's not empty), and no field is unknown.

Every problem is collected (up to ``MAX_PROBLEMS``), each a sentence naming the record and
the field, so a hand-edited file can be fixed in one go.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from coach.content import check_ids
from coach.domain import limits
from coach.domain.cards import CATEGORIES, FeedbackCard
from coach.domain.interview_form import OUTCOME_CHOICES, STAGES
from coach.domain.models import Attempt, Exchange, Interview, Profile
from coach.domain.rating import SignalError, check_signals
from coach.store import records, schema
from coach.store.exchanges import exchange_from

EXPORT_VERSION = 1
"""The layout of the export file; bumped only when an older coach could not read a newer one."""
HEADER = "coach_export"
SECTIONS: tuple[str, ...] = ("profile", "attempts", "interviews", "heard_cards", "settings")
SECTIONS += ("exchanges", "applications")  # since schema 3 and 4 (see round_check)
TOP_KEYS = frozenset({HEADER, "schema", "exported_at", "coach_version", *SECTIONS})
MAX_PROBLEMS = 10

ATTEMPT_FIELDS = (
    "id",
    "kind",
    "text",
    "card_id",
    "score",
    "spoken_seconds",
    "created_at",
    "checks",
    "exchange_id",
)
CHECK_FIELDS = ("id", "name", "passed", "tip", "points", "max_points")
INTERVIEW_FIELDS = (
    "id",
    "company",
    "role",
    "stage",
    "held_at",
    "signals",
    "outcome",
    "closing_answer",
    "timeline_date",
    "reply_date",
)
CARD_FIELDS = ("id", "category", "feedback", "concern", "terms", "hint", "source")
EXCHANGE_FIELDS = ("id", "started_at", "reply_kind", "reply", "turns", "card_id", "aloud")
TURN_FIELDS = ("step", "prompt", "card_id", "attempt_id", "first_word_seconds", "seconds", "score")
MAX_SPOKEN_SECONDS = limits.MAX_SPOKEN_SECONDS
NAMES = records.NAMES
MAX_ID = 10**schema.MAX_ID_DIGITS - 1
"""The highest id the Store reads (``schema.doc_number``): a higher one could not be shown."""


_R = TypeVar("_R")


class BackupError(ValueError):
    """The file cannot be imported; ``problems`` are sentences, one per bad field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if problems else "the file cannot be imported")
        self.problems = problems


class RecordProblem(Exception):
    """One record's first problem: a record stops being checked at its first bad field."""


def _fail(where: str, message: str) -> RecordProblem:
    return RecordProblem(f"{where}: {message}.")


# Only ids must not be empty. Other text may be: the app never saves an empty company or
# attempt, but a hand-edited database can hold one, and coach's own export of it must import
# again (a backup that cannot be restored is a backup lost).
def _text(doc: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
    return _valid_text(doc.get(key, ""), key, where, required=required)


def _valid_text(
    value: object, key: str, where: str, *, required: bool = False, most: int | None = None
) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"'{key}' must be text, not {_kind(value)}")
    if not limits.valid_unicode(value):
        raise _fail(where, f"'{key}' holds a character that is not valid Unicode")
    most = records.most_chars(key) if most is None else most
    if len(value) > most:
        raise _fail(where, f"'{key}' is {len(value):,} characters long; at most {most:,} fit")
    if required and not value.strip():
        raise _fail(where, f"'{key}' must not be empty")
    return value


def _whole(value: object, where: str, key: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(
            where, f"'{key}' must be a whole number from {low} to {high}, not {_kind(value)}"
        )
    if not low <= value <= high:
        raise _fail(where, f"'{key}' must be from {low} to {high}, not {value}")
    return value


def _kind(value: object) -> str:
    """How a wrong value is named in a message: short, and never the whole of a long text."""
    return limits.echo(value)


def _fields(doc: object, allowed: tuple[str, ...], where: str) -> Mapping[str, Any]:
    if not isinstance(doc, dict):
        raise _fail(where, f"must be an object, not {_kind(doc)}")
    unknown = sorted(str(k) for k in doc if k not in allowed)
    if unknown:
        raise _fail(where, f"unknown field {_kind(unknown[0])} (allowed: {', '.join(allowed)})")
    return doc


def _timestamp(value: str, where: str, key: str) -> None:
    """An attempt's time stamp: empty, or a date-time with its time zone (the drill compares
    it with the zone-aware clock; a naive one would break the Rehearse screen), in range."""
    if value and limits.moment(value) is None:
        raise _fail(
            where,
            f"'{key}' must be a date-time with its time zone {limits.DATE_RANGE}, like "
            f"2026-11-20T19:30:00+01:00, not {_kind(value)}",
        )


def _day(value: str, where: str, key: str, *, time_allowed: bool = False) -> date | None:
    if not value:
        return None
    found = limits.day_or_moment(value) if time_allowed else limits.day(value)
    if found is None:
        example = "2026-11-20 or 2026-11-20T14:30" if time_allowed else "2026-11-20"
        raise _fail(
            where, f"'{key}' must be a date {limits.DATE_RANGE}, like {example}, not {_kind(value)}"
        )
    return found


def _id(doc: Mapping[str, Any], where: str, seen: set[int]) -> int:
    if "id" not in doc:
        raise _fail(
            where, "'id' is missing (each record keeps its id so a second import can recognise it)"
        )
    number = _whole(doc["id"], where, "id", 1, MAX_ID)
    if number in seen:
        raise _fail(where, f"id {number} appears twice in the file")
    seen.add(number)
    return number


def _checks(raw: object, where: str) -> None:
    if not isinstance(raw, list):
        raise _fail(where, f"'checks' must be a list, not {_kind(raw)}")
    for n, item in enumerate(raw, 1):
        at = f"{where}, check {n}"
        check = _fields(item, CHECK_FIELDS, at)
        # A check without an id gets its name's, as the reader gives it one (an export from
        # before ids, schema 1, got them in ``backup.migrate_export``): one rule for both.
        check_id = _text(check, "id", at) if "id" in check else ""
        if check_id and not check_ids.is_id(check_id):
            raise _fail(at, f"'id' must be a check id ({check_ids.ID_RULE}), not {_kind(check_id)}")
        _text(check, "name", at)
        _text(check, "tip", at)
        if not isinstance(check.get("passed", False), bool):
            raise _fail(at, f"'passed' must be true or false, not {_kind(check.get('passed'))}")
        most = _whole(check.get("max_points", 0), at, "max_points", 0, 100)
        _whole(check.get("points", 0), at, "points", 0, most)


_Read = TypeVar("_Read", Attempt, Interview, FeedbackCard, Profile, Exchange)


def _as_read(value: _Read, where: str) -> _Read:
    """``value`` as the Store reads it, which must be whole: a field these checks let through
    but the reader would show as missing is refused here, so an import never loses one."""
    if value.problems:
        raise _fail(where, f"'{value.problems[0]}' cannot be read")
    return value


def attempt(doc: object, where: str, seen: set[int]) -> Attempt:
    """One attempt record, checked, as the Store would read it."""
    fields = _fields(doc, ATTEMPT_FIELDS, where)
    number = _id(fields, where, seen)
    where = f"{where} (id {number})"
    if fields.get("kind", "question") not in ("question", "response"):
        raise _fail(
            where, f"'kind' must be 'question' or 'response', not {_kind(fields.get('kind'))}"
        )
    _text(fields, "text", where)
    _text(fields, "card_id", where)
    _whole(fields.get("score", 0), where, "score", 0, 100)
    seconds = fields.get("spoken_seconds")
    if seconds is not None and limits.number(seconds, 0, MAX_SPOKEN_SECONDS) is None:
        raise _fail(
            where,
            f"'spoken_seconds' must be null or a number of seconds from 0 to "
            f"{MAX_SPOKEN_SECONDS}, not {_kind(seconds)}",
        )
    _timestamp(_text(fields, "created_at", where), where, "created_at")
    _checks(fields.get("checks", []), where)
    if fields.get("exchange_id") is not None:
        _whole(fields["exchange_id"], where, "exchange_id", 1, MAX_ID)
    return _as_read(records.attempt_from(fields, number), where)


def exchange(doc: object, where: str, seen: set[int]) -> Exchange:
    """One mock exchange, checked, as the Store would read it. Its turns' attempts are not
    looked for here: the import links them (``coach.exports.exchange_merge``)."""
    fields = _fields(doc, EXCHANGE_FIELDS, where)
    number = _id(fields, where, seen)
    where = f"{where} (id {number})"
    _timestamp(_text(fields, "started_at", where), where, "started_at")
    for key in ("reply", "card_id", "reply_kind"):
        _text(fields, key, where)
    if not isinstance(fields.get("aloud", False), bool):
        raise _fail(where, f"'aloud' must be true or false, not {_kind(fields.get('aloud'))}")
    turns = fields.get("turns", [])
    if not isinstance(turns, list):
        raise _fail(where, f"'turns' must be a list, not {_kind(turns)}")
    for n, item in enumerate(turns, 1):
        turn = _fields(item, TURN_FIELDS, f"{where}, turn {n}")
        for key in ("prompt", "card_id", "step"):
            _text(turn, key, f"{where}, turn {n}")
    # The rest (the kind of reply, each turn's step, its numbers) as the reader judges them,
    # named by field ("'turns.score' cannot be read").
    return _as_read(exchange_from(fields, number), where)


def interview(doc: object, where: str, seen: set[int]) -> Interview:
    """One interview record, checked, as the Store would read it."""
    fields = _fields(doc, INTERVIEW_FIELDS, where)
    number = _id(fields, where, seen)
    where = f"{where} (id {number})"
    _text(fields, "company", where)
    for key in ("role", "closing_answer"):
        _text(fields, key, where)
    for key, allowed in (("stage", STAGES), ("outcome", OUTCOME_CHOICES)):
        value = _text(fields, key, where)
        if value and value not in allowed:
            raise _fail(
                where, f"'{key}' must be empty or one of {', '.join(allowed)}, not {_kind(value)}"
            )
    held = _day(_text(fields, "held_at", where), where, "held_at", time_allowed=True)
    for key in ("timeline_date", "reply_date"):
        later = _day(_text(fields, key, where), where, key)
        if later and held and later < held:
            raise _fail(where, f"'{key}' {later} is before the interview ({held})")
    signals = fields.get("signals", {})
    if not isinstance(signals, dict):
        raise _fail(where, f"'signals' must be an object, not {_kind(signals)}")
    try:
        # The rater's own check: an imported interview can always be rated.
        check_signals(signals)
    except SignalError as error:
        raise _fail(where, f"in 'signals', {error}") from None
    return _as_read(records.interview_from(fields, number), where)


def heard_card(doc: object, where: str, seen: set[str]) -> FeedbackCard:
    """One card of heard feedback, checked, as the Store would read it."""
    fields = _fields(doc, CARD_FIELDS, where)
    card_id = _text(fields, "id", where, required=True)
    if card_id in seen:
        raise _fail(where, f"card id {_kind(card_id)} appears twice in the file")
    seen.add(card_id)
    where = f"{where} (id {_kind(card_id)})"
    category = fields.get("category", "heard")
    if category != "heard" and category not in CATEGORIES:
        raise _fail(
            where,
            f"'category' must be 'heard' or one of {', '.join(CATEGORIES)}, not {_kind(category)}",
        )
    if fields.get("source", "heard") != "heard":
        raise _fail(where, f"'source' must be 'heard', not {_kind(fields.get('source'))}")
    _text(fields, "feedback", where)
    for key in ("concern", "hint"):
        _text(fields, key, where)
    terms = fields.get("terms", [])
    if not isinstance(terms, list):
        raise _fail(where, f"'terms' must be a list of words, not {_kind(terms)}")
    for term in terms:
        _valid_text(term, "terms", where)
    return _as_read(records.heard_card_from(fields), where)


def profile(doc: object) -> Profile:
    """The profile, checked, as the Store would read it."""
    fields = _fields(doc, ("strengths", "requirements", "interview_date"), "the profile")
    strengths = fields.get("strengths", [])
    if not isinstance(strengths, list):
        raise _fail("the profile", f"'strengths' must be a list, not {_kind(strengths)}")
    for n, item in enumerate(strengths, 1):
        at = f"the profile, strength {n}"
        strength = _fields(item, ("text", "evidence"), at)
        _text(strength, "text", at)
        _text(strength, "evidence", at)
    requirements = fields.get("requirements", [])
    if not isinstance(requirements, list):
        raise _fail("the profile", f"'requirements' must be a list, not {_kind(requirements)}")
    for n, line in enumerate(requirements, 1):
        _valid_text(line, "requirements", f"the profile, requirement {n}")
    _day(_text(fields, "interview_date", "the profile"), "the profile", "interview_date")
    return _as_read(records.profile_from(fields), "the profile")


def settings(doc: object) -> dict[str, str]:
    """The settings, checked: an object of text values."""
    if not isinstance(doc, dict):
        raise _fail("settings", f"must be an object of text values, not {_kind(doc)}")
    for key, value in doc.items():
        # As the reader takes a setting (``records.setting_from``): a name, and a text.
        _valid_text(key, "key", f"setting {_kind(key)}", most=limits.MAX_NAME_CHARS)
        _valid_text(value, "value", f"setting {_kind(key)}")
    return dict(doc)


def section(
    raw: Mapping[str, Any], name: str, read: Callable[[object, str], _R], problems: list[str]
) -> tuple[_R, ...]:
    """The records of one section, each checked by ``read``; problems are appended."""
    items = raw.get(name, [])
    if not isinstance(items, list):
        problems.append(f"'{name}' must be a list of records, not {_kind(items)}.")
        return ()
    kept = []
    for n, item in enumerate(items, 1):
        try:
            kept.append(read(item, f"{name}, record {n}"))
        except RecordProblem as problem:
            problems.append(str(problem))
    return tuple(kept)


def header(raw: object) -> dict[str, Any]:
    """The top level, checked: the export marker, the schema, no unknown section.

    Raises:
        BackupError: The file is not a coach export, or comes from a newer coach.
    """
    if not isinstance(raw, dict) or HEADER not in raw:
        raise BackupError(
            [
                "this is not a coach export: it must be a JSON object starting with "
                f'{{"{HEADER}": {EXPORT_VERSION}, ...}}, as written by coach export --format json.'
            ]
        )
    problems = []
    version = raw[HEADER]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append(f"'{HEADER}' must be a whole number from 1, not {_kind(version)}.")
    elif version > EXPORT_VERSION:
        problems.append(
            f"this export was written by a newer coach (export format {version}; "
            f"this one reads up to {EXPORT_VERSION}). Upgrade coach to import it."
        )
    try:
        # As the database's own stamp is read: 2.0 is a newer coach's, not a bad file.
        stamp = schema.read_version(raw.get("schema", schema.SCHEMA_VERSION))
    except schema.ShapeError:
        stamp = -1
    if stamp < 0:
        problems.append(f"'schema' must be a whole number, not {_kind(raw.get('schema'))}.")
    elif stamp > schema.SCHEMA_VERSION:
        problems.append(
            f"this export holds schema {stamp} records; this coach knows up to "
            f"{schema.SCHEMA_VERSION}. Upgrade coach to import it."
        )
    for key in ("exported_at", "coach_version"):
        if not isinstance(raw.get(key, ""), str):
            problems.append(f"'{key}' must be text, not {_kind(raw.get(key))}.")
    unknown = sorted(str(k) for k in raw if k not in TOP_KEYS)
    if unknown:
        problems.append(f"unknown section {_kind(unknown[0])} (allowed: {', '.join(SECTIONS)}).")
    if problems:
        raise BackupError(problems)
    return raw
