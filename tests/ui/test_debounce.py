"""The debouncer: one run after a burst, none after a cancel, at once on flush or with no delay."""

from __future__ import annotations

from textual.app import App

from coach.widgets.debounce import Debouncer, Delays
from tests.ui.keyboard import wait_until


async def test_a_burst_runs_the_callback_once_and_a_zero_delay_runs_it_next_turn() -> None:
    runs: list[int] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        debouncer = Debouncer(app, Delays.none().coach, lambda: runs.append(1))
        for _ in range(5):
            debouncer.poke()
        assert debouncer.pending and runs == []
        await wait_until(pilot, lambda: runs == [1], "one run")
        assert not debouncer.pending
        debouncer.poke()
        debouncer.cancel()
        await pilot.pause()
        assert runs == [1], "a cancelled poke never runs"


async def test_flush_runs_a_waiting_poke_now_and_only_once() -> None:
    runs: list[int] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        debouncer = Debouncer(app, 3600, lambda: runs.append(1))
        debouncer.flush()
        assert runs == [], "nothing waiting, nothing run"
        debouncer.poke()
        debouncer.flush()
        assert runs == [1]
        await pilot.pause()
        assert runs == [1]
