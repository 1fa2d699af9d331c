"""What coach accepts, in one place: the checks shared by every way in.

The Rate form (``coach.domain.interview_form``), ``coach import`` (``coach.exports.backup_check``)
and ``coach rate --signals`` (``coach.cli.rate`` and ``coach.domain.signals``) all use these, so a
value one of them accepts the others accept too, and every part of coach can then show it:

* **Dates** from ``EARLIEST_DAY`` to ``LATEST_DAY``. Python's dates end in the year 9999, and
  coach adds days to the dates it keeps (a reply deadline, the next rehearsal): a date near
  that end crashed every screen that showed it. No interview or rehearsal is before 1970, and
  2100 leaves room for any deadline coach computes.
* **Numbers** finite (JSON as Python reads it allows ``NaN`` and ``Infinity``), whole where
  coach counts, and within a range.
* **Text** bounded: ``MAX_NAME_CHARS`` for a name (a company, a role, an id),
  ``MAX_TEXT_CHARS`` for what a person writes (an attempt, their answer, a card's feedback).
* **Messages** echo a bad value at most ``MAX_ECHO_CHARS`` long (``echo``).

The forgiving reader (``coach.store.records``) uses the same checks the other way round: a stored
value that fails one is shown as missing, never raised. The date arithmetic here (``add_days``,
``add_moment_days``) clamps instead of overflowing, for dates that never passed a check.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

EARLIEST_DAY = date(1970, 1, 1)
"""The earliest date coach accepts."""
LATEST_DAY = date(2100, 12, 31)
"""The latest date coach accepts."""
DATE_RANGE = f"from {EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}"
"""The range in words, for messages."""

MAX_NAME_CHARS = 1_000
"""A company, a role, a stage, an id, a category, a term, a setting."""
MAX_TEXT_CHARS = 1_000_000
"""An attempt's text, the interviewer's answer, a card's feedback, a strength's evidence:
about 150,000 words, far beyond anything typed, yet it bounds what a file can hand coach."""
MAX_SPOKEN_SECONDS = 24 * 3600
"""A stopwatch left running over night is still a time; a bigger number is a typo."""
MAX_ECHO_CHARS = 60
"""How much of a bad value a message repeats."""
_ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# --- dates --------------------------------------------------------------------------------------


def in_range(day: date) -> bool:
    """Whether ``day`` is within what coach accepts."""
    return EARLIEST_DAY <= day <= LATEST_DAY


def day(value: object) -> date | None:
    """An ISO date (``2026-11-20``) within range; None for anything else."""
    # Only this form: Python also reads "20261120" and "2026-W47-5", which coach never writes
    # and every screen would show as they are.
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if in_range(parsed) else None


def moment(value: object, *, zone_required: bool = True) -> datetime | None:
    """An ISO date-time within range (with its time zone, unless ``zone_required`` is False);
    None for anything else.

    A time stamp without a zone cannot be compared with the zone-aware clock that the drill
    and the progress charts use, so by default it is not a time stamp coach can use.
    """
    # 40 characters hold the longest form Python writes (microseconds and an offset).
    if not isinstance(value, str) or not 10 < len(value) <= 40 or not _DAY.match(value):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if zone_required and parsed.tzinfo is None:
        return None
    return parsed if in_range(parsed.date()) else None


def day_or_moment(value: object) -> date | None:
    """The day of an ISO date, or of a date-time with or without a zone, within range; None
    for anything else. An interview's ``held_at`` is either."""
    if isinstance(value, str) and len(value) > 10:
        held = moment(value, zone_required=False)
        return held.date() if held is not None else None
    return day(value)


def clamp_day(value: date) -> date:
    """``value``, moved into the accepted range if it lies outside it."""
    return min(LATEST_DAY, max(EARLIEST_DAY, value))


def add_days(start: date, days: int) -> date:
    """``start`` plus ``days``, clamped to the accepted range: never an OverflowError, whatever
    date an old file holds."""
    start = clamp_day(start)
    span = (LATEST_DAY - EARLIEST_DAY).days
    days = max(-span, min(span, days))
    return clamp_day(start + timedelta(days=days))


def add_moment_days(start: datetime, days: int) -> datetime:
    """``start`` plus ``days``, its day kept within the accepted range (as ``add_days``)."""
    base = start.date()
    return start + (add_days(base, days) - base)


# --- numbers ------------------------------------------------------------------------------------


def whole(value: object, low: int, high: int) -> int | None:
    """``value`` if it is a whole number (not a bool) from ``low`` to ``high``; else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def number(value: object, low: float, high: float) -> float | None:
    """``value`` as a float if it is a finite number (not a bool) from ``low`` to ``high``;
    else None (NaN, infinities and numbers too big for a float included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        as_float = float(value)
    except OverflowError:
        return None
    if not math.isfinite(as_float):
        return None
    return as_float if low <= as_float <= high else None


# --- text ---------------------------------------------------------------------------------------


def valid_unicode(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (JSON's ``\\ud800`` escapes make lone
    surrogates, which cannot)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def readable_text(text: str) -> str:
    """``text`` with any lone surrogate (JSON's ``"\\ud800"``) replaced by U+FFFD: such a
    character cannot be written to a terminal or a UTF-8 file, so it would crash whatever
    shows or saves it."""
    if valid_unicode(text):
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def echo(value: object, limit: int = MAX_ECHO_CHARS) -> str:
    """A bad value as a message shows it: JSON's words for null and booleans, a text quoted,
    and never more than ``limit`` characters of it (a 10 MB value is not repeated back)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 3 * limit:
        # str() of a number over 4,300 digits raises; and nobody reads that many.
        return f"a number of about {int(value.bit_length() * math.log10(2)) + 1:,} digits"
    if isinstance(value, str | int | float):
        shown = repr(value[: limit + 1]) if isinstance(value, str) else repr(value)
        return shown if len(shown) <= limit else shown[:limit] + _ELLIPSIS
    if isinstance(value, list | tuple):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__
