"""``coach screenshots [DIR]``: an SVG of each screen, in a realistic state, for the README.

Each shot runs the real app headless on the demo data with a fixed clock, so the files only
change when the screens do. Every shot starts from a fresh in-memory store: what one shot
types can never leak into the next, and the user's database is never opened.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any

from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from coach.app import CoachApp, ScreenName
from coach.demo.data import fill_store
from coach.demo.rehearsals import demo_cards
from coach.demo.seeker import DBT, HEARD_COMPANY
from coach.screens.due import DueScreen
from coach.screens.follow_up_message import FollowUpMessageScreen
from coach.screens.help import HelpScreen
from coach.screens.profile import ProfileScreen
from coach.screens.progress import ProgressScreen
from coach.store.store import Store
from coach.widgets.debounce import Delays

SIZE = (120, 36)
"""The size most people's terminals have (and the README's pictures show)."""
NOW = datetime(2026, 11, 20, 19, 30, tzinfo=timezone(timedelta(hours=1)))
"""A fixed evening: the screenshots are the same on every run, on every machine."""
DEFAULT_FOLDER = "screenshots"
SEED = 4
"""The mock exchange's replies are drawn with this seed: its shot shows a concern with a
probe (the demo's dbt gap)."""

QUESTION_DRAFT = (
    "I just wanted to ask: now that we've talked, how does my background measure up to the "
    "requirements of the job? And how do I compare with the other candidates?"
)
RESPONSE_DRAFT = (
    "That's a fair point. To be fair, most teams I know of use dbt a little. I rebuilt our "
    "sales warehouse, 40 tables of tested SQL models, and reports ran 6x faster; dbt and "
    "Airflow are the tooling around that same modelling work. In my first month I would take "
    "over one of your pipelines end to end."
)

EXCHANGE_ANSWER = (
    "That's a fair point. I haven't run it in production, but I rebuilt our sales warehouse, "
    "40 tables of tested SQL models, and reports ran 6x faster. In my first month I would "
    "take over one of your pipelines end to end."
)
EXCHANGE_PROBE = (
    "Not in production, no. But I learn tools fast when the modelling is solid, and I would "
    "bring that same focus on results to your team."
)

Action = Callable[[Pilot[None]], Awaitable[None]]


class ShotClock:
    """The shots' clock: fixed, but a shot may move it on (the mock exchange's seconds)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file name, the screen to start on, and how to get there."""

    name: str
    first_screen: ScreenName
    act: Action


async def _wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds (the lists fill just after the first frame),
    then until it is idle, so what the condition saw is drawn.

    No time step: each pass lets the app run until it is idle and looks again (as the tests'
    ``wait_until`` does); the bound only ends a run that would otherwise never finish."""
    give_up = time.monotonic() + 30.0
    while not condition():
        if time.monotonic() > give_up:
            raise RuntimeError(f"screenshots: gave up waiting for {what}")
        await pilot.pause()
    await pilot.pause()


def _showing(pilot: Pilot[None], kind: type[Screen[Any]]) -> Callable[[], bool]:
    return lambda: isinstance(pilot.app.screen, kind)


async def _steady(pilot: Pilot[None]) -> None:
    """No blinking cursors: a blink would make the picture depend on timing."""
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


async def _rehearse_ready(pilot: Pilot[None]) -> None:
    screen = pilot.app.screen
    await _wait_until(pilot, lambda: bool(getattr(screen, "attempts", None)), "the history")
    cards = screen.query_one("#card-list", OptionList)
    await _wait_until(pilot, lambda: cards.option_count > 0, "the card list")
    await _wait_until(pilot, lambda: isinstance(pilot.app.focused, TextArea), "the draft box")
    await _steady(pilot)


async def _type(pilot: Pilot[None], text: str) -> None:
    # Pasted, as a terminal delivers a paste: typing key by key costs Pilot ~60 ms a key.
    pilot.app.post_message(events.Paste(text))
    screen = pilot.app.screen
    # Coached at once (``Delays.none()``): the draft is counted and its assessment shown.
    await _wait_until(
        pilot,
        lambda: (
            getattr(screen, "draft", None) == text
            and getattr(screen, "assessment", None) is not None
        ),
        "the coaching",
    )


async def _question(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    await _type(pilot, QUESTION_DRAFT)


async def _response(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    card_id = demo_cards(NOW)[DBT].id
    cards = pilot.app.screen.query_one("#card-list", OptionList)
    cards.highlighted = cards.get_option_index(card_id)
    cards.focus()
    await pilot.press("enter")
    await _wait_until(pilot, lambda: isinstance(pilot.app.focused, TextArea), "the draft box")
    await _type(pilot, RESPONSE_DRAFT)


async def _rate_list(pilot: Pilot[None]) -> DataTable[Any]:
    screen = pilot.app.screen
    # The list and the form's later sections come just after the screen's first frame.
    await _wait_until(pilot, lambda: bool(getattr(screen, "ready", False)), "the Rate screen")
    await _steady(pilot)
    table: DataTable[Any] = screen.query_one("#interview-table", DataTable)
    await _wait_until(pilot, lambda: table.row_count > 0, "the interview list")
    calibration = screen.query_one("#calibration", Static)
    await _wait_until(pilot, lambda: "Brier" in str(calibration.content), "the calibration")
    return table


async def _open_row(pilot: Pilot[None], row: int, company: str) -> None:
    """Enter on the list's ``row``: that application's latest round in the form."""
    screen = pilot.app.screen
    table = await _rate_list(pilot)
    table.focus()
    await pilot.press(*["down"] * row, "enter")
    company_box = screen.query_one("#f-company", Input)
    await _wait_until(pilot, lambda: company_box.value == company, "the form to open")
    await _wait_until(pilot, lambda: getattr(screen, "rating", None) is not None, "the rating")
    await _steady(pilot)


async def _rate(pilot: Pilot[None]) -> None:
    await _open_row(pilot, 1, HEARD_COMPANY)  # its promised reply is overdue


async def _rounds(pilot: Pilot[None]) -> None:
    await _open_row(pilot, 2, "Brightline Health")  # two rounds: a phone screen, then a final
    table = pilot.app.screen.query_one("#interview-table", DataTable)
    await _wait_until(pilot, lambda: table.row_count == 7, "its rounds listed")


async def _follow_up(pilot: Pilot[None]) -> None:
    await _open_row(pilot, 0, "Lumen Analytics")  # held this afternoon: a thank-you is due
    await pilot.press("ctrl+o")
    await _wait_until(pilot, _showing(pilot, FollowUpMessageScreen), "the message")
    box = pilot.app.screen.query_one("#draft", TextArea)
    await _wait_until(pilot, lambda: bool(box.text), "the draft")
    await _steady(pilot)


async def _due(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    await pilot.press("f6")
    await _wait_until(pilot, _showing(pilot, DueScreen), "the due list")
    items = pilot.app.screen.query_one("#due-list", OptionList)
    await _wait_until(pilot, lambda: items.option_count > 0, "what is due")
    await _steady(pilot)


async def _help(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    await pilot.press("f1")
    await _wait_until(pilot, _showing(pilot, HelpScreen), "the help")


async def _profile(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    await pilot.press("ctrl+o")
    await _wait_until(pilot, _showing(pilot, ProfileScreen), "the profile")
    await _steady(pilot)
    await pilot.pause()


async def _progress(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    await pilot.press("f4")
    await _wait_until(pilot, _showing(pilot, ProgressScreen), "the charts")


async def _palette(pilot: Pilot[None]) -> None:
    await _rehearse_ready(pilot)
    await pilot.press("ctrl+p")
    await _wait_until(pilot, _showing(pilot, CommandPalette), "the palette")
    commands = pilot.app.screen.query_one(OptionList)
    # A worker gathers the commands: coach's four (and Textual's, in the same batch).
    await _wait_until(pilot, lambda: commands.option_count >= 4, "the commands")
    await _steady(pilot)
    await pilot.pause()


def _holds(box: TextArea, text: str) -> bool:
    return box.text == text


async def _exchange(pilot: Pilot[None]) -> None:
    """A mock exchange, typed, to its debrief: the clock moved on between the keys."""
    from coach.screens.exchange import ExchangeScreen

    await _rehearse_ready(pilot)
    clock = getattr(pilot.app, "clock", None)
    clock = clock if isinstance(clock, ShotClock) else None
    await pilot.press("ctrl+g")
    await _wait_until(pilot, _showing(pilot, ExchangeScreen), "the exchange")
    screen = pilot.app.screen
    assert isinstance(screen, ExchangeScreen)
    box = screen.query_one("#exchange-box", TextArea)
    turns = ((3, QUESTION_DRAFT, 11), (4, EXCHANGE_ANSWER, 38), (2, EXCHANGE_PROBE, 21))
    for wait, text, length in turns:
        if screen.done:
            break
        if clock is not None:
            clock.advance(wait)
        await pilot.press(text[0])  # the first word: the first key
        pilot.app.post_message(events.Paste(text[1:]))
        await _wait_until(pilot, partial(_holds, box, text), "the turn typed")
        if clock is not None:
            clock.advance(length)
        await pilot.press("ctrl+s")
        await _wait_until(pilot, lambda: box.text == "" or screen.done, "the turn sent")
    await _wait_until(pilot, lambda: screen.done, "the debrief")


SHOTS = (
    Shot("rehearse-question", "rehearse", _question),
    Shot("rehearse-response", "rehearse", _response),
    Shot("rate", "rate", _rate),
    Shot("rate-rounds", "rate", _rounds),
    Shot("follow-up", "rate", _follow_up),
    Shot("due", "rehearse", _due),
    Shot("help", "rehearse", _help),
    Shot("profile", "rehearse", _profile),
    Shot("mock-exchange", "rehearse", _exchange),
    Shot("progress", "rehearse", _progress),
    Shot("command-palette", "rehearse", _palette),
)


async def take(shot: Shot, folder: Path) -> Path:
    """Write one screenshot into ``folder``; returns the file."""
    store = Store.in_memory()
    fill_store(store, NOW)
    # No pause before coaching or rating: each shot waits on what the work shows instead.
    app = CoachApp(
        store,
        first_screen=shot.first_screen,
        clock=ShotClock(NOW),
        delays=Delays.none(),
        rng=random.Random(SEED),
    )
    async with app.run_test(size=SIZE) as pilot:
        await shot.act(pilot)
        svg = app.export_screenshot(title=f"coach · {shot.name}")
    path = folder / f"{shot.name}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


async def take_all(folder: Path) -> list[Path]:
    """Write every screenshot into ``folder`` (created if need be); returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    return [await take(shot, folder) for shot in SHOTS]


def screenshots(folder: str) -> int:
    """The ``coach screenshots`` command; returns the exit code."""
    from coach.render.safe import visible

    for path in asyncio.run(take_all(Path(folder))):
        print(visible(str(path)))  # the folder's name is the user's: shown as data
    return 0
