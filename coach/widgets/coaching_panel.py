"""The coaching panel: the score, each check with its tip, and the user's flagged phrases; and
in its place, while nothing is typed, what to do first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from coach.domain.assessment import Assessment, Span
from coach.domain.text import MAX_COACHED_WORDS
from coach.render.safe import visible
from coach.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard

BAR_WIDTH = 24
MAX_FLAGGED = 10
"""Flagged phrases listed at most: a long draft full of "um" would otherwise fill the panel."""


def score_style(score: int) -> str:
    """Green for good, yellow for getting there, red for needs work (theme-independent)."""
    return "bold green" if score >= 70 else "bold yellow" if score >= 50 else "bold red"


def score_bar(score: int, width: int = BAR_WIDTH) -> Text:
    """``72/100 ██████████████████░░░░░░``"""
    filled = round(score / 100 * width)
    bar = Text(f"{score:>3}/100 ", style=score_style(score))
    bar.append("█" * filled, style=score_style(score))
    bar.append("░" * (width - filled), style="dim")
    return bar


def _word_edges(text: str, start: int, end: int, most: int = 12) -> tuple[int, int]:
    """``start``/``end`` moved out to the edges of the words they fall in, so a stretch never
    ends mid-word ("use d…"); by ``most`` characters at the most (a hostile "word" of
    thousands of letters is cut anyway)."""
    start, end = max(0, start), min(len(text), end)
    for _ in range(most):
        if start == 0 or text[start - 1].isspace():
            break
        start -= 1
    for _ in range(most):
        if end == len(text) or text[end].isspace():
            break
        end += 1
    return start, end


def in_context(text: str, spans: Sequence[Span], reach: int = 28) -> Text:
    """The user's words once, every flagged phrase highlighted in that one copy; stretches far
    from any phrase are left out ("…"), so a long draft does not fill the panel."""
    text = visible(text)  # one character for one: the spans still point at the phrases
    windows: list[list[int]] = []  # [start, end) around the phrases, merged where they touch
    for span in sorted(spans, key=lambda s: s.start):
        start, end = _word_edges(text, span.start - reach, span.end + reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    line = Text()
    shown_to = 0
    for start, end in windows:
        if start > shown_to:
            line.append("…", style="dim")
        part = Text(text[start:end])
        for span in spans:  # two checks may flag the same words: styling twice is harmless
            if span.start < end and span.end > start:
                part.stylize("bold reverse red", max(0, span.start - start), span.end - start)
        line.append_text(part)
        shown_to = end
    if shown_to < len(text):
        line.append("…", style="dim")
    return line


def empty_guidance(is_question: bool) -> tuple[str, str]:
    """What to do first, as a title and a text, while nothing is typed."""
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


class CoachingGuidance(EmptyState):
    """What to do first with ``card`` (None: the closing question), shown while there is no
    ``assessment`` (nothing is typed)."""

    card: var[FeedbackCard | None] = var(None)
    assessment: var[Assessment | None] = var(None)

    def __init__(
        self, card: FeedbackCard | None, assessment: Assessment | None, *, id: str | None = None
    ) -> None:
        super().__init__(*empty_guidance(card is None), id=id)
        self.card, self.assessment = card, assessment

    def watch_card(self, card: FeedbackCard | None) -> None:
        self.set_text(*empty_guidance(card is None))

    def watch_assessment(self, assessment: Assessment | None) -> None:
        self.display = assessment is None


class CoachingPanel(Static):
    """Renders the ``assessment`` of ``draft``; cheap enough to redraw on every pause in typing.
    Hidden while there is none (nothing is typed)."""

    DEFAULT_CSS = """
    CoachingPanel {
        height: auto;
    }
    """

    draft: var[str] = var("")
    assessment: var[Assessment | None] = var(None)

    def __init__(self, draft: str, assessment: Assessment | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Shown from its first frame; a binding (data_bind) only delivers values after mount.
        self.draft, self.assessment = draft, assessment

    def watch_draft(self) -> None:
        self._redraw()

    def watch_assessment(self) -> None:
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()  # the score bar fits the width

    def _redraw(self) -> None:
        self.display = self.assessment is not None
        if self.assessment is not None:
            self.show(self.assessment, self.draft)

    def show(self, assessment: Assessment, text: str) -> None:
        """Redraw for ``assessment`` of ``text``."""
        # " 72/100 " then the bar, on one line whatever the panel's width (8: the number).
        width = self.content_size.width or BAR_WIDTH + 8
        bar = score_bar(assessment.score, max(5, min(BAR_WIDTH, width - 8)))
        parts: list[RenderableType] = [bar, Text("")]
        if assessment.coached_up_to is not None:
            parts.append(
                Text(
                    f"Only your first {MAX_COACHED_WORDS:,} words are coached: the rest is "
                    "kept, but not checked.",
                    style="yellow",
                )
            )
            parts.append(Text(""))
        flagged = sorted(
            (span for check in assessment.checks for span in check.spans), key=lambda s: s.start
        )
        if flagged:
            # First, because it is the most actionable: the user's own words to change.
            parts.append(Text("In your words", style="bold underline"))
            parts.append(in_context(text, flagged[:MAX_FLAGGED]))
            if len(flagged) > MAX_FLAGGED:
                parts.append(Text(f"… and {len(flagged) - MAX_FLAGGED} more", style="dim"))
            parts.append(Text(""))
        for check in assessment.checks:
            mark = Text("✓ ", style="bold green") if check.passed else Text("✗ ", style="bold red")
            line = mark + Text(visible(check.name), style="bold")
            line.append(f" · {check.points}/{check.max_points}", style="dim")
            parts.append(line)
            # A tip may quote the user's words.
            parts.append(Text("  " + visible(check.tip), style="dim" if check.passed else ""))
        self.update(Group(*parts))
