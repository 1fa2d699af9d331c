"""What the review of "user text is data" found still leaking, each shut (issue 11).

- the command line's sentences quoted file and database paths raw;
- a csv cell could start a formula after a ``;`` (a spreadsheet splitting at another separator);
- invisible format characters (zero-width spaces, bidi marks, tags...) went through;
- a long company was quoted whole in a sentence (see also tests/ui/test_safe_fields.py);
- the Markdown export let links, images, HTML and headings through.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from coach.__main__ import main
from coach.cli.backup import export, history, import_file, render
from coach.cli.rate import rate
from coach.domain.models import Attempt, Interview, Profile, Strength
from coach.exports.backup import Bundle
from coach.render.safe import REPLACEMENT, csv_cell, editor_line, short, visible, visible_stream
from coach.store.opening import open_store
from tests.unit.hostile_data import ESC, raw_controls

PWNED = "\x1b]0;PWNED\x07"
"""Retitles the terminal when printed raw."""
SHOWN = "\u241b]0;PWNED\u2407"
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def no_raw(*texts: str) -> None:
    for text in texts:
        assert ESC not in text and "\a" not in text, text
        assert raw_controls(text) == set(), text


def damaged_db(tmp_path: Path) -> Path:
    """A database file that cannot be read, in a folder whose name retitles the terminal."""
    path = tmp_path / f"d{PWNED}" / "coach.json"
    path.parent.mkdir()
    path.write_text("{ not json", encoding="utf-8")
    return path


# --- 1. paths in the command line's sentences ---------------------------------------------------


@pytest.mark.parametrize("command", ["history", "export"])
def test_a_damaged_database_is_named_as_data(tmp_path: Path, command: str) -> None:
    db = str(damaged_db(tmp_path))
    out, err = io.StringIO(), io.StringIO()
    if command == "history":
        history(db, 5, out=out, err=err)
    else:
        export(db, "md", None, out=out, err=err)
    assert SHOWN in err.getvalue()  # the problem names the file: shown, not sent raw
    no_raw(out.getvalue(), err.getvalue())


def test_import_names_its_file_and_the_database_as_data(tmp_path: Path) -> None:
    bad = tmp_path / f"bad{PWNED}.json"
    bad.write_text('{"coach_export": 1, "schema": 1, "attempts": 5}', encoding="utf-8")
    db = tmp_path / f"db{PWNED}" / "coach.json"
    out, err = io.StringIO(), io.StringIO()
    assert import_file(str(bad), str(db), out=out, err=err) == 2
    assert f"bad{SHOWN}.json cannot be imported" in err.getvalue()
    no_raw(out.getvalue(), err.getvalue())

    good = tmp_path / f"ok{PWNED}.json"
    good.write_text(render(Bundle(), "json", NOW), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert import_file(str(good), str(db), out=out, err=err) == 0, err.getvalue()
    assert f"Imported {tmp_path}/ok{SHOWN}.json into {tmp_path}/db{SHOWN}/coach.json" in (
        out.getvalue()
    )
    no_raw(out.getvalue(), err.getvalue())

    missing = tmp_path / f"gone{PWNED}.json"
    out, err = io.StringIO(), io.StringIO()
    assert import_file(str(missing), str(db), out=out, err=err) == 2
    no_raw(out.getvalue(), err.getvalue())


def test_export_names_its_output_as_data(tmp_path: Path) -> None:
    db = str(tmp_path / "db" / "coach.json")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / f"x{PWNED}.json"
    assert export(db, "json", str(target), out=out, err=err) == 0, err.getvalue()
    assert f"Exported to {target}".replace(PWNED, SHOWN) in err.getvalue()
    no_raw(err.getvalue())

    out, err = io.StringIO(), io.StringIO()
    nowhere = tmp_path / f"no{PWNED}" / "backup.json"  # a folder that does not exist
    assert export(db, "json", str(nowhere), out=out, err=err) != 0
    assert SHOWN in err.getvalue()
    no_raw(out.getvalue(), err.getvalue())


def test_rate_names_a_missing_file_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / f"s{PWNED}.json"
    assert rate(str(missing), as_json=False) == 2
    err = capsys.readouterr().err
    assert f"s{SHOWN}.json" in err
    no_raw(err)

    sneaky = tmp_path / "sig.json"
    sneaky.write_text(json.dumps({f"tone{PWNED}": "positive"}), encoding="utf-8")
    assert rate(str(sneaky), as_json=True) == 2  # the unknown key is quoted back
    no_raw(capsys.readouterr().err)


def test_every_command_s_stderr_goes_through_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # argparse quotes the stray argument as it is: only main's own wrapping shows it as data.
    with pytest.raises(SystemExit):
        main(["history", f"stray{PWNED}"])
    err = capsys.readouterr().err
    assert f"stray{SHOWN}" in err
    no_raw(err)
    # A damaged database is set aside and history says so (status 1: nothing could be read).
    assert main(["--db", str(damaged_db(tmp_path)), "history"]) == 1
    err = capsys.readouterr().err
    assert SHOWN in err
    no_raw(err)
    assert not hasattr(sys.stderr, "stream")  # put back as it was


def test_the_stream_wrapper_passes_the_rest_through() -> None:
    inner = io.StringIO()
    wrapped = visible_stream(inner)
    assert visible_stream(wrapped) is wrapped  # never twice
    print(f"a{PWNED}\r\nb\tc", file=wrapped, flush=True)
    assert inner.getvalue() == f"a{SHOWN}\nb\tc\n"
    assert wrapped.getvalue() == inner.getvalue()  # type: ignore[attr-defined]


# --- 2. csv: a formula after a separator ---------------------------------------------------------

FORMULA = ("=", "+", "-", "@")


def cells_as_read(text: str, delimiter: str) -> list[str]:
    """Every cell a spreadsheet reading ``text`` with ``delimiter`` (honouring quotes, or not:
    both exist) would see."""
    quoted = [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]
    raw = [c for line in text.splitlines() for c in line.split(delimiter)]
    return quoted + raw


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_formula_after_a_semicolon_is_not_a_cell_of_its_own(
    tmp_path: Path, delimiter: str
) -> None:
    path = tmp_path / "db" / "coach.json"
    store = open_store(path).store
    store.save_interview(Interview("Acme;=cmd|' /C calc'!A0", "Lead, +1", held_at="2026-11-01"))
    store.add_attempt(Attempt("question", 'fine\n=HYPERLINK("http://e")', score=60))
    store.close()
    out = io.StringIO()
    assert export(str(path), "csv", None, out=out, err=io.StringIO()) == 0
    for cell in cells_as_read(out.getvalue(), delimiter):
        assert not cell.strip().strip('"').lstrip().startswith(FORMULA), cell
    interview = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert interview["company"] == "Acme;'=cmd|' /C calc'!A0"  # the text, marked where it split
    assert interview["score"].isdigit()  # coach's numbers stay numbers


CSV_TEXT = st.text() | st.text(st.sampled_from(list(";,\t\n\r =+-@a'\"\xa0\u3000")))
"""Any text, and text made of separators and formula starts (which any text rarely is)."""


@given(CSV_TEXT, st.booleans())
def test_no_piece_of_a_csv_cell_starts_a_formula(text: str, lines: bool) -> None:
    cell = csv_cell(text, lines=lines)
    for separator in ";,\t\n":
        for piece in cell.split(separator):
            assert not piece.lstrip().startswith(FORMULA), (text, cell)
    # Only quotes were added: the text is all there.
    assert cell.replace("'", "") == visible(text, lines=lines).replace("'", "")


# --- 4. invisible format characters --------------------------------------------------------------

JOINERS = "\u200c\u200d"
"""Kept: they join emoji and spell Persian and the Indic scripts, and hide nothing."""


def test_every_format_character_but_the_joiners_is_shown() -> None:
    formats = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert len(formats) > 150
    for char in formats:
        expected = char if char in JOINERS else REPLACEMENT
        assert visible(char) == expected, hex(ord(char))
        assert visible(char, lines=True) == expected
        assert editor_line(char) == expected


@pytest.mark.parametrize(
    "text",
    [
        "zero\u200bwidth",
        "\ufeffbom",
        "mark\u200e\u200f\u061c",
        "word\u2060joiner\u2064",
        "note\ufff9ann\ufffb",
        "tag\U000e0041\U000e007f",
        "soft\u00adhyphen",
    ],
)
def test_invisible_characters_are_shown(text: str) -> None:
    shown = visible(text)
    assert REPLACEMENT in shown and len(shown) == len(text)
    assert not any(unicodedata.category(c) == "Cf" for c in shown)


def test_emoji_and_persian_keep_their_joiners() -> None:
    assert visible("👩\u200d💻") == "👩\u200d💻"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", as it is spelt
    assert visible(persian) == persian


# --- 5. a long name quoted in a sentence ----------------------------------------------------------


def test_short_cuts_a_long_name_and_shows_it_as_data() -> None:
    assert short("Acme") == "Acme"
    long = "Acme " * 200
    assert len(short(long)) == 40 and short(long).endswith("…")
    assert short(f"Ev{PWNED}il\n co") == f"Ev{SHOWN}il co"
    assert short("x" * 20, width=8) == "xxxxxxx…"


# --- 6. Markdown: the user's text is text ---------------------------------------------------------


def test_markdown_export_shows_links_html_and_headings_as_text() -> None:
    sneaky = (
        "<img src=x onerror=alert(1)>",
        "[click](https://evil.example)",
        "# BIG",
        "a\\|b",
        "*bold* _it_ `code`",
    )
    bundle = Bundle(
        profile=Profile(strengths=tuple(Strength(s, s) for s in sneaky), requirements=sneaky),
        interviews=tuple(Interview(s, s, held_at="2026-11-01", closing_answer=s) for s in sneaky),
        attempts=tuple(Attempt("question", f"intro\n{s}", score=50) for s in sneaky),
    )
    text = render(bundle, "md", NOW)
    page = MarkdownIt("commonmark").enable("table").render(text)
    assert "<img" not in page and "<a " not in page
    assert "<em>" not in page and "<code>" not in page
    assert page.count("<h1>") == 1  # the export's own title only
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "[click](https://evil.example)" in page
    assert "<td>a\\|b</td>" in page  # the backslash kept, the cell not split
    assert "<li># BIG</li>" in page
