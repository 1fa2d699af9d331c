"""The follow-up message screen: the message an interview's moment calls for, drafted from it,
to edit, copy and mark sent.

Opened from Rate (ctrl+o, on the interview open in the form) or from the due list (F6). The box
starts with the draft of ``coach.domain.messages`` (or, for a kind already sent, the text sent),
and each kind's edits are kept in the drafts file as typed (``DraftScreen``), so leaving never
asks: the edited draft is there next time. Marking it sent saves a ``SentMessage`` with the
interview; a sent check-in then shows in the rating's follow-up record on Rate.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import Header, TextArea

from coach.domain.messages import DAYS_WITHOUT_TIMELINE, draft, moment, rejected
from coach.domain.models import Interview, MessageKind, Profile, SentMessage
from coach.render.rating import MESSAGE_NAMES, day_month
from coach.render.safe import short
from coach.screens import Clock
from coach.screens.draft_screen import DraftScreen
from coach.screens.fresh import ShowsSaved, read_again
from coach.screens.message_keys import MESSAGE_KEYS
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError
from coach.widgets.debounce import Delays
from coach.widgets.message_heading import KINDS, MessageHeading
from coach.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import date

    from textual.screen import Screen

    from coach.domain.models import ApplicationStatus
    from coach.domain.rubric import Rubric
    from coach.store.api import StoreAPI

NO_INTERVIEW = (
    "Open a saved interview first (ctrl+l, then Enter on its row): the message is drafted from it."
)


def draft_key(interview_id: int, kind: MessageKind) -> str:
    """The drafts-file key of an interview's message of ``kind``, as edited."""
    return f"message.{interview_id}.{kind}"


def first_kind(
    interview: Interview,
    status: ApplicationStatus,
    due: MessageKind | None,
    edited: Collection[MessageKind] = (),
) -> MessageKind:
    """The kind the screen opens on: the one due; else one with an edited draft not sent
    (``edited``: what the user was writing when they left; of several, the later moment's);
    else a rejection reply after a no; else the last one sent (shown as sent); else a
    thank-you note."""
    if due is not None:
        return due
    latest_edited = [kind for kind in KINDS if kind in edited]
    if latest_edited:
        return latest_edited[-1]
    if rejected(interview, status):
        return "rejection-reply"
    return interview.messages[-1].kind if interview.messages else "thank-you"


def open_message(
    owner: Screen[Any],
    store: StoreAPI,
    clock: Clock,
    rubric: Rubric,
    interview_id: int | None,
    kind: MessageKind | None = None,
) -> None:
    """Push the message screen for a saved interview over ``owner``; with none (a new form),
    say what to do in one notice."""
    if interview_id is None:
        owner.notify(NO_INTERVIEW, title="No interview open", severity="warning", markup=False)
        return
    delays = getattr(owner.app, "delays", None)
    days = rubric.silence.days_without_timeline
    owner.app.push_screen(
        FollowUpMessageScreen(
            store, clock, interview_id, kind=kind, no_timeline_days=days, delays=delays
        )
    )


class FollowUpMessageScreen(ShowsSaved, DraftScreen):
    """One interview's follow-up message: its kind, its draft, copy, mark sent."""

    CSS_PATH = "follow_up_message.tcss"  # read when first shown, not at start-up
    TITLE = "Follow-up message"
    AUTO_FOCUS = "#draft, #draft-preview"
    BINDINGS: ClassVar[list[BindingType]] = MESSAGE_KEYS
    DRAFTS_WHERE = " on the follow-up message screen"

    interview: var[Interview | None] = var(None, always_update=True)
    """The interview as saved; None until read, or once it is gone from the database."""
    kind: var[MessageKind | None] = var(None)
    """The kind of message in the box; None until the interview is read."""
    due: var[MessageKind | None] = var(None)
    """The kind the interview's moment calls for today (``messages.moment``); None if none."""

    def __init__(
        self,
        store: StoreAPI,
        clock: Clock,
        interview_id: int,
        *,
        kind: MessageKind | None = None,
        no_timeline_days: int = DAYS_WITHOUT_TIMELINE,
        delays: Delays | None = None,
    ) -> None:
        super().__init__(store, delays or Delays())
        self.clock = clock
        self.interview_id = interview_id
        self.no_timeline_days = no_timeline_days
        self._asked = kind
        self.profile = Profile()
        self.status: ApplicationStatus = "active"
        """The application's status, as last read: whether a rejection reply is due."""
        self._starts: dict[str, str] = {}
        """Each kind's box as it started (the draft made, or the text sent), by draft key:
        the box equal to it holds nothing of the user's to lose."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield MessageHeading(id="message-heading").data_bind(
            FollowUpMessageScreen.interview, FollowUpMessageScreen.kind, FollowUpMessageScreen.due
        )
        with Vertical(id="message-box"):
            yield self.draft_stand_in()
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.load()  # a screen opened by a key: nothing to keep out of a first frame

    def load_rest(self) -> None:
        read_again(self, self.seen, True, self._read, first=True)

    def show_saved(self, *, force: bool = False) -> None:
        """The interview again if anything was saved since (Rate, another window): the box
        stays as typed. See coach/screens/fresh.py."""
        if self.kind is not None:
            read_again(self, self.seen, force, self._read)

    def _read(self) -> None:
        interviews = self.store.interviews()
        found = next((i for i in interviews if i.id == self.interview_id), None)
        if found is None:
            self.interview = None
            self.notify(
                "This interview is no longer in the database (another coach window may have "
                "deleted it): its message cannot be marked sent.",
                title="Interview gone",
                severity="warning",
            )
            return
        from coach.domain.applications import group

        views = group(self.store.applications(), interviews)
        status: ApplicationStatus = next(
            (v.status for v in views if found.id in {r.id for r in v.rounds}), "active"
        )
        self.profile, self.status = self.store.profile(), status
        self.due = moment(found, status, self.clock(), no_timeline_days=self.no_timeline_days)
        self.interview = found
        if self.kind is None:
            edited = [kind for kind in KINDS if self._edited_unsent(found, kind)]
            self.kind = self._asked or first_kind(found, status, self.due, edited)

    def _today(self) -> date:
        return self.clock().date()

    def _edited_unsent(self, interview: Interview, kind: MessageKind) -> bool:
        """Whether the drafts file holds an edit of this kind's message: neither empty (the
        draft is cleared once sent), nor the text sent, nor the draft as made."""
        text = self.drafts.get(draft_key(self.interview_id, kind), "")
        if not text.strip() or any(m.text == text for m in interview.messages if m.kind == kind):
            return False
        return text != draft(kind, interview, self.profile, self._today())

    def watch_kind(self, kind: MessageKind | None) -> None:
        interview = self.interview
        if kind is None or interview is None:
            return
        key = draft_key(self.interview_id, kind)
        was_sent = [m.text for m in interview.messages if m.kind == kind]
        start = was_sent[-1] if was_sent else draft(kind, interview, self.profile, self._today())
        self._starts[key] = start
        if not self.drafts.get(key):  # nothing edited kept: the box starts from the draft
            self.drafts[key] = start
        self.open_draft(key, placeholder="Write your message…", title=MESSAGE_NAMES[kind])
        # From its top, subject first: a message is read before it is edited.
        for editor in self.query("#draft").results(TextArea):
            editor.move_cursor((0, 0))
        self.focus_draft()

    # --- what leaving would lose (DraftScreen keeps every edited kind in the drafts file) ------

    def draft_name(self, key: str) -> str:
        name = next((n for k, n in MESSAGE_NAMES.items() if key.endswith(f".{k}")), "message")
        company = short(self.interview.company) if self.interview else ""
        return f"the {name.lower()} to {company}" if company else f"the {name.lower()}"

    def draft_saved(self, key: str, text: str) -> bool:
        # As it started (the draft made again next time), or as sent: nothing to lose.
        return text == self._starts.get(key)

    # --- actions --------------------------------------------------------------------------------

    def action_other_kind(self) -> None:
        """Show the next kind of message (its own draft, kept as edited)."""
        if self.kind is not None:
            self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]

    def action_copy_message(self) -> None:
        """Copy the message to the terminal's clipboard (OSC 52)."""
        text = self.draft_text
        if not text.strip():
            self.notify("Nothing to copy: the message is empty.", severity="warning")
            return
        self.app.copy_to_clipboard(text)
        self.notify(
            "Copied to the terminal's clipboard: paste it into your email. (A terminal without "
            "OSC 52 clipboard support copies nothing: select the text with the mouse instead.)",
            title="Copied",
        )

    def action_mark_sent(self) -> None:
        """Save the message as sent today, with the interview, as it stands in the box."""
        kind, text = self.kind, self.draft_text
        if kind is None or self.interview is None:
            self.notify("Nothing to mark sent: the interview is not there.", severity="warning")
            return
        if not text.strip():
            self.notify("Not marked sent: the message is empty.", severity="warning")
            return
        today = self._today().isoformat()
        try:
            # The interview as saved now (Rate or another window may have changed it since).
            current = next((i for i in self.store.interviews() if i.id == self.interview_id), None)
            if current is None:
                self.interview = None
                self.notify("Not marked sent: the interview is gone.", severity="warning")
                return
            message = SentMessage(kind, today, text)
            if message in current.messages:
                # Reopened on the text sent, or ctrl+s pressed twice: one message, one entry.
                self.notify(
                    f"{MESSAGE_NAMES[kind]} already marked sent {day_month(today)}, as it "
                    "stands: nothing new to record.",
                    title="Already marked sent",
                    markup=False,
                )
                return
            saved = self.store.save_interview(
                replace(current, messages=(*current.messages, message))
            )
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            return
        key = draft_key(self.interview_id, kind)
        self.flush_draft()
        self._starts[key] = text  # as sent: nothing left to lose
        with contextlib.suppress(StoreError):  # a draft left as sent is harmless
            self.store.save_draft(key, "")  # next time the box shows the text sent
        self.due = moment(saved, self.status, self.clock(), no_timeline_days=self.no_timeline_days)
        self.interview = saved
        name = MESSAGE_NAMES[kind]
        company = short(saved.company)
        to = f" to {company}" if company else ""  # never "Thank-you note to  marked sent"
        tell_saved(
            self,
            self.store,
            f"{name}{to} marked sent {day_month(today)}.",
            title="Marked sent",
            unkept=f"The {name.lower()} is marked sent only until coach closes",
        )

    def action_back(self) -> None:
        """Go back; asks first only if an edited draft could not be kept."""
        lost = self.lost_on_quit()
        if lost is None:
            self.dismiss()
            return
        from coach.screens.confirm import ConfirmScreen

        question = ConfirmScreen("Leave and lose this?", lost, yes="Leave", no="Stay")

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(question, answered)
