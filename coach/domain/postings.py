"""A pasted job posting read into requirements: what it asks of you, and what is only nice to have.

A real posting is mostly not requirements: a title, the company's story, duties, benefits, the
pay, an equal-opportunity line, "apply now". Only the requirements should become feedback cards,
so the reader:

- follows the posting's headings: "Requirements", "What you'll bring" hold must-haves,
  "Nice to have", "Bonus points", "Preferred" hold nice-to-haves, and "About us",
  "Responsibilities", "Benefits", "How to apply" hold none; the lines before the first heading
  or bullet (title, company, location, pay, blurb) hold none either;
- splits bullets and sentences into one requirement each, and drops any that is boilerplate
  (equal opportunity, benefits, pay, how to apply), a "Label: value" line of the job's details,
  a job title, or the company talking about itself;
- marks a requirement nice to have from its section or its own words ("... is a plus",
  "preferred", "bonus") and keeps it with "Nice to have: " in front, so the saved line says so
  and reads back the same.

Text without headings or bullets (lines typed by hand, or a saved profile) is read line by line,
every line that is not boilerplate kept: reading the saved lines again gives the same
requirements. Each requirement's skills come from ``coach.domain.posting_skills``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coach.domain import packaged
from coach.domain import text as t
from coach.domain.posting_phrases import PostingPhrases, words
from coach.domain.posting_skills import Skill, skills_of

NICE_PREFIX = "Nice to have: "
"""How a saved requirement says it is nice to have (read back by ``parse_posting``)."""
MAX_LINES = 1_000
"""Lines of a paste that are read: a long posting has a few hundred; past this, a paste is not
a posting, and reading it would only hold up the profile's preview."""
MAX_REQUIREMENTS = 300
"""Requirements kept from one paste (a posting states 5 to 40)."""
READ_CHARS = 600
"""Characters of one requirement that are read for its skills and boilerplate (a long one has
about 200); the rest is kept as written, but a line of 50,000 characters costs no more."""


@dataclass(frozen=True)
class Requirement:
    """One thing a posting asks for."""

    text: str
    """As the posting says it, without its bullet or its "preferred" / "required" marker."""
    nice_to_have: bool
    """Only nice to have: preferred, a plus, a bonus."""
    skills: tuple[Skill, ...]
    """What it names, each checked against the strengths on its own."""

    @property
    def line(self) -> str:
        """How the profile keeps it: the text, with ``NICE_PREFIX`` if nice to have."""
        return f"{NICE_PREFIX}{self.text}" if self.nice_to_have else self.text


_BULLET = re.compile(
    # "-", "*", "+", ">" and dashes need a space after them: "**Requirements**" is a heading.
    r"^\s*(?:[-*+>\u2013\u2014](?=\s)|[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2192\u21d2\u27a4"
    r"\u25ba\u25b8\u2713\u2714\u2610\u25a1]|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))\s*",
    re.IGNORECASE,
)
_DECORATION = re.compile(r"^[\s#*_=~]+|[\s#*_=~]+$")
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|approx|incl|min|max|yrs|No|St|Jr|Sr|Dr|vs)\.", re.I)
_SENTENCE = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z0-9(\"'\u201c])|;\s+|(?<=\brequired),\s+|(?<=\bpreferred),\s+"
)
_SALARY = re.compile(
    r"[$\u20ac\u00a3]\s?\d|\d[\d,.]*\s*k?\s*(?:per|an|a|/)\s*(?:hour|hr|year|yr|annum|month|week)\b",
    re.IGNORECASE,
)
_PAREN_NICE = re.compile(r"\s*\(([^()]*)\)")
_OBTAIN = re.compile(
    r",?\s*\(?\s*\bor\s+(?:the\s+)?(?:ability|able|willing(?:ness)?)\s+to\s+"
    r"(?:obtain|get|earn|acquire)\b[^)]*\)?",
    re.IGNORECASE,
)
_TRAILING = " \t.;,:\u2013\u2014-"


def parse_posting(text: str, phrases: PostingPhrases | None = None) -> tuple[Requirement, ...]:
    """The requirements of a pasted posting (or of saved requirement lines), in order.

    A requirement repeated (ignoring case) is kept once; one both required and preferred is
    kept as required.
    """
    phrases = phrases or _packaged()
    found = _read(text, phrases)
    # The saved lines must read back the same. Taking a marker out can leave a line that reads
    # otherwise ("A; nice to have: B" is "A; B", two sentences): read the lines again until
    # they settle (once for any real posting).
    for _ in range(3):
        again = _read("\n".join(r.line for r in found), phrases)
        if again == found:
            break
        found = again
    return found


def _read(text: str, phrases: PostingPhrases) -> tuple[Requirement, ...]:
    found: dict[str, Requirement] = {}
    read: set[tuple[str, bool]] = set()
    for unit, nice in _units("\n".join(text.splitlines()[:MAX_LINES]), phrases):
        if len(found) >= MAX_REQUIREMENTS:
            break
        if (unit, nice) in read:  # a line pasted twice is read once
            continue
        read.add((unit, nice))
        requirement = _requirement(unit, nice, phrases)
        if requirement is None:
            continue
        key = requirement.text.lower()
        if key not in found or (found[key].nice_to_have and not nice):
            found[key] = requirement
    return tuple(found.values())


def _packaged() -> PostingPhrases:
    # The packaged lists, read on first use: importing the domain opens no file.
    return packaged.content().posting_phrases()


# --- lines and sections -------------------------------------------------------------------------


def _clean(line: str) -> str:
    return _DECORATION.sub("", line.replace("\u00a0", " ")).strip()


def _tidy(unit: str) -> str:
    """A unit without a bullet, decoration or trailing punctuation, at either end."""
    for _ in range(3):
        tidier = _clean(_BULLET.sub("", unit)).strip(_TRAILING)
        if tidier == unit:
            break
        unit = tidier
    return unit


def _heading(line: str, phrases: PostingPhrases) -> tuple[str, str] | None:
    """(kind, rest) when ``line`` is a heading: "must", "nice", "skip" or "other" (a heading of
    no known kind); rest is what follows its colon on the same line ("Preferred: BSN")."""
    label, colon, rest = line.partition(":")
    key = " ".join(label.lower().replace("\u2019", "'").strip(" ?!").split())
    kind = phrases.headings.get(key)
    if colon and rest.strip():
        return (kind, rest.strip()) if kind else None
    if line.rstrip().endswith("."):
        return None
    parts = key.split()
    if kind is None and 0 < len(parts) <= 7:
        start = phrases.heading_start.match(key)
        if start:
            kind = phrases.headings[start.group(0).strip()]
        elif parts[0] in phrases.words("skip_heading_starts") or line.rstrip().endswith("?"):
            kind = "skip"
    if kind is None and parts and len(parts) <= 6 and colon:
        kind = "other"
    letters = [w for w in parts if w.isalpha()]
    if (
        kind is None
        and line.isupper()
        and 2 <= len(letters) == len(parts) <= 6
        and any(len(w) >= 5 for w in letters)
        and not set(letters) & phrases.words("credential_words")
    ):
        kind = "other"  # "JOURNEYMAN ELECTRICIAN", "JOB DETAILS"; not "BLS ACLS" or "OSHA 30"
    return (kind, "") if kind else None


def _units(text: str, phrases: PostingPhrases) -> Iterator[tuple[str, bool]]:
    """Each candidate requirement with whether its section makes it nice to have."""
    lines = [
        (_BULLET.match(raw) is not None, _clean(_BULLET.sub("", raw))) for raw in text.splitlines()
    ]
    lines = [(bullet, line) for bullet, line in lines if line]
    # A bulleted line is an item, never a section's heading ("- BSN" is not "BSN" in capitals).
    headings = [
        None if bullet and heading and not heading[1] else heading
        for bullet, line in lines
        for heading in [_heading(line, phrases)]
    ]
    structured = any(bullet for bullet, _ in lines) or any(h and not h[1] for h in headings)
    has_must = any(h and h[0] == "must" and not h[1] for h in headings)
    section = "none"
    for (bullet, line), heading in zip(lines, headings, strict=True):
        if heading is not None:
            kind, rest = heading
            if not rest:
                section = kind
                continue
            if kind == "skip":
                continue
            line = rest  # "Preferred: BSN": the rest is a unit of that kind, on its own
            here = kind
        else:
            here = section
        # Outside the requirements: the title and blurb before the first heading, the job's
        # details. Kept only from a posting that has no requirements section, and then only
        # bullets, or sentences that say what they ask of you.
        outside = structured and here in ("none", "other")
        if outside and (has_must or not (bullet or phrases.cues.search(line))):
            continue
        if structured and not bullet and len(line.split()) > 12 and not phrases.cues.search(line):
            continue  # a paragraph among the bullets that asks nothing of you
        if here == "skip":
            continue
        for sentence in _sentences(line):
            for unit, aside in _asides(sentence, phrases):
                yield unit, here == "nice" or aside


def _sentences(line: str) -> list[str]:
    """A line's sentences (and ";"-separated parts), abbreviations kept whole."""
    guarded = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\x00"), line)
    parts = (part.replace("\x00", ".").strip(_TRAILING) for part in _SENTENCE.split(guarded))
    return [part for part in parts if part]


# --- one unit -----------------------------------------------------------------------------------


def _is_noise(unit: str, phrases: PostingPhrases) -> bool:
    """Boilerplate, pay, a "Label: value" detail, a job title, a job type, or the company
    talking about itself: never a requirement, wherever it stands."""
    lower = unit.lower().replace("\u2019", "'")
    if phrases.boilerplate.search(unit) or _SALARY.search(unit):
        return True
    label, colon, _ = lower.partition(":")
    if colon and label.strip() in phrases.words("meta_labels"):
        return True
    found = words(lower)
    if not found or all(w in phrases.words("job_type_words") or w.isdigit() for w in found):
        return True
    if len(found) <= 8 and not unit.endswith(".") and not phrases.cues.search(unit):
        head = found[: min(len(found), 4)]
        if any(w in phrases.words("title_nouns") for w in head) and not any(
            w in phrases.words("credential_words") for w in found
        ):
            return True
    # "We're a family-owned contractor...", "Our platform handles...": the company speaking.
    voice = phrases.words("company_voice")
    return found[0] in voice and not phrases.cues.search(phrases.company.sub("", unit))


def _marked_nice(unit: str, phrases: PostingPhrases) -> tuple[str, bool]:
    """``unit`` without its nice-to-have and required markers, and whether it had the first."""
    nice = False
    if unit.lower().startswith(NICE_PREFIX.lower()):
        unit, nice = unit[len(NICE_PREFIX) :], True
    text, count = t.remove(phrases.nice, unit)
    if count:
        nice = True
        unit = text
    unit, _ = t.remove(phrases.required, unit)
    unit = re.sub(r"\(\s*\)|\b(?:is|are|would be|will be|but|and)\s*$", "", unit.strip(_TRAILING))
    unit = re.sub(r"\s+(?:is|are|would be|will be|but|and|a|an)$", "", unit.strip(_TRAILING))
    return " ".join(unit.split()).strip(_TRAILING), nice


def _requirement(unit: str, nice: bool, phrases: PostingPhrases) -> Requirement | None:
    unit, nice = _unlabelled(_tidy(unit), nice, phrases)  # as its saved line will read
    if _unwanted(unit, phrases):
        return None
    unit, marked = _marked_nice(_OBTAIN.sub("", unit), phrases)
    unit, marked = _unlabelled(_tidy(unit), marked, phrases)
    # Checked again as it will be saved: "NURSE: preferred" is a title once "preferred" is gone.
    if not unit or not words(unit) or _unwanted(unit, phrases):
        return None
    skills = skills_of(unit[:READ_CHARS], phrases)
    return Requirement(unit, nice or marked, skills) if skills else None


def _unlabelled(unit: str, nice: bool, phrases: PostingPhrases) -> tuple[str, bool]:
    """``unit`` without a heading in front of it ("Preferred: BSN" is "BSN", nice to have; a
    "Benefits: ..." is nothing), and whether that makes it nice to have."""
    for _ in range(5):
        heading = _heading(unit, phrases)
        if heading is None or not heading[1]:
            break
        kind, unit = heading
        if kind == "skip":
            return "", nice
        nice = nice or kind == "nice"
        unit = _tidy(unit)
    return unit, nice


def _unwanted(unit: str, phrases: PostingPhrases) -> bool:
    """Noise (see ``_is_noise``), or anything that reads as a heading ("Ready to join us?"):
    kept, it would turn the saved lines into sections when they are read back."""
    read = unit[:READ_CHARS]
    heading = _heading(read, phrases)
    return _is_noise(read, phrases) or (heading is not None and not heading[1])


def _asides(text: str, phrases: PostingPhrases) -> list[tuple[str, bool]]:
    """A requirement with a nice-to-have aside ("... design experience (agency experience a
    plus)") as the requirement and the aside, each with whether it is only nice to have (a
    bracket holding only the marker, "(Preferred)", marks the requirement itself)."""
    asides: list[tuple[str, bool]] = []
    marked = False

    def aside(match: re.Match[str]) -> str:
        nonlocal marked
        inner = match.group(1)
        if not phrases.nice.search(inner):
            return match.group(0)
        if words(t.remove(phrases.nice, inner)[0]):
            asides.append((inner, True))
        else:  # "(Preferred)": a marker of the requirement itself
            marked = True
        return ""

    main = _PAREN_NICE.sub(aside, text)
    return [(main, marked), *asides]
