"""Cutting one requirement's words into its skills: at "and" and commas, keeping "or" together.

"Advanced SQL and hands-on dbt" is two skills; "Looker or Tableau" one that either meets;
"written and verbal communication" is written communication and verbal communication;
"Current, unrestricted RN license" one; "designing and operating large systems" one. Brackets
are never cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.domain.posting_phrases import PostingPhrases

_SEPARATOR = re.compile(
    r"\s*(,\s*(?:and/or|and|or|&)\s+|,|;(?=\s)|\s+and/or\s+|\s+and\s+|\s+&\s+|\s+or\s+)"
)
_ADJECTIVE = re.compile(r"(?:al|ial|ic|ical|ive|ous|ful|ary|ed)$", re.IGNORECASE)
_PARENS = re.compile(r"\(([^()]*)\)")


def top_level(text: str) -> list[str]:
    """``text`` cut at its separators outside brackets: [item, separator, item, ...]."""
    pieces: list[str] = []
    depth, start, seen = 0, 0, 0
    for match in _SEPARATOR.finditer(text):
        # Brackets counted once along the text, not from its start at each separator: a long
        # pasted line must cost its length, not its length squared.
        depth += text.count("(", seen, match.start()) - text.count(")", seen, match.start())
        seen = match.start()
        if depth > 0:
            continue
        pieces += [text[start : match.start()], match.group(1).strip().lower()]
        start = match.end()
    pieces.append(text[start:])
    return pieces


def groups(clause: str, phrases: PostingPhrases) -> list[tuple[str, tuple[str, ...]]]:
    """The clause's skills as (text, its alternatives): cut at "and" and commas, with items
    joined by "or" (or a list ending "..., or X") kept as one skill that any of them meets."""
    pieces = top_level(clause)
    items = [p.strip() for p in pieces[0::2]]
    seps = [s.replace(",", "").strip() or "," for s in pieces[1::2]]
    if seps and seps[-1] in ("or", "and/or") and all(s in (",", "or", "and/or") for s in seps):
        return [(clause, tuple(i for i in items if i))]
    items, seps = _merge_modifiers(items, seps, phrases)
    items, seps = _merge_verbs(items, seps, phrases)
    groups: list[tuple[str, tuple[str, ...]]] = []
    current: list[str] = []
    for n, item in enumerate(items):
        if item:
            current.append(item)
        if n < len(seps) and seps[n] in ("or", "and/or"):
            continue
        if current:
            groups.append((" or ".join(current), tuple(current)))
        current = []
    texts = _distribute([text for text, _ in groups], phrases)
    return [
        (text, alternatives if len(alternatives) > 1 else (text,))
        for text, (_, alternatives) in zip(texts, groups, strict=True)
    ]


def modifier(word: str, phrases: PostingPhrases) -> bool:
    low = word.lower()
    return low in phrases.words("shared_modifiers") or bool(
        len(low) > 4 and _ADJECTIVE.search(low) and low not in phrases.words("common_words")
    )


def _merge_modifiers(
    items: list[str], seps: list[str], phrases: PostingPhrases
) -> tuple[list[str], list[str]]:
    """ "Current, unrestricted RN license": a lone describing word before a comma belongs to
    what follows it, not a skill of its own."""
    out_items, out_seps = [items[0]], []
    for n, sep in enumerate(seps):
        previous = out_items[-1]
        if sep == "," and len(previous.split()) == 1 and modifier(previous, phrases):
            out_items[-1] = f"{previous} {items[n + 1]}"
            continue
        out_seps.append(sep)
        out_items.append(items[n + 1])
    return out_items, out_seps


def _merge_verbs(
    items: list[str], seps: list[str], phrases: PostingPhrases
) -> tuple[list[str], list[str]]:
    """ "Experience designing and operating large systems": two verbs sharing one object are
    one skill, not "designing" and "operating large systems"."""
    out_items, out_seps = [items[0]], []
    for n, sep in enumerate(seps):
        last = out_items[-1].split()
        verb = last[-1].lower() if last else ""
        lone = len(last) == 1 or (len(last) == 2 and last[0].lower() == "experience")
        if lone and verb.endswith("ing") and verb not in phrases.words("ing_nouns"):
            out_items[-1] = f"{out_items[-1]} {sep} {items[n + 1]}"
            continue
        out_seps.append(sep)
        out_items.append(items[n + 1])
    return out_items, out_seps


def _distribute(items: list[str], phrases: PostingPhrases) -> list[str]:
    """Share the last item's head with the ones before it: "written and verbal communication"
    is written communication and verbal communication; "BLS and ACLS certification" is a BLS
    certification and an ACLS certification. An item that is whole already ("attention to
    detail", "knife skills") keeps its words."""
    if len(items) < 2:
        return items
    last = items[-1].split()
    if len(last) < 2:
        return items
    tail = list(last)
    while len(tail) > 1 and modifier(tail[0], phrases):
        tail = tail[1:]
    if tail == last:
        tail = last[1:]
    heads = phrases.words("head_nouns")
    head = last[-1].lower()
    shared: list[str] = []
    for item in items[:-1]:
        parts = item.split()
        low = item.lower()
        whole = any(w.lower() in heads for w in parts) or bool(phrases.quality.search(low))
        if len(parts) == 1 and modifier(parts[0], phrases):
            shared.append(" ".join([parts[0], *tail]))
        elif head in heads and not whole:
            shared.append(f"{item} {last[-1]}")
        else:
            shared.append(item)
    return [*shared, items[-1]]


def alternatives(text: str, items: Sequence[str] = (), *, slashes: bool = True) -> tuple[str, ...]:
    """``text`` and the ways to meet it: its "or" items, its "/" halves ("Excel/Google
    Sheets"; not a credential's "Med/Surg"), what is in brackets."""
    bare = _PARENS.sub(" ", text)
    out = [bare, *items]
    pieces = top_level(bare)
    seps = [s.replace(",", "").strip() or "," for s in pieces[1::2]]
    if any(s in ("or", "and/or") for s in seps):
        out += pieces[0::2]
    if slashes:
        out += [half for half in re.split(r"(?<=\w)/(?=\w)", bare) if "/" in bare]
    for inner in _PARENS.findall(text):
        out += re.split(r",|/|\bor\b|\be\.g\.|\bsuch as\b|\bincluding\b", inner)
    kept = (" ".join(o.split()) for o in out)
    return tuple(dict.fromkeys(o for o in kept if re.search(r"[^\W\d_]", o)))
