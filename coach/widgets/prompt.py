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

    def _show(self) -> None:
        if self.card is not None:
            self.update(card_prompt(self.card))
            return
        variant, total = self.variants[self.variant], len(self.variants)
        self.update(question_prompt(variant, self.variant + 1, total))
