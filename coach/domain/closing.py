"""Judging the user's phrasing of the closing question.

The seed article's question is "Now that we've had a chance to talk, how does my background
measure up to the requirements of the job? To the other candidates?" It works because it asks
for feedback on fit, opens a door to re-pitch, and asks about the competition, politely and
briefly. Each check below is one of those qualities; the points add up to 100.
"""

from __future__ import annotations

import re
from dataclasses import replace

from coach.domain import text as t
from coach.domain.assessment import Assessment, Check

# Points per check; they add up to 100.
FIT_POINTS = 30
COMPETITION_POINTS = 20
OPEN_POINTS = 15
COURTESY_POINTS = 10
CONFIDENT_POINTS = 15
LENGTH_POINTS = 5
CRISP_POINTS = 5
OFF_PURPOSE_SHARE = 0.5
"""A question that asks neither about your fit nor the competition ("What's the salary?") is
not the closing question, however well formed: its other checks earn this share of points."""

MIN_WORDS = 8
MAX_SECONDS = 18.0
""""About 15 seconds": up to a fifth over is still about."""

_ABOUT_ME = t.phrase_pattern(
    t.phrases(
        """
my background, my experience, my skills, my skill set, my qualifications, my profile, my fit, my
strengths, my track record, my abilities, my career, my resume, my cv, i fit, i match, i meet, i
measure up, i stack up, i compare, i line up, i stand, about me, of me, my answers, my
application, i'm a fit, i am a fit, my candidacy, recommending me, hiring me, i haven't, i have
not, i've said, i wouldn't, i might not, i could address, i can address, i could clarify, i
could expand, i've answered, i answered, i've covered, i covered, i've shown, i've demonstrated,
see me, from me, me against, am i, how close am i, i'm the right, i am the right, would be my, i'd
need, i would need
"""
    )
)
_REQUIREMENTS = t.phrase_pattern(
    t.phrases(
        """
requirements, requirement, the role, this role, the job, this job, the position, this position,
the team, what you need, what you're looking for, what you are looking for, looking for, the
needs, needs, criteria, expectations, the opening, ideal candidate, what the role requires,
requires, the brief, job description, must-haves, fit for, a fit, good fit, strong fit, gaps,
gap, match, measure up, line up, lines up
"""
    )
)
_CONCERNS = t.phrase_pattern(
    t.phrases(
        """
concerns, concern, reservations, reservation, hesitations, hesitation, doubts, doubt, give you
pause, gives you pause, worries, worry, hold you back, reason i wouldn't, reason not to, missing,
haven't covered, haven't demonstrated, haven't shown, clarify, expand on, more detail, weaknesses,
weak spots, gaps, gap, improve, develop, strongest, stand out, stands out, hoping to hear,
confident recommending, assess, judge, evaluate, challenge, biggest challenge, support with,
right person, be sure, need to see, successful hires, in common, close
"""
    )
)
_COMPETITION = t.phrase_pattern(
    t.phrases(
        """
other candidates, other applicants, the other finalists, other finalists, candidate pool, other
people, others you've met, others you have met, others you've interviewed, others you're
considering, the rest of the candidates, rest of the candidate pool, competition, competitive,
the field, against others, compared with others, compared to others, compare with, compare to,
compares with, compares to, compared with, compared to, stack up against, the other people,
people you've met, people you're considering, people you've interviewed, other interviewees, the
shortlist
"""
    )
)
_COURTESY = t.phrase_pattern(
    t.phrases(
        """
now that, having talked, having heard, having discussed, before we wrap up, before we finish,
before i go, as we finish, as we wrap up, as we close, thank you, thanks, i've enjoyed, i have
enjoyed, i appreciate, it's been great, it has been great, based on our conversation, based on
what we've discussed, from our conversation, given what we've discussed, from what we've
discussed, from what you've heard, from what you have heard, given what you've heard, if you
don't mind, i'd love to, i would love to, i'd like to ask, may i ask, could i ask, one last
question, out of curiosity, from your perspective, thinking about, at this stage, i'm curious, i
am curious, please
"""
    )
)
_UNDERMINING = t.phrase_pattern(
    t.phrases(
        """
i know i'm not, i know i am not, i'm probably not, i am probably not, i'm not the most, i am not
the most, i'm not the best, i'm not the strongest, i probably didn't, i didn't do well, i didn't
do very well, i messed up, i rambled, i'm sure you've met people with more, i'm sure you have
met people with more, sorry, i'm not really qualified, i'm not qualified, i'm underqualified, i
lack, i totally understand if i'm not, were better than me, are better than me, better than me,
i blew it, i bombed
"""
    )
)
_INVITATION = re.compile(
    # Yes/no in form, but an invitation to voice doubts about you: coaches recommend these.
    r"^\s*(?:[^,?]*,\s*)?(?:(?:is|are)\s+there\s+(?:anything|any\s+\w+|a\s+\w+)|do\s+you\s+(?:see|have|feel)\s+"
    r"any|have\s+i\s+(?:answered|covered|given|shown|told)|would\s+you\s+have\s+any)",
    re.IGNORECASE,
)
_CLOSED_START = re.compile(
    r"^\s*(?:[^,?]*,\s*)?(?:so,?\s+|well,?\s+|and\s+|ok(?:ay)?,?\s+)?(did|do|does|am|is|are|was|were|will|"
    r"have|has|can|should|shall)\b",
    re.IGNORECASE,
)
_POLITE_REQUEST = re.compile(
    r"^\s*(?:so,?\s+)?(?:(?:would|could|can|will)\s+you\s+(?:please\s+)?(?:share|tell|say|"
    r"describe|walk|give|explain|help|let me know|comment|outline|talk)"
    # Yes/no in form, but career coaches teach them as invitations to voice doubts.
    r"|(?:do|would|did)\s+you\s+have\s+any\s+(?:concerns|reservations|hesitations|doubts)"
    r"|(?:is|are)\s+there\s+(?:anything|any\s+areas|any\s+gaps|any\s+concerns)\s+"
    r"(?:about|in|where|that)\b)",
    re.IGNORECASE,
)
_FILLER = t.phrase_pattern(
    t.phrases(
        """
um, uh, er, erm, kind of, sort of, just, i guess, i think maybe, you know, basically, i was
wondering, i was just wondering, i don't know, anyway
"""
    )
)
_OPEN_WORD = re.compile(r"\b(how|what|where|which|why|in what way|to what extent)\b", re.I)
_CLOSED_TAG = re.compile(
    r"\b(right|correct|yes or no|or not|didn't i|did i|weren't they|wasn't it|isn't it|"
    r"tomorrow)\s*\?\s*$",
    re.IGNORECASE,
)


def _questions(text: str) -> list[str]:
    """The sentences of ``text`` that are questions (all of it if none ends with "?")."""
    asked = [s for s in t.sentences(text) if s.rstrip().endswith("?")]
    return asked or t.sentences(text)


def _is_closed(sentence: str) -> bool:
    if _POLITE_REQUEST.search(sentence):
        return False
    if _INVITATION.search(sentence) and (_ABOUT_ME.search(sentence) or _CONCERNS.search(sentence)):
        return False
    return bool(_CLOSED_TAG.search(sentence) or _CLOSED_START.search(sentence))


def _is_open(questions: list[str]) -> bool:
    """Open when some question asks how/what/which (or politely asks them to share) and none
    is a yes/no. A fragment such as "To the other candidates?" continues the one before it."""
    if not questions or any(_is_closed(q) for q in questions):
        return False
    return any(
        _OPEN_WORD.search(q) or _POLITE_REQUEST.search(q) or _INVITATION.search(q)
        for q in questions
    )


def _confidence_check(text: str) -> Check:
    undermining = t.find(_UNDERMINING, text)
    if undermining:
        return Check(
            "Does not undermine you",
            False,
            f'Drop "{undermining[0].text}": ask as a peer, and let them judge your fit.',
            0,
            CONFIDENT_POINTS,
            undermining,
        )
    return Check(
        "Does not undermine you",
        True,
        "Confident: you ask as a peer, without apologising.",
        CONFIDENT_POINTS,
        CONFIDENT_POINTS,
    )


def assess_closing_question(text: str) -> Assessment:
    """Score a phrasing of the closing question, 0-100, with a tip per check.

    Undermining phrases are judged on the full text, and every other check on the text with
    them taken out, so adding "I know I'm not the most qualified, but" can only lower a score.
    Only the first ``MAX_COACHED_WORDS`` words are read (``coached_up_to`` says where it
    stopped): a question is about 40.

    Args:
        text: The question as the user would say it.

    Returns:
        The score and seven checks: fit to the requirements, comparison with other candidates,
        open question, courteous transition, no self-undermining, about 15 seconds, no filler.
    """
    text, cut = t.coached_part(text)
    confident = _confidence_check(text)
    clean, _ = t.remove(_UNDERMINING, text)
    asked = " ".join(_questions(clean))
    lowered = asked.lower()

    about_fit = bool(_ABOUT_ME.search(lowered)) and bool(
        _REQUIREMENTS.search(lowered) or _CONCERNS.search(lowered)
    )
    fit = Check(
        "Asks how you fit the requirements",
        about_fit,
        "Asks how your background measures up to what the job needs."
        if about_fit
        else 'Ask how your background fits the job: "how does my experience measure up to '
        'the requirements?"',
        FIT_POINTS if about_fit else 0,
        FIT_POINTS,
    )
    compares = bool(_COMPETITION.search(lowered))
    competition = Check(
        "Asks how you compare with other candidates",
        compares,
        "Asks about the competition, so you learn where you stand."
        if compares
        else 'Add "...and to the other candidates?" to learn where you stand.',
        COMPETITION_POINTS if compares else 0,
        COMPETITION_POINTS,
    )
    questions = _questions(clean)
    is_open = bool(asked.strip()) and _is_open(questions)
    openness = Check(
        "Open, not yes/no",
        is_open,
        "Open: it invites a real answer, not a yes or no."
        if is_open
        else 'Start with "how" or "what": "Did I get the job?" invites a one-word brush-off.',
        OPEN_POINTS if is_open else 0,
        OPEN_POINTS,
    )
    polite = bool(_COURTESY.search(clean))
    courtesy = Check(
        "Courteous transition",
        polite,
        "A courteous lead-in makes the question feel natural."
        if polite
        else 'Lead in gently: "Now that we\'ve had a chance to talk, ..."',
        COURTESY_POINTS if polite else 0,
        COURTESY_POINTS,
    )
    count = t.word_count(clean)
    seconds = t.spoken_seconds(clean)
    fits_time = count >= MIN_WORDS and seconds <= MAX_SECONDS
    if fits_time:
        length_tip = f"About {seconds:.0f} seconds aloud: easy to say and to hear."
    elif count < MIN_WORDS:
        length_tip = "Too short to do its job: name your background and the requirements."
    elif cut:
        length_tip = f"Over {t.MAX_COACHED_WORDS:,} words: trim it to about 15 seconds aloud."
    else:
        length_tip = f"About {seconds:.0f} seconds aloud; trim it to about 15 ({count} words)."
    length = Check(
        "About 15 seconds to say",
        fits_time,
        length_tip,
        LENGTH_POINTS if fits_time else 0,
        LENGTH_POINTS,
    )
    filler = t.find(_FILLER, clean)
    crisp = Check(
        "Crisp, without filler",
        not filler,
        "Crisp: no filler words."
        if not filler
        else f'Cut the filler ("{filler[0].text}"): a crisp question sounds confident.',
        0 if filler else CRISP_POINTS,
        CRISP_POINTS,
        t.find(_FILLER, text),  # spans index the user's own text
    )
    checks: tuple[Check, ...] = (fit, competition, openness, courtesy, confident, length, crisp)
    if not (about_fit or compares):
        checks = (fit, competition, *(_off_purpose(c) for c in checks[2:]))
    assessed = Assessment(sum(c.points for c in checks), checks, len(text) if cut else None)
    return t.unvouched(assessed, (confident.name, crisp.name))  # a cut text's rest is unread


def _off_purpose(check: Check) -> Check:
    """The check with its points cut, and a tip that says why."""
    if not check.points:
        return check
    return replace(
        check,
        points=int(check.points * OFF_PURPOSE_SHARE),
        tip=check.tip + " (Half points: first ask how you measure up.)",
    )
