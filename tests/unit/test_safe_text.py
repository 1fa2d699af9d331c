"""User text is data everywhere: never markup, never a raw control character, never a formula.

Issue 11, reproductions 1 and 2, on the command line; the screens are in
tests/ui/test_safe_text_ui.py.
"""

from __future__ import annotations

import ast
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from coach.cli.backup import export, history, render
from coach.cli.history import tables
from coach.cli.rate import rate
from coach.domain.models import Attempt, Interview
from coach.exports.backup import Bundle
from coach.render.safe import (
    FORMULA_STARTS,
    REPLACEMENT,
    csv_cell,
    user_text,
    visible,
)
from coach.store.opening import open_store
from tests.unit.hostile_data import (
    ESC,
    HOSTILE,
    PWNED,
    SHOWN_ESC,
    hostile_bundle,
    raw_controls,
    save_bundle,
)

PACKAGE = Path(__file__).resolve().parents[2] / "coach"
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
printable = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Cf"),  # C0, DEL, C1; surrogates; format characters
        blacklist_characters="\u2028\u2029",
    )
)
"""Text without any character that ``visible`` replaces (emoji and CJK included)."""
anything = st.text(st.characters(blacklist_categories=()))
"""Any text at all, lone surrogates included (a hand-edited file's "\\ud800" reads as one)."""


def db_with(tmp_path: Path, *interviews: Interview) -> str:
    path = tmp_path / "hostile" / "coach.json"
    store = open_store(path).store
    for interview in interviews:
        store.save_interview(interview)
    store.close()
    return str(path)


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough that no table cell wraps, so a test can look for a whole name."""
    monkeypatch.setenv("COLUMNS", "300")


def run(command: str, db: str, *args: str) -> tuple[int, str, str]:
    """``coach history`` or ``coach export --format X`` in this process."""
    out, err = io.StringIO(), io.StringIO()
    if command == "history":
        code = history(db, 20, out=out, err=err)
    else:
        code = export(db, args[0], None, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --- the helpers ------------------------------------------------------------------------------


@given(anything)
def test_visible_leaves_no_control_character_and_keeps_the_length(text: str) -> None:
    shown = visible(text)
    assert raw_controls(shown) == set()
    assert "\n" not in shown and "\t" not in shown
    assert len(shown) == len(text)  # one for one: a cursor or a span stays on its characters


@given(anything)
def test_visible_lines_keeps_only_line_breaks_and_tabs(text: str) -> None:
    shown = visible(text, lines=True)
    assert raw_controls(shown) == set()
    assert shown.count("\n") >= text.replace("\r\n", "\n").count("\n")


@given(printable)
def test_printable_text_round_trips_untouched_and_never_as_markup(text: str) -> None:
    assert visible(text) == text
    assert user_text(text).plain == text
    assert printed(user_text(f"[bold]{text}[/]")) == f"[bold]{text}[/]"


def printed(renderable: object) -> str:
    """What Rich prints for ``renderable``, without colours, on one (very long) line."""
    console = Console(file=io.StringIO(), width=10_000, color_system=None)
    with console.capture() as capture:
        console.print(renderable, end="", soft_wrap=True)
    return capture.get()


@given(anything)
def test_any_text_prints_through_rich_without_markup_or_controls(text: str) -> None:
    table = Table("company")
    table.add_row(user_text(text))
    out = io.StringIO()
    Console(file=out, width=60, color_system=None).print(table)
    assert raw_controls(out.getvalue()) == set()


@given(anything, st.booleans())
def test_csv_cell_never_starts_a_formula_and_survives_the_csv_module(
    text: str, lines: bool
) -> None:
    cell = csv_cell(text, lines=lines)
    assert not cell.lstrip().startswith(FORMULA_STARTS)
    # Quotes added, nothing else (see tests/unit/test_safe_output.py for the ones inside).
    assert cell.replace("'", "") == visible(text, lines=lines).replace("'", "")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([cell, 5])
    (row,) = csv.reader(io.StringIO(buffer.getvalue()))
    assert row == [cell, "5"]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =1+1", "'  =1+1"),
        ("Acme", "Acme"),
        ("", ""),
    ],
)
def test_csv_cell_neutralises_what_a_spreadsheet_would_run(text: str, cell: str) -> None:
    assert csv_cell(text) == cell


def test_placeholders_are_the_control_pictures() -> None:
    assert visible(PWNED) == "Ev\u241b]0;PWNED\u2407\u241b[2Jil"
    assert visible("a\x00b\x7fc\x85d\u202ee") == f"a\u2400b\u2421c{REPLACEMENT}d{REPLACEMENT}e"
    assert visible("a\r\nb\tc") == "a  b c"  # a single-line cell: spaces
    assert visible("a\r\nb\rc\td", lines=True) == "a\nb\nc\td"


# --- reproduction 1: square brackets on the command line --------------------------------------


def test_history_shows_brackets_in_a_company_as_typed(tmp_path: Path) -> None:
    db = db_with(tmp_path, Interview("Acme [/remote]", "[bold]Lead[/bold]", held_at="2026-11-01"))
    code, out, err = run("history", db)
    assert code == 0, err
    assert "Acme [/remote]" in out  # it was: MarkupError, and a traceback
    assert "[bold]Lead[/bold]" in out


def test_rate_panel_title_is_the_file_name_as_it_is(tmp_path: Path) -> None:
    signals = tmp_path / "[bold] acme [link=x].json"
    signals.write_text('{"tone": "positive"}', encoding="utf-8")
    out = io.StringIO()
    assert (
        rate(str(signals), as_json=False, out=out) == 0
    )  # (a name cannot hold "/": no crash then, but the markup was applied)
    assert "[bold] acme [link=x].json" in out.getvalue()


# --- reproduction 2: escape sequences never reach the terminal ---------------------------------


def test_history_shows_escape_sequences_as_pictures(tmp_path: Path) -> None:
    db = db_with(tmp_path, Interview(PWNED, "Analyst", held_at="2026-11-01"))
    code, out, err = run("history", db)
    assert code == 0, err
    assert ESC not in out and "\a" not in out  # it was: the terminal retitled and cleared
    assert "Ev\u241b]0;PWNED\u2407\u241b[2Jil" in out


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_exports_show_escape_sequences_as_pictures(tmp_path: Path, fmt: str) -> None:
    db = db_with(tmp_path, Interview(PWNED, "Analyst", held_at="2026-11-01"))
    code, out, err = run("export", db, fmt)
    assert code == 0, err
    assert raw_controls(out) == set()
    shown = "Ev\u241b]0;PWNED\u2407\u241b[2Jil"
    assert (shown.replace("]", "\\]").replace("[", "\\[") if fmt == "md" else shown) in out


def test_csv_export_neutralises_formulas_but_keeps_scores_numbers(tmp_path: Path) -> None:
    db = db_with(
        tmp_path,
        Interview('=HYPERLINK("http://evil.example","Open")', "-1+2", held_at="2026-11-01"),
    )
    path = Path(db)
    store = open_store(path).store
    # A hand-edited card id (a date like "+1" is now read as missing: it is not a time).
    store.add_attempt(Attempt("question", "@SUM(1)\nsecond line", score=72, card_id="+1"))
    store.close()
    code, out, err = run("export", db, "csv")
    assert code == 0, err
    interview, attempt = csv.DictReader(io.StringIO(out))
    assert interview["company"] == '\'=HYPERLINK("http://evil.example","Open")'
    assert interview["role"] == "'-1+2"
    assert interview["score"].isdigit()  # ours: a number a spreadsheet can chart
    assert attempt["text"] == "'@SUM(1)\nsecond line"  # multi-line text keeps its lines
    assert attempt["card_id"] == "'+1"
    assert attempt["score"] == "72"


# --- every text field, through every command ---------------------------------------------------


def test_every_text_field_goes_through_history_and_the_exports(tmp_path: Path) -> None:
    path = tmp_path / "walk" / "coach.json"
    store = open_store(path).store
    save_bundle(store, hostile_bundle())
    store.close()
    for command, *args in (("history",), ("export", "md"), ("export", "csv"), ("export", "json")):
        code, out, err = run(command, str(path), *args)
        assert code == 0, (command, args, err)
        assert "Traceback" not in err
        if args != ["json"]:  # JSON escapes them itself, as \u001b
            assert raw_controls(out) == set(), (command, args, raw_controls(out))
            assert SHOWN_ESC in out, (command, args)
    code, out, _ = run("export", str(path), "md")
    fields = ("Strength.text", "Strength.evidence", "Profile.requirements", "Attempt.text")
    for field in (*fields, "Exchange.reply"):
        assert field in out  # each one shown, none lost on the way
    # Markdown's own characters escaped: each reads as typed (see test_safe_output.py).
    assert "Acme \\[/remote\\] \\[bold\\]b\\[link=x\\]l\\[/\\]" in out


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_lone_surrogates_are_shown_not_a_crash(fmt: str) -> None:
    bundle = Bundle(interviews=(Interview("bad\ud800half", "x\udfff", held_at="2026-11-01"),))
    text = render(bundle, fmt, NOW)
    text.encode("utf-8")  # it was: UnicodeEncodeError when the export was written
    assert f"bad{REPLACEMENT}half" in text


def test_history_tables_take_every_hostile_field() -> None:
    out = io.StringIO()
    console = Console(file=out, width=400, color_system=None)
    for table in tables(hostile_bundle(), NOW.date(), 10):
        console.print(table)
    shown = out.getvalue()
    assert raw_controls(shown) == set()
    assert "Interview.company" in shown and "Interview.role" in shown
    assert HOSTILE.split(" Ev")[0] in shown  # the markup part, word for word


# --- a check on the code: every toast with text from elsewhere is not markup -------------------


def test_every_toast_that_is_not_a_plain_literal_passes_markup_false() -> None:
    """``notify`` reads its message as markup by default: a company or a path in it would crash
    the app (or restyle it). Our own fixed sentences may keep the default."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "notify"
                and node.args
                and not isinstance(node.func.value, ast.Call)  # super().notify: passes it on
            ):
                continue
            literal = isinstance(node.args[0], ast.Constant)
            no_markup = any(
                k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
                for k in node.keywords
            )
            if not literal and not no_markup:
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize(
    ("text", "cells", "shown"),
    [
        ("東京海上日動", 5, "東京…"),
        ("東京海上日動", 12, "東京海上日動"),
        ("🚀🚀 Rocket", 6, "🚀🚀…"),
        ("Acme Corp", 6, "Acme…"),
        ("a\x1bb", 3, "a\u241bb"),
    ],
)
def test_fit_cuts_by_cells_and_always_shows_the_ellipsis(text: str, cells: int, shown: str) -> None:
    from rich.cells import cell_len

    from coach.render.safe import fit

    assert fit(text, cells) == shown
    assert cell_len(fit(text, cells)) <= cells
