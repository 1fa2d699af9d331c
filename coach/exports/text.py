"""The readable exports: Markdown for a mentor, CSV for a spreadsheet.

Neither is a backup (``coach.exports.backup`` writes the JSON that ``coach import`` reads):
they show what a person wants to read, with each interview's rating computed as of today.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from coach.domain.cards import QUESTION_CARD_ID, tailored_cards
from coach.domain.drill import saved_at
from coach.domain.models import Attempt, Interview, Person
from coach.domain.rubric import Rubric
from coach.exports import markdown
from coach.exports.backup import Bundle
from coach.exports.markdown import cell as _cell
from coach.exports.markdown import line as _line
from coach.exports.markdown import md as _md
from coach.render.safe import csv_cell, visible


@dataclass(frozen=True)
class Read:
    """An interview's rating as of today, in words."""

    score: int | None
    band: str
    follow_up: str


def read_interview(interview: Interview, today: date, rubric: Rubric | None = None) -> Read:
    """The rating, band and follow-up status; blanks if the saved signals cannot be rated."""
    from coach.content.rubric import load_rubric
    from coach.domain.interviews import rate_saved
    from coach.domain.rating import SignalError

    try:
        rating = rate_saved(interview, today, rubric or load_rubric())
    except SignalError:  # a database edited by hand: show the interview, not a traceback
        return Read(None, "", "")
    # As the Rate screen's list shows it: nothing when the silence clock does not apply.
    follow_up = {"overdue": "OVERDUE", "not observed": ""}.get(rating.follow_up, rating.follow_up)
    return Read(rating.score, rating.band, follow_up)


def card_titles(bundle: Bundle) -> dict[str, str]:
    """A readable name for every card an attempt may point at: the deck's, the profile's,
    the heard ones, and the closing question. Unknown ids are shown as they are."""
    from coach.content.loader import ContentError, load_deck

    titles = {QUESTION_CARD_ID: "The closing question"}
    # Without the deck's words, the attempts are still worth exporting, under their ids.
    with contextlib.suppress(ContentError):
        titles |= {card.id: card.feedback for card in load_deck()[1]}
    profile = bundle.profile
    titles |= {c.id: c.feedback for c in tailored_cards(profile.requirements, profile.strengths)}
    titles |= {card.id: card.feedback for card in bundle.heard_cards}
    return titles


def _when(attempt: Attempt) -> str:
    return attempt.created_at[:16].replace("T", " ")


def _score(attempt: Attempt) -> str:
    """The score, or nothing if the stored one could not be read (see ``coach.store.records``)."""
    return "" if "score" in attempt.problems else str(attempt.score)


def _seconds(attempt: Attempt) -> str:
    return "" if attempt.spoken_seconds is None else f"{attempt.spoken_seconds:.0f}"


def to_markdown(bundle: Bundle, today: date, titles: Mapping[str, str]) -> str:
    """Profile, interviews with their rating, and attempts grouped by card with scores."""
    out = [f"# Interview coaching notes ({today.isoformat()})", ""]
    profile = bundle.profile
    out += ["## Profile", "", "### Strengths", ""]
    out += [
        f"- **{_line(s.text)}**" + (f" — {_line(s.evidence)}" if _line(s.evidence) else "")
        for s in profile.strengths
    ] or ["(none yet)"]
    out += ["", "### The job's requirements", ""]
    out += [f"- {_line(r)}" for r in profile.requirements] or ["(none yet)"]
    if profile.interview_date:
        out += ["", f"Next interview: {profile.interview_date}"]

    out += ["", "## Interviews", ""]
    out += markdown.interviews(bundle.applications, bundle.interviews, today, read_interview)
    answers = [i for i in bundle.interviews if i.closing_answer.strip()]
    if answers:
        out += ["", "### What they said when asked how my background measures up", ""]
        out += [f"- **{_cell(i.company)}**: {_cell(i.closing_answer)}" for i in answers]
    if not bundle.interviews:
        out.append("(none yet)")

    out += ["", "## Rehearsal", ""]
    by_card: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in bundle.attempts:
        by_card[attempt.card_id].append(attempt)
    for card_id, mine in sorted(by_card.items(), key=lambda kv: max(a.score for a in kv[1])):
        title = titles.get(card_id, card_id or "Free practice")
        best = max(mine, key=lambda a: (a.score, saved_at(a)))
        out += [f"### {_cell(title)}", ""]
        out += [
            f"{len(mine)} attempt{'s' if len(mine) != 1 else ''}, best {best.score}/100. "
            f"Best attempt:",
            "",
        ]
        quoted = visible(best.text, lines=True).strip().splitlines()
        out += [f"> {_md(line)}" if line else ">" for line in quoted]
        out += ["", "| Date | Score | Spoken (s) |", "| --- | --- | --- |"]
        for attempt in sorted(mine, key=saved_at):
            out.append(f"| {_cell(_when(attempt))} | {_score(attempt)} | {_seconds(attempt)} |")
        out.append("")
    if not by_card:
        out += ["(none yet)", ""]
    return "\n".join(out + _exchanges(bundle))


NO_SCORE = "\N{EN DASH}"
"""A turn's score when nothing was typed (aloud, without the gist)."""


def _exchanges(bundle: Bundle) -> list[str]:
    """The mock exchanges, newest first: when, the reply drawn, each turn's score. Only when
    there are some: a notebook from before them reads as it did."""
    if not bundle.exchanges:
        return []
    out = ["## Mock exchanges", "", "| Date | Reply | Scores |", "| --- | --- | --- |"]
    for exchange in sorted(bundle.exchanges, key=lambda e: e.started_at, reverse=True):
        scores = ", ".join(
            f"{turn.step} {NO_SCORE if turn.score is None else turn.score}"
            for turn in exchange.turns
        )
        when = exchange.started_at[:16].replace("T", " ")
        aloud = " (aloud)" if exchange.aloud else ""
        out.append(f"| {_cell(when)} | {_cell(exchange.reply)} | {_cell(scores + aloud)} |")
    return [*out, ""]


CSV_COLUMNS = (
    "record",
    "id",
    "date",
    "score",
    "band",
    "company",
    "role",
    "stage",
    "outcome",
    "follow_up",
    "card_id",
    "card",
    "kind",
    "spoken_seconds",
    "text",
    "exchange_id",
    "application",
    "notes",
    "people",
    "messages_sent",
)
"""New columns go last, so a sheet or a script reading an older export's columns by place
still finds them."""


MULTI_LINE_COLUMNS = frozenset({"text", "notes"})
"""Columns that keep the user's line breaks (the csv module quotes them); in the others a line
break is a space."""


def _csv_row(row: Mapping[str, object]) -> dict[str, object]:
    """``row`` with every text cell neutralised (``csv_cell``); numbers stay numbers.

    Ids, scores and seconds are coach's own numbers: written as numbers, a spreadsheet can sort
    and chart them. Everything else is text, typed, imported or edited by hand.
    """
    return {
        key: csv_cell(value, lines=key in MULTI_LINE_COLUMNS) if isinstance(value, str) else value
        for key, value in row.items()
    }


def _person(person: Person) -> str:
    return f"{person.name} ({person.title})" if person.title.strip() else person.name


def to_csv(bundle: Bundle, today: date, titles: Mapping[str, str]) -> str:
    """Interviews and attempts as one table, told apart by the ``record`` column.

    One table, not two sections in one file: a spreadsheet (and Python's ``csv``) reads a CSV
    as one rectangle, so a second header half-way down would be read as data and break sorting
    and filtering. With a ``record`` column ("interview" or "attempt"), one filter shows either
    kind, and ``date`` and ``score`` (the attempt's coaching score, or the interview's rating,
    both 0-100) line up across both for one chart over time. Columns that do not apply to a
    row are left empty. The profile, heard cards and signals are not rows of a history: they
    are in the JSON export. An interview's row names its application (by id), its notes, the
    people met and the messages sent (kind and day; their text is in the JSON export).

    Text cells are neutralised for spreadsheets (see ``_csv_row``).
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()

    def write(row: Mapping[str, object]) -> None:
        writer.writerow(_csv_row(row))

    for interview in bundle.interviews:
        read = read_interview(interview, today)
        write(
            {
                "record": "interview",
                "id": interview.id,
                "date": interview.held_at,
                "score": "" if read.score is None else read.score,
                "band": read.band,
                "company": interview.company,
                "role": interview.role,
                "stage": interview.stage,
                "outcome": interview.outcome,
                "follow_up": read.follow_up,
                "text": interview.closing_answer,
                # The application's id: rounds of one application share it, to sort or
                # filter by (its names are the company and role columns).
                "application": "" if interview.application_id is None else interview.application_id,
                "notes": interview.notes,
                "people": "; ".join(_person(p) for p in interview.people),
                "messages_sent": "; ".join(f"{m.kind} {m.sent_on}" for m in interview.messages),
            }
        )
    for attempt in bundle.attempts:
        write(
            {
                "record": "attempt",
                "id": attempt.id,
                "date": attempt.created_at,
                "score": _score(attempt),
                "card_id": attempt.card_id,
                "card": titles.get(attempt.card_id, ""),
                "kind": attempt.kind,
                "spoken_seconds": "" if attempt.spoken_seconds is None else attempt.spoken_seconds,
                "text": attempt.text,
                "exchange_id": "" if attempt.exchange_id is None else attempt.exchange_id,
            }
        )
    return buffer.getvalue()
