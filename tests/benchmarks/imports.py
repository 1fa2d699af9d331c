"""``coach import`` of an older export (no applications): each of its rounds is joined to an
application by company and role. Looked up in an index read once per import
(``coach.store.rounds.Keys``); re-reading every interview for each round made 2,000 rounds take
34 s. The budget is reported beside the time, as every goal here."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

BUDGET_S = 2.0
"""2,000 rounds, in 500 applications, into a database holding as many: well under this."""


def _older_export(path: Path, count: int, first_id: int) -> Path:
    from coach.domain.models import Interview
    from coach.exports.backup import Bundle, export_doc

    rounds = tuple(
        Interview(f"Company {i % 500}", "Engineer", "phone", "2026-11-01", id=first_id + i)
        for i in range(count)
    )
    doc = export_doc(Bundle(interviews=rounds), "2026-11-30T10:00:00+00:00")
    del doc["applications"]  # as a release before applications wrote it
    for interview in doc["interviews"]:
        interview.pop("application_id", None)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run(smoke: bool, folder: Path) -> None:
    from coach.cli.backup import import_file

    rows = [("rounds", "into an empty / a full database", "goal")]
    for count in (200,) if smoke else (200, 2_000):
        times = []
        for held in (0, count):
            db = folder / f"import-{count}-{held}" / "coach.json"
            if held:
                filled = _older_export(folder / f"held-{count}.json", held, 1)
                import_file(str(filled), str(db), out=io.StringIO(), err=io.StringIO())
            file = _older_export(folder / f"older-{count}.json", count, held + 1)
            start = time.perf_counter()
            code = import_file(str(file), str(db), out=io.StringIO(), err=io.StringIO())
            times.append(time.perf_counter() - start)
            assert code == 0, f"the import of {count} rounds failed"
        worst = max(times)
        goal = f"<= {BUDGET_S:.0f} s" if count == 2_000 else ""
        over = " (over budget)" if count == 2_000 and worst > BUDGET_S else ""
        rows.append((f"{count:,}", f"{times[0]:.2f} / {times[1]:.2f} s{over}", goal))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    print("\nImporting an older export (rounds joined by company and role)")
    for row in rows:
        print("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
