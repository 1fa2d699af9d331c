"""Loads coach's content (``data/*.json``) into domain values, checking every field.

The folder is found inside the installed package (the wheel puts ``data/`` at ``coach/data``)
or, in a source checkout or editable install, at the top of the repository. Tests and scripts
may pass their own folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from coach.domain.content import PURPOSES, Purpose, QuestionVariant

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.domain.closing_phrases import ClosingPhrases


class ContentError(ValueError):
    """A content file is missing or malformed; the message names the file and the field."""


def data_dir() -> Path:
    """The folder holding coach's JSON content."""
    package = Path(__file__).resolve().parent.parent  # coach/
    packaged = package / "data"
    if packaged.is_dir():
        return packaged
    # Source checkout or editable install: hatch maps data/ into the wheel only.
    return package.parent / "data"


def load_json(name: str, folder: Path | None) -> dict[str, Any]:
    """The JSON object in ``name`` (a path inside the content folder, e.g. "phrases/x.json").

    Raises:
        ContentError: It is missing, unreadable, or not an object; the message names it.
    """
    path = (folder or data_dir()) / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path} is missing: reinstall coach") from None
    except (OSError, ValueError) as error:
        raise ContentError(f"{path} could not be read: {error}") from None
    if not isinstance(raw, dict):
        raise ContentError(f"{path}: the top level must be an object")
    return raw


def field_text(item: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    """``item[key]``, a string (non-empty when required); ContentError naming it otherwise."""
    value = item.get(key, "" if not required else None)
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(f"{where}: {key!r} must be a non-empty string")
    return value


def _entries(
    raw: dict[str, Any], file: str, key: str, noun: str
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each entry of the list ``raw[key]`` as (where, its unique id, the entry).

    Raises:
        ContentError: The list is missing or empty, an entry is not an object, or an id
            repeats; the message names the file and the entry.
    """
    items = raw.get(key)
    if not isinstance(items, list) or not items:
        raise ContentError(f"{file}: {key!r} must be a non-empty list")
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"{file}, {noun} {n + 1}"
        if not isinstance(item, dict):
            raise ContentError(f"{where}: must be an object")
        entry_id = field_text(item, "id", where)
        if entry_id in seen:
            raise ContentError(f"{where}: id {entry_id!r} is used twice")
        seen.add(entry_id)
        yield where, entry_id, item


def load_questions(folder: Path | None = None) -> tuple[QuestionVariant, ...]:
    """The closing-question variants from ``questions.json``; the canonical one first.

    Raises:
        ContentError: The file is missing or a field is wrong.
    """
    raw = load_json("questions.json", folder)
    variants = []
    for where, variant_id, item in _entries(raw, "questions.json", "questions", "question"):
        purposes = item.get("purposes")
        if not isinstance(purposes, list) or not purposes or not set(purposes) <= set(PURPOSES):
            raise ContentError(f"{where}: 'purposes' must list some of {', '.join(PURPOSES)}")
        variants.append(
            QuestionVariant(
                id=variant_id,
                text=field_text(item, "text", where),
                purposes=tuple(cast(Purpose, p) for p in purposes),
                note=field_text(item, "note", where, required=False),
            )
        )
    variants.sort(key=lambda v: v.id != "canonical")
    return tuple(variants)


def load_closing_phrases(folder: Path | None = None) -> ClosingPhrases:
    """The closing-question coach's phrases from ``phrases/closing.json``, compiled (cached:
    read once per process, on first use, never at start-up).

    Raises:
        ContentError: The file is missing or a list is malformed, naming it.
    """
    return _load_closing_phrases(folder or data_dir())


@lru_cache(maxsize=4)
def _load_closing_phrases(folder: Path) -> ClosingPhrases:
    from coach.domain.closing_phrases import PhraseError, closing_phrases

    raw = load_json("phrases/closing.json", folder)
    try:
        return closing_phrases(raw)
    except PhraseError as error:
        raise ContentError(f"{folder / 'phrases' / 'closing.json'}: {error}") from None


def load_deck(
    folder: Path | None = None,
) -> tuple[dict[str, tuple[str, str]], tuple[FeedbackCard, ...]]:
    """The hypothetical-feedback deck from ``feedback.json``.

    Returns:
        The categories (id -> (title, advice)) in display order, and the cards.

    Raises:
        ContentError: The file is missing, a field is wrong, a category is unknown or an id
            repeats.
    """
    from coach.domain.cards import CATEGORIES, FeedbackCard

    raw = load_json("feedback.json", folder)
    categories = raw.get("categories")
    if not isinstance(categories, dict):
        raise ContentError("feedback.json: 'categories' must be an object")
    # Exactly the known kinds: a misspelt one would otherwise be silently ignored, and its
    # cards refused one by one as "unknown category".
    unknown = sorted(set(categories) - set(CATEGORIES))
    if unknown:
        raise ContentError(
            f"feedback.json: unknown categories {', '.join(map(repr, unknown))}; "
            f"the kinds are {', '.join(CATEGORIES)}"
        )
    titles: dict[str, tuple[str, str]] = {}
    for category in CATEGORIES:
        entry = categories.get(category)
        where = f"feedback.json, category {category!r}"
        if not isinstance(entry, dict):
            raise ContentError(f"{where} is missing")
        titles[category] = (field_text(entry, "title", where), field_text(entry, "advice", where))
    cards = []
    for where, card_id, item in _entries(raw, "feedback.json", "cards", "card"):
        category = field_text(item, "category", where)
        if category not in titles:
            raise ContentError(f"{where}: unknown category {category!r}")
        terms = item.get("terms")
        if (
            not isinstance(terms, list)
            or not terms
            or not all(isinstance(term, str) and term.strip() for term in terms)
        ):
            raise ContentError(f"{where}: 'terms' must be a non-empty list of words")
        cards.append(
            FeedbackCard(
                id=card_id,
                category=category,
                feedback=field_text(item, "feedback", where),
                concern=field_text(item, "concern", where),
                terms=tuple(term.lower() for term in terms),
                hint=field_text(item, "hint", where),
                probe=_probe(item, where),
            )
        )
    empty = [category for category in CATEGORIES if all(c.category != category for c in cards)]
    if empty:
        raise ContentError(f"feedback.json: no cards for {', '.join(map(repr, empty))}")
    # Listed and drilled kind by kind in CATEGORIES' order, whatever the file's order.
    order = {category: n for n, category in enumerate(CATEGORIES)}
    return titles, tuple(sorted(cards, key=lambda card: order[card.category]))


def _probe(item: dict[str, Any], where: str) -> str:
    """A card's optional probe: one spoken sentence of plain text (no line breaks or other
    control characters, within ``PROBE_MAX_CHARS``); "" when the card has none.

    Raises:
        ContentError: It is not such a sentence, naming the card.
    """
    from coach.domain.cards import PROBE_MAX_CHARS

    if "probe" not in item:
        return ""
    probe = item["probe"]
    if (
        not isinstance(probe, str)
        or not probe.strip()
        or probe != probe.strip()
        or len(probe) > PROBE_MAX_CHARS
        or not probe.isprintable()  # no line breaks, controls or lone surrogates
    ):
        raise ContentError(
            f"{where}: 'probe' must be one line of plain text, at most {PROBE_MAX_CHARS} "
            "characters, or absent"
        )
    return probe


def field_number(item: dict[str, Any], key: str, where: str, low: float, high: float) -> float:
    """``item[key]``, a number from ``low`` to ``high``; ContentError naming it otherwise."""
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ContentError(f"{where}: {key!r} must be a number from {low} to {high}")
    return float(value)
