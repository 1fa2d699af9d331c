"""The phrase lists the response checks use, compiled once from ``data/phrases/response.json``.

Each list is found by whole words (``coach.domain.phrase_set``). The domain never reads the
file: ``coach.content.response_phrases`` does, and hands the content to ``ResponsePhrases.from_raw``
(tests and scripts may pass their own).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coach.domain import text as t
from coach.domain.phrase_set import PhraseIndex, PhraseSet, Token

LISTS = (
    "acknowledge",
    "dismissive",
    "defensive",
    "blame",
    "blame_targets",
    "blame_words",
    "negative",
    "undermining",
    "cliche",
    "hedges",
    "forward",
    "experience_verbs",
    "experience",
    "examples",
    "results",
    "template_words",
)
"""The lists ``response.json`` must hold (besides ``generic_terms``, one string)."""

FAULT_LISTS = (
    "defensive",
    "dismissive",
    "negative",
    "undermining",
    "cliche",
    "blame",
    "blame_targets",
    "blame_words",
    "hedges",
)
"""Looked for in every sentence as said."""
MERIT_LISTS = ("acknowledge", "forward", "experience", "examples", "results")
"""Looked for in what a sentence gives the answer (its words less hedges)."""

_BETWEEN = frozenset({"also", "then", "once", "first", "just", "personally", "myself"})
"""Words that may stand between "I" and what I did ("I then built")."""


@dataclass(frozen=True)
class ResponsePhrases:
    """Each list of ``response.json``, ready to find in a response's words."""

    acknowledge: PhraseSet
    """Taking the concern on board: "that's fair", "you're right", "yes"."""
    dismissive: PhraseSet
    """Waving the concern away: "overrated", "I get that a lot", "who cares"."""
    defensive: PhraseSet
    """Arguing with it: "I disagree", "to be fair", "not my fault"."""
    blame: PhraseSet
    """Blaming others whatever the sentence: "jerk", "cheated", "took all the credit"."""
    blame_targets: PhraseSet
    """Who might be blamed: "boss", "company", "they"."""
    blame_words: PhraseSet
    """Said of a target in the same sentence, blame: "terrible", "stupid", "lazy"."""
    negative: PhraseSet
    """Running away from the last job: "I didn't like it", "burned out"."""
    undermining: PhraseSet
    """Apology, self-undermining and desperation: "sorry", "I'm not the most", "need a job"."""
    cliche: PhraseSet
    """Claims every candidate makes, and denials: "hard worker", "no weaknesses"."""
    hedges: PhraseSet
    """Hedging and filler: "I guess", "kind of", "um"."""
    forward: PhraseSet
    """Looking ahead: what you'd bring, this role, the next step, a question back."""
    experience_verbs: frozenset[str]
    """What "I" or "we" did: "led", "built" ("I led", "I quickly built")."""
    experience: PhraseSet
    """Other ways of saying what you did: "in my last role", "I've worked"."""
    examples: PhraseSet
    """An example begins: "for example", "one time"."""
    results: PhraseSet
    """What came of it: "cut", "promoted", "under budget", "my references"."""
    generic_terms: frozenset[str]
    """Stems of the interviewer's words that say nothing about the concern ("candidate")."""
    template_words: frozenset[str]
    """Words of a tailored card's own wording ("little hands-on ..."): matched, never
    suggested."""
    faults: PhraseIndex
    """The lists of ``FAULT_LISTS``, found in a sentence in one pass."""
    merits: PhraseIndex
    """The lists of ``MERIT_LISTS``, found in a sentence (less its hedges) in one pass."""

    @classmethod
    def from_raw(cls, raw: Mapping[str, Any]) -> ResponsePhrases:
        """The phrase sets from the content of ``response.json``.

        Raises:
            ValueError: A list is missing or holds something other than phrases.
        """
        lists: dict[str, list[str]] = {}
        for key in LISTS:
            value = raw.get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ValueError(f"response.json: {key!r} must be a list of phrases")
            lists[key] = value
        generic = raw.get("generic_terms")
        if not isinstance(generic, str):
            raise ValueError("response.json: 'generic_terms' must be a string of words")
        sets = {key: PhraseSet(lists[key]) for key in LISTS}
        return cls(
            acknowledge=sets["acknowledge"],
            dismissive=sets["dismissive"],
            defensive=sets["defensive"],
            blame=sets["blame"],
            blame_targets=sets["blame_targets"],
            blame_words=sets["blame_words"],
            negative=sets["negative"],
            undermining=sets["undermining"],
            cliche=sets["cliche"],
            hedges=sets["hedges"],
            forward=sets["forward"],
            experience_verbs=frozenset(w.lower() for w in lists["experience_verbs"]),
            experience=sets["experience"],
            examples=sets["examples"],
            results=sets["results"],
            generic_terms=frozenset(t.content_stems(generic)),
            template_words=frozenset(w.lower() for w in lists["template_words"]),
            faults=PhraseIndex({key: lists[key] for key in FAULT_LISTS}),
            merits=PhraseIndex({key: lists[key] for key in MERIT_LISTS}),
        )

    def did(self, words: Sequence[Token], listed: bool | None = None) -> bool:
        """Whether ``words`` say something you did: "I led", "we quickly built", "in my last
        role" (``listed``: whether ``experience`` is already known to be found in them)."""
        verbs = self.experience_verbs
        for i, token in enumerate(words[:-1]):
            if token.word in ("i", "we"):
                after = words[i + 1].word
                if after in verbs or (
                    (after.endswith("ly") or after in _BETWEEN)
                    and i + 2 < len(words)
                    and words[i + 2].word in verbs
                ):
                    return True
        return self.experience.found_in(words) if listed is None else listed
