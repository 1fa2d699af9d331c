"""The Store: coach's saved data, read and written as domain objects (``coach.domain``), never
TinyDB documents.

Two promises, each tested in ``tests/unit/test_storage*.py``:

* **Every write is whole.** A change reaches the file in one atomic write
  (``coach.store.json_storage``) or raises ``StoreError`` with nothing changed on disk.
* **Two windows, nothing lost.** Every write happens under a cross-process lock, after re-reading
  the file, with ids computed from what is on disk, so a second coach on the same file merges
  its saves with the first one's instead of overwriting them.

Open one on a file with ``coach.store.opening.open_store``, which finds, checks and migrates it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from coach.domain.cards import FeedbackCard
from coach.domain.models import Application, Attempt, Exchange, Interview, Profile
from coach.store import documents, exchanges, files, records, rounds, schema
from coach.store.drafts import Drafts, drafts_path
from coach.store.errors import StoreError
from coach.store.json_storage import AtomicJSONStorage, describe

_T = TypeVar("_T")
Revision = tuple[object, ...]
DUPLICATE_ID = "id shared with a record not shown"
"""The problem noted on a record whose id another document also claims ("1" and "01")."""

READ_TABLES = ("attempts", "interviews", "cards", "settings", "exchanges", "applications")
"""The tables whose documents are read by id (the profile is the one document "1")."""
IN_MEMORY = "this session's database lives in memory only"
"""``Store.unsaved_reason`` of a store built in memory on purpose (tests, scripts)."""


class Store:
    """coach's saved data: the profile, rehearsal attempts, interviews and settings.

    Build one with ``open_store(path)`` or ``Store.in_memory()``. Every method either completes
    its write durably or raises ``StoreError`` with nothing changed on disk.
    """

    def __init__(self, db: TinyDB, lock: files.FileLock | None, path: Path | None) -> None:
        self._db = db
        self._lock = lock
        self.path = path
        """The database file, or None for a temporary store that saves nothing to disk."""
        self.unsaved_reason: str | None = None if path else IN_MEMORY
        """Why saves are not kept once coach closes, in a few words; None when they reach the
        file. Screens say it when they save, rather than "saved"."""
        self._drafts = Drafts(drafts_path(path) if path else None)
        self._writes = 0
        """Saves made through this Store: a store in memory has no file to tell them by."""
        self.last_save: tuple[Revision, Revision] | None = None
        """The revision just before and just after the last save, both under the lock: a
        screen that had read the first has, with its own save, read everything there is."""

    @classmethod
    def in_memory(cls, reason: str = IN_MEMORY) -> Store:
        """A store that lives in memory only: for tests, and when the file cannot be used.

        Args:
            reason: Why nothing saved in it is kept (``unsaved_reason``).
        """
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(schema.empty())
        store = cls(db, None, None)
        store.unsaved_reason = reason
        return store

    def ensure_open(self) -> str | None:
        """Already open (``open_store`` reported any problem): nothing to do or to say."""
        return None

    @property
    def persistent(self) -> bool:
        """Whether saves reach a file."""
        return self.path is not None

    def close(self) -> None:
        """Release the file. Every save has already been written; this loses nothing."""
        self._db.close()

    def revision(self) -> Revision:
        """A value that changes whenever the saved data may have: after a save here, or in
        another window or ``coach import`` (the file is replaced). One ``stat``, and it never
        raises (a file that cannot be looked at gives a revision of its own): screens ask it
        each time they are shown, and read again only when it changed.

        Promised: every save through a Store moves it; a save by another process moves it
        unless the file system both reuses the inode and keeps times coarser than the gap
        between two saves of the same size. Not promised beyond that: ``reread`` (F5) is.
        """
        storage = self._db.storage
        on_disk = storage.signature() if isinstance(storage, AtomicJSONStorage) else None
        return (self._writes, on_disk)

    def reread(self) -> None:
        """Have the next read compare the file's bytes with what was read, rather than trust
        its ``stat``; cheap when they are the same (no parse)."""
        storage = self._db.storage
        if isinstance(storage, AtomicJSONStorage):
            storage.doubt()

    # --- plumbing -------------------------------------------------------------------------------

    def _rows(self, name: str) -> list[schema.Row]:
        """Every document of a table that is read (``schema.rows``), straight from the
        storage's parse, oldest (lowest id) first. Not TinyDB's ``Table.all()``: it copies
        each document (twice the memory of 10,000 attempts, for values read once), raises for
        a key too long to be a number, and shows ``"1"`` and ``"01"`` as two documents with
        the same id (which the screens' tables refuse)."""
        rows: list[schema.Row] = self._read(lambda: schema.rows(self._raw().get(name, {})))
        return rows

    def unread_documents(self) -> dict[str, int]:
        """How many documents of each table are in the file but not read (an id too long to be
        coach's, or 0, or one another document of the table holds in another spelling): they
        are never shown, exported or changed. Only tables that have some."""
        raw: schema.Raw = self._read(lambda: self._db.storage.read() or {})
        counts = {name: schema.hidden(raw.get(name, {})) for name in READ_TABLES}
        return {name: count for name, count in counts.items() if count}

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the cross-process lock and turn low-level failures into a sentence."""
        try:
            with self._lock.held() if self._lock else contextlib.nullcontext():
                yield
        except files.LockTimeout as error:
            raise StoreError(
                f"Could not save: {error}. Close the other coach window, then try again."
            ) from error
        except OSError as error:
            where = f" to {self.path}" if self.path else ""
            reason = error.strerror or str(error)
            raise StoreError(
                f"Could not save{where}: {reason}. Your previous saves are intact; "
                "free some disk space or fix the folder's permissions, then save again."
            ) from error
        except (json.JSONDecodeError, UnicodeDecodeError, schema.ShapeError) as error:
            raise StoreError(
                f"Could not save: another program changed {self.path} into something that is "
                f"not a coach database ({describe(error)}). Restart coach to recover it."
            ) from error
        except UnicodeEncodeError as error:
            # A backstop: json_storage.dump writes any text a file can hold, and the boundary
            # refuses text that is not valid Unicode. Nothing was written.
            raise StoreError(
                "Could not save: a text holds a character that is not valid Unicode. Your "
                "previous saves are intact."
            ) from error

    def _read(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except FileNotFoundError as error:
            raise StoreError(
                f"{self.path} is missing (moved or deleted by another program?): nothing was "
                "read, and the next save writes a new file there."
            ) from error
        except OSError as error:
            raise StoreError(
                f"Could not read {self.path}: {error.strerror or error}. Nothing on screen "
                "changed; fix the file's permissions, then press F5."
            ) from error
        except (ValueError, schema.ShapeError) as error:  # not JSON, not text, not coach's
            raise StoreError(
                f"Could not read {self.path}: another program changed it into something that "
                f"is not a coach database ({describe(error)}). Restart coach to recover it."
            ) from error

    def _raw(self) -> schema.Raw:
        """The whole file as parsed (the storage's cache when it is unchanged).

        Raises:
            FileNotFoundError: The file is gone: an empty database would empty the screens.
        """
        raw = self._db.storage.read()
        if raw is None:
            raise FileNotFoundError(str(self.path))
        return raw

    def _modify(self, change: Callable[[schema.Raw], _T]) -> _T:
        """Under the lock: re-read the file, apply ``change`` to it, write it back in one go.

        Re-reading from disk (never from the cache) means another window's saves are always
        the base of ours; one write means a kill leaves either all of a change or none of it.
        """
        with self._writing():
            before = self.revision()  # under the lock: no other save can come in between
            storage = self._db.storage
            if isinstance(storage, AtomicJSONStorage):
                storage.refresh()
            raw = storage.read() or schema.empty()
            result = change(raw)
            storage.write(raw)
            self._writes += 1
            self.last_save = (before, self.revision())
            return result

    def change_raw(self, change: Callable[[schema.Raw], _T]) -> _T:
        """Apply ``change`` to the whole database in one atomic write, under the lock.

        For bulk changes made of many records (``coach import``): either all of them reach the
        file or none does. ``change`` gets the file's current content, re-read under the lock,
        and must add or replace documents (never edit one in place: the storage reuses the JSON
        text of documents it has seen). If it raises, nothing is written and the cached copy
        it may have half-changed is dropped, so the next read comes from disk.

        Raises:
            StoreError: The file could not be written; it is unchanged.
        """

        def guarded(raw: schema.Raw) -> _T:
            try:
                return change(raw)
            except BaseException:
                storage = self._db.storage
                if isinstance(storage, AtomicJSONStorage):
                    storage.forget()
                raise

        return self._modify(guarded)

    def _put(self, table_name: str, doc: Mapping[str, Any], doc_id: int | None) -> int:
        """Insert or replace one document in one atomic write (``documents.put``); its id."""
        documents.check_id(doc_id)  # before the lock: nothing to write
        return self._modify(lambda raw: documents.put(raw, table_name, doc, doc_id))

    # --- profile --------------------------------------------------------------------------------

    def profile(self) -> Profile:
        """The user's strengths and the target role's requirements (empty at first)."""
        doc = self._read(lambda: self._raw().get("profile", {}).get("1"))
        return Profile() if doc is None else records.profile_from(doc)

    def save_profile(self, profile: Profile) -> None:
        """Replace the saved profile."""
        self._put("profile", records.profile_doc(profile), 1)

    # --- attempts -------------------------------------------------------------------------------

    def attempts(self) -> list[Attempt]:
        """Every saved rehearsal attempt, oldest first."""
        return [
            records.with_problem(records.attempt_from(doc, doc_id), DUPLICATE_ID, shared)
            for doc_id, _, doc, shared in self._rows("attempts")
        ]

    def add_attempt(self, attempt: Attempt) -> Attempt:
        """Save a new attempt and return it with its id."""
        new_id = self._put("attempts", records.doc_of(attempt), None)
        return replace(attempt, id=new_id)

    # --- mock exchanges (coach.store.exchanges) ------------------------------------------------

    def exchanges(self) -> list[Exchange]:
        """Every saved mock exchange, oldest first."""
        read: list[Exchange] = self._read(lambda: exchanges.read_all(self._raw(), DUPLICATE_ID))
        return read

    def save_exchange(self, exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
        """Save a new exchange and its turns' attempts (``exchanges.pair``) in one atomic
        write: all of it or, after a kill or an error, none. Returns it as saved."""
        return self.change_raw(lambda raw: exchanges.add(raw, exchange, attempts))

    # --- interviews and their applications (coach.store.rounds) ------------------------------

    def interviews(self) -> list[Interview]:
        """Every saved interview, oldest first."""
        read: list[Interview] = self._read(lambda: rounds.interviews(self._raw(), DUPLICATE_ID))
        return read

    def save_interview(self, interview: Interview) -> Interview:
        """Insert a new interview (id None) or replace the saved one with its id; joined to
        its application (a saved one keeps its own; a new one the one it names, else that of
        its company and role: made if none) in the same atomic write. Returns it with its id
        and ``application_id``."""
        documents.check_id(interview.id)  # before the lock: nothing to write
        return self.change_raw(lambda raw: rounds.save(raw, interview))

    def delete_interview(self, interview_id: int) -> bool:
        """Delete an interview, and its application if it was the last round; False (nothing
        written) if it was already gone."""
        with self._writing():
            storage = self._db.storage
            if isinstance(storage, AtomicJSONStorage):
                storage.refresh()
            if not rounds.holds(storage.read(), interview_id):
                return False
            deleted: bool = self.change_raw(lambda raw: rounds.delete(raw, interview_id))
            return deleted

    def applications(self) -> list[Application]:
        """Every saved application, oldest first (``coach.domain.applications.group`` pairs
        them with their rounds)."""
        read: list[Application] = self._read(lambda: rounds.applications(self._raw(), DUPLICATE_ID))
        return read

    def save_application(self, application: Application) -> Application:
        """Replace a saved application's names or status; returned as saved."""
        return self.change_raw(lambda raw: rounds.save_application(raw, application))

    def move_round(self, interview_id: int, application_id: int | None) -> Interview:
        """Make an interview a round of another application (None: a new one of its own); the
        application it leaves goes if it has no round left. Returns the interview as saved."""
        return self.change_raw(lambda raw: rounds.move(raw, interview_id, application_id))

    # --- cards from real interviews --------------------------------------------------------------

    def heard_cards(self) -> list[FeedbackCard]:
        """Feedback cards made from what interviewers really said, oldest first; each with an
        id of its own (``records.heard_cards_from``)."""
        return records.heard_cards_from((n, doc) for n, _, doc, _ in self._rows("cards"))

    def save_heard_card(self, card: FeedbackCard) -> None:
        """Save (or replace, by card id) a card made from real feedback."""
        with self._writing():
            same = [n for n, _, doc, _ in self._rows("cards") if doc.get("id") == card.id]
            self._put("cards", records.card_doc(card), same[0] if same else None)

    # --- drafts ---------------------------------------------------------------------------------

    def drafts(self) -> dict[str, str]:
        """Every unsaved draft, by key (a card id, or the closing question's key)."""
        return self._drafts.all()

    def save_draft(self, key: str, text: str) -> None:
        """Keep a draft as typed (an empty text removes it). Costs the same at any history size.

        Raises:
            StoreError: The drafts file could not be written.
        """
        self._drafts.save(key, text)

    def keep_drafts_copy(self, reason: str) -> Path | None:
        """Copy the drafts file aside, whole, before a draft in it is shortened (a draft too
        long for the editor); the copy's path, or None if there is no file to copy.

        Raises:
            StoreError: The copy could not be written.
        """
        return self._drafts.keep_copy(reason)

    # --- settings -------------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A saved setting (e.g. the theme), or ``default``."""
        return self.settings().get(key, default)

    def settings(self) -> dict[str, str]:
        """Every saved setting, by key."""
        found = (records.setting_from(doc) for _, _, doc, _ in self._rows("settings"))
        return dict(pair for pair in found if pair is not None)

    def set_setting(self, key: str, value: str) -> None:
        """Save a setting, replacing its old value."""
        with self._writing():
            existing = [n for n, _, doc, _ in self._rows("settings") if doc.get("key") == key]
            self._put("settings", {"key": key, "value": value}, existing[0] if existing else None)
