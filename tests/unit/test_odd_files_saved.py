"""A database edited by hand is read forgivingly, and saving to it afterwards works, changes
only what is saved, and never hides or loses a record (review of issue 11's slices).

A lone surrogate escape anywhere in the file (every save crashed); records under padded keys
("01"); ids from a drafts file or a caller that coach never hands out; a number too long for
Python (the whole file was set aside as corrupt); copies of a newer coach's file at every run.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from coach.domain.interview_form import parse_form
from coach.domain.models import Attempt, Interview
from coach.store import files, schema
from coach.store.errors import StoreError
from coach.store.opening import open_store

META = {"_meta": {"1": {"schema": 1}}}
ATTEMPT = {
    "kind": "question",
    "text": "How do I measure up?",
    "card_id": "closing-question",
    "score": 50,
    "created_at": "2026-01-05T10:00:00+00:00",
    "checks": [],
}
INTERVIEW = {"company": "ZeroOne", "role": "Dev", "held_at": "2026-01-05", "signals": {}}
NEW = Attempt(kind="question", text="new", created_at="2026-02-01T00:00:00+00:00")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def doc_text(doc: dict[str, Any]) -> str:
    return json.dumps(doc)


# --- 1. a lone surrogate escape ------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        '"text":"a\\ud800b"',  # in a value
        '"\\udc00x":1,"text":"t"',  # in a key of a document
    ],
)
def test_a_lone_surrogate_in_the_file_does_not_stop_saves_and_is_written_back_as_read(
    db_path: Path, where: str
) -> None:
    body = doc_text(ATTEMPT)[1:-1].replace('"text": "How do I measure up?"', where)
    write(db_path, '{"_meta":{"1":{"schema":1}},"attempts":{"1":{' + body + "}}}")
    opened = open_store(db_path)
    assert opened.problem is None
    [read] = opened.store.attempts()
    saved = opened.store.add_attempt(NEW)  # raised UnicodeEncodeError
    assert saved.id == 2
    data = db_path.read_bytes()
    data.decode("utf-8")  # the file is still UTF-8
    raw = json.loads(data)
    # The untouched record holds the very same value (the escape written back, not replaced).
    assert raw["attempts"]["1"] == json.loads("{" + body + "}")
    assert [a.id for a in open_store(db_path).store.attempts()] == [1, 2]
    assert open_store(db_path).store.attempts()[0] == read


def test_a_schema_0_file_with_a_lone_surrogate_is_migrated(db_path: Path) -> None:
    write(db_path, '{"attempts":{"1":{"text":"a\\ud800b","kind":"question"}}}')
    opened = open_store(db_path)  # the migration's write raised UnicodeEncodeError
    assert opened.problem is None
    assert json.loads(db_path.read_bytes())["attempts"]["1"]["text"] == "a\ud800b"


def test_a_text_that_is_not_valid_unicode_is_refused_by_the_form() -> None:
    values = {"company": "Acme\ud800", "date": "2026-01-05"}
    result = parse_form(values, datetime(2026, 1, 6).date())
    assert "not valid Unicode" in result.errors["company"]


def test_an_encoding_error_while_saving_is_a_sentence_not_a_crash(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path).store
    before = db_path.read_bytes()

    def broken(value: object) -> str:
        "\ud800".encode()
        return ""

    from coach.store import json_storage

    monkeypatch.setattr(json_storage, "dump", broken)
    with pytest.raises(StoreError, match="not valid Unicode"):
        store.add_attempt(NEW)
    assert db_path.read_bytes() == before


# --- 2. ids coach never hands out -----------------------------------------------------------------


@pytest.mark.parametrize("bad", [-1, 0, True, 10**15, 10**20, 2.0, "3"])
def test_a_record_is_never_saved_under_an_id_coach_does_not_hand_out(
    db_path: Path, bad: Any
) -> None:
    store = open_store(db_path).store
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not an id coach gives"):
        store.save_interview(Interview(company="Globex", role="Analyst", id=bad))
    assert db_path.read_bytes() == before
    assert open_store(db_path).problem is None


def test_a_record_saved_above_the_mark_raises_it_so_no_new_record_overwrites_it(
    db_path: Path,
) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="First", role="r"))
    store.save_interview(Interview(company="Restored draft", role="r", id=3))
    new = [store.save_interview(Interview(company=f"New {n}", role="r")) for n in range(3)]
    assert [i.id for i in new] == [4, 5, 6]
    by_id = {i.id: i.company for i in open_store(db_path).store.interviews()}
    assert by_id == {1: "First", 3: "Restored draft", 4: "New 0", 5: "New 1", 6: "New 2"}


def test_a_new_record_is_never_given_an_id_too_long_to_be_read(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="Last", role="r", id=10**15 - 1))
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="used every id"):
        store.save_interview(Interview(company="One too many", role="r"))
    assert db_path.read_bytes() == before


# --- 4. padded keys -------------------------------------------------------------------------------


def lone_padded(db_path: Path) -> Path:
    return write(db_path, json.dumps({**META, "interviews": {"01": INTERVIEW}}))


def test_a_lone_padded_key_is_edited_in_place(db_path: Path) -> None:
    store = open_store(lone_padded(db_path)).store
    [read] = store.interviews()
    assert read.id == 1 and read.problems == ()
    store.save_interview(replace(read, company="Edited"))
    raw = json.loads(db_path.read_bytes())
    assert list(raw["interviews"]) == ["01"]  # no "1" written beside it
    [again] = open_store(db_path).store.interviews()
    assert (again.id, again.company, again.problems) == (1, "Edited", ())


def test_a_lone_padded_key_can_be_deleted(db_path: Path) -> None:
    store = open_store(lone_padded(db_path)).store
    assert store.delete_interview(1) is True
    assert store.interviews() == []
    assert json.loads(db_path.read_bytes())["interviews"] == {}
    before = db_path.read_bytes()
    assert store.delete_interview(1) is False  # already gone: nothing written
    assert db_path.read_bytes() == before


def test_a_new_record_never_takes_the_id_of_a_padded_key(db_path: Path) -> None:
    write(db_path, json.dumps({**META, "interviews": {"01": INTERVIEW, "002": INTERVIEW}}))
    store = open_store(db_path).store
    new = store.save_interview(Interview(company="New", role="r"))
    assert new.id == 3
    assert [i.id for i in open_store(db_path).store.interviews()] == [1, 2, 3]


def test_documents_that_are_not_read_are_counted(db_path: Path) -> None:
    docs = {"1": INTERVIEW, "01": INTERVIEW, "0": INTERVIEW, "9" * 20: INTERVIEW}
    write(db_path, json.dumps({**META, "interviews": docs, "attempts": {"1": ATTEMPT}}))
    store = open_store(db_path).store
    assert [i.id for i in store.interviews()] == [1]
    assert store.unread_documents() == {"interviews": 3}


def test_rows_read_every_spelling_of_an_id_once() -> None:
    docs: dict[str, dict[str, Any]] = {"01": {"a": 1}, "1": {"b": 2}, "002": {"c": 3}, "0": {}}
    assert schema.rows(docs) == [(1, "1", {"b": 2}, True), (2, "002", {"c": 3}, False)]
    assert schema.key_of(docs, 2) == "002"
    assert schema.key_of(docs, 1) == "1"
    assert schema.key_of(docs, 7) == "7"
    assert schema.hidden(docs) == 2


# --- 10. what the file keeps ----------------------------------------------------------------------


def test_a_number_too_long_for_python_is_read_as_missing_not_a_corrupt_file(
    db_path: Path,
) -> None:
    doc = doc_text(ATTEMPT).replace('"score": 50', '"score": ' + "9" * 5000)
    write(db_path, '{"_meta":{"1":{"schema":1}},"attempts":{"1":' + doc + "}}")
    opened = open_store(db_path)
    assert opened.problem is None  # was: the whole file set aside as corrupt
    [read] = opened.store.attempts()
    assert read.problems == ("score",) and read.text == ATTEMPT["text"]
    opened.store.add_attempt(NEW)
    assert len(open_store(db_path).store.attempts()) == 2


def test_a_long_number_in_a_text_field_is_no_text() -> None:
    from coach.store import records
    from coach.store.json_storage import LongNumber

    read = records.attempt_from({**ATTEMPT, "text": LongNumber("9" * 5000)}, 1)
    assert read.problems == ("text",) and read.text == ""


# --- 12. copies of a file coach leaves alone ------------------------------------------------------


def test_a_newer_coachs_file_is_copied_once_however_often_it_is_opened(db_path: Path) -> None:
    NEWER = schema.SCHEMA_VERSION + 1
    write(db_path, json.dumps({"_meta": {"1": {"schema": NEWER}}}))
    kept = [open_store(db_path).kept_copy for _ in range(4)]
    copies = sorted(p.name for p in db_path.parent.iterdir() if f".schema{NEWER}-" in p.name)
    assert len(copies) == 1 and {k.name for k in kept if k} == set(copies)
    # A changed file is copied again: each distinct content is kept.
    write(db_path, json.dumps({"_meta": {"1": {"schema": NEWER}}, "x": {}}))
    open_store(db_path)
    assert len([p for p in db_path.parent.iterdir() if f".schema{NEWER}-" in p.name]) == 2


def test_keep_copy_compares_with_the_newest_copy_of_its_reason(tmp_path: Path) -> None:
    target = tmp_path / "coach.json"
    now = datetime(2026, 11, 21, 20, 47, 0, tzinfo=UTC)
    target.write_text("first")
    one = files.keep_copy(target, "corrupt", now)
    assert files.keep_copy(target, "corrupt", now) == one
    assert files.keep_copy(target, "other", now) != one  # another reason: its own copy
    target.write_text("second")
    two = files.keep_copy(target, "corrupt", now)
    target.write_text("first")
    three = files.keep_copy(target, "corrupt", now)  # not the newest: copied again
    assert len({one, two, three}) == 3
