"""``coach history``: the interviews and the latest attempts as Rich tables, without the app.

Every cell that holds stored text is a ``Text`` made by ``coach.render.safe.user_text``: a
``str`` cell would be read as Rich markup (a company "Acme [/remote]" raised ``MarkupError``),
and an escape sequence in it would reach the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rich.table import Table
from rich.text import Text

from coach.domain.drill import saved_at
from coach.exports.backup import Bundle
from coach.exports.text import card_titles, read_interview
from coach.render.safe import user_text

BLANK = "\N{EN DASH}"
"""Shown for "not known", as the Rate screen's list does."""
BAND_STYLES = {"went well": "green", "mixed": "yellow", "went poorly": "red"}


def _shown(count: int, limit: int, what: str) -> str:
    if count > limit:
        return f"the {limit} most recent of {count} {what} (--limit N shows more)"
    return f"{count} {what}"


def interviews_table(bundle: Bundle, today: date, limit: int) -> Table:
    """The most recent interviews first, each with its rating as of ``today``."""
    recent = sorted(bundle.interviews, key=lambda i: (i.held_at, i.id or 0), reverse=True)
    table = Table(title="Interviews", caption=_shown(len(recent), limit, "interviews"))
    for column in ("date", "company", "role", "rating", "outcome", "follow-up"):
        numeric = column == "rating"
        table.add_column(column, justify="right" if numeric else "left", no_wrap=numeric)
    for interview in recent[:limit]:
        read = read_interview(interview, today)
        rating = Text(
            f"{read.score} {read.band}" if read.score is not None else BLANK,
            style=BAND_STYLES.get(read.band, ""),
        )
        overdue = read.follow_up == "OVERDUE"
        follow_up = Text(read.follow_up or BLANK, style="bold red" if overdue else "")
        table.add_row(
            user_text(interview.held_at[:10] or BLANK),
            user_text(interview.company),
            user_text(interview.role or BLANK),
            rating,
            user_text(interview.outcome or BLANK),
            follow_up,
        )
    return table


def attempts_table(bundle: Bundle, limit: int) -> Table:
    """The most recent attempts first: when, which card, the score."""
    titles = card_titles(bundle)
    recent = sorted(bundle.attempts, key=lambda a: (saved_at(a), a.id or 0), reverse=True)
    table = Table(title="Rehearsal attempts", caption=_shown(len(recent), limit, "attempts"))
    table.add_column("date")
    table.add_column("card", ratio=1)
    table.add_column("score", justify="right")
    for attempt in recent[:limit]:
        title = titles.get(attempt.card_id, attempt.card_id or "free practice")
        table.add_row(
            user_text(attempt.created_at[:16].replace("T", " ") or BLANK),
            user_text(title, overflow="ellipsis", no_wrap=True),
            Text(BLANK if "score" in attempt.problems else str(attempt.score)),
        )
    return table


UNREAD_NAMES = {"attempts": "attempt", "interviews": "interview", "cards": "heard card"}


def problems_note(
    bundle: Bundle,
    shown: int = 5,
    *,
    unread: Mapping[str, int] | None = None,
    shown_as: str = "shown as missing",
) -> str | None:
    """A sentence naming the records that hold values coach could not read (``shown_as``
    missing: "exported as missing" for an export), the first ``shown`` of them, and the
    documents the file holds that are not read at all (``Store.unread_documents``); None when
    every record was read whole.
    """
    flagged = [
        *(f"attempt {a.id} ({', '.join(a.problems)})" for a in bundle.attempts if a.problems),
        *(f"interview {i.id} ({', '.join(i.problems)})" for i in bundle.interviews if i.problems),
        *(f"a heard card ({', '.join(c.problems)})" for c in bundle.heard_cards if c.problems),
    ]
    if bundle.profile.problems:
        flagged.insert(0, f"the profile ({', '.join(bundle.profile.problems)})")
    notes = []
    if flagged:
        more = f", and {len(flagged) - shown} more" if len(flagged) > shown else ""
        notes.append(
            f"{len(flagged)} record{'s hold' if len(flagged) != 1 else ' holds'} values coach "
            f"could not read, {shown_as}: {'; '.join(flagged[:shown])}{more}. The file keeps "
            "them as they are; correct them by hand, or re-enter them in the app."
        )
    hidden = [
        f"{count} {UNREAD_NAMES.get(table, 'setting')}{'s' if count != 1 else ''}"
        for table, count in (unread or {}).items()
    ]
    if hidden:
        notes.append(
            f"The file also holds {', '.join(hidden)} that coach does not read, so they are not "
            "shown or exported: each under an id coach never gives (0, or over 15 digits), or "
            'under an id another record holds in another spelling ("01" beside "1"). The file '
            "keeps them as they are."
        )
    return " ".join(notes) or None


def tables(bundle: Bundle, today: date, limit: int) -> list[Table]:
    """Both tables, interviews first."""
    return [interviews_table(bundle, today, limit), attempts_table(bundle, limit)]
