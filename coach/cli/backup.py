"""``coach export``, ``coach import`` and ``coach history``: the database without the app.

Each opens the database the way the app does (``--db``, then ``$COACH_DB``, then the user-data
folder), says what was wrong with it if anything was, and prints sentences, never a traceback.
Exit status: 0 done; 1 the database or the output file could not be used (an export that
would have replaced a backup holding more records included); 2 a bad command line (``--limit
0``, an ``-o`` coach will not write to, ``--force`` without ``-o``) or a bad import file, with
nothing written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from coach.cli.rate import EXIT_USAGE
from coach.exports.backup import Bundle
from coach.render.safe import visible_stream
from coach.store.errors import StoreError
from coach.store.opening import OpenedStore
from coach.store.store import Store

if TYPE_CHECKING:
    from coach.exports.target import Target

EXIT_FAILED = 1
"""The database or the output file could not be used."""
FORMATS = ("json", "md", "csv", "ics")


@contextmanager
def _opened(db: str | None, err: TextIO) -> Iterator[OpenedStore]:
    from coach.store.locations import resolve_db_path
    from coach.store.opening import open_store

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
        exchanges=tuple(store.exchanges()),
        applications=tuple(store.applications()),
    )


def _now() -> datetime:
    return datetime.now().astimezone()


def render(bundle: Bundle, fmt: str, now: datetime) -> str:
    """The export of ``bundle`` in ``fmt`` ("json", "md", "csv" or "ics")."""
    if fmt == "ics":
        from coach.exports.calendar import calendar

        return calendar(bundle.interviews, bundle.profile, now=now).decode("utf-8")
    if fmt == "json":
        import json

        from coach.exports.backup import export_doc
        from coach.render.safe import json_escaped

        doc = export_doc(bundle, now.isoformat(timespec="seconds"))
        # Escaped, not raw: a C1 control or a bidi override in a company name would act on
        # the terminal the export is printed to (and a lone surrogate cannot be UTF-8).
        return json_escaped(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"
    from coach.exports.text import card_titles, to_csv, to_markdown

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

    What ``output`` may be is in ``coach.exports.target``, and when it may be replaced in
    ``coach.exports.replace``; ``force`` lets an export replace a file whose records it cannot
    vouch for (more records than this export, not a coach export, unreadable).
    """
    from coach.exports.target import TargetRefused

    out, err = out or sys.stdout, visible_stream(err or sys.stderr)
    if force and output is None:
        print(
            "coach export: --force goes with -o FILE (it lets the export replace that file); "
            "nothing was exported.",
            file=err,
        )
        return EXIT_USAGE
    target = None
    if output is not None:
        from coach.exports.target import output_file
        from coach.store.locations import resolve_db_path

        try:
            # Before the database is opened: a bad -o creates nothing.
            target = output_file(output, resolve_db_path(db)[0])
        except TargetRefused as refused:
            print(f"coach export: {refused} Nothing was exported.", file=err)
            return refused.code
    from coach.cli.history import problems_note

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
    if target is None:
        out.write(text)
        return 0
    return _write(target, text, bundle, fmt, force=force, db=opened.store.path, err=err)


def _write(
    target: Target,
    text: str,
    bundle: Bundle,
    fmt: str,
    *,
    force: bool,
    db: Path | None,
    err: TextIO,
) -> int:
    """Replace ``target`` with ``text`` unless the file there holds records it lacks; the exit
    code."""
    from coach.exports.target import TargetRefused
    from coach.store import files

    data = text.encode("utf-8")
    try:
        if not force:
            target = _checked(target, bundle, fmt, db)
        # Atomic and private: the export holds the same personal notes as the database. A
        # symbolic link was followed: its target is replaced and the link kept. Looked at
        # again right before the rename: a file put there since it was checked is kept.
        files.atomic_write(target.path, data, before_replace=target.check_unchanged)
    except TargetRefused as refused:
        print(f"coach export: {refused}", file=err)
        if refused.code == EXIT_FAILED and fmt == "json":
            print(_aside(target, data), file=err)
        return refused.code
    except OSError as error:
        fix = (
            "Free some disk space, or"
            if files.disk_full(error)
            else "Check that its folder exists and is writable, or"
        )
        print(
            f"coach export: could not write {target.named}: {error.strerror or error}. "
            f"{fix} leave out -o to print it.",
            file=err,
        )
        return EXIT_FAILED
    print(f"Exported to {target.named}.", file=err)
    return 0


def _checked(target: Target, bundle: Bundle, fmt: str, db: Path | None) -> Target:
    """``target`` as counted, if the export may replace it (``export_replace``).

    Raises:
        TargetRefused: It may not; with a pointer to a damaged database set aside, if any.
    """
    from dataclasses import replace

    from coach.exports.replace import check_replace, existing, record_counts
    from coach.exports.target import TargetRefused
    from coach.store import files

    found = existing(target)
    new = None
    if fmt == "json":
        from coach.exports.backup import export_doc

        new = record_counts(export_doc(bundle, ""))
    try:
        check_replace(found, str(target.named), new)
    except TargetRefused as refused:
        damaged = []
        if db is not None:
            damaged = [p for p in files.kept_copies(db) if p.name.startswith(f"{db.name}.corrupt-")]
        if refused.code != EXIT_FAILED or not damaged:
            raise
        # The likely story: the database was damaged, set aside, and reopened empty.
        raise TargetRefused(
            f"{refused} A damaged database was set aside as {damaged[-1]}: your records are "
            "probably in that copy.",
            refused.code,
        ) from None
    # The file counted, not the one output_file saw: that is the one a rename may replace.
    return replace(target, identity=found.identity)


def _aside(target: Target, data: bytes) -> str:
    """Write a refused JSON export beside the backup it would have replaced, so a scheduled
    export loses no night; the sentence that says where (or why not)."""
    from coach.store import files

    try:
        new = files.write_aside(target.path, "new", data)
    except OSError as error:
        return f"This export could not be kept beside it either: {error.strerror or error}."
    return f"This export was written to {new} instead."


def import_file(
    file: str, db: str | None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Check all of ``file``, then merge it into the database in one write; the exit code."""
    from coach.exports import json_input
    from coach.exports.backup import BackupError, merge, read_export

    # Only sentences on both: a file's name, a database's path are shown as data.
    out, err = visible_stream(out or sys.stdout), visible_stream(err or sys.stderr)
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
    out, err = out or sys.stdout, visible_stream(err or sys.stderr)
    if limit < 1:
        print(f"coach history: --limit must be 1 or more, not {limit}.", file=err)
        return EXIT_USAGE
    from coach.cli.history import problems_note, tables

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
    from coach.cli.console import CliConsole

    console = CliConsole(file=out)
    for table in tables(bundle, date.today(), limit):
        console.print(table)
    if note:
        print(note, file=err)
    return 0
