"""The Rate form's rules, without a screen: what is valid, and what is kept."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coach.domain import Interview
from coach.domain.interview_form import (
    FIELDS,
    form_values,
    parse_form,
    parse_people,
    people_text,
)
from coach.domain.models import Person

TODAY = date(2026, 11, 20)


def test_a_complete_form_becomes_an_interview() -> None:
    result = parse_form(
        {
            "company": " Acme ",
            "role": "Dev",
            "stage": "onsite",
            "date": "2026-11-19",
            "time": "9:05",
            "scheduled_min": "45",
            "actual_min": "60",
            "questions_asked": "0",
            "asked_strengths": "yes",
            "asked_weaknesses": "no",
            "tone": "neutral",
            "gave_timeline": "yes",
            "timeline_date": "2026-11-26",
            "reply_date": "2026-11-20",
            "outcome": "offer",
        },
        TODAY,
    )
    assert result.ok
    interview = result.interview
    assert (interview.company, interview.held_at) == ("Acme", "2026-11-19T09:05")
    assert dict(interview.signals) == {
        "scheduled_min": 45,
        "actual_min": 60,
        "questions_asked": 0,
        "asked_strengths": True,
        "asked_weaknesses": False,
        "tone": "neutral",
        "gave_timeline": True,
    }
    assert (interview.timeline_date, interview.reply_date) == ("2026-11-26", "2026-11-20")


def test_each_rule_names_its_field() -> None:
    result = parse_form(
        {
            "company": "",
            "date": "2026-11-21",
            "time": "25:00",
            "scheduled_min": "0",
            "actual_min": "601",
            "questions_asked": "201",
            "follow_up_questions": "-1",
            "reply_date": "2026-11-30",
            "tone": "loud",
        },
        TODAY,
    )
    errors = result.errors
    assert "Company" in errors["company"]
    assert "can't be in the future" in errors["date"]
    assert "like 14:30" in errors["time"]
    assert "not 0" in errors["scheduled_min"] and "not 601" in errors["actual_min"]
    assert "not 201" in errors["questions_asked"]
    assert "whole number" in errors["follow_up_questions"]
    assert "not in the future" in errors["reply_date"]
    assert "one of positive" in errors["tone"]
    assert result.interview.signals == {}, "nothing invalid reaches the interview"


def test_reply_before_the_interview_is_refused() -> None:
    result = parse_form({"company": "A", "date": "2026-11-10", "reply_date": "2026-11-01"}, TODAY)
    assert "on or after the interview" in result.errors["reply_date"]


def test_round_trip_of_a_saved_interview() -> None:
    saved = Interview(
        company="A",
        role="B",
        stage="panel",
        held_at="2026-11-10T14:30",
        signals={"actual_min": 50, "smiles": "some", "vague_next_steps": False},
        outcome="rejected",
        closing_answer="More SQL.",
        id=4,
    )
    again = parse_form(form_values(saved), TODAY, interview_id=4)
    assert again.ok and again.interview == saved


@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=12)))
def test_any_typing_gives_errors_or_a_valid_interview_never_a_crash(values: dict[str, str]) -> None:
    result = parse_form(values, TODAY)
    for key, value in result.interview.signals.items():
        if key.endswith("_min"):
            assert isinstance(value, int) and 1 <= value <= 600
        elif key in ("questions_asked", "follow_up_questions"):
            assert isinstance(value, int) and 0 <= value <= 200
    if result.interview.held_at:
        assert date.fromisoformat(result.interview.held_at[:10]) <= TODAY


def test_typo_years_are_refused_and_old_dates_never_break_the_rater() -> None:
    from coach import rate_interview
    from coach.domain.interviews import signals_for

    assert "ten years" in parse_form({"company": "A", "date": "2015-11-20"}, TODAY).errors["date"]
    assert (
        "check the year"
        in parse_form(
            {"company": "A", "date": "2026-11-19", "timeline_date": "2062-11-20"}, TODAY
        ).errors["timeline_date"]
    )
    assert (
        "whole number"
        in parse_form({"company": "A", "actual_min": "9" * 5000}, TODAY).errors["actual_min"]
    )
    ancient = Interview(
        company="A",
        role="r",
        held_at="1990-01-01",
        reply_date="2026-01-01",
        timeline_date="2099-01-01",
        signals={"gave_timeline": True},
    )
    # A saved odd date must still rate.
    assert rate_interview(signals_for(ancient, TODAY)).band != "nothing to rate"


def test_people_with_commas_or_no_name_are_read_and_written_alike() -> None:
    typed = "Ana Ruiz, Head of Data, EMEA\n, Recruiter\nRuiz\\, Ana, CTO\n\nBo Chen"
    people, problem = parse_people(typed)
    assert problem == ""
    assert people == (
        Person("Ana Ruiz", "Head of Data, EMEA"),
        Person("", "Recruiter"),  # a title alone: someone whose name was not caught
        Person("Ruiz, Ana", "CTO"),
        Person("Bo Chen"),
    )
    assert people_text(people) == typed.replace("\n\n", "\n")


LINE_BREAKS = {ch for ch in map(chr, range(0x3000)) if len(f"a{ch}b".splitlines()) > 1}
PART = st.text(
    st.one_of(
        st.sampled_from([",", "\\", "\N{EM DASH}", "\N{EN DASH}", "-", " "]),
        st.characters(exclude_categories=["Cs"]).filter(lambda ch: ch not in LINE_BREAKS),
    ),
    max_size=12,
).map(str.strip)
"""A name or title as a line can hold it: no line break, no space at either end."""


@given(st.lists(st.tuples(PART, PART).filter(any), max_size=5))
def test_any_people_written_to_the_field_read_back_the_same(parts: list[tuple[str, str]]) -> None:
    people = tuple(Person(name, title) for name, title in parts)
    assert parse_people(people_text(people)) == (people, "")


def test_people_saved_are_kept_as_they_are_until_the_field_is_retyped() -> None:
    # From a hand-edited file: a line break in a name, which no line of the field can hold.
    saved = (Person("Ana\nRuiz", "CTO"), Person("", "Recruiter"))
    values = form_values(Interview("Acme", "Dev", held_at="2026-11-19", people=saved))
    result = parse_form(values, TODAY, 1, saved)
    assert result.ok and result.interview.people == saved
    retyped = parse_form(values | {"people": "Ana Ruiz, CTO"}, TODAY, 1, saved)
    assert retyped.interview.people == (Person("Ana Ruiz", "CTO"),)
