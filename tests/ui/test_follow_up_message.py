"""The follow-up message screen driven like a user: from the interview open on Rate, ctrl+o
drafts the message its moment calls for; edit, copy, mark sent; the saved interview holds it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from coach.domain import Interview
from coach.domain.models import Person, SentMessage
from coach.screens.confirm import ConfirmScreen
from coach.screens.follow_up_message import NO_INTERVIEW, FollowUpMessageScreen, draft_key
from coach.screens.rate import RateScreen
from coach.store.opening import open_store
from coach.store.store import Store
from tests.ui.keyboard import wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rate import app_on, rating_text
from tests.ui.toasts import toasts

SIZES = [(80, 24), (120, 36)]

SAME_DAY = Interview(
    company="Northwind [b]Labs[/b]",
    role="Data Engineer",
    stage="technical",
    held_at="2026-11-20T10:00",
    signals={"questions_asked": 9},
    notes="We discussed the Kafka migration.\nAsk about on-call.",
    people=(Person("Dana Lee", "Head of Data"),),
)
"""Held the day the tests' clock reads: a thank-you note is due."""
SILENT = Interview(
    company="Globex",
    role="Analyst",
    stage="onsite",
    held_at="2026-11-05T14:00",
    signals={"questions_asked": 9, "gave_timeline": True},
    timeline_date="2026-11-10",
)
"""Promised an answer by 10 Nov, none came: by 20 Nov a check-in is due."""


def store_with(db_path: Path, *interviews: Interview) -> Store:
    store = open_store(db_path).store
    for interview in interviews:
        store.save_interview(interview)
    return store


def heading(app: object) -> str:
    from textual.app import App

    assert isinstance(app, App)
    return text_of(app.screen.query_one("#message-heading", Static))


def box(app: object) -> TextArea:
    from textual.app import App

    assert isinstance(app, App)
    return app.screen.query_one("#draft", TextArea)


async def open_first_on_rate(pilot: object, app: object) -> None:
    """Rate's list, Enter on its first row: the interview in the form."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RateScreen)
    await wait_until(pilot, lambda: bool(screen.interviews), "the list")
    # Ctrl+L is the find box; Down goes into the list, Enter opens the row.
    await pilot.press("ctrl+l", "down", "enter")
    await wait_until(pilot, lambda: screen.editing is not None, "the interview open")


async def open_message(pilot: object) -> FollowUpMessageScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("ctrl+o")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, FollowUpMessageScreen), "the message screen"
    )
    screen = pilot.app.screen
    assert isinstance(screen, FollowUpMessageScreen)
    await wait_until(
        pilot, lambda: bool(screen.query("#draft")) and bool(box(pilot.app).text), "the draft"
    )
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_a_thank_you_edited_copied_and_marked_sent(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = store_with(db_path, SAME_DAY)
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        await open_first_on_rate(pilot, app)
        await open_message(pilot)
        said = heading(app)
        assert "Northwind [b]Labs[/b]" in said, "the company as typed: data, not markup"
        assert "Thank-you note" in said and "Due now" in said
        text = box(app).text
        assert text.startswith("Subject: Thank you: Data Engineer interview")
        assert "Dear Dana Lee," in text and "the Kafka migration" in text
        assert box(app).has_focus
        assert box(app).cursor_location == (0, 0), "read from the top"
        await pilot.press("end", *" (Tuesday)")  # on the subject line
        edit = "Subject: Thank you: Data Engineer interview (Tuesday)\n"
        await wait_until(pilot, lambda: box(app).text.startswith(edit), "the edit")
        edited = box(app).text
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: app.clipboard == edited, "the copy")
        assert any(title == "Copied" for title, _ in toasts(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "marked sent 20 Nov" in heading(app), "marked sent")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "back on Rate")
        await wait_until(
            pilot, lambda: "Thank-you note sent 20 Nov" in rating_text(app), "the record"
        )
    store.close()
    (saved,) = open_store(db_path).store.interviews()
    assert saved.messages == (SentMessage("thank-you", "2026-11-20", edited),)
    assert saved.notes == SAME_DAY.notes, "nothing else of the interview changed"


async def test_an_overdue_check_in_marked_sent_shows_in_the_follow_up_record(
    db_path: Path,
) -> None:
    store = store_with(db_path, SILENT)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_on_rate(pilot, app)
        await open_message(pilot)
        assert "Check-in" in heading(app) and "Due now" in heading(app)
        assert box(app).text.startswith("Subject: Following up: Analyst interview")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "marked sent" in heading(app), "marked sent")
        sent_text = box(app).text
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Check-in sent 20 Nov" in rating_text(app), "record")
        screen = await open_message(pilot)  # again: the check-in as sent
        assert screen.kind == "check-in" and box(app).text == sent_text
        assert "marked sent 20 Nov" in heading(app)
    store.close()
    (saved,) = open_store(db_path).store.interviews()
    assert [(m.kind, m.sent_on) for m in saved.messages] == [("check-in", "2026-11-20")]


async def test_another_kind_is_a_key_away_and_each_keeps_its_edits(db_path: Path) -> None:
    store = store_with(db_path, SILENT)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_first_on_rate(pilot, app)
        screen = await open_message(pilot)
        await pilot.press(*"Hi! ")  # typed at the top of the check-in
        await wait_until(pilot, lambda: box(app).text.startswith("Hi! "), "the edit")
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: screen.kind == "rejection-reply", "the next kind")
        assert box(app).text.startswith("Subject: Re: Analyst")
        await pilot.press("ctrl+t", "ctrl+t")  # thank-you, then the check-in again
        await wait_until(pilot, lambda: screen.kind == "check-in", "back to the check-in")
        assert box(app).text.startswith("Hi! Subject: Following up")
        await pilot.press("escape")  # nothing asks: the edit is kept as a draft
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "back on Rate")
        assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)
        (interview,) = store.interviews()
        assert interview.id is not None
        assert store.drafts()[draft_key(interview.id, "check-in")].startswith("Hi! ")
        await open_message(pilot)
        assert box(app).text.startswith("Hi! "), "the edited draft, next time"
    store.close()
    (saved,) = open_store(db_path).store.interviews()
    assert saved.messages == (), "nothing marked sent"


async def test_with_no_interview_open_ctrl_o_says_what_to_do(db_path: Path) -> None:
    store = store_with(db_path)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: bool(toasts(app)), "the notice")
        assert toasts(app) == [("No interview open", NO_INTERVIEW)]
        assert isinstance(app.screen, RateScreen)
    store.close()


async def test_its_keys_fit_80_columns(db_path: Path) -> None:
    from tests.ui.test_footer_fit import settled, shown, whole

    store = store_with(db_path, SAME_DAY)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_on_rate(pilot, app)
        await open_message(pilot)
        await settled(pilot)
        assert whole(app) == shown(app)
        assert {"Copy", "Sent", "Kind", "Back", "Help", "Due"} <= set(whole(app))
    store.close()


async def test_help_lists_the_message_keys_and_f6(db_path: Path) -> None:
    from coach.screens.help import HelpScreen

    store = store_with(db_path, SAME_DAY)
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        keys = text_of(app.screen.query_one("#help-keys", Static))
        assert "^o" in keys and "Message" in keys and "f6" in keys and "Due" in keys
        assert "In a text box: redo" in keys
        await pilot.press("escape")
        await open_first_on_rate(pilot, app)
        await open_message(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        keys = text_of(app.screen.query_one("#help-keys", Static))
        for key, what in (("^y", "Copy"), ("^s", "Sent"), ("^t", "Kind"), ("esc", "Back")):
            assert key in keys and what in keys
        # Here ctrl+y copies: the help must not also call it redo.
        assert "redo" not in keys and keys.count("^y") == 1 and "In a text box: undo" in keys
    store.close()


async def test_marking_the_same_message_sent_again_records_it_once(db_path: Path) -> None:
    store = store_with(db_path, SAME_DAY)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_on_rate(pilot, app)
        screen = await open_message(pilot)
        sent = box(app).text
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "marked sent 20 Nov" in heading(app), "marked sent")
        await pilot.press("ctrl+s")  # pressed twice
        await wait_until(pilot, lambda: len(toasts(app)) == 2, "the second answer")
        # Reopened, the kind sent shows its text sent: ctrl+s again records nothing new.
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "back on Rate")
        screen = await open_message(pilot)
        assert screen.kind == "thank-you" and box(app).text == sent
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(toasts(app)) == 3, "the third answer")
        assert [title for title, _ in toasts(app)] == [
            "Marked sent",
            "Already marked sent",
            "Already marked sent",
        ]
    store.close()
    (saved,) = open_store(db_path).store.interviews()
    assert saved.messages == (SentMessage("thank-you", "2026-11-20", sent),)


async def test_a_round_with_no_company_or_role_reads_naturally(db_path: Path) -> None:
    store = store_with(db_path, Interview("", "", held_at="2026-11-20T10:00"))
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_on_rate(pilot, app)
        await open_message(pilot)
        assert box(app).text.startswith("Subject: Thank you for the interview\n")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(toasts(app)), "marked sent")
        assert toasts(app)[-1] == ("Marked sent", "Thank-you note marked sent 20 Nov.")
    store.close()


async def test_reopened_it_shows_the_kind_with_an_edited_draft_before_the_last_sent(
    db_path: Path,
) -> None:
    # The thank-you was sent and nothing is due: it opens on the thank-you sent. A check-in
    # edited and left with Escape is what the user was doing: it comes first next time.
    thanked = SentMessage("thank-you", "2026-11-20", "Thank you, Dana.")
    store = store_with(db_path, replace(SAME_DAY, messages=(thanked,)))
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_on_rate(pilot, app)
        screen = await open_message(pilot)
        assert screen.kind == "thank-you" and box(app).text == thanked.text
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: screen.kind == "check-in", "the check-in")
        await pilot.press(*"Hi! ")
        await wait_until(pilot, lambda: box(app).text.startswith("Hi! "), "the edit")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "back on Rate")
        screen = await open_message(pilot)
        assert screen.kind == "check-in" and box(app).text.startswith("Hi! Subject:")
    store.close()
