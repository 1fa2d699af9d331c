"""User text as data: never markup, never a raw control character, never a spreadsheet formula.

A company, a role, an answer or a file name can hold anything: ``[/remote]``, which Rich and
Textual would read as a closing markup tag (and raise ``MarkupError``), or an escape sequence
that retitles or clears the terminal. Every place that shows such text routes it through here.

What is shown instead of a character (each replacement is one character, so positions and
highlighted spans in a text stay where they were):

- C0 controls (U+0000-U+001F): their Control Pictures (U+2400-U+241F), so ESC is shown as "␛"
  and BEL as "␇";
- DEL (U+007F): "␡";
- C1 controls (U+0080-U+009F), the bidirectional embeddings, overrides and isolates
  (U+202A-U+202E, U+2066-U+2069, which reorder what follows them on screen) and lone
  surrogates (which cannot be written as UTF-8): U+FFFD "�";
- line breaks and tabs: in a single-line cell (a table cell, a list label, a title), a space
  each; in multi-line text (an answer, a Markdown quote, the editor), tabs and line breaks
  stay, with Windows and old Mac line ends read as line breaks, and U+2028/U+2029 as well.

Nothing is removed, so the user can still see that the text holds something odd; the stored
text itself is never changed (this is only how it is shown).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from rich.highlighter import Highlighter
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import OverflowMethod

REPLACEMENT: Final = "\N{REPLACEMENT CHARACTER}"
"""Shown for a character that has no picture of its own (C1 controls, bidi controls)."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's CSV injection list)."""

_BIDI: Final = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Embeddings, overrides and isolates: they reorder what follows them on screen."""


def _table(*, lines: bool) -> dict[int, str]:
    """What ``str.translate`` puts in place of each character not shown as itself."""
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # Control Pictures, in order
    table[0x7F] = "\N{SYMBOL FOR DELETE}"
    table |= dict.fromkeys((*range(0x80, 0xA0), *_BIDI), REPLACEMENT)
    breaks = "\t\n\r\u2028\u2029"
    if lines:
        table |= {ord("\t"): "\t", ord("\n"): "\n", 0x2028: "\n", 0x2029: "\n"}
    else:
        table |= {ord(c): " " for c in breaks}
    return table


_SINGLE_LINE: Final = _table(lines=False)
_MULTI_LINE: Final = _table(lines=True)


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
    shown = text.translate(_MULTI_LINE if lines else _SINGLE_LINE)
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: half a character, which no output can hold
        shown = "".join(REPLACEMENT if "\ud800" <= c <= "\udfff" else c for c in shown)
    return shown


_JSON_UNSAFE: Final = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in _SINGLE_LINE if code >= 0x20) + "\ud800-\udfff]"
)
"""What ``visible`` would replace, bar C0 controls (which ``json.dumps`` escapes itself, and
which JSON's own layout uses outside strings), and lone surrogates."""


def json_escaped(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with every character ``visible``
    would replace written as a ``\\uXXXX`` escape: the same value once parsed, but nothing a
    terminal would act on or a reader could be fooled by (C1 controls, DEL, bidirectional
    overrides, line separators), and nothing UTF-8 cannot hold (a lone surrogate).

    Only strings can hold such characters (JSON's own syntax is ASCII), and in a string an
    escape stands for its character, so the text stays valid JSON.
    """
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)


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
    return Text(
        visible(text, lines=lines),
        style=style,
        no_wrap=no_wrap,
        overflow=overflow,
    )


class VisibleControls(Highlighter):
    """A highlighter for Textual's ``Input`` that shows control characters as placeholders.

    The Input keeps its value exactly as typed or loaded; only what is drawn changes, one
    character for one, so the cursor stays where it belongs.
    """

    def highlight(self, text: Text) -> None:
        """Replace control characters in ``text`` (Rich's hook: it changes ``text`` in place)."""
        shown = visible(text.plain)
        if shown != text.plain:
            text.plain = shown


def csv_cell(text: str, *, lines: bool = False) -> str:
    """A CSV cell of user text that a spreadsheet shows as text, never runs as a formula.

    A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading single quote, as OWASP advises: a spreadsheet then shows the text and does not
    evaluate it. So does one that begins with spaces before such a character, which some
    spreadsheets trim on import. Control characters are made visible as in ``visible``.
    Numbers that coach computes (scores, seconds) are not user text: write them as numbers,
    not through here.

    Args:
        text: The user's text.
        lines: Keep line breaks (the csv module quotes the cell); otherwise they are spaces.
    """
    shown = visible(text, lines=lines)
    risky = shown.startswith(FORMULA_STARTS) or shown.lstrip().startswith(FORMULA_STARTS)
    return "'" + shown if risky else shown
