"""SVG snapshots of each screen. Update with ``pytest --snapshot-update`` and look at the report
(``snapshot_report.html``) before committing new ones."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from coach.app import CoachApp
from coach.demo.data import fill_store
from coach.domain import Attempt, Interview
from coach.domain.models import SignalValue
from coach.screens.exchange import ExchangeScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.store import Store
from coach.widgets.exchange_clock import ExchangeClock
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_exchange import ANSWER, PROBE_ANSWER, FakeClock
from tests.ui.test_rehearse import QUESTION

SIZES = [(80, 24), (120, 36)]
"""The small terminal everyone can have and the size most people have (issue 15)."""
BOTH = pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
SnapCompare = Callable[..., bool]
Size = tuple[int, int]


NOON = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=1)))


def app_on(store: Store | None = None, **kwargs: Any) -> CoachApp:
    return CoachApp(store or Store.in_memory(), clock=lambda: NOON, **kwargs)


async def steady_cursor(pilot: Pilot[None]) -> None:
    """A blinking cursor would make the snapshot depend on timing; so would a list that is
    still filling (screens fill theirs just after the first frame)."""
    screen = pilot.app.screen
    await wait_until(pilot, lambda: getattr(screen, "ready", True), "the screen to fill")
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


async def coached(pilot: Pilot[None]) -> None:
    """Wait for the coaching of the draft just typed (it comes after a pause in typing)."""
    screen = pilot.app.screen
    assert isinstance(screen, RehearseScreen)
    await wait_until(pilot, lambda: screen.assessment is not None, "the coaching")


@BOTH
def test_rehearse_empty(snap_compare: SnapCompare, size: Size) -> None:
    assert snap_compare(app_on(), terminal_size=size, run_before=steady_cursor)


@BOTH
def test_rehearse_question_draft_scored(snap_compare: SnapCompare, size: Size) -> None:
    async def type_question(pilot: Pilot[None]) -> None:
        await steady_cursor(pilot)
        await paste(pilot, "Sorry, I know I'm not the best, but did I get the job?")
        await coached(pilot)

    assert snap_compare(app_on(), terminal_size=size, run_before=type_question)


@BOTH
def test_rehearse_response_draft_scored(snap_compare: SnapCompare, size: Size) -> None:
    async def type_response(pilot: Pilot[None]) -> None:
        await steady_cursor(pilot)
        await pilot.press("ctrl+n")
        await paste(
            pilot,
            "Thank you. To be fair, I think maybe my onboarding program kind of did well: "
            "retention rose from 70% to 85% in a year.",
        )
        await coached(pilot)

    assert snap_compare(app_on(), terminal_size=size, run_before=type_response)


@BOTH
def test_profile_editor(snap_compare: SnapCompare, size: Size) -> None:
    async def open_profile(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+o")
        await steady_cursor(pilot)
        await pilot.press(*"SQL dashboards - used weekly by 12 managers", "tab")
        await pilot.press(*"- Experience with Kubernetes")

    assert snap_compare(app_on(), terminal_size=size, run_before=open_profile)


@BOTH
def test_rate_empty(snap_compare: SnapCompare, size: Size) -> None:
    async def open_rate(pilot: Pilot[None]) -> None:
        await pilot.press("f3")
        await steady_cursor(pilot)
        calibration = pilot.app.screen.query_one("#calibration", Static)
        await wait_until(pilot, lambda: bool(str(calibration.content)), "the calibration")

    assert snap_compare(app_on(), terminal_size=size, run_before=open_rate)


@BOTH
def test_rate_with_a_rated_interview(snap_compare: SnapCompare, size: Size) -> None:
    store = Store.in_memory()
    store.save_interview(
        Interview(company="Acme", role="Data engineer", held_at="2026-11-02", outcome="next round")
    )
    store.save_interview(
        Interview(
            company="Globex",
            role="Analyst",
            held_at="2026-11-05",
            stage="panel",
            signals={
                "scheduled_min": 45,
                "actual_min": 30,
                "questions_asked": 5,
                "follow_up_questions": 0,
                "engagement": "distracted",
                "smiles": "often",
                "vague_next_steps": True,
                "gave_timeline": False,
            },
        )
    )

    async def open_globex(pilot: Pilot[None]) -> None:
        await steady_cursor(pilot)
        table = pilot.app.screen.query_one("#interview-table", DataTable)
        # The list fills just after the first frame.
        await wait_until(pilot, lambda: table.row_count == 2, "the interview list")
        calibration = pilot.app.screen.query_one("#calibration", Static)
        await wait_until(pilot, lambda: bool(str(calibration.content)), "the calibration")
        table.focus()
        await pilot.press("enter")
        # Opening moves the focus to the company field; wait for it, then for the rating.
        await wait_until(
            pilot,
            lambda: pilot.app.focused is not None and pilot.app.focused.id == "f-company",
            "the form to open",
        )
        screen = pilot.app.screen
        assert isinstance(screen, RateScreen)
        await wait_until(
            pilot,
            lambda: screen.result is not None and screen.result.interview.company == "Globex",
            "the rating",
        )

    app = app_on(store, first_screen="rate")
    assert snap_compare(app, terminal_size=size, run_before=open_globex)


@BOTH
def test_rate_overdue(snap_compare: SnapCompare, size: Size) -> None:
    """The demo's Northwind: its promised reply is overdue, so the list shows OVERDUE and the
    rating says how long the silence has lasted."""
    store = Store.in_memory()
    fill_store(store, NOON)

    async def open_overdue(pilot: Pilot[None]) -> None:
        await steady_cursor(pilot)
        table = pilot.app.screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count > 0, "the interview list")
        calibration = pilot.app.screen.query_one("#calibration", Static)
        await wait_until(pilot, lambda: bool(str(calibration.content)), "the calibration")
        table.focus()
        await pilot.press("down", "enter")  # after this morning's Lumen: Northwind, overdue
        screen = pilot.app.screen
        assert isinstance(screen, RateScreen)
        await wait_until(
            pilot,
            lambda: screen.result is not None and "Northwind" in screen.result.interview.company,
            "the rating",
        )
        await wait_until(
            pilot,
            lambda: (
                not isinstance(screen.rating, str | None) and screen.rating.follow_up == "overdue"
            ),
            "the overdue read",
        )

    app = app_on(store, first_screen="rate")
    assert snap_compare(app, terminal_size=size, run_before=open_overdue)


@BOTH
def test_help(snap_compare: SnapCompare, size: Size) -> None:
    assert snap_compare(app_on(), terminal_size=size, press=["f1"], run_before=steady_cursor)


@BOTH
def test_database_notice(snap_compare: SnapCompare, size: Size) -> None:
    problem = (
        "/home/you/.local/share/coach/coach.json could not be read as a coach database (not "
        "valid JSON at line 1, column 3). It was kept unchanged as /home/you/.local/share/"
        "coach/coach.json.corrupt-20261121-204700 and coach started a new, empty database in "
        "its place. Your old data is in that copy."
    )
    assert snap_compare(app_on(problem=problem), terminal_size=size, run_before=steady_cursor)


@BOTH
def test_progress_charts(snap_compare: SnapCompare, size: Size) -> None:
    store = Store.in_memory()
    for day, score in enumerate((38, 45, 52, 61, 58, 70, 76, 83)):
        store.add_attempt(
            Attempt(
                kind="question",
                text="How does my background measure up?",
                card_id="closing-question",
                score=score,
                created_at=(NOON - timedelta(days=8 - day)).isoformat(timespec="seconds"),
            )
        )
    good: dict[str, SignalValue] = {
        "tone": "positive",
        "eye_contact": "good",
        "enthusiasm_about_fit": True,
    }
    poor: dict[str, SignalValue] = {
        "tone": "negative",
        "eye_contact": "poor",
        "vague_next_steps": True,
    }
    for company, signals, outcome in (
        ("Acme", good, "offer"),
        ("Globex", good, "next round"),
        ("Initech", poor, "rejected"),
        ("Umbrella", poor, ""),
    ):
        store.save_interview(
            Interview(company, "Analyst", held_at="2026-11-02", signals=signals, outcome=outcome)
        )

    async def open_progress(pilot: Pilot[None]) -> None:
        await steady_cursor(pilot)
        await pilot.press("f4")
        await pilot.pause()

    assert snap_compare(app_on(store), terminal_size=size, run_before=open_progress)


async def demo_row_open(pilot: Pilot[None], row: int, company: str) -> RateScreen:
    """The demo on Rate, Enter on the list's ``row``: that application's latest round open."""
    await steady_cursor(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RateScreen)
    table = screen.query_one("#interview-table", DataTable)
    await wait_until(pilot, lambda: table.row_count > 0, "the interview list")
    calibration = screen.query_one("#calibration", Static)
    await wait_until(pilot, lambda: bool(str(calibration.content)), "the calibration")
    table.focus()
    await pilot.press(*["down"] * row, "enter")
    await wait_until(
        pilot,
        lambda: screen.result is not None and screen.result.interview.company == company,
        "the round open",
    )
    await wait_until(pilot, lambda: screen.rating is not None, "its rating")
    return screen


def demo_app(first_screen: str = "rate") -> CoachApp:
    store = Store.in_memory()
    fill_store(store, NOON)
    return app_on(store, first_screen=first_screen)


@BOTH
def test_rate_an_application_and_its_rounds(snap_compare: SnapCompare, size: Size) -> None:
    """Brightline: a phone round, then a final; opened, its rounds are listed under it."""

    async def open_rounds(pilot: Pilot[None]) -> None:
        screen = await demo_row_open(pilot, 2, "Brightline Health")
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 7, "its rounds listed")

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_rounds)


@BOTH
def test_application_dialog(snap_compare: SnapCompare, size: Size) -> None:
    async def open_dialog(pilot: Pilot[None]) -> None:
        from coach.screens.application import ApplicationScreen

        await demo_row_open(pilot, 2, "Brightline Health")
        await pilot.press("ctrl+g")
        await wait_until(
            pilot, lambda: isinstance(pilot.app.screen, ApplicationScreen), "the dialog"
        )
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_dialog)


@BOTH
def test_follow_up_message(snap_compare: SnapCompare, size: Size) -> None:
    """This morning's phone screen at Lumen: its thank-you note, drafted from the interview."""

    async def open_message(pilot: Pilot[None]) -> None:
        from coach.screens.follow_up_message import FollowUpMessageScreen

        await demo_row_open(pilot, 0, "Lumen Analytics")
        await pilot.press("ctrl+o")
        await wait_until(
            pilot, lambda: isinstance(pilot.app.screen, FollowUpMessageScreen), "the message"
        )
        message = pilot.app.screen
        await wait_until(
            pilot,
            lambda: any(box.text for box in message.query("#draft").results(TextArea)),
            "the draft",
        )
        await steady_cursor(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_message)


@BOTH
def test_due_list(snap_compare: SnapCompare, size: Size) -> None:
    async def open_due(pilot: Pilot[None]) -> None:
        from textual.widgets import OptionList

        from coach.screens.due import DueScreen

        await steady_cursor(pilot)
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DueScreen), "the list")
        items = pilot.app.screen.query_one("#due-list", OptionList)
        await wait_until(pilot, lambda: items.option_count > 0, "what is due")

    assert snap_compare(demo_app("rehearse"), terminal_size=size, run_before=open_due)


EXCHANGE_STEPS = ("question", "answer", "probe", "debrief")


@BOTH
@pytest.mark.parametrize("step", EXCHANGE_STEPS)
def test_mock_exchange(snap_compare: SnapCompare, size: Size, step: str) -> None:
    """Each step of a mock exchange (seed 0: a concern with a probe), the clock moved on
    between the keys so its seconds show."""
    clock = FakeClock(NOON)

    async def run_to(pilot: Pilot[None]) -> None:
        await steady_cursor(pilot)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ExchangeScreen), "it")
        screen = pilot.app.screen
        assert isinstance(screen, ExchangeScreen)
        await steady_cursor(pilot)
        clock.advance(4)
        turns = zip(EXCHANGE_STEPS, (QUESTION, ANSWER, PROBE_ANSWER), strict=False)
        for turn, text in turns:
            if step == turn:
                break
            await paste(pilot, text)
            clock.advance(20)
            await pilot.press("ctrl+s")
            await wait_until(pilot, partial(moved_on, screen, turn), "the turn sent")
            clock.advance(3)
        if step == "answer":
            await paste(pilot, ANSWER)
            clock.advance(10)
        screen.query_one(ExchangeClock).redraw()  # as of the clock moved on
        # The debrief's toast (this in-memory store's "Not saved") fades on a timer: a
        # snapshot taken with it or without it would depend on the machine's speed.
        pilot.app.clear_notifications()
        await pilot.pause()

    app = CoachApp(Store.in_memory(), clock=clock, rng=random.Random(0))
    assert snap_compare(app, terminal_size=size, run_before=run_to)


def moved_on(screen: ExchangeScreen, turn: str) -> bool:
    return screen.step != turn or screen.done
