"""Drafts (their own small file) and cards from real feedback."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from coach.domain import Attempt, FeedbackCard
from coach.domain.assessment import Check, Span
from coach.store import files
from coach.store.drafts import drafts_path
from coach.store.errors import StoreError
from coach.store.opening import open_store
from coach.store.store import Store


def test_drafts_round_trip_in_their_own_file(store: Store, db_path: Path) -> None:
    before = db_path.read_bytes()
    store.save_draft("closing-question", "How do I measure up?")
    store.save_draft("skills-gap-1", "That's fair…")
    assert db_path.read_bytes() == before, "typing never rewrites the main database"
    assert drafts_path(db_path).name == "coach.drafts.json"
    assert stat.S_IMODE(drafts_path(db_path).stat().st_mode) == 0o600
    assert open_store(db_path).store.drafts() == {
        "closing-question": "How do I measure up?",
        "skills-gap-1": "That's fair…",
    }
    store.save_draft("skills-gap-1", "")
    assert open_store(db_path).store.drafts() == {"closing-question": "How do I measure up?"}


def test_damaged_drafts_file_is_kept_aside(store: Store, db_path: Path) -> None:
    drafts_path(db_path).write_text("{ half")
    assert store.drafts() == {}
    store.save_draft("a", "b")
    copies = list(db_path.parent.glob("coach.drafts.json.corrupt-*"))
    assert copies and copies[0].read_text() == "{ half"
    assert store.drafts() == {"a": "b"}


def test_a_damaged_drafts_file_is_set_aside_once_however_often_it_is_read(
    store: Store, db_path: Path
) -> None:
    drafts_path(db_path).write_text("{ half")
    for _ in range(3):  # the theme, the screen, ... all read it at start
        assert store.drafts() == {}
    copies = list(db_path.parent.glob("coach.drafts.json.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_text() == "{ half"


def test_failed_draft_write_is_a_sentence(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "atomic_write", disk_full)
    with pytest.raises(StoreError, match="It is still on screen"):
        store.save_draft("a", "text")


def test_in_memory_drafts() -> None:
    store = Store.in_memory()
    store.save_draft("a", "x")
    store.save_draft("b", "y")
    store.save_draft("a", "")
    assert store.drafts() == {"b": "y"}


def test_attempt_checks_are_saved_without_spans(store: Store, db_path: Path) -> None:
    spans = (Span(0, 3, "but"),)
    check = Check("No defensive phrasing", False, "Drop it.", 0, 10, spans, "response.calm")
    store.add_attempt(Attempt(kind="response", text="but", card_id="c", score=40, checks=(check,)))
    (saved,) = open_store(db_path).store.attempts()
    assert saved.checks == (
        Check("No defensive phrasing", False, "Drop it.", 0, 10, id="response.calm"),
    )
    raw = json.loads(db_path.read_text())
    assert "spans" not in raw["attempts"]["1"]["checks"][0]


def test_checks_read_back_the_same_from_memory_as_from_the_file(store: Store) -> None:
    # The store keeps what it wrote: a tuple there once read back as no checks at all.
    check = Check("Open, not yes/no", True, "Good.", 15, 15, id="question.open")
    for kept in (store, Store.in_memory()):
        kept.add_attempt(Attempt(kind="question", text="How?", score=15, checks=(check,)))
        (saved,) = kept.attempts()
        assert saved.checks == (check,)


def test_a_hand_edited_score_that_is_not_a_number_reads_as_zero(db_path: Path) -> None:
    store = open_store(db_path).store
    store.add_attempt(Attempt(kind="question", text="How?", score=15))
    store.close()
    raw = json.loads(db_path.read_text())
    raw["attempts"]["1"]["score"] = "fifteen"
    raw["attempts"]["1"]["checks"] = [{"name": "x", "points": "many"}]
    db_path.write_text(json.dumps(raw))
    (saved,) = open_store(db_path).store.attempts()
    assert saved.score == 0 and saved.checks[0].points == 0


def test_heard_cards_are_saved_and_replaced_by_id(store: Store, db_path: Path) -> None:
    card = FeedbackCard("heard-3", "heard", "Too junior.", "seniority", ("senior",), source="heard")
    store.save_heard_card(card)
    store.save_heard_card(
        FeedbackCard(
            "heard-3", "heard", "Too junior for now.", "seniority", ("senior",), source="heard"
        )
    )
    (saved,) = open_store(db_path).store.heard_cards()
    assert saved.feedback == "Too junior for now." and saved.source == "heard"
    assert saved.terms == ("senior",)
