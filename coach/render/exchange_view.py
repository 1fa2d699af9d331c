"""What the mock exchange screen shows, as Rich renderables: the conversation so far, the
turn's clock, and the debrief.

Everything the user typed, and every card's words (a heard card holds what the user typed),
goes through ``coach.render.safe``: never read as markup, control characters visible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from coach.render.safe import short, visible
from coach.widgets.coaching_panel import score_style

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.domain.exchange_debrief import Debrief, TurnReview
    from coach.domain.models import TurnStep

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
QUOTE = 90
"""Characters of an answer the debrief quotes: about three lines of its column at 80."""


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


def _turn_cell(review: TurnReview) -> Text:
    cell = Text(STEP_NAMES[review.step], style="bold")
    if review.score is None:
        cell.append("\nno score", style="dim")
    else:
        cell.append(f"\n{review.score}/100", style=score_style(review.score))
    cell.append(f"\nfirst word {seconds(review.first_word_seconds)}", style="dim")
    cell.append(f"\n{seconds(review.seconds)} long", style="dim")
    return cell


def _this_time(review: TurnReview) -> Text:
    cell = Text()
    cell.append(f"They: “{short(review.prompt, 60)}”\n", style="dim italic")
    cell.append(f"“{short(review.text, QUOTE)}”" if review.text else "(said aloud, no gist)")
    if review.tip:
        cell.append("\nTip: ", style="bold")
        cell.append(visible(review.tip), style="italic")
    return cell


def _best_earlier(review: TurnReview) -> Text:
    best = review.best_earlier
    if best is None:
        return Text("none yet" if review.card_id else "-", style="dim")
    cell = Text()
    cell.append(f"{best.score}/100 ", style=score_style(best.score))
    cell.append(f"“{short(best.text, QUOTE)}”", style="dim")
    return cell


def debrief_view(review: Debrief, cards: Mapping[str, FeedbackCard]) -> Group:
    """The debrief on one screen: each turn's score, time to the first word, length and most
    useful tip, with the best earlier answer to the same card beside it; then what to practise
    next, and the keys."""
    exchange = review.exchange
    head = Text("Debrief", style="bold")
    how = "aloud" if exchange.aloud else "typed"
    head.append(f" · {how} · the reply: {exchange.reply_kind.replace('-', ' ')}", style="dim")
    table = Table(box=None, padding=(0, 1, 1, 0), expand=True, show_edge=False)
    table.add_column("Turn", no_wrap=True, width=15)
    table.add_column("This time", ratio=3)
    table.add_column("Best earlier", ratio=2)
    for turn in review.turns:
        table.add_row(_turn_cell(turn), _this_time(turn), _best_earlier(turn))
    practise = Text("Practise next: ", style="bold")
    if review.practise_next is None:
        practise.append("nothing is due: rest.", style="dim")
    else:
        card = cards.get(review.practise_next)
        name = f"“{short(card.feedback, 60)}”" if card else "the closing question"
        practise.append(name)
        practise.append(f" ({review.practise_reason})", style="dim")
    keys = Text("ctrl+n another exchange · Escape back to Rehearse", style="dim")
    return Group(head, table, practise, keys)
