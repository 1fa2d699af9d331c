"""The Rehearse screen: the evening before, practise asking the closing question and drafting
pitch responses to the feedback it may draw."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from coach.content import load_questions
from coach.storage import Store
from coach.widgets.empty_state import EmptyState

PURPOSE_WORDS = {
    "feedback": "receive feedback",
    "strengths": "highlight your strengths again",
    "competition": "understand the competition",
}


class RehearseScreen(Screen[None]):
    """Practise the closing question, then responses to hypothetical feedback."""

    TITLE = "Rehearse · the evening before the interview"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        canonical = load_questions()[0]
        attempts = self.store.attempts()
        yield Header()
        with Horizontal(id="rehearse-body"):
            with Vertical(id="cards", classes="sidebar"):
                yield Static("Feedback cards", classes="panel-title")
                yield EmptyState(
                    "No cards yet",
                    "Cards are answers an interviewer might give to your closing question. "
                    "Add your strengths and the job's requirements to get cards tailored "
                    "to you.",
                    id="cards-empty",
                )
            with VerticalScroll(id="rehearse-main"):
                yield Static("The closing question", classes="panel-title")
                yield Static(f"“{canonical.text}”", id="canonical-question")
                purposes = " · ".join(PURPOSE_WORDS[p] for p in canonical.purposes)
                yield Static(f"Asked to {purposes}.", id="question-purposes")
                if attempts:
                    yield Static(
                        f"{len(attempts)} saved attempt{'s' if len(attempts) != 1 else ''}.",
                        id="attempt-count",
                    )
                else:
                    yield EmptyState(
                        "Start here",
                        "1. Say the question aloud until it feels like yours.\n"
                        "2. Write your own phrasing and let the coach check it.\n"
                        "3. Pick a feedback card and draft the pitch you would give in "
                        "reply, skewed toward that feedback.\n"
                        "Repetition is the key: cards come back until they stick.",
                        id="rehearse-empty",
                    )
        yield Footer()
