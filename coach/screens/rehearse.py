"""The Rehearse screen: the evening before, practise asking the closing question and drafting
pitch responses to the feedback it may draw, with live coaching, saved attempts and spaced
repetition.

The screen's state is in the vars below; each widget is bound to what it shows (``data_bind``)
and redraws itself. The first frame needs only what is imported at the top: the draft's editor,
the deck, the database, the card list and the coaching panel come right after it (``load``).
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.widgets import Header, Static

from coach.content.loader import load_questions
from coach.domain.content import QUESTION_CARD_ID
from coach.render.safe import short
from coach.screens import Clock
from coach.screens.draft_screen import DraftScreen
from coach.screens.fresh import ShowsSaved, read_again
from coach.screens.rehearse_keys import REHEARSE_KEYS
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError
from coach.widgets.card_history import CardHistory
from coach.widgets.debounce import Debouncer, Delays
from coach.widgets.prompt import Prompt
from coach.widgets.steady_footer import SteadyFooter
from coach.widgets.stopwatch import Stopwatch

if TYPE_CHECKING:
    from datetime import date

    from coach.domain.assessment import Assessment
    from coach.domain.cards import FeedbackCard
    from coach.domain.models import Attempt, Strength
    from coach.store.api import StoreAPI
    from coach.widgets.card_list import CardList

LAST_CARD_KEY = "rehearse.card"
"""Kept in the drafts file beside the drafts, so switching cards never rewrites the history."""
QUESTION_BOX = ("Write it the way you would say it…", "Your phrasing")
RESPONSE_BOX = ("Your response: take the feedback, then re-pitch toward it…", "Your response")
"""The draft box's placeholder and title, for the closing question and for a feedback card."""
BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
"""Below 110 columns (-narrow) the side panels take less room and the prompt leaves out what it
can spare, so that at 80 columns the draft and its coaching stay readable (coach.tcss)."""


class RehearseScreen(ShowsSaved, DraftScreen):
    """Practise the closing question, then responses to hypothetical feedback."""

    CSS_PATH = "rehearse.tcss"  # read with the app's when first, else when first shown

    TITLE = "Rehearse · the evening before the interview"
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS
    # Focused from the first frame, so keys typed while coach starts land in the draft (in its
    # stand-in until the editor arrives: see coach/screens/draft_screen.py).
    AUTO_FOCUS = "#draft, #draft-preview"
    BINDINGS: ClassVar[list[BindingType]] = REHEARSE_KEYS

    card_id: var[str] = var(QUESTION_CARD_ID)
    """The open card: a feedback card's id, or the closing question's."""
    cards: var[dict[str, FeedbackCard]] = var(dict)
    """Every feedback card: tailored and heard ones first, then the deck by category."""
    card: var[FeedbackCard | None] = var(None)
    """The open feedback card; None for the closing question. Follows the two above (not a
    ``compute_`` method: Textual would call its watchers each time it is read)."""
    variant: var[int] = var(0)
    """Which way of asking the closing question is shown (ctrl+r shows the next)."""
    draft: var[str] = var("")
    """The open card's draft as of the last pause in typing: what is counted and coached."""
    assessment: var[Assessment | None] = var(None)
    """The coaching of ``draft``; None while it is empty."""
    attempts: var[tuple[Attempt, ...] | None] = var(None)
    """Every attempt saved, read once just after the first frame (None until then)."""
    interview: var[date | None] = var(None)
    """The next interview's day, from the profile: the evening before, practice runs in short
    steps (``coach.domain.rhythm``)."""
    ready: var[bool] = var(False)
    """True once everything deferred past the first frame is shown (the card list last)."""

    def __init__(self, store: StoreAPI, clock: Clock, delays: Delays) -> None:
        super().__init__(store, delays)
        self.clock = clock
        self.variants = load_questions()
        self.categories: dict[str, tuple[str, str]] = {}
        self.deck: tuple[FeedbackCard, ...] = ()
        self._coach = Debouncer(self, delays.coach, self._coach_now)
        self.strengths: tuple[Strength, ...] = ()  # the profile's, read with the cards

    def watch_card_id(self) -> None:
        self.card = self.cards.get(self.card_id)

    def watch_cards(self) -> None:
        self.card = self.cards.get(self.card_id)

    @property
    def is_question(self) -> bool:
        """Whether the closing question (not a feedback card) is being rehearsed."""
        return self.card_id == QUESTION_CARD_ID

    # --- layout and loading ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The panels' frames are here from the first frame, so nothing moves when their
        # contents arrive a moment later (``load_rest``). Cards on the left, the prompt over
        # the draft and the coaching, the history under them (coach.tcss). Not a grid: Textual
        # measures a spanning cell's height at one column's width.
        yield Header()
        with Vertical(id="cards", classes="sidebar"):
            yield Static("Cards", classes="panel-title")
        with Vertical(id="rehearse-right"):
            yield Prompt(self.variants, id="prompt").data_bind(
                RehearseScreen.card, RehearseScreen.variant
            )
            with Horizontal(id="rehearse-row"):
                with Vertical(id="rehearse-main"):
                    yield self.draft_stand_in()
                    yield Stopwatch(id="draft-status").data_bind(
                        RehearseScreen.card, RehearseScreen.draft
                    )
                with VerticalScroll(id="coaching"):
                    yield Static("Coaching", classes="panel-title")
            yield CardHistory(self.clock, id="history").data_bind(
                RehearseScreen.card_id, RehearseScreen.attempts, RehearseScreen.interview
            )
        yield SteadyFooter(compact=True)  # compact: no gaps between the keys at 80 columns

    def on_mount(self) -> None:
        self.fit_draft(QUESTION_CARD_ID)  # whichever card opens
        if (self.drafts.get(LAST_CARD_KEY) or QUESTION_CARD_ID) != QUESTION_CARD_ID:
            self.load()  # the card may be one of the user's own, kept in the database
            return
        # The usual start: the closing question, which needs nothing from the database.
        self._open_draft()
        self.load_after_first_frame()

    def load_rest(self) -> None:
        """The database (opened here when the app was handed a ``LazyStore``), the deck and
        the history, once (see ``DraftScreen.load``)."""
        from coach.content.loader import load_deck

        self.categories, self.deck = load_deck()
        attempts: tuple[Attempt, ...] = ()
        try:
            self.seen.reading()  # before reading anything: a save during the read is not missed
            self._build_cards()
            attempts = tuple(self.store.attempts())  # maybe thousands: read once, here
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)
        if self.draft_key:
            # The question, on screen since the first frame (perhaps typed in, or timed): go on.
            self._coach_now()
        else:
            last = self.drafts.get(LAST_CARD_KEY) or QUESTION_CARD_ID
            self.select_card(last if last in self.cards else QUESTION_CARD_ID)
        self.attempts = attempts

    def watch_attempts(
        self, before: tuple[Attempt, ...] | None, attempts: tuple[Attempt, ...] | None
    ) -> None:
        if before is not None or attempts is None:
            return
        # The history is read: the card list and the coaching panel come in, bound to what they
        # show. Here, in a watcher, because Textual runs it as this screen, whoever set the
        # var (the app after its first frame, a key): data_bind binds to the node running.
        from coach.widgets.card_list import CardList
        from coach.widgets.coaching_panel import CoachingGuidance, CoachingPanel
        from coach.widgets.tonight import TonightLine

        bound = (RehearseScreen.cards, RehearseScreen.attempts, RehearseScreen.interview)
        self.query_one("#cards").mount(
            TonightLine(self.clock, id="tonight").data_bind(*bound),
            CardList(self.categories, self.clock, id="card-list").data_bind(
                RehearseScreen.card_id, *bound
            ),
        )
        self.query_one("#coaching").mount(
            CoachingGuidance(self.card, self.assessment, id="coach-empty").data_bind(
                RehearseScreen.card, RehearseScreen.assessment
            ),
            CoachingPanel(self.draft, self.assessment, id="coach-panel").data_bind(
                RehearseScreen.draft, RehearseScreen.assessment
            ),
        )

    def on_card_list_filled(self) -> None:
        # Handled by name, not with @on(CardList...): that would import the card list for the
        # first frame.
        self.ready = True

    # --- cards ----------------------------------------------------------------------------------

    def _build_cards(self) -> None:
        """Tailored and heard cards first (they are about you), then the deck by category."""
        from coach.domain.cards import tailored_cards
        from coach.domain.rhythm import interview_day

        profile = self.store.profile()
        self.interview = interview_day(profile)
        tailored = tailored_cards(profile.requirements, profile.strengths)
        ordered = [*tailored, *self.store.heard_cards(), *self.deck]
        self.strengths = profile.strengths  # what responses are coached against
        self.cards = {card.id: card for card in ordered}

    def show_saved(self, *, force: bool = False) -> None:
        """The cards and the history again if anything was saved since (a card sent from
        Rate, an import): see coach/screens/fresh.py."""
        if self.attempts is not None:  # else ``load_rest`` reads it first
            read_again(self, self.seen, force, self._read_saved)

    def _read_saved(self) -> None:
        attempts = tuple(self.store.attempts())
        self._profile_saved()  # the cards again (the open one may be gone); may raise first
        self.attempts = attempts

    def on_card_list_picked(self, message: CardList.Picked) -> None:
        if message.card_id:
            self.select_card(message.card_id)
        if not message.browsing:
            self.focus_draft()

    def select_card(self, card_id: str) -> None:
        """Open ``card_id`` (or the closing question) with its draft; the panels follow."""
        self.card_id = card_id
        if self.drafts.get(LAST_CARD_KEY, QUESTION_CARD_ID) != card_id:
            self.drafts[LAST_CARD_KEY] = card_id
            with contextlib.suppress(StoreError):  # only a convenience: never block on it
                self.store.save_draft(LAST_CARD_KEY, card_id)
        self.query_one(Stopwatch).reset()
        self._open_draft()
        self._coach_now()

    def _open_draft(self) -> None:
        """Show the open card's draft, counted (and coached by the caller, if it may)."""
        placeholder, title = QUESTION_BOX if self.is_question else RESPONSE_BOX
        self.open_draft(self.card_id, placeholder=placeholder, title=title)
        self.draft = self.draft_text

    def action_next_card(self) -> None:
        """Move to the card due next: tonight's order the evening before the interview, else
        spaced repetition's (``coach.domain.rhythm.next_card``)."""
        from coach.domain import rhythm

        self.load()
        cards, now = tuple(self.cards.values()), self.clock()
        card_id = rhythm.next_card(cards, self.attempts or (), self.interview, now, self.card_id)
        if card_id is None:
            self.notify("Every card is done for tonight. Rest: you are ready.", title="All done")
            return
        self.select_card(card_id)
        self.focus_draft()

    def action_next_variant(self) -> None:
        """Show another way of asking the closing question (or go back to it)."""
        if not self.is_question:
            self.select_card(QUESTION_CARD_ID)
            return
        self.variant = (self.variant + 1) % len(self.variants)

    # --- the draft and its coaching -------------------------------------------------------------

    def draft_changed(self, text: str) -> None:
        self._coach.poke()  # after a pause in typing: a burst of keys costs one assessment

    def _coach_now(self) -> None:
        """Count and coach the draft as it is now."""
        text = self.draft_text
        self.draft = text
        self.assessment = self._assess(text) if text.strip() else None

    def _assess(self, text: str) -> Assessment:
        # Imported on first use, not at the top: their phrase patterns compile on import
        # (5-7 ms each, once). Never before the first frame: a restored draft is coached just
        # after it, an empty one at the first pause in typing.
        if self.is_question:
            from coach.domain.closing import assess_closing_question

            return assess_closing_question(text)
        from coach.domain.pitch import assess_pitch

        return assess_pitch(text, self.cards[self.card_id], self.strengths)

    def action_stopwatch(self) -> None:
        """Start the stopwatch, or stop it and keep the time with this draft."""
        self.query_one(Stopwatch).toggle()

    # --- what quitting would lose (DraftScreen.lost_on_quit asks about every card's draft) ----

    DRAFTS_WHERE = " on Rehearse"

    def draft_name(self, key: str) -> str:
        card = self.cards.get(key)
        if card is None:
            return "the closing question" if key == QUESTION_CARD_ID else "a card no longer listed"
        return f"“{short(card.feedback)}”"

    def draft_saved(self, key: str, text: str) -> bool:
        # Saved as the card's last attempt: in the database, as it would be after ctrl+s.
        saved = [a.text for a in self.attempts or () if a.card_id == key]
        return bool(saved) and saved[-1] == text

    # --- saving ---------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the draft as an attempt with its score, checks, spoken time and time stamp."""
        from coach.domain import rhythm
        from coach.domain.models import Attempt

        self.load()  # the database and the history: at once if this comes before them
        text, stopwatch = self.draft_text, self.query_one(Stopwatch)
        if not text.strip():
            stopwatch.say(Text("Nothing to save yet: type your attempt first.", style="bold red"))
            return
        stopwatch.stop()
        assessment = self._assess(text)
        attempt = Attempt(
            kind="question" if self.is_question else "response",
            text=text,
            card_id=self.card_id,
            score=assessment.score,
            spoken_seconds=stopwatch.spoken_seconds,
            created_at=self.clock().isoformat(timespec="seconds"),
            checks=assessment.checks,
        )
        try:
            saved = self.store.add_attempt(attempt)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            return
        self.attempts = (*(self.attempts or ()), saved)
        cards, now = tuple(self.cards.values()), self.clock()
        note = rhythm.saved_note(self.card_id, cards, self.attempts, self.interview, now)
        tell_saved(
            self,
            self.store,
            f"Saved: {saved.score}/100. {note}",
            title="Attempt saved",
            unkept=f"This attempt ({saved.score}/100) is kept only until coach closes",
        )

    # --- the mock exchange (coach/screens/exchange.py) -------------------------------------

    def action_exchange(self) -> None:
        """Open a mock exchange over the cards and the history shown here."""
        from coach.screens.exchange import ExchangeScreen

        self.load()
        rng = getattr(self.app, "rng", None) or random.Random()
        cards, attempts = tuple(self.cards.values()), self.attempts or ()
        self.app.push_screen(
            ExchangeScreen(self.store, self.clock, rng, cards, attempts, self._exchange_saved)
        )

    def _exchange_saved(self, attempts: Sequence[Attempt]) -> None:
        # The exchange's turns are attempts: the history, the list and repetition count them.
        self.attempts = (*(self.attempts or ()), *attempts)
        self.seen.saved()

    # --- cards of the user's own (coach/screens/own_cards.py) ---------------------------------

    def action_profile(self) -> None:
        """Edit strengths and requirements; tailored cards follow."""
        from coach.screens.own_cards import edit_profile

        self.load()
        edit_profile(self, self.store, self._profile_saved)

    def _profile_saved(self) -> None:
        self._build_cards()
        if self.is_question or self.card_id in self.cards:
            self._coach_now()  # the strengths it checks against may have changed
        else:
            # The open tailored card is gone: a strength now covers its requirement.
            self.select_card(QUESTION_CARD_ID)

    def action_heard(self) -> None:
        """Record real feedback as a card, then open it to rehearse an answer."""
        from coach.screens.own_cards import record_heard

        self.load()
        record_heard(self, self.store, self.clock, self._heard_kept)

    def _heard_kept(self, card: FeedbackCard) -> None:
        self._build_cards()
        self.select_card(card.id)
