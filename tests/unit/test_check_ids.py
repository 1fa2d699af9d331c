"""Stable check ids (issue 12, point 6): saved with each attempt's checks, carried by the
export, checked on import, and given to the history saved before them (schema 1 -> 2)."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from coach.content import check_ids
from coach.content.loader import ContentError
from coach.domain.assessment import Check
from coach.domain.closing import assess_closing_question
from coach.domain.models import Attempt
from coach.domain.pitch import assess_pitch
from coach.exports import backup
from coach.exports.backup import BackupError, Bundle, export_doc, read_export
from coach.store import opening, records, schema
from coach.store.opening import open_store
from coach.store.store import Store
from tests import hostile

NAMED: dict[str, Any] = {
    "name": "Acknowledges the feedback",
    "passed": True,
    "tip": "Good.",
    "points": 10,
    "max_points": 10,
}
RENAMED = {"name": "Says thank you first", "passed": False, "tip": "", "points": 0}
"""A name no coach ever gave (say, one edited by hand): it migrates to a legacy id."""


FIRST = {
    "kind": "response",
    "text": "That's fair. I led a team of seven.",
    "card_id": "skills-gap-1",
    "score": 70,
    "spoken_seconds": 12.5,
    "created_at": "2026-11-20T19:30:00+01:00",
    "checks": [NAMED, {**NAMED, "name": "Open, not yes/no"}, RENAMED],
}
"""An attempt as coach saved it before check ids."""


def schema1_file(path: Path) -> bytes:
    """A database as coach wrote it before check ids, with odd checks among the usual."""
    raw = {
        "_meta": {"1": {"schema": 1, "last_ids": {"attempts": 3}}},
        "attempts": {
            "1": FIRST,
            "2": {"kind": "question", "text": "How?", "checks": None},
            "3": {"kind": "question", "text": "Why?", "checks": [7, {"name": 5}]},
        },
        "interviews": {"1": {"company": "Acme"}},
        "settings": {"1": {"key": "theme", "value": "dark"}},
    }
    data = json.dumps(raw, indent=1).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def test_a_schema1_file_is_migrated_and_a_copy_kept_byte_for_byte(db_path: Path) -> None:
    original = schema1_file(db_path)
    before = json.loads(original)
    opened = open_store(db_path)
    assert opened.problem is None and opened.store.persistent
    assert opened.kept_copy is not None and opened.kept_copy.name.startswith("coach.json.schema1-")
    assert opened.kept_copy.read_bytes() == original

    after = json.loads(db_path.read_text())
    assert schema.schema_of(after) == schema.SCHEMA_VERSION
    checks = after["attempts"]["1"]["checks"]
    assert [c["id"] for c in checks] == [
        "response.acknowledges",
        "question.open",
        "legacy.says-thank-you-first",
    ]
    # The names (the wording at the time) stay; nothing else changes.
    assert [{k: v for k, v in c.items() if k != "id"} for c in checks] == before["attempts"]["1"][
        "checks"
    ]
    assert {k: v for k, v in after["attempts"]["1"].items() if k != "checks"} == {
        k: v for k, v in before["attempts"]["1"].items() if k != "checks"
    }
    # What is not a list of named checks is left for the reader to judge.
    assert after["attempts"]["2"] == before["attempts"]["2"]
    assert after["attempts"]["3"] == before["attempts"]["3"]
    assert after["settings"] == before["settings"]
    # Schema 4: the interview gains only its application.
    assert after["interviews"] == {"1": {**before["interviews"]["1"], "application_id": 1}}
    assert after["_meta"]["1"]["last_ids"] == {"attempts": 3, "applications": 1}

    (first, *_) = opened.store.attempts()
    assert [(c.id, c.name) for c in first.checks] == [
        ("response.acknowledges", "Acknowledges the feedback"),
        ("question.open", "Open, not yes/no"),
        ("legacy.says-thank-you-first", "Says thank you first"),
    ]
    opened.store.close()


def test_a_schema2_file_round_trips_and_is_not_rewritten(db_path: Path) -> None:
    store = open_store(db_path).store
    checks = (
        Check("Acknowledges the feedback", True, "Good.", 10, 10, id="response.acknowledges"),
        Check("A wording of tomorrow", False, "Do it.", 0, 15, id="response.cites-strength"),
    )
    store.add_attempt(Attempt(kind="response", text="Fair.", card_id="c", score=10, checks=checks))
    store.close()
    data = db_path.read_bytes()
    opened = open_store(db_path)
    assert opened.kept_copy is None
    (saved,) = opened.store.attempts()
    assert saved.checks == checks  # the id is what was saved, whatever the name says
    opened.store.close()
    assert db_path.read_bytes() == data
    assert list(db_path.parent.glob("coach.json.schema*")) == []


def test_a_check_without_an_id_is_saved_with_the_id_of_its_name(store: Store) -> None:
    # A check made without an id (a script's, or an older assessor's) is saved with its name's.
    assessed = assess_closing_question("Now that we've talked, how do I compare?")
    assessed = replace(assessed, checks=tuple(replace(c, id="") for c in assessed.checks))
    store.add_attempt(Attempt(kind="question", text="x", checks=assessed.checks))
    (saved,) = store.attempts()
    table = check_ids.table()
    assert [c.id for c in saved.checks] == [table[c.name] for c in assessed.checks]


def test_the_reader_gives_an_id_to_a_hand_edited_check_and_flags_a_bad_one() -> None:
    doc = {"kind": "question", "checks": [NAMED, {**NAMED, "id": "Not an id!"}, RENAMED]}
    attempt = records.attempt_from(doc, 1)
    assert [c.id for c in attempt.checks] == [
        "response.acknowledges",
        "response.acknowledges",
        "legacy.says-thank-you-first",
    ]
    assert attempt.problems == ("checks.id",)
    written = records.doc_of(attempt)
    assert [c["id"] for c in written["checks"]] == [c.id for c in attempt.checks]


def test_every_check_name_the_assessors_give_has_its_id_in_the_table() -> None:
    # When a check is renamed or added, its name goes into data/check_ids.json with its id:
    # then a database saved before the change migrates to the same ids.
    table = check_ids.table()
    results = [
        assess_closing_question(text)
        for text in ("", "So, did I get the job?", "Now that we've talked, how do I compare?")
    ] + [
        assess_pitch(text, "We need more SQL.")
        for text in ("", "That's fair. I wrote SQL for 3 years; I'd bring it to your team.")
    ]
    for result in results:
        for check in result.checks:
            assert check.name in table, check.name
            assert check.id in ("", table[check.name]), check.name


def test_the_table_gives_valid_ids_and_unknown_names_a_legacy_one() -> None:
    table = check_ids.table()
    assert len(table) >= 16 and all(check_ids.is_id(i) for i in table.values())
    assert check_ids.id_for("Crisp, without filler") == "question.no-filler"
    assert check_ids.id_for("Évite les « euh »!") == "legacy.evite-les-euh"
    assert check_ids.id_for("") == "legacy.unnamed"
    assert check_ids.is_id(check_ids.id_for("x" * 500))


def test_a_broken_table_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "check_ids.json").write_text('{"names": {"Open": "Not An Id"}}')
    with pytest.raises(ContentError, match=r"check_ids\.json, name 'Open'"):
        check_ids.table(tmp_path)


def test_an_unreadable_table_leaves_an_old_file_untouched(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> dict[str, str]:
        raise ContentError("check_ids.json is missing: reinstall coach")

    monkeypatch.setattr(check_ids, "table", broken)
    original = schema1_file(db_path)
    opened = open_store(db_path)
    assert not opened.store.persistent
    assert "could not be brought up to date: check_ids.json is missing" in (opened.problem or "")
    assert db_path.read_bytes() == original
    assert opened.kept_copy is not None and opened.kept_copy.read_bytes() == original


def test_a_file_that_cannot_be_written_is_shown_migrated(db_path: Path) -> None:
    # A read-only folder (see test_storage_permissions): the data is shown, in memory only.
    schema1_file(db_path)
    shown = opening._read_only_copy(db_path)
    assert shown is not None
    (first, *_) = shown.attempts()
    assert first.checks[0].id == "response.acknowledges"


@pytest.mark.slow  # generated databases, each migrated
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile.database())
def test_migrating_any_database_only_adds_ids(raw: Any) -> None:
    raw["_meta"]["1"] = {"schema": 1}
    try:
        before = schema.check_shape(copy.deepcopy(raw))
    except schema.ShapeError:
        return
    after = schema.migrate(copy.deepcopy(before))
    assert schema.schema_of(after) == schema.SCHEMA_VERSION
    for table, docs in before.items():
        if table == schema.META_TABLE:
            continue
        read = {row[1] for row in schema.rows(docs)}
        for key, doc in docs.items():
            moved = after[table][key]
            if table == "interviews" and key in read:
                # Schema 4: an interview read gains its application (one coach made).
                assert moved == {**doc, "application_id": moved["application_id"]}
                assert schema.is_id(moved["application_id"])
                assert schema.doc_number(str(moved["application_id"])) in {
                    number for number, _, _, _ in schema.rows(after["applications"])
                }
                continue
            if table != "attempts" or not isinstance(doc.get("checks"), list):
                assert moved == doc
                continue
            assert {k: v for k, v in moved.items() if k != "checks"} == {
                k: v for k, v in doc.items() if k != "checks"
            }
            for old, new in zip(doc["checks"], moved["checks"], strict=True):
                if isinstance(old, dict) and "id" not in old and isinstance(old.get("name"), str):
                    assert new == {**old, "id": check_ids.id_for(old["name"])}
                    assert check_ids.is_id(new["id"])
                else:
                    assert [new] == [old]  # (a list compares a NaN kept as it was as equal)
    # The records read the same, but for the ids now in the file.
    for key, doc in before.get("attempts", {}).items():
        number = schema.doc_number(key)
        if number is not None:
            assert records.attempt_from(doc, number) == records.attempt_from(
                after["attempts"][key], number
            )


# --- export and import ------------------------------------------------------------------------


def test_the_export_carries_each_check_id_and_the_import_reads_it_back() -> None:
    checks = (Check("Open, not yes/no", True, "Good.", 15, 15, id="question.open"),)
    attempt = Attempt(kind="question", text="How?", score=15, checks=checks, id=4)
    doc = export_doc(Bundle(attempts=(attempt,)), "2026-11-20T10:00:00+01:00")
    assert doc["schema"] == schema.SCHEMA_VERSION
    assert doc["attempts"][0]["checks"][0]["id"] == "question.open"
    (imported,) = read_export(json.dumps(doc).encode()).attempts
    assert imported.checks == checks


def export_of(schema_stamp: int, *checks: dict[str, Any]) -> bytes:
    attempt = {"id": 1, "kind": "response", "text": "Fair.", "checks": list(checks)}
    return json.dumps({"coach_export": 1, "schema": schema_stamp, "attempts": [attempt]}).encode()


def test_a_schema1_export_is_migrated_on_import() -> None:
    (imported,) = read_export(export_of(1, NAMED, RENAMED)).attempts
    assert [(c.id, c.name) for c in imported.checks] == [
        ("response.acknowledges", "Acknowledges the feedback"),
        ("legacy.says-thank-you-first", "Says thank you first"),
    ]


@pytest.mark.parametrize(
    ("check", "message"),
    [
        ({**NAMED, "id": "Open question"}, "check 1: 'id' must be a check id"),
        ({**NAMED, "id": 5}, "check 1: 'id' must be text"),
    ],
)
def test_a_current_export_must_carry_valid_check_ids(check: dict[str, Any], message: str) -> None:
    with pytest.raises(BackupError) as caught:
        read_export(export_of(2, check))
    assert message in caught.value.problems[0]


def test_a_current_export_s_check_without_an_id_gets_its_name_s_as_the_reader_gives_it() -> None:
    # One rule for import and the reader: a hand-edited export is read as the database is.
    (attempt,) = read_export(export_of(2, NAMED)).attempts
    assert attempt.checks[0].id == check_ids.table()[NAMED["name"]]


def test_an_old_export_is_refused_in_a_sentence_when_the_table_is_unreadable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> dict[str, str]:
        raise ContentError("check_ids.json is missing")

    monkeypatch.setattr(check_ids, "table", broken)
    with pytest.raises(BackupError, match=r"check_ids\.json is missing: reinstall coach"):
        read_export(export_of(1, NAMED))


def test_a_migrated_database_and_its_old_export_merge_as_the_same_records(db_path: Path) -> None:
    # The same history, migrated on open in one place and exported by coach 1 in the other:
    # the import finds every record already there, none in conflict.
    schema1_file(db_path)
    store = open_store(db_path).store
    old_export = {"coach_export": 1, "schema": 1, "attempts": [{"id": 1, **FIRST}]}
    bundle = read_export(json.dumps(old_export).encode())
    report = store.change_raw(lambda raw: backup.merge(raw, bundle))
    assert (report.attempts.added, report.attempts.same, report.attempts.conflicts) == (0, 1, [])
    store.close()


def test_an_assessment_finds_a_check_by_its_id_before_its_name() -> None:
    from coach.domain.assessment import Assessment

    renamed = Check("Open, not yes/no", True, "", id="question.open")
    other = Check("question.open", False, "", id="question.other")  # a name like an id
    result = Assessment(50, (other, renamed))
    assert result.check("question.open") is renamed
    assert result.check("Open, not yes/no") is renamed
    with pytest.raises(KeyError):
        result.check("")
