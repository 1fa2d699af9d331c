"""Judging the user's phrasing of the closing question by what it does.

The seed article's question is "Now that we've had a chance to talk, how does my background
measure up to the requirements of the job? To the other candidates?" It works because it asks
for their view of your fit (so you learn a doubt while you can still answer it), asks where you
stand against the field, and does so openly, politely, confidently and briefly. Career coaches
recommend the same move in many wordings ("Do you have any reservations about my fit?", "What
would the ideal candidate have that I don't?"), recommend other good closing questions (the next
steps, success in the role, the team) and warn against a few classic closes: asking for the job,
perks, asking to be reassured, what a minute's research answers, declining to ask, talking
yourself down, filler, a speech instead of a question.

Each check below is one of those qualities, read from phrases and the form of the sentences
(``coach.domain.closing_reading``), never from closeness to the seed's words. The phrases are in
``data/phrases/closing.json``. Each fault a coach would call serious (a classic bad close, talking
yourself down, heavy hedging, a speech, saying it twice, a list of key words, asking nothing that
helps you) halves what the other checks earn, so no length, repetition or key word buys points.
"""

from __future__ import annotations

from dataclasses import replace

from coach.domain import packaged
from coach.domain import text as t
from coach.domain.assessment import Assessment, Check
from coach.domain.closing_phrases import ClosingPhrases
from coach.domain.closing_reading import HEAVY_FILLER, Reading, read

# Points per check; they add up to 100.
FIT_POINTS = 35
OTHER_PURPOSE_POINTS = 15
"""A good question that serves another purpose (the next steps, the team) earns this much of
the fit check: a good question, not yet the seed's."""
INTEREST_POINTS = 12
"""Saying you want the job, without a question, earns this much of it."""
COMPETITION_POINTS = 7
CLEAN_POINTS = 20
OPEN_POINTS = 10
CONFIDENT_POINTS = 10
BRIEF_POINTS = 7
CRISP_POINTS = 8
FILLER_COST = 3
"""Crisp points lost per filler word."""
COURTESY_POINTS = 3

MAX_WORDS = 45
""""About 15 seconds" at 150 words a minute is 37 words; up to a fifth over is still about."""
FLOOR_SHARE = 0.125
"""However many faults, the checks passed keep at least this share of their points."""

FIT_EXAMPLE = '"...and how does my background measure up to what you need?"'
COMPETITION_EXAMPLE = '"...and how do I compare with the other candidates?"'


def fit_check(reading: Reading) -> Check:
    """Asks how you measure up: the seed's first and main purpose."""
    name = "Asks how you measure up"
    if reading.fit:
        return Check(
            name,
            True,
            "Asks how you measure up, so you hear a doubt while you can still answer it.",
            FIT_POINTS,
            FIT_POINTS,
            id="question.fit-feedback",
        )
    if reading.others:
        about = " and ".join(p.about for p in reading.others[:2])
        return Check(
            name,
            False,
            f"A good question about {about}. To learn where you stand too, add {FIT_EXAMPLE}",
            OTHER_PURPOSE_POINTS,
            FIT_POINTS,
            id="question.fit-feedback",
        )
    if reading.interest:
        return Check(
            name,
            False,
            "Saying you want the job is good; now ask how you measure up: "
            '"how does my background fit what you need?"',
            INTEREST_POINTS,
            FIT_POINTS,
            id="question.fit-feedback",
        )
    return Check(
        name,
        False,
        'Ask how you measure up: "how does my background fit the requirements of the job?"',
        0,
        FIT_POINTS,
        id="question.fit-feedback",
    )


def competition_check(reading: Reading) -> Check:
    """Asks how you compare with the other candidates (or the one they have in mind)."""
    return Check(
        "Asks how you compare with the field",
        reading.competition,
        "Asks about the competition, so you learn where you stand."
        if reading.competition
        else f"Add {COMPETITION_EXAMPLE} to learn where you stand.",
        COMPETITION_POINTS if reading.competition else 0,
        COMPETITION_POINTS,
        id="question.competition",
    )


def clean_check(reading: Reading) -> Check:
    """None of the classic bad closes: asking for the job, perks, reassurance, what research
    answers, declining to ask, presumption, a red flag."""
    name = "Nothing that counts against you"
    if not reading.faults:
        return Check(
            name,
            True,
            "Nothing that counts against you: no perks, no verdict, no fishing for praise.",
            CLEAN_POINTS,
            CLEAN_POINTS,
            id="question.no-bad-close",
        )
    fault, _ = reading.faults[0]
    more = f" (and {len(reading.faults) - 1} more)" if len(reading.faults) > 1 else ""
    return Check(
        name,
        False,
        fault.tip + more,
        0,
        CLEAN_POINTS,
        tuple(span for _, found in reading.faults for span in found),
        id="question.no-bad-close",
    )


def open_check(reading: Reading) -> Check:
    """Open: it invites a real answer, not a yes or no."""
    is_open = reading.form == "open"
    if is_open:
        tip = "Open: it invites a real answer, not a yes or no."
    elif reading.form == "closed":
        tip = 'Ask with "how" or "what": a yes or no answer teaches you nothing to act on.'
    else:
        tip = 'Ask a question, starting with "how" or "what", so they tell you something.'
    return Check(
        "Open, not yes/no",
        is_open,
        tip,
        OPEN_POINTS if is_open else 0,
        OPEN_POINTS,
        id="question.open",
    )


def confident_check(reading: Reading) -> Check:
    """Does not talk you down, apologise or sound desperate."""
    if reading.undermining:
        return Check(
            "Does not undermine you",
            False,
            f'Drop "{reading.undermining[0].text}": ask as a peer, and let them judge your fit.',
            0,
            CONFIDENT_POINTS,
            reading.undermining,
            id="question.not-undermining",
        )
    return Check(
        "Does not undermine you",
        True,
        "Confident: you ask as a peer, without apologising.",
        CONFIDENT_POINTS,
        CONFIDENT_POINTS,
        id="question.not-undermining",
    )


def brief_check(reading: Reading, cut: bool) -> Check:
    """About 15 seconds aloud, and a question rather than a speech."""
    seconds = reading.words * 60.0 / t.WORDS_PER_MINUTE
    fits = 0 < reading.words <= MAX_WORDS and not reading.monologue
    if fits:
        tip = f"About {max(seconds, 1):.0f} seconds aloud: easy to say and to hear."
    elif not reading.words:
        tip = "Write the question you would ask, in about 15 seconds aloud."
    elif cut:
        tip = f"Over {t.MAX_COACHED_WORDS:,} words: trim it to about 15 seconds aloud."
    elif reading.monologue:
        tip = (
            f"About {seconds:.0f} seconds aloud: a speech, not a question. Ask one question "
            "in about 15 seconds and let them talk."
        )
    else:
        tip = f"About {seconds:.0f} seconds aloud; trim it to about 15 ({reading.words} words)."
    return Check(
        "About 15 seconds to say",
        fits,
        tip,
        BRIEF_POINTS if fits else 0,
        BRIEF_POINTS,
        id="question.length",
    )


def crisp_check(reading: Reading) -> Check:
    """No filler or hedging, said once, in sentences rather than a list of key words."""
    name = "Crisp: no filler, said once"
    if reading.repeats:
        tip = "Say it once: repeating the question only makes it longer."
        points = 0
    elif reading.stuffing:
        tip = (
            f'"{reading.stuffing[0].text}" is a list of key words, not a sentence: ask it '
            "as you would say it."
        )
        points = 0
    elif reading.filler:
        tip = f'Cut the filler ("{reading.filler[0].text}"): a crisp question sounds confident.'
        points = max(0, CRISP_POINTS - FILLER_COST * len(reading.filler))
    else:
        return Check(
            name,
            True,
            "Crisp: no filler words.",
            CRISP_POINTS,
            CRISP_POINTS,
            id="question.no-filler",
        )
    return Check(
        name,
        False,
        tip,
        points,
        CRISP_POINTS,
        reading.repeats + reading.stuffing + reading.filler,
        id="question.no-filler",
    )


def courtesy_check(reading: Reading) -> Check:
    """A courteous lead-in ("Now that we've had a chance to talk, ...")."""
    return Check(
        "Courteous transition",
        reading.courteous,
        "A courteous lead-in makes the question feel natural."
        if reading.courteous
        else 'Lead in gently: "Now that we\'ve had a chance to talk, ..."',
        COURTESY_POINTS if reading.courteous else 0,
        COURTESY_POINTS,
        id="question.courteous",
    )


def serious_faults(reading: Reading) -> int:
    """How many faults a coach would call serious: each halves what the checks earn."""
    return (
        len(reading.faults)
        + (not reading.purposeful)
        + bool(reading.undermining)
        + (len(reading.filler) >= HEAVY_FILLER)
        + reading.monologue
        + bool(reading.repeats)
        + bool(reading.stuffing)
    )


def _share(check: Check, share: float) -> Check:
    """The check earning ``share`` of its points, with a tip that says why."""
    if not check.points or share >= 1:
        return check
    part = "half" if share == 0.5 else "a quarter" if share == 0.25 else "an eighth"
    return replace(
        check,
        points=int(check.points * share),
        tip=f"{check.tip} (Counts {part} while the faults marked ✗ remain.)",
    )


_UNREAD_RISKS = ("question.no-bad-close", "question.not-undermining", "question.no-filler")
"""Checks for what costs points, failed when the text was cut (see ``text.unvouched``)."""


def assess_closing_question(text: str, *, phrases: ClosingPhrases | None = None) -> Assessment:
    """Score a phrasing of the closing question, 0-100, with a tip per check.

    Only the first ``MAX_COACHED_WORDS`` words are read (``coached_up_to`` says where it
    stopped): a question is about 40.

    Args:
        text: The question as the user would say it.
        phrases: The phrase lists to read it with; by default coach's own
            (``data/phrases/closing.json``, loaded on first use).

    Returns:
        The score and eight checks: asks how you measure up, asks how you compare with the
        field, nothing that counts against you, open, does not undermine you, about 15 seconds,
        crisp, courteous.
    """
    if phrases is None:
        phrases = packaged.content().closing_phrases()
    text, cut = t.coached_part(text)
    reading = read(text, phrases)
    checks: tuple[Check, ...] = (
        fit_check(reading),
        competition_check(reading),
        clean_check(reading),
        open_check(reading),
        confident_check(reading),
        brief_check(reading, cut),
        crisp_check(reading),
        courtesy_check(reading),
    )
    if not reading.words:
        checks = tuple(replace(c, passed=False, points=0) for c in checks)
    share = max(FLOOR_SHARE, 0.5 ** serious_faults(reading))
    checks = tuple(_share(c, share) for c in checks)
    assessed = Assessment(sum(c.points for c in checks), checks, len(text) if cut else None)
    # A cut text's rest is unread: coaching cannot vouch that it is free of what costs points.
    return t.unvouched(assessed, (c.name for c in checks if c.id in _UNREAD_RISKS))
