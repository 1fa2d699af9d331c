"""The demo data: what ``coach --demo`` promises to show, on any day it is run."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.content.rubric import load_rubric
from coach.demo.data import fill_store
from coach.demo.seeker import HEARD_COMPANY, demo_profile
from coach.domain.cards import QUESTION_CARD_ID, tailored_cards
from coach.domain.closing import assess_closing_question
from coach.domain.interviews import OUTCOMES, rate_saved, read_before_reply
from coach.domain.pitch import assess_pitch
from coach.store.opening import open_store
from coach.store.store import Store

MONDAY = datetime(2026, 11, 16, 9, 15, tzinfo=timezone(timedelta(hours=-5)))
WEEK = [MONDAY + timedelta(days=n, hours=n) for n in range(7)]
"""Every day of the week (and several hours): weekends must not break the story."""


@pytest.fixture
def filled(tmp_path: Path) -> Callable[[datetime], Store]:
    """The demo written to a file, then read back from it, as ``coach --demo`` does."""

    def fill(now: datetime) -> Store:
        path = tmp_path / f"demo-{now:%a}.json"
        opened = open_store(path)
        fill_store(opened.store, now)
        opened.store.close()
        # Reopened, so every value comes from the file's JSON, not from objects kept in memory.
        return open_store(path).store

    return fill


def test_the_profile_has_strengths_with_evidence_and_gaps() -> None:
    profile = demo_profile(WEEK[0])
    assert 3 <= len(profile.strengths) <= 5
    assert all(s.text and s.evidence for s in profile.strengths)
    assert 4 <= len(profile.requirements) <= 6
    gaps = tailored_cards(profile.requirements, profile.strengths)
    # Some requirements are covered and some are not: both halves of the story show.
    assert 0 < len(gaps) < len(profile.requirements)


@pytest.mark.parametrize("now", WEEK, ids=lambda now: now.strftime("%a"))
def test_a_week_of_genuinely_scored_attempts(
    now: datetime, filled: Callable[[datetime], Store]
) -> None:
    store = filled(now)
    profile = store.profile()
    assert profile == demo_profile(now)
    # The demo opens on the evening before the next interview: Rehearse's moment.
    assert profile.interview_date == (now + timedelta(days=1)).date().isoformat()
    attempts = store.attempts()
    days = {datetime.fromisoformat(a.created_at).date() for a in attempts}
    assert days == {(now - timedelta(days=n)).date() for n in range(1, 8)}
    assert all(datetime.fromisoformat(a.created_at) < now for a in attempts)
    assert any(a.spoken_seconds for a in attempts)
    assert any(a.spoken_seconds is None for a in attempts)

    tailored = {card.id: card for card in tailored_cards(profile.requirements, profile.strengths)}
    heard = {card.id: card for card in store.heard_cards()}
    from coach.content.loader import load_deck

    deck = {card.id: card for card in load_deck()[1]}
    answered = {a.card_id for a in attempts}
    assert QUESTION_CARD_ID in answered
    assert len(answered & tailored.keys()) >= 2
    assert len(answered & deck.keys()) >= 2
    for attempt in attempts:
        if attempt.card_id == QUESTION_CARD_ID:
            assert attempt.kind == "question"
            expected = assess_closing_question(attempt.text)
        else:
            assert attempt.kind == "response"
            card = {**tailored, **heard, **deck}[attempt.card_id]
            expected = assess_pitch(attempt.text, card, profile.strengths)
        # The real assessors' verdict, checks and all, not a number typed into the demo.
        assert attempt.score == expected.score
        assert [c.passed for c in attempt.checks] == [c.passed for c in expected.checks]


def test_each_card_improves_over_the_week(filled: Callable[[datetime], Store]) -> None:
    # The week's card practice (the mock exchanges' turns are another thread: their replies
    # are drawn, not chosen to climb).
    attempts = [a for a in filled(MONDAY).attempts() if a.exchange_id is None]
    for card_id in {a.card_id for a in attempts}:
        scores = [
            a.score for a in sorted(attempts, key=lambda a: a.created_at) if a.card_id == card_id
        ]
        if len(scores) > 1:
            assert scores[-1] > scores[0], card_id
            assert scores == sorted(scores), card_id


def test_one_heard_card(filled: Callable[[datetime], Store]) -> None:
    cards = filled(MONDAY).heard_cards()
    assert len(cards) == 1
    assert cards[0].source == "heard"


@pytest.mark.parametrize("now", WEEK, ids=lambda now: now.strftime("%a"))
def test_four_outcomes_and_exactly_one_overdue(
    now: datetime, filled: Callable[[datetime], Store]
) -> None:
    interviews = filled(now).interviews()
    assert len(interviews) == 6
    with_outcome = [i for i in interviews if i.outcome]
    assert len(with_outcome) == 4
    assert {i.outcome for i in with_outcome} <= set(OUTCOMES)
    assert {"offer", "rejected"} <= {i.outcome for i in with_outcome}
    # The app's own reading of the silence clock, as of the demo's "now".
    rubric = load_rubric()
    overdue = [i for i in interviews if rate_saved(i, now.date(), rubric).overdue]
    assert len(overdue) == 1
    assert not overdue[0].outcome
    assert overdue[0].company == HEARD_COMPANY
    assert all(datetime.fromisoformat(i.held_at).weekday() < 5 for i in interviews)
    # Calibration's read (the interview alone) spreads over the three bands, so the demo's
    # "Is my read reliable?" panel has something in each row.
    bands = {read_before_reply(i, rubric).band for i in with_outcome}
    assert bands == {"went well", "mixed", "went poorly"}
    # The overdue one loses ground as the silence grows, and four weeks on no longer reads
    # "went well" (it used to stay at 84 whatever the silence).
    scores = [
        rate_saved(overdue[0], now.date() + timedelta(days=7 * weeks), rubric).score or 0
        for weeks in range(5)
    ]
    assert all(later < earlier for earlier, later in itertools.pairwise(scores))
    later = rate_saved(overdue[0], now.date() + timedelta(days=28), rubric)
    assert later.band != "went well" and later.notes


def test_a_few_mock_exchanges_one_aloud(filled: Callable[[datetime], Store]) -> None:
    store = filled(MONDAY)
    exchanges = store.exchanges()
    assert len(exchanges) == 3
    assert [e.aloud for e in exchanges].count(True) == 1
    turns = {a.exchange_id for a in store.attempts() if a.exchange_id is not None}
    assert turns == {e.id for e in exchanges}
    assert any(len(e.turns) == 3 for e in exchanges), "a probe answered"


@pytest.mark.parametrize("now", WEEK, ids=lambda now: now.strftime("%a"))
def test_the_due_list_has_a_reply_overdue_and_on_weekdays_a_thank_you(
    now: datetime, filled: Callable[[datetime], Store]
) -> None:
    from coach.domain.due import due_items

    store = filled(now)
    items = due_items(
        store.applications(), store.interviews(), store.profile(), [], [], now, load_rubric()
    )
    kinds = [item.kind for item in items]
    assert kinds[0] == "overdue" and HEARD_COMPANY in items[0].text
    # The phone screen held earlier that day (at a weekend, Friday afternoon) is not thanked
    # yet: WEEK's hours are all after 9, when the demo holds it the same day.
    assert "thank-you" in kinds
    rounds = {a.id: 0 for a in store.applications()}
    for interview in store.interviews():
        assert interview.application_id is not None
        rounds[interview.application_id] += 1
    assert sorted(rounds.values()) == [1, 1, 1, 1, 2]
