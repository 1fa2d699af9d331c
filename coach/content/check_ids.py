"""Stable check ids: what a saved attempt's checks are known by, whatever their wording.

A check's ``name`` is wording ("Acknowledges the feedback") and may change from one version of coach
to the next; its ``id`` ("response.acknowledges") does not. Attempts saved before ids existed hold
only names, so ``data/check_ids.json`` maps every name coach has ever shown to its id: the schema 1
-> 2 migration (``coach.store.schema``), the import of an old export (``coach.exports.backup``) and
the reader of a hand-edited record (``coach.store.records``) all use it. A name it does not know
becomes ``legacy.<its slug>``, so no check is ever left without an id.

The table is read on first use, never at import: opening a current database never reads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

FILE = "check_ids.json"
MAX_ID_CHARS = 100
"""Longer than any id coach makes (a legacy slug is cut to ``MAX_SLUG_CHARS``)."""
MAX_SLUG_CHARS = 60
LEGACY = "legacy."
"""The prefix of an id made from a name the table does not know."""

_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")
"""Lowercase words of letters and digits joined by dots, dashes or underscores."""
ID_RULE = "lowercase letters and digits joined by dots, dashes or underscores"
"""The rule above in words, for messages."""


def is_id(text: str) -> bool:
    """Whether ``text`` has the form of a check id (e.g. "question.fit-feedback")."""
    return len(text) <= MAX_ID_CHARS and _ID.fullmatch(text) is not None


def slug(name: str) -> str:
    """``name`` as lowercase ASCII words joined by dashes; "unnamed" if none is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return words[:MAX_SLUG_CHARS].strip("-") or "unnamed"


def table(folder: Path | None = None) -> Mapping[str, str]:
    """Every check name coach has used -> its id, from ``data/check_ids.json`` (read once).

    Args:
        folder: The content folder; defaults to coach's own (``coach.content.loader.data_dir``).

    Raises:
        coach.content.loader.ContentError: The file is missing, or an entry is not a name and an id.
    """
    from coach.content.loader import data_dir

    return _table(folder or data_dir())


@lru_cache(maxsize=4)
def _table(folder: Path) -> Mapping[str, str]:
    # content's own reader: the same sentences for a missing or broken file as every loader.
    from coach.content.loader import ContentError, load_json

    raw = load_json(FILE, folder)
    names: Any = raw.get("names")
    if not isinstance(names, dict) or not names:
        raise ContentError(f"{FILE}: 'names' must be a non-empty object of name -> id")
    for name, check_id in names.items():
        if not name.strip() or not isinstance(check_id, str) or not is_id(check_id):
            raise ContentError(f"{FILE}, name {name!r}: the id must be {ID_RULE}, not {check_id!r}")
    return dict(names)


def id_for(name: str, known: Mapping[str, str] | None = None) -> str:
    """The stable id of the check called ``name``: its id in the table, else a legacy one.

    Args:
        name: A check's name, as saved.
        known: The table; defaults to the packaged one. If that cannot be read (a damaged
            installation), the legacy id is given: a reader of saved records never fails.
    """
    if known is None:
        from coach.content.loader import ContentError

        try:
            known = table()
        except ContentError:
            known = {}
    return known.get(name) or f"{LEGACY}{slug(name)}"


def with_ids(checks: list[Any], known: Mapping[str, str]) -> list[Any]:
    """Saved checks (as stored: plain objects) with an ``id`` added to each that has a name
    but no id. Anything else (a check with an id, or that is not an object, or whose name is
    not text) is kept as it is, for the reader to judge. Builds new objects; changes none."""
    kept = []
    for check in checks:
        if isinstance(check, dict) and "id" not in check and isinstance(check.get("name"), str):
            check = {**check, "id": id_for(check["name"], known)}
        kept.append(check)
    return kept
