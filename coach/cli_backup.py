"""``coach export``, ``coach import`` and ``coach history``: the database without the app.

Each opens the database the way the app does (``--db``, then ``$COACH_DB``, then the user-data
folder), says what was wrong with it if anything was, and prints sentences, never a traceback.
Exit status: 0 done; 1 the database (or the output file) could not be used; 2 a bad import
file, with nothing written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from coach.backup import Bundle
from coach.cli import EXIT_USAGE
from coach.storage import OpenedStore, Store, StoreError

EXIT_FAILED = 1
"""The database or the output file could not be used."""
FORMATS = ("json", "md", "csv")


@contextmanager
def _opened(db: str | None, err: TextIO) -> Iterator[OpenedStore]:
    from coach.locations import resolve_db_path
    from coach.storage import open_store

    path, own_folder = resolve_db_path(db)
    opened = open_store(path, tighten_dir=own_folder)
    if opened.problem:
        print(opened.problem, file=err)
    try:
        yield opened
    finally:
        opened.store.close()


def read_bundle(store: Store) -> Bundle:
    """Everything the user made that ``store`` holds."""
    return Bundle(
        profile=store.profile(),
        attempts=tuple(store.attempts()),
        interviews=tuple(store.interviews()),
        heard_cards=tuple(store.heard_cards()),
        settings=store.settings(),
    )


def _now() -> datetime:
    return datetime.now().astimezone()


def render(bundle: Bundle, fmt: str, now: datetime) -> str:
    """The export of ``bundle`` in ``fmt`` ("json", "md" or "csv")."""
    if fmt == "json":
        import json

        from coach.backup import export_doc

        doc = export_doc(bundle, now.isoformat(timespec="seconds"))
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    from coach.export_text import card_titles, to_csv, to_markdown

    convert = to_markdown if fmt == "md" else to_csv
    return convert(bundle, now.date(), card_titles(bundle))


def export(
    db: str | None,
    fmt: str,
    output: str | None,
    *,
    force: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Write the export to ``output`` (atomically, 0600) or to ``out``; returns the exit code.

    What ``output`` may be, and when it may be replaced, is in ``coach.export_target``;
    ``force`` lets an export replace a backup that holds more records, or a file that is not
    a coach export.
    """
    from coach.export_target import TargetRefused

    out, err = out or sys.stdout, err or sys.stderr
    target = None
    if output is not None:
        from coach.export_target import output_file
        from coach.locations import resolve_db_path

        try:
            # Before the database is opened: a bad -o creates nothing.
            target = output_file(output, resolve_db_path(db)[0])
        except TargetRefused as refused:
            print(f"coach export: {refused} Nothing was exported.", file=err)
            return refused.code
    from coach.cli_history import problems_note

    try:
        with _opened(db, err) as opened:
            bundle = read_bundle(opened.store)
            note = problems_note(
                bundle, unread=opened.store.unread_documents(), shown_as="exported as missing"
            )
    except StoreError as error:
        print(f"coach export: {error}", file=err)
        return EXIT_FAILED
    if opened.problem and bundle == Bundle():
        # An unreadable database opens as an empty one: exporting that would replace a good
        # backup (say, a nightly -o backup.json) with an empty file.
        print(
            "coach export: nothing was exported, because the database could not be read "
            "(see above); any earlier export is untouched.",
            file=err,
        )
        return EXIT_FAILED
    if note:
        print(note, file=err)  # what the export leaves out, as history says it
    text = render(bundle, fmt, _now())
    if target is None or output is None:
        out.write(text)
        return 0
    named = Path(output).expanduser()
    try:
        _check_replace(target, named, bundle, fmt, force=force, db=opened.store.path)
    except TargetRefused as refused:
        print(f"coach export: {refused}", file=err)
        return refused.code
    from coach.files import atomic_write

    try:
        # Atomic and private: the export holds the same personal notes as the database. A
        # symbolic link was followed above: its target is replaced and the link kept.
        atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        print(
            f"coach export: could not write {named}: {error.strerror or error}. "
            "Check that its folder exists and is writable, or leave out -o to print it.",
            file=err,
        )
        return EXIT_FAILED
    print(f"Exported to {named}.", file=err)
    return 0


def _check_replace(
    target: Path, named: Path, bundle: Bundle, fmt: str, *, force: bool, db: Path | None
) -> None:
    """``export_target.check_replace``, with a pointer to a damaged database set aside.

    Raises:
        TargetRefused: The export may not replace ``target``.
    """
    from coach.export_target import TargetRefused, check_replace, record_counts

    new = None
    if fmt == "json":
        from coach.backup import export_doc

        new = record_counts(export_doc(bundle, ""))
    try:
        check_replace(target, str(named), new, force=force)
    except TargetRefused as refused:
        kept = sorted(db.parent.glob(f"{db.name}.corrupt-*")) if db else []
        if refused.code != EXIT_FAILED or not kept:
            raise
        # The likely story: the database was damaged, set aside, and reopened empty.
        raise TargetRefused(
            f"{refused} A damaged database was set aside as {kept[-1]}: your records are "
            "probably in that copy.",
            refused.code,
        ) from None


def import_file(
    file: str, db: str | None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Check all of ``file``, then merge it into the database in one write; the exit code."""
    from coach import json_input
    from coach.backup import BackupError, merge, read_export

    out, err = out or sys.stdout, err or sys.stderr
    path = Path(file).expanduser()
    try:
        data = json_input.read_bytes(path, json_input.MAX_IMPORT_BYTES)
    except json_input.InputError as error:
        print(f"coach import: {path}: {error}. Nothing was imported.", file=err)
        return EXIT_USAGE
    try:
        bundle = read_export(data)
    except BackupError as error:
        shown = error.problems[:10]
        more = len(error.problems) - len(shown)
        print(f"coach import: {path} cannot be imported: {shown[0]}", file=err)
        for problem in shown[1:]:
            print(f"  {problem}", file=err)
        if more:
            print(f"  ... and {more} more.", file=err)
        print("Nothing was imported. Fix the file (or export it again), then retry.", file=err)
        return EXIT_USAGE
    with _opened(db, err) as opened:
        store = opened.store
        if not store.persistent:
            print(
                "coach import: the database cannot be written (see above), so nothing was "
                "imported.",
                file=err,
            )
            return EXIT_FAILED
        try:
            report = store.change_raw(lambda raw: merge(raw, bundle))
        except StoreError as error:
            print(f"coach import: {error} Nothing was imported.", file=err)
            return EXIT_FAILED
        where = store.path
    print(f"Imported {path} into {where}:", file=out)
    for line in report.lines():
        print(f"  {line}", file=out)
    return 0


def history(
    db: str | None, limit: int, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Print the most recent interviews and attempts as tables; returns the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    if limit < 1:
        print(f"coach history: --limit must be 1 or more, not {limit}.", file=err)
        return EXIT_USAGE
    from coach.cli_history import problems_note, tables

    try:
        with _opened(db, err) as opened:
            bundle = read_bundle(opened.store)
            note = problems_note(bundle, unread=opened.store.unread_documents())
    except StoreError as error:
        print(f"coach history: {error}", file=err)
        return EXIT_FAILED
    if opened.problem and bundle == Bundle():
        # As export: the file could not be read (damaged and set aside, a newer coach's, a
        # symbolic link in a loop). Empty tables and a 0 would tell a script there is no
        # history.
        print(
            "coach history: nothing to show, because the database could not be read (see above).",
            file=err,
        )
        return EXIT_FAILED
    from coach.console import CliConsole

    console = CliConsole(file=out)
    for table in tables(bundle, date.today(), limit):
        console.print(table)
    if note:
        print(note, file=err)
    return 0
