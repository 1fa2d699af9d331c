"""The forgiving field reader every stored record is read with (``coach.store.records``,
``coach.store.exchanges``, ``coach.store.rounds``): a field that fails its check is read as
its default and its name noted in the record's ``problems``; it never raises."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.domain import limits
from coach.domain.limits import readable_text

NAMES = frozenset(
    {
        "id",
        "card_id",
        "company",
        "role",
        "stage",
        "outcome",
        "category",
        "terms",
        "status",
        "people.name",
        "people.title",
        "messages.kind",
        "messages.sent_on",
    }
)
"""Fields that name something: up to ``limits.MAX_NAME_CHARS``; any other text field holds
what a person wrote, up to ``limits.MAX_TEXT_CHARS``. Longer is read as missing (and refused
at the boundary: the Rate form, ``coach import``). A field of a nested record is named with
its list's prefix ("people.name"): a check's name is what a person wrote."""


def most_chars(key: str) -> int:
    """How long the text field ``key`` may be (``NAMES``)."""
    return limits.MAX_NAME_CHARS if key in NAMES else limits.MAX_TEXT_CHARS


def readable(text: object, key: str) -> bool:
    """Whether ``text`` is a value of the text field ``key`` the reader takes as it is."""
    return type(text) is str and len(text) <= most_chars(key) and limits.valid_unicode(text)


class Fields:
    """One stored document's fields, each read by its rule; a bad one is read as its default
    and its name noted in ``problems``. An absent field is simply its default."""

    def __init__(self, doc: object, prefix: str = "") -> None:
        self.doc: Mapping[str, Any] = doc if isinstance(doc, Mapping) else {}
        self.prefix = prefix
        # A document that is not an object at all is one problem, named by where it was.
        self.problems: list[str] = [] if isinstance(doc, Mapping) else [prefix[:-1] or "record"]

    def bad(self, name: str) -> None:
        self.problems.append(f"{self.prefix}{name}")

    def text(self, key: str, default: str = "") -> str:
        if key not in self.doc:
            return default
        value = self.doc[key]
        nested = self.prefix + key
        most = most_chars(nested if nested in NAMES else key)
        # ``type``, not isinstance: a number too long for Python is kept as a str subclass
        # (``coach.store.json_storage.LongNumber``), and is no text.
        if type(value) is not str or len(value) > most:
            self.bad(key)
            return default
        shown = readable_text(value)
        if shown is not value:
            self.bad(key)
        return shown

    def choice(self, key: str, allowed: tuple[str, ...], default: str = "") -> str:
        value = self.text(key, default)
        if value == default or value in allowed:
            return value
        self.bad(key)
        return default

    def whole(self, key: str, low: int, high: int) -> int:
        if key not in self.doc:
            return 0
        value = limits.whole(self.doc[key], low, high)
        if value is None:
            self.bad(key)
            return 0
        return value

    def date(self, key: str, *, time_allowed: bool = False) -> str:
        value = self.text(key)
        read = limits.day_or_moment if time_allowed else limits.day
        if value and read(value) is None:
            self.bad(key)
            return ""
        return value

    def items(self, key: str) -> list[Any]:
        """A list field; anything else is read as an empty list."""
        value = self.doc.get(key)
        if value is None and key not in self.doc:
            return []
        if not isinstance(value, list | tuple):
            self.bad(key)
            return []
        return list(value)


def problems_of(found: list[str]) -> tuple[str, ...]:
    """Each problem once, in the order found."""
    return tuple(dict.fromkeys(found))
