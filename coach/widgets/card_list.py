"""The Rehearse screen's list of cards: the closing question, then cards grouped by where they
come from, each with its best score and a mark: a dot when a practised card is due, a ring
when it was never practised (new, not due); the evening before an interview, a dot for a card
to go tonight, ↻ for one to repeat and ✓ for one done (``coach.domain.rhythm``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from rich.text import Text
from textual import on
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from coach.domain import drill, rhythm
from coach.domain.cards import QUESTION_CARD_ID, FeedbackCard, is_nice_to_have, tailored_subject
from coach.domain.models import Attempt
from coach.render.safe import visible
from coach.widgets.coaching_panel import score_style

LABEL_LENGTH = 19
"""Characters of a card's label before the list knows its width."""
GROUPS = {"tailored": "For your profile", "heard": "Heard in interviews"}
NICE_GROUP = "Profile: nice to have"
"""Tailored cards about a nice-to-have, listed after the must-haves."""
TONIGHT_MARKS = {
    "to go": ("● ", "bold yellow"),
    "again soon": ("↻ ", "bold magenta"),
    "once more": ("↻ ", "magenta"),
    "done": ("✓ ", "green"),
}
"""A card's mark the evening before an interview, by where it stands tonight."""
NEW_MARK = "○ "
"""A card never practised (outside tonight's plan): the status line counts them as new."""


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
    """Options are card ids; group headings are disabled options.

    Filled once its width is known (its first resize: measuring the options costs more than
    the rest of the screen, so once, and at the right width), then again whenever the cards,
    the attempts or its width change.
    """

    @dataclass
    class Picked(Message):
        """A card was picked (enter, or a click), or browsed to (the arrow keys)."""

        card_id: str
        browsing: bool = False
        """Only highlighted while the list has the focus: the focus stays in the list."""

    @dataclass
    class Filled(Message):
        """The list shows the latest cards and scores."""

    card_id: var[str] = var(QUESTION_CARD_ID)
    """The open card: highlighted."""
    cards: var[Mapping[str, FeedbackCard]] = var(dict)
    """Every card but the closing question, in the order listed."""
    attempts: var[tuple[Attempt, ...] | None] = var(None)
    """Every attempt saved (None: not read yet), for the due dots and best scores."""
    interview: var[date | None] = var(None)
    """The next interview's day: the evening before it, the marks are tonight's."""

    def __init__(
        self,
        categories: Mapping[str, tuple[str, str]],
        clock: Callable[[], datetime],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.categories = categories
        """The deck's category ids and their (title, description): titles head the groups."""
        self.clock = clock
        self._filled_width: int | None = None
        """The width the options were cut for; None until they are in."""

    def watch_card_id(self, card_id: str) -> None:
        self.point_at(card_id)

    def watch_cards(self) -> None:
        self._refill()

    def watch_attempts(self) -> None:
        self._refill()

    def watch_interview(self) -> None:
        self._refill()

    def _refill(self) -> None:
        if self._filled_width is not None:  # else its first resize fills it
            self._fill()

    def on_resize(self) -> None:
        if self.content_size.width and self.content_size.width != self._filled_width:
            self._fill(keep=True)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(event.option.id))

    @on(OptionList.OptionHighlighted)
    def _browsed(self, event: OptionList.OptionHighlighted) -> None:
        # Moving the cursor opens the card under it, so the highlighted card is always the
        # open one. Only the user's moves: a refill or ``point_at`` highlights the open card,
        # and an event from before the latest move (a burst of keys) is stale.
        event.stop()
        card_id = event.option.id
        if self.has_focus and event.option_index == self.highlighted and card_id != self.card_id:
            self.post_message(self.Picked(card_id or "", browsing=True))

    def on_blur(self) -> None:
        # A click elsewhere, a scroll: the cursor goes back to the open card.
        self.point_at(self.card_id)

    def _label_length(self) -> int:
        """Characters a label may take: the list's width less the due dot and the scroll bar.

        The option list wraps a long prompt whatever the Text says, so labels are cut to fit.
        """
        width = self.content_size.width
        if not width:
            return LABEL_LENGTH
        # The scroll bar may only appear once the options are in: leave its room from the start.
        return max(8, width - 2 - self.styles.scrollbar_size_vertical)

    def _fill(self, *, keep: bool = False) -> None:
        """Rebuild the list, keeping the highlight where the user is browsing (the list has
        the focus, or ``keep``), else on the open card."""
        highlighted = self.highlighted_option
        browsing = highlighted.id if highlighted and (keep or self.has_focus) else None
        self._filled_width = self.content_size.width
        length = self._label_length()
        now = self.clock()
        by_card = drill.by_card(self.attempts or ())  # one pass, not one per card
        tonight = rhythm.tonight(
            tuple(self.cards.values()), self.attempts or (), self.interview, now
        )

        def label(card_id: str, title: str) -> Text:
            state = drill.progress(card_id, by_card.get(card_id, []))
            text = Text(no_wrap=True, overflow="ellipsis")
            standing = tonight.standing(card_id) if tonight is not None else None
            if standing is not None:
                text.append(*TONIGHT_MARKS[standing])
            elif not state.attempts:
                # Never practised: new, not due (all of a fresh deck "due" would mean nothing).
                text.append(NEW_MARK, style="dim")
            else:
                due = tonight is None and state.is_due(now)
                text.append("● " if due else "  ", style="bold yellow")
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
        for card in self.cards.values():
            group = (
                NICE_GROUP
                if is_nice_to_have(card)
                else GROUPS.get(
                    card.source, self.categories.get(card.category, (card.category, ""))[0]
                )
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
        self.point_at(self.card_id)
        if browsing:
            self.point_at(browsing)
        self.post_message(self.Filled())

    def point_at(self, card_id: str) -> None:
        """Highlight ``card_id`` if it is listed."""
        with contextlib.suppress(OptionDoesNotExist):
            self.highlighted = self.get_option_index(card_id)
