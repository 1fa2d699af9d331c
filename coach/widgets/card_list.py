"""The Rehearse screen's list of cards: the closing question, then cards grouped by where they
come from, each with a dot when due and its best score."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from datetime import datetime

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from coach.domain import drill
from coach.domain.cards import QUESTION_CARD_ID, TAILORED_CONCERN, FeedbackCard
from coach.domain.models import Attempt
from coach.widgets.coaching_panel import score_style

LABEL_LENGTH = 19
"""Characters of a card's label that fit the sidebar at 80 columns without wrapping."""
GROUPS = {"tailored": "For your profile", "heard": "Heard in interviews"}


def short_label(card: FeedbackCard) -> str:
    """A card's label: what was said for a heard card, the requirement for a tailored one (they
    all share "little hands-on ..."), else the concern it raises; trimmed."""
    if card.source == "heard":
        text = card.feedback
    elif card.source == "tailored":
        text = card.concern.removeprefix(TAILORED_CONCERN)
    else:
        text = card.concern
    # A requirement keeps its own case ("dbt and Airflow"); the deck's concerns start lowercase.
    label = text if card.source == "tailored" else text[:1].upper() + text[1:]
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…"


class CardList(OptionList):
    """Options are card ids; group headings are disabled options."""

    def show(
        self,
        cards: Iterable[FeedbackCard],
        categories: Mapping[str, tuple[str, str]],
        attempts: Iterable[Attempt],
        now: datetime,
        current: str,
    ) -> None:
        """Rebuild the list and keep ``current`` highlighted."""
        by_card: dict[str, list[Attempt]] = {}
        for attempt in attempts:  # one pass, not one per card: histories can be long
            by_card.setdefault(attempt.card_id, []).append(attempt)

        def label(card_id: str, title: str) -> Text:
            state = drill.progress(card_id, by_card.get(card_id, []))
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append("● " if state.is_due(now) else "  ", style="bold yellow")
            best = "" if state.best is None else f" {state.best}"
            # The option list wraps a long prompt whatever the Text says: make room for the
            # score by trimming the title, so every card stays on one line.
            room = LABEL_LENGTH - len(best)
            text.append(title if len(title) <= room else title[: room - 1] + "…")
            if state.best is not None:
                text.append(best, style=score_style(state.best))
            return text

        options: list[Option | None] = [
            Option(label(QUESTION_CARD_ID, "Closing question"), QUESTION_CARD_ID)
        ]
        groups: dict[str, list[FeedbackCard]] = {}
        for card in cards:
            group = GROUPS.get(card.source, categories.get(card.category, (card.category, ""))[0])
            groups.setdefault(group, []).append(card)
        for group, members in groups.items():
            options.append(Option(Text(group, style="bold"), disabled=True))
            options += [Option(label(card.id, short_label(card)), card.id) for card in members]
        self.clear_options()
        self.add_options(options)
        self.point_at(current)

    def point_at(self, card_id: str) -> None:
        """Highlight ``card_id`` if it is listed."""
        with contextlib.suppress(OptionDoesNotExist):
            self.highlighted = self.get_option_index(card_id)
