"""Applications and their rounds on Rate, driven like a user: the list shows applications and,
under the open one, its rounds; a round that led to a next round offers the next round's form;
the application dialog (ctrl+g) sets the status or moves the round; Calibration and Progress
still count rounds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from coach.domain import Interview
from coach.domain.models import SignalValue
from coach.screens.application import ApplicationScreen
from coach.screens.confirm import ConfirmScreen
from coach.screens.rate import RateScreen
from coach.store.opening import open_store
from coach.store.store import Store
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rate import app_on
from tests.ui.test_rate_fit import ready
from tests.ui.toasts import toasts

SAVE_FIRST = "Open a saved round first (or save this one): its application is set here."

SIGNALS: dict[str, SignalValue] = {
    "scheduled_min": 45,
    "actual_min": 60,
    "questions_asked": 10,
    "tone": "positive",
}


def two_rounds(db_path: Path) -> Store:
    """Globex: a phone round that led to an onsite, which ended in a rejection; and Initech,
    one round, older."""
    store = open_store(db_path).store
    store.save_interview(Interview("Initech", "Engineer", "phone", "2026-10-01", SIGNALS))
    for stage, day, outcome in (("phone", "02", "next round"), ("onsite", "12", "rejected")):
        store.save_interview(
            Interview("Globex", "Analyst", stage, f"2026-11-{day}", SIGNALS, outcome=outcome)
        )
    return store


def rows(table: DataTable[object]) -> list[str]:
    return [" ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_an_application_opens_its_latest_round_and_lists_its_rounds(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = two_rounds(db_path)
    phone, onsite = (i for i in store.interviews() if i.company == "Globex")
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2, "one row per application")
        globex = rows(table)[0]
        # Rejected: no reply is awaited, so no follow-up badge; its status says how it ended.
        assert "Globex" in globex and "poorly" in globex and "rejected" in globex
        assert "replied" not in globex
        if size == (120, 36):  # Stage and Rounds need a wider list (docs/screens.md)
            assert "Analyst" in globex
        await pilot.press("ctrl+l", "down", "enter")  # the find box, the first row, open
        await wait_until(pilot, lambda: screen.editing == onsite.id, "the latest round open")
        assert screen.query_one("#f-company", Input).value == "Globex"
        await wait_until(pilot, lambda: table.row_count == 4, "its rounds listed under it")
        listed = rows(table)
        if size == (120, 36):
            assert "↳ 1 phone" in listed[1] and "next round" in listed[1], listed
        else:  # no Stage column: the stage follows the round's number
            assert "↳ 1 phone" in listed[1], listed
        assert "↳ 2" in listed[2] and "onsite" in listed[2] and "Initech" in listed[3]
        assert table.cursor_row == 2, "the cursor on the open round"
        await pilot.press("ctrl+l", "up", "enter")  # from the open round's row: the first round
        await wait_until(pilot, lambda: screen.editing == phone.id, "the first round open")
        assert screen.values()["stage"] == "phone" and table.cursor_row == 1
        await pilot.press("ctrl+l", "down", "down", "enter")  # Initech
        await wait_until(pilot, lambda: table.row_count == 2, "Globex's rounds folded")
    store.close()


async def test_next_round_offers_the_next_rounds_form_in_the_same_application(
    db_path: Path,
) -> None:
    store = two_rounds(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*"Hooli", "tab", *"Analyst", "tab", "right", "tab")  # a phone round
        screen.query_one("#f-outcome").focus()  # Tab's way in, past the signals
        await pilot.press("right", "right")  # offer, next round
        await wait_until(pilot, lambda: screen.values()["outcome"] == "next round", "picked")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        said = " ".join(text_of(s) for s in app.screen.query(Static))
        assert "Start the next round's form?" in said and "technical" in said
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen, "the question answered")
        values = screen.values()
        assert (values["company"], values["role"], values["stage"]) == (
            "Hooli",
            "Analyst",
            "technical",
        )
        assert screen.editing is None and values["outcome"] == ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.editing is not None, "the next round saved")
        # Answered by itself (no next round recorded): nothing more is asked.
        assert app.screen is screen
    store.close()
    saved = open_store(db_path).store
    hooli = [i for i in saved.interviews() if i.company == "Hooli"]
    assert [i.stage for i in hooli] == ["phone", "technical"]
    assert hooli[0].application_id == hooli[1].application_id is not None
    assert len(saved.applications()) == 3


async def hooli_next_round(pilot: Pilot[None], screen: RateScreen, answer: str) -> None:
    """Type a Hooli phone round whose outcome is "next round", save it, and answer "Start the
    next round's form?" with ``answer`` ("y" or "n")."""
    app = pilot.app
    await pilot.press(*"Hooli", "tab", *"Analyst")
    screen.query_one("#f-outcome").focus()
    await pilot.press("right", "right", "ctrl+s")  # offer, next round; save
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
    await pilot.press(answer)
    await wait_until(pilot, lambda: app.screen is screen, "the question answered")


async def test_not_now_keeps_the_saved_round_open(db_path: Path) -> None:
    store = two_rounds(db_path)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await hooli_next_round(pilot, screen, "n")
        assert screen.editing is not None and screen.values()["company"] == "Hooli"
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_application_dialog_sets_the_status_and_moves_the_round(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = two_rounds(db_path)
    phone = next(i for i in store.interviews() if i.stage == "phone" and i.company == "Globex")
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2, "the list")
        await pilot.press("ctrl+g")  # a new form: nothing to set yet, and it says so
        await wait_until(pilot, lambda: ("Application", SAVE_FIRST) in toasts(app), "the notice")
        assert app.screen is screen
        await pilot.press("ctrl+l", "down", "enter", "ctrl+l", "up", "enter")
        await wait_until(pilot, lambda: screen.editing == phone.id, "the phone round open")
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, ApplicationScreen), "the dialog")
        dialog = app.screen
        statuses = dialog.query_one("#app-status", OptionList)
        assert app.focused is statuses and statuses.option_count == 6
        assert dialog.query_one("#application-title", Static).region.bottom <= size[1]
        await pilot.press("down", "down", "down", "down", "enter")  # active, offer, rejected,
        await wait_until(pilot, lambda: app.screen is screen, "the status set")  # withdrawn
        await wait_until(
            pilot, lambda: any(a.status == "withdrawn" for a in screen.applications), "re-read"
        )
        if size == (120, 36):  # at 80x24 the list beside the calibration panel has no Status
            await wait_until(pilot, lambda: "withdrawn" in rows(table)[0], "the list updated")
        # Moved to an application of its own: Globex is then two rows.
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, ApplicationScreen), "again")
        await pilot.press("tab", "enter")  # the moves: a new application of its own
        await wait_until(pilot, lambda: table.row_count == 3, "the round on a row of its own")
        assert screen.editing == phone.id
    store.close()
    saved = open_store(db_path).store
    apps = {app.id: app for app in saved.applications()}
    globex = [i for i in saved.interviews() if i.company == "Globex"]
    assert len(apps) == 3 and globex[0].application_id != globex[1].application_id
    onsite = next(i for i in globex if i.stage == "onsite")
    assert onsite.application_id is not None
    assert apps[onsite.application_id].status == "withdrawn"


async def test_escape_closes_the_dialog_with_nothing_changed(db_path: Path) -> None:
    store = two_rounds(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2, "the list")
        await pilot.press("ctrl+l", "down", "enter", "ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, ApplicationScreen), "the dialog")
        await pilot.press("down", "escape")
        await wait_until(pilot, lambda: app.screen is screen, "closed")
    assert [a.status for a in store.applications()] == [None, None]
    store.close()


async def test_calibration_and_progress_count_rounds(db_path: Path) -> None:
    store = two_rounds(db_path)  # Globex: two rounds with an outcome, in one application
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        assert isinstance(screen, RateScreen)
        panel = screen.query_one("#calibration", Static)
        await wait_until(pilot, lambda: "(2 so far)" in text_of(panel), "two rounds counted")
        await pilot.press("f4")
        await wait_until(pilot, lambda: bool(app.screen.query("#progress-outcomes")), "Progress")
        strips = text_of(app.screen.query_one("#progress-outcomes", Static))
        # One dot per round: an application would be one line, not two.
        assert any(line.startswith("next round") for line in strips.splitlines()), strips
        assert any(line.startswith("rejected") for line in strips.splitlines()), strips
    store.close()


async def test_retyped_names_rename_a_lone_rounds_application_and_keep_what_the_form_lacks(
    db_path: Path,
) -> None:
    from coach.domain.models import Person, SentMessage

    store = two_rounds(db_path)
    (initech,) = (i for i in store.interviews() if i.company == "Initech")
    store.save_interview(
        replace(
            initech,
            notes="Kafka move",
            people=(Person("Ada", "CTO"),),
            messages=(SentMessage("thank-you", "2026-10-01", "Thanks!"),),
        )
    )
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2, "the list")
        await pilot.press("ctrl+l", "down", "down", "enter")  # Initech, alone in its application
        await wait_until(pilot, lambda: screen.editing == initech.id, "Initech open")
        company = screen.query_one("#f-company", Input)
        company.focus()
        await pilot.press("ctrl+a", *"Initech Corp", "ctrl+s")
        await wait_until(pilot, lambda: "Initech Corp" in rows(table)[1], "renamed on the list")
        # A round among others: retyping it does not rename its application.
        await pilot.press("ctrl+l", "up", "enter")  # Globex: its latest round
        await wait_until(pilot, lambda: screen.values()["company"] == "Globex", "Globex open")
        company.focus()
        await pilot.press("ctrl+a", *"Globecs", "ctrl+s")
        # The form holds "Globecs" before ctrl+s is even handled: wait on what is saved.
        await wait_until(
            pilot, lambda: any(i.company == "Globecs" for i in store.interviews()), "saved"
        )
    store.close()
    saved = open_store(db_path).store
    names = {a.id: a.company for a in saved.applications()}
    rounds = {i.company: i for i in saved.interviews()}
    lone = rounds["Initech Corp"]
    assert names[lone.application_id] == "Initech Corp"
    assert lone.notes == "Kafka move" and lone.people == (Person("Ada", "CTO"),)
    assert [m.text for m in lone.messages] == ["Thanks!"]
    assert sorted(names.values()) == ["Globex", "Initech Corp"]
    assert rounds["Globecs"].application_id == rounds["Globex"].application_id
    assert len({i.application_id for i in saved.interviews() if i.company != "Initech Corp"}) == 1


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_status_set_by_hand_drops_the_overdue_badge(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = two_rounds(db_path)  # Initech: silent since 2026-10-01, OVERDUE
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2, "the list")
        assert "OVERDUE" in rows(table)[1]
        await pilot.press("ctrl+l", "down", "down", "enter")
        await wait_until(pilot, lambda: screen.values()["company"] == "Initech", "Initech open")
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, ApplicationScreen), "the dialog")
        await pilot.press("down", "down", "down", "down", "enter")  # withdrawn
        await wait_until(pilot, lambda: "withdrawn" in rows(table)[1], "the list updated")
        assert "OVERDUE" not in rows(table)[1], rows(table)
        assert "withdrawn" in [a.status for a in store.applications()]
        await pilot.press("ctrl+g")  # back to following its rounds: still waiting on them
        await wait_until(pilot, lambda: isinstance(app.screen, ApplicationScreen), "again")
        await pilot.press("home", "enter")
        await wait_until(pilot, lambda: "OVERDUE" in rows(table)[1], "the badge again")
    assert [a.status for a in open_store(db_path).store.applications()] == [None, None]
