"""What is due today, over a seeded set of applications."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content.rubric import load_rubric
from coach.domain.cards import FeedbackCard
from coach.domain.due import DueItem, due_items
from coach.domain.models import (
    Application,
    Attempt,
    Interview,
    Person,
    Profile,
    SentMessage,
)

RUBRIC = load_rubric()
ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=ZONE)  # a Wednesday
CARDS = tuple(FeedbackCard(f"c{n}", f"kind{n}", f"said {n}", f"worry {n}") for n in range(4))

APPS = (
    Application("Northwind", "Data Engineer", id=1),
    Application("Contoso", "Analyst", id=2),
    Application("Fabrikam", "Developer", id=3),
    Application("Tailspin", "Tester", status="withdrawn", id=4),
    Application("Litware", "Architect", id=5),
    Application("Adatum", "Lead", id=6),
)
INTERVIEWS = (
    # Promised Fri 20 Nov: check-in from Tue 24, overdue from Wed 25.
    Interview(
        "Northwind",
        "Data Engineer",
        held_at="2026-11-16",
        timeline_date="2026-11-20",
        signals={"gave_timeline": True},
        application_id=1,
        id=1,
    ),
    # Yesterday: a thank-you note to send.
    Interview(
        "Contoso",
        "Analyst",
        held_at="2026-11-24",
        people=(Person("Ada\x1b[2J Byron"),),
        application_id=2,
        id=2,
    ),
    # Rejected: nothing due, though no reply to the rejection was sent.
    Interview(
        "Fabrikam", "Developer", held_at="2026-11-24", outcome="rejected", application_id=3, id=3
    ),
    # Withdrawn, long silent: nothing.
    Interview("Tailspin", "Tester", held_at="2026-10-01", application_id=4, id=4),
    # Thanked and checked in already, answered: nothing.
    Interview(
        "Litware",
        "Architect",
        held_at="2026-11-23",
        reply_date="2026-11-24",
        messages=(SentMessage("thank-you", "2026-11-23"),),
        application_id=5,
        id=5,
    ),
    # The next round, the day after tomorrow.
    Interview("Adatum", "Lead", stage="onsite", held_at="2026-11-27", application_id=6, id=6),
)


def _items(**changes: object) -> list[DueItem]:
    args: dict[str, object] = {
        "applications": APPS,
        "interviews": INTERVIEWS,
        "profile": Profile(),
        "attempts": (),
        "cards": CARDS,
        "now": NOW,
        "rubric": RUBRIC,
    } | changes
    return due_items(**args)  # type: ignore[arg-type]


def test_the_due_list_in_order_of_urgency() -> None:
    items = _items()
    # One line per round: the overdue reply says what to do about it (the check-in).
    assert [(item.kind, item.interview_id) for item in items] == [
        ("overdue", 1),
        ("thank-you", 2),
        ("practise", 6),
    ]
    overdue, thanks, practise = items
    assert overdue.text == (
        "Reply overdue from Northwind (Data Engineer), promised 2026-11-20: send a check-in"
    )
    assert overdue.since == date(2026, 11, 24)  # the check-in was due from the Tuesday
    assert thanks.since == date(2026, 11, 24)
    assert "Ada[2J Byron at Contoso (Analyst)" in thanks.text
    assert "\x1b" not in thanks.text
    assert "Adatum (Lead) in 2 days (2026-11-27)" in practise.text
    assert "5 new" in practise.text


def test_a_check_in_comes_before_the_reply_is_overdue_and_is_folded_into_it() -> None:
    # Tuesday 24: the check-in is due, the reply not yet overdue.
    (check_in,) = _items(interviews=INTERVIEWS[:1], now=NOW - timedelta(days=1))
    assert (check_in.kind, check_in.text) == (
        "check-in",
        "Check in with Northwind (Data Engineer): promised 2026-11-20",
    )
    # A check-in sent: the reply is still overdue, with nothing more to send.
    checked = replace(INTERVIEWS[0], messages=(SentMessage("check-in", "2026-11-24"),))
    (late,) = _items(interviews=(checked,))
    assert (late.kind, late.since) == ("overdue", date(2026, 11, 25))
    assert late.text == "Reply overdue from Northwind (Data Engineer), promised 2026-11-20"
    # No date promised: the rubric's deadline is named.
    vague = replace(INTERVIEWS[0], timeline_date="", signals={})
    (late,) = _items(interviews=(vague,), now=NOW + timedelta(days=30))
    assert late.kind == "overdue" and ", expected by 2026-11-" in late.text
    assert late.text.endswith(": send a check-in")


def test_a_sent_thank_you_and_a_reply_clear_the_list() -> None:
    done = tuple(
        replace(i, messages=(SentMessage("thank-you", "2026-11-24"),), reply_date="2026-11-24")
        for i in INTERVIEWS
        if i.id != 6
    )
    assert _items(interviews=done) == []


def test_the_profiles_interview_tomorrow_gives_tonights_cards() -> None:
    profile = Profile(interview_date="2026-11-26")
    items = _items(interviews=INTERVIEWS[:1], profile=profile)
    practise = items[-1]
    assert practise.kind == "practise" and practise.interview_id is None
    assert practise.text == "Interview tomorrow (2026-11-26): 5 cards to go, 0 to repeat"
    # Every card answered well tonight: nothing left to practise.
    attempts = tuple(
        Attempt("response", "x", card_id=card_id, score=90, created_at=NOW.isoformat())
        for card_id in ("closing-question", *(c.id for c in CARDS))
    )
    later = NOW + timedelta(hours=1)
    assert [
        i.kind for i in _items(interviews=(), profile=profile, attempts=attempts, now=later)
    ] == []


def test_a_round_later_today_is_practised_for_not_thanked_for() -> None:
    # Held today at 14:00: at 09:00 it is the interview to practise for; once it has begun,
    # a thank-you note is due and there is nothing left to practise for.
    today = replace(INTERVIEWS[5], held_at="2026-11-25T14:00")
    items = _items(interviews=(today,))
    assert [(i.kind, i.interview_id) for i in items] == [("practise", 6)]
    assert "Adatum (Lead) today (2026-11-25)" in items[0].text
    after = _items(interviews=(today,), now=NOW.replace(hour=15))
    assert [(i.kind, i.interview_id) for i in after] == [("thank-you", 6)]
    # A round with no time is today's interview all day.
    untimed = replace(today, held_at="2026-11-25")
    kinds = [i.kind for i in _items(interviews=(untimed,), now=NOW.replace(hour=15))]
    assert kinds == ["thank-you", "practise"]


def test_no_practise_line_with_nothing_to_practise() -> None:
    # Every card answered well an hour ago: none due, none new, so no "0 cards due, 0 new".
    attempts = tuple(
        Attempt("response", "x", card_id=card_id, score=90, created_at=NOW.isoformat())
        for card_id in ("closing-question", *(c.id for c in CARDS))
    )
    later = NOW + timedelta(hours=1)
    assert _items(interviews=INTERVIEWS[5:], attempts=attempts, now=later) == []
    (practise,) = _items(interviews=INTERVIEWS[5:], attempts=attempts[1:], now=later)
    assert practise.text.endswith(": 0 cards due, 1 new to practise")


def test_an_interview_far_ahead_or_past_is_not_practice() -> None:
    assert _items(interviews=(), profile=Profile(interview_date="2026-12-20")) == []
    assert _items(interviews=(), profile=Profile(interview_date="2026-11-01")) == []


def test_no_reply_recorded_and_settled_statuses_need_nothing() -> None:
    # No check-in sent: "no reply" alone settles it, on the round or on the application,
    # whatever the other says (a scheduled `coach due` must not nag about it every day).
    silent = replace(INTERVIEWS[0], outcome="no reply")
    assert _items(interviews=(silent,)) == []
    assert _items(applications=(replace(APPS[0], status="active"),), interviews=(silent,)) == []
    assert (
        _items(applications=(replace(APPS[0], status="no reply"),), interviews=INTERVIEWS[:1]) == []
    )
    for status in ("offer", "rejected", "withdrawn"):
        apps = (replace(APPS[0], status=status),)
        assert _items(applications=apps, interviews=INTERVIEWS[:1]) == []


@settings(max_examples=60, deadline=None)
@given(
    held=st.sampled_from(["", "2026-11-20", "9999-12-31", "2100-12-31", "1970-01-01", "x"]),
    promised=st.sampled_from(["", "2026-11-20", "2100-12-31", "1970-01-01"]),
    outcome=st.sampled_from(["", "offer", "rejected", "no reply", "next round", "??"]),
    interview_date=st.sampled_from(["", "2026-11-26", "2100-12-31", "bad"]),
)
def test_any_dates_give_a_list_without_raising(
    held: str, promised: str, outcome: str, interview_date: str
) -> None:
    interview = Interview("A\x00", "B\n", held_at=held, timeline_date=promised, outcome=outcome)
    items = _items(
        applications=(), interviews=(interview,), profile=Profile(interview_date=interview_date)
    )
    assert all("\x00" not in item.text and "\n" not in item.text for item in items)
