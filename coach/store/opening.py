"""Opening the database file: finding it, locking it, migrating it, and never losing it.

``open_store`` never raises for a bad file. It keeps a timestamped copy of a corrupt or
too-new file, tells the caller in a sentence, and never rewrites a file from a newer coach;
when the file cannot be used at all, the session runs on a store in memory. Tested in
``tests/unit/test_storage*.py``.
"""

from __future__ import annotations

import errno
import json
from dataclasses import dataclass
from pathlib import Path

from tinydb import TinyDB

from coach.content.loader import ContentError
from coach.store import files, json_storage, schema
from coach.store.errors import StoreError
from coach.store.json_storage import AtomicJSONStorage
from coach.store.store import Store


@dataclass(frozen=True)
class OpenedStore:
    """What ``open_store`` found."""

    store: Store
    """The store to use: on the file, or a temporary one in memory when the file can't be used."""
    problem: str | None = None
    """What went wrong with the file and what was done about it, in a sentence for the user;
    None if all is well."""
    kept_copy: Path | None = None
    """Where the bad file was copied to, if it was."""


def _temporary(problem: str, kept: Path | None = None) -> OpenedStore:
    store = Store.in_memory(
        "coach could not use its database file, so it runs on a temporary one "
        "(the notice at start said why)"
    )
    return OpenedStore(store, problem, kept)


_TEMPORARY = (
    "coach is running on a temporary database for this session: nothing you save now will be kept."
)


def open_store(path: Path, *, tighten_dir: bool = False) -> OpenedStore:
    """Open (or create) the database at ``path``; never raises for a bad file, never loses one.

    Args:
        path: The database file. A symbolic link is followed, so the real file is the one
            replaced (and the lock sits beside it), wherever it lives.
        tighten_dir: chmod an existing folder to 0700 (for coach's own data folder).

    Returns:
        The store, and a sentence for the user if the file could not be used as it was.
    """
    from coach.store.locations import resolved

    try:
        path = resolved(path)
    except OSError as error:
        why = (
            "it is a symbolic link that leads back to itself"
            if error.errno == errno.ELOOP
            else error.strerror or str(error)
        )
        return _temporary(
            f"Could not open {path}: {why}. Nothing was changed. Point --db or COACH_DB at "
            f"the database file itself. {_TEMPORARY}"
        )
    try:
        files.ensure_private_dir(path.parent, tighten=tighten_dir)
    except OSError as error:
        return _temporary(
            f"Could not create the folder {path.parent}: {error.strerror or error}. "
            f"Choose another place with --db or COACH_DB. {_TEMPORARY}"
        )
    if path.is_dir():
        return _temporary(
            f"{path} is a folder, not a database file. Point --db or COACH_DB at a file "
            f"inside it, such as {path / 'coach.json'}. {_TEMPORARY}"
        )
    lock = files.FileLock(path)
    try:
        with lock.held():
            return _open_locked(path, lock)
    except OSError as error:
        # A full disk (say, while the damaged file is being set aside), or a file-size limit,
        # needs space, not chmod.
        full = files.disk_full(error)
        readable = _read_only_copy(path)
        if readable is not None:
            fix = (
                "Free some disk space" if full else "Make the folder writable (it should be yours)"
            )
            readable.unsaved_reason = (
                f"coach cannot write beside {path} ({error.strerror or error}); "
                f"{fix[0].lower()}{fix[1:]}, then restart coach"
            )
            return OpenedStore(
                readable,
                f"coach can read {path} but cannot write beside it "
                f"({error.strerror or error}). Your data is shown, but nothing you change in "
                f"this session will be kept. {fix}, then restart coach.",
            )
        fix = (
            "Free some disk space"
            if full
            else "Check the file's and folder's permissions (they should be yours)"
        )
        return _temporary(
            f"Could not open {path}: {error.strerror or error}. Nothing in it was changed. "
            f"{fix}, then restart coach. {_TEMPORARY}"
        )


def read_only(path: Path) -> Store:
    """The database at ``path`` read into a memory store, for a command that only reads
    (``coach due``, which a scheduler may run every day): the file is never locked, migrated
    on disk, moved aside or written, so a damaged file stays where it is and every run says
    so. An older file is migrated in memory only; an empty one reads as an empty database.

    Raises:
        StoreError: Why the file cannot be read, as a few words to go in a sentence ("not
            valid JSON at line 1, column 3"); nothing was changed.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StoreError(str(error.strerror or error).lower()) from None
    try:
        raw = schema.check_shape(json_storage.parse(data)) if data.strip() else schema.empty()
    except ValueError as error:  # not JSON, not text, not coach's (ShapeError)
        raise StoreError(json_storage.describe(error)) from None
    version = schema.schema_of(raw)
    if version > schema.SCHEMA_VERSION:
        raise StoreError(f"it was written by a newer coach (schema {version})")
    try:
        raw = schema.migrate(raw)
    except ContentError:
        raise StoreError(
            f"it is from an older coach (schema {version}) and could not be brought up to date"
        ) from None
    store = Store.in_memory()
    store._db.storage.write(raw)
    return store


def _read_only_copy(path: Path) -> Store | None:
    """The file's data in a memory store, if it can be read and is a current coach database."""
    try:
        return read_only(path)
    except StoreError:
        return None


def _open_locked(path: Path, lock: files.FileLock) -> OpenedStore:
    # Find out now, not at the first save, that the folder will not take our files.
    files.check_writable(path.parent)
    files.remove_stale_temps(path)
    problem: str | None = None
    kept: Path | None = None
    raw: schema.Raw | None = None
    data = path.read_bytes() if path.exists() else b""
    if data.strip():
        try:
            raw = schema.check_shape(json_storage.parse(data))
        except (ValueError, schema.ShapeError) as error:
            kept = files.keep_copy(path, "corrupt")
            problem = (
                f"{path} could not be read as a coach database ({json_storage.describe(error)}). "
                f"It was kept unchanged as {kept} and coach started a new, empty database "
                "in its place. Your old data is in that copy."
            )
    if raw is not None:
        version = schema.schema_of(raw)
        if version > schema.SCHEMA_VERSION:
            kept = files.keep_copy(path, f"schema{version}")
            return _temporary(
                f"{path} was written by a newer version of coach (schema {version}; this "
                f"version knows up to {schema.SCHEMA_VERSION}). It was left untouched and "
                f"a copy was kept as {kept}. Upgrade coach to use it. {_TEMPORARY}",
                kept,
            )
        if version < schema.SCHEMA_VERSION:
            # A copy before migrating: if a migration step has a bug, nothing is lost.
            kept = files.keep_copy(path, f"schema{version}")
            try:
                raw = schema.migrate(raw)
            except ContentError as error:
                return _temporary(
                    f"{path} is from an older coach (schema {version}) and could not be "
                    f"brought up to date: {error}. It was left untouched (a copy is kept as "
                    f"{kept}). Reinstall coach, then start it again. {_TEMPORARY}",
                    kept,
                )
            files.atomic_write(path, json_storage.dump(raw).encode())
    if raw is None:
        files.atomic_write(path, json.dumps(schema.empty()).encode())
    path.chmod(files.PRIVATE_FILE)
    db = TinyDB(str(path), storage=AtomicJSONStorage)
    if raw is not None and kept is None:
        # The file was parsed just now to check it: hand that to the storage rather than
        # parsing it a second time at the first query (a large history parses in ~60 ms).
        storage = db.storage
        assert isinstance(storage, AtomicJSONStorage)
        storage.prime(raw, data, path.stat())
    store = Store(db, lock, path)
    store._drafts.remove_stale_temps()
    return OpenedStore(store, problem, kept)
