"""When ``coach export -o`` may replace the file that is there: backups that only get better.

A backup is only worth scheduling if the schedule can never make it worse, and never blocks
on routine use. So a coach JSON export already at ``-o`` is replaced by a JSON export unless
that would lose records the user cannot make again:

* fewer attempts, fewer interviews or fewer heard cards (each kind on its own: more attempts
  do not make up for a lost interview);
* or no profile, or no settings, where the backup has one. The profile and the settings each
  count as one record: a strength or a requirement edited away is routine, a profile gone is
  not.

A database that was damaged and set aside reopens empty, and a nightly export must not then
copy that emptiness over the last good backup. When a JSON export is refused for its records,
it is still written, beside the backup (``backup.json.new-<time>``), so no night is lost.

Any other file: a non-empty file that is not a coach export is replaced by a JSON export only
with ``--force`` (``-o`` may be a typing slip; status 2). A Markdown or CSV export (notes,
regenerated at will) replaces any file except a coach export that holds records. A file coach
cannot read, or one too large to count (over ``LARGEST_COUNTED``), is replaced only with
``--force``: what it holds is unknown. An empty file counts as new.

The file is counted through one descriptor opened without following a link or waiting on a
FIFO, and only if that descriptor is a regular file; its identity is what ``Target``
checks again just before the rename.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from coach.exports import json_input
from coach.exports.backup_check import HEADER
from coach.exports.target import Identity, Target, TargetRefused

RECORDS: Final = (
    ("attempts", "attempt", "attempts"),
    ("interviews", "interview", "interviews"),
    ("heard_cards", "heard card", "heard cards"),
)
"""Each kind of record counted one by one: its key, and how to name one or several."""
WHOLE: Final = (("profile", "a profile", "no profile"), ("settings", "settings", "no settings"))
"""The sections that count as one record each: their key, and how to name them there or not."""
KINDS: Final = tuple(key for key, _, _ in RECORDS + WHOLE)

LARGEST_COUNTED = 64 * 1024 * 1024
"""An existing file above this size is not read to count its records (its records are then
unknown, and only ``--force`` replaces it). A backup of 10,000 attempts is about 10 MB."""
MOST_LISTS = 1_000_000
"""At most this many ``[`` in a file that is counted: a list costs memory when parsed whatever
its size in the file (``[]`` is 2 bytes, 56 in memory), and a backup has about one per record."""

Counts = dict[str, int]


class _Object:
    """What a JSON object inside the file becomes while it is counted: only whether it holds
    keys and whether it holds anything, so a large backup is never built in memory."""

    __slots__ = ("content", "keys")

    def __init__(self, keys: bool, content: bool) -> None:
        self.keys = keys
        self.content = content


_OBJECTS = {(k, c): _Object(k, c) for k in (False, True) for c in (False, True)}
_NUMBER = _Object(False, True)
"""Every number in a counted file (a file of numbers costs a pointer each, not an int)."""


def _holds(value: object) -> bool:
    """Whether a value parsed from a counted file holds anything."""
    if isinstance(value, _Object):
        return value.content
    if isinstance(value, list | str):
        return bool(value)
    return value is not None and value is not False


def _summary(pairs: list[tuple[str, object]]) -> object:
    """``object_pairs_hook``: the counts of an object with the export's marker, and a shared
    ``_Object`` for any other."""
    if any(key == HEADER for key, _ in pairs):
        return record_counts(dict(pairs))
    return _OBJECTS[bool(pairs), any(_holds(value) for _, value in pairs)]


def record_counts(doc: object) -> Counts | None:
    """How many records of each kind (``KINDS``) a parsed export holds; None if it is not a
    coach export.

    Forgiving: a section of the wrong type counts as empty, and records are counted, not
    checked (``coach import`` checks them). Works on a document parsed in full and on one
    counted through ``_summary``.
    """
    if not isinstance(doc, Mapping) or HEADER not in doc:
        return None
    counts = {key: len(v) if isinstance(v := doc.get(key), list) else 0 for key, _, _ in RECORDS}
    profile, settings = doc.get("profile"), doc.get("settings")
    if isinstance(profile, Mapping):  # a document parsed in full, not through ``_summary``
        profile = any(_holds(value) for value in profile.values())
    counts["profile"] = int(_holds(profile))
    found = settings.keys if isinstance(settings, _Object) else bool(settings)
    counts["settings"] = int(found)
    return counts


@dataclass(frozen=True)
class Existing:
    """What is at ``-o`` before the export replaces it."""

    identity: Identity | None
    """The file counted (device, inode); None if there was none."""
    counts: Counts | None
    """Its records: {} for no file or an empty one; None for a file that is not a coach export."""
    unknown: str | None = None
    """Why its records could not be counted (it cannot be read, it is too large), if so."""


def existing(target: Target) -> Existing:
    """Count the records of the file at ``target``, through one descriptor.

    Raises:
        TargetRefused: The path is no longer a regular file (a link or a FIFO put there since
            ``output_file`` looked).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC
    try:
        fd = os.open(target.path, flags)
    except FileNotFoundError:
        return Existing(None, {})
    except OSError as error:
        # A link put there (O_NOFOLLOW's ELOOP), a socket, another file: refused as changed.
        target.check_unchanged()
        return Existing(target.identity, None, f"cannot be read ({error.strerror or error})")
    with os.fdopen(fd, "rb") as handle:
        found = os.fstat(fd)
        identity = (found.st_dev, found.st_ino)
        if not stat.S_ISREG(found.st_mode):
            raise TargetRefused(
                f"{target.named} is not a regular file (a FIFO, a device or a socket), so "
                "coach will not write to it; name a file instead.",
                2,
            )
        if found.st_size > LARGEST_COUNTED:
            return Existing(identity, None, f"is larger than {_mib(LARGEST_COUNTED)}")
        try:
            # As much as fstat says, and one byte more to see it grew: read(n) allocates n.
            data = handle.read(found.st_size + 1)
            if len(data) > found.st_size:
                data += handle.read(LARGEST_COUNTED - len(data) + 1)
        except OSError as error:
            return Existing(identity, None, f"cannot be read ({error.strerror or error})")
    if len(data) > LARGEST_COUNTED:  # it grew since fstat
        return Existing(identity, None, f"is larger than {_mib(LARGEST_COUNTED)}")
    if not data.strip():
        return Existing(identity, {})
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return Existing(identity, None)  # not an object: no export, whatever else it holds
    if data.count(b"[") > MOST_LISTS:
        return Existing(identity, None, f"holds over {MOST_LISTS:,} lists")
    try:
        parsed = json_input.parse(
            data,
            object_pairs_hook=_summary,
            parse_int=_number,
            parse_float=_number,
            parse_constant=_number,
        )
    except json_input.InputError:  # not UTF-8, not JSON, a number too long, too deep
        return Existing(identity, None)
    return Existing(identity, parsed if isinstance(parsed, dict) else None)


def _number(text: str) -> object:
    return _NUMBER


def _mib(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB"


def _listed(counts: Counts, keys: list[str]) -> str:
    names = {key: (one, many) for key, one, many in RECORDS + WHOLE}
    parts = []
    for key in keys:
        one, many = names[key]
        if key in ("profile", "settings"):
            parts.append(one if counts[key] else many)
        else:
            parts.append(f"{counts[key]} {one if counts[key] == 1 else many}")
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def check_replace(found: Existing, named: str, new: Counts | None) -> None:
    """Refuse to replace the file ``found`` if the export would lose records it holds.

    Args:
        found: What ``existing`` found at ``-o``.
        named: ``-o`` as the user typed it, for the message.
        new: The record counts of the new export; None for Markdown or CSV (no records a
            ``coach import`` could restore).

    Raises:
        TargetRefused: Status 1 if the file holds records the export would lose, or its
            records cannot be counted; 2 if it is not a coach export and the export is JSON.
    """
    old = found.counts
    if old == {}:  # a new path or an empty file
        return
    if found.unknown is not None:
        raise TargetRefused(
            f"{named} {found.unknown}, so coach cannot tell which records it holds, and it "
            "was left as it is (add --force to replace it anyway).",
            1,
        )
    if old is None:
        if new is not None:
            raise TargetRefused(
                f"{named} exists and is not a coach export, so it was left as it is; "
                "add --force to replace it anyway.",
                2,
            )
        return
    now = new or dict.fromkeys(KINDS, 0)
    lost = [key for key in KINDS if old.get(key, 0) > now.get(key, 0)]
    if not lost:
        return
    would = (
        f"this export would hold only {_listed(now, lost)}"
        if new is not None
        else "a Markdown or CSV export holds none that coach import can restore"
    )
    raise TargetRefused(
        f"{named} is a coach backup holding {_listed(old, lost)}, but {would}; the backup was "
        "left as it is (add --force if those records were deleted on purpose).",
        1,
    )
