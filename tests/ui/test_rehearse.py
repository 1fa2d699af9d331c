"""The Rehearse screen driven like a user: type, get coached, save, come back tomorrow."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TextArea

from coach.app import CoachApp
from coach.domain import FeedbackCard
from coach.domain.cards import QUESTION_CARD_ID
from coach.screens.confirm import ConfirmScreen
from coach.screens.profile import ProfileScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.drafts import drafts_path
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.debounce import Delays
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.toasts import toasts

SIZE = (120, 36)
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=1)))
QUESTION = (
    "Now that we've had a chance to talk, how does my background measure up to the "
    "requirements of the job? To the other candidates?"
)


def app_on(store: Store, when: datetime = NOON) -> CoachApp:
    # No pause before coaching or autosaving: tests wait for what they do, not for the clock.
    return CoachApp(store, clock=lambda: when, delays=Delays.none())


async def loaded(pilot: Pilot[None]) -> None:
    """Wait, as a person would, for the card list and panels that arrive after the first frame."""
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "ready", False), "the card list")


def coaching_text(app: App[None]) -> str:
    """What the coaching panel says ("" until it is there, just after the first frame)."""
    panels = app.screen.query("#coach-panel")
    return text_of(panels.first(Static)) if panels else ""


async def coached(pilot: Pilot[None], words: str) -> None:
    """Wait, as a person would, for the coaching panel to say ``words``."""
    await wait_until(pilot, lambda: words in coaching_text(pilot.app), f"coaching: {words}")


async def test_type_a_question_see_coaching_and_save_it(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen) and screen.card_id == QUESTION_CARD_ID
        await pilot.press(*"So, did I get the job?")
        await coached(pilot, "✗ Open, not yes/no")
        await pilot.press("ctrl+a", "backspace")  # select all and delete, as a user would
        await paste(pilot, QUESTION)
        await coached(pilot, "100/100")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: any("Saved: 100/100" in m for _, m in toasts(app)), "the toast"
        )
    (attempt,) = open_store(db_path).store.attempts()
    assert attempt.kind == "question"
    assert attempt.card_id == QUESTION_CARD_ID
    assert attempt.text == QUESTION
    assert attempt.score == 100
    assert attempt.created_at == "2026-11-20T12:00:00+01:00"
    assert {c.name for c in attempt.checks} >= {"Open, not yes/no", "Courteous transition"}
    assert all(c.passed for c in attempt.checks)


async def test_a_response_draft_survives_a_restart_and_an_attempt_shows_in_history(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        await pilot.press("ctrl+n")  # the closing question is due, but we move on from it
        card_id = screen.card_id
        assert card_id != QUESTION_CARD_ID
        await paste(pilot, "That's fair. I led a team of 7 through a migration, 5% under budget.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*" I would bring that")

        def kept() -> str:
            path = drafts_path(db_path)
            return str(json.loads(path.read_text()).get(card_id, "")) if path.exists() else ""

        await wait_until(pilot, lambda: kept().endswith("I would bring that"), "the autosave")
        await pilot.press("ctrl+q")  # the draft is kept: nothing to ask
    assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)
    store.close()

    again = app_on(open_store(db_path).store)
    async with again.run_test(size=SIZE) as pilot:
        screen = again.screen
        assert isinstance(screen, RehearseScreen)
        assert screen.card_id == card_id, "reopens on the card last worked on"
        draft = screen.query_one("#draft", TextArea).text
        assert draft.endswith("5% under budget. I would bring that")
        history = text_of(screen.query_one("#history-text", Static))
        assert "1 attempt" in history and "best" in history
        await pilot.press("ctrl+q")


async def test_switching_screens_keeps_the_draft_without_asking(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(*"How do I compare?")
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, RateScreen), "the Rate screen")
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        assert app.screen.query_one("#draft", TextArea).text == "How do I compare?"
        await pilot.press("ctrl+q")  # kept in the drafts file: quitting loses nothing
    assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)


async def test_quitting_asks_only_when_the_draft_would_be_lost() -> None:
    app = app_on(Store.in_memory("a temporary database"))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(*"How do I compare?")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        message = text_of(app.screen.query_one("#confirm-message", Static))
        assert "not kept after coach closes: a temporary database" in message
        await pilot.press("n")
        assert isinstance(app.screen, RehearseScreen)


async def test_empty_save_says_so_and_saves_nothing(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        status = text_of(app.screen.query_one("#draft-status", Static))
        assert "Nothing to save yet" in status
    assert store.attempts() == []


async def test_stopwatch_time_is_saved_with_the_attempt(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await paste(pilot, QUESTION)
        status_line = app.screen.query_one("#draft-status", Static)

        def counting() -> bool:
            shown = text_of(status_line)
            return "ctrl+t to stop" in shown and "⏱  0.0 s" not in shown

        await wait_until(pilot, counting, "the stopwatch to count")
        await pilot.press("ctrl+t")
        status = text_of(status_line)
        assert "said in" in status
        await pilot.press("ctrl+s")
    (attempt,) = store.attempts()
    assert attempt.spoken_seconds is not None and attempt.spoken_seconds > 0


async def test_defensive_phrase_is_highlighted_in_the_panel(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press(*"Thanks, but actually I disagree with that.")
        await coached(pilot, "In your words")
        panel = coaching_text(app)
        assert "In your words" in panel
        assert "but actually" in panel and "✗ No defensive phrasing" in panel


async def test_profile_makes_tailored_cards(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"SQL dashboards: 12 managers use them weekly")
        await pilot.press("tab")
        await pilot.press(*"- Experience with Kubernetes")
        await pilot.press("enter")
        await pilot.press(*"- SQL reporting")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RehearseScreen)
        cards = app.screen.query_one("#card-list", OptionList)
        labels = [str(cards.get_option_at_index(i).prompt) for i in range(cards.option_count)]
        ids = [cards.get_option_at_index(i).id or "" for i in range(cards.option_count)]
        assert "For your profile" in labels
        assert any(i.startswith("req-experience-with-kubernetes") for i in ids)
        assert not any(i.startswith("req-sql-reporting") for i in ids), "covered by a strength"
    profile = store.profile()
    assert profile.strengths[0].text == "SQL dashboards"
    assert profile.strengths[0].evidence == "12 managers use them weekly"
    assert profile.requirements == ("Experience with Kubernetes", "SQL reporting")


async def test_profile_line_without_a_strength_is_refused_at_the_field(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.press(*": 40% faster")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfileScreen), "not saved, not closed"
        error = text_of(app.screen.query_one("#strengths-error", Static))
        assert "Line 1 has evidence but no strength" in error
    assert store.profile().strengths == ()


async def test_heard_feedback_becomes_a_card(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_heard_card(
        FeedbackCard(
            "heard-1",
            "heard",
            "We need someone who has run a team.",
            "what you heard",
            ("team", "lead"),
            source="heard",
        )
    )
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        cards = app.screen.query_one("#card-list", OptionList)
        cards.focus()
        # The cursor skips group headings; put it on the card as a click would, then pick it.
        cards.highlighted = cards.get_option_index("heard-1")
        await pilot.press("enter")
        assert isinstance(app.screen, RehearseScreen) and app.screen.card_id == "heard-1"
        prompt = text_of(app.screen.query_one("#prompt", Static))
        assert "We need someone who has run a team." in prompt


async def test_feedback_heard_in_an_interview_is_recorded_as_a_card(db_path: Path) -> None:
    from coach.screens.heard import HeardScreen

    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, HeardScreen)
        await pilot.press(*"Too new")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, HeardScreen), "two words are not enough to rehearse"
        assert "in a few words at least" in text_of(app.screen.query_one("#heard-error", Static))
        await paste(pilot, " to people management for this team.")
        await pilot.press("tab", *"Acme", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RehearseScreen)
        assert app.screen.card_id == "heard-20261120-120000"
        prompt = text_of(app.screen.query_one("#prompt", Static))
        assert "Too new to people management for this team." in prompt
    (card,) = store.heard_cards()
    assert card.concern == "what you heard at Acme"


async def test_covering_the_open_tailored_card_does_not_break_the_screen(db_path: Path) -> None:
    from coach.domain import Profile

    store = open_store(db_path).store
    store.save_profile(Profile(requirements=("Experience with Kubernetes",)))
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        tailored = next(c for c in screen.cards.values() if c.source == "tailored")
        screen.select_card(tailored.id)
        await pilot.press("ctrl+o")
        await pilot.press(*"Kubernetes: ran 3 clusters", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RehearseScreen)
        assert screen.card_id == QUESTION_CARD_ID
        await pilot.press(*"How")
        await coached(pilot, "✗")


async def test_quitting_from_the_profile_editor_with_edits_asks(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"SQL")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        message = text_of(app.screen.query_one("#confirm-message", Static))
        assert "profile are not saved" in message
        await pilot.press("n")
        assert isinstance(app.screen, ProfileScreen)


async def test_reopens_on_the_last_card_even_without_a_saved_attempt(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"Draft only")
        card_id = app.screen.card_id  # type: ignore[attr-defined]
        await pilot.press("ctrl+q", "y")
    again = app_on(open_store(db_path).store)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, RehearseScreen) and screen.card_id == card_id
        assert screen.query_one("#draft", TextArea).text == "Draft only"


async def test_a_last_card_that_is_gone_falls_back_to_the_question_and_its_draft(
    db_path: Path,
) -> None:
    # The tailored card last worked on went away (a strength now covers it): the question,
    # its saved draft and its prompt come back, and typing does not wipe that draft.
    from coach.store.lazy import LazyStore

    store = open_store(db_path).store
    store.save_draft("closing-question", "My long draft of the question")
    store.save_draft("rehearse.card", "req-gone-1234abcd")
    store.close()
    app = CoachApp(LazyStore(db_path), clock=lambda: NOON)  # as the coach command starts
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, RehearseScreen) and screen.card_id == QUESTION_CARD_ID
        assert screen.query_one("#draft", TextArea).text == "My long draft of the question"
        assert "Ask the closing question" in text_of(screen.query_one("#prompt", Static))
    drafts = open_store(db_path).store.drafts()
    assert drafts["closing-question"] == "My long draft of the question"
    assert drafts.get("rehearse.card", QUESTION_CARD_ID) == QUESTION_CARD_ID
