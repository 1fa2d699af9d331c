"""Mock exchanges in the Store: saved whole with their turns' attempts, read back forgivingly,
and files from before them migrated with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coach.domain import Attempt
from coach.domain.models import Exchange, Turn
from coach.store import exchanges, files, records, schema
from coach.store.errors import StoreError
from coach.store.lazy import LazyStore
from coach.store.opening import open_store
from coach.store.store import Store

WHEN = "2026-11-20T19:30:00+00:00"


def exchange(*, aloud: bool = False) -> Exchange:
    typed = None if aloud else 70
    return Exchange(
        started_at=WHEN,
        reply_kind="concern",
        reply="You haven't run dbt in production.",
        card_id="skills-gap-1",
        aloud=aloud,
        turns=(
            Turn("question", "Do you have any questions for me?", "closing", None, 1.5, 9.0, typed),
            Turn("answer", "You haven't run dbt...", "skills-gap-1", None, 2.0, 45.0, typed),
            Turn("probe", "But not in production?", "skills-gap-1", None, 1.0, 30.0, typed),
        ),
    )


def turn_attempts() -> list[Attempt]:
    return [
        Attempt(kind="question", text="How do I measure up?", card_id="closing", score=70),
        Attempt(kind="response", text="Fair: I ran it in staging", card_id="skills-gap-1"),
        Attempt(kind="response", text="Not yet, and here is how", card_id="skills-gap-1"),
    ]


def test_an_exchange_and_its_attempts_are_saved_together_and_survive_reopen(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    store.add_attempt(Attempt(kind="question", text="on its own"))
    saved = store.save_exchange(exchange(), turn_attempts())
    assert saved.id == 1
    assert [t.attempt_id for t in saved.turns] == [2, 3, 4]
    store.close()

    again = open_store(db_path).store
    assert again.exchanges() == [saved]
    attempts = again.attempts()
    assert [a.exchange_id for a in attempts] == [None, 1, 1, 1]
    assert [a.text for a in attempts[1:]] == [a.text for a in turn_attempts()]
    # An attempt of no exchange is stored as before the field existed.
    raw = json.loads(db_path.read_text())
    assert "exchange_id" not in raw["attempts"]["1"]
    assert raw["attempts"]["2"]["exchange_id"] == 1


def test_an_aloud_exchange_without_text_keeps_its_times_and_no_attempt(store: Store) -> None:
    saved = store.save_exchange(exchange(aloud=True), [])
    assert store.attempts() == []
    (read,) = store.exchanges()
    assert read == saved and read.aloud
    assert [(t.attempt_id, t.seconds, t.score) for t in read.turns] == [
        (None, 9.0, None),
        (None, 45.0, None),
        (None, 30.0, None),
    ]


def test_attempts_pair_one_per_turn_or_one_per_scored_turn(store: Store) -> None:
    only_answer = exchange(aloud=True)
    turns = list(only_answer.turns)
    turns[1] = Turn("answer", "reply", "skills-gap-1", score=55)
    gist = Attempt(kind="response", text="the gist", card_id="skills-gap-1", score=55)
    saved = store.save_exchange(Exchange(**{**vars(only_answer), "turns": tuple(turns)}), [gist])
    assert [t.attempt_id for t in saved.turns] == [None, 1, None]
    second = store.save_exchange(only_answer, [None, gist, None])
    assert [t.attempt_id for t in second.turns] == [None, 2, None]
    with pytest.raises(ValueError, match="one per turn"):
        store.save_exchange(only_answer, [gist, gist])
    assert len(store.exchanges()) == 2 and len(store.attempts()) == 2  # the mistake wrote nothing


def test_ids_follow_the_high_water_marks(store: Store) -> None:
    first = store.save_exchange(exchange(), turn_attempts())
    after = store.add_attempt(Attempt(kind="question", text="next"))
    second = store.save_exchange(exchange(), turn_attempts())
    assert (first.id, after.id, second.id) == (1, 4, 2)
    assert [t.attempt_id for t in second.turns] == [5, 6, 7]


def test_a_failed_save_writes_nothing(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(db_path).store
    store.add_attempt(Attempt(kind="question", text="kept"))
    before = db_path.read_bytes()

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "atomic_write", disk_full)
    with pytest.raises(StoreError, match="No space left"):
        store.save_exchange(exchange(), turn_attempts())
    monkeypatch.undo()
    assert db_path.read_bytes() == before
    # Nothing of it is read back either: the cache was not left half-changed.
    assert store.exchanges() == [] and len(store.attempts()) == 1
    assert store.save_exchange(exchange(), turn_attempts()).turns[0].attempt_id == 2


def test_the_lazy_store_forwards(db_path: Path) -> None:
    lazy = LazyStore(db_path)
    saved = lazy.save_exchange(exchange(), turn_attempts())
    assert lazy.exchanges() == [saved]
    lazy.close()


def test_a_turn_whose_attempt_is_gone_is_noted_not_a_crash(db_path: Path) -> None:
    store = open_store(db_path).store
    saved = store.save_exchange(exchange(), turn_attempts())
    store.close()
    raw = json.loads(db_path.read_text())
    del raw["attempts"]["3"]
    db_path.write_text(json.dumps(raw))
    (read,) = open_store(db_path).store.exchanges()
    assert read.problems == (exchanges.GONE,)
    assert read.turns == saved.turns  # the turn keeps its id; looking it up finds nothing


HOSTILE_DOCS: list[Any] = [
    "not an object",
    [],
    {"started_at": 12, "reply_kind": "rude", "reply": ["x"], "aloud": "yes", "card_id": None},
    {"started_at": "2026-11-20", "turns": "none"},
    {"started_at": "9999-99-99T00:00:00+00:00", "turns": [1, None, "x", []]},
    {
        "turns": [
            {
                "step": "monologue",
                "prompt": 5,
                "card_id": "x" * 100_000,
                "attempt_id": 0,
                "first_word_seconds": -1,
                "seconds": float("inf"),
                "score": 101,
            },
            {"attempt_id": True, "score": 1.5, "seconds": "9", "first_word_seconds": 10**400},
            {"attempt_id": 10**20, "prompt": "\udc80", "step": None},
        ]
    },
    {"reply": "Ev\x1b]0;PWNED\x07il", "turns": [{"prompt": "\x9b31m", "attempt_id": 99}]},
]


@pytest.mark.parametrize("doc", HOSTILE_DOCS)
def test_hostile_exchange_documents_read_with_problems_never_a_crash(doc: Any) -> None:
    read = exchanges.exchange_from(doc, 7, attempt_ids={1})
    assert read.id == 7 and read.problems
    assert read.reply_kind in exchanges.REPLY_KINDS
    for turn in read.turns:
        assert turn.step in exchanges.STEPS
        assert turn.score is None or 0 <= turn.score <= 100
        assert turn.attempt_id is None or schema.is_id(turn.attempt_id)
        assert isinstance(turn.prompt, str)  # kept as text; shown escaped (render.safe)


def test_hostile_documents_in_a_file_are_read_and_saving_still_works(db_path: Path) -> None:
    open_store(db_path).store.close()
    raw = json.loads(db_path.read_text())
    raw["exchanges"] = {
        str(n): doc for n, doc in enumerate(HOSTILE_DOCS, 1) if isinstance(doc, dict)
    }
    raw["exchanges"]["03"] = {"reply": "a second spelling of 3"}
    raw["attempts"] = {"1": {"kind": "question", "text": "x", "exchange_id": "one"}}
    db_path.write_text(json.dumps(raw))
    store = open_store(db_path).store
    read = store.exchanges()
    assert len(read) == len(raw["exchanges"]) - 1
    assert store.unread_documents() == {"exchanges": 1}
    (attempt,) = store.attempts()
    assert attempt.exchange_id is None and attempt.problems == ("exchange_id",)
    saved = store.save_exchange(exchange(), turn_attempts())
    assert saved.id == max(e.id or 0 for e in read) + 1  # above every id in the file


def test_exchange_id_is_read_only_when_it_is_an_id() -> None:
    assert records.attempt_from({"kind": "question", "exchange_id": 3}, 1).exchange_id == 3
    for bad in (0, -1, True, 2.0, "3", 10**15):
        read = records.attempt_from({"kind": "question", "exchange_id": bad}, 1)
        assert (read.exchange_id, read.problems) == (None, ("exchange_id",))


# A database as the release before exchanges (schema 2) wrote it: every kind of record.
RELEASE_2: dict[str, Any] = {
    "_meta": {"1": {"schema": 2, "last_ids": {"attempts": 3, "interviews": 1, "settings": 1}}},
    "profile": {"1": {"strengths": [{"text": "SQL", "evidence": "ten years"}],
                      "requirements": ["dbt"], "interview_date": "2026-11-21"}},
    "attempts": {
        "1": {"kind": "question", "text": "How do I measure up?", "card_id": "closing",
              "score": 80, "spoken_seconds": None, "created_at": WHEN,
              "checks": [{"id": "asks-fit", "name": "Asks about fit", "passed": True,
                          "tip": "", "points": 20, "max_points": 20}]},
        "3": {"kind": "response", "text": "Fair", "card_id": "skills-gap-1", "score": 40,
              "spoken_seconds": 33.0, "created_at": WHEN, "checks": []},
    },
    "interviews": {"1": {"company": "Acme", "role": "Data", "stage": "onsite",
                         "held_at": "2026-11-19", "signals": {}, "outcome": "",
                         "closing_answer": "", "timeline_date": "", "reply_date": ""}},
    "cards": {"1": {"id": "heard-1", "category": "heard", "feedback": "Too junior",
                    "concern": "", "terms": ["junior"], "hint": "", "source": "heard"}},
    "settings": {"1": {"key": "theme", "value": "nord"}},
}  # fmt: skip


def test_a_release_2_file_migrates_with_every_record_kept(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(json.dumps(RELEASE_2))
    opened = open_store(db_path)
    store = opened.store
    migrated = json.loads(db_path.read_text())
    assert schema.schema_of(migrated) == schema.SCHEMA_VERSION == 4
    for table in ("profile", "attempts", "cards", "settings"):
        assert migrated[table] == RELEASE_2[table], table
    # Schema 4 (applications): the interview only gains its application.
    assert migrated["interviews"] == {"1": {**RELEASE_2["interviews"]["1"], "application_id": 1}}
    assert migrated["exchanges"] == {}
    assert migrated["_meta"]["1"]["last_ids"] == {
        **RELEASE_2["_meta"]["1"]["last_ids"],
        "applications": 1,
    }
    assert [a.id for a in store.attempts()] == [1, 3]
    assert all(not a.problems and a.exchange_id is None for a in store.attempts())
    assert store.exchanges() == []
    assert any(".schema2-" in p.name for p in db_path.parent.iterdir()), "a copy kept first"
    assert store.add_attempt(Attempt(kind="question", text="new")).id == 4
