"""The database as the ``coach`` command hands it to the app: opened after the first frame.

Opening means importing TinyDB and the domain, taking the lock and parsing the whole file
(about 50 ms at 10,000 rows). The first frame needs none of it: only the drafts file, which is
small and separate. So ``LazyStore`` reads drafts straight from that file until the database
is open, and opens it on the first call that needs it; the app makes that call right after
the first frame (``CoachApp._first_frame_shown``), so the user never waits on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coach.store.drafts import Drafts, drafts_path
from coach.store.locations import resolved

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.domain.models import Application, Attempt, Exchange, Interview, Profile
    from coach.store.opening import OpenedStore
    from coach.store.store import Store


class LazyStore:
    """A ``StoreAPI`` over the database at ``path``, opened on first use."""

    def __init__(self, path: Path, *, tighten_dir: bool = False) -> None:
        self._path = path
        self._tighten_dir = tighten_dir
        self._opened: OpenedStore | None = None
        self._problem_told = False
        self._early_drafts: dict[str, str] | None = None

    # --- opening --------------------------------------------------------------------------------

    def _store(self) -> Store:
        if self._opened is None:
            from coach.store.opening import open_store

            self._opened = open_store(self._path, tighten_dir=self._tighten_dir)
        return self._opened.store

    @property
    def is_open(self) -> bool:
        return self._opened is not None

    @property
    def problem(self) -> str | None:
        """What was wrong with the file, once it has been opened; None if all is well."""
        return self._opened.problem if self._opened else None

    def ensure_open(self) -> str | None:
        self._store()
        if self._problem_told:
            return None
        self._problem_told = True
        return self.problem

    @property
    def path(self) -> Path | None:
        return self._store().path

    @property
    def unsaved_reason(self) -> str | None:
        return self._store().unsaved_reason

    def revision(self) -> tuple[object, ...]:
        return self._store().revision()

    @property
    def last_save(self) -> tuple[tuple[object, ...], tuple[object, ...]] | None:
        return self._opened.store.last_save if self._opened else None

    def reread(self) -> None:
        if self._opened is not None:  # else its first read is from disk anyway
            self._opened.store.reread()

    def close(self) -> None:
        if self._opened is not None:
            self._opened.store.close()

    # --- drafts: from their own file until the database is open ---------------------------------

    def drafts(self) -> dict[str, str]:
        if self._opened is None:
            # Read once (the theme and the first screen both ask before the first frame), and
            # only read: a write waits for the open, which may decide the file is unusable and
            # that this session's drafts must stay in memory.
            if self._early_drafts is None:
                try:
                    path = drafts_path(resolved(self._path))
                except OSError:
                    # A symbolic link in a loop: the open right after the first frame says so.
                    self._early_drafts = {}
                else:
                    self._early_drafts = Drafts(path).all()
            return dict(self._early_drafts)
        return self._opened.store.drafts()

    def save_draft(self, key: str, text: str) -> None:
        self._store().save_draft(key, text)

    def keep_drafts_copy(self, reason: str) -> Path | None:
        return self._store().keep_drafts_copy(reason)

    # --- everything else opens the database -----------------------------------------------------

    def profile(self) -> Profile:
        return self._store().profile()

    def save_profile(self, profile: Profile) -> None:
        self._store().save_profile(profile)

    def attempts(self) -> list[Attempt]:
        return self._store().attempts()

    def add_attempt(self, attempt: Attempt) -> Attempt:
        return self._store().add_attempt(attempt)

    def exchanges(self) -> list[Exchange]:
        return self._store().exchanges()

    def save_exchange(self, exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
        return self._store().save_exchange(exchange, attempts)

    def interviews(self) -> list[Interview]:
        return self._store().interviews()

    def save_interview(self, interview: Interview) -> Interview:
        return self._store().save_interview(interview)

    def delete_interview(self, interview_id: int) -> bool:
        return self._store().delete_interview(interview_id)

    def applications(self) -> list[Application]:
        return self._store().applications()

    def save_application(self, application: Application) -> Application:
        return self._store().save_application(application)

    def move_round(self, interview_id: int, application_id: int | None) -> Interview:
        return self._store().move_round(interview_id, application_id)

    def heard_cards(self) -> list[FeedbackCard]:
        return self._store().heard_cards()

    def save_heard_card(self, card: FeedbackCard) -> None:
        self._store().save_heard_card(card)

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self._store().setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self._store().set_setting(key, value)
