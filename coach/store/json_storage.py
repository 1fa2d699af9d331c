"""The TinyDB storage under the Store: one JSON file, replaced atomically, parsed only when it
changed.

TinyDB's JSONStorage truncates and rewrites the file in place, so a kill mid-write leaves half
a file. ``AtomicJSONStorage`` writes a temp file and renames it over the old one (see
``coach.store.files.atomic_write``); tested in ``tests/unit/test_storage*.py``.

``parse`` and ``dump`` are how coach reads and writes the file's JSON, here and when
``coach.store.opening`` checks or migrates a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from coach.domain.limits import valid_unicode
from coach.store import files, schema

Signature = tuple[int, int, int, int]
"""The file's inode, mtime and ctime (ns), and size, from one ``stat``."""


class LongNumber(str):
    """A number in the file too long for Python to read (over 4,300 digits), kept as its
    digits. Not a number, nor text the reader takes (``coach.store.records`` reads only ``str``
    itself), so the field holding it is shown as missing, as any bad value is; the record
    stays readable. The next save writes the digits as a JSON string (the encoder has no way to
    write them back as a number)."""


def _long_number(digits: str) -> int | str:
    try:
        return int(digits)
    except ValueError:
        return LongNumber(digits)


def parse(data: bytes) -> object:
    """JSON, with absurd nesting reported as a bad file rather than a crash, and a number too
    long for Python kept as a ``LongNumber`` rather than making the whole file unreadable."""
    try:
        return json.loads(data)
    except RecursionError:
        raise schema.ShapeError("the file is nested too deeply to be a coach database") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise  # not JSON, or not text at all: a bad file, as the caller says
    except ValueError:
        # The one other ValueError json raises: a number of over 4,300 digits. Parsed again,
        # reading such a number as its digits: the hook would cost every parse ~15%.
        return json.loads(data, parse_int=_long_number)


def describe(error: Exception) -> str:
    """Why ``parse`` (or the shape check after it) refused a file, in a few words."""
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON at line {error.lineno}, column {error.colno}"
    if isinstance(error, UnicodeDecodeError):
        return "not text"
    return str(error)


def dump(value: object) -> str:
    """JSON text as coach writes it: UTF-8 characters as they are, but a value holding a lone
    surrogate (a ``"\\ud800"`` escape in a file edited by hand) written with escapes, as it
    was read: it cannot be written as UTF-8 at all."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if valid_unicode(text):
        return text
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces the file atomically, parses it only when it changed, and
    re-serialises only the documents that changed.

    * ``read`` (for queries) re-parses only when the file's ``signature`` changed, so an
      unchanged file costs one ``stat``; after ``doubt`` it compares the bytes once.
    * ``refresh`` (before every write, under the lock) compares the file's bytes with what was
      last read or written, so another window's save is never missed, whatever the
      file system's timestamp resolution; only a changed file is parsed again.
    * ``write`` keeps each document's JSON text: a save serialises the documents that are new
      objects and joins the rest, so saving one attempt does not re-encode the whole history.
      Documents are therefore replaced, never changed in place (``Store._modify`` does so).

    If anything fails, everything kept is dropped and the next read comes from disk.
    """

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._cache: schema.Raw | None = None
        self._signature: Signature | None = None
        self._bytes: bytes | None = None
        """The file's content as last read or written, to recognise it without parsing."""
        self._texts: dict[tuple[str, str], tuple[object, str]] = {}
        """(table, id) -> (the document object, its JSON text). Holding the object keeps its
        identity from being reused by another document."""

    @staticmethod
    def _sign(stat: os.stat_result) -> Signature:
        return (stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)

    def _load(self, data: bytes, signature: Signature) -> schema.Raw:
        if self._cache is None or data != self._bytes:  # a memcmp: far cheaper than parsing
            self._cache = schema.check_shape(parse(data))
            self._bytes = data
        self._signature = signature
        return self._cache

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            signature = self._sign(self.path.stat())
        except FileNotFoundError:
            self.forget()
            return None
        if self._cache is None or signature != self._signature:
            return self.refresh()
        return self._cache

    def signature(self) -> Signature | str | None:
        """The file as ``read`` recognises it (inode, mtime, ctime, size); None if it is
        missing; why not, in a few words, if it cannot be looked at. Never raises.

        Every save replaces the file (a new inode, or a reused one with new times), so a save
        from any process changes it, with one exception: a file system that reuses the inode
        and whose clock ticks coarser than two saves of the same size. What relies on it
        (``Store.revision``) is a cheap hint, not a proof; ``doubt`` is the proof.
        """
        try:
            return self._sign(self.path.stat())
        except FileNotFoundError:
            return None
        except OSError as error:  # a folder made unreadable, a file system gone
            return f"unreadable: {error.strerror or error}"

    def doubt(self) -> None:
        """Have the next ``read`` compare the file's bytes, whatever its ``signature`` says
        (F5: a save the signature could not tell apart is still read)."""
        self._signature = None

    def prime(self, raw: schema.Raw, data: bytes, stat: os.stat_result) -> None:
        """Adopt a parse of ``data`` (the file's bytes, as ``stat`` describes them) already made."""
        self._cache, self._bytes, self._signature = raw, data, self._sign(stat)

    def refresh(self) -> schema.Raw | None:
        """Check the file itself (not its timestamps) and re-parse it if its bytes changed."""
        try:
            # Content and signature from the same open file, so they always agree.
            with self.path.open("rb") as handle:
                signature = self._sign(os.fstat(handle.fileno()))
                data = handle.read()
        except FileNotFoundError:
            self.forget()
            return None
        try:
            return self._load(data, signature)
        except BaseException:
            self.forget()
            raise

    def _encode(self, data: schema.Raw) -> bytes:
        texts = self._texts
        kept: dict[tuple[str, str], tuple[object, str]] = {}
        tables = []
        for name, docs in data.items():
            parts = []
            for key, doc in docs.items():
                known = texts.get((name, key))
                if known is None or known[0] is not doc:
                    known = (doc, f'"{key}":{dump(doc)}')  # keys are digit strings
                kept[(name, key)] = known
                parts.append(known[1])
            tables.append(f"{dump(name)}:{{{','.join(parts)}}}")
        self._texts = kept
        return f"{{{','.join(tables)}}}".encode()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            encoded = self._encode(data)
            files.atomic_write(self.path, encoded)
            self._signature = self._sign(self.path.stat())
        except BaseException:
            self.forget()
            raise
        self._cache = data
        self._bytes = encoded

    def close(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Drop everything kept: the next read comes from disk."""
        self._cache = self._signature = self._bytes = None
        self._texts = {}
