"""The phrase lists that read a job posting, as checked values (``data/phrases/postings.json``).

Pure: built from a mapping (``PostingPhrases.from_mapping``); ``coach.content.postings`` reads the
packaged file. The domain never opens a file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coach.domain import text as t

_LIST_KEYS = (
    "boilerplate",
    "meta_labels",
    "nice_markers",
    "required_markers",
    "lead_ins",
    "ability_verbs",
    "credential_words",
    "credential_edges",
    "possession_words",
    "quality_words",
    "logistics_words",
    "shared_modifiers",
    "head_nouns",
    "generic",
    "common_words",
    "title_nouns",
    "job_type_words",
    "ing_nouns",
    "requirement_cues",
    "company_voice",
    "skip_heading_starts",
    "mass_nouns",
    "determiners",
)
_HEADING_KINDS = ("must", "nice", "skip")


_WORD = re.compile(r"[^\W_][\w'\u2019\-]*")


def words(text: str) -> list[str]:
    """The words of ``text`` in any script (a posting may be in Japanese), lower-cased, with
    apostrophes straightened."""
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def _norm(phrase: str) -> str:
    """Lower case, curly apostrophes straightened, runs of spaces folded."""
    return " ".join(phrase.lower().replace("\u2019", "'").split())


def _pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    # Never an empty alternation: it would match everywhere.
    return t.phrase_pattern(phrases or {"\x00"})


@dataclass(frozen=True)
class PostingPhrases:
    """Every list of ``postings.json``, normalised, with the patterns built from them."""

    headings: Mapping[str, str]
    """A heading (lower case, no colon) -> "must", "nice" or "skip"."""
    lists: Mapping[str, frozenset[str]]
    """Each list by its key (see ``_LIST_KEYS``)."""
    ability_openings: Mapping[str, str]
    """How a requirement about the person opens -> how a card says it ("ability to" ->
    "able to"); longest first."""
    ability_opening: re.Pattern[str]
    """Any of ``ability_openings`` at the start of a text, the longest first (group 1)."""
    boilerplate: re.Pattern[str]
    nice: re.Pattern[str]
    required: re.Pattern[str]
    lead_in: re.Pattern[str]
    cues: re.Pattern[str]
    quality: re.Pattern[str]
    """A quality ("communication", "attention to detail"); "skills" alone is not one."""
    possession: re.Pattern[str]
    """Something to own ("reliable transportation", "hand tools")."""
    heading_start: re.Pattern[str]
    """A heading of two words or more at the start of a longer one ("bonus points if ...")."""
    """Words that say a sentence asks something of you ("experience", "must", "you")."""
    company: re.Pattern[str]
    """The company speaking of itself ("we", "our")."""
    generic_stems: frozenset[str]
    common_stems: frozenset[str]

    def words(self, key: str) -> frozenset[str]:
        """The list ``key``."""
        return self.lists[key]

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> PostingPhrases:
        """Check and build.

        Raises:
            ValueError: A list is missing, empty or holds something other than text; the
                message names it.
        """
        headings: dict[str, str] = {}
        sections = raw.get("headings")
        if not isinstance(sections, Mapping):
            raise ValueError("'headings' must be an object of must, nice and skip lists")
        for kind in _HEADING_KINDS:
            for phrase in _strings(sections.get(kind), f"headings.{kind}"):
                headings.setdefault(phrase, kind)
        lists = {key: frozenset(_strings(raw.get(key), key)) for key in _LIST_KEYS}
        openings = raw.get("ability_openings")
        if not isinstance(openings, Mapping) or not openings:
            raise ValueError("'ability_openings' must be a non-empty object")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in openings.items()):
            raise ValueError("'ability_openings' must map text to text")
        ordered = dict(
            sorted(((_norm(k), v) for k, v in openings.items()), key=lambda kv: -len(kv[0]))
        )
        lead_ins = sorted(lists["lead_ins"], key=len, reverse=True)
        return cls(
            headings=headings,
            lists=lists,
            ability_openings=ordered,
            ability_opening=re.compile(
                "^(" + "|".join(re.escape(k) for k in ordered) + r")(?:\s+|$)"
            ),
            boilerplate=_pattern(lists["boilerplate"]),
            nice=_pattern(lists["nice_markers"]),
            required=_pattern(lists["required_markers"]),
            lead_in=re.compile(
                r"^(?:" + "|".join(re.escape(p).replace("'", "['\u2019]") for p in lead_ins) + r")"
                r"(?![\w'\u2019])[\s:,]*",
                re.IGNORECASE,
            ),
            cues=_pattern(lists["requirement_cues"]),
            quality=_pattern(lists["quality_words"] - {"skills"}),
            possession=_pattern(lists["possession_words"]),
            heading_start=re.compile(
                "^(?:"
                + "|".join(
                    re.escape(h) for h in sorted(headings, key=len, reverse=True) if " " in h
                )
                + ") "
            ),
            company=_pattern(lists["company_voice"]),
            generic_stems=frozenset(t.stem(w) for w in lists["generic"]),
            common_stems=frozenset(t.stem(w) for w in lists["common_words"]),
        )


def _strings(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{key!r} must be a non-empty list of phrases")
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError(f"{key!r} must hold only non-empty text")
    return [_norm(item) for item in value]
