"""The find box on Rate (ctrl+l) driven like a person: nothing hidden takes the keys, and keys
typed in a burst after the filter take effect in the order typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from coach.domain import Interview
from coach.domain.applications import ApplicationView
from coach.domain.find import haystack
from coach.screens.confirm import ConfirmScreen
from coach.store.opening import open_store
from coach.store.store import Store
from tests.ui.keyboard import burst, wait_until
from tests.ui.test_rate import app_on
from tests.ui.test_rate_find_notes import title
from tests.ui.test_rate_fit import ready
from tests.ui.test_rate_rounds import SIGNALS, two_rounds
from tests.ui.toasts import toasts


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_ctrl_l_with_no_interviews_leaves_the_typing_in_the_form(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        company = screen.query_one("#f-company", Input)
        assert app.focused is company
        await pilot.press("ctrl+l")
        assert ("Find", "Nothing to find yet") in [(t, m[:19]) for t, m in toasts(app)]
        assert app.focused is company, "no hidden box takes the keys"
        await pilot.press(*"Kestrel", "ctrl+s")
        await wait_until(pilot, lambda: bool(store.interviews()), "saved")
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "listed")
        assert title(screen).strip() == "1 application"
    assert [i.company for i in open_store(db_path).store.interviews()] == ["Kestrel"]


async def test_a_filter_is_dropped_when_the_list_empties(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview("Initech", "Engineer", "phone", "2026-10-01", SIGNALS))
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "the list")
        await pilot.press("ctrl+l", "down", "enter")
        await wait_until(pilot, lambda: screen.editing is not None, "Initech open")
        await pilot.press("ctrl+l", *"zzz")
        await wait_until(pilot, lambda: title(screen).strip() == "0 of 1", "nothing matches")
        await pilot.press("ctrl+d")  # from the box: the interview open goes, the list empties
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.editing is None and not store.interviews(), "gone")
        await pilot.press(*"Hooli", "ctrl+s")  # the first interview of an empty list
        await wait_until(pilot, lambda: bool(store.interviews()), "saved")
        await wait_until(pilot, lambda: table.row_count == 1, "Hooli listed")
        assert title(screen).strip() == "1 application"
        assert screen.query_one("#list-find", Input).value == ""
        assert not screen.query_one("#find-none", Static).display
    assert [i.company for i in open_store(db_path).store.interviews()] == ["Hooli"]


def with_kestrel(db_path: Path) -> Store:
    """Globex (two rounds), Initech (Engineer) and, the most recent, Kestrel (Data engineer)."""
    store = two_rounds(db_path)
    store.save_interview(
        Interview("Kestrel Labs", "Data engineer", "onsite", "2026-11-18", SIGNALS)
    )
    return store


async def test_a_filter_then_enter_in_one_burst_opens_what_it_finds(db_path: Path) -> None:
    store = with_kestrel(db_path)
    kestrel = next(i for i in store.interviews() if i.company == "Kestrel Labs")
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 3, "the list")
        await pilot.press("ctrl+l")
        find = screen.query_one("#list-find", Input)
        assert app.focused is find
        # Typed at once: the filter, Enter (and Enter again, as into the list before).
        burst(pilot, "kestrel", "enter", "enter")
        await wait_until(pilot, lambda: screen.editing == kestrel.id, "Kestrel open")
        await wait_until(pilot, lambda: app.focused is screen.query_one("#f-company"), "form")
        assert screen.values()["company"] == "Kestrel Labs" and find.value == "kestrel"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_up_and_down_in_a_burst_pick_the_row_enter_opens(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = with_kestrel(db_path)
    initech = next(i for i in store.interviews() if i.company == "Initech")
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 3, "the list")
        await pilot.press("ctrl+l")
        find = screen.query_one("#list-find", Input)
        # "engineer": Kestrel's role, then Initech's; the first is highlighted as typed.
        burst(pilot, "engineer", "down", "down", "up", "down", "enter")
        await wait_until(pilot, lambda: screen.editing == initech.id, "Initech open")
        assert find.value == "engineer" and "2 of 3" in title(screen)
        # The box kept the keys: Escape empties it, the list is whole again, Initech's row lit.
        await pilot.press("ctrl+l")
        burst(pilot, "escape", "up", "enter")
        await wait_until(pilot, lambda: screen.editing != initech.id, "the row above open")
        assert screen.values()["company"] == "Globex" and find.value == ""
        await wait_until(pilot, lambda: table.row_count == 5, "Globex's rounds listed")


async def test_tab_goes_from_the_box_into_the_list(db_path: Path) -> None:
    store = with_kestrel(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 3, "the list")
        await pilot.press("ctrl+l", "tab")
        assert app.focused is table
        await pilot.press("down", "enter")  # in the list: Globex, the second row
        await wait_until(pilot, lambda: screen.values()["company"] == "Globex", "Globex open")


async def test_typing_a_filter_folds_each_application_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coach.domain import find

    built: list[str] = []

    def counted(view: ApplicationView) -> str:
        built.append(view.application.company)
        return haystack(view)

    monkeypatch.setattr(find, "haystack", counted)
    store = with_kestrel(db_path)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 3, "the list")
        await pilot.press("ctrl+l", *"engi")
        await wait_until(pilot, lambda: "2 of 3" in title(screen), "two matches")
        assert sorted(built) == ["Globex", "Initech", "Kestrel Labs"], "once each, not a key"
