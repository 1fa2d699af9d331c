"""Reading a closing question: what it asks, in what form, and what it does wrong.

``read`` turns the user's text into a ``Reading``: plain facts (which sentences ask something,
which purposes they serve, which faults and phrases are in it), each found by a small named
function over the phrases found in one pass (``coach.domain.phrase_index``).
``coach.domain.closing`` turns those facts into scored checks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from coach.domain.assessment import Span
from coach.domain.closing_phrases import ClosingPhrases, Fault, Purpose
from coach.domain.phrase_index import Found, Match

Form = Literal["open", "closed", "none"]

MONOLOGUE_WORDS = 60
"""Past this many words (24 seconds aloud, over half as long again as the seed's 15) a close is
a monologue, whatever it asks."""
MONOLOGUE_STATEMENT_WORDS = 40
"""Or past this many words said around the question instead of asking it."""
HEAVY_FILLER = 3
"""From this many fillers and hedges on, the question sounds unsure, not just untidy."""
STUFFED_RUN = 3
"""Key words in a row with nothing between them: a list to game the score, not a sentence."""
STUFFED_REPEATS = 3
"""The same key word this many times: said once is enough."""
REPEATED_RUN = 5
"""The same run of this many words twice: the question (or a part of it) said again."""
MAX_CLAUSES = 12
"""How many clauses of a sentence are looked at to find where its question starts."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the text, as a range of tokens, and whether it asks something."""

    first: int
    last: int
    """Its last token (inclusive)."""
    asks: bool
    """Ends with "?", opens as a question does, or asks indirectly ("I'd love to hear ...")."""
    clauses: tuple[int, ...] = ()
    """Where its clauses start (see ``clause_starts``)."""


@dataclass(frozen=True)
class Reading:
    """What a closing question says and does, before any points are given."""

    words: int
    sentences: tuple[Sentence, ...]
    form: Form
    """"open" when some question invites a real answer and none is a yes/no."""
    fit: bool
    """Asks how you measure up: your fit, their concerns or your gaps."""
    competition: bool
    """Asks how you compare with the field (the other candidates, the ideal one)."""
    others: tuple[Purpose, ...]
    """Other good reasons to ask it serves (the next steps, the team, success in the role)."""
    interest: bool
    """Says you want the job ("I'd love to work here")."""
    courteous: bool
    faults: tuple[tuple[Fault, tuple[Span, ...]], ...]
    undermining: tuple[Span, ...]
    filler: tuple[Span, ...]
    repeats: tuple[Span, ...]
    stuffing: tuple[Span, ...]
    statement_words: int
    """Words outside the sentences that ask."""

    @property
    def asks(self) -> bool:
        """Whether any sentence asks something."""
        return any(s.asks for s in self.sentences)

    @property
    def monologue(self) -> bool:
        """Far longer than a question: a speech around it, or instead of it."""
        return self.words > MONOLOGUE_WORDS or (
            self.asks and self.statement_words > MONOLOGUE_STATEMENT_WORDS
        )

    @property
    def purposeful(self) -> bool:
        """Whether it does anything that helps you at the close."""
        return self.fit or self.competition or bool(self.others) or self.interest


def _span(found: Found, match: Match) -> Span:
    return Span(match.start, match.end, found.text[match.start : match.end])


def spans_of(found: Found, *names: str) -> tuple[Span, ...]:
    """The matches of lists ``names`` as spans of the user's text, in order."""
    matches = sorted((m for name in names for m in found.of(name)), key=lambda m: m.start)
    return tuple(_span(found, m) for m in matches)


def split_sentences(found: Found, phrases: ClosingPhrases) -> tuple[Sentence, ...]:
    """The sentences of the text (or its lines), each marked asking or not."""
    tokens = found.tokens
    bounds: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.sentence_start and i:
            bounds.append((bounds[-1][1] if bounds else 0, i))
    bounds.append((bounds[-1][1] if bounds else 0, len(tokens)))
    sentences = []
    for first, end in bounds:
        if any(tokens[i].word for i in range(first, end)):
            clauses = tuple(_clause_starts(found, first, end - 1, phrases))
            asks = _asks(found, first, end - 1, clauses)
            sentences.append(Sentence(first, end - 1, asks, clauses))
    return tuple(sentences)


def _clause_starts(found: Found, first: int, last: int, phrases: ClosingPhrases) -> list[int]:
    """Where the clauses of a sentence begin: after a comma or a connective ("but", "and"),
    past filler. A question often opens with a lead-in ("Now that we've talked, how ...", "I
    know I'm new to this but what ...") or ends with a second one (", and why?")."""
    tokens = found.tokens
    filler = {i for m in found.of("filler", first, last) for i in range(m.first, m.last + 1)}
    starts: list[int] = []
    expecting = True
    for i in range(first, last + 1):
        token = tokens[i]
        if not token.word:
            expecting = expecting or token.text in ",;:"
        elif token.text in phrases.connectives or i in filler:
            expecting = True
        elif expecting:
            starts.append(i)
            expecting = False
            if len(starts) == MAX_CLAUSES:
                break
    return starts


def _starts_with(found: Found, name: str, starts: list[int]) -> bool:
    return any(found.has(name, s, s) for s in starts)


def _asks(found: Found, first: int, last: int, clauses: tuple[int, ...]) -> bool:
    if found.tokens[last].text == "?":
        return True
    if found.has("requests", first, last) or found.has("invitations", first, last):
        return True
    starts = list(clauses[:1])
    return _starts_with(found, "open-words", starts) or _starts_with(found, "closed-starts", starts)


def sentence_form(found: Found, sentence: Sentence, phrases: ClosingPhrases) -> Form:
    """Whether one question invites a real answer ("open"), a yes or no ("closed"), or
    neither (a fragment such as "To the other candidates?")."""
    first, last = sentence.first, sentence.last
    if found.has("closed-requests", first, last) or any(
        m.last == last for m in found.of("closed-tags", first, last)
    ):
        return "closed"
    if found.has("invitations", first, last) or found.has("requests", first, last):
        return "open"
    starts = list(sentence.clauses)
    if _starts_with(found, "open-words", starts):
        return "open"
    if _starts_with(found, "closed-starts", starts):
        return "closed"
    return "none"


def overall_form(found: Found, questions: list[Sentence], phrases: ClosingPhrases) -> Form:
    """Open when some question is open and none is closed; closed when any is."""
    forms = {sentence_form(found, q, phrases) for q in questions}
    if "closed" in forms:
        return "closed"
    return "open" if "open" in forms else "none"


def asked_part(found: Found, sentence: Sentence, phrases: ClosingPhrases) -> Sentence:
    """The part of a question that asks, from where its question starts: a lead-in ("Now that
    we've talked,", "I know I'm not the strongest, but") is not what it asks about. A question
    with no question word ("..., to the other candidates?") asks in its last clause."""
    first, last = sentence.first, sentence.last
    clauses = sentence.clauses
    starts = {m.first for name in ("invitations", "requests") for m in found.of(name, first, last)}
    begins = {
        m.first for name in ("open-words", "closed-starts") for m in found.of(name, first, last)
    }
    starts |= begins & set(clauses)
    if starts:
        return Sentence(min(starts), last, sentence.asks, clauses)
    words = [i for i in range(first, last + 1) if found.tokens[i].word]
    if words and found.tokens[words[-1]].text in phrases.connectives:
        return Sentence(last, last, sentence.asks)  # it trails off ("..., but well?")
    return Sentence(clauses[-1], last, sentence.asks, clauses) if clauses else sentence


def asks_for_fit(found: Found, question: Sentence) -> bool:
    """Asks for their view of you against the job: your fit, their concerns, your gaps."""
    first, last = question.first, question.last
    if found.has("invites-concerns", first, last):
        return True
    # "Could you tell me", "I'd love to hear": the asking, not what is asked about.
    asking = [m for name in ("requests", "closed-requests") for m in found.of(name, first, last)]
    about_you = [
        m
        for m in found.of("self", first, last)
        if not any(a.first <= m.first <= a.last for a in asking)
    ]
    return bool(about_you) and any(
        found.has(name, first, last) for name in ("evaluation", "concerns", "ideal")
    )


def asks_about_field(found: Found, question: Sentence) -> bool:
    """Asks how you compare with the other candidates, or with the one they have in mind."""
    first, last = question.first, question.last
    if found.has("competition", first, last):
        return True
    return found.has("ideal", first, last) and found.has("self", first, last)


def other_purposes(
    found: Found, questions: list[Sentence], phrases: ClosingPhrases
) -> tuple[Purpose, ...]:
    """The other good purposes the questions serve, in the phrase file's order."""
    return tuple(
        p
        for p in phrases.purposes
        if any(found.has(p.list_name, q.first, q.last) for q in questions)
    )


def find_faults(
    found: Found, silent: bool, phrases: ClosingPhrases
) -> tuple[tuple[Fault, tuple[Span, ...]], ...]:
    """Each fault in the text with its phrases. A text that asks nothing (no question, nothing
    it asks about) and does not say you want the job declines to ask, even without a "no"."""
    faults = []
    for fault in phrases.faults:
        hits = spans_of(found, fault.list_name)
        if hits or (silent and fault.id == "declines"):
            faults.append((fault, hits))
    # In the order of the text, so the first tip is about the first phrase highlighted.
    faults.sort(key=lambda item: item[1][0].start if item[1] else len(found.text))
    return tuple(faults)


def _has_fault(found: Found, sentence: Sentence, phrases: ClosingPhrases) -> bool:
    return any(found.has(f.list_name, sentence.first, sentence.last) for f in phrases.faults)


def repeats(found: Found, sentences: tuple[Sentence, ...]) -> tuple[Span, ...]:
    """Where the text says again what it has said: the whole of it over again, a sentence, or
    a run of ``REPEATED_RUN`` words."""
    tokens = [t for t in found.tokens if t.word]
    words = [t.text for t in tokens]
    n = len(words)
    # The whole text one unit said over (a paste repeated); a unit starts with the first word.
    # (One word said twice, "no, no", is how people talk, not a repeat.)
    for period in (p for p in range(1, n // 2 + 1) if words[p] == words[0]):
        if period == 1 and n < 3:
            break
        if words[period:] == words[: n - period]:
            again = tokens[period].start
            return (Span(again, len(found.text), found.text[again:]),)
    seen: dict[tuple[str, ...], int] = {}
    for i in range(n - REPEATED_RUN + 1):
        run = tuple(words[i : i + REPEATED_RUN])
        if seen.setdefault(run, i) + REPEATED_RUN <= i:
            start, end = tokens[i].start, tokens[i + REPEATED_RUN - 1].end
            return (Span(start, end, found.text[start:end]),)
    said: set[tuple[str, ...]] = set()
    for s in sentences:
        key = tuple(t.text for t in found.tokens[s.first : s.last + 1] if t.word)
        if len(key) >= 3 and key in said:
            start, end = found.tokens[s.first].start, found.tokens[s.last].end
            return (Span(start, end, found.text[start:end]),)
        said.add(key)
    return ()


def stuffing(found: Found, phrases: ClosingPhrases) -> tuple[Span, ...]:
    """Key words strung together with nothing between, or one key word said again and again:
    a list made for a scorer, not a question for a person."""
    tokens = [t for t in found.tokens if t.word]
    keys = [t.text in phrases.keywords for t in tokens]
    spans: list[Span] = []
    run = 0
    for i, is_key in enumerate(keys):
        run = run + 1 if is_key else 0
        if run >= STUFFED_RUN:
            # The whole run, however long: a list of key words is stuffing to its last word.
            start, end = tokens[i - run + 1].start, tokens[i].end
            if run > STUFFED_RUN:
                spans.pop()
            spans.append(Span(start, end, found.text[start:end]))
    counts: Counter[str] = Counter()
    for token, is_key in zip(tokens, keys, strict=True):
        if is_key:
            counts[token.text] += 1
            if counts[token.text] == STUFFED_REPEATS:
                spans.append(Span(token.start, token.end, found.text[token.start : token.end]))
    return tuple(sorted(spans, key=lambda s: s.start))


def read(text: str, phrases: ClosingPhrases) -> Reading:
    """Read ``text`` as a closing question: the facts each check is scored on."""
    found = phrases.index.find(text)
    sentences = split_sentences(found, phrases)
    interest = found.has("interest")
    form = overall_form(found, [s for s in sentences if s.asks], phrases)
    # A question that asks for the job or the perks serves no purpose, whatever it names.
    asking = [
        asked_part(found, s, phrases)
        for s in sentences
        if s.asks and not _has_fault(found, s, phrases)
    ]
    fit = any(asks_for_fit(found, q) for q in asking)
    competition = any(asks_about_field(found, q) for q in asking)
    others = other_purposes(found, asking, phrases)
    silent = form == "none" and not (fit or competition or others or interest)
    return Reading(
        words=sum(t.word for t in found.tokens),
        sentences=sentences,
        form=form,
        fit=fit,
        competition=competition,
        others=others,
        interest=interest,
        courteous=found.has("courtesy"),
        faults=find_faults(found, silent, phrases),
        undermining=spans_of(found, "undermining"),
        filler=spans_of(found, "filler", "cliches"),
        repeats=repeats(found, sentences),
        stuffing=stuffing(found, phrases),
        statement_words=sum(
            found.tokens[i].word
            for s in sentences
            if not s.asks
            for i in range(s.first, s.last + 1)
        ),
    )
