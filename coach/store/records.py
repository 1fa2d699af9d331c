"""Stored documents <-> domain values. Reading is forgiving: it never raises, whatever a file
edited by hand (or by another program) holds. A field that fails its check (``coach.domain.
limits``: a date out of range, a number that is not finite, a value of the wrong type) is read
as missing, and its name is noted in the value's ``problems``, which the CLI and the screens
can show and which is never written back. Writing stores only JSON-native values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, replace
from typing import Any, TypeVar

from coach.content import check_ids
from coach.domain import limits
from coach.domain.assessment import Check
from coach.domain.cards import CATEGORIES, FeedbackCard
from coach.domain.interview_form import OUTCOME_CHOICES, STAGES
from coach.domain.limits import readable_text
from coach.domain.models import Attempt, Exchange, Interview, Profile, SignalValue, Strength
from coach.domain.signals import SIGNAL_KEYS, signal_problem
from coach.store import schema

NAMES = frozenset({"id", "card_id", "company", "role", "stage", "outcome", "category", "terms"})
"""Fields that name something: up to ``limits.MAX_NAME_CHARS``; any other text field holds
what a person wrote, up to ``limits.MAX_TEXT_CHARS``. Longer is read as missing (and refused
at the boundary: the Rate form, ``coach import``)."""


def most_chars(key: str) -> int:
    """How long the text field ``key`` may be (``NAMES``)."""
    return limits.MAX_NAME_CHARS if key in NAMES else limits.MAX_TEXT_CHARS


def readable(text: object, key: str) -> bool:
    """Whether ``text`` is a value of the text field ``key`` the reader takes as it is."""
    return type(text) is str and len(text) <= most_chars(key) and limits.valid_unicode(text)


class _Fields:
    """One stored document's fields, each read by its rule; a bad one is read as its default
    and its name noted in ``problems``. An absent field is simply its default."""

    def __init__(self, doc: object, prefix: str = "") -> None:
        self.doc: Mapping[str, Any] = doc if isinstance(doc, Mapping) else {}
        self.prefix = prefix
        # A document that is not an object at all is one problem, named by where it was.
        self.problems: list[str] = [] if isinstance(doc, Mapping) else [prefix[:-1] or "record"]

    def bad(self, name: str) -> None:
        self.problems.append(f"{self.prefix}{name}")

    def text(self, key: str, default: str = "") -> str:
        if key not in self.doc:
            return default
        value = self.doc[key]
        # ``type``, not isinstance: a number too long for Python is kept as a str subclass
        # (``coach.store.json_storage.LongNumber``), and is no text.
        if type(value) is not str or len(value) > most_chars(key):
            self.bad(key)
            return default
        shown = readable_text(value)
        if shown is not value:
            self.bad(key)
        return shown

    def choice(self, key: str, allowed: tuple[str, ...], default: str = "") -> str:
        value = self.text(key, default)
        if value == default or value in allowed:
            return value
        self.bad(key)
        return default

    def whole(self, key: str, low: int, high: int) -> int:
        if key not in self.doc:
            return 0
        value = limits.whole(self.doc[key], low, high)
        if value is None:
            self.bad(key)
            return 0
        return value

    def date(self, key: str, *, time_allowed: bool = False) -> str:
        value = self.text(key)
        read = limits.day_or_moment if time_allowed else limits.day
        if value and read(value) is None:
            self.bad(key)
            return ""
        return value

    def items(self, key: str) -> list[Any]:
        """A list field; anything else is read as an empty list."""
        value = self.doc.get(key)
        if value is None and key not in self.doc:
            return []
        if not isinstance(value, list | tuple):
            self.bad(key)
            return []
        return list(value)


Fields = _Fields
"""The field reader, for the records of other modules (``coach.store.exchanges``)."""


def strengths_from(raw: object) -> tuple[Strength, ...]:
    """Strengths from a stored list, skipping anything that is not an object."""
    return _strengths(raw, [])


def _strengths(raw: object, problems: list[str]) -> tuple[Strength, ...]:
    items = raw if isinstance(raw, list) else []
    kept = []
    for item in items:
        fields = _Fields(item, "strengths.")
        if isinstance(item, Mapping):
            kept.append(Strength(text=fields.text("text"), evidence=fields.text("evidence")))
        problems += fields.problems
    return tuple(kept)


def checks_from(raw: object) -> tuple[Check, ...]:
    """Saved coaching checks (without spans) from a stored list."""
    return _checks(raw, [])


def _checks(raw: object, problems: list[str]) -> tuple[Check, ...]:
    items = raw if isinstance(raw, list | tuple) else []
    kept = []
    for item in items:
        fields = _Fields(item, "checks.")
        passed = fields.doc.get("passed", False)
        if not isinstance(passed, bool):
            fields.bad("passed")
            passed = False
        most = fields.whole("max_points", 0, 100)
        points = fields.whole("points", 0, 100)
        if points > most:
            fields.bad("points")
            points = 0
        if isinstance(item, Mapping):
            name, tip = fields.text("name"), fields.text("tip")
            kept.append(
                Check(
                    name=name,
                    passed=passed,
                    tip=tip,
                    points=points,
                    max_points=most,
                    id=_check_id(fields, name),
                )
            )
        problems += fields.problems
    return tuple(kept)


def _check_id(fields: _Fields, name: str) -> str:
    """A saved check's id. The migration to schema 2 gave every saved check one; a check
    without (edited by hand) gets the one its name stands for, and so does one whose id is
    not an id (which is also noted), so every check read has one."""
    check_id = fields.text("id")
    if check_id and not check_ids.is_id(check_id):
        fields.bad("id")
        check_id = ""
    return check_id or check_ids.id_for(name)


def _problems(found: list[str]) -> tuple[str, ...]:
    """Each problem once, in the order found."""
    return tuple(dict.fromkeys(found))


def attempt_from(doc: Mapping[str, Any], doc_id: int) -> Attempt:
    """An attempt from its stored document; never raises (see the module's docstring)."""
    fields = _Fields(doc)
    kind = fields.choice("kind", ("question", "response"), "question")
    seconds = fields.doc.get("spoken_seconds")
    spoken = limits.number(seconds, 0, limits.MAX_SPOKEN_SECONDS)
    if seconds is not None and spoken is None:
        fields.bad("spoken_seconds")
    created = fields.text("created_at")
    if created and limits.moment(created) is None:
        fields.bad("created_at")  # unreadable, out of range, or without its time zone
        created = ""
    text, card_id = fields.text("text"), fields.text("card_id")
    score = fields.whole("score", 0, 100)
    checks = _checks(fields.items("checks"), fields.problems)
    exchange_id = fields.doc.get("exchange_id")
    if exchange_id is not None and not schema.is_id(exchange_id):
        fields.bad("exchange_id")  # read as an attempt of no exchange, not as another's
        exchange_id = None
    return Attempt(
        kind="response" if kind == "response" else "question",
        text=text,
        card_id=card_id,
        score=score,
        spoken_seconds=spoken,
        created_at=created,
        checks=checks,
        id=doc_id,
        problems=_problems(fields.problems),
        exchange_id=exchange_id,
    )


def _signals(raw: object, fields: _Fields) -> dict[str, SignalValue]:
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


def interview_from(doc: Mapping[str, Any], doc_id: int) -> Interview:
    """An interview from its stored document; never raises (see the module's docstring). A
    signal the rater would refuse is left out, so a read interview can always be rated."""
    fields = _Fields(doc)
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
        id=doc_id,
        problems=_problems(fields.problems),
    )


_R = TypeVar("_R", Attempt, Interview, Exchange)


def with_problem(value: _R, name: str, found: bool = True) -> _R:
    """``value`` with ``name`` added to its problems if ``found``."""
    if not found or name in value.problems:
        return value
    return replace(value, problems=(*value.problems, name))


def setting_from(doc: Mapping[str, Any]) -> tuple[str, str] | None:
    """A setting's key and value from its stored document; None unless both are text."""
    key, value = doc.get("key"), doc.get("value")
    if not (type(key) is str and type(value) is str):
        return None
    if len(key) > limits.MAX_NAME_CHARS or len(value) > limits.MAX_TEXT_CHARS:
        return None  # not a setting coach wrote (a theme's name, a flag)
    return readable_text(key), readable_text(value)


def doc_of(value: Attempt | Interview) -> dict[str, Any]:
    """The JSON-native document for a value (its id is the key, not a field)."""
    doc = asdict(value)
    del doc["id"], doc["problems"]  # the reader's notes are not part of the record
    if doc.get("exchange_id", 0) is None:
        # Only when set: an attempt of no exchange is stored (and exported) as before the
        # field existed, so an older coach still imports it.
        del doc["exchange_id"]
    if "checks" in doc:
        # Highlighted spans point into one draft; they mean nothing once saved. A list, not
        # the tuple asdict gives: the document must read back the same from the store's
        # memory as from the file.
        for check in doc["checks"]:
            del check["spans"]
            # Saved by id: an assessor that has not given its checks one yet gets the id of
            # the check's name, so no check is ever saved without one.
            check["id"] = check["id"] or check_ids.id_for(check["name"])
        doc["checks"] = list(doc["checks"])
    return doc


def profile_doc(profile: Profile) -> dict[str, Any]:
    """The JSON-native document for the profile."""
    doc: dict[str, Any] = {
        "strengths": [asdict(s) for s in profile.strengths],
        "requirements": list(profile.requirements),
    }
    # Only when set: an export without one stays readable by a coach from before the field.
    if profile.interview_date:
        doc["interview_date"] = profile.interview_date
    return doc


def card_doc(card: FeedbackCard) -> dict[str, Any]:
    """The JSON-native document for a card of heard feedback."""
    doc = asdict(card)
    # The reader's notes are not part of the card; nor is a probe, which only the deck and the
    # tailored cards carry (a heard card's record stays as older coaches wrote and read it).
    del doc["problems"], doc["probe"]
    doc["terms"] = list(card.terms)
    return doc


def profile_from(doc: Mapping[str, Any]) -> Profile:
    """The profile from its stored document; never raises."""
    fields = _Fields(doc)
    strengths = _strengths(fields.items("strengths"), fields.problems)
    requirements = []
    for line in fields.items("requirements"):
        if type(line) is str and len(line) <= limits.MAX_TEXT_CHARS:
            requirements.append(readable_text(line))
            if requirements[-1] is not line:
                fields.bad("requirements")
        else:
            fields.bad("requirements")
    # Absent in a profile saved before coach asked for it: read as none set.
    interview_date = fields.date("interview_date")
    return Profile(
        strengths=strengths,
        requirements=tuple(requirements),
        interview_date=interview_date,
        problems=_problems(fields.problems),
    )


def heard_cards_from(rows: Iterable[tuple[int, Mapping[str, Any]]]) -> list[FeedbackCard]:
    """The heard cards of a table's documents (each with its id, in the order read), every
    one with an id of its own: the Store lists them so, and an import merges by them.

    A card is told apart by its id: one a hand-edited file holds with none, or with an id an
    earlier card has, gets a name from its place in the file (``<id or 'heard'>-<doc id>``,
    its id noted as a problem), so every card is shown, exported and imported again, and a
    second import of that export recognises it. The file is not changed.
    """
    cards: list[FeedbackCard] = []
    seen: set[str] = set()
    for number, doc in rows:
        card = heard_card_from(doc)
        if not card.id.strip() or card.id in seen:
            # Within a name's length (so it imports again), and never an id already taken.
            suffix = f"-{number}"
            name = (card.id or "heard")[: limits.MAX_NAME_CHARS - len(suffix)] + suffix
            tries = (f"heard{suffix}-{n}" for n in range(2, len(seen) + 3))
            while name in seen:
                name = next(tries)
            card = replace(card, id=name, problems=(*card.problems, "id"))
        seen.add(card.id)
        cards.append(card)
    return cards


def heard_card_from(doc: Mapping[str, Any]) -> FeedbackCard:
    """A card of heard feedback from its stored document; never raises."""
    fields = _Fields(doc)
    terms = []
    for term in fields.items("terms"):
        if readable(term, "terms"):
            terms.append(term)
        else:
            fields.bad("terms")
    fields.choice("source", ("heard",), "heard")  # only noted: a heard card's source is that
    return FeedbackCard(
        id=fields.text("id"),
        category=fields.choice("category", ("heard", *CATEGORIES), "heard"),
        feedback=fields.text("feedback"),
        concern=fields.text("concern"),
        terms=tuple(terms),
        hint=fields.text("hint"),
        source="heard",
        problems=_problems(fields.problems),
    )
