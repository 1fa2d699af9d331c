"""Rate as the first screen with applications of several rounds: 2,000 interviews in 500
applications, its first frame against the bare Textual app's, launched side by side (interleaved,
so a noisy machine slows both alike) as ``run.startup`` measures the other screens."""

from __future__ import annotations

import statistics
from pathlib import Path

from tests.benchmarks.run import Launch, launch, table
from tests.benchmarks.seed import build, build_rounds

GOAL = 1.20
"""The first frame within this many times the bare app's (issue 17)."""


def run(runs: int, folder: Path) -> None:
    dbs = {
        "rate, 500 applications": build_rounds(folder / "rounds.json", 500, 2_000),
        # The same screen over a small history: what Rate first costs whatever the data.
        "rate, 50 interviews": build(folder / "few-rounds.json", 500, 50),
    }
    launch(["bare"])  # warm-up: bytecode written, files in the page cache
    for db in dbs.values():
        launch(["coach", str(db), "rate"])
    samples: dict[str, list[Launch]] = {"bare": [], **{name: [] for name in dbs}}
    for _ in range(runs):
        samples["bare"].append(launch(["bare"]))
        for name, db in dbs.items():
            samples[name].append(launch(["coach", str(db), "rate"]))
    floor = statistics.median(b.first for b in samples["bare"])
    rows: list[tuple[str, ...]] = [
        ("", "first frame", "vs bare", "everything loaded", "goal", ""),
        ("bare", f"{floor * 1000:.0f} ms", "1.00x", "", "", ""),
    ]
    for name in dbs:
        first = statistics.median(r.first for r in samples[name])
        complete = statistics.median(r.complete for r in samples[name])
        ratio = first / floor
        goal = name == "rate, 500 applications"
        rows.append(
            (
                name,
                f"{first * 1000:.0f} ms",
                f"{ratio:.2f}x",
                f"{complete * 1000:.0f} ms ({complete / floor:.2f}x)",
                f"<= {GOAL:.2f}x" if goal else "",
                ("pass" if ratio <= GOAL else f"FAIL (by {ratio - GOAL:.2f}x)") if goal else "",
            )
        )
    table("Rate first, 2,000 interviews in 500 applications (headless, whole process)", rows)
