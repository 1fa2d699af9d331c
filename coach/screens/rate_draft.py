"""The Rate form's draft: the form in progress, kept in the drafts file as the user types
(``FormDraft``), and read back with care, since the drafts file may have been edited by hand
(or by another program).

What is restored is bounded as a Rehearse draft is (``coach.screens.long_drafts``): a value
longer than ``MAX_DRAFT_CHARS`` (a 20 MB answer took 15 s to open Rate) is cut to its beginning,
after the drafts file is copied aside whole. The interview the form was editing is restored
only if it is an id coach gives (``schema.is_id``); the screen then checks that the interview is
still there (``RateScreen._reload``). Nothing in the draft can crash the screen: JSON nested too
deeply, or of the wrong shape, is no draft.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.domain.limits import readable_text
from coach.render.safe import short
from coach.store import schema
from coach.store.errors import StoreError
from coach.widgets.debounce import Debouncer
from coach.widgets.draft_limits import MAX_DRAFT_CHARS

if TYPE_CHECKING:
    from textual.widget import Widget

    from coach.store.api import StoreAPI

Form = tuple[dict[str, str], int | None]
"""The form's values and the id of the interview it edits (None for a new one)."""

DRAFT_KEY = "rate-form"
"""The drafts-file key of the form in progress."""


def gone_message(values: dict[str, str]) -> str:
    """What the form says when the interview it edits is no longer in the database."""
    company = short(values.get("company", "")) or "The interview you were editing"
    return (
        f"{company} is no longer in the database (another coach window may have deleted it). "
        "The form keeps what you typed as a new interview: ctrl+s saves it."
    )


@dataclass(frozen=True)
class Restored:
    """A form in progress, as found in the drafts file."""

    values: dict[str, str]
    """Field name -> text as typed, each at most ``MAX_DRAFT_CHARS`` long."""
    editing: int | None
    """The saved interview the form was editing, if the draft names one by a valid id."""
    message: str | None = None
    """For the user, when a value was too long and cut: where the whole draft is."""
    keep_drafting: bool = True
    """Whether the form may be written over the draft: False when a value was cut but the
    drafts file could not be copied aside first (the whole draft stays as it was)."""


def encode(values: dict[str, str], editing: int | None) -> str:
    """The draft's text for the form's ``values`` and the interview it edits."""
    return json.dumps({"values": values, "editing": editing})


def decode(text: str | None) -> tuple[dict[str, str], int | None] | None:
    """The form values and edited id in a draft's text; None if there is none or it is bad.

    Only text values are taken (coach writes nothing else), with any lone surrogate replaced
    (it could be neither shown nor saved); the id only if it is one coach gives.
    """
    if not text:
        return None
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a number too long, nesting too deep
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("values"), dict):
        return None
    values = {
        readable_text(str(key)): readable_text(value)
        for key, value in raw["values"].items()
        if type(value) is str
    }
    editing = raw.get("editing")
    return values, editing if schema.is_id(editing) else None


def restore(store: StoreAPI) -> Restored | None:
    """The form in progress kept in ``store``'s drafts, bounded; None if there is none.

    A value too long for the form is cut to its first ``MAX_DRAFT_CHARS`` characters once the
    drafts file is copied aside (``StoreAPI.keep_drafts_copy``), and the shortened draft is
    written back; if the copy fails, the draft is left whole and the form must not write it.
    """
    decoded = decode(store.drafts().get(DRAFT_KEY))
    if decoded is None:
        return None
    values, editing = decoded
    long = {name: len(value) for name, value in values.items() if len(value) > MAX_DRAFT_CHARS}
    if not long:
        return Restored(values, editing)
    shortened = {name: value[:MAX_DRAFT_CHARS] for name, value in values.items()}
    name, size = max(long.items(), key=lambda item: item[1])
    was = (
        f"The unsaved form's {name.replace('_', ' ')} is {size:,} characters long, more than "
        f"a field holds ({MAX_DRAFT_CHARS:,}): the form has its first {MAX_DRAFT_CHARS:,}."
    )
    try:
        kept = store.keep_drafts_copy("long-draft")
    except StoreError as error:
        return Restored(
            shortened,
            editing,
            f"{was} {error} The whole draft is left as it was in the drafts file, and this "
            "form is not kept as a draft (ctrl+s still saves the interview).",
            keep_drafting=False,
        )
    if kept is None:
        return Restored(shortened, editing, was)  # nothing on disk to keep, or to overwrite
    with contextlib.suppress(StoreError):  # the copy holds it whole; autosave tries again
        store.save_draft(DRAFT_KEY, encode(shortened, editing))
    return Restored(shortened, editing, f"{was} The whole draft is kept in {kept}.")


class FormDraft:
    """Keeps the form in progress in the drafts file, a pause after the last edit (or at once
    when asked), and knows whether it differs from what was last saved or loaded."""

    def __init__(
        self, owner: Widget, store: StoreAPI, delay: float, form: Callable[[], Form]
    ) -> None:
        """Args:
        owner: The screen: its timers wait the pause, and it tells of a failed write.
        store: Where the drafts file is.
        delay: Seconds after the last edit before the draft is written.
        form: The form as it stands, read when the pause is over.
        """
        self._owner = owner
        self._store = store
        self._autosave = Debouncer(owner, delay, lambda: self.keep(*form()))
        self.saved: dict[str, str] = {}
        """The form as last saved or loaded: equal to it, it has nothing unsaved."""
        self.writable = True
        """False while the drafts file holds a form too long to restore whole that could not
        be copied aside: it is then never written over (``restore``)."""
        self.write_failed = False
        """Whether the last write to the drafts file failed (the toast said why)."""

    def unsaved(self, values: dict[str, str]) -> bool:
        """Whether ``values`` differ from the form as last saved or loaded."""
        return values != self.saved

    def after_confirm(
        self, values: dict[str, str], then: Callable[[], None], kept: Callable[[], None]
    ) -> None:
        """Run ``then`` now if ``values`` hold nothing unsaved; otherwise once the user agrees
        to lose the changes (the draft goes with them), or ``kept`` if they keep editing."""
        if not self.unsaved(values):
            then()
            return
        from coach.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.clear()
                then()
            else:
                kept()

        company = short(values.get("company", "")) or "this interview"
        lost = (
            "will be lost"
            if self.writable
            # The drafts file keeps the long draft this form was restored from (it could not
            # be copied aside, so it is never written over): that comes back at the next start.
            else "will be gone from the form (the long draft it was restored from stays in the "
            "drafts file, and comes back next time)"
        )
        question = ConfirmScreen(
            "Discard your changes?",
            f"Your changes to {company} are not saved and {lost}. To keep them, choose "
            "Keep editing, then ctrl+s.",
            yes="Discard",
            no="Keep editing",
        )
        self._owner.app.push_screen(question, answered)

    def not_kept(self) -> str | None:
        """Why the form as typed is not in the drafts file, in a few words; None when it is
        (as of the last write: ``keep`` writes it now)."""
        if not self.writable:
            return (
                "the drafts file keeps the long draft this form was restored from instead "
                "(it could not be copied aside, so it is never written over)"
            )
        if self.write_failed:
            return "the drafts file could not be written"
        return None

    def keep_later(self) -> None:
        """The form was edited: keep it once the user pauses."""
        self._autosave.poke()

    def keep(self, values: dict[str, str], editing: int | None) -> None:
        """Keep the form now (no draft at all if it is as saved)."""
        self._write(encode(values, editing) if self.unsaved(values) else "")

    def clear(self) -> None:
        """No draft: the form was just saved or loaded."""
        self._write("")

    def _write(self, text: str) -> None:
        self._autosave.cancel()
        if not self.writable:
            return
        try:
            self._store.save_draft(DRAFT_KEY, text)
        except StoreError as error:
            self.write_failed = True
            self._owner.notify(str(error), severity="error", timeout=10, markup=False)
        else:
            self.write_failed = False
