"""The checks of a response, one small function each, with a stable id.

What coaches look for when a candidate answers an interviewer's concern: take it on board
without waving it away; answer the concern itself; a strength with real evidence, pointed at
it; no blame, no arguing, no apology; a length that fits the kind of concern; and an end that
looks forward. The points of the checks add up to 100. A check of a fault earns its points only
in proportion to what there is to judge: an empty answer has no blame in it, and earns nothing
for that.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from coach.domain import text as t
from coach.domain.assessment import Check, Span
from coach.domain.models import Strength
from coach.domain.response_draft import Draft, Slot
from coach.domain.response_phrases import ResponsePhrases

CheckFn = Callable[[Draft, ResponsePhrases], Check]


def _check(
    check_id: str,
    name: str,
    passed: bool,
    tip: str,
    points: int,
    worth: int,
    spans: tuple[Span, ...] = (),
) -> Check:
    return Check(name, passed, tip, points if passed else 0, worth, spans, check_id)


def _earned(draft: Draft, worth: int) -> int:
    """A fault check's points: in full once the answer is long enough to make its case."""
    return round(worth * min(1.0, draft.substance / draft.kind.min_words))


def concern_hits(draft: Draft, slots: Sequence[Slot] | None = None) -> tuple[list[str], list[str]]:
    """The concern's words the answer (or these ``slots`` of it) uses, once each.

    Returns:
        The words of an answer to this kind of concern found, and the card's or the
        interviewer's own words found.
    """
    if slots is None:
        stems, said, runs = draft.stems, draft.said, [s.words for s in draft.slots]
    else:
        stems = frozenset().union(*(s.stems for s in slots))
        said = frozenset().union(*(s.said for s in slots))
        runs = [s.words for s in slots]
    own = draft.terms.found(stems, said, runs)
    kind = [w for w in draft.kind.answer.found(stems, said, runs) if w not in own]
    return kind, own


def _hidden(draft: Draft, test: Callable[[Slot], object], what: str) -> str | None:
    """A tip, if what a check looks for is said, but in a sentence a fault emptied."""
    for fault, slot in draft.shadows:
        if test(slot):
            return (
                f'The {what} is there, but in a sentence with "{fault.text}": say it without that.'
            )
    return None


def acknowledges(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Takes the concern on board first: in so many words, or by answering it head-on (the
    first sentence uses the interviewer's words, or two words of an answer to the concern).

    A dismissal in the opening ("I get that a lot", "overrated") empties its sentence, so it
    never passes.
    """
    worth = 10
    opening = draft.slots[:2]
    kind, own = concern_hits(draft, opening[:1])
    passed = any("acknowledge" in s.merits for s in opening) or bool(own) or len(kind) >= 2
    waved = [
        span
        for sentence in draft.sentences[:2]
        for fault in ("dismissive", "defensive")
        for span in sentence.faults.get(fault, [])
    ]
    if passed:
        tip = "You take the concern on board before you answer it."
    elif waved:
        tip = f'Don\'t wave it away ("{waved[0].text}"): say it is fair, then answer it.'
    elif hidden := _hidden(draft, lambda s: "acknowledge" in s.merits, "acknowledgement"):
        tip = hidden
    else:
        tip = 'Open by taking it on board: "That\'s fair", "You\'re right that ...", "Yes, ...".'
    return _check("response.acknowledges", "Acknowledges the concern", passed, tip, worth, worth)


def answers_concern(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Answers the concern itself, by its meaning, each word counted once.

    The interviewer's own words (or the card's) count two, the words of an answer to this kind
    of concern one each; a short reply (to a strong match, say) needs one, others two.
    """
    worth = 15
    kind, own = concern_hits(draft)
    need = 1 if draft.kind.min_words <= 12 else 2
    passed = 2 * len(own) + len(kind) >= need
    if passed:
        tip = f"You answer the concern itself: {', '.join((own + kind)[:4])}."
    elif hidden := _hidden(draft, lambda s: any(concern_hits(draft, [s])), "answer"):
        tip = hidden
    else:
        examples = [w for w in draft.said_words if w not in phrases.template_words][:4]
        tip = f"Answer the concern itself: {draft.kind.need}" + (
            f" (its words: {', '.join(examples)})." if examples else "."
        )
    return _check("response.answers-concern", "Answers the concern", passed, tip, worth, worth)


def _numbers(slots: Sequence[Slot]) -> set[str]:
    return {w for s in slots for w in s.said if not w.isalpha() and any(c.isdigit() for c in w)}


_STRENGTH_WORDS: dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}


def _strength_words(strength: Strength) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A strength's stems, its evidence's stems and its evidence's numbers (remembered)."""
    key = (strength.text, strength.evidence)
    found = _STRENGTH_WORDS.get(key)
    if found is None:
        if len(_STRENGTH_WORDS) > 1_000:
            _STRENGTH_WORDS.clear()
        found = _STRENGTH_WORDS[key] = (
            frozenset(t.content_stems(strength.text)),
            frozenset(t.content_stems(strength.evidence)),
            frozenset(w for w in t.words(strength.evidence) if any(c.isdigit() for c in w)),
        )
    return found


def _strength_hits(
    stems: AbstractSet[str], numbers: AbstractSet[str], strengths: tuple[Strength, ...]
) -> list[str]:
    """The strengths an answer draws on: by their words, or by their evidence's numbers."""
    hits = []
    for strength in strengths:
        own, proof, proof_numbers = _strength_words(strength)
        if (
            (own and len(own & stems) >= min(2, len(own)))
            or len(proof & stems) >= 3
            or proof_numbers & numbers
        ):
            hits.append(strength.text)
    return hits


def cites_strength(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Brings in a strength: one of the profile's, or something the answer says you did."""
    worth = 10
    hits = _strength_hits(draft.stems, _numbers(draft.slots), draft.strengths)
    did = any(s.did for s in draft.slots)
    passed = bool(hits) or did
    if hits:
        tip = f"You bring in your strength: {hits[0]}."
    elif passed:
        tip = "You point to something you have done."
    elif hidden := _hidden(draft, lambda s: s.did, "strength"):
        tip = hidden
    elif draft.strengths:
        tip = (
            "Bring in one of your strengths: "
            + ", ".join(s.text for s in draft.strengths[:3])
            + "."
        )
    else:
        tip = "Name a strength of yours and something you did with it."
    return _check("response.strength", "Cites a strength", passed, tip, worth, worth)


_FIRST_PERSON = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we've", "our", "us"}
)


def _proves(slot: Slot, phrases: ResponsePhrases) -> bool:
    """Whether a sentence proves something of yours.

    A result ("cut", "promoted", "under budget") counts anywhere; a number only in a sentence
    about you or your team that is not a question ("where do people go after two years?").
    """
    if "results" in slot.merits:
        return True
    return (
        not slot.question and bool(slot.said & _FIRST_PERSON) and t.has_number(" ".join(slot.said))
    )


def gives_evidence(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Proves it: a number, a result, or a concrete example of something you did."""
    worth = 10
    example = any("examples" in s.merits for s in draft.slots)
    passed = any(_proves(slot, phrases) for slot in draft.judged) or (
        example and any(s.did for s in draft.slots)
    )
    if passed:
        tip = "Concrete: a number, a result or an example makes it believable."
    else:
        tip = _hidden(draft, lambda s: _proves(s, phrases), "proof") or (
            "Prove it: a number (hours saved, % improved, team size), a result, or one example."
        )
    return _check("response.evidence", "Gives evidence", passed, tip, worth, worth)


def points_at_concern(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Joins the two: one sentence with the concern's words and your experience or proof."""
    worth = 5
    passed = any(
        any(concern_hits(draft, [slot]))
        and (
            slot.did
            or _proves(slot, phrases)
            or _strength_hits(slot.stems, _numbers([slot]), draft.strengths)
        )
        for slot in draft.judged
    )
    tip = (
        "You tie your experience directly to what they asked about."
        if passed
        else "Join the two in one sentence: your strength, applied to their concern."
    )
    return _check(
        "response.points-at-concern",
        "Points the strength at the concern",
        passed,
        tip,
        worth,
        worth,
    )


def no_blame(draft: Draft, phrases: ResponsePhrases) -> Check:
    """No blame of a former boss, company or colleagues, and no complaint about the last job."""
    worth = 10
    found = draft.spans("blame", "negative")
    passed = not found and draft.substance > 0
    if found:
        tip = f'Drop "{found[0].text}": blame makes them wonder what you\'d say about them.'
    else:
        tip = "No blame and no complaints: you stay professional about the past."
    return _check("response.no-blame", "No blame", passed, tip, _earned(draft, worth), worth, found)


def calm(draft: Draft, phrases: ResponsePhrases) -> Check:
    """No arguing with the concern and no waving it away."""
    worth = 5
    found = draft.spans("defensive", "dismissive")
    passed = not found and draft.substance > 0
    tip = (
        f'Drop "{found[0].text}": arguing with a concern, or brushing it off, confirms it.'
        if found
        else "No arguing: you stay curious and constructive."
    )
    return _check(
        "response.not-defensive",
        "No defensive phrasing",
        passed,
        tip,
        _earned(draft, worth),
        worth,
        found,
    )


def hedge_allowance(draft: Draft) -> int:
    """Hedges forgiven: one in every fifty words of substance."""
    return draft.substance // 50


def confident(draft: Draft, phrases: ResponsePhrases) -> Check:
    """No apology or self-undermining, and little hedging or filler."""
    worth = 5
    undermining = draft.spans("undermining")
    passed = not undermining and len(draft.hedges) <= hedge_allowance(draft) and draft.substance > 0
    if undermining:
        tip = f'Drop "{undermining[0].text}": don\'t apologise for yourself or plead.'
    elif draft.hedges and not passed:
        listed = ", ".join(f'"{h.text}"' for h in draft.hedges[:3])
        tip = f"Cut the hedging and filler ({listed}): say it plainly."
    else:
        tip = "Plain and confident, with no hedging."
    spans = tuple(sorted(undermining + draft.hedges, key=lambda s: s.start))
    return _check(
        "response.confident",
        "Confident, no hedging",
        passed,
        tip,
        _earned(draft, worth),
        worth,
        spans,
    )


def specific(draft: Draft, phrases: ResponsePhrases) -> Check:
    """No cliché every candidate says ("hard worker", "team player", "no weaknesses")."""
    worth = 5
    found = draft.spans("cliche")
    passed = not found and draft.substance > 0
    tip = (
        f'Replace "{found[0].text}" with something you did: everyone says it.'
        if found
        else "Your own words, not a cliché."
    )
    return _check(
        "response.specific", "No clichés", passed, tip, _earned(draft, worth), worth, found
    )


def focused(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Says each thing once: no sentence said again, no list of keywords."""
    worth = 5
    stuffed = draft.spans("stuffing")
    repeats = sum(1 for s in draft.sentences if s.duplicate) or draft.repeated
    passed = not stuffed and not repeats and draft.substance > 0
    if stuffed:
        tip = "Say it in sentences: a list of the concern's words answers nothing."
    elif repeats:
        tip = "Say each thing once: repeating it adds time, not weight."
    else:
        tip = "Each point made once."
    return _check(
        "response.focused",
        "Says each thing once",
        passed,
        tip,
        _earned(draft, worth),
        worth,
        stuffed,
    )


def fits_length(draft: Draft, phrases: ResponsePhrases) -> Check:
    """A length that fits the kind of concern: room to make the case, not to ramble."""
    worth = 10
    low, high = draft.kind.min_words, draft.kind.max_words
    seconds = draft.spoken * 60 / t.WORDS_PER_MINUTE
    aim = f"aim {low}-{high} words here"
    if draft.substance < low:
        points = worth * draft.substance // low
        tip = f"About {seconds:.0f} seconds: say a little more, {draft.kind.need} ({aim})."
        return Check("Fits the concern: length", False, tip, points, worth, (), "response.length")
    if draft.spoken > high:
        points = worth // 2 if draft.spoken <= high * 6 // 5 else 0
        tip = f"About {seconds:.0f} seconds: cut to the one strongest example ({aim})."
        return Check("Fits the concern: length", False, tip, points, worth, (), "response.length")
    tip = f"About {seconds:.0f} seconds aloud: room to make the point, not to ramble."
    return Check("Fits the concern: length", True, tip, worth, worth, (), "response.length")


def ends_forward(draft: Draft, phrases: ResponsePhrases) -> Check:
    """Ends looking forward: what you'd bring, this role, the next step, or a question back."""
    worth = 10
    ending = draft.slots[-2:]
    passed = any("forward" in s.merits for s in ending) or (bool(ending) and ending[-1].question)
    tip = (
        "You finish on what comes next: what you'd bring, or a question back."
        if passed
        else "Finish forward: what you'd bring to this role, or ask about the next step."
    )
    return _check("response.ends-forward", "Ends looking forward", passed, tip, worth, worth)


CHECKS: tuple[CheckFn, ...] = (
    acknowledges,
    answers_concern,
    cites_strength,
    gives_evidence,
    points_at_concern,
    no_blame,
    calm,
    confident,
    specific,
    focused,
    fits_length,
    ends_forward,
)
"""Every check, in the order the panel lists them; their points add up to 100."""
