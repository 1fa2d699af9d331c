"""Reads the packaged phrase lists for job postings (``data/phrases/postings.json``), once.

Loaded on first use, never at import: the app's first frame pays nothing for it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from coach.content.loader import ContentError, data_dir, load_json

if TYPE_CHECKING:
    from coach.domain.posting_phrases import PostingPhrases

POSTINGS_FILE = Path("phrases") / "postings.json"


def load_posting_phrases(folder: Path | None = None) -> PostingPhrases:
    """The phrase lists that read a job posting (cached: read once per process).

    Raises:
        ContentError: The file is missing, unreadable or a list is wrong, naming it.
    """
    return _load(folder or data_dir())


@lru_cache(maxsize=4)
def _load(folder: Path) -> PostingPhrases:
    from coach.domain.posting_phrases import PostingPhrases

    path = folder / POSTINGS_FILE
    raw = load_json(
        str(POSTINGS_FILE), folder
    )  # the one reader: missing, unreadable, not an object
    try:
        return PostingPhrases.from_mapping(raw)
    except ValueError as error:
        raise ContentError(f"{path}: {error}") from None
