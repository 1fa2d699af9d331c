"""Find on Rate (ctrl+l: the list filtered as you type) and the form's notes and interviewers,
driven like a user, then checked in what is saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from coach.domain import Interview
from coach.domain.models import Person
from coach.screens.rate_draft import DRAFT_KEY
from coach.store.opening import open_store
from coach.store.store import Store
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rate import app_on
from tests.ui.test_rate_fit import ready
from tests.ui.test_rate_rounds import SIGNALS, rows, two_rounds


def three_applications(db_path: Path) -> Store:
    store = two_rounds(db_path)  # Globex (two rounds, rejected), Initech
    store.save_interview(
        Interview(
            "Hooli",
            "Data engineer",
            "onsite",
            "2026-11-15",
            SIGNALS,
            notes="They migrate to dbt next year.\nAsk about on-call.",
        )
    )
    return store


def title(screen: object) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return text_of(screen.query_one("#list-title", Static))


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_find_filters_the_list_as_you_type(db_path: Path, size: tuple[int, int]) -> None:
    store = three_applications(db_path)
    hooli = next(i for i in store.interviews() if i.company == "Hooli")
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        find = screen.query_one("#list-find", Input)
        await wait_until(pilot, lambda: table.row_count == 3, "three applications")
        assert "3 applications" in title(screen)
        await pilot.press("ctrl+l")
        assert app.focused is find
        await pilot.press(*"DBT")  # in Hooli's notes, any case
        await wait_until(pilot, lambda: table.row_count == 1, "one match")
        assert "1 of 3" in title(screen) and "Hooli" in rows(table)[0]
        await pilot.press("enter")  # opens the match
        await wait_until(pilot, lambda: screen.editing == hooli.id, "Hooli open")
        await pilot.press("ctrl+l", "escape")  # Escape empties the box
        await wait_until(pilot, lambda: table.row_count == 3, "everything again")
        assert find.value == "" and "3 applications" in title(screen)
        await pilot.press(*"rejected")  # a status
        await wait_until(pilot, lambda: table.row_count == 1, "Globex alone")
        await pilot.press(*"x" * 3)
        none = screen.query_one("#find-none", Static)
        await wait_until(pilot, lambda: none.display, "no match said")
        assert "No application matches" in text_of(none) and not table.display
        assert "0 of 3" in title(screen)
        await pilot.press("escape", *"engineer")  # a role: Initech's, and Hooli's
        await wait_until(pilot, lambda: "2 of 3" in title(screen), "two matches")
        await pilot.press("escape", *"well")  # a band: only Hooli's latest round went well
        await wait_until(pilot, lambda: "1 of 3" in title(screen), "one match")
        assert "Hooli" in rows(table)[0]
        # The box keeps the keys: the first match is lit, Down stays on the last row, and
        # Enter opens it (Hooli, open already: back to its company name).
        await pilot.press("down")
        assert app.focused is find and table.show_cursor and table.cursor_row == 0
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.focused is screen.query_one("#f-company"), "form")
    store.close()


async def test_notes_and_interviewers_are_saved_and_come_back(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*"Globex", "tab", *"Analyst")
        screen.query_one("#f-notes").focus()  # Tab's way in, past the signals
        await pilot.press(*"Asked about dbt", "enter", *"Team of five")
        await pilot.press("tab", *"Ana Ruiz, Head of Data", "enter", *"Bo Chen")
        await pilot.press("ctrl+s")  # from inside the interviewers' box
        await wait_until(pilot, lambda: screen.editing is not None, "saved")
        (saved,) = store.interviews()
        assert saved.notes == "Asked about dbt\nTeam of five"
        assert saved.people == (Person("Ana Ruiz", "Head of Data"), Person("Bo Chen"))
        await pilot.press("ctrl+n")  # a blank form, then the round again from the list
        await wait_until(pilot, lambda: screen.editing is None, "a new form")
        assert screen.query_one("#f-notes", TextArea).text == ""
        await pilot.press("ctrl+l", "down", "enter")
        await wait_until(pilot, lambda: screen.editing == saved.id, "reopened")
        assert screen.query_one("#f-notes", TextArea).text == "Asked about dbt\nTeam of five"
        people = screen.query_one("#f-people", TextArea).text
        assert people == "Ana Ruiz, Head of Data\nBo Chen"
    store.close()


async def test_an_interviewer_with_a_title_alone_is_saved(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*"Globex")
        screen.query_one("#f-people").focus()
        await pilot.press(*", Recruiter", "ctrl+s")  # the name not caught
        await wait_until(pilot, lambda: bool(store.interviews()), "saved")
        assert not screen.query_one("#err-people", Static).display
    (saved,) = open_store(db_path).store.interviews()
    assert saved.people == (Person("", "Recruiter"),)


async def test_imported_interviewers_survive_saves_and_edits(db_path: Path) -> None:
    # From an import or a hand-edited file: a title with no name, a name with a comma.
    store = open_store(db_path).store
    people = (Person("", "Recruiter"), Person("Ruiz, Ana", "CTO"))
    store.save_interview(
        Interview("Globex", "Analyst", "phone", "2026-11-02", SIGNALS, people=people)
    )
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+l", "enter")
        await wait_until(pilot, lambda: screen.editing is not None, "opened")
        field = screen.query_one("#f-people", TextArea)
        assert field.text == ", Recruiter\nRuiz\\, Ana, CTO"
        screen.query_one("#f-notes").focus()
        await pilot.press(*"Days later", "ctrl+s")  # another field: the people stay
        await wait_until(pilot, lambda: store.interviews()[0].notes == "Days later", "saved")
        assert store.interviews()[0].people == people
        field.focus()
        await pilot.press("down", "end", "enter", *"Bo Chen", "ctrl+s")  # the field retyped
        await wait_until(pilot, lambda: len(store.interviews()[0].people) == 3, "saved again")
    (saved,) = open_store(db_path).store.interviews()
    assert saved.people == (*people, Person("Bo Chen"))


async def test_notes_are_kept_in_the_draft(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*"Globex")
        screen.query_one("#f-notes").focus()
        await pilot.press(*"Half", "enter", *"written")
        screen.query_one("#f-people").focus()
        await pilot.press(*"Ana Ruiz, CTO")
        await wait_until(pilot, lambda: bool(store.drafts().get(DRAFT_KEY)), "the draft")
    kept = json.loads(store.drafts()[DRAFT_KEY])["values"]
    assert kept["notes"] == "Half\nwritten" and kept["people"] == "Ana Ruiz, CTO"
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        assert screen.query_one("#f-notes", TextArea).text == "Half\nwritten"
        assert screen.query_one("#f-people", TextArea).text == "Ana Ruiz, CTO"
    store.close()
