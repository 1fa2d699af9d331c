"""assess_pitch: the labelled sets, each check, gaming, and properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coach.content import check_ids
from coach.content.loader import load_deck
from coach.domain import Assessment, Check, FeedbackCard, Strength, assess_pitch

LABELLED = json.loads((Path(__file__).parents[1] / "labelled" / "pitch_labelled.json").read_text())
STRENGTHS = [Strength(s["text"], s["evidence"]) for s in LABELLED["strengths"]]
ITEMS: list[dict[str, Any]] = LABELLED["items"]
SECOND = json.loads((Path(__file__).parents[1] / "labelled" / "pitch_second.json").read_text())

IDS = [
    "response.acknowledges",
    "response.answers-concern",
    "response.strength",
    "response.evidence",
    "response.points-at-concern",
    "response.no-blame",
    "response.not-defensive",
    "response.confident",
    "response.specific",
    "response.focused",
    "response.length",
    "response.ends-forward",
]


def by_id(result: Assessment, check_id: str) -> Check:
    (check,) = [c for c in result.checks if c.id == check_id]
    return check


def card_of(item: dict[str, Any]) -> FeedbackCard:
    return FeedbackCard(
        item["id"], item["category"], item["feedback"], item["concern"], tuple(item["terms"])
    )


def accuracy(feedback_of: Any, strengths: Any) -> float:
    wins = total = 0
    for item in ITEMS:
        good = assess_pitch(item["good"], feedback_of(item), strengths).score
        for weak in item["weak"]:
            total += 1
            wins += good > assess_pitch(weak["text"], feedback_of(item), strengths).score
    return wins / total


def test_labelled_set_is_broad() -> None:
    labels = {w["label"] for item in ITEMS for w in item["weak"]}
    assert {"defensive", "apologetic", "rambling", "generic", "off-topic"} <= labels
    assert len(ITEMS) >= 14


def test_good_answers_win_95_percent_of_pairs_with_cards() -> None:
    assert accuracy(card_of, STRENGTHS) >= 0.95


def test_good_answers_win_95_percent_of_pairs_with_plain_feedback_text() -> None:
    assert accuracy(lambda item: item["feedback"], STRENGTHS) >= 0.95


def test_good_answers_win_95_percent_of_pairs_without_strengths() -> None:
    assert accuracy(lambda item: item["feedback"], ()) >= 0.95


def test_a_second_set_from_other_careers_also_wins_95_percent_of_pairs() -> None:
    """Written by another hand, in the style of career-advice pages, across 25 careers."""
    wins = total = 0
    for item in SECOND["items"]:
        good = assess_pitch(item["good"], item["feedback"], item["strengths"]).score
        for weak in item["weak"]:
            total += 1
            wins += good > assess_pitch(weak["text"], item["feedback"], item["strengths"]).score
    assert total >= 60
    assert wins / total >= 0.95


GOOD = ITEMS[0]


def test_points_add_up_to_100_and_check_ids_are_stable() -> None:
    result = assess_pitch("", "We need more SQL.")
    assert sum(c.max_points for c in result.checks) == 100
    assert [c.id for c in result.checks] == IDS
    assert len({c.name for c in result.checks}) == len(IDS)


def test_every_old_check_name_has_the_id_it_now_goes_by() -> None:
    # data/check_ids.json, the one table of names to ids, maps today's old names to ids the
    # new checks carry: history saved before keeps grouping with new attempts.
    table = check_ids.table()
    old = [
        "Acknowledges the feedback",
        "Addresses the concern",
        "Cites a strength",
        "Gives evidence",
        "Points the strength at the concern",
        "No defensive phrasing",
        "Little hedging or filler",
        "Concise: 30-90 seconds",
        "Ends looking forward",
    ]
    assert {table[name] for name in old} <= set(IDS)


def test_an_empty_answer_earns_nothing() -> None:
    assert assess_pitch("", "We need more SQL.").score == 0
    assert assess_pitch("   \n ", GOOD["feedback"], STRENGTHS).score == 0


def test_the_scripting_call_with_feedback_as_text_and_no_profile_works() -> None:
    result = assess_pitch(GOOD["good"], GOOD["feedback"])
    assert 60 <= result.score <= 100
    assert result.checks and all(c.tip for c in result.checks)


def test_offending_phrases_are_spans_of_the_users_own_words() -> None:
    response = "Thanks. But Actually, I Disagree: my dashboards are used by 12 managers."
    check = by_id(assess_pitch(response, card_of(GOOD), STRENGTHS), "response.not-defensive")
    assert [s.text for s in check.spans] == ["But Actually", "I Disagree"]
    assert all(response[s.start : s.end] == s.text for s in check.spans)


def test_each_extra_defensive_sentence_costs_more() -> None:
    base = GOOD["good"]
    once = assess_pitch(base + " To be fair.", card_of(GOOD), STRENGTHS).score
    twice = assess_pitch(base + " To be fair. That's not true.", card_of(GOOD), STRENGTHS).score
    assert twice < once < assess_pitch(base, card_of(GOOD), STRENGTHS).score


def test_strengths_may_be_text_or_mappings() -> None:
    as_text = assess_pitch(GOOD["good"], GOOD["feedback"], [s.text for s in STRENGTHS])
    as_maps = assess_pitch(GOOD["good"], {"feedback": GOOD["feedback"]}, LABELLED["strengths"])
    assert by_id(as_text, "response.strength").passed
    assert by_id(as_maps, "response.strength").passed
    assert "Data analysis and reporting" in by_id(as_maps, "response.strength").tip


def test_shipped_deck_cards_all_have_terms_a_response_can_hit() -> None:
    _, cards = load_deck()
    for card in cards:
        echo = "That's fair. " + " ".join(f"I have worked on {term}." for term in card.terms)
        result = assess_pitch(echo, card)
        assert by_id(result, "response.answers-concern").passed, card.id


# --- what the issue saw ----------------------------------------------------------------------

INDUSTRY = FeedbackCard(
    "stronger-competition-1",
    "stronger-competition",
    "To be candid, we've seen a couple of candidates with more direct industry experience.",
    "others have more industry experience",
    ("industry", "experience", "transferable", "learn", "ramp up", "results"),
)
THOUGHTFUL = (
    "That's fair, and thank you for being candid. I haven't worked inside this industry, but "
    "for four years I've built SQL reporting for a logistics firm with 40 stores, and my "
    "pricing dashboard cut stock write-offs by 8%. The problems your analysts describe, messy "
    "supplier data and slow reports, are the ones I solved there. I'd spend my first month "
    "learning how your buyers work. What would you want your new analyst to fix first?"
)


def test_waving_the_concern_away_is_not_acknowledging_it() -> None:
    result = assess_pitch(
        "Yeah, I get that a lot. But honestly industry experience is overrated.", INDUSTRY
    )
    assert not by_id(result, "response.acknowledges").passed
    assert not by_id(result, "response.not-defensive").passed


def test_keyword_stuffing_scores_below_a_thoughtful_answer() -> None:
    stuffed = assess_pitch(
        "Industry experience, SQL, 40, 8%, industry experience industry. I'd bring that to your "
        "team.",
        INDUSTRY,
    )
    thoughtful = assess_pitch(THOUGHTFUL, INDUSTRY)
    assert not by_id(stuffed, "response.focused").passed
    assert stuffed.score < 40 < 80 <= thoughtful.score


def test_the_concerns_words_listed_in_front_of_an_answer_lower_its_score() -> None:
    stuffed = "Industry, experience, industry, experience, industry, experience. " + THOUGHTFUL
    assert assess_pitch(stuffed, INDUSTRY).score < assess_pitch(THOUGHTFUL, INDUSTRY).score


@pytest.mark.parametrize("times", [2, 4])
def test_saying_the_answer_again_lowers_its_score(times: int) -> None:
    once = assess_pitch(THOUGHTFUL, INDUSTRY).score
    assert assess_pitch(" ".join([THOUGHTFUL] * times), INDUSTRY).score < once


def test_the_same_sentence_twice_lowers_the_score() -> None:
    doubled = THOUGHTFUL + " What would you want your new analyst to fix first?"
    result = assess_pitch(doubled, INDUSTRY)
    assert result.score < assess_pitch(THOUGHTFUL, INDUSTRY).score
    assert not by_id(result, "response.focused").passed


@pytest.mark.parametrize(
    "blame",
    [
        "My last boss was a nightmare and took all the credit for my work.",
        "Honestly my old manager was useless and the company was a mess.",
        "They fired me because they're idiots.",
    ],
)
def test_blaming_a_former_boss_or_company_is_seen(blame: str) -> None:
    result = assess_pitch(blame + " I want a team where I can grow.", "Why did you leave?")
    assert not by_id(result, "response.no-blame").passed
    assert by_id(result, "response.no-blame").spans


def test_a_strength_named_with_evidence_counts_without_a_profile() -> None:
    result = assess_pitch(
        "Fair question. I led the move of our 40 services to Kubernetes last year and cut "
        "deploy time in half, so the platform is familiar ground.",
        "We need more Kubernetes experience.",
    )
    assert by_id(result, "response.strength").passed
    assert by_id(result, "response.evidence").passed
    assert by_id(result, "response.points-at-concern").passed


def test_a_short_warm_reply_to_a_strong_match_is_the_right_length() -> None:
    reply = "Thank you, that's great to hear. What would the next step be?"
    strong = assess_pitch(reply, "You'd be a strong fit; your experience is exactly what we need.")
    gap = assess_pitch(reply, "There's a two-year gap in your employment history.")
    assert by_id(strong, "response.length").passed
    assert not by_id(gap, "response.length").passed
    assert strong.score > gap.score


@pytest.mark.parametrize(
    "said",
    [
        "To be candid, we've seen a couple of candidates with more direct industry experience.",
        "We're still early in the process, so it's hard to say.",
        "We need more Kubernetes experience.",
        "You seem a little junior.",
    ],
)
def test_the_concern_tip_names_words_that_matter_never_stems_or_little_words(said: str) -> None:
    check = by_id(assess_pitch("Thanks.", said, []), "response.answers-concern")
    suggested = check.tip.partition("(its words: ")[2].rstrip(").")
    words = set(said.lower().replace(",", "").rstrip(".").split())
    meaningless = {"we've", "seen", "couple", "early", "process", "hard", "say", "candid"}
    for word in filter(None, suggested.split(", ")):
        assert word in words
        assert word not in meaningless


def test_a_tailored_cards_own_wording_is_never_suggested() -> None:
    card = FeedbackCard(
        "req-x",
        "skills-gap",
        "We were hoping for more hands-on experience with dbt.",
        "little hands-on dbt",
        ("dbt",),
        source="tailored",
    )
    tip = by_id(assess_pitch("Thanks.", card), "response.answers-concern").tip
    assert "dbt" in tip and "little" not in tip


def test_long_padding_past_the_length_that_fits_lowers_the_score() -> None:
    padding = " ".join(f"Item {n} of the list was on the shelf by the door." for n in range(30))
    padded = THOUGHTFUL.replace(" What would", f" {padding} What would")
    assert assess_pitch(padded, INDUSTRY).score < assess_pitch(THOUGHTFUL, INDUSTRY).score
    assert not by_id(assess_pitch(padded, INDUSTRY), "response.length").passed


# --- properties ------------------------------------------------------------------------------

FEEDBACK = st.sampled_from([item["feedback"] for item in ITEMS]) | st.text(max_size=120)
RESPONSES = st.sampled_from(
    [item["good"] for item in ITEMS]
    + [w["text"] for item in ITEMS for w in item["weak"]]
    + [item["good"] for item in SECOND["items"]]
) | st.text(max_size=400)


@settings(max_examples=300, deadline=None)
@given(st.text(), FEEDBACK, st.lists(st.text(max_size=40), max_size=4))
def test_any_text_gives_a_score_in_range(text: str, feedback: str, strengths: list[str]) -> None:
    result = assess_pitch(text, feedback, strengths)
    assert 0 <= result.score <= 100
    assert all(0 <= c.points <= c.max_points for c in result.checks)


DEFENSIVE_PHRASES = [
    "but actually",
    "I disagree",
    "that's not true",
    "to be fair",
    "with all due respect",
    "I'd push back",
    "that's overrated",
]


def _insert(text: str, phrase: str, where: int) -> str:
    gaps = sorted({i for i, ch in enumerate(text) if ch == " "} | {0, len(text)})
    cut = gaps[where % len(gaps)]
    return f"{text[:cut]} {phrase}, {text[cut:]}"


COMPLAINT = (
    "I wrote a script for the supplier files, and one supplier sent PDFs, which was a "
    "nightmare, honestly. It works now, and I would pick up more Python as I go."
)
STRONG_MATCH = "I think you'd be a strong fit. Your SQL and dashboard work is what we need."


@pytest.mark.parametrize("inside", ["but actually,", "kind of", "to be fair,"])
def test_a_phrase_said_inside_a_complaint_does_not_hide_it(inside: str) -> None:
    # Found by hypothesis: "which was but actually, a nightmare" split the complaint's phrase,
    # so the no-blame check passed (+10) for a defensive phrase that cost 5.
    split = COMPLAINT.replace("was a nightmare", f"was {inside} a nightmare")
    before = assess_pitch(COMPLAINT, STRONG_MATCH, STRENGTHS)
    after = assess_pitch(split, STRONG_MATCH, STRENGTHS)
    blame = {c.id: c.passed for c in after.checks}["response.no-blame"]
    assert not blame
    assert after.score <= before.score


@settings(max_examples=400, deadline=None)
@given(RESPONSES, FEEDBACK, st.sampled_from(DEFENSIVE_PHRASES), st.integers(0, 400))
def test_adding_a_defensive_phrase_never_raises_the_score(
    text: str, feedback: str, phrase: str, where: int
) -> None:
    worse = _insert(text, phrase, where)
    before = assess_pitch(text, feedback, STRENGTHS).score
    assert assess_pitch(worse, feedback, STRENGTHS).score <= before


@settings(max_examples=300, deadline=None)
@given(RESPONSES, FEEDBACK, st.integers(2, 5), st.sampled_from([" ", "\n", "  "]))
def test_repeating_an_answer_never_raises_its_score(
    text: str, feedback: str, times: int, joint: str
) -> None:
    # Copies of a several-line answer joined by spaces would run its last line into its first
    # ("0\nI" twice is "0\nI 0\nI": a sentence "I 0" the answer never had), which is writing
    # something new, not repeating.
    assume("\n" in joint or "\n" not in text.strip() or text.rstrip()[-1:] in ".!?")
    before = assess_pitch(text, feedback, STRENGTHS).score
    assert assess_pitch(joint.join([text] * times), feedback, STRENGTHS).score <= before


BLAME = [
    "My last manager was useless.",
    "The company cheated me.",
    "They were lazy and it was their fault.",
    "My boss was a jerk.",
]


@settings(max_examples=300, deadline=None)
@given(RESPONSES, FEEDBACK, st.sampled_from(BLAME), st.booleans())
def test_a_blame_sentence_never_raises_the_score(
    text: str, feedback: str, blame: str, first: bool
) -> None:
    worse = f"{blame} {text}" if first else f"{text.rstrip()}. {blame}"
    before = assess_pitch(text, feedback, STRENGTHS).score
    assert assess_pitch(worse, feedback, STRENGTHS).score <= before


@settings(max_examples=200, deadline=None)
@given(
    RESPONSES, FEEDBACK, st.lists(st.sampled_from(["SQL", "dashboards", "industry"]), min_size=3)
)
def test_a_list_of_keywords_never_raises_the_score(
    text: str, feedback: str, keywords: list[str]
) -> None:
    stuffed = ", ".join(keywords * 2) + ". " + text
    before = assess_pitch(text, feedback, STRENGTHS).score
    assert assess_pitch(stuffed, feedback, STRENGTHS).score <= before


@settings(max_examples=200, deadline=None)
@given(RESPONSES, st.sampled_from(DEFENSIVE_PHRASES), st.integers(0, 400))
def test_every_span_is_the_users_own_words(text: str, phrase: str, where: int) -> None:
    response = _insert(text, phrase, where)
    for check in assess_pitch(response, GOOD["feedback"], STRENGTHS).checks:
        for span in check.spans:
            assert response[span.start : span.end] == span.text
