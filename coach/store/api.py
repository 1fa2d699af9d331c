"""What the screens need of the database, as a protocol.

Two things provide it: ``coach.store.store.Store`` (opened before the app, as tests and scripts
do) and ``coach.store.lazy.LazyStore`` (what the ``coach`` command hands the app, so the first frame
never waits for TinyDB or for parsing a long history). Screens depend on this, not on either, and so
import neither at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.domain.models import Attempt, Exchange, Interview, Profile


class StoreAPI(Protocol):
    """The saved data; every method raises ``coach.store.errors.StoreError`` on failure."""

    @property
    def path(self) -> Path | None:
        """The database file; None for a temporary store that saves nothing to disk."""

    @property
    def unsaved_reason(self) -> str | None:
        """Why saves are not kept once coach closes (a read-only folder, a temporary database),
        in a few words; None when they reach the file."""

    def ensure_open(self) -> str | None:
        """Open the database if that has not happened yet; a sentence about what was wrong
        with the file (and done about it) the first time, else None."""

    def revision(self) -> tuple[object, ...]:
        """A value that changes whenever the saved data may have, here or in another process
        (``coach import``, a second window): screens re-read when it differs from before.
        Never raises (``Store.revision`` says what it promises)."""

    @property
    def last_save(self) -> tuple[tuple[object, ...], tuple[object, ...]] | None:
        """The revision just before and just after the last save made here (None before
        any): a screen that had read the first has read everything, plus its own save."""

    def reread(self) -> None:
        """Have the next read check the file's bytes, not only its ``stat`` (F5)."""

    def close(self) -> None: ...
    def profile(self) -> Profile: ...
    def save_profile(self, profile: Profile) -> None: ...
    def attempts(self) -> list[Attempt]: ...
    def add_attempt(self, attempt: Attempt) -> Attempt: ...
    def exchanges(self) -> list[Exchange]: ...
    def save_exchange(self, exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
        """Save a mock exchange and its turns' attempts in one atomic write (all or none);
        ``attempts`` are one per turn (None where nothing was typed) or one per scored turn.
        Returns the exchange as saved: its id, and each turn's ``attempt_id``."""

    def interviews(self) -> list[Interview]: ...
    def save_interview(self, interview: Interview) -> Interview: ...
    def delete_interview(self, interview_id: int) -> bool: ...
    def heard_cards(self) -> list[FeedbackCard]: ...
    def save_heard_card(self, card: FeedbackCard) -> None: ...
    def drafts(self) -> dict[str, str]: ...
    def save_draft(self, key: str, text: str) -> None: ...
    def keep_drafts_copy(self, reason: str) -> Path | None: ...
    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
