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
    from coach.domain.models import Application, Attempt, Exchange, Interview, Profile


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

    def interviews(self) -> list[Interview]:
        """Every saved interview, oldest first; one whose application is missing (a hand
        edit) has ``application_id`` None and "application_id" in its problems."""

    def save_interview(self, interview: Interview) -> Interview:
        """Insert (id None) or replace an interview. An interview already saved keeps its
        application, whatever ``application_id`` it is saved with (only ``move_round`` moves
        a round). A new one joins the application it names; with ``application_id`` None (or
        naming an application no longer saved) the application of its company and role
        (``coach.domain.applications.application_key``), made if none, in the same atomic
        write. Returns it as saved: its id and ``application_id``."""

    def delete_interview(self, interview_id: int) -> bool:
        """Delete an interview, and its application if that was its last round; False if it
        was already gone."""

    def applications(self) -> list[Application]:
        """Every saved application, oldest first; each has at least one round."""

    def save_application(self, application: Application) -> Application:
        """Replace a saved application's names or status (an application is made only by
        saving its first round); returned as saved. Raises ``StoreError`` if it is gone."""

    def move_round(self, interview_id: int, application_id: int | None) -> Interview:
        """Make an interview a round of the application ``application_id``, or (None) of a
        new application of its own; the one it leaves goes if no round is left there.
        Returns the interview as saved. Raises ``StoreError`` if either is gone."""

    def heard_cards(self) -> list[FeedbackCard]: ...
    def save_heard_card(self, card: FeedbackCard) -> None: ...
    def drafts(self) -> dict[str, str]: ...
    def save_draft(self, key: str, text: str) -> None: ...
    def keep_drafts_copy(self, reason: str) -> Path | None: ...
    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
