"""assess_closing_question: each check, the faults coaches name, gaming, and the labelled sets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content.loader import load_closing_phrases, load_questions
from coach.domain import assess_closing_question
from coach.domain.assessment import Assessment, Check
from coach.domain.closing_phrases import closing_phrases

LABELLED = json.loads(
    (Path(__file__).parents[1] / "labelled" / "question_labelled.json").read_text()
)
SECOND = json.loads((Path(__file__).parents[1] / "labelled" / "question_second.json").read_text())
CANONICAL = load_questions()[0].text
IDS = (
    "question.fit-feedback",
    "question.competition",
    "question.no-bad-close",
    "question.open",
    "question.not-undermining",
    "question.length",
    "question.no-filler",
    "question.courteous",
)


def check(result: Assessment, check_id: str) -> Check:
    (found,) = [c for c in result.checks if c.id == check_id]
    return found


def score(text: str) -> int:
    return assess_closing_question(text).score


def pair_accuracy(good: list[str], bad: list[str]) -> float:
    good_scores = [score(q) for q in good]
    bad_scores = [score(q) for q in bad]
    wins = sum(g > b for g in good_scores for b in bad_scores)
    return wins / (len(good_scores) * len(bad_scores))


# --- the model answer and the shape of an assessment ---------------------------------------------


def test_canonical_question_scores_full_marks() -> None:
    result = assess_closing_question(CANONICAL)
    assert result.score == 100
    assert all(c.passed for c in result.checks)


def test_every_shipped_variant_stays_at_the_top() -> None:
    for variant in load_questions():
        result = assess_closing_question(variant.text)
        assert result.score >= 90, (variant.id, [c.id for c in result.failed])
        assert check(result, "question.fit-feedback").passed, variant.id
        assert check(result, "question.open").passed, variant.id


def test_every_check_has_a_stable_id_and_points_add_up_to_100() -> None:
    for text in ("", CANONICAL, "So, did I get the job?"):
        result = assess_closing_question(text)
        assert tuple(c.id for c in result.checks) == IDS
        assert sum(c.max_points for c in result.checks) == 100
        assert result.score == sum(c.points for c in result.checks)
        assert all(c.tip for c in result.checks)


def test_an_empty_draft_scores_nothing() -> None:
    for text in ("", "   ", "?!", "\n\n"):
        result = assess_closing_question(text)
        assert result.score == 0 and not result.passed


# --- what it does: the seed's purposes in any wording ------------------------------------------

SEED_PURPOSE_IN_OTHER_WORDS = [
    "Is there anything that would keep you from moving me forward?",
    "Do you have any reservations about my fit?",
    "What would the ideal candidate have that I don't?",
    "Where do you see gaps between my experience and what you need?",
    "What concerns, if any, do you have about my candidacy?",
    "Is there anything about my background you'd like me to clarify before I go?",
    "How do I stack up against the other people you're considering?",
]


@pytest.mark.parametrize("question", SEED_PURPOSE_IN_OTHER_WORDS)
def test_asking_how_you_measure_up_passes_in_any_wording(question: str) -> None:
    result = assess_closing_question(question)
    assert check(result, "question.fit-feedback").passed
    assert result.score >= 80


def test_asking_about_the_field_passes_the_competition_check() -> None:
    for question in (
        "How does my background compare with the other candidates?",
        "How competitive is my profile against the rest of the candidate pool?",
        "How close am I to the ideal candidate you have in mind?",
    ):
        assert check(assess_closing_question(question), "question.competition").passed, question
    assert not check(
        assess_closing_question("How do I fit the role?"), "question.competition"
    ).passed


OTHER_GOOD_QUESTIONS = [
    ("What are the next steps in your hiring process?", "next steps"),
    ("When do you hope to decide?", "timeline"),
    ("What does success look like in the first 90 days?", "success"),
    ("Who would I be working with most closely on the team?", "team"),
    ("What is the biggest challenge the department faces this year?", "challenges"),
    ("How would you describe the culture here?", "culture"),
]


@pytest.mark.parametrize(("question", "about"), OTHER_GOOD_QUESTIONS)
def test_a_good_question_with_another_purpose_is_good_but_not_yet_the_seeds(
    question: str, about: str
) -> None:
    result = assess_closing_question(question)
    fit = check(result, "question.fit-feedback")
    assert 55 <= result.score < 90
    assert not fit.passed and 0 < fit.points < fit.max_points
    # The tip says what it is about and how to add what it misses, in plain words.
    assert about in fit.tip and "measure up" in fit.tip


def test_saying_you_want_the_job_is_a_good_close_without_a_question() -> None:
    result = assess_closing_question("I want this job, and I'd love to work with your team.")
    assert 50 <= result.score < 70
    assert check(result, "question.no-bad-close").passed
    assert "ask how you measure up" in check(result, "question.fit-feedback").tip


# --- the faults coaches name --------------------------------------------------------------------

FAULTS = [
    ("So, did I get the job?", "question.no-bad-close"),
    ("When can I start?", "question.no-bad-close"),
    ("How much vacation would I get in the first year?", "question.no-bad-close"),
    ("What's the salary for this position?", "question.no-bad-close"),
    ("How soon could I get promoted?", "question.no-bad-close"),
    ("Did I answer everything okay?", "question.no-bad-close"),
    ("So how did I do?", "question.no-bad-close"),
    ("What does your company do?", "question.no-bad-close"),
    ("No, I think you covered everything.", "question.no-bad-close"),
    ("No, I don't have any questions.", "question.no-bad-close"),
    ("It was lovely to meet you. Thanks again.", "question.no-bad-close"),
    ("Can you tell me if I'm better than the others?", "question.no-bad-close"),
    ("I heard your manager is leaving. Is that true?", "question.no-bad-close"),
    (
        "I know I'm probably not the strongest candidate, but how do I compare?",
        "question.not-undermining",
    ),
    ("I really need this job. How do I measure up?", "question.not-undermining"),
    ("Do you think my background fits the role?", "question.open"),
    ("Can you tell me if my background fits?", "question.open"),
    ("Um, so, like, how does my background kind of fit the role?", "question.no-filler"),
]


@pytest.mark.parametrize(("text", "failing"), FAULTS)
def test_each_fault_fails_its_check_with_a_tip(text: str, failing: str) -> None:
    result = assess_closing_question(text)
    found = check(result, failing)
    assert not found.passed and found.tip
    assert result.score < 90


@pytest.mark.parametrize(
    "text",
    [
        t
        for t, failing in FAULTS
        if failing in ("question.no-bad-close", "question.not-undermining")
    ],
)
def test_the_classic_bad_closes_score_poorly(text: str) -> None:
    assert score(text) <= 45


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("When can I start?", "verdict"),
        ("What's the sick pay like?", "perks can wait"),
        ("Did I answer everything satisfactorily?", "reassured"),
        ("So what does your company do, exactly?", "website"),
        ("No, thanks.", "Always ask something"),
        ("Let me show you why I'm superior to the others.", "arrogant"),
        ("I heard your boss is leaving. What's going on?", "counts against you"),
    ],
)
def test_each_bad_close_gets_its_own_advice(text: str, advice: str) -> None:
    assert advice in check(assess_closing_question(text), "question.no-bad-close").tip


def test_a_courteous_lead_in_passes_and_its_absence_says_how_to_add_one() -> None:
    polite = assess_closing_question("Now that we've talked, how do I fit the role?")
    assert check(polite, "question.courteous").passed
    blunt = check(assess_closing_question("How do I fit the role?"), "question.courteous")
    assert not blunt.passed and "Now that we've had a chance to talk" in blunt.tip


def test_a_question_well_over_15_seconds_fails_the_length_check() -> None:
    long = (
        "Now that we've had a chance to talk about the role, the team, the projects you "
        "described and the plans for next year, how does my background in analytics and "
        "my experience leading small teams of analysts and engineers measure up to the "
        "requirements of the job?"
    )
    result = assess_closing_question(long)
    assert 45 < len(long.split()) <= 60
    assert not check(result, "question.length").passed
    assert "trim it to about 15" in check(result, "question.length").tip
    assert check(assess_closing_question(CANONICAL), "question.length").passed


def test_a_fault_is_highlighted_in_the_users_own_words() -> None:
    text = "How do I fit the role? And How Much Vacation do I get?"
    spans = check(assess_closing_question(text), "question.no-bad-close").spans
    assert [text[s.start : s.end] for s in spans] == ["Vacation"]
    undermined = "I Know I'm Not the strongest, but how do I compare with the others you've met?"
    (span,) = check(assess_closing_question(undermined), "question.not-undermining").spans
    assert undermined[span.start : span.end] == span.text == "I Know I'm Not"


def test_a_question_about_perks_earns_nothing_for_naming_the_job() -> None:
    # "the job" is a topic of good questions, but not inside a question for the perks.
    fit = check(assess_closing_question("What does this job pay?"), "question.fit-feedback")
    assert fit.points == 0


def test_a_yes_no_question_is_closed_but_an_invitation_to_voice_doubts_is_open() -> None:
    assert not check(assess_closing_question("Did I pass?"), "question.open").passed
    assert not check(assess_closing_question("Are you hiring soon?"), "question.open").passed
    for invitation in (
        "Is there anything about my background that gives you pause?",
        "Are there any areas of my experience you'd like me to expand on?",
        "Do you like working here, and why?",
        "By what date do you expect to decide?",
    ):
        assert check(assess_closing_question(invitation), "question.open").passed, invitation


# --- gaming: length, repetition, stuffing, filler ------------------------------------------------

MONOLOGUE = (
    " I ask because in my last three roles I always made sure to understand what my managers "
    "expected of me, and I think that habit of asking for honest feedback early has helped me "
    "grow quickly, adapt to new teams and deliver results that mattered to the business, which "
    "is exactly what I hope to do here as well, starting on day one."
)


def test_a_monologue_after_the_question_scores_lower() -> None:
    long = CANONICAL + MONOLOGUE
    result = assess_closing_question(long)
    assert result.score < score(CANONICAL) - 30
    assert not check(result, "question.length").passed
    assert "speech" in check(result, "question.length").tip


@pytest.mark.parametrize("times", [2, 3, 4])
def test_repeating_the_question_scores_lower(times: int) -> None:
    for text in (CANONICAL, "What are the next steps?", "Do you have any reservations about me?"):
        repeated = assess_closing_question(" ".join([text] * times))
        assert repeated.score < score(text)
        assert not check(repeated, "question.no-filler").passed


def test_stuffed_key_words_score_lower_than_the_clean_question() -> None:
    clean = "How does my background fit the requirements?"
    for stuffed in (
        clean + " Fit requirements candidates compare background.",
        "How does my background fit requirements candidates compare background?",
        "How do my skills, skills, skills fit the job?",
    ):
        result = assess_closing_question(stuffed)
        assert result.score < score(clean), stuffed
        assert "list of key words" in check(result, "question.no-filler").tip or (
            "once" in check(result, "question.no-filler").tip
        )


def test_a_question_drowned_in_filler_scores_far_lower() -> None:
    drowned = (
        "Um, so, like, I was kind of wondering, maybe, how does my background, you know, kind "
        "of measure up to the requirements? Like, to the other candidates, maybe?"
    )
    assert score(drowned) <= 50
    assert score("Um, how does my background fit the role?") < score(
        "How does my background fit the role?"
    )


def test_tips_use_plain_words_not_word_lists() -> None:
    for text in ["", "What are the next steps?", "So, did I get the job?", *LABELLED["bad"]]:
        for c in assess_closing_question(text).checks:
            assert ", e.g." not in c.tip
            # A tip is a sentence (or two), not a list of stems.
            assert c.tip[0].isupper() or c.tip[0] in "\"'", c.tip


# --- properties ---------------------------------------------------------------------------------

WORDY = st.text(max_size=80).filter(lambda s: re.search("[A-Za-z0-9]", s) is not None)
"""Any text with a word in it (an empty draft scores 0, and anything added can only be more)."""
REALISTIC = st.sampled_from(
    LABELLED["good"] + LABELLED["bad"] + SECOND["good"] + SECOND["bad"] + [CANONICAL]
)


@settings(max_examples=300)
@given(st.text())
def test_any_text_gives_a_score_in_range(text: str) -> None:
    result = assess_closing_question(text)
    assert 0 <= result.score <= 100
    assert result.score == sum(c.points for c in result.checks)


@settings(max_examples=200)
@given(REALISTIC | WORDY)
def test_asking_for_the_job_after_never_raises_the_score(text: str) -> None:
    assert score(text.rstrip() + " So, did I get the job?") <= score(text)


@settings(max_examples=200)
@given(REALISTIC, st.integers(min_value=2, max_value=5))
def test_repeating_the_text_never_raises_the_score(text: str, times: int) -> None:
    base = score(text)
    repeated = score(" ".join([text] * times))
    assert repeated <= base
    assert repeated < base or base <= 10  # only what is already near the floor stays there


UNDERMINING = ["I know I'm not", "sorry,", "I'm probably not", "I'm not the most"]
FILLER = ["um,", "kind of", "you know,", "like,", "I guess"]


@settings(max_examples=300)
@given(
    REALISTIC | WORDY,
    st.sampled_from(UNDERMINING + FILLER),
    st.integers(min_value=0, max_value=40),
)
def test_adding_undermining_or_filler_never_raises_the_score(
    text: str, phrase: str, where: int
) -> None:
    # Added as a user would: at the start, the end, or between sentences and clauses.
    gaps = sorted({0, len(text)} | {i + 1 for i, ch in enumerate(text) if ch in ".?!,"})
    cut = gaps[where % len(gaps)]
    worse = f"{text[:cut]} {phrase} {text[cut:]}"
    assert score(worse) <= score(text)


@settings(max_examples=100)
@given(REALISTIC)
def test_the_self_undermining_prefix_lowers_a_question_that_scores(text: str) -> None:
    base = assess_closing_question(text)
    worse = score(
        "I know I'm probably not the strongest candidate, but " + text[0].lower() + text[1:]
    )
    assert worse <= base.score
    # Only what is already undermined, or near the floor, stays where it is.
    assert worse < base.score or base.score <= 10 or check(base, "question.not-undermining").spans


# --- the labelled sets (regression) --------------------------------------------------------------


def test_labelled_good_questions_outscore_bad_ones_in_90_percent_of_pairs() -> None:
    assert len(LABELLED["good"]) >= 20 and len(LABELLED["bad"]) >= 20
    assert pair_accuracy(LABELLED["good"], LABELLED["bad"]) >= 0.90


def test_a_second_set_also_clears_90_percent_of_pairs() -> None:
    assert pair_accuracy(SECOND["good"], SECOND["bad"]) >= 0.90


# --- the phrases: one file, read on first use ----------------------------------------------------


def test_importing_the_domain_reads_no_phrase_file() -> None:
    code = (
        "import sys, coach.domain, coach.domain.closing\n"
        "print('coach.content.loader' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_phrases_can_be_passed_in() -> None:
    raw = json.loads(Path("data/phrases/closing.json").read_text(encoding="utf-8"))
    raw["faults"]["perks"]["phrases"] = ["free lunch"]
    phrases = closing_phrases(raw)
    text = "What's the salary? Is there a free lunch?"
    assert (
        check(assess_closing_question(text, phrases=phrases), "question.no-bad-close").spans[0].text
        == "free lunch"
    )
    assert load_closing_phrases() is load_closing_phrases()  # read once
