"""Where ``coach export -o`` may write, and when it may replace the file that is there.

A backup is only worth scheduling if the schedule can never make it worse. So, before a byte is
written:

* ``-o`` names a regular file or a path that does not exist yet. A folder, a FIFO, a device or
  a socket is refused without being opened (opening a FIFO to write would wait for a reader).
  A symbolic link is followed: its target is replaced, atomically, and the link is kept.
* ``-o`` is not the database itself, however it is spelled (relative, through a link, a hard
  link), nor the lock or drafts file beside it.
* A coach JSON export already at ``-o`` is replaced only by a JSON export holding at least as
  many records of every kind (attempts, interviews, heard cards, settings, strengths,
  requirements). A database that was damaged and set aside reopens empty, and a nightly export
  must not then copy that emptiness over the last good backup.
* Another non-empty file is replaced by a JSON export only with ``--force``: ``-o`` may be a
  typing slip, and the file is not coach's. A Markdown or CSV export (notes, regenerated at
  will) replaces any file except a coach JSON export that holds records.

``--force`` lifts the last two rules, never the first two. An empty file counts as new.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from coach.backup_check import HEADER

KINDS = (
    ("attempts", "attempt", "attempts"),
    ("interviews", "interview", "interviews"),
    ("heard_cards", "heard card", "heard cards"),
    ("settings", "setting", "settings"),
    ("strengths", "strength", "strengths"),
    ("requirements", "requirement", "requirements"),
)
"""Each kind of record an export holds: its key, and how to name one or several."""

LARGEST_COUNTED = 256 * 1024 * 1024
"""An existing file above this size is not read to count its records (treated as unknown)."""

Counts = dict[str, int]


class TargetRefused(Exception):
    """``-o`` cannot be written: a sentence for the user, and the exit status."""

    def __init__(self, sentence: str, code: int) -> None:
        super().__init__(sentence)
        self.code = code


def _sidecars(db: Path) -> set[str]:
    """The database's file and the files coach keeps beside it, with links followed."""
    from coach.drafts import drafts_path

    real = Path(os.path.realpath(db))
    drafts = drafts_path(real)
    kept = (real, drafts, *(p.with_name(p.name + ".lock") for p in (real, drafts)))
    return {str(p) for p in kept}


def output_file(output: str, db: Path) -> Path:
    """The file ``coach export -o OUTPUT`` will replace: ``output`` with links followed.

    Args:
        output: The ``-o`` argument as typed (``~`` is expanded).
        db: The database the export reads.

    Returns:
        The real path to write: a regular file, or a path where nothing exists yet.

    Raises:
        TargetRefused: ``output`` is empty, a folder, a special file, the database or one of
            its files, or cannot be looked at (a symlink loop, a forbidden folder).
    """
    if not output.strip():
        raise TargetRefused("-o needs a file name, such as -o backup.json.", 2)
    named = Path(output).expanduser()
    # realpath, not Path.resolve: it never raises, so a loop is reported by stat below.
    real = Path(os.path.realpath(named))
    try:
        found = real.stat()
    except FileNotFoundError:
        found = None
    except OSError as error:
        reason = "a loop of symbolic links" if error.errno == errno.ELOOP else error.strerror
        raise TargetRefused(f"{named} cannot be used: {reason or error}.", 1) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise TargetRefused(
            f"{named} is a folder; name a file inside it, such as {named / 'backup.json'}.", 2
        )
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise TargetRefused(
            f"{named} is not a regular file (a FIFO, a device or a socket), so coach will not "
            "write to it; name a file instead.",
            2,
        )
    if str(real) in _sidecars(db) or (found is not None and _same_file(found, db)):
        raise TargetRefused(
            f"{named} is the database itself (or a file coach keeps beside it); "
            "an export must go to another file.",
            2,
        )
    return real


def _same_file(found: os.stat_result, db: Path) -> bool:
    """Whether ``found`` is the database's file under another name (a hard link)."""
    try:
        mine = db.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (mine.st_dev, mine.st_ino)


def record_counts(doc: object) -> Counts | None:
    """How many records of each kind a parsed export holds; None if it is not a coach export.

    Forgiving: a section of the wrong type counts as empty, and records are counted, not
    checked (``coach import`` checks them).
    """
    if not isinstance(doc, Mapping) or HEADER not in doc:
        return None
    profile = doc.get("profile")
    profile = profile if isinstance(profile, Mapping) else {}
    sections = {
        **doc,
        "strengths": profile.get("strengths"),
        "requirements": profile.get("requirements"),
    }
    return {
        key: len(value) if isinstance(value := sections.get(key), list | dict) else 0
        for key, _, _ in KINDS
    }


def existing_counts(path: Path) -> Counts | None:
    """The record counts of the coach export at ``path``: {} for nothing there (or an empty
    file); None for a file that is not a coach export (or cannot be read)."""
    try:
        if path.stat().st_size > LARGEST_COUNTED:
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError:
        return None
    if not data.strip():
        return {}
    try:
        return record_counts(json.loads(data.decode("utf-8")))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, a number too long, too deep
        return None


def _listed(counts: Counts, keys: list[str]) -> str:
    names = {key: (one, many) for key, one, many in KINDS}
    parts = [f"{counts[k]} {names[k][0] if counts[k] == 1 else names[k][1]}" for k in keys]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def check_replace(path: Path, named: str, new: Counts | None, *, force: bool) -> None:
    """Refuse to replace ``path`` if the export would hold less than the file there.

    Args:
        path: The real file ``-o`` leads to.
        named: ``-o`` as the user typed it, for the message.
        new: The record counts of the new export; None for Markdown or CSV (no records a
            ``coach import`` could restore).
        force: ``--force`` was given: replace whatever is there.

    Raises:
        TargetRefused: The existing file holds records the new export lacks, or is not a coach
            export and the new one is JSON.
    """
    if force:
        return
    old = existing_counts(path)
    if old == {}:  # a new path or an empty file
        return
    if old is None:
        if new is not None:
            raise TargetRefused(
                f"{named} exists and is not a coach export, so it was left as it is; "
                "add --force to replace it anyway.",
                2,
            )
        return
    lost = [key for key, _, _ in KINDS if old[key] > (new or {}).get(key, 0)]
    if not lost:
        return
    now = {key: (new or {}).get(key, 0) for key, _, _ in KINDS}
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
