"""Real processes: SIGKILLed savers, and two coach instances writing one file at once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.store.opening import open_store
from tests.unit.saver_child import torn_exchanges, torn_rounds

pytestmark = pytest.mark.slow  # real processes, killed at random

CHILD = Path(__file__).with_name("saver_child.py")
KILLS = 60


def acknowledged(output: str) -> dict[str, int]:
    """The highest save number acknowledged for each kind of save."""
    last: dict[str, int] = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3:  # a line cut by the kill is ignored: it was not acknowledged
            last[parts[0]] = max(last.get(parts[0], 0), int(parts[2]))
    return last


def test_sigkill_at_random_moments_loses_no_acknowledged_save(db_path: Path) -> None:
    rng = random.Random(20261121)
    expected: set[str] = set()
    kills = 0
    for round_no in range(KILLS):
        tag = f"k{round_no}"
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), tag],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        child.stdout.readline()  # wait until it is saving, then kill it mid-stream
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        output = child.stdout.read()
        child.wait()
        assert child.returncode == -signal.SIGKILL
        kills += 1
        acked = acknowledged(output)

        opened = open_store(db_path)
        assert opened.problem is None, f"kill {round_no}: {opened.problem}"
        store = opened.store
        texts = {a.text for a in store.attempts()}
        expected |= {f"{tag}:{n}" for n in range(1, acked.get("A", 0) + 1)}
        missing = expected - texts
        assert not missing, f"kill {round_no} lost acknowledged saves: {sorted(missing)[:5]}"
        if "S" in acked:
            assert int(store.setting(f"counter-{tag}") or 0) >= acked["S"]
        if "D" in acked:
            kept = store.drafts().get(f"draft-{tag}", f"{tag}:0")
            assert int(kept.split(":")[1]) >= acked["D"], "an acknowledged draft was lost"
        # An exchange is saved whole or not at all, and an acknowledged one is kept.
        assert not torn_exchanges(store), f"kill {round_no}: {torn_exchanges(store)}"
        replies = {e.reply for e in store.exchanges()}
        assert {f"{tag}:{n}" for n in range(2, acked.get("E", 0) + 1, 2)} <= replies
        mine = [i for i in store.interviews() if i.company == tag]
        assert len(mine) == 1
        if acked.get("I", 0) >= 3:
            assert int(mine[0].role[1:] or 0) >= acked["I"]
        # An interview and its application are saved together or not at all, and a moved
        # round is in one application, never none or two.
        assert not torn_rounds(store), f"kill {round_no}: {torn_rounds(store)}"
        (app,) = {i.application_id for i in mine}
        moved = [i for i in store.interviews() if i.company == f"{tag}-moved"]
        assert len(moved) <= 1
        # An acknowledged move into the interview's application (odd n) is there, unless a
        # later save (its role, r(n+3), on disk: saved, then killed before it said so) moved
        # both on since.
        last_move = acked.get("M", 0)
        if last_move % 2 and mine[0].role == f"r{last_move}":
            assert moved[0].application_id == app, "an acknowledged move was lost"
        store.close()
    assert kills >= 50
    assert len(expected) > KILLS, "the children really were saving when killed"
    assert len(open_store(db_path).store.exchanges()) > KILLS / 2, "and saving exchanges"
    leftovers = [p.name for p in db_path.parent.iterdir() if ".tmp-" in p.name]
    assert len(leftovers) <= 1, "temps of killed writers are cleaned at the next open"


def test_two_instances_saving_at_once_lose_nothing(db_path: Path) -> None:
    open_store(db_path).store.close()
    count = 150
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), tag, str(count)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("left", "right")
    ]
    for child in children:
        child.communicate(timeout=120)
        assert child.returncode == 0
    store = open_store(db_path).store
    attempts = store.attempts()
    texts = {a.text for a in attempts if ":x" not in a.text}  # not an exchange's turns
    assert texts == {f"{tag}:{n}" for tag in ("left", "right") for n in range(1, count + 1)}
    assert len({a.id for a in attempts}) == len(attempts) == 2 * count + 2 * count, "no id twice"
    assert len(store.exchanges()) == count and not torn_exchanges(store)
    last_counter = str(count - count % 4)  # the child saves the counter every 4th attempt
    assert store.setting("counter-left") == last_counter
    assert store.setting("counter-right") == last_counter
    assert sorted(i.company for i in store.interviews()) == [
        "left",
        "left-moved",
        "right",
        "right-moved",
    ]
    assert not torn_rounds(store)
    # Each child's last move (150 is even): the moved round alone again.
    assert len({i.application_id for i in store.interviews()}) == 4
