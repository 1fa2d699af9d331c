"""Stored documents <-> domain values. Reading is forgiving: it never raises, whatever a file
edited by hand (or by another program) holds. A field that fails its check (``coach.domain.
limits``: a date out of range, a number that is not finite, a value of the wrong type) is read
as missing, and its name is noted in the value's ``problems``, which the CLI and the screens
can show and which is never written back. Writing stores only JSON-native values.

The field reader is ``coach.store.fields``; interviews and applications are read in
``coach.store.interview_records`` (both named here too, as callers have always found them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, replace
from typing import Any, TypeVar

from coach.content import check_ids
from coach.domain import limits
from coach.domain.assessment import Check
from coach.domain.cards import CATEGORIES, FeedbackCard
from coach.domain.limits import readable_text
from coach.domain.models import Attempt, Exchange, Interview, Profile, Strength
from coach.store import schema
from coach.store.fields import NAMES as NAMES
from coach.store.fields import Fields as Fields
from coach.store.fields import most_chars as most_chars
from coach.store.fields import problems_of
from coach.store.fields import readable as readable
from coach.store.interview_records import application_doc as application_doc
from coach.store.interview_records import application_from as application_from
from coach.store.interview_records import interview_doc
from coach.store.interview_records import interview_from as interview_from


def strengths_from(raw: object) -> tuple[Strength, ...]:
    """Strengths from a stored list, skipping anything that is not an object."""
    return _strengths(raw, [])


def _strengths(raw: object, problems: list[str]) -> tuple[Strength, ...]:
    items = raw if isinstance(raw, list) else []
    kept = []
    for item in items:
        fields = Fields(item, "strengths.")
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
        fields = Fields(item, "checks.")
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


def _check_id(fields: Fields, name: str) -> str:
    """A saved check's id. The migration to schema 2 gave every saved check one; a check
    without (edited by hand) gets the one its name stands for, and so does one whose id is
    not an id (which is also noted), so every check read has one."""
    check_id = fields.text("id")
    if check_id and not check_ids.is_id(check_id):
        fields.bad("id")
        check_id = ""
    return check_id or check_ids.id_for(name)


def attempt_from(doc: Mapping[str, Any], doc_id: int) -> Attempt:
    """An attempt from its stored document; never raises (see the module's docstring)."""
    fields = Fields(doc)
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
        problems=problems_of(fields.problems),
        exchange_id=exchange_id,
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
    if isinstance(value, Interview):
        return interview_doc(value)
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
    fields = Fields(doc)
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
        problems=problems_of(fields.problems),
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
    fields = Fields(doc)
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
        problems=problems_of(fields.problems),
    )
