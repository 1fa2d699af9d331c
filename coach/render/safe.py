"""User text as data: never markup, never a raw control character, never a spreadsheet formula.

A company, a role, an answer or a file name can hold anything: ``[/remote]``, which Rich and
Textual would read as a closing markup tag (and raise ``MarkupError``), or an escape sequence
that retitles or clears the terminal. Every place that shows such text routes it through here.

What is shown instead of a character (each replacement is one character, so positions and
highlighted spans in a text stay where they were):

- C0 controls (U+0000-U+001F): their Control Pictures (U+2400-U+241F), so ESC is shown as "␛"
  and BEL as "␇";
- DEL (U+007F): "␡";
- C1 controls (U+0080-U+009F), invisible format characters (Unicode's category Cf: the
  bidirectional marks, embeddings, overrides and isolates, which reorder what follows them on
  screen; zero-width spaces and joiners, the byte order mark, word joiners, interlinear
  annotation marks, tag characters, the soft hyphen...) and lone surrogates (which cannot be
  written as UTF-8): U+FFFD "�". Two format characters stay: the zero-width joiner U+200D,
  which builds emoji (👩‍💻), and the zero-width non-joiner U+200C, which Persian and the Indic
  scripts need to spell words right; neither moves or hides other text;
- line breaks and tabs: in a single-line cell (a table cell, a list label, a title), a space
  each; in multi-line text (an answer, a Markdown quote), tabs and line breaks stay, with
  Windows and old Mac line ends read as line breaks, and U+2028/U+2029 as well. A line of an
  editor (``editor_line``) keeps its tabs and shows a stray line break as its picture.

Nothing is removed, so the user can still see that the text holds something odd; the stored
text itself is never changed (this is only how it is shown).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Final, TextIO, cast

if TYPE_CHECKING:
    # Only for annotations: ``coach --help`` and ``--version`` wrap stderr with this module and
    # must not pay for importing Rich (about 20 ms).
    from rich.console import OverflowMethod
    from rich.text import Text

REPLACEMENT: Final = "\N{REPLACEMENT CHARACTER}"
"""Shown for a character that has no picture of its own (C1 controls, format characters)."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's CSV injection list)."""

_FORMAT_RANGES: Final = (
    (0x00AD, 0x00AD),  # soft hyphen: drawn by some terminals, not by others
    (0x0600, 0x0605),  # Arabic number signs
    (0x061C, 0x061C),  # Arabic letter mark (bidi)
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200B),  # zero-width space (U+200C and U+200D stay: see the module docstring)
    (0x200E, 0x200F),  # left-to-right and right-to-left marks (bidi)
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidi isolates, deprecated format characters
    (0xFEFF, 0xFEFF),  # zero-width no-break space, the byte order mark
    (0xFFF9, 0xFFFB),  # interlinear annotation marks
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),  # Egyptian hieroglyph format controls
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical symbol format controls
    (0xE0001, 0xE0001),  # language tag
    (0xE0020, 0xE007F),  # tag characters
)
"""Unicode's format characters (category Cf, as of Unicode 15.1) but for U+200C and U+200D.

Hard-coded rather than found with ``unicodedata`` at import (a scan of every code point takes
about 0.3 s); a test checks the list against the running Python's ``unicodedata``."""


def _table(*, lines: bool, in_line: bool = False) -> dict[int, str]:
    """What ``str.translate`` puts in place of each character not shown as itself."""
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # Control Pictures, in order
    table[0x7F] = "\N{SYMBOL FOR DELETE}"
    table |= dict.fromkeys(range(0x80, 0xA0), REPLACEMENT)
    for first, last in _FORMAT_RANGES:
        table |= dict.fromkeys(range(first, last + 1), REPLACEMENT)
    if in_line:
        # One line of an editor: its tab is drawn (expanded) by the editor; a line break the
        # line holds is not one for the editor, so it keeps its picture.
        table |= {ord("\t"): "\t", 0x2028: REPLACEMENT, 0x2029: REPLACEMENT}
    elif lines:
        table |= {ord("\t"): "\t", ord("\n"): "\n", 0x2028: "\n", 0x2029: "\n"}
    else:
        table |= {ord(c): " " for c in "\t\n\r\u2028\u2029"}
    return table


_SINGLE_LINE: Final = _table(lines=False)
_MULTI_LINE: Final = _table(lines=True)
_IN_LINE: Final = _table(lines=False, in_line=True)


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character replaced by a visible placeholder.

    Args:
        text: Anything a user typed, imported or edited by hand.
        lines: Keep tabs and line breaks (multi-line text); otherwise each becomes a space.

    Returns:
        The text to show; in single-line mode exactly as long as ``text``, character for
        character, so a cursor or a highlighted span stays on the same characters.
    """
    if text.isprintable():  # most text: nothing to replace, found at C speed
        return text
    if lines:
        # Windows ("\r\n") and old Mac ("\r") line ends are line breaks, not a "␍" apiece.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _no_surrogates(text.translate(_MULTI_LINE if lines else _SINGLE_LINE))


def editor_line(line: str) -> str:
    """One line of an editor's text as drawn, one character for one: tabs kept (the editor
    expands them), every other control character visible, as in ``visible``.

    An editor's line may still hold a line break the editor did not split it at (a lone
    ``"\\r"`` in a text of ``"\\n"`` lines, say): it is shown as its picture, so the line is
    drawn, measured and wrapped as exactly as many cells as it holds characters.
    """
    if line.isprintable():
        return line
    return _no_surrogates(line.translate(_IN_LINE))


def _no_surrogates(shown: str) -> str:
    """``shown`` with any lone surrogate (half a character, which no output can hold) as
    ``REPLACEMENT``."""
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        shown = "".join(REPLACEMENT if "\ud800" <= c <= "\udfff" else c for c in shown)
    return shown


def user_text(
    text: str,
    style: str = "",
    *,
    lines: bool = False,
    no_wrap: bool | None = None,
    overflow: OverflowMethod | None = None,
) -> Text:
    """A Rich ``Text`` of ``text`` as data: never parsed as markup, control characters visible.

    Use it wherever a widget, a table cell, a panel title or a toast would otherwise be handed
    a ``str`` (which Rich and Textual read as markup).

    Args:
        text: The user's text.
        style: A Rich style for all of it.
        lines: Keep tabs and line breaks (see ``visible``).
        no_wrap: As Rich's ``Text``.
        overflow: As Rich's ``Text`` ("fold", "crop", "ellipsis" or "ignore").
    """
    from rich.text import Text

    return Text(
        visible(text, lines=lines),
        style=style,
        no_wrap=no_wrap,
        overflow=overflow,
    )


SHORT: Final = 40
"""How much of a company or a role a sentence quotes (a toast, a dialog, a title)."""


def short(text: str, width: int = SHORT) -> str:
    """``text`` on one line, cut to ``width`` characters with "…" if it is longer.

    For a name quoted in a sentence: a company pasted 1,000 characters long must not fill a
    toast or a dialog. Control characters are made visible (``visible``).
    """
    shown = " ".join(visible(text).split())
    return shown if len(shown) <= width else shown[: width - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


def fit(text: str, cells: int) -> str:
    """``text`` on one line in at most ``cells`` terminal cells, cut with "…" if it is wider.

    For a table cell or a label of fixed width: measured in cells, not characters (a CJK
    character or an emoji takes two), so a cut always shows its "…" rather than being
    cropped by the table. Control characters are made visible (``visible``).
    """
    from rich.cells import cell_len, get_character_cell_size

    shown = " ".join(visible(text).split())
    if cell_len(shown) <= cells:
        return shown
    if cells < 1:
        return ""
    kept: list[str] = []
    used = 1  # the "…"
    for char in shown:
        used += get_character_cell_size(char)
        if used > cells:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "\N{HORIZONTAL ELLIPSIS}"


class _VisibleWriter:
    """A text stream that writes to another through ``visible(lines=True)``; anything else
    (``flush``, ``fileno``, ``isatty``, ``encoding``...) is the other stream's."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters visible; returns ``len(text)``."""
        self.stream.write(visible(text, lines=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def visible_stream(stream: TextIO) -> TextIO:
    """``stream``, through which every message is written with ``visible(lines=True)``.

    The command line's sentences quote file names, database paths and values from a file: an
    escape sequence in any of them must not reach the terminal. ``coach.cli.main`` wraps stderr
    once for every command; the commands' functions, which tests call with streams of their
    own, wrap the ones they are given. Wrapping twice changes nothing.
    """
    if isinstance(stream, _VisibleWriter):
        return stream
    return cast("TextIO", _VisibleWriter(stream))


@cache
def _inner_formula() -> re.Pattern[str]:
    """A separator (or a line break), any white space, then what may start a formula.

    Compiled on first use, like ``_json_unsafe``: every start of coach imports this module
    (its stderr is made safe first thing), and only exports need these (about 1 ms)."""
    return re.compile(r"([;,\t\n]\s*)(?=[=+\-@])")


def csv_cell(text: str, *, lines: bool = False) -> str:
    """A CSV cell of user text that a spreadsheet shows as text, never runs as a formula.

    A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading single quote, as OWASP advises: a spreadsheet then shows the text and does not
    evaluate it. So does one that begins with spaces before such a character, which some
    spreadsheets trim on import. The same goes for such a character after a ``;``, a ``,``,
    a tab or a line break inside the cell: a spreadsheet that splits lines at another separator
    than the file's (a ``;`` in many locales) or ignores quotes starts a new cell there, so
    ``Acme;=cmd|...`` is written ``Acme;'=cmd|...``. Control characters are made visible as in
    ``visible``. Numbers that coach computes (scores, seconds) are not user text: write them as
    numbers, not through here.

    Args:
        text: The user's text.
        lines: Keep line breaks (the csv module quotes the cell); otherwise they are spaces.
    """
    shown = _inner_formula().sub(r"\1'", visible(text, lines=lines))
    risky = shown.startswith(FORMULA_STARTS) or shown.lstrip().startswith(FORMULA_STARTS)
    return "'" + shown if risky else shown


@cache
def _json_unsafe() -> re.Pattern[str]:
    """What ``visible`` would replace, bar C0 controls (which ``json.dumps`` escapes itself, and
    which JSON's own layout uses outside strings), and lone surrogates."""
    unsafe = "".join(re.escape(chr(code)) for code in _SINGLE_LINE if code >= 0x20)
    return re.compile("[" + unsafe + "\ud800-\udfff]")


def json_escaped(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with every character ``visible``
    would replace written as a ``\\uXXXX`` escape: the same value once parsed, but nothing a
    terminal would act on or a reader could be fooled by (C1 controls, DEL, bidirectional
    overrides, line separators, invisible format characters), and nothing UTF-8 cannot hold (a
    lone surrogate).

    Only strings can hold such characters (JSON's own syntax is ASCII), and in a string an
    escape stands for its character, so the text stays valid JSON. Characters beyond the Basic
    Multilingual Plane (the tag characters) are written as their surrogate pair.
    """
    return _json_unsafe().sub(lambda found: _escape(found.group()), dumped)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
