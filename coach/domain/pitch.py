"""Judging a pitch response: what the user says after the interviewer gives feedback.

The seed article's advice: take the feedback, highlight your strengths again, and skew the
pitch toward what you just heard. Coaching sources add: acknowledge it without getting
defensive, answer the specific concern, prove the strength with evidence, keep it to 30-90
seconds, and end on what you would bring. Each is a check below; the points add up to 100.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from coach.domain import text as t
from coach.domain.assessment import Assessment, Check, Span
from coach.domain.cards import FeedbackCard
from coach.domain.models import Strength

ACK_POINTS = 10
CONCERN_POINTS = 15
STRENGTH_POINTS = 15
EVIDENCE_POINTS = 10
LINK_POINTS = 10
DEFENSIVE_POINTS = 10
HEDGING_POINTS = 10
LENGTH_POINTS = 10
FORWARD_POINTS = 10
EXTRA_DEFENSIVE_PENALTY = 5
"""Taken off the score for each defensive phrase after the first."""

MIN_WORDS, MAX_WORDS = 75, 225
"""30-90 seconds at 150 words a minute."""
NEAR_MIN_WORDS, NEAR_MAX_WORDS = 55, 260
"""Close enough for half the length points."""

DEFENSIVE = t.phrase_pattern(
    t.phrases(
        """
but actually, i disagree, i don't agree, i do not agree, that's not true, that is not true, that
isn't true, to be fair, with all due respect, you're wrong, you are wrong, that's not fair,
that's unfair, you misunderstood, you must have misunderstood, that's not right, that's not
accurate, that isn't accurate, i already said, as i said, i'd push back, i
would push back, i'll push back, in my defense, in my defence, not my fault, i don't see it as
an issue, i don't see why that matters, that's not a fair, that wasn't listed, wasn't really
listed, it wasn't in the posting, it wasn't in the job description, i don't think that's fair, i
don't think that's true, frankly, obviously you
"""
    )
)
UNDERMINING = t.phrase_pattern(
    t.phrases(
        """
sorry, i apologise, i apologize, i know i'm not, i know i am not, i'm not the most, i am not the
most, i'm probably not, i am probably not, i'm not really, i'm not very, i'm not great, i'm not
good at, i'd understand if, i would understand if, i totally understand if, i understand if
that's, i'd try to, i would try to, i'll try to, i'd do my best, i'll do my best, weak spot, i'm
not sure i, i'm not qualified, puts me behind, i'm behind, i lack, to be honest, i've only
played
"""
    )
)
HEDGES = t.phrase_pattern(
    t.phrases(
        """
i think maybe, i guess, kind of, sort of, just, um, uh, erm, maybe, perhaps, probably, i feel
like, you know, basically, a little bit, somewhat, i mean, like i said, or something, stuff like
that, and stuff, and so on, i suppose, more or less, anyway
"""
    )
)
ACKNOWLEDGE = t.phrase_pattern(
    t.phrases(
        """
that's fair, that is fair, fair point, fair question, fair observation, fair concern, a fair,
good point, great point, good question, i appreciate, thank you, thanks, i understand, i hear
you, that makes sense, makes sense, you're right, you are right, that's right, i can see why, i
see why, i understand why, i get that, understood, that's helpful, that's useful, that's good to
hear, good to hear, glad to hear, that's a reasonable, reasonable concern, reasonable question,
valid point, valid concern, it's true, that's true, true,, absolutely, i agree, honest feedback,
for sharing, for the feedback, for being candid, for being direct, for your candour, for your
candor, i'm glad, i am glad, appreciate you
"""
    )
)
FORWARD = t.phrase_pattern(
    t.phrases(
        """
next step, next steps, first month, first months, first weeks, first few weeks, first couple of
months, first 30 days, first 60 days, first 90 days, first quarter, first year, in my first,
from day one, from the first, from the start, i'd bring, i would bring, i'll bring, i can bring,
i'd love to, i would love to, i look forward, looking forward, excited to, eager to, keen to,
i'd start, i would start, i'll start, i'd focus, i would focus, i plan to, my plan, i aim to,
i'd aim, i would aim, i'd expect to, contribute, contributing, hit the ground running, ramp up,
if i joined, when i join, once i join, if i join, if you hire me, in this role, on your team,
for your team, to your team, what would, how would, would it help, would you like, happy to, i'd
set up, i'd learn, i'd pair, i'd be ready, i'd make, i'd use, i'd apply, i'd build, i'd get, i'd
take, i'd sit down, i'd deliver, i'd be able, i'd want to, i'd like to, i would like to, i'd
welcome, i would welcome, before my start, by the end of, going forward, from here
"""
    )
)
_EXPERIENCE = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:led|built|managed|ran|created|designed|delivered|launched|"
    r"owned|grew|cut|reduced|increased|improved|trained|mentored|taught|automated|wrote|"
    r"developed|implemented|migrated|negotiated|handled|shipped|introduced|redesigned|"
    r"rebuilt|organised|organized|coordinated|presented|closed|won|saved|raised|resolved|"
    r"set up|started|founded|scaled|supported|coached|hired|used|worked|spent|became|"
    r"completed|earned|achieved|drove|oversaw|headed|took over|turned around)\b"
    r"|\b(?:in|at)\s+my\s+(?:last|previous|current|prior|first|old)\s+(?:role|job|position|"
    r"company|team|employer)\b"
    r"|\bfor\s+(?:example|instance)\b|\bone\s+example\b|\bwhen\s+i\b"
    r"|\bi\s+(?:have|['\u2019]ve)\s+(?:spent|worked|led|managed|built|used|been)\b",
    re.IGNORECASE,
)
_TEMPLATE_WORDS = frozenset({"little"})
"""Words of a tailored card's own wording ("little hands-on ..."): matched, never suggested."""
_GENERIC_TERMS = t.content_stems(
    "background candidate candidates role team think hear heard want wanted like looking "
    "bit really see strong good great solid still you've haven't didn't mostly described "
    "mainly works anything list hoping hands-on something somebody someone things thing "
    "seems seemed feel felt might probably need needs needed sure whether people company "
    "position job today conversation answers answer talk talked"
)

FeedbackLike = FeedbackCard | str | Mapping[str, Any]
StrengthLike = Strength | str | Mapping[str, Any]


def _concern_terms(feedback: FeedbackLike) -> tuple[str, str, tuple[str, ...]]:
    """The feedback text, the concern, and the terms a response should address."""
    if isinstance(feedback, FeedbackCard):
        said, concern, terms = feedback.feedback, feedback.concern, feedback.terms
    elif isinstance(feedback, str):
        said, concern, terms = feedback, "", ()
    else:
        said = str(feedback.get("feedback", ""))
        concern = str(feedback.get("concern", ""))
        raw_terms = feedback.get("terms", ())
        terms = tuple(str(x) for x in raw_terms) if isinstance(raw_terms, list | tuple) else ()
    derived = tuple(sorted(t.content_stems(f"{concern} {said}") - _GENERIC_TERMS))
    return said, concern, tuple(dict.fromkeys((*terms, *derived)))


def _strength_of(item: StrengthLike) -> Strength:
    if isinstance(item, Strength):
        return item
    if isinstance(item, str):
        return Strength(item)
    return Strength(str(item.get("text", "")), str(item.get("evidence", "")))


def _strength_hits(stems: set[str], response: str, strengths: Iterable[Strength]) -> list[str]:
    """The strengths the response draws on: by their words, or by their evidence's numbers."""
    hits = []
    numbers = set(re.findall(r"\d+(?:\.\d+)?", response))
    for strength in strengths:
        own = t.content_stems(strength.text)
        proof = t.content_stems(strength.evidence)
        proof_numbers = set(re.findall(r"\d+(?:\.\d+)?", strength.evidence))
        if (
            (own and len(own & stems) >= max(1, min(2, len(own) // 2)))
            or len(proof & stems) >= 3
            or proof_numbers & numbers
        ):
            hits.append(strength.text)
    return hits


def _check(
    name: str,
    passed: bool,
    good: str,
    fix: str,
    points: int,
    worth: int,
    spans: tuple[Span, ...] = (),
) -> Check:
    return Check(name, passed, good if passed else fix, points, worth, spans)


def assess_pitch(
    response: str,
    feedback: FeedbackLike,
    strengths: Iterable[StrengthLike] = (),
) -> Assessment:
    """Score a pitch response to interviewer feedback, 0-100, with a tip per check.

    Defensive phrases are judged on the full text and every other check on the text with
    them taken out, so adding one can only lower the score. Only the first
    ``MAX_COACHED_WORDS`` words are read (``coached_up_to`` says where it stopped): a good
    response has under 250.

    Args:
        response: What the user would say.
        feedback: What the interviewer said: a ``FeedbackCard``, plain text, or a mapping with
            ``feedback`` and optionally ``concern`` and ``terms``.
        strengths: The user's strengths (``Strength``, text, or a mapping with ``text`` and
            ``evidence``). Without them, any concrete first-person experience counts.

    Returns:
        The score and nine checks, in a fixed order.
    """
    response, cut = t.coached_part(response)
    own_strengths = [_strength_of(s) for s in strengths]
    defensive = t.find(DEFENSIVE, response)
    clean, defensive_count = t.remove(DEFENSIVE, response)
    stems = t.content_stems(clean)
    parts = t.sentences(clean)
    _, concern, terms = _concern_terms(feedback)
    count = t.word_count(clean)

    opening = " ".join(parts[:2])
    acknowledged = bool(ACKNOWLEDGE.search(opening))
    ack = _check(
        "Acknowledges the feedback",
        acknowledged,
        "You take the feedback on board before you answer it.",
        'Open by taking it on board: "That\'s a fair point", "I appreciate you saying that."',
        ACK_POINTS if acknowledged else 0,
        ACK_POINTS,
    )

    matched = t.any_stem_in(stems, terms)
    need = 1 if len(terms) < 4 else 2
    addresses = len(matched) >= need
    about = f" ({concern})" if concern else ""
    # Matching uses stems ("kubernet"); the tips show the feedback's own words for them, so
    # they never show the user a stem.
    said_words = dict.fromkeys(t.words(" ".join(_concern_terms(feedback)[:2]).lower()))

    def in_words(stems: Sequence[str]) -> list[str]:
        wanted = set(stems)
        return [
            w
            for w in said_words
            if (w in wanted or t.stem(w) in wanted) and w not in _TEMPLATE_WORDS
        ]

    examples = in_words(terms)
    concern_check = _check(
        "Addresses the concern",
        addresses,
        f"You answer the concern itself: {', '.join(in_words(matched)[:4] or matched[:4])}.",
        f"Answer the concern itself{about}: use its words"
        + (f", e.g. {', '.join(examples[:4])}." if examples else "."),
        CONCERN_POINTS if addresses else 0,
        CONCERN_POINTS,
    )

    if own_strengths:
        hits = _strength_hits(stems, clean, own_strengths)
        cited = bool(hits)
        strength_good = f"You bring in your strength: {hits[0]}." if hits else ""
        strength_fix = (
            "Bring in one of your strengths: " + ", ".join(s.text for s in own_strengths[:3]) + "."
        )
    else:
        cited = bool(_EXPERIENCE.search(clean))
        strength_good = "You point to something you have done."
        strength_fix = "Name a strength of yours and something you did with it."
    strength = _check(
        "Cites a strength",
        cited,
        strength_good,
        strength_fix,
        STRENGTH_POINTS if cited else 0,
        STRENGTH_POINTS,
    )

    proven = t.has_number(clean) or bool(
        re.search(r"\bfor (?:example|instance)\b|\bone example\b", clean, re.I)
        and _EXPERIENCE.search(clean)
    )
    evidence = _check(
        "Gives evidence",
        proven,
        "Concrete: a number or an example makes the strength believable.",
        "Prove it: a number (hours saved, % improved, team size) or one concrete example.",
        EVIDENCE_POINTS if proven else 0,
        EVIDENCE_POINTS,
    )

    linked = False
    if matched:
        matched_stems = {t.stem(w) for term in matched for w in t.words(term)}
        for sentence in parts:
            sentence_stems = t.content_stems(sentence)
            if matched_stems & sentence_stems and (
                t.has_number(sentence)
                or _EXPERIENCE.search(sentence)
                or (own_strengths and _strength_hits(sentence_stems, sentence, own_strengths))
            ):
                linked = True
                break
    link = _check(
        "Points the strength at the concern",
        linked,
        "You tie your experience directly to what they asked about.",
        "Join the two in one sentence: your strength, applied to their concern.",
        LINK_POINTS if linked else 0,
        LINK_POINTS,
    )

    calm = _check(
        "No defensive phrasing",
        not defensive_count,
        "No arguing: you stay curious and constructive.",
        f'Drop "{defensive[0].text if defensive else "that"}": arguing with feedback confirms it.',
        0 if defensive_count else DEFENSIVE_POINTS,
        DEFENSIVE_POINTS,
        defensive,
    )

    undermining = t.find(UNDERMINING, clean)
    hedges = t.find(HEDGES, clean)
    allowance = count // 100
    steady = not undermining and len(hedges) <= allowance
    if undermining:
        steady_fix = f'Drop "{undermining[0].text}": don\'t apologise for your background.'
    else:
        listed = ", ".join(f'"{h.text}"' for h in hedges[:3])
        steady_fix = f"Cut the hedging and filler ({listed}): say it plainly."
    steady_check = _check(
        "Little hedging or filler",
        steady,
        "Plain and confident, with no hedging.",
        steady_fix,
        HEDGING_POINTS if steady else 0,
        HEDGING_POINTS,
        # Spans index the user's own text, so they are found there, not in ``clean``.
        t.find(UNDERMINING, response) + t.find(HEDGES, response),
    )

    seconds = t.spoken_seconds(clean)
    in_range = MIN_WORDS <= count <= MAX_WORDS
    near = NEAR_MIN_WORDS <= count <= NEAR_MAX_WORDS
    if in_range:
        length_tip = f"About {seconds:.0f} seconds aloud: room to make the point, not to ramble."
    elif count < MIN_WORDS:
        length_tip = (
            f"About {seconds:.0f} seconds: add the evidence and what you'd bring (aim 30-90 s)."
        )
    elif cut:
        length_tip = (
            f"Over {t.MAX_COACHED_WORDS:,} words: cut to the one strongest example (aim 30-90 s)."
        )
    else:
        length_tip = f"About {seconds:.0f} seconds: cut to the one strongest example (aim 30-90 s)."
    length = Check(
        "Concise: 30-90 seconds",
        in_range,
        length_tip,
        LENGTH_POINTS if in_range else LENGTH_POINTS // 2 if near else 0,
        LENGTH_POINTS,
    )

    ending = " ".join(parts[-2:])
    forward = bool(FORWARD.search(ending))
    forward_check = _check(
        "Ends looking forward",
        forward,
        "You finish on what you would bring, or the next step.",
        "Finish forward: what you'd do in the first months, or ask about the next step.",
        FORWARD_POINTS if forward else 0,
        FORWARD_POINTS,
    )

    checks = (
        ack,
        concern_check,
        strength,
        evidence,
        link,
        calm,
        steady_check,
        length,
        forward_check,
    )
    penalty = EXTRA_DEFENSIVE_PENALTY * max(0, defensive_count - 1)
    score = max(0, sum(c.points for c in checks) - penalty)
    assessed = Assessment(score, checks, len(response) if cut else None)
    return t.unvouched(assessed, (calm.name, steady_check.name))  # a cut text's rest is unread
