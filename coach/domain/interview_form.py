"""The Rate form's fields as typed, turned into an Interview, with a message per bad field.

Pure and free of Textual, so every rule is unit-tested: minutes 1-600, counts 0-200, the
interview date not in the future, a reply not before the interview, and the limits every way
into coach shares (``coach.domain.limits``: dates, text sizes). Nothing invalid reaches
the Interview; the raw text stays with the form, so nothing typed is lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from coach.domain import limits

# The fields live in their own light module (the form's widgets need only them); they are
# named here too, as before.
from coach.domain.form_fields import CHOICE_FIELDS as CHOICE_FIELDS
from coach.domain.form_fields import DATE_FIELDS as DATE_FIELDS
from coach.domain.form_fields import FIELDS as FIELDS
from coach.domain.form_fields import OUTCOME_CHOICES as OUTCOME_CHOICES
from coach.domain.form_fields import STAGES as STAGES
from coach.domain.form_fields import TEXT_FIELDS as TEXT_FIELDS
from coach.domain.form_fields import WHOLE_NUMBER_FIELDS as WHOLE_NUMBER_FIELDS
from coach.domain.models import Interview, Person, SignalValue
from coach.domain.signals import CHOICE_KEYS, YES_NO_KEYS

MAX_PEOPLE = 50
"""More interviewers than any panel has: a paste gone wrong, not people met."""

OLDEST_DAYS = 3650
"""Dates further than ten years away are typos (2062 for 2026), not interviews."""
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class FormResult:
    """What the form holds, as far as it is valid."""

    interview: Interview
    """Built from the valid fields only."""
    errors: Mapping[str, str] = field(default_factory=dict)
    """Field name -> a sentence to show at the field."""

    @property
    def ok(self) -> bool:
        return not self.errors


def _whole(text: str, low: int, high: int, what: str) -> tuple[int | None, str]:
    text = text.strip()
    if not text:
        return None, ""
    if not re.fullmatch(r"\d{1,4}", text):
        return None, f"{what}: a whole number from {low} to {high}."
    number = int(text)
    if not low <= number <= high:
        return None, f"{what}: from {low} to {high}, not {number}."
    return number, ""


def _date(text: str, what: str) -> tuple[date | None, str]:
    text = text.strip()
    if not text:
        return None, ""
    found = limits.day(text)  # the same dates coach import and coach rate accept
    if found is None:
        return None, f"{what}: a date like 2026-11-20, {limits.DATE_RANGE}."
    return found, ""


def _text(text: str, most: int, what: str) -> str:
    """A message if ``text`` is longer than coach keeps (``limits``), or holds what no file
    can (a lone surrogate: ``limits.valid_unicode``); "" if it fits."""
    if len(text) > most:
        return f"{what}: at most {most:,} characters, not {len(text):,}."
    if not limits.valid_unicode(text):
        return f"{what}: holds a character that is not valid Unicode; retype it."
    return ""


def parse_form(
    values: Mapping[str, str],
    today: date,
    interview_id: int | None = None,
    people_before: Sequence[Person] = (),
) -> FormResult:
    """Check every field and build the Interview from the valid ones.

    Args:
        values: Field name -> text as typed (or the choice picked; "" for none).
        today: For "not in the future".
        interview_id: The saved interview being edited, if any.
        people_before: Its interviewers as saved. While the field still shows them as
            ``people_text`` wrote them, they are kept as they are, whatever they hold (a
            line break in a name from a hand-edited file, more than the form takes): saving
            the round's other fields never changes them.
    """
    errors: dict[str, str] = {}
    get = {name: str(values.get(name, "")) for name in FIELDS}

    if not get["company"].strip():
        errors["company"] = "Company: who interviewed you? It names the interview in the list."
    for name, most, what in (
        ("company", limits.MAX_NAME_CHARS, "Company"),
        ("role", limits.MAX_NAME_CHARS, "Role"),
        ("closing_answer", limits.MAX_TEXT_CHARS, "Their answer"),
        ("notes", limits.MAX_TEXT_CHARS, "Notes"),
    ):
        problem = _text(get[name].strip(), most, what)
        if problem:
            errors[name] = problem
    if people_before and get["people"] == people_text(people_before):
        people, problem = tuple(people_before), ""
    else:
        people, problem = parse_people(get["people"])
    if problem:
        errors["people"] = problem
    held, problem = _date(get["date"], "Date")
    if problem:
        errors["date"] = problem
    elif held is None:
        errors["date"] = "Date: when was it? (YYYY-MM-DD)"
    elif held > today:
        errors["date"] = "Date: the interview can't be in the future; rate it after it happens."
    elif (today - held).days > OLDEST_DAYS:
        errors["date"] = "Date: within the last ten years (check the year)."
    time_text = get["time"].strip()
    if time_text and not _TIME.match(time_text):
        errors["time"] = "Time: like 14:30, or leave it empty."
        time_text = ""

    signals: dict[str, SignalValue] = {}
    for name, (low, high, label) in WHOLE_NUMBER_FIELDS.items():
        number, problem = _whole(get[name], low, high, label)
        if problem:
            errors[name] = problem
        elif number is not None:
            signals[name] = number
    for name, choices in CHOICE_FIELDS.items():
        chosen = get[name].strip()
        if chosen and chosen not in choices:
            errors[name] = f"{name.replace('_', ' ').capitalize()}: one of {', '.join(choices)}."
        elif chosen and name in YES_NO_KEYS:
            signals[name] = chosen == "yes"
        elif chosen and name in CHOICE_KEYS:
            signals[name] = chosen

    timeline, problem = _date(get["timeline_date"], "Timeline date")
    if problem:
        errors["timeline_date"] = problem
    elif timeline and held and timeline < held:
        errors["timeline_date"] = "Timeline date: on or after the interview."
        timeline = None
    elif timeline and (timeline - today).days > OLDEST_DAYS:
        errors["timeline_date"] = "Timeline date: check the year."
        timeline = None
    reply, problem = _date(get["reply_date"], "Reply date")
    if problem:
        errors["reply_date"] = problem
    elif reply and reply > today:
        errors["reply_date"] = "Reply date: not in the future."
        reply = None
    elif reply and held and reply < held:
        errors["reply_date"] = "Reply date: on or after the interview."
        reply = None

    held_at = ""
    if held is not None and "date" not in errors:
        held_at = held.isoformat() + (
            f"T{int(time_text[:-3]):02d}:{time_text[-2:]}" if time_text else ""
        )
    interview = Interview(
        company=get["company"].strip(),
        role=get["role"].strip(),
        stage=get["stage"] if get["stage"] in STAGES else "",
        held_at=held_at,
        signals=signals,
        outcome=get["outcome"] if get["outcome"] in OUTCOME_CHOICES else "",
        closing_answer=get["closing_answer"].strip(),
        timeline_date=timeline.isoformat() if timeline else "",
        reply_date=reply.isoformat() if reply else "",
        notes=get["notes"].strip(),
        people=people,
        id=interview_id,
    )
    return FormResult(interview, errors)


def form_values(interview: Interview) -> dict[str, str]:
    """The form's text for a saved interview (the inverse of ``parse_form``)."""
    values = dict.fromkeys(FIELDS, "")
    values.update(
        company=interview.company,
        role=interview.role,
        closing_answer=interview.closing_answer,
        date=interview.held_at[:10],
        time=interview.held_at[11:16],
        timeline_date=interview.timeline_date,
        reply_date=interview.reply_date,
        stage=interview.stage,
        outcome=interview.outcome,
        notes=interview.notes,
        people=people_text(interview.people),
    )
    for key, value in interview.signals.items():
        if key not in values or value is None:
            continue
        values[key] = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return values


def parse_people(text: str) -> tuple[tuple[Person, ...], str]:
    """The interviewers typed one a line, "Name, title" (either part may be left out:
    "Ana Ruiz", ", Recruiter"); and a message if a line is too long or there are too many.
    Blank lines are skipped.

    The line is cut at its first comma; a title may hold commas ("Ana Ruiz, Head of Data,
    EMEA"), and a name holds one written "\\," ("Ruiz\\, Ana, CTO": name "Ruiz, Ana"), a
    backslash before it written "\\\\" (``people_text`` writes them so)."""
    people: list[Person] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, title = (part.strip() for part in _split_person(line))
        for part, what in ((name, "name"), (title, "title")):
            problem = _text(part, limits.MAX_NAME_CHARS, f"Interviewers: line {number}'s {what}")
            if problem:
                return (), problem
        people.append(Person(name=name, title=title))
    if len(people) > MAX_PEOPLE:
        return (), f"Interviewers: at most {MAX_PEOPLE}, one a line, not {len(people):,}."
    return tuple(people), ""


def _split_person(line: str) -> tuple[str, str]:
    """A line's name (its escapes read) and title: cut at the first comma not escaped."""
    name: list[str] = []
    at = 0
    while at < len(line):
        char = line[at]
        if char == "\\" and line[at + 1 : at + 2] in (",", "\\"):
            name.append(line[at + 1])
            at += 2
            continue
        if char == ",":
            return "".join(name), line[at + 1 :]
        name.append(char)
        at += 1
    return "".join(name), ""


def people_text(people: Sequence[Person]) -> str:
    """The interviewers as the form shows them, one a line, written so that ``parse_people``
    reads them back the same: "Name, title", "Name", or ", title" for a title alone; a comma
    in a name written "\\,"."""
    return "\n".join(
        f"{_escaped(p.name, p.title)}, {p.title}" if p.title else _escaped(p.name, "")
        for p in people
    )


def _escaped(name: str, title: str) -> str:
    """``name`` as the first part of a line: its commas escaped, and a backslash where it
    would read as an escape (before a comma or a backslash, or last before the title's comma)."""
    out: list[str] = []
    for at, char in enumerate(name):
        after = name[at + 1 : at + 2]
        if char == ",":
            out.append("\\,")
        elif char == "\\" and (after in (",", "\\") or (not after and title)):
            out.append("\\\\")
        else:
            out.append(char)
    return "".join(out)
