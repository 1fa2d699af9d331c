"""The long fault runs: hundreds of SIGKILLs, two writers for half a minute, and 10,000
generated inputs per entry point. The suite runs short versions of each (tests/unit)."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

CHILD = Path(__file__).resolve().parents[1] / "unit" / "saver_child.py"


def kills(count: int, folder: Path) -> tuple[int, int, int]:
    """SIGKILL a saver ``count`` times; returns (kills, corrupt files, lost saves)."""
    from coach.store.opening import open_store
    from tests.unit.saver_child import torn_exchanges

    path = folder / "kills" / "coach.json"
    rng = random.Random(5)
    expected: set[str] = set()
    corrupt = lost = 0
    for n in range(count):
        tag = f"k{n}"
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), tag], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        output = child.stdout.read()
        child.wait()
        acked = 0
        draft = 0
        for line in output.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "A":
                acked = max(acked, int(parts[2]))
            if len(parts) == 3 and parts[0] == "D":
                draft = max(draft, int(parts[2]))
        opened = open_store(path)
        # A mock exchange saved in part (turns without their exchange) is a corrupt file too.
        if opened.problem or torn_exchanges(opened.store):
            corrupt += 1
        expected |= {f"{tag}:{i}" for i in range(1, acked + 1)}
        texts = {a.text for a in opened.store.attempts()}
        lost += len(expected - texts)
        kept = opened.store.drafts().get(f"draft-{tag}", f"{tag}:0")
        lost += int(int(kept.split(":")[1]) < draft)
        opened.store.close()
    return count, corrupt, lost


def two_windows(seconds: float, folder: Path) -> tuple[int, int]:
    """Two savers on one file for ``seconds``; returns (saves acknowledged, saves lost)."""
    from coach.store.opening import open_store

    path = folder / "two" / "coach.json"
    open_store(path).store.close()
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(path), tag, str(10**9), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("left", "right")
    ]
    acked: set[str] = set()
    for tag, child in zip(("left", "right"), children, strict=True):
        output, _ = child.communicate(timeout=seconds + 120)
        acked |= {
            f"{tag}:{line.split()[2]}" for line in output.splitlines() if line.startswith("A ")
        }
    texts = {a.text for a in open_store(path).store.attempts()}
    return len(acked), len(acked - texts)


RECORD_FIELDS = (
    *("id", "kind", "text", "score", "created_at", "checks"),
    *("company", "held_at", "signals", "outcome", "reply_date", "feedback"),
)
"""Field names of export records, so generated import files get past the first checks."""


def fuzz(examples: int) -> list[tuple[str, int, str]]:
    """Every entry point that takes outside input, fed ``examples`` generated inputs each."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from coach.api import rate_interview
    from coach.cli.backup import import_file as import_command
    from coach.cli.rate import rate as rate_command
    from coach.content.loader import ContentError, load_deck, load_questions
    from coach.content.rubric import _load_rubric, load_rubric
    from coach.domain import assess_closing_question, assess_pitch
    from coach.domain.interview_form import FIELDS, parse_form
    from coach.domain.rating import SignalError
    from coach.store.opening import open_store

    tuned = settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=12,
    )
    results: list[tuple[str, int, str]] = []
    scratch = Path(__import__("tempfile").mkdtemp(prefix="coach-fuzz-"))

    def check(name: str, test: Callable[[], None]) -> None:
        try:
            test()
            results.append((name, examples, "no crash, nothing invalid accepted"))
        except Exception as error:
            results.append((name, examples, f"FAILED: {type(error).__name__}: {error}"))

    @tuned
    @given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=20)))
    def form(values: dict[str, str]) -> None:
        result = parse_form(values, date(2026, 11, 20))
        if result.ok:
            rate_interview(dict(result.interview.signals))

    @tuned
    @given(st.text())
    def question(text: str) -> None:
        assert 0 <= assess_closing_question(text).score <= 100

    @tuned
    @given(st.text(), st.text(max_size=200), st.lists(st.text(max_size=40), max_size=4))
    def pitch(text: str, feedback: str, strengths: list[str]) -> None:
        assert 0 <= assess_pitch(text, feedback, strengths).score <= 100

    @tuned
    @given(st.dictionaries(st.text(max_size=25), json_values, max_size=6))
    def signals(raw: dict[str, Any]) -> None:
        try:
            rating = rate_interview(raw)
        except SignalError:
            return
        assert rating.score is None or 3 <= rating.score <= 97

    @tuned
    @given(json_values, st.sampled_from(["questions.json", "feedback.json", "rubric.json"]))
    def content(raw: Any, name: str) -> None:
        folder = scratch / "content"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(json.dumps(raw))
        loader = {
            "questions.json": load_questions,
            "feedback.json": load_deck,
            "rubric.json": load_rubric,
        }[name]
        _load_rubric.cache_clear()  # the same folder holds new content each time
        try:
            loader(folder)
        except ContentError:
            return

    @tuned
    @given(json_values | st.text())
    def cli(raw: Any) -> None:
        path = scratch / "signals.json"
        path.write_text(raw if isinstance(raw, str) else json.dumps(raw))
        sink = open(scratch / "out.txt", "w")  # noqa: SIM115, PTH123
        with sink:
            code = rate_command(str(path), as_json=True, out=sink)
        assert code in (0, 2)

    export_like = st.fixed_dictionaries(
        {"coach_export": st.just(1)},
        optional={
            section: st.lists(
                st.dictionaries(
                    st.sampled_from(RECORD_FIELDS),
                    json_values | st.integers(0, 120),
                    max_size=6,
                ),
                max_size=3,
            )
            for section in ("attempts", "interviews", "heard_cards")
        }
        | {"profile": json_values, "settings": json_values, "schema": json_values},
    )

    @tuned
    @given(export_like | json_values | st.text())
    def importer(raw: Any) -> None:
        db = scratch / "import" / "coach.json"
        if not db.exists():
            open_store(db).store.close()
        before = db.read_bytes()
        path = scratch / "export.json"
        path.write_text(raw if isinstance(raw, str) else json.dumps(raw))
        sink = open(scratch / "out.txt", "w")  # noqa: SIM115, PTH123
        with sink:
            code = import_command(str(path), str(db), out=sink)
        assert code in (0, 2)
        if code == 2:
            assert db.read_bytes() == before, "a refused import changed the database"

    stderr = sys.stderr
    sys.stderr = open(scratch / "stderr.txt", "w")  # noqa: SIM115, PTH123 - the CLI's messages
    try:
        for name, test in [
            ("Rate form fields (parse_form)", form),
            ("assess_closing_question", question),
            ("assess_pitch", pitch),
            ("rate_interview", signals),
            ("data/ JSON loaders", content),
            ("coach rate --signals", cli),
            ("coach import", importer),
        ]:
            check(name, test)
    finally:
        sys.stderr.close()
        sys.stderr = stderr
    return results


def run(smoke: bool, folder: Path) -> None:
    from tests.benchmarks.run import table

    done, corrupt, lost = kills(10 if smoke else 500, folder)
    table(
        "SIGKILL during inserts, updates, mock exchanges and draft autosaves",
        [
            ("kills", "corrupt files", "lost acknowledged saves", "goal"),
            (str(done), str(corrupt), str(lost), "0 and 0"),
        ],
    )
    seconds = 2.0 if smoke else 30.0
    acked, missing = two_windows(seconds, folder)
    table(
        f"Two coach processes saving to one file for {seconds:.0f} s",
        [
            ("saves acknowledged", "saves lost", "", "goal"),
            (f"{acked:,}", str(missing), "", "0 lost"),
        ],
    )
    rows = [("entry point", "examples", "result", "")]
    rows += [
        (name, f"{count:,}", outcome, "") for name, count, outcome in fuzz(50 if smoke else 10_000)
    ]
    table("Bad input everywhere (hypothesis)", rows)
