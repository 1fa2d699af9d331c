"""The Rate screen: right after the interview, record what you observed and get a rating;
later, add the follow-up (or note the silence) and the outcome."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Header, Input, Label, Static, TextArea

from coach.domain.interview_form import CHOICE_FIELDS, FIELDS, FormResult, form_values, parse_form
from coach.domain.interviews import Calibration, calibration, rate_saved, signals_for
from coach.domain.models import Interview
from coach.domain.rating import Rating, SignalError, rate_interview
from coach.render.rating import BAND_STYLE, rating_renderable
from coach.render.safe import short, user_text
from coach.screens import Clock, after_first_frame
from coach.screens.rate_draft import DRAFT_KEY
from coach.screens.rate_draft import encode as encode_draft
from coach.screens.rate_draft import restore as restore_draft
from coach.screens.rate_fields import LABELS, PLACEHOLDERS, SECTIONS
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError
from coach.widgets.choice_field import ChoiceField
from coach.widgets.empty_state import EmptyState
from coach.widgets.safe_fields import SafeInput, SafeTextArea
from coach.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from coach.domain.rubric import Rubric
    from coach.store.api import StoreAPI

LIST_LIMIT = 200
"""The list shows the most recent interviews; a long history would slow every refresh."""
RATE_DELAY = 0.15
AUTOSAVE_DELAY = 0.6


class RateScreen(Screen[None]):
    """Record an interview's signals; see the rating, past interviews and calibration."""

    CSS_PATH = "rate.tcss"  # read when first shown, not at start-up

    TITLE = "Rate · right after the interview"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="save-interview",
            tooltip="Save the interview (nothing invalid is saved).",
        ),
        Binding(
            "ctrl+n",
            "new",
            "New",
            id="new-interview",
            tooltip="Start rating a new interview.",
        ),
        Binding(
            "ctrl+d",
            "delete",
            "Delete",
            id="delete-interview",
            priority=True,  # a text box would take ctrl+d as delete-right
            tooltip="Delete the interview being edited (asks first).",
        ),
        Binding(
            "ctrl+f",
            "to_rehearse",
            "To Rehearse",
            id="send-feedback",
            tooltip="Send their answer to your closing question to Rehearse as a card.",
        ),
        Binding(
            "ctrl+l",
            "focus_list",
            "List",
            id="focus-list",
            show=False,
            tooltip="Jump to the list of past interviews (Enter opens one).",
        ),
    ]

    def __init__(self, store: StoreAPI, clock: Clock, rubric: Rubric) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.rubric = rubric
        self.interviews: list[Interview] = []
        self.editing: int | None = None
        """The id of the saved interview in the form; None for a new one."""
        self.saved_values: dict[str, str] = {}
        """The form as last saved or loaded, to tell whether anything is unsaved."""
        self.result: FormResult | None = None
        self._last_values: dict[str, str] | None = None
        self._touched: set[str] = set()
        """Fields the user has edited: only their errors show before a save is tried."""
        self._show_all_errors = False
        self._rating: Rating | None = None
        self.ready = False
        """True once the interview list (filled just after the first frame) is shown."""
        self._rate_timer: Timer | None = None
        self._autosave_timer: Timer | None = None
        self._keep_drafting = True
        """False while the drafts file holds a form too long to restore whole that could not
        be copied aside: it is then never written over (``rate_draft.restore``)."""

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        # The two rows are the screen's own children: no full-screen container behind them
        # for Textual to render and cut up (see RehearseScreen.compose).
        with Horizontal(id="interviews-row"):
            with Vertical(id="interviews"):
                yield DataTable(id="interview-table", cursor_type="row", zebra_stripes=True)
                yield EmptyState(
                    "No interviews yet",
                    "Fill in the form below right after an interview and press ctrl+s. "
                    "Each one is listed here with its score, so you can update it when "
                    "they reply, or when they don't.",
                    id="interviews-empty",
                )
            yield Static(id="calibration")
        with Horizontal(id="rate-work"):
            with VerticalScroll(id="rate-form"):
                yield Static(id="form-title", classes="panel-title")
                for title, names in SECTIONS:
                    yield Static(title, classes="form-section")
                    for name in names:
                        yield from self._field(name)
            with VerticalScroll(id="rating"):
                yield Static("Rating", classes="panel-title")
                yield Static(id="rating-view")
        yield SteadyFooter(compact=True)  # nine keys: they fit 100 columns only without the gaps

    def _field(self, name: str) -> ComposeResult:
        widget: Widget
        if name in CHOICE_FIELDS:
            widget = ChoiceField(CHOICE_FIELDS[name], id=f"f-{name}")
        elif name == "closing_answer":
            widget = SafeTextArea(
                id=f"f-{name}",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="What they said when you asked how you measure up…",
            )
        else:
            widget = SafeInput(id=f"f-{name}", placeholder=PLACEHOLDERS.get(name, ""), compact=True)
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(LABELS[name], classes="form-label")
            yield widget
        yield Static("", id=f"err-{name}", classes="field-error")

    def on_mount(self) -> None:
        table = self.query_one("#interview-table", DataTable)
        table.add_columns("Date", "Company", "Role", "Score", "Band", "Follow-up", "Outcome")
        # The list fills after the first frame: a long history never delays the screen.
        after_first_frame(self, self._reload)
        restored = restore_draft(self.store)
        if restored is not None:
            self.editing = restored.editing
            self._keep_drafting = restored.keep_drafting
            self._set_values(restored.values)
            self.saved_values = {}
            self.notify("Your unsaved form was restored.", title="Rate")
            if restored.message:
                self.notify(
                    restored.message,
                    title="A long draft",
                    severity="warning",
                    timeout=20,
                    markup=False,
                )
        else:
            self._new_form()

    # --- the list and calibration ---------------------------------------------------------------

    def _today(self) -> date:
        return self.clock().date()

    def _reload(self) -> None:
        self.interviews = self.store.interviews()
        if self.editing is not None and all(i.id != self.editing for i in self.interviews):
            # A restored draft named an interview that is not there (deleted since, or a
            # drafts file edited by hand): the form is saved as a new one, never under an id
            # a later interview would get.
            self.editing = None
            self._rate_now()
        table = self.query_one("#interview-table", DataTable)
        table.clear()
        today = self._today()
        ordered = sorted(self.interviews, key=lambda i: (i.held_at, i.id or 0), reverse=True)
        for interview in ordered[:LIST_LIMIT]:
            rating = rate_saved(interview, today, self.rubric)
            badge = {
                "overdue": Text("OVERDUE", style="bold reverse red"),
                "replied": Text("replied", style="green"),
                "awaiting": Text("awaiting", style="dim"),
            }.get(rating.follow_up, Text("—", style="dim"))
            # Stored text is data: a str cell would be read as markup (see coach.render.safe).
            table.add_row(
                user_text(interview.held_at[:10]),
                user_text(_short(interview.company)),
                user_text(_short(interview.role)),
                "—" if rating.score is None else str(rating.score),
                Text(rating.band, style=BAND_STYLE[rating.band]),
                badge,
                user_text(interview.outcome or "—"),
                key=str(interview.id),
            )
        has_rows = bool(self.interviews)
        table.display = has_rows
        table.border_subtitle = (
            f"the {LIST_LIMIT} most recent of {len(self.interviews):,}"
            if len(self.interviews) > LIST_LIMIT
            else ""
        )
        self.query_one("#interviews-empty", EmptyState).display = not has_rows
        # Rating every interview with an outcome can take a while with a long history.
        self.run_worker(self._calibrate, thread=True, exclusive=True, group="calibration")
        self.ready = True

    def _calibrate(self) -> None:
        result = calibration(list(self.interviews), self.rubric)
        self.app.call_from_thread(self._show_calibration, result)

    def _show_calibration(self, result: Calibration | None) -> None:
        text = Text("Is my read reliable?\n", style="bold")
        if result is None:
            known = sum(1 for i in self.interviews if i.outcome)
            text.append(
                f"Record the outcome of 3 interviews to see how often each band came true "
                f"({known} so far).",
                style="dim",
            )
        else:
            for band in result.bands:
                rate = "—" if band.rate is None else f"{band.rate:.0%}"
                text.append(f"{band.band:<12}", style=BAND_STYLE[band.band])
                text.append(f" {band.positive}/{band.interviews} positive ({rate})\n")
            text.append(f"Brier score {result.brier:.2f} over {result.outcomes} outcomes\n")
            text.append("0 is perfect; 0.25 is a coin flip.", style="dim")
        self.query_one("#calibration", Static).update(text)

    @on(DataTable.RowSelected, "#interview-table")
    def _open_row(self, event: DataTable.RowSelected) -> None:
        interview_id = int(str(event.row_key.value))
        chosen = next((i for i in self.interviews if i.id == interview_id), None)
        if chosen is not None:
            self._after_confirm(lambda: self._load(chosen))

    def action_focus_list(self) -> None:
        self.query_one("#interview-table", DataTable).focus()

    # --- form values ----------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """The form as typed, field by field."""
        values: dict[str, str] = {}
        for name in FIELDS:
            widget = self.query_one(f"#f-{name}")
            if isinstance(widget, ChoiceField):
                values[name] = widget.value
            elif isinstance(widget, TextArea):
                values[name] = widget.text
            elif isinstance(widget, Input):
                values[name] = widget.value
        return values

    def _set_values(self, values: Mapping[str, str]) -> None:
        with self.prevent(Input.Changed, TextArea.Changed, ChoiceField.Changed):
            for name in FIELDS:
                widget = self.query_one(f"#f-{name}")
                value = values.get(name, "")
                if isinstance(widget, ChoiceField):
                    widget.value = value if value in widget.options else ""
                elif isinstance(widget, TextArea):
                    widget.load_text(value)
                elif isinstance(widget, Input):
                    widget.value = value
        self._rate_now()

    def _new_form(self) -> None:
        self.editing = None
        self._touched.clear()
        self._show_all_errors = False
        values = dict.fromkeys(FIELDS, "")
        values["date"] = self._today().isoformat()
        self._set_values(values)
        self.saved_values = self.values()
        self.query_one("#f-company", Input).focus()

    def _load(self, interview: Interview) -> None:
        self.editing = interview.id
        self._touched.clear()
        self._show_all_errors = False
        self._set_values(form_values(interview))
        self.saved_values = self.values()
        self._clear_draft()
        self.query_one("#f-company", Input).focus()

    # --- live rating ----------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceField.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed | ChoiceField.Changed) -> None:
        widget_id = event.control.id if event.control is not None else None
        if widget_id and widget_id.startswith("f-"):
            self._touched.add(widget_id[2:])
        if self._rate_timer:
            self._rate_timer.stop()
        self._rate_timer = self.set_timer(RATE_DELAY, self._rate_now)
        if self._autosave_timer:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self._keep_draft)

    def _rate_now(self) -> None:
        self._last_values = self.values()
        self.result = parse_form(self._last_values, self._today(), self.editing)
        for name in FIELDS:
            shown = self._show_all_errors or name in self._touched
            message = self.result.errors.get(name, "") if shown else ""
            error = self.query_one(f"#err-{name}", Static)
            error.update(user_text(message))
            error.display = bool(message)
            self.query_one(f"#f-{name}").set_class(bool(message), "-invalid")
        title = self.query_one("#form-title", Static)
        title.update(
            user_text(f"Editing: {short(self.result.interview.company)}")
            if self.editing
            else "A new interview"
        )
        try:
            rating = rate_interview(signals_for(self.result.interview, self._today()), self.rubric)
        except SignalError as error:  # the form's checks should make this impossible
            self.query_one("#rating-view", Static).update(
                user_text(f"Cannot rate this yet: {error}.")
            )
            return
        self._rating = rating
        self._draw_rating()

    def _draw_rating(self) -> None:
        if self._rating is None:
            return
        view = self.query_one("#rating-view", Static)
        # Signal names take what is left by the bars (2 x 6 + axis), the points (4), the
        # table's cell padding (6) and a scroll bar that may appear (2), so no bar is cut short.
        room = view.content_size.width or 40
        label_width = max(10, min(30, room - (2 * RATING_BAR + 1) - 4 - 6 - 2))
        view.update(
            rating_renderable(
                self._rating, label_width=label_width, bar_width=RATING_BAR, boxed=False
            )
        )

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw_rating)

    # --- drafts and unsaved work ----------------------------------------------------------------

    def _keep_draft(self, values: dict[str, str] | None = None) -> None:
        if self._autosave_timer:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if not self._keep_drafting:
            return
        values = self.values() if values is None else values
        text = "" if values == self.saved_values else encode_draft(values, self.editing)
        try:
            self.store.save_draft(DRAFT_KEY, text)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)

    def _clear_draft(self) -> None:
        if not self._keep_drafting:
            return
        try:
            self.store.save_draft(DRAFT_KEY, "")
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)

    def unsaved_changes(self) -> str | None:
        """A sentence about form edits that are not saved yet; None if none."""
        self._keep_draft()
        if self.values() == self.saved_values:
            return None
        return (
            "This interview has changes that are not saved (ctrl+s saves them). They are "
            "kept as a draft and will be here next time."
        )

    def _after_confirm(self, then: Callable[[], None]) -> None:
        message = self.unsaved_changes()
        if not message:
            then()
            return
        from coach.screens.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                then()

        self.app.push_screen(
            ConfirmScreen("Discard the unsaved changes?", message, yes="Discard"), answered
        )

    def on_unmount(self) -> None:
        # The fields are gone by now: keep what they last held.
        if self._last_values is not None:
            self._keep_draft(self._last_values)

    # --- actions --------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the interview if every field is valid; otherwise point at the first bad one."""
        self._show_all_errors = True
        self._rate_now()
        assert self.result is not None
        if not self.result.ok:
            first = next(name for name in FIELDS if name in self.result.errors)
            self.query_one(f"#f-{first}").focus()
            self.notify(
                f"Not saved: {self.result.errors[first]}",
                title="Check the form",
                severity="warning",
                markup=False,
            )
            return
        try:
            saved = self.store.save_interview(self.result.interview)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            return
        self.editing = saved.id
        self.saved_values = self.values()
        self._clear_draft()
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
        self._reload()
        self._rate_now()

    def action_new(self) -> None:
        """A blank form (asks first if the current one has unsaved changes)."""
        self._after_confirm(self._new_form)

    def action_delete(self) -> None:
        """Delete the interview being edited, after a confirmation."""
        if self.editing is None:
            self.notify("Nothing to delete: this interview is not saved yet.", severity="warning")
            return
        doomed = self.editing
        company = short(self.values()["company"]) or "this interview"
        from coach.screens.confirm import ConfirmScreen

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                deleted = self.store.delete_interview(doomed)
            except StoreError as error:
                self.notify(
                    str(error), title="Not deleted", severity="error", timeout=12, markup=False
                )
                return
            if not deleted:
                self.notify(
                    f"{company} was already gone from the database (another coach window may "
                    "have deleted it). The form now starts a new interview.",
                    title="Nothing deleted",
                    severity="warning",
                    markup=False,
                )
                self._reload()
                self._new_form()
                return
            tell_saved(
                self,
                self.store,
                f"Deleted {company}.",
                title="Interview deleted",
                unkept="The interview is gone only until coach closes",
            )
            self._reload()
            self._new_form()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {company}?",
                "Its signals, rating and outcome will be gone for good.",
                yes="Delete",
                no="Keep",
            ),
            answered,
        )

    def action_to_rehearse(self) -> None:
        """Turn their answer to the closing question into a Rehearse card."""
        from coach.domain.cards import heard_card, heard_problem

        said = self.values()["closing_answer"].strip()
        if len(said.split()) < 3:
            self.query_one("#err-closing_answer", Static).update(
                "Write what they answered (a few words at least) to rehearse a reply to it."
            )
            self.query_one("#f-closing_answer").focus()
            return
        company = self.values()["company"].strip()
        problem = heard_problem(said, company)
        if problem:
            self.query_one("#err-closing_answer", Static).update(user_text(problem))
            self.query_one("#f-closing_answer").focus()
            return
        key = self.editing if self.editing is not None else self.clock().strftime("%Y%m%d-%H%M%S")
        card = heard_card(said, key, company)
        try:
            self.store.save_heard_card(card)
        except StoreError as error:
            self.notify(str(error), title="Not sent", severity="error", timeout=12, markup=False)
            return
        tell_saved(
            self,
            self.store,
            'Sent to Rehearse as a card under "Heard in interviews" (F2).',
            title="Feedback card",
            unkept="Sent to Rehearse (F2), but this card is kept only until coach closes",
        )


RATING_BAR = 6
"""Cells for the largest contribution each way, in the rating panel."""
NAME_WIDTH = 13
"""Company and role are cut to this in the list, so its Follow-up and Outcome columns fit."""


def _short(text: str) -> str:
    return short(text, NAME_WIDTH)
