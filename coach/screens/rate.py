"""The Rate screen: right after the interview, record what you observed and get a rating;
later, add the follow-up (or note the silence) and the outcome.

The screen holds the state (the interviews, the one open, the form's parse and its rating) in
``var``s its widgets are bound to; they report edits and choices with messages. Ratings and
the autosave wait for a pause in typing (``Debouncer``, with the app's ``Delays``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header

from coach.domain.form_fields import FIELDS
from coach.render.safe import short
from coach.screens import Clock, after_first_frame, sized_from_the_start
from coach.screens.fresh import ShowsSaved, read_again
from coach.screens.rate_draft import FormDraft, gone_message
from coach.screens.rate_draft import restore as restore_draft
from coach.screens.rate_keys import RATE_KEYS
from coach.screens.rate_list import mount_list, pass_on
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError
from coach.widgets.debounce import Debouncer, Delays
from coach.widgets.interview_form import InterviewForm
from coach.widgets.rating_panel import RatingPanel
from coach.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    # The domain's models, parser and rater load just after the first frame, with the first
    # rating (``_fill``): the first frame shows the form, not yet its rating.
    from coach.domain.interview_form import FormResult
    from coach.domain.models import Application, Interview
    from coach.domain.rating import Rating
    from coach.domain.rubric import Rubric
    from coach.store.api import StoreAPI
    from coach.widgets.interview_list import InterviewList


class RateScreen(ShowsSaved, Screen[None]):
    """Record an interview's signals; see the rating, past interviews and calibration."""

    CSS_PATH = "rate.tcss"  # read when first shown, not at start-up

    TITLE = "Rate · right after the interview"
    # Under 100 columns the form's labels narrow; under 80 the calibration panel goes, so the
    # list keeps its band and follow-up badge (rate.tcss). Not a ClassVar: Textual declares
    # it without one.
    HORIZONTAL_BREAKPOINTS = [(0, "-slim"), (80, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = RATE_KEYS

    interviews: var[tuple[Interview, ...] | None] = var(None, always_update=True)
    """Every saved interview, read just after the first frame (None until then) and again after
    each save or delete; the list and the calibration panel are bound to it."""
    applications: var[tuple[Application, ...]] = var(())
    """Every saved application, read with the interviews (and set just before them)."""
    editing: var[int | None] = var(None)
    """The id of the saved interview in the form; None for a new one."""
    joining: var[Application | None] = var(None)
    """The application a next round's form was started from: its round joins it while its
    names are the application's (``rate_rounds.joins``); None: that of its names."""
    result: var[FormResult | None] = var(None, always_update=True)
    """The form's values parsed: the interview as far as it is valid, and the errors."""
    rating: var[Rating | str | None] = var(None)
    """The rating of ``result``; a sentence instead if it cannot be rated."""

    def __init__(
        self,
        store: StoreAPI,
        clock: Clock,
        rubric: Callable[[], Rubric],
        delays: Delays | None = None,
    ) -> None:
        super().__init__()
        sized_from_the_start(self)
        self.store = store
        self.clock = clock
        self._rubric = rubric
        delays = delays or Delays()
        self._rerate = Debouncer(self, delays.rate, self._rate_now)
        self.draft = FormDraft(self, store, delays.autosave, lambda: (self.values(), self.editing))
        self._typed: dict[str, str] | None = None
        """The form as last reported: what is kept as a draft once the fields are gone."""
        self.ready = False
        """True once what comes just after the first frame (the interview list, the form's
        later sections) is laid out and drawn."""

    @property
    def rubric(self) -> Rubric:
        """The interview rubric, read when first needed (just after the first frame)."""
        return self._rubric()

    def compose(self) -> ComposeResult:
        yield Header()
        # The two rows are the screen's own children: no full-screen container behind them
        # for Textual to render and cut up (see RehearseScreen.compose).
        # The list and the calibration panel come into their row just after the first frame.
        yield Horizontal(id="interviews-row")
        with Horizontal(id="rate-work"):
            yield InterviewForm(id="rate-form").data_bind(
                RateScreen.result, RateScreen.editing, RateScreen.joining
            )
            yield RatingPanel(id="rating").data_bind(
                RateScreen.rating, RateScreen.interviews, RateScreen.editing
            )
        yield SteadyFooter(compact=True)  # nine keys: they fit 100 columns only without the gaps

    @property
    def form(self) -> InterviewForm:
        return self.query_one(InterviewForm)

    def values(self) -> dict[str, str]:
        """The form as typed, field by field."""
        return self.form.values()

    def on_mount(self) -> None:
        # The form's later sections and the list come after the first frame: neither delays
        # the screen (the form builds them at once if a key needs them first).
        after_first_frame(self, self._fill)
        restored = restore_draft(self.store)
        if restored is None:
            self.new_form(rate=False)
            return
        self.editing = restored.editing
        self.draft.writable = restored.keep_drafting
        self._set_values(restored.values, rate=False)
        self.notify("Your unsaved form was restored.", title="Rate")
        if restored.message:
            self.notify(
                restored.message, title="A long draft", severity="warning", timeout=20, markup=False
            )

    def _today(self) -> date:
        return self.clock().date()

    # --- the list -------------------------------------------------------------------------------

    def _fill(self) -> None:
        """What the first frame did without: the form's later sections and its rating, the
        list."""
        self.form.build_rest()
        self._rate_now()
        listed = mount_list(self, self._rubric)
        if not read_again(self, self.seen, True, self._reload, first=True):
            self.interviews = ()  # the notice says why the list is empty
        self.call_later(self._shown, listed)

    async def _shown(self, listed: Awaitable[object]) -> None:
        await listed  # its data bound as it mounts: the table is being built by now
        await self.form.built()
        await self.interview_list().built()
        self.call_after_refresh(self._set_ready)

    def watch_interviews(self) -> None:
        pass_on(self)

    def watch_editing(self) -> None:
        pass_on(self, editing_only=True)

    def interview_list(self) -> InterviewList:
        """The list (there from just after the first frame)."""
        return cast("InterviewList", self.query_one("#interviews"))

    def _set_ready(self) -> None:
        self.ready = True

    def show_saved(self, *, force: bool = False) -> None:
        """The interviews again if any was saved since (another window, an import); the form
        stays as typed. See coach/screens/fresh.py."""
        if self.interviews is not None:  # else ``_fill`` reads them first
            read_again(self, self.seen, force, self._reload)

    def reread(self) -> bool:
        """Read the interviews now; False (with a notice, the list as it was) if it failed."""
        return read_again(self, self.seen, True, self._reload)

    def _reload(self) -> None:
        applications = tuple(self.store.applications())
        interviews = tuple(self.store.interviews())
        if self.editing is not None and all(i.id != self.editing for i in interviews):
            # Deleted in another window (or a restored draft names an interview not there):
            # the form is saved as a new one, never under an id a later interview would get.
            self.editing = None
            self.draft.saved = {}  # none of it is saved now
            self._rate_now()
            self.notify(gone_message(self.values()), title="Interview gone", markup=False)
        self.query_one("#interviews-row").set_class(not interviews, "-empty")
        self.applications = applications  # first: the list is drawn when interviews are set
        self.interviews = interviews

    def on_interview_list_opened(self, event: InterviewList.Opened) -> None:
        # By its name, not ``@on``: the list's module loads just after the first frame.
        chosen = next((i for i in self.interviews or () if i.id == event.interview_id), None)
        if chosen is not None and chosen.id == self.editing:
            self.form.focus_field("company", at_end=True)  # already open: nothing lost
        elif chosen is not None:
            self._after_confirm(lambda: self._load(chosen))

    def action_find(self) -> None:
        if self.interviews is not None:  # else the list is not there yet
            self.interview_list().focus_find()

    def action_application(self) -> None:
        """The open round's application: its status, or move the round (a dialog)."""
        from coach.screens.rate_rounds import open_application

        open_application(self)

    def action_focus_rating(self) -> None:
        self.query_one(RatingPanel).reach()

    # --- the form and its rating ----------------------------------------------------------------

    def _set_values(self, values: Mapping[str, str], *, rate: bool = True) -> None:
        """Fill the form and rate it; the first form is rated just after the first frame
        (``rate=False``: rating loads the domain's models, parser and rubric)."""
        self.form.set_values(values)
        if rate:
            self._rate_now()
        else:
            self._typed = self.values()

    def new_form(self, *, rate: bool = True, **filled: str) -> None:
        """A blank form (with ``filled`` in), no question asked."""
        self.editing = None
        self.joining = None
        values = dict.fromkeys(FIELDS, "") | filled
        values["date"] = self._today().isoformat()
        self._set_values(values, rate=rate)
        self.draft.saved = self.values()
        self.form.focus_field("company")

    def start_round(self, after: Interview, stage: str) -> None:
        """A new form for the round after ``after``: its company, role and ``stage`` filled
        in, to be saved into the same application."""
        self.new_form(company=after.company, role=after.role, stage=stage)
        self.joining = next((a for a in self.applications if a.id == after.application_id), None)
        self.form.focus_field("stage")

    def _load(self, interview: Interview) -> None:
        from coach.domain.interview_form import form_values

        self.editing = interview.id
        self.joining = None
        self._set_values(form_values(interview))
        self.draft.saved = self.values()
        self.draft.clear()
        self.form.focus_field("company", at_end=True)

    @on(InterviewForm.Changed)
    def _edited(self, event: InterviewForm.Changed) -> None:
        self._typed = event.values
        self._rerate.poke()
        self.draft.keep_later()

    def _rate_now(self) -> FormResult:
        from coach.domain.interview_form import parse_form
        from coach.domain.interviews import signals_for
        from coach.domain.rating import SignalError, rate_interview
        from coach.screens.rate_rounds import saved_round

        self._rerate.cancel()
        today = self._today()
        self._typed = self.values()
        saved = saved_round(self, self.editing)
        people = saved.people if saved is not None else ()  # kept unless retyped
        self.result = result = parse_form(self._typed, today, self.editing, people)
        try:
            self.rating = rate_interview(signals_for(result.interview, today), self.rubric)
        except SignalError as error:  # the form's checks should make this impossible
            self.rating = f"Cannot rate this yet: {error}."
        return result

    # --- drafts and unsaved work ----------------------------------------------------------------

    def unsaved_changes(self) -> str | None:
        """A sentence about form edits that are not saved yet (kept as a draft now); None if
        none."""
        values = self.values()
        self.draft.keep(values, self.editing)
        if not self.draft.unsaved(values):
            return None
        return (
            "This interview has changes that are not saved (ctrl+s saves them). They are "
            "kept as a draft and will be here next time."
        )

    def lost_on_quit(self) -> str | None:
        """What quitting now would lose: form edits, only when the drafts file does not keep
        them (``unsaved_changes`` writes them there first)."""
        if self.unsaved_changes() is None:
            return None
        why = self.draft.not_kept() or self.store.unsaved_reason
        if why is None:
            return None
        company = short(self.values()["company"].strip()) or "a new interview"
        return f"Your unsaved changes to {company} on Rate are not kept after coach closes: {why}."

    def _after_confirm(self, then: Callable[[], None]) -> None:
        """Run ``then`` now if the form holds nothing unsaved; otherwise once the user agrees
        to lose the changes (its draft goes with them)."""
        # Kept editing: the list's cursor may be on the row not opened. (The list mounts just
        # after the first frame: an interview opened from the due list may come before it.)
        lists = self.query("#interviews")
        follow = cast("InterviewList", lists.first()).follow if lists else lambda: None
        self.draft.after_confirm(self.values(), then, follow)

    def on_unmount(self) -> None:
        # The fields are gone by now: keep what they last held.
        if self._typed is not None:
            self.draft.keep(self._typed, self.editing)

    # --- actions --------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the interview if every field is valid; otherwise point at the first bad one."""
        # Loaded with the first save, not before the first frame.
        from coach.screens import rate_rounds

        self.form.show_all_errors = True
        result = self._rate_now()
        if not result.ok:
            first = next(name for name in FIELDS if name in result.errors)
            self.form.focus_field(first)
            self.notify(
                f"Not saved: {result.errors[first]}",
                title="Check the form",
                severity="warning",
                markup=False,
            )
            return
        before = rate_rounds.saved_round(self, self.editing)
        try:
            saved = self.store.save_interview(rate_rounds.linked(self, result.interview))
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            return
        try:
            rate_rounds.follow_names(self, saved)
        except StoreError as error:  # the round is saved; only its application's name is not
            self.notify(str(error), title="Name not changed", severity="warning", markup=False)
        self.editing = saved.id
        self.draft.saved = self.values()
        self.draft.clear()
        from coach.domain.interviews import rate_saved

        rating = rate_saved(saved, self._today(), self.rubric)
        read = (
            "nothing to rate yet" if rating.score is None else f"{rating.score}/100, {rating.band}"
        )
        tell_saved(
            self,
            self.store,
            f"{short(saved.company)}: {read}.",
            title="Interview saved",
            unkept=f"This interview ({read}) is kept only until coach closes",
        )
        self.joining = None  # saved: it is in its application now
        self.reread()
        self._rate_now()
        rate_rounds.offer_next_round(self, saved, before)

    def action_new(self) -> None:
        """A blank form (asks first if the current one has unsaved changes)."""
        self._after_confirm(self.new_form)

    def action_delete(self) -> None:
        """Delete the interview being edited, after a confirmation."""
        from coach.screens.rate_delete import delete_open

        delete_open(self)

    def action_message(self) -> None:
        """Draft the follow-up message for the interview open in the form (as saved)."""
        from coach.screens.follow_up_message import open_message

        open_message(self, self.store, self.clock, self.rubric, self.editing)

    def open_interview(self, interview_id: int) -> None:
        """Open a saved interview in the form, as Enter on its row does (the due list's)."""
        if all(i.id != interview_id for i in self.interviews or ()):
            self.reread()  # the screen was just built, or it was saved elsewhere since
        from coach.widgets.interview_list import InterviewList

        self.on_interview_list_opened(InterviewList.Opened(interview_id))

    def action_to_rehearse(self) -> None:
        """Turn their answer to the closing question into a Rehearse card."""
        from coach.screens.own_cards import send_from_rate

        send_from_rate(self)
