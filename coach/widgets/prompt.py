"""What to rehearse, above the draft: the closing question (one of its variants, and what
asking it is for) or what the interviewer says on a feedback card, with the concern behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from coach.render.safe import visible

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.domain.content import QuestionVariant

PURPOSE_WORDS = {
    "feedback": "receive feedback",
    "strengths": "highlight your strengths again",
    "competition": "understand the competition",
}


COMPACT_BELOW = 60
"""Cells of width under which the prompt keeps only what to answer (an 80-column terminal)."""


def question_prompt(
    variant: QuestionVariant, number: int, total: int, *, compact: bool = False
) -> Text:
    """The closing question to ask, which variant it is, and what asking it is for (left out
    when ``compact``: the question itself matters most where rows are few)."""
    purposes = " · ".join(PURPOSE_WORDS[p] for p in variant.purposes)
    prompt = Text()
    if compact:
        prompt.append("Closing question", style="bold")
        prompt.append(f" {number}/{total} (ctrl+r: another)\n", style="dim")
        prompt.append(f"“{variant.text}”", style="italic")
        return prompt
    prompt.append("Ask the closing question", style="bold")
    prompt.append(f"   variant {number}/{total}", style="dim")
    prompt.append("  (ctrl+r: another)\n", style="dim")
    prompt.append(f"“{variant.text}”\n", style="italic")
    prompt.append(f"Asked to {purposes}.", style="dim")
    return prompt


def card_prompt(card: FeedbackCard, *, compact: bool = False) -> Text:
    """What the interviewer says on ``card``, the concern behind it, and a hint (left out
    when ``compact``).

    A heard card holds what the user typed, a tailored one their profile's words: all shown
    with control characters visible (``Text.append`` never reads markup).
    """
    prompt = Text()
    prompt.append("The interviewer says: " if compact else "The interviewer says:\n", style="bold")
    prompt.append(f"“{visible(card.feedback, lines=True)}”\n", style="italic")
    prompt.append(f"Concern: {visible(card.concern)}.", style="bold")
    if not compact:
        prompt.append(" ")
        prompt.append(visible(card.hint, lines=True), style="dim")
    return prompt


class Prompt(Static):
    """The prompt for ``card``, or for the closing question in its ``variant`` when ``card``
    is None."""

    # Bound (data_bind), which delivers the first values too: no extra redraw at mount.
    card: var[FeedbackCard | None] = var(None, init=False)
    variant: var[int] = var(0, init=False)
    """Which of the question's variants: an index into ``variants``."""

    def __init__(self, variants: Sequence[QuestionVariant], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.variants = variants

    def watch_card(self) -> None:
        self._show()

    def watch_variant(self) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        width = self.content_size.width
        compact = 0 < width < COMPACT_BELOW
        if self.card is not None:
            self.update(card_prompt(self.card, compact=compact))
            return
        variant, total = self.variants[self.variant], len(self.variants)
        self.update(question_prompt(variant, self.variant + 1, total, compact=compact))
