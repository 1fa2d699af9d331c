"""Leaving a mock exchange asks only when something typed (or timed aloud) would be lost, and
says what; and its send key acts on all the text typed before it, however fast keys come."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Static, TextArea

from coach.screens.exchange import ExchangeScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from tests.ui.keyboard import burst, paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_exchange import ANSWER, PROBE_ANSWER, SIZE, FakeClock, app_with, open_exchange
from tests.ui.test_quit import asked as quit_asked
from tests.ui.test_rehearse import NOON, QUESTION


async def asked(pilot: Pilot[None]) -> str:
    """Wait for the question; what it says."""
    return (await quit_asked(pilot)).strip()


def title(pilot: Pilot[None]) -> str:
    return text_of(pilot.app.screen.query_one("#confirm-title", Static)).strip()


def box(screen: ExchangeScreen) -> TextArea:
    return screen.query_one("#exchange-box", TextArea)


async def question_sent(pilot: Pilot[None], screen: ExchangeScreen) -> None:
    await paste(pilot, QUESTION)
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: screen.step == "answer", "the reply")


async def test_escape_before_anything_is_typed_goes_back_without_asking(db_path: Path) -> None:
    app = app_with(db_path, FakeClock(NOON))
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")


async def test_escape_with_a_question_typed_asks_and_keep_going_keeps_it(db_path: Path) -> None:
    app = app_with(db_path, FakeClock(NOON))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exchange(pilot)
        await pilot.press(*"How do I compare?")
        await pilot.press("escape")
        message = await asked(pilot)
        assert title(pilot) == "Leave this mock exchange?"
        assert message == "Your question so far is not saved."
        buttons = [str(b.label) for b in app.screen.query(Button)]
        assert buttons == ["Keep going (n)", "Leave (y)"]
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the exchange again")
        assert box(screen).text == "How do I compare?" and screen.step == "question"
        await wait_until(pilot, lambda: box(screen).has_focus, "the box's focus")
        await pilot.press("!", "escape")  # the box is still where the keys go
        await asked(pilot)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
    assert open_store(db_path).store.exchanges() == []


async def test_escape_mid_answer_names_the_question_and_the_answer(db_path: Path) -> None:
    app = app_with(db_path, FakeClock(NOON))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exchange(pilot)
        await question_sent(pilot, screen)
        await pilot.press("escape")  # the question was sent: it is lost even with no answer
        assert await asked(pilot) == "Your question so far is not saved."
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the exchange again")
        await paste(pilot, ANSWER)
        await pilot.press("escape")
        assert await asked(pilot) == "Your question and answer so far are not saved."


async def test_a_turn_timed_aloud_counts_as_something_to_lose(db_path: Path) -> None:
    app = app_with(db_path, FakeClock(NOON))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exchange(pilot)
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: screen.aloud, "aloud mode")
        await pilot.press("escape")  # aloud mode alone: nothing said yet
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, ExchangeScreen), "the exchange")
        again = app.screen
        assert isinstance(again, ExchangeScreen)
        await pilot.press("ctrl+l", "ctrl+t")  # speaking
        await wait_until(pilot, lambda: again.speaking_since is not None, "the aloud clock")
        await pilot.press("escape")
        assert await asked(pilot) == "Your question (timed aloud) so far is not saved."


async def test_quitting_mid_exchange_asks_and_after_the_debrief_does_not(db_path: Path) -> None:
    clock = FakeClock(NOON)
    app = app_with(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exchange(pilot)
        await question_sent(pilot, screen)
        await paste(pilot, ANSWER)
        await pilot.press("ctrl+q")
        message = await asked(pilot)
        assert title(pilot) == "Quit and lose this?"
        assert message == "Your question and answer so far in the mock exchange are not saved."
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the exchange again")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.step == "probe", "the probe")
        await paste(pilot, PROBE_ANSWER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.done, "the debrief")
        assert screen.lost_on_quit() is None  # saved by now
        await pilot.press("escape")  # nor does Escape ask
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        await pilot.press("ctrl+q")
    assert not app.is_running
    assert len(open_store(db_path).store.exchanges()) == 1


async def test_keys_in_one_burst_are_sent_in_the_order_typed(db_path: Path) -> None:
    # The question typed, ctrl+s, the answer pasted, ctrl+s, all at once: the answer used to
    # land in the box before the first send ran, and went out as part of the question.
    app = app_with(db_path, FakeClock(NOON))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exchange(pilot)
        await wait_until(pilot, lambda: box(screen).has_focus, "the box's focus")
        burst(pilot, QUESTION, "ctrl+s")
        app.post_message(events.Paste(ANSWER))
        burst(pilot, "ctrl+s")
        app.post_message(events.Paste(PROBE_ANSWER))
        burst(pilot, "ctrl+s", "after")
        await wait_until(pilot, lambda: screen.done, "the debrief")
        # The key typed after the last send stayed in the box, out of the saved turn.
        await wait_until(pilot, lambda: box(screen).text.endswith("after"), "the last key")
    (exchange,) = open_store(db_path).store.exchanges()
    attempts = {a.id: a for a in open_store(db_path).store.attempts()}
    texts = [attempts[t.attempt_id or 0].text for t in exchange.turns]
    assert texts == [QUESTION, ANSWER, PROBE_ANSWER]
