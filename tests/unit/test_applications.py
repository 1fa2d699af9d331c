"""Applications and rounds: which interviews belong together, their order, their status."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coach.domain.applications import (
    application_key,
    group,
    next_stage,
    status_of,
)
from coach.domain.models import Application, Interview


def test_the_same_company_and_role_typed_differently_is_one_application() -> None:
    assert application_key("Northwind Labs", "Data Engineer") == application_key(
        " northwind  LABS\u200b", "data engineer\x07"
    )
    assert application_key("Northwind", "Analyst") != application_key("Northwind", "Engineer")


def test_rounds_are_in_the_order_held_and_the_latest_gives_the_status() -> None:
    app = Application("Acme", "Analyst", id=1)
    first = Interview(
        "Acme",
        "Analyst",
        stage="phone",
        held_at="2026-11-02",
        outcome="next round",
        application_id=1,
        id=5,
    )
    second = Interview(
        "Acme",
        "Analyst",
        stage="onsite",
        held_at="2026-11-12",
        outcome="rejected",
        application_id=1,
        id=3,
    )
    (view,) = group([app], [second, first])
    assert [r.id for r in view.rounds] == [5, 3]
    assert view.latest.stage == "onsite"
    assert view.status == "rejected"


def test_status_follows_the_latest_round_unless_the_user_set_one() -> None:
    rounds = [Interview("A", "B", held_at="2026-01-01", outcome="next round")]
    assert status_of(Application("A", "B"), rounds) == "active"
    assert status_of(Application("A", "B"), [Interview("A", "B", outcome="offer")]) == "offer"
    assert status_of(Application("A", "B"), [Interview("A", "B", outcome="no reply")]) == "no reply"
    assert status_of(Application("A", "B", status="withdrawn"), rounds) == "withdrawn"


def test_applications_come_most_recent_first_and_an_orphan_round_is_still_listed() -> None:
    apps = [Application("Old", "R", id=1), Application("New", "R", id=2)]
    interviews = [
        Interview("Old", "R", held_at="2026-01-05", application_id=1, id=1),
        Interview("New", "R", held_at="2026-03-01", application_id=2, id=2),
        Interview("Lost", "R", held_at="2026-02-01", application_id=99, id=3),
    ]
    views = group(apps, interviews)
    assert [v.application.company for v in views] == ["New", "Lost", "Old"]


def test_next_stage_follows_the_usual_order() -> None:
    assert next_stage("phone") == "technical"
    assert next_stage("onsite") == "final"
    assert next_stage("") == ""


_text = st.text(max_size=12)


@given(
    st.lists(
        st.builds(
            Interview,
            company=_text,
            role=_text,
            held_at=st.one_of(st.just(""), st.dates().map(str)),
            application_id=st.one_of(st.none(), st.integers(1, 4)),
        ),
        max_size=20,
    ),
    st.lists(st.integers(1, 4), unique=True),
)
def test_grouping_never_drops_or_repeats_a_round(
    interviews: list[Interview], ids: list[int]
) -> None:
    apps = [Application(f"c{i}", "r", id=i) for i in ids]
    views = group(apps, interviews)
    listed = [r for view in views for r in view.rounds]
    assert sorted(map(id, listed)) == sorted(map(id, interviews))
    assert all(view.rounds for view in views)
