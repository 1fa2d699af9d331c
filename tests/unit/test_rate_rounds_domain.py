"""The Rate form's interviewers (``parse_people``, ``people_text``) and notes, and the list's
columns as it narrows (``fitting_columns``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.domain.interview_form import (
    MAX_PEOPLE,
    form_values,
    parse_form,
    parse_people,
    people_text,
)
from coach.domain.models import Interview, Person
from coach.widgets.application_rows import fitting_columns

TODAY = date(2026, 11, 20)
WORD = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=20,
)
NAME = WORD.map(lambda text: text.replace(",", " ").strip()).filter(bool)
TITLE = st.one_of(st.just(""), WORD.map(str.strip))


@given(st.lists(st.builds(Person, NAME, TITLE), max_size=MAX_PEOPLE))
def test_interviewers_read_back_as_written(people: list[Person]) -> None:
    read, problem = parse_people(people_text(tuple(people)))
    assert problem == "" and read == tuple(people)


def test_a_title_may_hold_commas_and_blank_lines_are_skipped() -> None:
    read, problem = parse_people("  Ana Ruiz , Head of Data, EMEA \n\n Bo Chen ")
    assert problem == ""
    assert read == (Person("Ana Ruiz", "Head of Data, EMEA"), Person("Bo Chen"))


def test_a_title_alone_is_a_person_and_too_many_people_is_an_error() -> None:
    assert parse_people("Ana\n, Recruiter") == ((Person("Ana"), Person("", "Recruiter")), "")
    assert "at most" in parse_people("\n".join(["Ana"] * (MAX_PEOPLE + 1)))[1]


def test_notes_and_people_go_through_the_form_and_back() -> None:
    interview = Interview(
        "Globex",
        "Analyst",
        held_at="2026-11-20",
        notes="Line one\nLine two",
        people=(Person("Ana Ruiz", "CTO"), Person("Bo")),
        id=4,
    )
    result = parse_form(form_values(interview), TODAY, 4)
    assert result.ok
    assert result.interview.notes == interview.notes
    assert result.interview.people == interview.people
    too_long = parse_form({**form_values(interview), "notes": "x" * 1_000_001}, TODAY)
    assert "Notes: at most" in too_long.errors["notes"]


@given(st.integers(min_value=30, max_value=300))
def test_columns_fit_and_give_way_by_priority(room: int) -> None:
    columns = fitting_columns(room)
    assert {"Company", "Score", "Band", "Follow-up"} <= set(columns)
    assert sum(width + 2 for width in columns.values()) <= max(room - 2, 40)
    if room >= 60:
        assert "Status" in columns
    if "Rounds" in columns or "Stage" in columns:
        assert {"Date", "Role", "Status"} <= set(columns)
    if room >= 100:
        assert {"Stage", "Rounds"} <= set(columns)


def test_with_no_room_for_status_a_settled_one_takes_the_follow_up_cell() -> None:
    from coach.content.rubric import load_rubric
    from coach.domain.applications import group
    from coach.domain.interviews import rate_saved
    from coach.domain.models import Application
    from coach.widgets.application_rows import application_cells, round_cells

    rounds = [
        Interview("Acme", "Analyst", "phone", "2026-11-02", outcome="next round", id=1),
        Interview("Acme", "Analyst", "final", "2026-11-09", outcome="offer", id=2),
    ]
    rounds = [replace(i, application_id=1) for i in rounds]
    (view,) = group([Application("Acme", "Analyst", id=1)], rounds)
    rating = rate_saved(view.latest, date(2026, 11, 20), load_rubric())
    narrow, wide = fitting_columns(46), fitting_columns(120)
    assert "Status" not in narrow and "Status" in wide

    def shown(cells: Sequence[object], columns: dict[str, int]) -> dict[str, str]:
        return {name: str(cell) for name, cell in zip(columns, cells, strict=True)}

    assert shown(application_cells(view, rating, narrow), narrow)["Follow-up"] == "offer"
    # Settled: no reply awaited, so no badge where Status says how it ended.
    assert shown(application_cells(view, rating, wide), wide)["Follow-up"] == "—"
    first = shown(round_cells(rounds[0], 1, rating, narrow), narrow)
    assert first["Follow-up"] == "next round"[: narrow["Follow-up"]] or "…" in first["Follow-up"]


@pytest.mark.parametrize("room", [46, 60, 80, 120, 200])
def test_a_settled_application_shows_no_overdue_badge_at_any_width(room: int) -> None:
    from coach.content.rubric import load_rubric
    from coach.domain.applications import group
    from coach.domain.interviews import rate_saved
    from coach.domain.models import Application
    from coach.widgets.application_rows import application_cells, round_cells

    # Silent for weeks: OVERDUE, until the user says they withdrew.
    rounds = [
        Interview("Acme", "Analyst", "phone", "2026-10-02", outcome="next round", id=1),
        Interview("Acme", "Analyst", "final", "2026-10-09", id=2),
    ]
    rounds = [replace(i, application_id=1) for i in rounds]
    rubric, today, columns = load_rubric(), date(2026, 11, 20), fitting_columns(room)
    rating = rate_saved(rounds[1], today, rubric)
    assert rating.follow_up == "overdue"
    (active,) = group([Application("Acme", "Analyst", id=1)], rounds)
    assert "OVERDUE" in map(str, application_cells(active, rating, columns))
    (view,) = group([Application("Acme", "Analyst", status="withdrawn", id=1)], rounds)
    cells = dict(zip(columns, map(str, application_cells(view, rating, columns)), strict=True))
    assert "OVERDUE" not in cells.values()
    assert cells["Follow-up"] == ("—" if "Status" in columns else "withdrawn")
    assert "withdrawn" in cells.get("Status", cells["Follow-up"])
    final = round_cells(rounds[1], 2, rating, columns, settled=True)
    assert "OVERDUE" not in map(str, final)
