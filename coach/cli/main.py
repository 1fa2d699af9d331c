"""The ``coach`` command: parse the arguments (or read a plain launch without argparse), open
the store, run the app or hand over to a sub-command's module."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach import __version__
from coach.store.locations import DB_ENV

if TYPE_CHECKING:
    import argparse

    from coach.app import ScreenName

SCREENS = ("rehearse", "rate")
EXIT_OUTPUT = 1
"""A command's output could not be written (a full disk, a file-size limit)."""


@dataclass(frozen=True)
class Launch:
    """How to start the app: the database (None: $COACH_DB or the user-data folder), the first
    screen, and whether on the demo data."""

    db: str | None = None
    screen: ScreenName = "rehearse"
    demo: bool = False


def plain_launch(argv: Sequence[str]) -> Launch | None:
    """The arguments of a plain start of the app (``--db``, ``--screen``, ``--demo``), read
    without argparse; None for anything else, which ``build_parser`` then reads.

    argparse and the gettext it pulls in cost about 2 ms and 0.4 MiB at every start, for a
    command line that is nearly always empty or one of these options. Whatever this does not
    recognise exactly (help, a sub-command, an abbreviation, a repeated option, a value argparse
    would refuse) goes to argparse, so errors and help read the same as ever. A property test
    checks that both always agree.
    """
    found: dict[str, str | bool] = {}
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name == "--demo" and not equals:
            option: tuple[str, str | bool] = ("demo", True)
        elif name in ("--db", "--screen"):
            if not equals:
                if not rest or rest[0].startswith("-"):
                    return None
                value = rest.pop(0)
            if name == "--screen" and value not in SCREENS:
                return None  # argparse says which are allowed
            option = (name[2:], value)
        else:
            return None
        if option[0] in found:
            return None
        found[option[0]] = option[1]
    screen = found.get("screen", "rehearse")
    return Launch(
        db=str(found["db"]) if "db" in found else None,
        screen="rate" if screen == "rate" else "rehearse",
        demo=bool(found.get("demo", False)),
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line, kept free of heavy imports so ``--help`` is instant."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="coach",
        description=(
            "An offline terminal coach for the end of a job interview: rehearse the closing "
            "question the evening before, rate the interview right after. "
            "Everything stays on this machine."
        ),
        epilog=f"The database is chosen by --db, then ${DB_ENV}, then your user-data folder.",
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the database file to use (default: ${DB_ENV} or the user-data folder)",
    )
    parser.add_argument(
        "--screen",
        choices=SCREENS,
        default="rehearse",
        help="the screen to open first (default: rehearse)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on sample data in a temporary database, deleted when you quit "
        "(your own database is not touched; --db and $COACH_DB are ignored)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    rate = commands.add_parser(
        "rate",
        help="rate an interview from a JSON file of signals, without opening the app",
        description="Rate an interview from a JSON object of observed signals "
        "(see docs/command-line.md). Exit status 2 for a bad file, key or value.",
    )
    rate.add_argument("--signals", metavar="FILE.json", required=True, help="the signals")
    rate.add_argument("--json", action="store_true", help="print JSON instead of a panel")
    shots = commands.add_parser(
        "screenshots",
        help="write an SVG of each screen, on the demo data, for the README",
        description="Write an SVG screenshot of each screen in a realistic state, from the "
        "demo data with a fixed clock (the same files on every run).",
    )
    shots.add_argument(
        "folder", nargs="?", default="screenshots", help="where to write (default: screenshots/)"
    )
    export = commands.add_parser(
        "export",
        help="export everything to JSON (a backup), Markdown (for a mentor), CSV or a calendar",
        description="Export the database: json is a complete backup that coach import reads; "
        "md is readable notes for a mentor; csv is one table of interviews and attempts; ics "
        "is a calendar of interviews, promised reply dates and check-in days.",
    )
    export.add_argument("--format", choices=("json", "md", "csv", "ics"), default="json")
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of stdout: a new file or a regular one (a link is followed); "
        "an existing backup is only replaced by one that loses none of its attempts, "
        "interviews, heard cards, profile or settings (else this one is written beside it)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="with -o: replace that file even if it holds more records than this export, is "
        "not a coach export, or cannot be read",
    )
    imported = commands.add_parser(
        "import",
        help="merge a JSON export into the database (never overwrites a record)",
        description="Check all of FILE.json, then add its records by id in one write. Exit "
        "status 2 for a bad file, and then nothing is written.",
    )
    imported.add_argument("file", metavar="FILE.json", help="a file from coach export")
    commands.add_parser(
        "due",
        help="print what is due today (replies overdue, notes to send, cards to practise)",
        description="Print what is due today, most urgent first: replies overdue, thank-you "
        "notes and check-ins to send, and the cards to practise before the next interview. "
        "Exit status 0 when nothing is due, 1 when something is, 2 on an error.",
    )
    history = commands.add_parser(
        "history", help="print past interviews and recent attempts as tables"
    )
    history.add_argument(
        "--limit", type=int, default=15, metavar="N", help="rows per table (default: 15)"
    )
    serve = commands.add_parser(
        "serve",
        help="the same app in a web browser, through textual-serve (pip install 'coach[serve]')",
        description="Serve coach, on the same database, to a web browser. Bound to 127.0.0.1 "
        "by default, as interview notes are personal. The address printed carries a new random "
        "token each run, and only a page from that address may connect.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (default: 8000)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run coach; returns the process exit code.

    A command's output never ends in a traceback (``coach.cli.output``): when its reader goes
    away (``coach rate ... --json | head``), the command finishes quietly with its own status;
    when it cannot be written for another reason (a full disk), one sentence and EXIT_OUTPUT.
    """
    from coach.render.safe import visible_stream

    # Every sentence a command prints on stderr may quote a path or a value from a file: an
    # escape sequence there is shown as its picture, never sent to the terminal.
    stderr, sys.stderr = sys.stderr, visible_stream(sys.stderr)
    try:
        return _run(sys.argv[1:] if argv is None else list(argv))
    finally:
        sys.stderr = stderr


def _run(args: list[str]) -> int:
    """Parse ``args`` and run the command or the app; the exit code."""
    launch = plain_launch(args)
    if launch is None:
        from coach.cli.output import guarded_output

        with guarded_output() as (out, _):
            outcome = run_command(args)
        if isinstance(outcome, int):
            # `coach due` keeps 1 for "something is due": its output failing is an error (2).
            failed = 2 if _command(args) == "due" else EXIT_OUTPUT
            return _finished(outcome, out.failure, failed)
        launch = outcome
    if launch.demo:
        # Before anything resolves or opens the user's database: the demo never reads it.
        from coach.demo.app import run_demo

        return run_demo(launch.screen)
    return run_app(launch)


def _command(args: Sequence[str]) -> str | None:
    """The sub-command named in ``args`` (the first word that is not an option or the value
    of ``--db`` or ``--screen``); None for none."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ("--db", "--screen"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _finished(code: int, failure: OSError | None, failed: int = EXIT_OUTPUT) -> int:
    """A command's exit code, once its output is known to be whole (or said not to be)."""
    if failure is None:
        return code
    from contextlib import suppress

    from coach.store.files import disk_full

    fix = "; free some disk space, then run it again" if disk_full(failure) else ""
    with suppress(OSError):
        print(
            f"coach: the output could not be written ({failure.strerror or failure}), so it "
            f"is incomplete{fix}.",
            file=sys.stderr,
            flush=True,
        )
    return failed if failed != EXIT_OUTPUT else code or EXIT_OUTPUT


def run_command(argv: Sequence[str]) -> int | Launch:
    """Read the command line with argparse and run a sub-command (its exit code), or say how
    to start the app."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.command:
        # Quietly running the command on the user's own database instead would surprise.
        parser.error(f"--demo opens the app on sample data; it does not go with {args.command}")
    if args.command == "rate":
        from coach.cli.rate import rate

        return rate(args.signals, as_json=args.json)
    if args.command == "serve":
        from coach.cli.serve import serve

        return serve(args.host, args.port, args.db, screen=args.screen)
    if args.command in ("export", "import", "history"):
        from coach.cli import backup as cli_backup

        if args.command == "export":
            return cli_backup.export(args.db, args.format, args.output, force=args.force)
        if args.command == "import":
            return cli_backup.import_file(args.file, args.db)
        return cli_backup.history(args.db, args.limit)
    if args.command == "due":
        from coach.cli.due import due

        return due(args.db)
    if args.command == "screenshots":
        from coach.cli.screenshots import screenshots

        return screenshots(args.folder)
    return Launch(db=args.db, screen=args.screen, demo=args.demo)


def run_app(launch: Launch) -> int:
    """Run the app on the user's database."""
    # Start-up allocates a great many long-lived objects and no garbage worth a collection:
    # the collector would only walk them, several times (about 12 ms of a 200 ms start). The
    # app turns it back on after its first frame (CoachApp._first_frame_shown).
    gc.disable()
    from coach.store.lazy import LazyStore
    from coach.store.locations import resolve_db_path

    path, own_folder = resolve_db_path(launch.db)
    # Opened by the app right after its first frame: the screen never waits for TinyDB or for
    # a long history to parse (see coach/store/lazy.py).
    store = LazyStore(path, tighten_dir=own_folder)

    from coach.app import CoachApp

    app = CoachApp(store, first_screen=launch.screen)
    try:
        app.run()
    except Exception as error:
        # Its module only for its exception: Rate first never reads the deck (about 1.5 ms).
        from coach.content.loader import ContentError

        if not isinstance(error, ContentError):
            raise
        print(f"coach: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if store.problem:
        # Also left in the terminal after the app exits, so it can be copied.
        print(store.problem, file=sys.stderr)
    return app.return_code or 0
