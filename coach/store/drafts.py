"""Drafts: text being typed, kept in a small file beside the database.

Saved as the user types, so it must cost the same whatever the size of the history: it never
touches the main file. Writes are atomic and locked like the main file's.
"""

from __future__ import annotations

import json
from pathlib import Path

from coach.domain.limits import readable_text
from coach.store import files
from coach.store.errors import StoreError


def drafts_path(path: Path) -> Path:
    """Where the drafts of the database at ``path`` live: a small file beside it.

    Drafts are saved as the user types; keeping them out of the main file means an autosave
    never pays for rewriting the whole history.
    """
    return path.with_name(path.stem + ".drafts.json")


class Drafts:
    """Unsaved text by key, in its own small file (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = files.FileLock(path) if path else None
        self._memory: dict[str, str] = {}

    def _parse(self) -> dict[str, str] | None:
        """The drafts in the file; None if it is damaged."""
        assert self.path is not None
        try:
            raw = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {}
        except (ValueError, RecursionError):
            # Not JSON, a number too long to convert, or nesting too deep to parse (as the
            # database's own reader does): a damaged file, set aside by the caller.
            return None
        if not isinstance(raw, dict):
            return None
        # A lone surrogate ("\ud800") could be neither shown nor saved again: it is replaced.
        return {readable_text(k): readable_text(v) for k, v in raw.items() if isinstance(v, str)}

    def _read_file(self, *, locked: bool = False) -> dict[str, str]:
        drafts = self._parse()
        if drafts is not None:
            return drafts
        if not locked and self._lock is not None:
            with self._lock.held():
                return self._read_file(locked=True)
        # A damaged drafts file is set aside, not lost, and replaced by an empty one, so the
        # next read does not set it aside again; drafts start again from here.
        assert self.path is not None
        files.keep_copy(self.path, "corrupt")
        files.atomic_write(self.path, b"{}")
        return {}

    def remove_stale_temps(self) -> None:
        """Delete temp files that a killed writer left, holding the drafts lock."""
        if self.path is not None and self._lock is not None:
            with self._lock.held():
                files.remove_stale_temps(self.path)

    def keep_copy(self, reason: str) -> Path | None:
        """Copy the drafts file, as it is, to a new timestamped file beside it (see
        ``files.keep_copy``); None for drafts in memory, or when there is no file yet.

        Raises:
            StoreError: The copy could not be written.
        """
        if self.path is None or self._lock is None or not self.path.exists():
            return None
        try:
            with self._lock.held():
                return files.keep_copy(self.path, reason)
        except OSError as error:
            raise StoreError(
                f"Could not copy the drafts file aside: {error.strerror or error}."
            ) from error

    def all(self) -> dict[str, str]:
        if self.path is None:
            return dict(self._memory)
        try:
            return self._read_file()
        except OSError:
            return {}

    def save(self, key: str, text: str) -> None:
        """Keep a draft as typed (an empty text removes it).

        Raises:
            StoreError: The drafts file could not be written (the draft is still on screen).
        """
        try:
            self._save(key, text)
        except OSError as error:
            raise StoreError(
                f"Could not keep your draft: {error.strerror or error}. It is still on screen; "
                "free some disk space or fix the folder's permissions."
            ) from error

    def _save(self, key: str, text: str) -> None:
        if self.path is None or self._lock is None:
            if text:
                self._memory[key] = text
            else:
                self._memory.pop(key, None)
            return
        with self._lock.held():
            current = self._read_file(locked=True)
            if text:
                current[key] = text
            elif current.pop(key, None) is None:
                return
            files.atomic_write(self.path, json.dumps(current, ensure_ascii=False).encode())
