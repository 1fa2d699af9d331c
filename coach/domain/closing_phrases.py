"""The phrases the closing-question coach reads, indexed once.

The lists themselves live in ``data/phrases/closing.json`` (loaded by ``coach.content.loader``);
this module only turns a mapping of lists into a ``PhraseIndex``, so the domain never reads a file
and a test or a script can pass lists of its own. The phrase syntax is
``coach.domain.phrase_index``'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coach.domain.phrase_index import PhraseError, PhraseIndex

READING_LISTS = (
    "self",
    "evaluation",
    "concerns",
    "invites-concerns",
    "competition",
    "ideal",
    "interest",
    "courtesy",
    "undermining",
    "filler",
    "cliches",
    "open-words",
    "closed-starts",
    "connectives",
    "invitations",
    "requests",
    "closed-requests",
    "closed-tags",
    "topic-words",
)
"""The lists every phrase file must have under ``reading``."""

FAULT_KINDS = (
    "asks-for-job",
    "perks",
    "reassurance",
    "researchable",
    "declines",
    "presumptuous",
    "red-flag",
)
"""The faults coaches name at the close, each with its phrases and its tip."""

__all__ = ["ClosingPhrases", "Fault", "PhraseError", "Purpose", "closing_phrases"]


@dataclass(frozen=True)
class Purpose:
    """A good reason to ask at the close other than the seed's (the next steps, the team)."""

    id: str
    about: str
    """What it asks about, for a tip: "the next steps"."""

    @property
    def list_name(self) -> str:
        """Its list's name in the index."""
        return f"purpose:{self.id}"


@dataclass(frozen=True)
class Fault:
    """A fault coaches name at the close (asking for the job, perks, reassurance...)."""

    id: str
    tip: str
    """What to do instead, in one or two sentences."""

    @property
    def list_name(self) -> str:
        """Its list's name in the index."""
        return f"fault:{self.id}"


@dataclass(frozen=True)
class ClosingPhrases:
    """Every phrase the closing-question coach reads, indexed."""

    index: PhraseIndex
    """The reading lists under their names, purposes as "purpose:<id>", faults as
    "fault:<id>"."""
    purposes: tuple[Purpose, ...]
    faults: tuple[Fault, ...]
    connectives: frozenset[str]
    """Words a question may open with before its question word ("so", "and", "by")."""
    keywords: frozenset[str]
    """Words a question about fit names once each; strung together, they are a list."""


def _strings(value: Any, where: str) -> list[str]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise PhraseError(f"{where} must be a non-empty list of phrases")
    return value


def _section(raw: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    section = raw.get(key)
    if not isinstance(section, Mapping):
        raise PhraseError(f"{key!r} must be an object")
    return section


def closing_phrases(raw: Mapping[str, Any]) -> ClosingPhrases:
    """Index the phrase lists of a closing-phrase file (already parsed from JSON).

    Args:
        raw: An object with ``reading`` (a list per name of ``READING_LISTS``), ``purposes``
            (id -> ``about`` and ``phrases``) and ``faults`` (one per ``FAULT_KINDS``, each
            with ``tip`` and ``phrases``).

    Raises:
        PhraseError: A list or field is missing or malformed; the message names it.
    """
    reading = _section(raw, "reading")
    lists = {name: _strings(reading.get(name), f"reading.{name}") for name in READING_LISTS}
    purposes = []
    for purpose_id, item in _section(raw, "purposes").items():
        if purpose_id.startswith("$"):
            continue
        if not isinstance(item, Mapping) or not isinstance(item.get("about"), str):
            raise PhraseError(f"purposes.{purpose_id} must have 'about' and 'phrases'")
        purpose = Purpose(purpose_id, item["about"])
        lists[purpose.list_name] = _strings(item.get("phrases"), f"purposes.{purpose_id}")
        purposes.append(purpose)
    if not purposes:
        raise PhraseError("'purposes' must not be empty")
    faults_raw = _section(raw, "faults")
    faults = []
    for kind in FAULT_KINDS:
        item = faults_raw.get(kind)
        if not isinstance(item, Mapping) or not isinstance(item.get("tip"), str):
            raise PhraseError(f"faults.{kind} must have 'tip' and 'phrases'")
        fault = Fault(kind, item["tip"])
        lists[fault.list_name] = _strings(item.get("phrases"), f"faults.{kind}")
        faults.append(fault)
    single_words = {
        p.lower()
        for name in ("evaluation", "concerns", "competition", "ideal", "topic-words")
        for p in lists[name]
        if p.isalpha() and len(p) >= 3
    }
    return ClosingPhrases(
        index=PhraseIndex(lists, skippable="filler"),
        purposes=tuple(purposes),
        faults=tuple(faults),
        connectives=frozenset(w.lower() for w in lists["connectives"]),
        keywords=frozenset(single_words),
    )
