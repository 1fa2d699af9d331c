"""The mock exchange's domain: the reply the coach chooses, scoring a turn, the debrief."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content.loader import load_deck
from coach.domain import drill
from coach.domain.assessment import Check
from coach.domain.cards import FeedbackCard, tailored_cards
from coach.domain.closing import assess_closing_question
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.exchange import (
    NEXT_STEPS_REPLY,
    POLITE_REPLY,
    choose_reply,
    concern_weight,
    question_asks,
)
from coach.domain.exchange_debrief import debrief, most_useful_tip, score_turn
from coach.domain.models import Attempt, Exchange, Profile, Strength, Turn, TurnStep
from coach.domain.pitch import assess_pitch

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
CANONICAL = (
    "Now that we've had a chance to talk, how does my background measure up to the "
    "requirements of the job? To the other candidates?"
)
DECK = load_deck()[1]
BY_ID = {card.id: card for card in DECK}
PROFILE = Profile(
    strengths=(Strength("Python data pipelines", "cut a nightly load from 4 h to 20 min"),),
    requirements=("Hands-on experience with dbt", "Kubernetes", "Nice to have: Airflow"),
)
GAPS = tailored_cards(PROFILE.requirements, PROFILE.strengths)
WEAK = ("skills-gap-2", "culture-fit-2", "let-go-1", "career-change-4")
"""Answered poorly two days ago: weak, and due."""
STRONG = tuple(f"{kind}-{n}" for kind in ("skills-gap", "short-tenure") for n in (3, 5, 6))
"""Answered well yesterday: neither weak nor due."""


def _at(days_ago: float) -> str:
    return (NOW - timedelta(days=days_ago)).isoformat()


def _history() -> list[Attempt]:
    history = [Attempt("response", "So-so.", card, 35, created_at=_at(2)) for card in WEAK]
    history += [Attempt("response", "Good.", card, 95, created_at=_at(1)) for card in STRONG]
    return history


# --- what the question asked ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (CANONICAL, "fit"),
        ("How do I compare with the other candidates?", "fit"),
        ("Do you have any concerns about my fit for the role?", "fit"),
        ("What are the next steps?", "next-steps"),
        ("When do you expect to make a decision?", "next-steps"),
        ("What are the next steps, and what is the timeline?", "next-steps"),
        ("What does the team look like?", "neither"),
        ("What are the next steps, and who would I work with?", "neither"),
        ("", "neither"),
        ("No, I think you've covered everything.", "neither"),
    ],
)
def test_what_the_question_asked_is_read_by_the_closing_reader(question: str, asked: str) -> None:
    assert question_asks(question) == asked


@pytest.mark.parametrize(
    ("question", "kind", "text"),
    [
        ("What's the culture like here?", "polite", POLITE_REPLY),
        ("What are the next steps in the process?", "next-steps", NEXT_STEPS_REPLY),
    ],
)
def test_a_question_that_asked_neither_fit_nor_the_field_draws_a_reply_that_shows_it(
    question: str, kind: str, text: str
) -> None:
    for seed in range(20):
        reply = choose_reply(question, DECK, _history(), PROFILE, NOW, None, random.Random(seed))
        assert (reply.kind, reply.text, reply.card_id, reply.probe) == (kind, text, "", "")


# --- the reply to a question that asked -----------------------------------------------------


@pytest.mark.parametrize("seed", [1, 7, 2026])
def test_gaps_and_weak_cards_are_served_most_evasion_now_and_then_never_twice_running(
    seed: int,
) -> None:
    rng = random.Random(seed)
    history = _history()
    served: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    last = None
    draws = 2000
    for _ in range(draws):
        reply = choose_reply(CANONICAL, DECK, history, PROFILE, NOW, last, rng)
        assert reply.card_id and reply.card_id != last  # never the same card twice running
        served[reply.card_id] += 1
        kinds[reply.kind] += 1
        last = reply.card_id
    focus = {card.id for card in GAPS} | set(WEAK)
    assert sum(served[card] for card in focus) >= 0.6 * draws  # most often
    # Every gap and weak card is served more than any card answered well and not due.
    assert min(served[card] for card in focus) > max(served[card] for card in STRONG)
    assert 0.03 * draws <= kinds["evasive"] <= 0.15 * draws  # now and then
    assert 0.03 * draws <= kinds["strong-match"] <= 0.15 * draws
    # Sometimes a kind not practised lately: a few cards beyond the focus and the two kinds.
    others = {
        card
        for card in served
        if card not in focus and BY_ID[card].category not in ("evasive", "strong-match")
    }
    assert len(others) >= 5


def test_a_fresh_user_meets_many_kinds_and_every_reply_is_a_card() -> None:
    rng = random.Random(3)
    replies = [choose_reply(CANONICAL, DECK, [], Profile(), NOW, None, rng) for _ in range(300)]
    assert len({BY_ID[r.card_id].category for r in replies}) >= 10
    assert all(r.text == BY_ID[r.card_id].feedback for r in replies)


def test_the_profiles_gaps_are_served_even_when_the_caller_passes_only_the_deck() -> None:
    rng = random.Random(5)
    gap_ids = {card.id for card in GAPS}
    replies = [choose_reply(CANONICAL, DECK, [], PROFILE, NOW, None, rng) for _ in range(200)]
    from_gaps = [r for r in replies if r.card_id in gap_ids]
    assert len(from_gaps) >= 100
    assert all(r.kind == "concern" and "yourself, have you?" in r.probe for r in from_gaps)


def test_one_card_on_offer_is_served_again_rather_than_nothing() -> None:
    only = (BY_ID["skills-gap-1"],)
    reply = choose_reply(CANONICAL, only, [], Profile(), NOW, "skills-gap-1", random.Random(1))
    assert reply.card_id == "skills-gap-1"
    assert choose_reply(CANONICAL, (), [], Profile(), NOW, None, random.Random(1)).kind == "polite"


@settings(max_examples=60, deadline=None)
@given(
    # Most draws ask about fit (random text alone almost never does, and the checks that
    # matter are on the card replies); some are noise, for the polite and next-steps replies.
    question=st.one_of(
        st.builds(lambda noise: f"{noise} {CANONICAL}", st.text(max_size=60)),
        st.text(max_size=200),
    ),
    seed=st.integers(0, 2**32),
    last=st.sampled_from([None, *BY_ID]),
    practised=st.lists(
        st.tuples(st.sampled_from(sorted(BY_ID)), st.integers(0, 100), st.floats(0, 30)),
        max_size=30,
    ),
)
def test_any_reply_is_consistent_with_its_card_and_never_repeats_the_last(
    question: str,
    seed: int,
    last: str | None,
    practised: list[tuple[str, int, float]],
) -> None:
    history = [Attempt("response", "x", c, s, created_at=_at(d)) for c, s, d in practised]
    reply = choose_reply(question, DECK, history, PROFILE, NOW, last, random.Random(seed))
    asked = question_asks(question)
    if asked != "fit":
        assert reply.card_id == "" and reply.kind == ("polite" if asked == "neither" else asked)
        return
    assert reply.card_id != last
    card = BY_ID.get(reply.card_id) or {c.id: c for c in GAPS}[reply.card_id]
    assert (reply.text, reply.probe) == (card.feedback, card.probe)
    expected = card.category if card.category in ("evasive", "strong-match") else "concern"
    assert reply.kind == expected


# --- scoring a turn ---------------------------------------------------------------------------

ANSWER = (
    "That's fair. I haven't run Kubernetes in production, but I shipped 40 services on Docker "
    "and cut deploy time by half, so I'd be productive within a month."
)


def test_each_turn_is_scored_by_the_assessor_that_coaches_it() -> None:
    card = BY_ID["skills-gap-1"]
    question = score_turn("question", CANONICAL, None, PROFILE)
    assert question == assess_closing_question(CANONICAL)
    answer = score_turn("answer", ANSWER, card, PROFILE)
    assert answer == assess_pitch(ANSWER, card, PROFILE.strengths)
    probe = score_turn("probe", ANSWER, card, PROFILE)
    pushed = FeedbackCard(**{**card.__dict__, "feedback": card.probe})
    assert probe == assess_pitch(ANSWER, pushed, PROFILE.strengths)
    # A polite reply hands the question back: the answer is the question, asked again.
    assert score_turn("answer", CANONICAL, None, PROFILE) == question


def test_the_most_useful_tip_is_the_failed_check_worth_most() -> None:
    checks = (
        Check("a", False, "small", 2, 5),
        Check("b", True, "done", 10, 10),
        Check("c", False, "big", 5, 20),
        Check("d", False, "medium", 0, 8),
    )
    assert most_useful_tip(checks) == "big"
    assert most_useful_tip(checks[1:2]) == ""


# --- the debrief ------------------------------------------------------------------------------


def _exchange(scores: tuple[int, int, int]) -> tuple[Exchange, list[Attempt]]:
    card = BY_ID["skills-gap-1"]
    steps: tuple[tuple[TurnStep, str, str], ...] = (
        ("question", CANONICAL, QUESTION_CARD_ID),
        ("answer", ANSWER, card.id),
        ("probe", "Not in production, no.", card.id),
    )
    history = [
        Attempt("response", "My best one.", card.id, 81, created_at=_at(5), id=1),
        Attempt("response", "A weaker one.", card.id, 50, created_at=_at(4), id=2),
        Attempt("question", "An old question.", QUESTION_CARD_ID, 64, created_at=_at(6), id=3),
    ]
    turns = []
    for n, ((step, text, card_id), score) in enumerate(zip(steps, scores, strict=True)):
        checks = score_turn(step, text, card, PROFILE).checks
        attempt = Attempt(
            "question" if step == "question" else "response",
            text,
            card_id,
            score,
            created_at=_at(0),
            checks=checks,
            id=10 + n,
            exchange_id=7,
        )
        history.append(attempt)
        turns.append(Turn(step, "prompt", card_id, attempt.id, 1.5 + n, 30.0 + n, score))
    exchange = Exchange(_at(0), "concern", card.feedback, tuple(turns), card.id, id=7)
    return exchange, history


def test_the_debrief_shows_each_turn_its_tip_times_best_earlier_and_the_weakest_card() -> None:
    exchange, history = _exchange((72, 95, 40))
    report = debrief(exchange, history, DECK, now=NOW)
    assert [r.step for r in report.turns] == ["question", "answer", "probe"]
    assert [r.score for r in report.turns] == [72, 95, 40]
    assert [(r.first_word_seconds, r.seconds) for r in report.turns] == [
        (1.5, 30.0),
        (2.5, 31.0),
        (3.5, 32.0),
    ]
    question, answer, probe = report.turns
    assert question.best_earlier is not None and question.best_earlier.id == 3
    # The best earlier answer is outside this exchange, even though this one scored higher.
    assert answer.best_earlier is not None and answer.best_earlier.id == 1
    assert probe.text == "Not in production, no."
    assert probe.tip == most_useful_tip(history[-1].checks) != ""
    assert (report.practise_next, report.practise_reason) == ("skills-gap-1", "your weakest turn")


def test_after_a_good_exchange_the_next_due_card_comes_next_not_one_just_practised() -> None:
    exchange, history = _exchange((90, 92, 88))
    report = debrief(exchange, history, DECK, now=NOW)
    assert report.practise_reason == "due next"
    assert report.practise_next not in (QUESTION_CARD_ID, "skills-gap-1", None)


def test_a_turn_with_nothing_typed_keeps_its_times_and_has_no_score() -> None:
    turn = Turn("answer", POLITE_REPLY, "", None, 2.0, 45.0, None)
    exchange = Exchange(_at(0), "polite", POLITE_REPLY, (turn,))
    (review,) = debrief(exchange, [], DECK).turns
    assert (review.score, review.tip, review.text, review.best_earlier) == (None, "", "", None)
    assert (review.first_word_seconds, review.seconds) == (2.0, 45.0)


def test_a_kind_just_practised_through_the_last_card_is_not_fresh() -> None:
    """Every kind practised an hour ago, skills-gap through the last exchange's own card: the
    kind just practised must not come back as "a kind you have not practised lately"."""
    hour_ago = _at(1 / 24)
    firsts: dict[str, str] = {}
    for card in DECK:
        firsts.setdefault(card.category, card.id)
    history = [Attempt("response", "x", cid, 90, created_at=hour_ago) for cid in firsts.values()]
    assert firsts["skills-gap"] == "skills-gap-1"
    rng = random.Random(7)
    kinds = Counter(
        BY_ID[reply.card_id].category
        for reply in (
            choose_reply(CANONICAL, DECK, history, Profile(), NOW, "skills-gap-1", rng)
            for _ in range(300)
        )
        if reply.card_id
    )
    assert kinds["skills-gap"] < 60, kinds  # it was every reply from a card not evasive


def test_a_gap_answered_well_and_not_due_bids_less_than_one_never_answered() -> None:
    gap = GAPS[0]
    fresh = drill.progress(gap.id, [])
    settled = drill.progress(gap.id, [Attempt("response", "x", gap.id, 95, created_at=_at(0.01))])
    assert concern_weight(gap, settled, NOW) < concern_weight(gap, fresh, NOW)


def test_the_best_earlier_answer_is_from_before_the_exchange() -> None:
    """A past exchange debriefed again (from history, after an import) is not shown a later
    answer as "earlier"."""
    from coach.domain.exchange_debrief import best_earlier

    card = "skills-gap-2"
    exchange = Exchange(started_at=_at(2), reply_kind="concern", reply="x", card_id=card)
    before = Attempt("response", "before", card, 60, created_at=_at(3), id=1)
    after = Attempt("response", "after", card, 95, created_at=_at(1), id=2)
    assert best_earlier(card, [before, after], exchange) == before
