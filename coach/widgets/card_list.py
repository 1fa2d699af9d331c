"""The Rehearse screen's list of cards: the closing question, then cards grouped by where they
come from, each with a dot when due and its best score."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from coach.domain import drill
from coach.domain.cards import QUESTION_CARD_ID, FeedbackCard, is_nice_to_have, tailored_subject
from coach.domain.models import Attempt
from coach.render.safe import visible
from coach.widgets.coaching_panel import score_style

LABEL_LENGTH = 19
"""Characters of a card's label before the list knows its width."""
GROUPS = {"tailored": "For your profile", "heard": "Heard in interviews"}
NICE_GROUP = "Profile: nice to have"
"""Tailored cards about a nice-to-have, listed after the must-haves."""


def short_label(card: FeedbackCard, length: int = LABEL_LENGTH) -> str:
    """A card's label: what was said for a heard card, the skill for a tailored one (their
    concerns share their first words), else the concern it raises; trimmed."""
    if card.source == "heard":
        text = card.feedback
    elif card.source == "tailored":
        text = tailored_subject(card)
    else:
        text = card.concern
    # A skill keeps its own case ("dbt", "RN license"); the deck's concerns start lowercase.
    label = text if card.source == "tailored" else text[:1].upper() + text[1:]
    return label if len(label) <= length else label[: length - 1] + "…"


class CardList(OptionList):
    """Options are card ids; group headings are disabled options."""

    _shown: tuple[Any, ...] | None = None
    _shown_width = 0

    def _label_length(self) -> int:
        """Characters a label may take: the list's width less the due dot and the scroll bar.

        The option list wraps a long prompt whatever the Text says, so labels are cut to fit.
        """
        width = self.content_size.width
        if not width:
            return LABEL_LENGTH
        # The scroll bar may only appear once the options are in: leave its room from the start.
        return max(8, width - 2 - self.styles.scrollbar_size_vertical)

    def on_resize(self) -> None:
        if self._shown is not None and self.content_size.width != self._shown_width:
            highlighted = self.highlighted_option
            self.show(*self._shown)
            if highlighted is not None and highlighted.id:
                self.point_at(highlighted.id)

    def show(
        self,
        cards: Iterable[FeedbackCard],
        categories: Mapping[str, tuple[str, str]],
        attempts: Iterable[Attempt],
        now: datetime,
        current: str,
    ) -> None:
        """Rebuild the list and keep ``current`` highlighted."""
        cards, attempts = list(cards), list(attempts)
        self._shown = (cards, categories, attempts, now, current)
        self._shown_width = self.content_size.width
        length = self._label_length()
        by_card = drill.by_card(attempts)  # one pass, not one per card: histories can be long

        def label(card_id: str, title: str) -> Text:
            state = drill.progress(card_id, by_card.get(card_id, []))
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append("● " if state.is_due(now) else "  ", style="bold yellow")
            best = "" if state.best is None else f" {state.best}"
            room = length - len(best)  # the score stays whole; the title gives way
            shown = visible(title)  # a heard or tailored card's title is the user's text
            text.append(shown if len(shown) <= room else shown[: room - 1] + "…")
            if state.best is not None:
                text.append(best, style=score_style(state.best))
            return text

        options: list[Option | None] = [
            Option(label(QUESTION_CARD_ID, "Closing question"), QUESTION_CARD_ID)
        ]
        groups: dict[str, list[FeedbackCard]] = {}
        for card in cards:
            group = (
                NICE_GROUP
                if is_nice_to_have(card)
                else GROUPS.get(card.source, categories.get(card.category, (card.category, ""))[0])
            )
            groups.setdefault(group, []).append(card)
        for group, members in groups.items():
            group = visible(group)  # an imported card's category is shown as it is
            heading = group if len(group) <= length + 2 else group[: length + 1] + "…"
            options.append(Option(Text(heading, style="bold"), disabled=True))
            options += [
                Option(label(card.id, short_label(card, length)), card.id) for card in members
            ]
        self.clear_options()
        self.add_options(options)
        self.point_at(current)

    def point_at(self, card_id: str) -> None:
        """Highlight ``card_id`` if it is listed."""
        with contextlib.suppress(OptionDoesNotExist):
            self.highlighted = self.get_option_index(card_id)
