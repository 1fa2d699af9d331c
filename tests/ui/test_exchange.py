"""The mock exchange driven like a user: ask, hear the reply the seeded coach chooses, answer,
answer the probe, read the debrief; then what was saved, and Rehearse counting it."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from coach.app import CoachApp
from coach.domain.content import QUESTION_CARD_ID
from coach.domain.exchange import choose_reply
from coach.screens.exchange import ExchangeScreen
from coach.screens.progress import ProgressScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from coach.widgets.debounce import Delays
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rehearse import NOON, QUESTION, loaded

SIZE = (120, 36)
SEED = 0
"""A seed whose first reply (to a fresh user, the deck alone) is a card with a probe."""
ANSWER = (
    "That's a fair question. I rebuilt our sales warehouse, 40 tested SQL models, and reports "
    "ran six times faster. In my first month I would take over one of your pipelines."
)
PROBE_ANSWER = (
    "Yes, I have. I led that project myself and measured it: forty models in three months, "
    "and I would bring the same care to your team."
)


class FakeClock:
    """The app's clock, moved on by the test between keys: the seconds on screen and in the
    saved exchange are then exact."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def app_with(db_path: Path, clock: FakeClock, seed: int = SEED) -> CoachApp:
    store = open_store(db_path).store
    return CoachApp(store, clock=clock, delays=Delays.none(), rng=random.Random(seed))


def said(pilot: Pilot[None]) -> str:
    return text_of(pilot.app.screen.query_one("#exchange-said", Static))


def review(pilot: Pilot[None]) -> str:
    return text_of(pilot.app.screen.query_one("#exchange-review", Static))


async def open_exchange(pilot: Pilot[None]) -> ExchangeScreen:
    await loaded(pilot)
    await pilot.press("ctrl+g")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ExchangeScreen), "the exchange")
    screen = pilot.app.screen
    assert isinstance(screen, ExchangeScreen)
    await wait_until(pilot, lambda: "any questions for me" in said(pilot), "the interviewer")
    return screen


async def take_turn(pilot: Pilot[None], clock: FakeClock, text: str, *, wait: float) -> None:
    """Think ``wait`` seconds, type the first word key by key (the first key is the first
    word), paste the rest (typing it all would take Pilot a minute), take 20 s, send."""
    clock.advance(wait)
    first, rest = text.split(" ", 1)
    await pilot.press(*first)
    await paste(pilot, " " + rest)
    clock.advance(20)
    await pilot.press("ctrl+s")


async def test_a_whole_exchange_then_its_debrief_and_what_is_saved(db_path: Path) -> None:
    clock = FakeClock(NOON)
    app = app_with(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        rehearse = app.screen
        assert isinstance(rehearse, RehearseScreen)
        screen = await open_exchange(pilot)
        assert "aim about 15 s" in text_of(screen.query_one("#exchange-clock", Static))
        clock.advance(3)
        await wait_until(
            pilot, lambda: "⏱ 3 s" in text_of(screen.query_one("#exchange-clock", Static)), "3 s"
        )
        sent_at = clock.now + timedelta(seconds=2 + 20)
        expected = choose_reply(
            QUESTION, tuple(rehearse.cards.values()), (), app.store.profile(), sent_at, None,
            random.Random(SEED),
        )  # fmt: skip
        assert expected.probe, "the seed should give a card with a probe"
        assert expected.text[:30] not in said(pilot)  # not shown before the question is sent
        await take_turn(pilot, clock, QUESTION, wait=2)
        await wait_until(pilot, lambda: screen.step == "answer", "the reply")
        assert " ".join(expected.text.split())[:40] in " ".join(said(pilot).split())
        assert "aim 30-90 s" in text_of(screen.query_one("#exchange-clock", Static))
        await take_turn(pilot, clock, ANSWER, wait=4)
        await wait_until(pilot, lambda: screen.step == "probe", "the probe")
        assert " ".join(expected.probe.split())[:40] in " ".join(said(pilot).split())
        await take_turn(pilot, clock, PROBE_ANSWER, wait=1)
        await wait_until(pilot, lambda: screen.done, "the debrief")
        shown = review(pilot)
        exchange = app.store.exchanges()[0]
        for turn in exchange.turns:
            assert f"{turn.score}/100" in shown
        # The question's first word: 3 s, then 2 s more, before the first key.
        assert re.search(r"Your question\s+\d+/100\s+5 s\s", shown), shown
        assert "Practise next" in shown and "ctrl+n another exchange" in shown
        await pilot.press("f4")  # Progress counts the exchange beside the card attempts
        await wait_until(pilot, lambda: isinstance(app.screen, ProgressScreen), "Progress")
        days = text_of(app.screen.query_one("#progress-days", Static))
        average = sum(t.score or 0 for t in exchange.turns) / 3
        assert f"3 attempts ⇄ 1 · {average:.0f}" in " ".join(days.split())
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the debrief again")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is rehearse, "Rehearse again")
        counted = [a for a in rehearse.attempts or () if a.exchange_id == exchange.id]
        assert len(counted) == 3
        cards = rehearse.query_one("#card-list", OptionList)
        option = cards.get_option(expected.card_id)
        best = max(a.score for a in counted if a.card_id == expected.card_id)
        assert str(option.prompt).endswith(str(best))  # the list shows the card's best score

    store = open_store(db_path).store
    (exchange,) = store.exchanges()
    assert exchange.reply == expected.text and exchange.card_id == expected.card_id
    assert [t.step for t in exchange.turns] == ["question", "answer", "probe"]
    assert [t.first_word_seconds for t in exchange.turns] == [5.0, 4.0, 1.0]
    assert [t.seconds for t in exchange.turns] == [20.0, 20.0, 20.0]
    attempts = {a.id: a for a in store.attempts()}
    question, answer, probe = (attempts[t.attempt_id or 0] for t in exchange.turns)
    assert (question.kind, question.card_id, question.text) == (
        "question",
        QUESTION_CARD_ID,
        QUESTION,
    )
    assert (answer.kind, answer.card_id, answer.text) == ("response", expected.card_id, ANSWER)
    assert (probe.kind, probe.card_id) == ("response", expected.card_id)
    assert all(a.exchange_id == exchange.id for a in (question, answer, probe))
    assert [a.score for a in (question, answer, probe)] == [t.score for t in exchange.turns]
    assert answer.spoken_seconds is None and answer.checks  # typed, not timed aloud
    assert question.created_at == "2026-11-20T12:00:25+01:00"


async def test_aloud_without_text_saves_the_times_and_no_score(db_path: Path) -> None:
    clock = FakeClock(NOON)
    app = app_with(db_path, clock, seed=2)  # seed 2: a strong match (no probe)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exchange(pilot)
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: screen.aloud, "aloud mode")
        await pilot.press("ctrl+s")  # nothing said yet: nothing is sent
        await pilot.pause()
        assert screen.step == "question"
        clock.advance(2)
        await pilot.press("ctrl+t")  # starts speaking
        clock.advance(12)
        await wait_until(
            pilot, lambda: "speaking 12 s" in text_of(screen.query_one("#exchange-clock", Static)),
            "the aloud clock",
        )  # fmt: skip
        await pilot.press("ctrl+t")  # stops
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.step == "answer", "the reply")
        clock.advance(3)
        await pilot.press("ctrl+t")
        clock.advance(45)
        await pilot.press("ctrl+s")  # sending stops the clock too
        await wait_until(pilot, lambda: screen.done, "the debrief")
        assert "no score" in review(pilot)
    store = open_store(db_path).store
    (exchange,) = store.exchanges()
    assert exchange.aloud
    assert [(t.first_word_seconds, t.seconds, t.score) for t in exchange.turns] == [
        (2.0, 12.0, None),
        (3.0, 45.0, None),
    ]
    assert all(t.attempt_id is None for t in exchange.turns)
    assert store.attempts() == []
