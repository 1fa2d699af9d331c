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
something was typed or timed aloud (``lost_on_quit``). An exchange the store refused at the
end is kept (``unsaved``): its debrief says so, Ctrl+S writes it again, and leaving it, quitting
or starting another asks first.

The box and the clock sit under the conversation, outside its scroll: however long the talk
or the answer, both stay on screen, and only the conversation (kept at its end) scrolls.
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
from textual.containers import Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static, TextArea

from coach.content.loader import load_questions
from coach.domain.exchange import Reply, choose_reply
from coach.domain.exchange_debrief import Debrief, debrief
from coach.domain.exchange_turns import ASK, Taken
from coach.domain.models import Attempt, Profile, TurnStep
from coach.render.exchange_view import debrief_view, not_saved, transcript
from coach.render.safe import user_text
from coach.screens import Clock
from coach.screens.exchange_keys import EXCHANGE_KEYS
from coach.screens.exchange_record import LOST, NOT_SAVED, Finished, finished, linked, numbered
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
    unsaved: var[Finished | None] = var(None)
    """The finished exchange the store refused, kept to save again; None once saved."""

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
        with Vertical(id="exchange-turn"):
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
        yield Static(id="exchange-unsaved")
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
        # Kept at its end as it grows (and as the box under it grows): the line to answer
        # shows, unless the user scrolls up to read back.
        self.query_one("#exchange-body").anchor()
        self.begin()

    def begin(self) -> None:
        """A new exchange: the interviewer's turn, and the clock."""
        self.reply, self.taken = None, []
        self.started_at = self.clock()
        self.said = (("them", ASK),)
        self.step, self.done, self.review, self.unsaved = "question", False, None, None
        self._next_turn(self.started_at)

    def _next_turn(self, now: datetime) -> None:
        self.prompted_at, self.first_word_at = now, None
        self.speaking_since, self.spoken = None, None
        box = self.query_one("#exchange-box", TextArea)
        box.clear()
        box.focus()
        # The line to answer ends the conversation: back to it, once the new lines are laid
        # out (scroll_end waits for the refresh), even if the user had scrolled up.
        self.query_one("#exchange-body").scroll_end(animate=False)

    def watch_done(self, done: bool) -> None:
        self.query_one("#exchange-body").display = not done
        self.query_one("#exchange-turn").display = not done
        self.query_one("#exchange-debrief").display = done
        self.refresh_bindings()

    def watch_unsaved(self, unsaved: Finished | None) -> None:
        line = self.query_one("#exchange-unsaved", Static)
        line.display = unsaved is not None
        if unsaved is not None:  # the reason may hold a path: shown as data
            line.update(user_text(NOT_SAVED.format(reason=unsaved.reason.rstrip("."))))
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
        if action == "save_again":
            return self.done and self.unsaved is not None
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

    def action_save_again(self) -> None:
        """Write the exchange the store refused again, as it was."""
        if self.unsaved is not None:
            self._save(self.unsaved)

    def action_again(self) -> None:
        """Run another exchange, asking first if the last one is not saved."""
        if self.unsaved is None:
            self.begin()
            return
        from coach.screens.confirm import ConfirmScreen

        question = ConfirmScreen("Start another exchange?", LOST, yes="Start", no="Keep it")
        self.app.push_screen(question, self._again_if)

    def _again_if(self, again: bool | None) -> None:
        if again:
            self.begin()

    def action_back(self) -> None:
        """Back to Rehearse, asking first if what was typed (or timed aloud) would be lost."""
        lost = LOST if self.unsaved is not None else None
        turns = self._unsaved_turns()
        if turns:
            lost = not_saved(turns)
        if lost is None:
            self.dismiss()
            return
        from coach.screens.confirm import ConfirmScreen

        keep = "Keep it" if self.done else "Keep going"
        question = ConfirmScreen("Leave this mock exchange?", lost, yes="Leave", no=keep)
        self.app.push_screen(question, self._leave_if)

    def _leave_if(self, leave: bool | None) -> None:
        # Returns nothing: Textual awaits what a callback returns, and awaiting this screen's
        # dismissal from its own box (where Escape ran, in order) would wait for ever.
        if leave:
            self.dismiss()

    def lost_on_quit(self) -> str | None:
        """What quitting now would lose, for the app's quit question; None if nothing."""
        if self.unsaved is not None:
            return LOST
        turns = self._unsaved_turns()
        return not_saved(turns, " in the mock exchange") if turns else None

    def _unsaved_turns(self) -> list[tuple[TurnStep, bool]]:
        """The turns of an exchange not finished (each with whether text was typed): those
        sent, and the one under way once something is typed or timed. None once the debrief
        shows: the exchange is saved then (or kept in ``unsaved``)."""
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
        ended = finished(
            reply, self.started_at, self.taken, self.cards, self.profile,
            aloud=self.aloud, ended_at=now,
        )  # fmt: skip
        self._save(ended)
        self.query_one("#exchange-debrief").focus()

    def _save(self, ended: Finished) -> None:
        """Save ``ended`` and show its debrief; if the store refuses it, keep it to save again
        (Ctrl+S) and show the debrief anyway, marked not saved."""
        cards = tuple(self.cards.values())
        try:
            exchange = self.store.save_exchange(ended.exchange, ended.attempts)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=12, markup=False)
            shown = numbered(ended.exchange, ended.attempts)
            # Its attempts show in the debrief only: the best earlier answer and the replies
            # chosen later count saved attempts, never these.
            typed = linked(shown, ended.attempts)
            self.unsaved = replace(ended, reason=str(error))
            self.review = debrief(shown, (*self.attempts, *typed), cards, now=ended.ended_at)
            self.done = True
            return
        new = linked(exchange, ended.attempts)
        self.attempts = (*self.attempts, *new)
        self.unsaved = None
        self.saved(new)
        scores = [str(t.score) for t in exchange.turns if t.score is not None]
        tell_saved(
            self,
            self.store,
            f"Exchange saved: {' · '.join(scores) or 'timed, no score'}.",
            title="Exchange saved",
            unkept="This exchange is kept only until coach closes",
        )
        self.last_card_id = exchange.card_id or self.last_card_id
        self.review = debrief(exchange, self.attempts, cards, now=ended.ended_at)
        self.done = True
