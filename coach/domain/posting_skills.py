"""One requirement of a posting split into the skills it names, and whether a strength covers one.

"Advanced SQL and hands-on dbt" names two skills, SQL and dbt: a strength in SQL says nothing
about dbt, so each is checked on its own. "Looker or Tableau" is one skill that either covers.
"Written and verbal communication" is two ("written communication", "verbal communication").
What a requirement asks of the person ("Ability to lift 50 lbs and work on ladders") stays
whole. A strength covers a skill when it names the skill's meaningful words (all of them, or
half of a skill of three words or more); words such as "experience", "years" or "strong" never
count, so no skill is covered by one common word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from coach.domain import text as t
from coach.domain.posting_phrases import words
from coach.domain.posting_split import alternatives, groups

if TYPE_CHECKING:
    from coach.domain.models import Strength
    from coach.domain.posting_phrases import PostingPhrases

SkillKind = Literal["skill", "credential", "possession", "ability", "quality"]


MAX_SKILLS = 12
"""Skills read from one requirement ("Python, SQL, Scala, Spark, ..." lists rarely pass 8)."""


@dataclass(frozen=True)
class Skill:
    """One thing a requirement names."""

    text: str
    """What it is, for the card's label: "dbt", "current RN license", "able to lift 50 lbs"."""
    phrase: str
    """How a card says it: "hands-on experience with dbt", "a current RN license",
    "public accounting experience", "able to lift 50 lbs"."""
    kind: SkillKind
    """A skill or field of experience, a credential, something to own, something the person
    must be or do (ability), or a quality (communication, attention to detail)."""
    years: bool = False
    """The requirement asks for years of it."""
    alternatives: tuple[str, ...] = ()
    """Ways to meet it, any one of which a strength may cover ("Looker", "Tableau")."""
    logistics: bool = False
    """About where and when (travel, nights, transport) rather than what you can do."""


_YEARS = re.compile(
    r"(?:\b(?:at\s+least|minimum(?:\s+of)?|a\s+minimum\s+of|over|more\s+than)\s+)?"
    r"(?:\b\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a))\s*(?:\+|plus)?"
    r"(?:\s*(?:-|\u2013|\u2014|to)\s*\d+\s*\+?)?\s*(?:years?|yrs?)\b['\u2019]?(?:\s+of\b)?\s*",
    re.IGNORECASE,
)
_INDEED = re.compile(r"^(?P<x>[^:]{1,60}):\s*\d+\+?\s*(?:years?|yrs?)$", re.IGNORECASE)
_INCLUDING = re.compile(
    r",?\s+including\s+(?=(?:at\s+least\s+)?(?:\d|one|two|three|a)\b[^,]*\b(?:years?|yrs?)\b)",
    re.IGNORECASE,
)
_EXPERIENCE_PREP = re.compile(
    r"^experience\s+(?P<prep>with|in|using|on|as|at|of|working\s+with|working\s+in)\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_EXPERIENCE_GERUND = re.compile(r"^experience\s+(?P<x>\w+ing\b.*)$", re.IGNORECASE)
_NOUN_EXPERIENCE = re.compile(
    r"^(?P<x>.+?)\s+(?P<noun>experience|proficiency|knowledge|expertise|background)"
    r"(?P<tail>\s+(?:as|in|with|on|at)\s+.+|\s*\([^()]*\))?$",
    re.IGNORECASE,
)
_PREP_START = re.compile(r"^(?P<prep>in|as|with|at|on)\s+(?P<x>.+)$", re.IGNORECASE)
_SPEAKER = re.compile(r"^(?P<x>[\w/ -]+?)\s+speak(?:er|ing)$", re.IGNORECASE)
_PARENS = re.compile(r"\(([^()]*)\)")
_COMMON_SUFFIX = re.compile(
    r"(?:ing|tion|sion|ment|ness|ity|ship|ance|ence|ics|ogy|ism|al|ive|ed|ful|ous|ary|ory|age)$"
)
_TRAILING = " \t.;,:\u2013\u2014-"


def skills_of(requirement: str, phrases: PostingPhrases) -> tuple[Skill, ...]:
    """The skills one requirement names, in its order; none for an empty one."""
    indeed = _INDEED.match(requirement.strip())
    if indeed:  # "Warehouse: 2 years (Required)", as job boards list experience
        x = _cased(indeed["x"].strip(), phrases)
        return (Skill(x, f"{x} experience", "skill", True, (x,)),)
    found: list[Skill] = []
    for clause in _INCLUDING.split(requirement):
        found += _clause_skills(clause, phrases)
    return tuple(found)


def _clause_skills(clause: str, phrases: PostingPhrases) -> list[Skill]:
    years = bool(_YEARS.search(clause))
    clause = _YEARS.sub(" ", clause, count=1).strip(_TRAILING)
    clause = re.sub(r"^(?:of|in\s+the\s+field\s+of)\s+", "", clause, flags=re.I)
    clause = re.sub(r"\s+(?:for|of|in|with)$", "", clause, flags=re.I)
    if not clause:
        return []
    ability = _ability(clause, phrases)
    if ability is not None and not years:
        return [ability]
    skills: list[Skill] = []
    prep = "with"
    for n, (group, either) in enumerate(groups(clause, phrases)[:MAX_SKILLS]):
        skill, prep = _skill(group, either, n == 0, prep, years, phrases)
        if skill is not None:
            skills.append(skill)
    return skills


def _ability(clause: str, phrases: PostingPhrases) -> Skill | None:
    """What the person must be or do ("able to lift 50 lbs", "bilingual (English/Spanish)")."""
    rest, said = clause, ""
    for _ in range(3):  # "Must be" / "You're" say nothing by themselves: look again after them
        opening = phrases.ability_opening.match(rest.lower().replace("\u2019", "'"))
        if opening is None:
            break
        rest = rest[opening.end() :].strip()
        said = phrases.ability_openings[opening.group(1)]
        if said:
            break
    speaker = _SPEAKER.match(rest)
    if speaker and not said:
        rest, said = speaker["x"], "who speaks"
    first = (words(rest) or [""])[0]
    if not said and first in phrases.words("ability_verbs") and not _experience_words(rest):
        said = "able to"
        rest = rest[:1].lower() + rest[1:]
    if not said and rest == clause:
        return None
    phrase = " ".join(f"{said} {rest}".split()) if said else _cased(rest, phrases)
    if not words(phrase):
        return None
    logistics = bool(set(words(phrase)) & phrases.words("logistics_words"))
    return Skill(phrase, phrase, "ability", alternatives=(rest,), logistics=logistics)


def _experience_words(text: str) -> bool:
    return bool(re.search(r"\b(?:experience|skills?|knowledge|proficiency)\b", text, re.I))


# --- one skill ----------------------------------------------------------------------------------


def _strip_lead_ins(text: str, phrases: PostingPhrases) -> tuple[str, bool]:
    stripped = False
    for _ in range(4):
        shorter = phrases.lead_in.sub("", text, count=1)
        if shorter == text or not shorter.strip():
            break
        text, stripped = shorter.strip(), True
    return text, stripped


def _cased(text: str, phrases: PostingPhrases) -> str:
    """``text`` with its first word in lower case when it is an ordinary word capitalised only
    because it began the line ("Food costing"), not a name ("Python", "QuickBooks", "BSN")."""
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The") and rest:
        return f"{first.lower()} {rest}"
    core = first.split("/")[0].replace("'", "").replace("\u2019", "")
    if not (core[:1].isupper() and core[1:].islower() and core.isalpha()):
        return text
    low = core.lower()
    if (
        low in phrases.words("common_words")
        or low in t.STOPWORDS
        or low in phrases.words("shared_modifiers")
        or low in phrases.words("generic")
        or (len(low) > 5 and _COMMON_SUFFIX.search(low))
    ):
        return f"{first[:1].lower()}{first[1:]}{' ' if rest else ''}{rest}"
    return text


def _skill(
    group: str,
    alternatives: tuple[str, ...],
    first: bool,
    prep: str,
    years: bool,
    phrases: PostingPhrases,
) -> tuple[Skill | None, str]:
    """One skill from its words, and the preposition the next one inherits ("Experience in
    retail and hospitality": in both)."""
    text, stripped = _strip_lead_ins(group.strip(_TRAILING), phrases)
    if not words(text):
        return None, prep
    text = _cased(text, phrases) if first and not stripped else text
    alts = tuple(_strip_lead_ins(a, phrases)[0] for a in alternatives if len(alternatives) > 1)
    noun = (
        None
        if _EXPERIENCE_PREP.match(text) or _EXPERIENCE_GERUND.match(text)
        else _NOUN_EXPERIENCE.match(text)
    )
    if noun is not None:  # "public accounting experience": said as the posting says it
        x = _cased(noun["x"], phrases) if first and not stripped else noun["x"]
        phrase = f"{x} {noun['noun'].lower()}{noun['tail'] or ''}"
        return _made(x, phrase, "skill", years, alts, phrases), prep
    shaped = (
        _EXPERIENCE_PREP.match(text)
        or _EXPERIENCE_GERUND.match(text)
        or (_PREP_START.match(text) if years else None)
    )
    if shaped is not None:
        x = shaped["x"]
        if "prep" in shaped.groupdict():
            prep = shaped["prep"].lower().replace("working ", "")
            prep = "with" if prep in ("using", "of") else prep
            return _made(x, f"hands-on experience {prep} {x}", "skill", years, alts, phrases), prep
        return _made(x, f"hands-on experience {x}", "skill", years, alts, phrases), prep
    parts = text.split()
    gerund = (
        len(parts) > 1
        and parts[0].lower().endswith("ing")
        and parts[0].lower() not in phrases.words("ing_nouns")
    )
    kind = "skill" if gerund else _kind(text.lower(), phrases)
    if years or kind == "skill":
        # "building production systems": experience building them, not "with building them"
        said = f"hands-on experience {text}" if gerund else f"hands-on experience {prep} {text}"
        return _made(text, said, "skill", years, alts, phrases), prep
    if kind == "quality":
        return _made(text, text, "quality", years, alts, phrases), prep
    if text.lower().startswith("own "):
        text = f"your {text[:1].lower()}{text[1:]}"
    return _made(text, _article(text, phrases), kind, years, alts, phrases), prep


def _made(
    text: str,
    phrase: str,
    kind: SkillKind,
    years: bool,
    others: tuple[str, ...],
    phrases: PostingPhrases,
) -> Skill:
    # The label needs no article: "high-volume scratch kitchen", not "a high-volume ...".
    label = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE) or text
    logistics = kind == "possession" or (
        kind != "skill" and bool(set(words(phrase)) & phrases.words("logistics_words"))
    )
    ways = alternatives(label, others, slashes=kind != "credential")
    return Skill(label, phrase, kind, years, ways, logistics)


def _kind(low: str, phrases: PostingPhrases) -> SkillKind:
    named = words(_PARENS.sub("", low))
    if not named:
        return "skill"
    if any(w in phrases.words("credential_words") for w in named) or {
        named[0],
        named[-1],
    } & phrases.words("credential_edges"):
        return "credential"
    if phrases.possession.search(low):
        return "possession"
    if named[-1] in ("skills", "skill") or phrases.quality.search(low):
        return "quality"
    return "skill"


def _article(text: str, phrases: PostingPhrases) -> str:
    """ "a current RN license", "an EPA 608 certification", "reliable transportation"."""
    words = text.split()
    if words[0].lower() in phrases.words("determiners"):
        return text
    plain = [w.strip("(),").lower() for w in words]
    heads = [
        w
        for w in plain
        if w in phrases.words("head_nouns") or w in phrases.words("credential_words")
    ]
    head = heads[-1] if heads else plain[-1]
    if (
        head in phrases.words("mass_nouns")
        or (head.endswith("s") and not head.endswith("ss"))
        or any(w in phrases.words("mass_nouns") for w in plain)
    ):
        return text
    first = words[0].strip("(")
    if first.isupper() and len(first) >= 2:
        vowel = first[0] in "AEIOU" or (len(first) <= 3 and first[0] in "FHLMNRSX")
    else:
        low = first.lower()
        vowel = low[:1] in "aeiou" and not low.startswith(("uni", "use", "usu", "eu", "one"))
        vowel = vowel or low.startswith(("hour", "honest", "honor", "honour"))
    return f"{'an' if vowel else 'a'} {text}"


# --- coverage -----------------------------------------------------------------------------------


def key_stems(text: str, phrases: PostingPhrases) -> set[str]:
    """The stems that carry ``text``'s meaning: no stopwords, no generic words ("experience",
    "strong"), short names kept when written as names ("RN", "Go", "R")."""
    stems = set()
    for raw in re.findall(r"[^\W_][\w+#'\u2019\-]*", text):
        low = raw.lower().replace("\u2019", "'")
        if low in t.STOPWORDS or (len(low) <= 2 and not any(c.isupper() for c in raw)):
            continue
        stems.add(t.stem(low))
    return stems


def covered(skill: Skill, strengths: Iterable[Strength], phrases: PostingPhrases) -> bool:
    """Whether one strength (with its evidence) names this skill, or one of its alternatives.

    The skill's meaningful words count, the distinctive ones first: "SQL reporting" is covered
    by a strength in SQL ("reporting" is a word many skills share), "customer service" is not
    covered by "customer onboarding" (both its words are common: both must match). Of three
    words or more, half is enough.
    """
    own = [key_stems(f"{s.text} {s.evidence}", phrases) for s in strengths]
    if not own:
        return False
    for alternative in skill.alternatives or (skill.text,):
        every = key_stems(alternative, phrases)
        key = every - phrases.generic_stems or every
        if not key:
            continue
        distinctive = key - phrases.common_stems or key
        need = len(distinctive) if len(distinctive) <= 2 else math.ceil(len(distinctive) / 2)
        if any(len(distinctive & mine) >= need for mine in own):
            return True
    return False
