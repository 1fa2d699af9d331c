"""Coaching content as values: the closing-question variants and their purposes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Purpose = Literal["feedback", "strengths", "competition"]
"""Why the closing question is asked (see the seed article): receive feedback, highlight your
strengths again, understand the competition."""

PURPOSES: tuple[Purpose, ...] = ("feedback", "strengths", "competition")

QUESTION_CARD_ID = "closing-question"
"""The pseudo-card under which attempts at the closing question itself are saved (here, not in
``cards``, so the first frame of Rehearse can know it without loading the deck)."""


@dataclass(frozen=True)
class QuestionVariant:
    """One way of asking the closing question."""

    id: str
    """A short stable name, e.g. "canonical"."""
    text: str
    """The question as the user would say it."""
    purposes: tuple[Purpose, ...]
    """Which of the three purposes it serves."""
    note: str = ""
    """When to use it, in one line."""
