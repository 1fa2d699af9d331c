"""The next round's form on Rate, driven like a user: it joins the application it was started
from only while it still names it, and it is offered only when a save records a next round."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from coach.screens.confirm import ConfirmScreen
from coach.store.opening import open_store
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rate import app_on
from tests.ui.test_rate_fit import ready
from tests.ui.test_rate_rounds import hooli_next_round, two_rounds
from tests.ui.toasts import toasts


def form_title(screen: object) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return text_of(screen.query_one("#form-title", Static)).strip()


async def test_a_next_rounds_form_retyped_to_another_company_is_not_filed_under_the_old(
    db_path: Path,
) -> None:
    store = two_rounds(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        await hooli_next_round(pilot, screen, "y")
        assert form_title(screen) == "Next round of Hooli · Analyst"
        company = screen.query_one("#f-company")
        company.focus()
        await pilot.press("ctrl+a", *"Initrode")  # not Hooli's round after all
        await wait_until(pilot, lambda: form_title(screen) == "A new interview", "the title")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(store.interviews()) == 5, "saved")
    saved = open_store(db_path).store
    rounds = {i.company: i for i in saved.interviews()}
    names = {a.id: a.company for a in saved.applications()}
    assert names[rounds["Initrode"].application_id] == "Initrode"
    assert names[rounds["Hooli"].application_id] == "Hooli"
    assert rounds["Initrode"].application_id != rounds["Hooli"].application_id


async def test_a_next_rounds_form_with_its_names_retyped_alike_joins(db_path: Path) -> None:
    store = two_rounds(db_path)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await hooli_next_round(pilot, screen, "y")
        screen.query_one("#f-company").focus()
        await pilot.press("ctrl+a", *"HOOLI ")  # the same company, as application_key has it
        await wait_until(pilot, lambda: screen.values()["company"] == "HOOLI ", "typed")
        assert form_title(screen) == "Next round of Hooli · Analyst"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(store.interviews()) == 5, "saved")
    hooli = [i for i in open_store(db_path).store.interviews() if i.company.lower() == "hooli"]
    assert len(hooli) == 2 and hooli[0].application_id == hooli[1].application_id


async def test_the_next_round_is_offered_only_when_a_save_records_it(db_path: Path) -> None:
    store = two_rounds(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 2, "the list")
        await pilot.press("ctrl+l", "down", "down", "enter")  # Initech: one round, no outcome
        await wait_until(pilot, lambda: screen.values()["company"] == "Initech", "Initech open")
        screen.query_one("#f-outcome").focus()
        await pilot.press("right", "right", "ctrl+s")  # next round: recorded now, so asked
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "answered")
        # Days later, notes added to the same round: its outcome was already "next round".
        screen.query_one("#f-notes").focus()
        await pilot.press(*"Recruiter called", "ctrl+s")
        await wait_until(
            pilot, lambda: [t for t, _m in toasts(app)].count("Interview saved") == 2, "saved"
        )
        assert app.screen is screen, "nothing asked again"
    initech = next(i for i in open_store(db_path).store.interviews() if i.company == "Initech")
    assert initech.outcome == "next round" and initech.notes == "Recruiter called"
