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
from coach.store.opening import open_store


def main() -> None:
    path, tag = Path(sys.argv[1]), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    until = time.monotonic() + float(sys.argv[4]) if len(sys.argv) > 4 else float("inf")
    store = open_store(path).store
    interview = store.save_interview(Interview(company=tag, role="r"))
    print(f"I {interview.id} 0", flush=True)
    for n in range(1, count + 1):
        if time.monotonic() > until:
            break
        attempt = store.add_attempt(Attempt(kind="question", text=f"{tag}:{n}"))
        print(f"A {attempt.id} {n}", flush=True)
        if n % 3 == 0:
            store.save_interview(Interview(company=tag, role=f"r{n}", id=interview.id))
            print(f"I {interview.id} {n}", flush=True)
        if n % 4 == 0:
            store.set_setting(f"counter-{tag}", str(n))
            print(f"S 0 {n}", flush=True)
        # Alternately grow and shrink the file: an in-place rewrite that shrinks it must
        # truncate afterwards, and a kill before the truncate leaves trailing garbage.
        store.set_setting(f"scratch-{tag}", "x" * (4000 if n % 2 else 10))
        print(f"X 0 {n}", flush=True)
        store.save_draft(f"draft-{tag}", f"{tag}:{n}")
        print(f"D 0 {n}", flush=True)
        if n % 5 == 0:
            store.save_profile(Profile(requirements=(f"{tag}:{n}",)))
            print(f"P 0 {n}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
