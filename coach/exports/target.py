"""Where ``coach export -o`` may write.

Before a byte is written (and before the database is opened, so a bad ``-o`` creates nothing):

* ``-o`` names a regular file or a path that does not exist yet. A folder, a FIFO, a device or
  a socket is refused without being opened (opening a FIFO to write would wait for a reader),
  and so is a name ending in ``/`` (a folder's name) where no folder is.
  A symbolic link is followed: its target is replaced, atomically, and the link is kept.
* ``-o`` is none of the files coach keeps beside the database: the database itself, its drafts
  file, their lock files, the copies of a damaged or older file that coach set aside
  (``coach.json.corrupt-<time>``, ``coach.json.schema1-<time>``,
  ``coach.drafts.json.long-draft-<time>``: after damage, the only copy of the user's data) and
  the temporary files of a write. A path is compared by what it is, not how it is spelled: an
  existing file by its device and inode (a hard link, a bind mount, another spelling of a
  folder all give the same pair), a new one by its folder's device and inode and its name.
* The file is looked at again just before the new one is renamed over it
  (``Target.check_unchanged``): if something else put another file, a link or a FIFO there in
  the meantime, nothing is replaced.

``--force`` lifts none of these; it only lets an export replace a file whose records it cannot
vouch for (``coach.exports.replace``). Exit status 2 for each refusal here (the command line
named the wrong thing), 1 when the path cannot be looked at (a symbolic link loop).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coach.store import files

Identity = tuple[int, int]
"""A file's (st_dev, st_ino): the same for every name of one file, on any mount."""


class TargetRefused(Exception):
    """``-o`` cannot be written: a sentence for the user, and the exit status."""

    def __init__(self, sentence: str, code: int) -> None:
        super().__init__(sentence)
        self.code = code


@dataclass(frozen=True)
class Target:
    """The file an export with ``-o`` will replace."""

    path: Path
    """The real path to write: links followed."""
    named: Path
    """``-o`` as the user typed it (``~`` expanded), for messages."""
    identity: Identity | None
    """The file found there when it was checked; None if there was none."""

    def check_unchanged(self) -> None:
        """Refuse if ``path`` is no longer the file that was checked (``identity``): a file, a
        link or a FIFO put there meanwhile.

        Raises:
            TargetRefused: Something else is at ``path`` now.
        """
        try:
            now = os.lstat(self.path)
        except FileNotFoundError:
            now = None
        except OSError as error:
            raise self._changed(error.strerror or str(error)) from None
        if now is None:
            return  # gone, or never there: the new file takes an empty place
        if not stat.S_ISREG(now.st_mode):
            raise self._changed("it is no longer a regular file")
        if (now.st_dev, now.st_ino) != self.identity:
            raise self._changed("another file was put in its place")

    def _changed(self, why: str) -> TargetRefused:
        return TargetRefused(
            f"{self.named} changed while coach was exporting ({why}), so it was left as it "
            "is; run the export again.",
            1,
        )


def _identity(path: Path) -> Identity | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _coach_names(db: Path) -> tuple[str, ...]:
    """The names of the files coach writes beside its database file ``db`` (besides the copies
    and temporary files, matched by ``_is_coachs``)."""
    from coach.store.drafts import drafts_path

    drafts = drafts_path(db).name
    return db.name, drafts, db.name + ".lock", drafts + ".lock"


def _is_coachs(name: str, db: Path) -> bool:
    """Whether a file called ``name`` in the database's folder is one coach keeps there."""
    names = _coach_names(db)
    if name in names or name.startswith(f".coach-probe{files.TEMP_MARK}"):
        return True
    return any(
        files.is_kept_copy(name, base) or name.startswith(f".{base}{files.TEMP_MARK}")
        for base in names[:2]
    )


def _coachs_files(db: Path) -> Iterator[Identity]:
    """The identity of every file coach keeps beside ``db`` that exists now."""
    try:
        with os.scandir(db.parent) as entries:
            found = [entry.name for entry in entries if _is_coachs(entry.name, db)]
    except OSError:
        return
    for name in found:
        if (identity := _identity(db.parent / name)) is not None:
            yield identity


def is_coachs_file(real: Path, found: Identity | None, db: Path) -> bool:
    """Whether ``real`` (links followed) is the database or a file coach keeps beside it.

    Args:
        real: The path, with every link followed.
        found: The identity of the file at ``real``, None if there is none.
        db: The database, as ``--db`` (or the default) names it.
    """
    base = Path(os.path.realpath(db))
    if _is_coachs(real.name, base):
        # The same folder: by the folder's identity (a bind mount, another spelling), or by
        # its path while it does not exist yet (opening the database will create it).
        same = _identity(real.parent)
        if (same is not None and same == _identity(base.parent)) or real.parent == base.parent:
            return True
    # Another name for one of those files (a hard link, a bind mount of its folder).
    return found is not None and found in set(_coachs_files(base))


def output_file(output: str, db: Path) -> Target:
    """The file ``coach export -o OUTPUT`` will replace: ``output`` with links followed.

    Args:
        output: The ``-o`` argument as typed (``~`` is expanded).
        db: The database the export reads.

    Returns:
        A regular file, or a path where nothing exists yet.

    Raises:
        TargetRefused: ``output`` is empty, a folder, a special file, the database or one of
            the files coach keeps beside it, or cannot be looked at (a symlink loop, a
            forbidden folder).
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
    if output.endswith(("/", os.sep)):
        # realpath drops the slash, and would write a file where the user meant a folder.
        raise TargetRefused(
            f"{output} ends with a slash, so it names a folder, and there is no folder "
            "there; name a file, such as backup.json.",
            2,
        )
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise TargetRefused(
            f"{named} is not a regular file (a FIFO, a device or a socket), so coach will not "
            "write to it; name a file instead.",
            2,
        )
    identity = (found.st_dev, found.st_ino) if found is not None else None
    if is_coachs_file(real, identity, db):
        raise TargetRefused(
            f"{named} is the database or a file coach keeps beside it (its drafts, a lock, a "
            "copy of a damaged file set aside); an export must go to another file.",
            2,
        )
    return Target(real, named, identity)
