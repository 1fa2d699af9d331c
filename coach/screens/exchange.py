"""The mock exchange: the close rehearsed as the dialogue it is, with a reply you did not choose.

The interviewer asks "Do you have any questions for me?" and a clock starts. You type the
closing question (or say it aloud and type its gist) and send it; only then does the reply
show, chosen by the coach (``coach.domain.exchange.choose_reply``): most often a concern you
most need to rehearse. You answer against the clock; where the card has a probe, the
interviewer pushes once more and you answer again. Then the debrief, on one screen, and the
whole exchange saved in one write: each typed turn is an attempt (so the card's history and
its spaced repetition count it), with the exchange's own record beside them.

State lives in the vars below; the conversation, the clock and the debrief are bound to them.
Nothing is saved before the debrief: leaving (Escape) or quitting before it asks first, once
something was typed or timed aloud (``lost_on_quit``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static, TextArea

from coach.content.loader import load_questions
from coach.domain.exchange import Reply, choose_reply
from coach.domain.exchange_debrief import Debrief, debrief
from coach.domain.exchange_turns import ASK, Taken, record_turn
from coach.domain.models import Attempt, Exchange, Profile, Turn, TurnStep
from coach.render.exchange_view import debrief_view, not_saved, transcript
from coach.screens import Clock
from coach.screens.exchange_keys import EXCHANGE_KEYS
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError
from coach.widgets.draft_editor import DraftEditor
from coach.widgets.exchange_clock import ExchangeClock
from coach.widgets.key_order import run_binding_now
from coach.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from coach.domain.cards import FeedbackCard
    from coach.store.api import StoreAPI

Said = tuple[tuple[str, str], ...]
"""The conversation so far: ("them" or "you", what was said)."""
Saved = Callable[[Sequence[Attempt]], None]
"""Told the attempts an exchange saved (Rehearse adds them to its history)."""


class Transcript(Static):
    """The conversation so far, the line to answer now in bold."""

    said: var[Said] = var((), init=False)

    def watch_said(self, said: Said) -> None:
        self.update(transcript(said))


class ExchangeScreen(Screen[None]):
    """A mock exchange, then its debrief; Escape goes back to Rehearse."""

    TITLE = "Mock exchange · ask, hear the reply, answer"
    CSS_PATH = "exchange.tcss"
    AUTO_FOCUS = "#exchange-box"
    BINDINGS: ClassVar[list[BindingType]] = EXCHANGE_KEYS

    step: var[TurnStep] = var("question")
    """The turn being taken."""
    done: var[bool] = var(False)
    """True once the debrief shows."""
    said: var[Said] = var(())
    aloud: var[bool] = var(False)
    """Aloud mode: the clock runs while you speak (ctrl+t); typing the gist is optional."""
    prompted_at: var[datetime | None] = var(None)
    """When the interviewer's line to answer was shown: the turn's clock started."""
    first_word_at: var[datetime | None] = var(None)
    """The first key typed this turn, or the aloud clock's start."""
    speaking_since: var[datetime | None] = var(None)
    """When the aloud clock started, while it runs."""
    spoken: var[float | None] = var(None)
    """The aloud clock's time this turn, once stopped."""
    review: var[Debrief | None] = var(None)

    def __init__(
        self,
        store: StoreAPI,
        clock: Clock,
        rng: random.Random,
        cards: Sequence[FeedbackCard],
        attempts: Sequence[Attempt],
        saved: Saved,
    ) -> None:
        super().__init__()
        self.store, self.clock, self.rng, self.saved = store, clock, rng, saved
        self.cards = {card.id: card for card in cards}
        self.attempts = tuple(attempts)
        self.profile = Profile()
        self.last_card_id: str | None = None
        self.reply: Reply | None = None
        self.taken: list[Taken] = []
        self.started_at: datetime | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="exchange-body"):
            yield Transcript(id="exchange-said").data_bind(ExchangeScreen.said)
            # Rehearse's editor: keys act in the order typed, so ctrl+s sends what came before it.
            yield DraftEditor("", id="exchange-box", in_order=self.run_in_order)
            yield ExchangeClock(self.clock, id="exchange-clock").data_bind(
                ExchangeScreen.step,
                ExchangeScreen.aloud,
                ExchangeScreen.prompted_at,
                ExchangeScreen.first_word_at,
                ExchangeScreen.speaking_since,
                ExchangeScreen.spoken,
            )
        with VerticalScroll(id="exchange-debrief"):
            yield Static(id="exchange-review")
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        try:
            self.profile = self.store.profile()
            earlier = self.store.exchanges()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)
            earlier = []
        self.last_card_id = next((e.card_id for e in reversed(earlier) if e.card_id), None)
        self.begin()

    def begin(self) -> None:
        """A new exchange: the interviewer's turn, and the clock."""
        self.reply, self.taken = None, []
        self.started_at = self.clock()
        self.said = (("them", ASK),)
        self.step, self.done, self.review = "question", False, None
        self._next_turn(self.started_at)

    def _next_turn(self, now: datetime) -> None:
        self.prompted_at, self.first_word_at = now, None
        self.speaking_since, self.spoken = None, None
        box = self.query_one("#exchange-box", TextArea)
        box.clear()
        box.focus()
        # The line to answer is just above the box: a long conversation scrolls to it.
        self.query_one("#exchange-body").scroll_end(animate=False)

    def watch_done(self, done: bool) -> None:
        self.query_one("#exchange-body").display = not done
        self.query_one("#exchange-debrief").display = done
        self.refresh_bindings()

    def watch_aloud(self) -> None:
        self.query_one("#exchange-box", TextArea).placeholder = (
            "Say it aloud (ctrl+t starts and stops the clock); type its gist if you like…"
            if self.aloud
            else "Type it the way you would say it…"
        )

    def watch_review(self, review: Debrief | None) -> None:
        if review is not None:
            self.query_one("#exchange-review", Static).update(debrief_view(review, self.cards))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The turn's keys while it runs, "again" once the debrief shows: the Footer shows
        # only what can be pressed now.
        if action == "again":
            return self.done
        if action in ("send", "speak", "aloud"):
            return not self.done
        return True

    async def run_in_order(self, key: str, widget: Widget) -> bool:
        """Run the binding of ``key`` at its turn among the keys typed into the box."""
        return await run_binding_now(self, key, widget)

    @on(TextArea.Changed, "#exchange-box")
    def _typed(self, event: TextArea.Changed) -> None:
        if self.first_word_at is None and event.text_area.text:
            self.first_word_at = self.clock()  # time to the first word: the first key

    # --- keys -----------------------------------------------------------------------------------

    def action_aloud(self) -> None:
        """Switch aloud mode on or off."""
        self.aloud = not self.aloud

    def action_speak(self) -> None:
        """Start the aloud clock as you start speaking, or stop it."""
        now = self.clock()
        if self.speaking_since is None:
            self.speaking_since = now
            if self.first_word_at is None:
                self.first_word_at = now
            return
        ran = max(0.0, (now - self.speaking_since).total_seconds())
        self.spoken = round((self.spoken or 0.0) + ran, 1)
        self.speaking_since = None

    def action_send(self) -> None:
        """Send the turn: the interviewer answers, probes, or the debrief comes."""
        if self.speaking_since is not None:
            self.action_speak()  # sending stops the aloud clock
        text = self.query_one("#exchange-box", TextArea).text
        if not text.strip() and self.spoken is None:
            self.notify(
                "Say it aloud with ctrl+t, or type its gist, first."
                if self.aloud
                else "Type it first (or ctrl+l to rehearse aloud).",
                title="Nothing to send",
                severity="warning",
                markup=False,
            )
            return
        now = self.clock()
        if self.first_word_at is None and text.strip():
            self.first_word_at = now  # typed in one burst with the send: no note came between
        prompt = next(words for who, words in reversed(self.said) if who == "them")
        assert self.prompted_at is not None  # set with each turn
        self.taken.append(
            Taken(self.step, prompt, text, self.prompted_at, self.first_word_at, now, self.spoken)
        )
        self.said = (*self.said, ("you", text))
        if self.step == "question":
            # Said aloud with no gist typed: taken as the closing question itself (what a
            # person rehearsing it says), not as a question that asked nothing.
            asked = text if text.strip() else load_questions()[0].text
            self.reply = choose_reply(
                asked, tuple(self.cards.values()), self.attempts, self.profile, now,
                self.last_card_id, self.rng,
            )  # fmt: skip
            self.said = (*self.said, ("them", self.reply.text))
            self.step = "answer"
        elif self.step == "answer" and self.reply is not None and self.reply.probe:
            self.said = (*self.said, ("them", self.reply.probe))
            self.step = "probe"
        else:
            self._finish(now)
            return
        self._next_turn(now)

    def action_again(self) -> None:
        """Run another exchange."""
        self.begin()

    def action_back(self) -> None:
        """Back to Rehearse, asking first if what was typed (or timed aloud) would be lost."""
        turns = self._unsaved_turns()
        if not turns:
            self.dismiss()
            return
        from coach.screens.confirm import ConfirmScreen

        question = ConfirmScreen(
            "Leave this mock exchange?", not_saved(turns), yes="Leave", no="Keep going"
        )
        self.app.push_screen(question, self._leave_if)

    def _leave_if(self, leave: bool | None) -> None:
        # Returns nothing: Textual awaits what a callback returns, and awaiting this screen's
        # dismissal from its own box (where Escape ran, in order) would wait for ever.
        if leave:
            self.dismiss()

    def lost_on_quit(self) -> str | None:
        """What quitting now would lose, for the app's quit question; None if nothing."""
        turns = self._unsaved_turns()
        return not_saved(turns, " in the mock exchange") if turns else None

    def _unsaved_turns(self) -> list[tuple[TurnStep, bool]]:
        """The turns of an exchange not finished (each with whether text was typed): those
        sent, and the one under way once something is typed or timed. None once the debrief
        shows: the exchange is saved then."""
        if self.done:
            return []
        turns = [(taken.step, bool(taken.text.strip())) for taken in self.taken]
        typed = bool(self.query_one("#exchange-box", TextArea).text.strip())
        if typed or self.spoken is not None or self.speaking_since is not None:
            turns.append((self.step, typed))
        return turns

    # --- the end: saved, then the debrief -------------------------------------------------------

    def _finish(self, now: datetime) -> None:
        reply = self.reply
        assert reply is not None and self.started_at is not None  # the question came first
        card = self.cards.get(reply.card_id)
        recorded = [
            record_turn(taken, None if taken.step == "question" else card, self.profile)
            for taken in self.taken
        ]
        exchange = Exchange(
            started_at=self.started_at.isoformat(timespec="seconds"),
            reply_kind=reply.kind,
            reply=reply.text,
            turns=tuple(turn for turn, _ in recorded),
            card_id=reply.card_id,
            aloud=self.aloud,
        )
        attempts = [attempt for _, attempt in recorded]
        try:
            exchange = self.store.save_exchange(exchange, attempts)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            exchange = _numbered(exchange, attempts)  # the debrief still shows
        new = [
            replace(attempt, id=turn.attempt_id, exchange_id=exchange.id)
            for turn, attempt in zip(exchange.turns, attempts, strict=True)
            if attempt is not None
        ]
        self.attempts = (*self.attempts, *new)
        if exchange.id is not None:
            self.saved(new)
            scores = [str(t.score) for t in exchange.turns if t.score is not None]
            tell_saved(
                self,
                self.store,
                f"Exchange saved: {' · '.join(scores) or 'timed, no score'}.",
                title="Exchange saved",
                unkept="This exchange is kept only until coach closes",
            )
        self.last_card_id = reply.card_id or self.last_card_id
        self.review = debrief(exchange, self.attempts, tuple(self.cards.values()), now=now)
        self.done = True
        self.query_one("#exchange-debrief").focus()


def _numbered(exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
    """``exchange`` with its typed turns linked to ids no saved attempt has (negative), so an
    exchange that could not be saved still gets its debrief."""
    turns: list[Turn] = []
    for n, (turn, attempt) in enumerate(zip(exchange.turns, attempts, strict=True)):
        turns.append(replace(turn, attempt_id=None if attempt is None else -1 - n))
    return replace(exchange, turns=tuple(turns))
