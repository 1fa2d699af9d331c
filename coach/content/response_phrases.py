"""Reads the response checks' phrase lists: ``data/phrases/response.json`` and ``concerns.json``.

Read on first use and kept (``coach.domain`` stays free of file I/O and start-up pays nothing);
tests and scripts may pass their own folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coach.content.loader import ContentError, data_dir, load_json
from coach.domain.concerns import ConcernBook
from coach.domain.response_phrases import ResponsePhrases


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
        return ResponsePhrases.from_raw(load_json("phrases/response.json", folder))
    except ValueError as error:
        raise ContentError(str(error)) from None


@lru_cache(maxsize=4)
def _book(folder: Path) -> ConcernBook:
    try:
        return ConcernBook.from_raw(load_json("phrases/concerns.json", folder))
    except ValueError as error:
        raise ContentError(str(error)) from None
