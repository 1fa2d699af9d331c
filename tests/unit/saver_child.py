"""A child process that saves in a loop and says so after each save returns.

Run as ``python saver_child.py DB_PATH TAG [COUNT [SECONDS]]``. Each line it prints names a
save that had completed (``open_store`` and the Store method returned) before the line was
written, so the parent can check that everything it read was really kept, whenever it kills us.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from coach.domain import Attempt, Interview, Profile
from coach.domain.models import Exchange, Turn
from coach.store.opening import open_store
from coach.store.store import Store


def exchange(tag: str, n: int) -> tuple[Exchange, list[Attempt]]:
    """A mock exchange of two typed turns (their attempts' texts ``TAG:xN``) and one aloud."""
    turns = (
        Turn("question", "Any questions?", "closing", score=50, seconds=5.0),
        Turn("answer", "A concern", "skills-gap-1", score=60, seconds=40.0),
        Turn("probe", "Really?", "skills-gap-1", seconds=20.0),
    )
    attempts = [
        Attempt(kind="question", text=f"{tag}:x{n}", card_id="closing", score=50),
        Attempt(kind="response", text=f"{tag}:x{n}", card_id="skills-gap-1", score=60),
    ]
    return Exchange("2026-11-20T19:30:00+00:00", "concern", f"{tag}:{n}", turns), attempts


def torn_exchanges(store: Store) -> list[str]:
    """What would show an exchange saved in part: a turn without its attempt, an attempt
    tied to no exchange or to another one, an exchange without its two attempts."""
    attempts = {a.id: a for a in store.attempts()}
    found = []
    exchanges = {e.id: e for e in store.exchanges()}
    for e in exchanges.values():
        typed = [attempts.get(t.attempt_id) for t in e.turns if t.attempt_id is not None]
        if e.problems or len(typed) != 2 or any(a is None or a.exchange_id != e.id for a in typed):
            found.append(f"exchange {e.id}")
    found += [
        f"attempt {a.id}" for a in attempts.values() if a.exchange_id not in (None, *exchanges)
    ]
    return found


def torn_rounds(store: Store) -> list[str]:
    """What would show an application saved apart from its rounds: an interview whose
    application is missing, an application with no round."""
    apps = {a.id for a in store.applications()}
    interviews = store.interviews()
    found = [f"interview {i.id}" for i in interviews if i.application_id not in apps]
    found += [f"application {n}" for n in apps - {i.application_id for i in interviews}]
    return found


def main() -> None:
    path, tag = Path(sys.argv[1]), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    until = time.monotonic() + float(sys.argv[4]) if len(sys.argv) > 4 else float("inf")
    store = open_store(path).store
    interview = store.save_interview(Interview(company=tag, role="r"))
    print(f"I {interview.id} 0", flush=True)
    # A round moved between the application above and one of its own, back and forth.
    moving = store.save_interview(Interview(company=f"{tag}-moved", role="m"))
    assert moving.id is not None
    for n in range(1, count + 1):
        if time.monotonic() > until:
            break
        attempt = store.add_attempt(Attempt(kind="question", text=f"{tag}:{n}"))
        print(f"A {attempt.id} {n}", flush=True)
        if n % 3 == 0:
            # Another role: a new application, made in the same write, the old one removed.
            interview = store.save_interview(Interview(company=tag, role=f"r{n}", id=interview.id))
            print(f"I {interview.id} {n}", flush=True)
            into = interview.application_id if n % 2 else None
            store.move_round(moving.id, into)
            print(f"M {moving.id} {n}", flush=True)
        if n % 4 == 0:
            store.set_setting(f"counter-{tag}", str(n))
            print(f"S 0 {n}", flush=True)
        # Alternately grow and shrink the file: an in-place rewrite that shrinks it must
        # truncate afterwards, and a kill before the truncate leaves trailing garbage.
        store.set_setting(f"scratch-{tag}", "x" * (4000 if n % 2 else 10))
        print(f"X 0 {n}", flush=True)
        if n % 2 == 0:
            saved = store.save_exchange(*exchange(tag, n))
            print(f"E {saved.id} {n}", flush=True)
        store.save_draft(f"draft-{tag}", f"{tag}:{n}")
        print(f"D 0 {n}", flush=True)
        if n % 5 == 0:
            store.save_profile(Profile(requirements=(f"{tag}:{n}",)))
            print(f"P 0 {n}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
