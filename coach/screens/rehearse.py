"""The Rehearse screen: the evening before, practise asking the closing question and drafting
pitch responses to the feedback it may draw, with live coaching, saved attempts and spaced
repetition."""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static

from coach.content.loader import load_questions
from coach.domain.content import QUESTION_CARD_ID
from coach.screens import Clock, after_first_frame
from coach.screens import rehearse_text as words
from coach.screens.draft_screen import DraftScreen, end_cursor
from coach.screens.long_drafts import shorten_long_draft
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError
from coach.widgets.draft_preview import DraftPreview
from coach.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from coach.domain.assessment import Assessment
    from coach.domain.cards import FeedbackCard
    from coach.domain.models import Attempt
    from coach.store.api import StoreAPI
    from coach.widgets.card_list import CardList

# What the first frame needs is imported above; the draft's editor, the card list, coaching
# panel, history, deck and database come right after it (see ``RehearseScreen._load``).

COACH_DELAY = 0.12
"""Seconds of typing pause before the coaching panel redraws: typing never waits on it."""
AUTOSAVE_DELAY = 0.6
"""Seconds of typing pause before the draft is written to disk."""
LAST_CARD_KEY = "rehearse.card"
"""Kept in the drafts file beside the drafts, so switching cards never rewrites the history."""


class RehearseScreen(DraftScreen):
    """Practise the closing question, then responses to hypothetical feedback."""

    TITLE = "Rehearse · the evening before the interview"
    # Focused from the first frame, so keys typed while coach starts land in the draft (in its
    # stand-in until the editor arrives: see coach/widgets/draft_preview.py).
    AUTO_FOCUS = "#draft, #draft-preview"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="save",
            tooltip="Save this attempt with its score (drafts are kept as you type).",
        ),
        Binding(
            "ctrl+n",
            "next_card",
            "Next card",
            id="next-card",
            tooltip="Jump to the card that is due by spaced repetition.",
        ),
        Binding(
            "ctrl+t",
            "stopwatch",
            "Stopwatch",
            id="stopwatch",
            tooltip="Start, then stop, a stopwatch while you say it aloud.",
        ),
        Binding(
            "ctrl+r",
            "next_variant",
            "Variant",
            id="variant",
            show=False,
            tooltip="Show another way to ask the closing question.",
        ),
        Binding(
            "ctrl+o",
            "profile",
            "Profile",
            id="profile",
            show=False,
            tooltip="Your strengths and the job's requirements (tailored cards).",
        ),
        Binding(
            "ctrl+f",
            "heard",
            "Heard feedback",
            id="heard",
            show=False,
            tooltip="Record feedback an interviewer really gave; it becomes a card.",
        ),
    ]

    def __init__(self, store: StoreAPI, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.variants = load_questions()
        self.categories: dict[str, tuple[str, str]] = {}
        self.deck: tuple[FeedbackCard, ...] = ()
        self._loaded = False
        self._question_shown = False
        """Whether the first frame already showed the closing question and its draft."""
        self.ready = False
        """True once everything deferred past the first frame is shown (the card list last)."""
        self.variant_index = 0
        self.card_id = QUESTION_CARD_ID
        self.cards: dict[str, FeedbackCard] = {}
        self.attempts: list[Attempt] = []
        self.drafts: dict[str, str] = {}
        self.assessment: Assessment | None = None
        self.spoken_seconds: float | None = None
        self._stopwatch_started: float | None = None
        self._stopwatch_timer: Timer | None = None
        self._coach_timer: Timer | None = None
        self._autosave_timer: Timer | None = None
        self._unkept_drafts: set[str] = set()
        """Cards whose draft was too long and could not be copied aside: never overwritten."""
        self._aims: dict[str, tuple[FeedbackCard, tuple[int, int]]] = {}

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The panels' frames are here from the first frame, so nothing moves when their
        # contents arrive a moment later (``_load``). They sit on the screen itself (its layout
        # is horizontal; the Header and Footer are docked): a full-screen container around
        # them would be one more layer that Textual renders and cuts up behind them, about
        # 1 MiB of rendered lines for nothing on screen.
        yield Header()
        with Vertical(id="cards", classes="sidebar"):
            yield Static("Cards", classes="panel-title")
        with Vertical(id="rehearse-main"):
            yield Static(id="prompt")
            yield DraftPreview(
                "", id="draft-preview", on_change=self._draft_changed, in_order=self.run_in_order
            )
            yield Static(id="draft-status")
            yield Horizontal(id="history")
        with VerticalScroll(id="coaching"):
            yield Static("Coaching", classes="panel-title")
        yield SteadyFooter(compact=True)  # nine keys: they fit 100 columns only without the gaps

    def on_mount(self) -> None:
        self.drafts = self.store.drafts()
        self._fit_draft(QUESTION_CARD_ID)
        if (self.drafts.get(LAST_CARD_KEY) or QUESTION_CARD_ID) != QUESTION_CARD_ID:
            # The card may be one of the user's own, kept in the database: load it all now.
            self._load()
            return
        # The usual start: the closing question, which needs nothing from the database.
        self.query_one(DraftPreview).set_text(self.drafts.get(QUESTION_CARD_ID, ""))
        self._show_prompt()
        self._show_status()
        self._question_shown = True
        after_first_frame(self, self._load)

    def _load(self) -> None:
        """Everything the first frame can do without: the database (opened here when the app
        was handed a ``LazyStore``), the deck, the card list, the coaching panel, the history.

        Runs right after the first frame, or at once when something needs it first; a
        second call does nothing. Synchronous, so no key is handled half-way through it.
        """
        if self._loaded:
            return
        self._loaded = True
        self.mount_editor(shown_now=not self._question_shown)
        from textual.widgets import Sparkline

        from coach.content.loader import load_deck
        from coach.widgets.card_list import CardList
        from coach.widgets.coaching_panel import CoachingPanel
        from coach.widgets.empty_state import EmptyState

        self.categories, self.deck = load_deck()
        self.query_one("#cards").mount(CardList(id="card-list"))
        self.query_one("#history").mount(Sparkline([], id="trend"), Static(id="history-text"))
        self.query_one("#coaching").mount(
            EmptyState("", "", id="coach-empty"), CoachingPanel(id="coach-panel")
        )
        try:
            self._build_cards(fill_list=False)
            # The history can be thousands of attempts: read once, here, not per card.
            self.attempts = self.store.attempts()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)
        last = self.drafts.get(LAST_CARD_KEY) or QUESTION_CARD_ID
        last = last if last in self._all_ids() else QUESTION_CARD_ID
        if self._question_shown and last == QUESTION_CARD_ID:
            # Already on screen since the first frame, perhaps already typed in or timed:
            # fill in the panels without starting the card over.
            self._coach_now()
            self._show_history()
        else:
            self.select_card(last, flush=False)
        # Measuring sixty options costs more than the rest of the screen: after it is mounted.
        self.call_after_refresh(self._refresh_card_list)

    # --- the draft's editor ---------------------------------------------------------------------

    def _editor(self) -> TextArea:
        """The draft's editor (mounted now if the first frame's stand-in is still there)."""
        from textual.widgets import TextArea

        self._load()
        return self.query_one("#draft", TextArea)

    def _draft_text(self) -> str:
        """The draft as shown: in the editor, or in the first frame's stand-in before it."""
        if self._loaded:
            return self._editor().text
        return self.query_one(DraftPreview).text

    # --- cards ----------------------------------------------------------------------------------

    def _all_ids(self) -> list[str]:
        return [QUESTION_CARD_ID, *self.cards]

    def _build_cards(self, *, fill_list: bool = True) -> None:
        """Tailored and heard cards first (they are about you), then the deck by category."""
        from coach.domain.cards import tailored_cards

        profile = self.store.profile()
        ordered = [
            *tailored_cards(profile.requirements, profile.strengths),
            *self.store.heard_cards(),
            *self.deck,
        ]
        self.cards = {card.id: card for card in ordered}
        if fill_list:
            self._refresh_card_list()

    def _card_list(self) -> CardList:
        from coach.widgets.card_list import CardList

        return self.query_one(CardList)

    def _refresh_card_list(self) -> None:
        self._card_list().show(
            self.cards.values(), self.categories, self.attempts, self.clock(), self.card_id
        )
        self.ready = True

    @on(OptionList.OptionSelected, "#card-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.select_card(event.option.id)
            self._editor().focus()

    def select_card(self, card_id: str, *, flush: bool = True) -> None:
        """Show ``card_id`` (or the closing question) with its draft, coaching and history."""
        self._load()
        if flush:
            self._flush_draft()
        self._stop_stopwatch(keep=False)
        self.card_id = card_id
        self.spoken_seconds = None
        if self.drafts.get(LAST_CARD_KEY, QUESTION_CARD_ID) != card_id:
            self.drafts[LAST_CARD_KEY] = card_id
            with contextlib.suppress(StoreError):  # only a convenience: never block on it
                self.store.save_draft(LAST_CARD_KEY, card_id)
        self._card_list().point_at(card_id)
        self._fit_draft(card_id)
        draft = self._editor()
        if draft.text != self.drafts.get(card_id, ""):
            draft.load_text(self.drafts.get(card_id, ""))
            end_cursor(draft)
        self._show_prompt()
        self._coach_now()
        self._show_history()
        self._show_status()

    # --- the prompt -----------------------------------------------------------------------------

    @property
    def is_question(self) -> bool:
        """Whether the closing question (not a feedback card) is being rehearsed."""
        return self.card_id == QUESTION_CARD_ID

    def _show_prompt(self) -> None:
        if self.is_question:
            variant = self.variants[self.variant_index]
            prompt = words.question_prompt(variant, self.variant_index + 1, len(self.variants))
            placeholder, title = words.QUESTION_PLACEHOLDER, "Your phrasing"
        else:
            prompt = words.card_prompt(self.cards[self.card_id])
            placeholder, title = words.RESPONSE_PLACEHOLDER, "Your response"
        if self._loaded:
            draft = self._editor()
            draft.placeholder, draft.border_title = placeholder, title
        else:
            preview = self.query_one(DraftPreview)
            preview.set_placeholder(placeholder)
            preview.border_title = title
        self.query_one("#prompt", Static).update(prompt)

    def action_next_variant(self) -> None:
        """Cycle through the ways of asking the closing question."""
        if not self.is_question:
            self.select_card(QUESTION_CARD_ID)
            return
        self.variant_index = (self.variant_index + 1) % len(self.variants)
        self._show_prompt()

    # --- live coaching --------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Handled by name, not with @on(TextArea.Changed): that would import TextArea for the
        # first frame, which only has the editor's stand-in.
        if event.text_area.id == "draft":
            self._draft_changed(event.text_area.text)

    def _draft_changed(self, text: str) -> None:
        if text == self.drafts.get(self.card_id, ""):
            return  # a card's draft being loaded (the event arrives later), not typing
        self.drafts[self.card_id] = text
        # Debounced: a burst of keystrokes costs one assessment and one write, after it.
        if self._coach_timer:
            self._coach_timer.stop()
        self._coach_timer = self.set_timer(COACH_DELAY, self._coach_now)
        if self._autosave_timer:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self._flush_draft)

    def _assess(self, text: str) -> Assessment:
        # Imported on first use, not at the top: their phrase patterns compile on import
        # (5-7 ms each, once). Never before the first frame: a restored draft is coached just
        # after it, an empty one at the first pause in typing.
        if self.is_question:
            from coach.domain.closing import assess_closing_question

            return assess_closing_question(text)
        from coach.domain.pitch import assess_pitch

        return assess_pitch(text, self.cards[self.card_id], self.store.profile().strengths)

    def _coach_now(self) -> None:
        self._load()  # the coaching panel may not be there yet if typing began at once
        self._show_status()
        text = self._editor().text
        from coach.widgets.coaching_panel import CoachingPanel
        from coach.widgets.empty_state import EmptyState

        panel = self.query_one("#coach-panel", CoachingPanel)
        empty = self.query_one("#coach-empty", EmptyState)
        if not text.strip():
            self.assessment = None
            panel.display = False
            empty.display = True
            empty.set_text(*words.empty_guidance(self.is_question))
            return
        self.assessment = self._assess(text)
        empty.display = False
        panel.display = True
        panel.show(self.assessment, text)

    # --- drafts ---------------------------------------------------------------------------------

    def _flush_draft(self) -> None:
        """Write the current draft now (called after a pause, and before anything leaves)."""
        if self._autosave_timer:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if not self.is_mounted or self.card_id in self._unkept_drafts:
            return
        try:
            self.store.save_draft(self.card_id, self.drafts.get(self.card_id, ""))
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)

    def _fit_draft(self, card_id: str) -> None:
        """Keep a draft too long for the editor whole, and give the editor its beginning."""
        shortened = shorten_long_draft(self.store, self.drafts, card_id)
        if shortened is not None:
            if not shortened.keep_typing:
                self._unkept_drafts.add(card_id)
            self.notify(
                shortened.message,
                title="A long draft",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def unsaved_changes(self) -> str | None:
        """A sentence about typed text that is not saved as an attempt yet; None if none."""
        if not self._loaded:
            return None
        self._flush_draft()
        text = self.drafts.get(self.card_id, "")
        if not text.strip():
            return None
        saved = [a for a in self.attempts if a.card_id == self.card_id]
        if saved and saved[-1].text == text:
            return None
        return (
            "Your draft is not saved as an attempt yet (ctrl+s saves it with its score). "
            "The draft itself is kept and will be here next time."
        )

    def on_unmount(self) -> None:
        self._flush_draft()

    # --- saving ---------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the draft as an attempt with its score, checks, spoken time and time stamp."""
        from coach.domain import drill
        from coach.domain.models import Attempt

        text = self._editor().text
        if not text.strip():
            self.query_one("#draft-status", Static).update(
                Text("Nothing to save yet: type your attempt first.", style="bold red")
            )
            return
        self._stop_stopwatch(keep=True)
        assessment = self._assess(text)
        attempt = Attempt(
            kind="question" if self.is_question else "response",
            text=text,
            card_id=self.card_id,
            score=assessment.score,
            spoken_seconds=self.spoken_seconds,
            created_at=self.clock().isoformat(timespec="seconds"),
            checks=assessment.checks,
        )
        try:
            saved = self.store.add_attempt(attempt)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            return
        self.attempts.append(saved)
        state = drill.progress(self.card_id, self.attempts)
        due = (state.due_at - self.clock()).days + 1 if state.due_at else 0
        tell_saved(
            self,
            self.store,
            f"Saved: {saved.score}/100. Box {state.box}; this card is due again in "
            f"{due} day{'s' if due != 1 else ''}.",
            title="Attempt saved",
            unkept=f"This attempt ({saved.score}/100) is kept only until coach closes",
        )
        self._refresh_card_list()
        self._show_history()

    # --- history --------------------------------------------------------------------------------

    def _show_history(self) -> None:
        from textual.widgets import Sparkline

        from coach.domain import drill

        state = drill.progress(self.card_id, self.attempts)
        trend = self.query_one("#trend", Sparkline)
        trend.data = list(state.scores) or [0]
        trend.display = bool(state.scores)
        mine = [a for a in self.attempts if a.card_id == self.card_id]
        best = max(mine, key=lambda a: (a.score, drill.saved_at(a)), default=None)
        self.query_one("#history-text", Static).update(words.history_line(state, best))

    # --- next card ------------------------------------------------------------------------------

    def action_next_card(self) -> None:
        """Move to the card due next by spaced repetition."""
        from coach.domain import drill

        self._load()
        card_id = drill.next_due(
            self._all_ids(),
            self.attempts,
            self.clock(),
            after=self.card_id,
            kinds={card.id: card.category for card in self.deck},  # new cards: kind by kind
        )
        if card_id:
            self.select_card(card_id)
            self._editor().focus()

    # --- stopwatch ------------------------------------------------------------------------------

    def action_stopwatch(self) -> None:
        """Start the stopwatch, or stop it and keep the time with this draft."""
        if self._stopwatch_started is None:
            self._stopwatch_started = time.monotonic()
            self._stopwatch_timer = self.set_interval(0.1, self._show_status)
        else:
            self._stop_stopwatch(keep=True)
        self._show_status()

    def _stop_stopwatch(self, *, keep: bool) -> None:
        if self._stopwatch_started is None:
            return
        if keep:
            self.spoken_seconds = round(time.monotonic() - self._stopwatch_started, 1)
        self._stopwatch_started = None
        if self._stopwatch_timer:
            self._stopwatch_timer.stop()
            self._stopwatch_timer = None

    def _aim(self) -> tuple[int, int] | None:
        """The length that fits a response to this card (by its kind of concern), remembered:
        the status line is redrawn ten times a second while the stopwatch runs."""
        if self.is_question:
            return None
        card = self.cards[self.card_id]
        kept = self._aims.get(self.card_id)
        if kept is None or kept[0] is not card:
            from coach.domain.pitch import length_aim

            kept = self._aims[self.card_id] = (card, length_aim(card))
        return kept[1]

    def _show_status(self) -> None:
        started = self._stopwatch_started
        running = None if started is None else time.monotonic() - started
        status = words.status_line(
            self._draft_text(), self.is_question, running, self.spoken_seconds, self._aim()
        )
        self.query_one("#draft-status", Static).update(status)

    # --- profile --------------------------------------------------------------------------------

    def action_profile(self) -> None:
        """Edit strengths and requirements; tailored cards follow."""
        from coach.screens.profile import ProfileScreen

        self._load()

        def saved(profile: object) -> None:
            from coach.domain.models import Profile

            if not isinstance(profile, Profile):
                return
            try:
                self.store.save_profile(profile)
            except StoreError as error:
                self.notify(
                    str(error),
                    title="Profile not saved",
                    severity="error",
                    timeout=12,
                    markup=False,
                )
                return
            self._build_cards()
            tailored = sum(card.source == "tailored" for card in self.cards.values())
            tell_saved(
                self,
                self.store,
                f"Profile saved. {tailored} tailored card(s).",
                title="Profile",
                unkept="Your profile is kept only until coach closes",
            )
            if self.is_question or self.card_id in self.cards:
                self._coach_now()  # the strengths it checks against may have changed
            else:
                # The open tailored card is gone: a strength now covers its requirement.
                self.select_card(QUESTION_CARD_ID)

        self.app.push_screen(ProfileScreen(self.store.profile()), saved)

    def action_heard(self) -> None:
        """Record real feedback as a card, then open it to rehearse an answer."""
        from coach.domain.cards import heard_card
        from coach.screens.heard import HeardScreen

        self._load()

        def kept(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            said, company = result
            card = heard_card(said, self.clock().strftime("%Y%m%d-%H%M%S"), company)
            try:
                self.store.save_heard_card(card)
            except StoreError as error:
                self.notify(
                    str(error), title="Not saved", severity="error", timeout=12, markup=False
                )
                return
            self._build_cards()
            self.select_card(card.id)
            tell_saved(
                self,
                self.store,
                "Kept as a card: rehearse your answer to it now.",
                title="Feedback",
                unkept="This card is kept only until coach closes",
            )

        self.app.push_screen(HeardScreen(), kept)
