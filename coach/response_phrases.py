"""Reads the response checks' phrase lists: ``data/phrases/response.json`` and ``concerns.json``.

Read on first use and kept (``coach.domain`` stays free of file I/O and start-up pays nothing);
tests and scripts may pass their own folder.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach.content import ContentError, data_dir
from coach.domain.concerns import ConcernBook
from coach.domain.response_phrases import ResponsePhrases


def _read(name: str, folder: Path) -> dict[str, Any]:
    path = folder / "phrases" / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path} is missing: reinstall coach") from None
    except (OSError, ValueError) as error:
        raise ContentError(f"{path} could not be read: {error}") from None
    if not isinstance(raw, dict):
        raise ContentError(f"{path}: the top level must be an object")
    return raw


def response_phrases(folder: Path | None = None) -> ResponsePhrases:
    """The response checks' phrase lists (cached: read once per process).

    Raises:
        ContentError: The file is missing or a list is wrong, naming it.
    """
    # The packaged lists by default, found once: ``data_dir`` asks the file system.
    return _phrases(folder or _packaged())


def concern_book(folder: Path | None = None) -> ConcernBook:
    """The kinds of concern (cached: read once per process).

    Raises:
        ContentError: The file is missing or a kind is wrong, naming it.
    """
    return _book(folder or _packaged())


@lru_cache(maxsize=1)
def _packaged() -> Path:
    return data_dir()


@lru_cache(maxsize=4)
def _phrases(folder: Path) -> ResponsePhrases:
    try:
        return ResponsePhrases.from_raw(_read("response.json", folder))
    except ValueError as error:
        raise ContentError(str(error)) from None


@lru_cache(maxsize=4)
def _book(folder: Path) -> ConcernBook:
    try:
        return ConcernBook.from_raw(_read("concerns.json", folder))
    except ValueError as error:
        raise ContentError(str(error)) from None
