"""Generated hostile databases, drafts files, import files and signals files (issue 11), in
numbers no test suite can afford: through the readers and entry functions in-process, through
every screen headless, and through the commands as real processes.

Each row counts the inputs that broke a promise of tests/fuzz_checks.py (a crash, a traceback,
a raw control character on output, a changed database, an exit code outside 0/1/2). The goal
is 0 everywhere.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests import fuzz_checks, fuzz_screens, hostile

Failures = dict[str, str]
"""A few failures by kind (first message of each), for the report."""


def _count(
    examples: int, strategy: st.SearchStrategy[Any], test: Callable[[Any], None]
) -> tuple[int, Failures]:
    """Run ``test`` on ``examples`` generated inputs, counting the failures (no shrinking)."""
    failed: Failures = {}
    count = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # every input counts once; shrinking would re-run failures
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        nonlocal count
        try:
            test(value)
        except Exception as error:
            count += 1
            failed.setdefault(type(error).__name__, str(error)[:160])

    run()
    return count, failed


def in_process(examples: int, folder: Path) -> list[tuple[str, int, int, Failures]]:
    """Readers, import checks and the CLI's entry functions, in this process."""
    runs = itertools.count()

    def where() -> Path:
        return folder / f"in{next(runs)}"

    cases: list[tuple[str, st.SearchStrategy[Any], Callable[[Any], None]]] = [
        (
            "databases and drafts: read, history, export x3, re-import",
            st.tuples(hostile.database(), hostile.drafts()),
            lambda v: fuzz_checks.database(where(), *v),
        ),
        (
            "import files: coach import",
            hostile.export_file() | hostile.value(),
            lambda v: fuzz_checks.import_file(where(), v),
        ),
        (
            "signals files: coach rate --signals",
            hostile.signals() | st.binary(max_size=40),
            lambda v: fuzz_checks.rate_signals(where(), v),
        ),
    ]
    rows = []
    stderr = sys.stderr
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115, PTH123 - the stores' notices
    try:
        for name, strategy, test in cases:
            failures, kinds = _count(examples, strategy, test)
            rows.append((name, examples, failures, kinds))
    finally:
        sys.stderr.close()
        sys.stderr = stderr
    return rows


def screens(examples: int, folder: Path) -> tuple[int, int, Failures]:
    """Every screen headless (Rehearse and its cards, Rate and its interviews, Progress, Help)."""
    runs = itertools.count()

    def test(value: Any) -> None:
        asyncio.run(fuzz_screens.every_screen(folder / f"ui{next(runs)}", *value))

    failures, kinds = _count(examples, st.tuples(hostile.database(), hostile.drafts()), test)
    return examples, failures, kinds


TRACEBACK = re.compile(r"Traceback \(most recent call last\)")


def processes(examples: int, folder: Path) -> list[tuple[str, int, int, Failures]]:
    """history, export (json, md, csv), import and rate as real processes."""
    runs = itertools.count()
    coach = [sys.executable, "-m", "coach"]
    env = {**os.environ, "COACH_DB": str(folder / "unused.json")}

    def run(args: list[str]) -> None:
        done = subprocess.run(
            [*coach, *args], capture_output=True, env=env, timeout=60, check=False
        )
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode in (0, 1, 2), f"{args[0]} exited {done.returncode}"
        assert not TRACEBACK.search(err), f"{args[0]} printed a traceback: {err[-300:]}"
        found = hostile.CONTROL.search(out + err)
        assert found is None, f"{args[0]} printed a raw {found.group()!r}"
        if done.returncode:
            assert err.strip(), f"{args[0]} failed without a sentence"

    def database(value: Any) -> None:
        raw, drafts = value
        place = folder / f"p{next(runs)}"
        place.mkdir(parents=True)
        db = place / "coach.json"
        data = hostile.dump(raw)
        db.write_bytes(data)
        (place / "coach.drafts.json").write_bytes(hostile.dump(drafts))
        run(["--db", str(db), "history"])
        for fmt in ("json", "md", "csv"):
            run(["--db", str(db), "export", "--format", fmt])
        fuzz_checks._kept(db, data)

    def importing(value: Any) -> None:
        place = folder / f"p{next(runs)}"
        place.mkdir(parents=True)
        source = place / "export.json"
        source.write_bytes(hostile.dump(value))
        run(["--db", str(place / "coach.json"), "import", str(source)])

    def rating(value: Any) -> None:
        place = folder / f"p{next(runs)}"
        place.mkdir(parents=True)
        source = place / "signals.json"
        source.write_bytes(value if isinstance(value, bytes) else json.dumps(value).encode())
        run(["rate", "--signals", str(source)])
        run(["rate", "--signals", str(source), "--json"])

    rows = []
    for name, strategy, test in [
        ("history, export json/md/csv", st.tuples(hostile.database(), hostile.drafts()), database),
        ("import", hostile.export_file() | hostile.value(), importing),
        ("rate, rate --json", hostile.signals() | st.binary(max_size=40), rating),
    ]:
        failures, kinds = _count(examples, strategy, test)
        rows.append((name, examples, failures, kinds))
    return rows


def run(smoke: bool, folder: Path) -> None:
    from tests.benchmarks.run import table

    many, some = (30, 3) if smoke else (10_000, 300)
    rows = [("generated inputs", "examples", "broke a promise", "goal")]
    notes: list[str] = []
    for name, count, failures, kinds in in_process(many, folder / "fuzz"):
        rows.append((f"in-process: {name}", f"{count:,}", str(failures), "0"))
        notes += [f"  {name}: {kind}: {message}" for kind, message in kinds.items()]
    count, failures, kinds = screens(some, folder / "fuzz")
    rows.append(("every screen, headless", f"{count:,}", str(failures), "0"))
    notes += [f"  screens: {kind}: {message}" for kind, message in kinds.items()]
    for name, count, failures, kinds in processes(some, folder / "fuzz"):
        rows.append((f"processes: {name}", f"{count:,}", str(failures), "0"))
        notes += [f"  {name}: {kind}: {message}" for kind, message in kinds.items()]
    table("Hostile files everywhere (hypothesis, no shrinking)", rows)
    for note in notes:
        print(note)
