"""The command line: --version, --help, and how the database file is chosen."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach import __version__
from coach.cli.main import Launch, build_parser, plain_launch
from coach.store.locations import default_db_path, resolve_db_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"coach {__version__}"


def test_help_names_the_database_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--db PATH" in result.stdout and "COACH_DB" in result.stdout


def test_unknown_option_is_an_error() -> None:
    result = run("--no-such-thing")
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-thing" in result.stderr


def test_demo_does_not_combine_with_a_command(tmp_path: Path) -> None:
    db = tmp_path / "mine.json"
    result = run("--db", str(db), "--demo", "export")
    assert result.returncode == 2
    assert "--demo opens the app on sample data; it does not go with export" in result.stderr
    assert not db.exists()  # the user's database was not exported, nor even created


def test_db_flag_beats_environment(tmp_path: Path) -> None:
    path, own = resolve_db_path(str(tmp_path / "flag.json"), {"COACH_DB": "/env.json"})
    assert (path, own) == (tmp_path / "flag.json", False)


def test_environment_beats_default() -> None:
    path, own = resolve_db_path(None, {"COACH_DB": "~/x.json"})
    assert path == Path("~/x.json").expanduser() and own is False


def test_default_is_in_the_user_data_folder(tmp_path: Path) -> None:
    # conftest points XDG_DATA_HOME at tmp_path/xdg-data
    path, own = resolve_db_path(None, {})
    assert path == tmp_path / "xdg-data" / "coach" / "coach.json" == default_db_path()
    assert own is True


def test_nothing_is_created_at_import(tmp_path: Path) -> None:
    code = "import coach, coach.app, coach.store.opening, coach.store.locations, coach.__main__"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert not (tmp_path / "xdg-data").exists()


def test_screen_choice_is_validated() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--screen", "nope"])
    assert build_parser().parse_args(["--screen", "rate"]).screen == "rate"


# --- the plain start, read without argparse ------------------------------------------------

WORDS = st.sampled_from(
    [
        "--db",
        "--db=",
        "--db=my.json",
        "--screen",
        "--screen=rate",
        "--screen=rehearse",
        "--screen=nope",
        "--demo",
        "--demo=1",
        "--d",
        "--scr",
        "--",
        "-",
        "-h",
        "--help",
        "--version",
        "rate",
        "rehearse",
        "history",
        "export",
        "my.json",
        "",
        "-x",
        "--dbx",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(WORDS, max_size=6))
def test_the_plain_start_reads_exactly_what_argparse_reads(argv: list[str]) -> None:
    launch = plain_launch(argv)
    if launch is None:
        return  # left to argparse, which reads (or refuses) it as it always has
    args = build_parser().parse_args(argv)
    assert args.command is None
    assert (args.db, args.screen, args.demo) == (launch.db, launch.screen, launch.demo)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], Launch()),
        (["--db", "a.json"], Launch(db="a.json")),
        (["--db=a.json", "--screen", "rate"], Launch(db="a.json", screen="rate")),
        (["--demo", "--screen=rate"], Launch(screen="rate", demo=True)),
    ],
)
def test_the_usual_starts_skip_argparse(argv: list[str], expected: Launch) -> None:
    assert plain_launch(argv) == expected


@pytest.mark.parametrize(
    "argv", [["--help"], ["--db"], ["--screen", "nope"], ["--db", "a", "--db", "b"], ["history"]]
)
def test_help_errors_and_commands_go_to_argparse(argv: list[str]) -> None:
    assert plain_launch(argv) is None


def test_a_plain_start_does_not_import_argparse(tmp_path: Path) -> None:
    # In a fresh interpreter: this test process has imported argparse long ago.
    code = (
        "import sys; from coach.cli.main import plain_launch; "
        f"plain_launch(['--db', {str(tmp_path / 'c.json')!r}]); "
        "print('argparse' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"


def test_rate_first_loads_no_heavy_module_before_its_first_frame() -> None:
    # Rate's first frame (the form's first section, the places of the list and the rating) is
    # within 1.2x the bare app's because the domain's models and rater, the list's DataTable,
    # TinyDB and the calendar library all load just after it (docs/performance.md).
    code = (
        "import sys; import coach.app, coach.screens.rate; "
        "print(sorted(m for m in ('coach.domain.models', 'coach.domain.rating', "
        "'coach.domain.applications', 'coach.widgets.interview_list', 'tinydb', 'icalendar', "
        "'textual.widgets._data_table') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("raised", ["content", "other"])
def test_a_content_error_in_the_app_is_one_sentence_and_anything_else_is_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], raised: str
) -> None:
    """The app's run catches a broken data file's error (ContentError), whose module it loads
    only then: anything else still propagates."""
    from coach.app import CoachApp
    from coach.cli.main import run_app
    from coach.content.loader import ContentError

    def broken(self: CoachApp) -> None:
        if raised == "content":
            raise ContentError("rubric.json is missing: reinstall coach")
        raise LookupError("not a content error")

    monkeypatch.setattr(CoachApp, "run", broken)
    launch = Launch(db=str(tmp_path / "coach.json"), screen="rate")
    try:
        if raised == "content":
            assert run_app(launch) == 1
            assert capsys.readouterr().err == "coach: rubric.json is missing: reinstall coach\n"
        else:
            with pytest.raises(LookupError):
                run_app(launch)
    finally:
        gc.enable()  # paused for start-up; the app would resume it after its first frame
