"""What must hold for any file a user (or an attacker) can leave on disk: each function takes
one generated input, runs coach's entry points on it in-process and raises AssertionError when a
promise is broken. Shared by the suite (a bounded number of examples) and the benchmark (10,000).

The promises (issue 11): no exception escapes; exit codes are 0, or 1/2 with one sentence;
nothing printed holds a raw control character; a database is never changed by reading it, and
a file set aside is kept byte for byte.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from tests.hostile import CONTROL, dump

SENTENCE_CODES = (1, 2)


def _no_control(text: str, what: str) -> None:
    found = CONTROL.search(text)
    assert found is None, f"{what} printed a raw control character {found.group()!r}"


def _one_sentence(err: str, what: str) -> None:
    assert "Traceback" not in err, f"{what} printed a traceback"
    assert err.strip(), f"{what} failed without saying why"
    _no_control(err, what)


def _kept(db: Path, before: bytes) -> None:
    """The database still holds ``before``, or a copy set aside beside it does."""
    if db.exists() and db.read_bytes() == before:
        return
    copies = [p for p in db.parent.iterdir() if p.name.startswith(db.name + ".")]
    assert any(p.is_file() and p.read_bytes() == before for p in copies), (
        "the database changed on reading, and no copy kept what it held"
    )


def _values(data: bytes) -> Any:
    """A database file's content as values, in a form that compares NaN equal to NaN."""
    from coach.store.json_storage import parse

    return json.loads(json.dumps(parse(data), sort_keys=True, ensure_ascii=True))


def _exported(db: Path) -> dict[str, Any]:
    from coach.cli.backup import export

    out, err = io.StringIO(), io.StringIO()
    code = export(str(db), "json", None, out=out, err=err)
    assert code == 0, f"export of an imported database failed: {err.getvalue()}"
    doc: dict[str, Any] = json.loads(out.getvalue())
    del doc["exported_at"]
    return doc


def _import_adds_nothing(backup: Path, db: Path, what: str) -> None:
    from coach.cli.backup import import_file

    out, err = io.StringIO(), io.StringIO()
    code = import_file(str(backup), str(db), out=out, err=err)
    assert code == 0, f"{what}: {err.getvalue()}"
    report = out.getvalue()
    counts = [int(n) for n in re.findall(r"(\d+) added", report)]
    assert counts and not any(counts) and "Profile: added" not in report, f"{what}: {report}"


def _round_trip(folder: Path, db: Path, backup: Path) -> None:
    """coach's own export imports whole: the imported database exports the same, and a
    second import of it (or one into the database it came from) adds nothing."""
    from coach.cli.backup import import_file

    again = folder / "again" / "coach.json"
    ierr = io.StringIO()
    code = import_file(str(backup), str(again), out=io.StringIO(), err=ierr)
    # What coach itself exported from a forgiving read must import: nothing is lost on the
    # way to another machine.
    assert code == 0, f"coach import refused coach's own export: {ierr.getvalue()}"
    theirs = json.loads(backup.read_text(encoding="utf-8"))
    del theirs["exported_at"]
    assert _exported(again) == theirs, "the imported database exports something else"
    _import_adds_nothing(backup, again, "a second import")
    home = folder / "home" / "coach.json"
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_bytes(db.read_bytes())
    _import_adds_nothing(backup, home, "an import into the database it came from")


def _save_changes_only_the_record(folder: Path, raw: Any) -> None:
    """Saving one record into a database edited by hand writes that record, and leaves every
    other value of the file as it was (the escapes a hand editor leaves included)."""
    from coach.domain.models import Attempt
    from coach.store.opening import open_store

    db = folder / "save" / "coach.json"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(json.dumps(raw, ensure_ascii=True).encode())  # "\ud800" as an escape
    opened = open_store(db)
    try:
        if opened.problem or not opened.store.persistent:
            return  # set aside, or a newer coach's: nothing is saved into that file
        before = _values(db.read_bytes())  # after any migration at opening
        saved = opened.store.add_attempt(
            Attempt(kind="question", text="saved", created_at="2026-01-05T10:00:00+00:00")
        )
    finally:
        opened.store.close()
    after = _values(db.read_bytes())
    assert after["attempts"].pop(str(saved.id))["text"] == "saved"
    for meta in (before, after):  # the mark of ids moves on; nothing else of it may
        meta.get("_meta", {}).get("1", {}).pop("last_ids", None)
    assert after == before, "saving one record changed another value of the file"


def database(folder: Path, raw: Any, drafts: Any) -> None:
    """Read, list and export a generated database and drafts file; import the export back,
    twice; save a record into a copy of it."""
    from coach.cli.backup import export, history
    from coach.store.drafts import drafts_path
    from coach.store.lazy import LazyStore

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "coach.json"
    data = dump(raw)
    db.write_bytes(data)
    drafts_path(db).write_bytes(dump(drafts))

    store = LazyStore(db)
    try:
        assert isinstance(store.drafts(), dict)
        store.ensure_open()
        store.profile(), store.attempts(), store.interviews(), store.heard_cards()
    finally:
        store.close()
    _kept(db, data)

    out, err = io.StringIO(), io.StringIO()
    code = history(str(db), 15, out=out, err=err)
    assert code == 0 or code in SENTENCE_CODES, f"history exited {code}"
    _no_control(out.getvalue(), "history")
    if code:
        _one_sentence(err.getvalue(), "history")
    for fmt in ("json", "md", "csv"):
        out, err = io.StringIO(), io.StringIO()
        code = export(str(db), fmt, None, out=out, err=err)
        assert code in (0, *SENTENCE_CODES), f"export --format {fmt} exited {code}"
        _no_control(out.getvalue(), f"export --format {fmt}")
        if code:
            _one_sentence(err.getvalue(), f"export --format {fmt}")
        elif fmt == "json":
            backup = folder / "backup.json"
            backup.write_text(out.getvalue(), encoding="utf-8")
            _round_trip(folder, db, backup)
    _kept(db, data)
    _save_changes_only_the_record(folder, raw)


def import_file(folder: Path, raw: Any) -> None:
    """``coach import`` of a generated file: 0, or 2 with a sentence and the database unchanged."""
    from coach.cli.backup import import_file as run_import
    from coach.store.opening import open_store

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "coach.json"
    if not db.exists():
        open_store(db).store.close()
    before = db.read_bytes()
    source = folder / "export.json"
    source.write_bytes(raw if isinstance(raw, bytes) else dump(raw))
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(source), str(db), out=out, err=err)
    assert code in (0, 2), f"import exited {code}"
    _no_control(out.getvalue() + err.getvalue(), "import")
    if code == 2:
        _one_sentence(err.getvalue(), "import")
        assert db.read_bytes() == before, "a refused import changed the database"


def rate_signals(folder: Path, raw: Any) -> None:
    """``coach rate --signals`` of a generated file: 0 with a rating, or 2 with a sentence."""
    from coach.cli.rate import rate

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "signals.json"
    path.write_bytes(raw if isinstance(raw, bytes) else dump(raw))
    out = io.StringIO()
    import contextlib

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = rate(str(path), as_json=True, out=out)
    assert code in (0, 2), f"rate exited {code}"
    if code == 0:
        rating = json.loads(out.getvalue())
        assert rating["score"] is None or 3 <= rating["score"] <= 97
    else:
        _one_sentence(err.getvalue(), "rate")
