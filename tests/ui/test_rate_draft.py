"""The Rate form's draft, restored from a drafts file edited by hand (review of issue 11): an
"editing" id that is not an interview of the database, JSON nested absurdly deep, a value of
megabytes. And a delete that finds the interview already gone says so.

Before: "editing": -1 saved the interview under key "-1" and the next start set the whole
database aside as corrupt; true crashed; 10**20 saved an interview no list showed; an id above
the mark was overwritten by a later new interview; "[" x 100,000 raised RecursionError at
every start of Rate; a 20 MB answer took 15 s to open Rate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, TextArea

from coach.domain import Interview
from coach.screens.confirm import ConfirmScreen
from coach.screens.rate import RateScreen
from coach.screens.rate_draft import DRAFT_KEY
from coach.store.drafts import drafts_path
from coach.store.opening import open_store
from coach.widgets.draft_limits import MAX_DRAFT_CHARS
from tests.ui.keyboard import wait_until
from tests.ui.test_rate import SIZE, app_on
from tests.ui.toasts import toasts

VALUES = {"company": "Globex", "role": "Analyst", "date": "2026-11-20"}


def with_draft(db_path: Path, draft: str) -> None:
    open_store(db_path).store.close()
    drafts_path(db_path).write_text(json.dumps({DRAFT_KEY: draft}), encoding="utf-8")


def form(editing: Any, **values: str) -> str:
    return json.dumps({"values": {**VALUES, **values}, "editing": editing})


async def save_restored(db_path: Path) -> RateScreen:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await wait_until(pilot, lambda: screen.ready, "the list")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(store.interviews()), "the save")
        assert any(title == "Interview saved" for title, _ in toasts(app))
    store.close()
    return screen


@pytest.mark.parametrize("editing", [-1, 0, True, 10**20, 2.0, "1", 5])
async def test_a_draft_editing_an_interview_that_is_not_there_is_saved_as_a_new_one(
    db_path: Path, editing: Any
) -> None:
    with_draft(db_path, form(editing))
    await save_restored(db_path)
    opened = open_store(db_path)
    assert opened.problem is None  # was: the database set aside as corrupt ("-1")
    [saved] = opened.store.interviews()
    assert (saved.id, saved.company) == (1, "Globex")
    # The next new interview gets the next id: nothing was saved above the mark.
    new = opened.store.save_interview(Interview(company="Next", role="r"))
    assert new.id == 2


async def test_a_draft_editing_a_saved_interview_still_edits_it(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="Old name", role="Analyst", held_at="2026-11-20"))
    store.close()
    drafts_path(db_path).write_text(json.dumps({DRAFT_KEY: form(1)}), encoding="utf-8")
    await save_restored(db_path)
    [saved] = open_store(db_path).store.interviews()
    assert (saved.id, saved.company) == (1, "Globex")


@pytest.mark.parametrize(
    "draft",
    [
        "[" * 100_000,
        json.dumps({"values": {"company": ["x"] * 3, "scheduled_min": 1e308}}),
        json.dumps({"values": "x"}),
        "1" * 5000,
    ],
    ids=["nested 100,000 deep", "values of other types", "values not an object", "5,000 digits"],
)
async def test_a_draft_the_form_cannot_use_opens_a_new_form(db_path: Path, draft: str) -> None:
    with_draft(db_path, draft)
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await wait_until(pilot, lambda: screen.ready, "the list")
        assert screen.values()["role"] == ""


async def test_a_huge_answer_in_the_draft_is_kept_aside_and_the_form_gets_its_beginning(
    db_path: Path,
) -> None:
    answer = "word " * 400_000  # 2,000,000 characters
    with_draft(db_path, form(None, closing_answer=answer))
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await wait_until(pilot, lambda: screen.ready, "the list")
        shown = screen.query_one("#f-closing_answer", TextArea).text
        assert shown == answer[:MAX_DRAFT_CHARS]
        [message] = [m for t, m in toasts(app) if t == "A long draft"]
        assert "2,000,000 characters" in message and "kept in" in message
    [copy] = sorted(db_path.parent.glob("*.long-draft-*"))
    whole = json.loads(json.loads(copy.read_text(encoding="utf-8"))[DRAFT_KEY])
    assert whole["values"]["closing_answer"] == answer  # nothing lost
    kept = json.loads(open_store(db_path).store.drafts()[DRAFT_KEY])
    assert len(kept["values"]["closing_answer"]) == MAX_DRAFT_CHARS


async def test_deleting_an_interview_already_gone_does_not_say_deleted(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="Globex", role="Analyst", held_at="2026-11-20"))
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RateScreen)
        await wait_until(pilot, lambda: screen.ready, "the list")
        screen.query_one("#interview-table", DataTable).focus()
        await pilot.press("enter")  # opens the interview, as a user does
        await wait_until(pilot, lambda: screen.editing is not None, "the interview to open")
        open_store(db_path).store.delete_interview(1)  # another window deletes it
        await pilot.press("ctrl+d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen, "the answer")
        await wait_until(pilot, lambda: bool(toasts(app)), "a toast")
        titles = [title for title, _ in toasts(app)]
        assert "Nothing deleted" in titles and "Interview deleted" not in titles
        assert screen.editing is None
