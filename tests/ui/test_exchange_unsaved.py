"""A mock exchange the store refuses at its end is kept: the debrief says it is not saved,
Ctrl+S writes it again (once), and leaving it asks first. Its attempts never count as saved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from coach.app import CoachApp
from coach.domain.models import Attempt, Exchange
from coach.screens.exchange import ExchangeScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.errors import StoreError
from coach.store.opening import open_store
from tests.ui.keyboard import footer_keys, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_exchange import (
    ANSWER,
    PROBE_ANSWER,
    SIZE,
    FakeClock,
    app_with,
    open_exchange,
    review,
    take_turn,
)
from tests.ui.test_exchange_leave import asked, title
from tests.ui.test_rehearse import NOON, QUESTION

FULL = "The disk is full (a test)."


def refusing_once(app: CoachApp, monkeypatch: pytest.MonkeyPatch) -> list[Exchange]:
    """Make the app's store refuse its first exchange, as a full disk would, then save as
    usual; the exchanges it was handed, in order."""
    store = app.store
    real = store.save_exchange
    handed: list[Exchange] = []

    def save(exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
        handed.append(exchange)
        if len(handed) == 1:
            raise StoreError(FULL)
        return real(exchange, attempts)

    monkeypatch.setattr(store, "save_exchange", save)
    return handed


def unsaved_line(screen: ExchangeScreen) -> str:
    line = screen.query_one("#exchange-unsaved", Static)
    return text_of(line) if line.display else ""


async def refused_debrief(pilot: Pilot[None], clock: FakeClock) -> ExchangeScreen:
    """A whole exchange (question, answer, probe) whose save the store refuses."""
    screen = await open_exchange(pilot)
    await take_turn(pilot, clock, QUESTION, wait=2)
    await wait_until(pilot, lambda: screen.step == "answer", "the reply")
    await take_turn(pilot, clock, ANSWER, wait=3)
    await wait_until(pilot, lambda: screen.step == "probe", "the probe")
    await take_turn(pilot, clock, PROBE_ANSWER, wait=1)
    await wait_until(pilot, lambda: screen.done, "the debrief")
    return screen


async def test_a_refused_save_says_not_saved_and_ctrl_s_saves_it_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(NOON)
    app = app_with(db_path, clock)
    handed = refusing_once(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        rehearse = app.screen
        assert isinstance(rehearse, RehearseScreen)
        before = len(rehearse.attempts or ())
        screen = await refused_debrief(pilot, clock)
        assert f"Not saved: {FULL[:-1]}. Ctrl+S saves it again" in unsaved_line(screen)
        assert "/100" in review(pilot)  # the debrief shows all the same
        assert not screen.attempts  # a fresh user: nothing saved, nothing counted
        assert screen.last_card_id is None
        assert len(rehearse.attempts or ()) == before  # Rehearse was not told of it
        assert "Save again" in footer_keys(screen) and "Send" not in footer_keys(screen)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.unsaved is None, "the second save")
        assert len(handed) == 2 and handed[1] == handed[0]  # the same write, again
        assert unsaved_line(screen) == "" and "Save again" not in footer_keys(screen)
        (saved,) = app.store.exchanges()
        ids = {t.attempt_id for t in saved.turns}
        assert {a.id for a in screen.attempts} == ids and all(i and i > 0 for i in ids)
        assert screen.last_card_id == saved.card_id
        counted = [a for a in rehearse.attempts or () if a.exchange_id == saved.id]
        assert {a.id for a in counted} == ids  # Rehearse told, with the real ids
        await pilot.press("ctrl+s")  # saved: the key does nothing more
        await pilot.press("escape")  # nor does leaving ask
        await wait_until(pilot, lambda: app.screen is rehearse, "Rehearse")
    store = open_store(db_path).store
    (exchange,) = store.exchanges()
    attempts = store.attempts()
    assert len(attempts) == 3 and {a.exchange_id for a in attempts} == {exchange.id}
    texts = {a.id: a.text for a in attempts}
    assert [texts[t.attempt_id or 0] for t in exchange.turns] == [QUESTION, ANSWER, PROBE_ANSWER]


async def test_leaving_quitting_or_starting_another_asks_before_losing_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(NOON)
    app = app_with(db_path, clock)
    refusing_once(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        screen = await refused_debrief(pilot, clock)
        lost = "The mock exchange you just finished could not be saved"
        await pilot.press("escape")
        assert (await asked(pilot)).startswith(lost)
        assert title(pilot) == "Leave this mock exchange?"
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the debrief again")
        await pilot.press("ctrl+n")
        assert (await asked(pilot)).startswith(lost)
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the debrief again")
        assert screen.done and screen.unsaved is not None  # kept as it was
        await pilot.press("ctrl+q")
        assert lost in await asked(pilot)
        assert title(pilot) == "Quit and lose this?"
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen, "the debrief again")
        await pilot.press("escape")
        await asked(pilot)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
    assert open_store(db_path).store.exchanges() == []
