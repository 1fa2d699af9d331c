"""Spaced repetition: Leitner boxes at 1, 3, 7 and 14 days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coach.domain import Attempt, drill
from coach.domain.drill import INTERVAL_DAYS, next_box, next_due, progress

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def attempt(card: str, score: int, day: float) -> Attempt:
    when = (T0 + timedelta(days=day)).isoformat()
    return Attempt(kind="response", text="x", card_id=card, score=score, created_at=when)


def test_intervals_are_1_3_7_14_days() -> None:
    assert INTERVAL_DAYS == (1, 3, 7, 14)


def test_good_answers_climb_and_a_low_score_goes_back_to_box_one() -> None:
    # A new card starts in box 1: each good answer moves it up one.
    history = [attempt("c", 80, 0), attempt("c", 90, 3)]
    state = progress("c", history)
    assert state.box == 3
    assert state.due_at == T0 + timedelta(days=3 + 7)
    history.append(attempt("c", 30, 10))
    state = progress("c", history)
    assert state.box == 1
    assert state.due_at == T0 + timedelta(days=10 + 1)
    assert state.best == 90 and state.scores == (80, 90, 30)


def test_a_first_answer_of_100_and_one_of_0_are_not_due_alike() -> None:
    # Both once landed in box 1, "due again in 1 day".
    strong, weak = progress("c", [attempt("c", 100, 0)]), progress("c", [attempt("c", 0, 0)])
    assert (strong.box, strong.due_at) == (2, T0 + timedelta(days=3))
    assert (weak.box, weak.due_at) == (1, T0 + timedelta(days=1))


def test_box_never_passes_four() -> None:
    # Answered well on each day it falls due, and then some.
    history = [attempt("c", 100, d) for d in (0, 3, 10, 24, 38, 52)]
    assert progress("c", history).box == 4


def test_good_answers_before_the_card_is_due_move_neither_its_box_nor_its_date() -> None:
    """The evening before an interview repeats cards within minutes: those repeats must not
    carry a card up the boxes (75 then 80 minutes apart once made it box 3, due in a week)."""
    evening = [attempt("c", 75, 0), attempt("c", 80, 0.01), attempt("c", 100, 0.02)]
    state = progress("c", evening)
    assert (state.box, state.due_at) == (2, T0 + timedelta(days=3))
    # A poor answer counts at any time: it goes back to the first box, due a day after it.
    state = progress("c", [*evening, attempt("c", 20, 0.03)])
    assert (state.box, state.due_at) == (1, T0 + timedelta(days=1.03))
    # "Due in 3 days" holds all of that day: half a day early is on time.
    state = progress("c", [attempt("c", 80, 0), attempt("c", 80, 2.5)])
    assert state.box == 3


def test_new_card_is_due_now() -> None:
    state = progress("new", [])
    assert state.box == 0 and state.is_due(T0) and state.best is None


@given(st.integers(0, 4), st.integers(0, 100))
def test_next_box_stays_in_range_and_low_scores_reset(box: int, score: int) -> None:
    after = next_box(box, score)
    assert 1 <= after <= 4
    if score < 50:
        assert after == 1
    if score >= 70:
        assert after >= min(4, box + 1)


def test_next_due_prefers_overdue_then_new_and_skips_the_current_card() -> None:
    history = [attempt("done", 60, 0), attempt("overdue", 90, 0), attempt("overdue", 90, 1)]
    now = T0 + timedelta(days=9)  # "overdue" (box 3, due day 8) and "done" (box 1, due day 1)
    cards = ["new", "overdue", "done"]
    assert next_due(cards, history, now) == "done"  # due on day 1: the most overdue
    assert next_due(cards, history, now, after="done") == "overdue"
    assert next_due(["new"], [], now, after="new") == "new"
    assert next_due([], [], now) is None


def test_nothing_due_gives_the_soonest() -> None:
    history = [attempt("a", 90, 0), attempt("b", 90, 0.5)]
    assert next_due(["b", "a"], history, T0 + timedelta(hours=1)) == "a"


def test_attempts_are_ordered_by_their_moment_not_their_text_across_time_zones() -> None:
    from coach.domain.progress import score_trend

    # 10:00 at +05:00 is 05:00 UTC; 09:00 at -08:00 is 17:00 UTC, twelve hours later.
    earlier = Attempt("response", "a", "c", 70, created_at="2026-01-01T10:00:00+05:00")
    later = Attempt("response", "b", "c", 60, created_at="2026-01-01T09:00:00-08:00")
    assert drill.progress("c", [later, earlier]).scores == (70, 60)
    assert score_trend([later, earlier]) == [70, 60]


def test_a_fresh_deck_is_met_one_kind_at_a_time_not_a_whole_kind_first() -> None:
    from coach.content.loader import load_deck

    _, deck = load_deck()
    kinds = {card.id: card.category for card in deck}
    ids = ["closing-question", "req-dbt", *(card.id for card in deck)]
    order = drill.new_card_order(ids, kinds)
    first = sorted(ids, key=order.__getitem__)
    # Cards about you first, in their order; then the first card of each of the 16 kinds.
    assert first[:2] == ["closing-question", "req-dbt"]
    assert [kinds[c] for c in first[2:18]] == list(dict.fromkeys(kinds.values()))
    assert len({kinds[c] for c in first[2:18]}) == 16

    # Practising with ctrl+n walks the same way: the question, then one card of each kind.
    history: list[Attempt] = []
    walked = []
    current = None
    for step in range(18):  # one evening: nothing practised falls due again
        moment = step / 1000
        now = T0 + timedelta(days=moment + 0.0001)
        current = next_due(ids, history, now, after=current, kinds=kinds)
        assert current is not None
        walked.append(current)
        history.append(attempt(current, 80, moment))
    assert walked == first[:18]


def test_without_kinds_new_cards_keep_their_order() -> None:
    assert next_due(["b", "a", "c"], [], T0) == "b"
    assert drill.new_card_order(["b", "a"], {}) == {"b": 0, "a": 1}


CARD_IDS = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=5, unique=True)


@given(
    CARD_IDS,
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d", "x"]), st.integers(0, 100), st.integers(0, 30)
        ),
        max_size=25,
    ),
    st.integers(0, 40),
    st.sampled_from([None, "a", "b"]),
)
def test_grouping_the_history_once_picks_the_card_a_full_replay_per_card_would(
    ids: list[str], rows: list[tuple[str, int, int]], day: int, after: str | None
) -> None:
    history = [attempt(card, score, d) for card, score, d in rows]
    now = T0 + timedelta(days=day)
    # The reference: every card replayed against the whole history, deck order for new cards.
    states = [progress(card_id, history) for card_id in ids]

    def urgency(state: drill.CardProgress) -> tuple[int, datetime, int]:
        due = state.due_at
        rank = 0 if due is not None and due <= now else 1 if due is None else 2
        return (rank, due or now, ids.index(state.card_id))

    ranked = sorted(states, key=urgency)
    expected = next((s.card_id for s in ranked if s.card_id != after), ranked[0].card_id)
    assert next_due(ids, history, now, after=after) == expected
