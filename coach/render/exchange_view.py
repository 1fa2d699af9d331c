"""What the mock exchange screen shows, as Rich renderables: the conversation so far, the
turn's clock, and the debrief.

Everything the user typed, and every card's words (a heard card holds what the user typed),
goes through ``coach.render.safe``: never read as markup, control characters visible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.measure import Measurement
from rich.text import Text

from coach.domain import limits
from coach.domain.drill import saved_moment
from coach.render.safe import fit, visible
from coach.widgets.coaching_panel import score_style

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from coach.domain.cards import FeedbackCard
    from coach.domain.exchange_debrief import Debrief, TurnReview
    from coach.domain.models import Attempt, TurnStep

STEP_NAMES: Mapping[TurnStep, str] = {
    "question": "Your question",
    "answer": "Your answer",
    "probe": "Probe answer",
}
AIMS: Mapping[TurnStep, str] = {
    "question": "about 15 s",
    "answer": "30-90 s",
    "probe": "30-90 s",
}
"""How long each turn should take to say: the closing question is one breath; an answer is
the 30-90 seconds the response coaching asks for."""


def seconds(value: float | None) -> str:
    """``12 s``, ``1:05``, or ``-`` when not measured."""
    if value is None:
        return "-"
    whole = round(value)
    return f"{whole} s" if whole < 60 else f"{whole // 60}:{whole % 60:02d}"


def not_saved(turns: Sequence[tuple[TurnStep, bool]], where: str = "") -> str:
    """What leaving an exchange before its debrief loses, in a sentence: "Your question and
    answer so far are not saved." Each turn is (its step, whether text was typed: a turn only
    timed aloud says so); ``where`` follows "so far" (" in the mock exchange")."""
    names = [
        ("probe answer" if step == "probe" else step) + ("" if typed else " (timed aloud)")
        for step, typed in turns
    ]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    verb = "is" if len(names) == 1 else "are"
    return f"Your {listed} so far{where} {verb} not saved."


def transcript(said: Sequence[tuple[str, str]]) -> Text:
    """The conversation so far, one line each: who (``"them"`` or ``"you"``) and what; the
    interviewer's last line, the one to answer now, in bold."""
    shown = Text()
    last_theirs = max((n for n, (who, _) in enumerate(said) if who == "them"), default=-1)
    for n, (who, words) in enumerate(said):
        if n:
            shown.append("\n")
        if who == "them":
            shown.append("Interviewer: ", style="bold" if n == last_theirs else "dim")
            shown.append(
                f"“{visible(words, lines=True)}”",
                style="bold italic" if n == last_theirs else "dim italic",
            )
        else:
            shown.append("You: ", style="dim")
            shown.append(visible(words, lines=True) or "(said aloud)", style="dim")
    return shown


def clock_line(
    step: TurnStep,
    *,
    elapsed: float,
    first_word: float | None,
    aloud: bool,
    speaking: float | None,
    spoken: float | None,
) -> Text:
    """The turn's clock: seconds since the prompt, the first word, the aim, and what to press.

    Args:
        step: The turn.
        elapsed: Seconds since the prompt was shown.
        first_word: Seconds from the prompt to the first word; None before it.
        aloud: Whether the exchange is rehearsed aloud (typing the gist is then optional).
        speaking: Seconds the aloud clock has run, while it runs; None otherwise.
        spoken: The aloud clock's time once stopped; None if it has not run.
    """
    line = Text(f"⏱ {seconds(elapsed)}", style="bold")
    if first_word is not None:
        line.append(f" · first word at {seconds(first_word)}")
    line.append(f" · aim {AIMS[step]} (the clock never cuts you off)\n", style="dim")
    if speaking is not None:
        line.append(f"speaking {seconds(speaking)} — ctrl+t to stop", style="bold yellow")
    elif spoken is not None:
        gist = "type the gist if you like, then " if aloud else ""
        line.append(f"said in {seconds(spoken)} · {gist}ctrl+s to send", style="bold")
    elif aloud:
        line.append("Aloud: ctrl+t as you start speaking, ctrl+t to stop", style="bold")
    else:
        line.append("Type it as you would say it · ctrl+s to send", style="bold")
    return line


GAP = "  "
"""Between two columns of the debrief: they never touch, whatever the width."""
HEADINGS = ("Turn", "This time", "First word", "Length", "Best earlier")
"""The debrief's columns: each turn's score beside the best earlier answer to its card."""


def at_word_edge(text: str, cells: int) -> str:
    """``text`` on one line in at most ``cells`` cells, cut after a whole word with "…" if it
    is wider (a word longer than the line is cut where it must be). Control characters are
    made visible."""
    whole = " ".join(visible(text).split())
    if cell_len(whole) <= cells:
        return whole
    kept = fit(whole, cells)[:-1]  # without its "…"
    if whole[len(kept)] != " " and " " in kept:
        kept = kept[: kept.rindex(" ")]  # the cut fell inside a word: drop the part shown
    return kept.rstrip(" ,;:-\u2013\u2014") + "…"


def _when(attempt: Attempt, year: int | None) -> str:
    """The day an attempt was saved, short: "3 Mar", with the year if it is not ``year``."""
    moment = saved_moment(attempt)
    if moment is None:
        return ""
    day = f"{moment.day} {moment:%b}"
    return day if moment.year == year else f"{day} {moment.year}"


def _row(turn: TurnReview, year: int | None) -> tuple[Text, ...]:
    """One turn's cells, in the order of ``HEADINGS``."""
    if turn.score is None:
        score = Text("no score", style="dim")
    else:
        score = Text(f"{turn.score}/100", style=score_style(turn.score))
    best = turn.best_earlier
    if best is None:
        before = Text("none yet" if turn.card_id else "-", style="dim")
    else:
        before = Text(f"{best.score}/100", style=score_style(best.score))
        when = _when(best, year)
        if when:
            before.append(f" · {when}", style="dim")
    return (
        Text(STEP_NAMES[turn.step], style="bold"),
        score,
        Text(seconds(turn.first_word_seconds)),
        Text(seconds(turn.seconds)),
        before,
    )


def _columns(rows: Sequence[tuple[Text, ...]], width: int) -> list[Text]:
    """``rows`` as lines of columns ``GAP`` apart, each as wide as its widest cell; when the
    lines would be wider than ``width``, the last columns give way (cut with "…")."""
    widths = [max(cell.cell_len for cell in column) for column in zip(*rows, strict=True)]
    lines = []
    for row in rows:
        line = Text()
        for n, (cell, cells) in enumerate(zip(row, widths, strict=True)):
            room = width - line.cell_len - (len(GAP) if n else 0)
            if room <= 0:
                break
            if n:
                line.append(GAP)
            shown = cell
            if shown.cell_len > room:
                shown = Text(fit(shown.plain, room), style=shown.style)
            line.append_text(shown)
            if n < len(row) - 1:  # padding of its own: a heading's underline stops at its word
                line.append(" " * max(0, min(cells, room) - shown.cell_len))
        lines.append(line)
    return lines


def _tip(turn: TurnReview, width: int) -> Text:
    """The turn's most useful tip, on one line under it, cut at a word edge."""
    line = Text("  ")
    if turn.tip:
        line.append("Tip: ", style="bold")
        line.append(at_word_edge(turn.tip, width - line.cell_len), style="italic")
    elif not turn.text:
        line.append("said aloud, no gist typed: nothing to coach", style="dim")
    else:
        line.append("every check passed", style="dim")
    line.truncate(width)
    return line


class DebriefView:
    """The debrief on one screen, laid out for the width it is given: a line about the reply,
    then per turn one line of figures (score, time to the first word, length, the best earlier
    answer to its card: score and day) and one of its most useful tip, then what to practise
    next and the keys. About a dozen lines for three turns, none wider than the width."""

    def __init__(self, review: Debrief, cards: Mapping[str, FeedbackCard]) -> None:
        self.review = review
        self.cards = cards

    def lines(self, width: int) -> list[Text]:
        """The debrief's lines at ``width`` cells."""
        review = self.review
        exchange = review.exchange
        head = Text("Debrief", style="bold")
        how = "aloud" if exchange.aloud else "typed"
        head.append(f" · {how} · the reply: {exchange.reply_kind.replace('-', ' ')}", style="dim")
        lines = [head]
        if exchange.reply:
            said = Text("They said: ", style="dim")
            said.append(f"“{at_word_edge(exchange.reply, max(1, width - 13))}”", style="italic")
            lines.append(said)
        begun = limits.moment(exchange.started_at, zone_required=False)
        year = begun.year if begun else None
        heading = tuple(Text(name, style="dim underline") for name in HEADINGS)
        rows = [heading, *(_row(turn, year) for turn in review.turns)]
        figures = _columns(rows, width)
        lines.append(figures[0])
        for turn, line in zip(review.turns, figures[1:], strict=True):
            lines += [line, _tip(turn, width)]
        lines.append(self._practise(width))
        lines.append(Text("ctrl+n another exchange · Escape back to Rehearse", style="dim"))
        for line in lines:
            line.no_wrap = True
            line.truncate(width, overflow="ellipsis")
        return lines

    def _practise(self, width: int) -> Text:
        line = Text("Practise next: ", style="bold")
        if self.review.practise_next is None:
            line.append("nothing is due: rest.", style="dim")
            return line
        reason = f" ({self.review.practise_reason})"
        card = self.cards.get(self.review.practise_next)
        room = max(1, width - line.cell_len - cell_len(reason) - 2)
        line.append(f"“{at_word_edge(card.feedback, room)}”" if card else "the closing question")
        line.append(reason, style="dim")
        return line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n").join(self.lines(options.max_width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def debrief_view(review: Debrief, cards: Mapping[str, FeedbackCard]) -> DebriefView:
    """The debrief on one screen (``DebriefView``): each turn's score, time to the first word,
    length and most useful tip, the best earlier answer to the same card beside it, then what
    to practise next, and the keys."""
    return DebriefView(review, cards)
