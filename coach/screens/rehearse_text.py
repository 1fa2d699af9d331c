"""What the Rehearse screen says: the prompt, the guidance, the status line and the history
line, built from values, so the screen only places them and tests can read them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from coach.render.safe import visible

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.domain.content import QuestionVariant
    from coach.domain.drill import CardProgress
    from coach.domain.models import Attempt

PURPOSE_WORDS = {
    "feedback": "receive feedback",
    "strengths": "highlight your strengths again",
    "competition": "understand the competition",
}
QUESTION_PLACEHOLDER = "Write it the way you would say it…"
RESPONSE_PLACEHOLDER = "Your response: take the feedback, then re-pitch toward it…"


def question_prompt(variant: QuestionVariant, number: int, total: int) -> Text:
    """The closing question to ask, which variant it is, and what asking it is for."""
    purposes = " · ".join(PURPOSE_WORDS[p] for p in variant.purposes)
    prompt = Text()
    prompt.append("Ask the closing question", style="bold")
    prompt.append(f"   variant {number}/{total}", style="dim")
    prompt.append("  (ctrl+r: another)\n", style="dim")
    prompt.append(f"“{variant.text}”\n", style="italic")
    prompt.append(f"Asked to {purposes}.", style="dim")
    return prompt


def card_prompt(card: FeedbackCard) -> Text:
    """What the interviewer says on ``card``, the concern behind it, and a hint.

    A heard card holds what the user typed, a tailored one their profile's words: all shown
    with control characters visible (``Text.append`` never reads markup).
    """
    prompt = Text()
    prompt.append("The interviewer says:\n", style="bold")
    prompt.append(f"“{visible(card.feedback, lines=True)}”\n", style="italic")
    prompt.append(f"Concern: {visible(card.concern)}. ", style="bold")
    prompt.append(visible(card.hint, lines=True), style="dim")
    return prompt


def empty_guidance(is_question: bool) -> tuple[str, str]:
    """The coaching panel's title and text while nothing is typed."""
    if is_question:
        return (
            "Start here",
            "1. Say the question aloud until it feels like yours.\n"
            "2. Write your own phrasing: the coach checks it as you type.\n"
            "3. ctrl+t times you saying it; about 15 seconds is the goal.\n"
            "4. ctrl+s saves the attempt; ctrl+n moves to the next card.",
        )
    return (
        "Draft your response",
        "Take the feedback, then skew your pitch toward it: name the concern, bring a "
        "strength with evidence, and end on what you would bring. ctrl+o adds your "
        "strengths, so the coach can check you use them.",
    )


def status_line(
    draft: str,
    is_question: bool,
    running: float | None,
    spoken: float | None,
    aim: tuple[int, int] | None = None,
) -> Text:
    """Words and speaking time of ``draft``, then the stopwatch: ``running`` seconds while it
    runs, else the ``spoken`` time kept, else how to start it. ``aim``: the words that fit a
    response to this card's kind of concern."""
    from coach.domain import text as t

    target = "about 15 s" if is_question else f"aim {aim[0]}-{aim[1]} words" if aim else "30-90 s"
    # Counted no further than coaching reads: this line is redrawn ten times a second while
    # the stopwatch runs, and a count of 20 MB takes a second.
    words, more = t.capped_word_count(draft)
    if more:
        status = Text(f"over {words:,} words · far too long to say aloud ({target})\n")
    else:
        status = Text(f"{words} words · about {t.spoken_seconds(draft):.0f} s aloud ({target})\n")
    if running is not None:
        status.append(f"⏱ {running:4.1f} s — ctrl+t to stop", style="bold yellow")
    elif spoken is not None:
        status.append(f"⏱ said in {spoken:.1f} s", style="bold")
    else:
        status.append("ctrl+t: time yourself saying it aloud", style="dim")
    return status


def history_line(state: CardProgress, best: Attempt | None) -> Text:
    """A card's record: attempts, best and last score, its box and when it is due; then the
    best attempt's text."""
    from coach.widgets.coaching_panel import score_style

    if not state.scores or best is None:
        return Text("No attempts saved for this card yet.", style="dim")
    line = Text()
    line.append(f"{state.attempts} attempt{'s' if state.attempts != 1 else ''} · ")
    line.append(f"best {state.best}", style=score_style(state.best or 0))
    line.append(f" · last {state.scores[-1]} · box {state.box}")
    if state.due_at:
        line.append(f" · due {state.due_at:%a %d %b}")
    line.append(f"\nBest: {visible(best.text[:160], lines=True)}", style="dim")
    return line
