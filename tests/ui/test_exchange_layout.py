"""However long the mock exchange's conversation or the answer being typed, the answer box
and the clock stay on screen, above the Footer, and the line to answer shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer, Static

from coach.screens.exchange import ExchangeScreen
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_exchange import FakeClock, app_with, open_exchange
from tests.ui.test_rehearse import NOON

LONG_QUESTION = "\n".join(
    f"Thinking about the team, point {n}: how do I compare with the other candidates?"
    for n in range(1, 11)
)
LONG_ANSWER = "\n".join(
    f"Line {n}: I rebuilt our sales warehouse, forty tested SQL models, six times faster."
    for n in range(1, 15)
)


def in_view(screen: ExchangeScreen) -> bool:
    """Whether the box and the clock are wholly on screen above the Footer, and the end of the
    conversation (the interviewer's line to answer) inside the conversation's view."""
    footer = screen.query_one(Footer).region
    for name in ("#exchange-box", "#exchange-clock"):
        region = screen.query_one(name).region
        if not region or not screen.region.contains_region(region):
            return False
        if region.bottom > footer.y:
            return False
    body, said = screen.query_one("#exchange-body"), screen.query_one("#exchange-said")
    return body.region.y < said.region.bottom <= body.region.bottom


async def type_long(
    pilot: Pilot[None], screen: ExchangeScreen, clock: FakeClock, text: str
) -> None:
    """Think 75 s, paste ``text`` and type a few keys after it (the box follows the cursor),
    ten and a half minutes in all: the clock's line gets longer as it redraws, long after the
    turn began ("10:35 · first word at 1:15"), and at 80 columns it wraps onto one more line."""
    clock.advance(75)
    await paste(pilot, text)
    await pilot.press(*" and more", "enter", *"the end")
    clock.advance(560)
    line = screen.query_one("#exchange-clock", Static)
    await wait_until(pilot, lambda: "10:35" in text_of(line), "the clock at 10:35")
    await wait_until(pilot, lambda: in_view(screen), "the box, the clock and the last line")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_long_conversation_and_answer_keep_box_clock_and_last_line_in_view(
    db_path: Path, size: tuple[int, int]
) -> None:
    clock = FakeClock(NOON)
    app = app_with(db_path, clock)  # the seed's reply has a probe: three turns
    async with app.run_test(size=size) as pilot:
        screen = await open_exchange(pilot)
        await type_long(pilot, screen, clock, LONG_QUESTION)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.step == "answer", "the reply")
        await wait_until(pilot, lambda: in_view(screen), "the reply in view")
        await type_long(pilot, screen, clock, LONG_ANSWER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.step == "probe", "the probe")
        await wait_until(pilot, lambda: in_view(screen), "the probe in view")
        await type_long(pilot, screen, clock, LONG_ANSWER)
        body = screen.query_one("#exchange-body")
        assert body.max_scroll_y > 0  # the conversation is longer than its view: it scrolled
