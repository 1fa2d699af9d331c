"""Loads coach's content (``data/*.json``) into domain values, checking every field.

The folder is found inside the installed package (the wheel puts ``data/`` at ``coach/data``)
or, in a source checkout or editable install, at the top of the repository. Tests and scripts
may pass their own folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from coach.domain.cards import CATEGORIES, FeedbackCard
from coach.domain.content import PURPOSES, Purpose, QuestionVariant


class ContentError(ValueError):
    """A content file is missing or malformed; the message names the file and the field."""


def data_dir() -> Path:
    """The folder holding coach's JSON content."""
    packaged = Path(__file__).with_name("data")
    if packaged.is_dir():
        return packaged
    # Source checkout or editable install: hatch maps data/ into the wheel only.
    return Path(__file__).resolve().parent.parent / "data"


def _load(name: str, folder: Path | None) -> dict[str, Any]:
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


def _text(item: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = item.get(key, "" if not required else None)
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(f"{where}: {key!r} must be a non-empty string")
    return value


def load_questions(folder: Path | None = None) -> tuple[QuestionVariant, ...]:
    """The closing-question variants from ``questions.json``; the canonical one first.

    Raises:
        ContentError: The file is missing or a field is wrong.
    """
    raw = _load("questions.json", folder)
    items = raw.get("questions")
    if not isinstance(items, list) or not items:
        raise ContentError("questions.json: 'questions' must be a non-empty list")
    variants = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"questions.json, question {n + 1}"
        if not isinstance(item, dict):
            raise ContentError(f"{where}: must be an object")
        variant_id = _text(item, "id", where)
        if variant_id in seen:
            raise ContentError(f"{where}: id {variant_id!r} is used twice")
        seen.add(variant_id)
        purposes = item.get("purposes")
        if not isinstance(purposes, list) or not purposes or not set(purposes) <= set(PURPOSES):
            raise ContentError(f"{where}: 'purposes' must list some of {', '.join(PURPOSES)}")
        variants.append(
            QuestionVariant(
                id=variant_id,
                text=_text(item, "text", where),
                purposes=tuple(cast(Purpose, p) for p in purposes),
                note=_text(item, "note", where, required=False),
            )
        )
    variants.sort(key=lambda v: v.id != "canonical")
    return tuple(variants)


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
    raw = _load("feedback.json", folder)
    categories = raw.get("categories")
    if not isinstance(categories, dict):
        raise ContentError("feedback.json: 'categories' must be an object")
    titles: dict[str, tuple[str, str]] = {}
    for category in CATEGORIES:
        entry = categories.get(category)
        where = f"feedback.json, category {category!r}"
        if not isinstance(entry, dict):
            raise ContentError(f"{where} is missing")
        titles[category] = (_text(entry, "title", where), _text(entry, "advice", where))
    items = raw.get("cards")
    if not isinstance(items, list) or not items:
        raise ContentError("feedback.json: 'cards' must be a non-empty list")
    cards = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"feedback.json, card {n + 1}"
        if not isinstance(item, dict):
            raise ContentError(f"{where}: must be an object")
        card_id = _text(item, "id", where)
        if card_id in seen:
            raise ContentError(f"{where}: id {card_id!r} is used twice")
        seen.add(card_id)
        category = _text(item, "category", where)
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
                feedback=_text(item, "feedback", where),
                concern=_text(item, "concern", where),
                terms=tuple(term.lower() for term in terms),
                hint=_text(item, "hint", where),
            )
        )
    return titles, tuple(cards)
