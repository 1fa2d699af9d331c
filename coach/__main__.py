"""The ``coach`` command: parse the arguments, open the store, run the app."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from coach import __version__
from coach.locations import DB_ENV


def build_parser() -> argparse.ArgumentParser:
    """The command line, kept free of heavy imports so ``--help`` is instant."""
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
        choices=("rehearse", "rate"),
        default="rehearse",
        help="the screen to open first (default: rehearse)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    rate = commands.add_parser(
        "rate",
        help="rate an interview from a JSON file of signals, without opening the app",
        description="Rate an interview from a JSON object of observed signals "
        "(see README, 'Command line'). Exit status 2 for a bad file, key or value.",
    )
    rate.add_argument("--signals", metavar="FILE.json", required=True, help="the signals")
    rate.add_argument("--json", action="store_true", help="print JSON instead of a panel")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run coach; returns the process exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "rate":
        from coach.cli import rate

        return rate(args.signals, as_json=args.json)

    # Start-up allocates a great many long-lived objects and no garbage worth a collection:
    # the collector would only walk them, several times (about 12 ms of a 200 ms start). The
    # app turns it back on after its first frame (CoachApp._first_frame_shown).
    gc.disable()
    from coach.locations import resolve_db_path
    from coach.storage import open_store

    path, own_folder = resolve_db_path(args.db)
    opened = open_store(path, tighten_dir=own_folder)

    from coach.app import CoachApp
    from coach.content import ContentError

    app = CoachApp(opened.store, problem=opened.problem, first_screen=args.screen)
    try:
        app.run()
    except ContentError as error:
        print(f"coach: {error}", file=sys.stderr)
        return 1
    finally:
        opened.store.close()
    if opened.problem:
        # Also left in the terminal after the app exits, so it can be copied.
        print(opened.problem, file=sys.stderr)
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
