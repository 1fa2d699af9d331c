"""The evening-before rhythm, driven by an injected clock; the Leitner boxes around it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from coach.domain import Attempt, FeedbackCard, rhythm
from coach.domain.cards import QUESTION_CARD_ID
from coach.domain.models import Profile

ZONE = timezone(timedelta(hours=1))
INTERVIEW = date(2026, 11, 21)
EVENING = datetime(2026, 11, 20, 19, 0, tzinfo=ZONE)
"""The evening before the interview."""
CARDS = tuple(FeedbackCard(f"c{n}", f"kind{n}", f"said {n}", f"worry {n}") for n in range(4))


def answer(card_id: str, score: int, minute: int, day: datetime = EVENING) -> Attempt:
    when = (day + timedelta(minutes=minute)).isoformat()
    return Attempt("response", "x", card_id, score, created_at=when)


def test_the_date_comes_from_the_profile_and_a_bad_one_is_none() -> None:
    assert rhythm.interview_day(Profile(interview_date="2026-11-21")) == INTERVIEW
    assert rhythm.interview_day(Profile(interview_date="21/11/2026")) is None
    assert rhythm.interview_day(Profile()) is None


def test_the_evening_runs_from_the_day_before_through_the_interview_day() -> None:
    start = datetime(2026, 11, 20, 0, 0, tzinfo=ZONE)
    assert rhythm.evening_start(INTERVIEW, EVENING) == start
    assert rhythm.evening_start(INTERVIEW, datetime(2026, 11, 21, 23, 59, tzinfo=ZONE)) == start
    assert rhythm.evening_start(INTERVIEW, datetime(2026, 11, 19, 23, 59, tzinfo=ZONE)) is None
    assert rhythm.evening_start(INTERVIEW, datetime(2026, 11, 22, 0, 0, tzinfo=ZONE)) is None
    assert rhythm.evening_start(None, EVENING) is None


def test_a_weak_answer_comes_back_after_three_other_cards() -> None:
    history = [answer(QUESTION_CARD_ID, 40, 0)]
    served = []
    for minute in range(1, 5):
        card = rhythm.next_card(CARDS, history, INTERVIEW, EVENING, after=history[-1].card_id)
        assert card is not None
        served.append(card)
        history.append(answer(card, 90, minute))
    assert served == ["c0", "c1", "c2", QUESTION_CARD_ID]


def test_a_middling_answer_comes_once_more_after_the_cards_to_go_and_a_strong_one_is_done() -> None:
    history = [answer(QUESTION_CARD_ID, 80, 0), answer("c0", 90, 1)]
    order = []
    for minute in range(2, 6):
        card = rhythm.next_card(CARDS, history, INTERVIEW, EVENING, after=history[-1].card_id)
        assert card is not None
        order.append(card)
        history.append(answer(card, 75, minute))
    # c1, c2, c3 to go; then the question once more; c0 (90) never again tonight.
    assert order == ["c1", "c2", "c3", QUESTION_CARD_ID]
    plan = rhythm.tonight(CARDS, history, INTERVIEW, EVENING)
    assert plan is not None and plan.standing(QUESTION_CARD_ID) == "done"  # 80, then 75
    # c1-c3 were answered 75 once: each comes back once more, then nothing is left.
    assert plan.count("once more") == 3 and plan.count("to go") == 0


def test_the_status_says_what_is_left_for_tonight() -> None:
    history = [answer("c0", 40, 0), answer("c1", 80, 1), answer("c2", 95, 2)]
    assert rhythm.status(CARDS, history, INTERVIEW, EVENING) == (
        "Interview tomorrow:\n2 cards to go, 2 to repeat"
    )
    history += [answer(c, 95, 3 + n) for n, c in enumerate((QUESTION_CARD_ID, "c0", "c1", "c3"))]
    on_the_day = datetime(2026, 11, 21, 8, 0, tzinfo=ZONE)
    assert rhythm.status(CARDS, history, INTERVIEW, on_the_day) == (
        "Interview today:\nall done: go well."
    )
    assert rhythm.next_card(CARDS, history, INTERVIEW, on_the_day) is None


def test_yesterdays_practice_is_not_tonights() -> None:
    two_days_before = EVENING - timedelta(days=2)
    history = [answer("c0", 95, 0, two_days_before)]
    plan = rhythm.tonight(CARDS, history, INTERVIEW, EVENING)
    assert plan is not None and plan.standing("c0") == "to go"


def test_an_evening_plans_the_cards_about_you_the_practised_and_a_few_new_ones() -> None:
    deck = tuple(FeedbackCard(f"d{n}", f"kind{n % 3}", "said", "worry") for n in range(20))
    mine = FeedbackCard("req-sql", "heard", "said", "worry", source="tailored")
    history = [answer("d19", 60, 0, EVENING - timedelta(days=3))]
    plan = rhythm.tonight((mine, *deck), history, INTERVIEW, EVENING)
    assert plan is not None
    planned = [card.card_id for card in plan.cards]
    assert {QUESTION_CARD_ID, "req-sql", "d19"} <= set(planned)
    assert len(planned) == 3 + rhythm.EVENING_NEW_CARDS
    # A card picked from the list and answered tonight joins the plan.
    history.append(answer("d10", 50, 0))
    plan = rhythm.tonight((mine, *deck), history, INTERVIEW, EVENING)
    assert plan is not None and plan.standing("d10") == "again soon"


def test_without_a_date_or_after_the_interview_the_leitner_boxes_decide() -> None:
    history = [answer(QUESTION_CARD_ID, 40, 0)]
    after = datetime(2026, 11, 22, 9, 0, tzinfo=ZONE)
    for interview, now, due in ((None, EVENING, 0), (INTERVIEW, after, 1)):
        assert rhythm.tonight(CARDS, history, interview, now) is None
        assert rhythm.next_card(CARDS, history, interview, now, after=QUESTION_CARD_ID) == "c0"
        assert rhythm.status(CARDS, history, interview, now) == (
            f"● {due} due · ○ 4 new\nctrl+o: interview date"
        )
    early = EVENING - timedelta(days=4)
    assert rhythm.status(CARDS, [], INTERVIEW, early) == "Interview in 5 days:\n● 0 due · ○ 5 new"


def test_a_score_of_100_and_one_of_0_do_not_say_the_same() -> None:
    def note(score: int, interview: date | None) -> str:
        history = [answer("c0", score, 0)]
        return rhythm.saved_note("c0", CARDS, history, interview, EVENING)

    assert note(100, INTERVIEW) == "Done for tonight."
    assert note(0, INTERVIEW) == "Below 70: it comes back after 3 other cards."
    assert note(80, INTERVIEW) == "Once more before the evening ends."
    assert note(100, None) == "Box 2 of 4: due again in 3 days."
    assert note(0, None) == "Box 1 of 4: due again tomorrow."


SCORES = st.lists(st.integers(0, 100), max_size=30)


@given(SCORES)
def test_ctrl_n_never_serves_a_card_done_for_tonight_nor_the_same_card_twice(
    scores: list[int],
) -> None:
    history: list[Attempt] = []
    current: str | None = None
    for minute, score in enumerate(scores):
        plan = rhythm.tonight(CARDS, history, INTERVIEW, EVENING)
        assert plan is not None
        served = plan.next_card(after=current)
        left = len(plan.cards) - plan.count("done")
        if served is None:
            assert left == 0
            return
        assert plan.standing(served) != "done"
        assert served != current or left == 1
        # A card to answer once more waits while cards to go are left.
        if plan.standing(served) == "once more":
            assert plan.count("to go") == 0
        current = served
        history.append(answer(served, score, minute))


@given(SCORES)
def test_every_planned_card_stands_in_exactly_one_place(scores: list[int]) -> None:
    ids = [QUESTION_CARD_ID, *(card.id for card in CARDS)]
    history = [answer(ids[n % len(ids)], score, n) for n, score in enumerate(scores)]
    plan = rhythm.tonight(CARDS, history, INTERVIEW, EVENING)
    assert plan is not None
    total = plan.count("to go") + plan.count("again soon", "once more") + plan.count("done")
    assert total == len(plan.cards) == len(ids)
    for card in plan.cards:
        if card.scores and card.scores[-1] > rhythm.DONE_ABOVE:
            assert card.standing == "done"
        if card.scores and card.scores[-1] < rhythm.REPEAT_BELOW:
            assert card.standing == "again soon"


def test_the_edges_70_and_85_are_once_more_and_86_is_done() -> None:
    """The issue's words: below 70 comes back after a few other cards, 70 to 85 once more,
    above 85 done for the evening."""
    standings = {}
    for score in (69, 70, 85, 86):
        plan = rhythm.tonight(CARDS, [answer("c0", score, 0)], INTERVIEW, EVENING)
        assert plan is not None
        standings[score] = plan.standing("c0")
    assert standings == {69: "again soon", 70: "once more", 85: "once more", 86: "done"}
