"""coach.exports.backup: the checks on an import file, and the merge by id (pure, plain dicts)."""

from __future__ import annotations

import copy
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coach.cli.backup import import_file, read_bundle
from coach.domain.models import Attempt, Profile, Strength
from coach.exports.backup import BackupError, Bundle, export_doc, merge, read_export
from coach.store import records, schema
from coach.store.opening import open_store
from coach.store.store import Store


def attempt_record(n: int, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": n,
        "kind": "response",
        "text": f"I led a team of seven ({n}).",
        "card_id": "skills-gap-1",
        "score": 70,
        "spoken_seconds": 41.5,
        "created_at": "2026-11-20T19:30:00+01:00",
        "checks": [
            {
                "name": "Cites a strength",
                "passed": True,
                "tip": "Good.",
                "points": 15,
                "max_points": 15,
            }
        ],
    }
    record.update(changes)
    return record


def interview_record(n: int, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": n,
        "company": "Acme",
        "role": "Data engineer",
        "stage": "onsite",
        "held_at": "2026-11-02T14:30",
        "signals": {"scheduled_min": 45, "actual_min": 70, "tone": "positive"},
        "outcome": "next round",
        "closing_answer": "",
        "timeline_date": "2026-11-06",
        "reply_date": "2026-11-05",
    }
    record.update(changes)
    return record


def export_file(**sections: Any) -> bytes:
    return json.dumps({"coach_export": 1, "schema": 1, **sections}).encode()


def test_export_doc_has_a_header_and_keeps_ids() -> None:
    attempt = Attempt("question", "How do I measure up?", score=55, id=9)
    doc = export_doc(Bundle(attempts=(attempt,)), "2026-11-21T10:00:00+00:00")
    assert doc["coach_export"] == 1 and doc["schema"] == schema.SCHEMA_VERSION
    assert doc["exported_at"] == "2026-11-21T10:00:00+00:00"
    assert doc["attempts"][0]["id"] == 9 and doc["attempts"][0]["score"] == 55


def test_read_export_gives_the_records_as_the_store_reads_them() -> None:
    bundle = read_export(
        export_file(attempts=[attempt_record(3)], interviews=[interview_record(3)])
    )
    assert bundle.attempts[0] == records.attempt_from(attempt_record(3), 3)
    assert bundle.interviews[0].signals == {
        "scheduled_min": 45,
        "actual_min": 70,
        "tone": "positive",
    }


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        (
            {"attempts": [attempt_record(1, score=150)]},
            "attempts, record 1 (id 1): 'score' must be from 0 to 100, not 150",
        ),
        ({"attempts": [attempt_record(1, score=True)]}, "'score' must be a whole number"),
        (
            {"attempts": [attempt_record(1, created_at="2026-13-40T10:00")]},
            "'created_at' must be a date-time with its time zone",
        ),
        (
            {"attempts": [attempt_record(1, created_at="2026-11-20T10:00")]},
            "'created_at' must be a date-time with its time zone",
        ),
        (
            {"attempts": [attempt_record(1, kind="essay")]},
            "'kind' must be 'question' or 'response', not 'essay'",
        ),
        (
            {"attempts": [attempt_record(1, mood="great")]},
            "attempts, record 1: unknown field 'mood'",
        ),
        (
            {"attempts": [attempt_record(1, spoken_seconds=-3)]},
            "'spoken_seconds' must be null or a number",
        ),
        (
            {"attempts": [attempt_record(1, checks=[{"name": "x", "passed": 1}])]},
            "check 1: 'passed' must be true or false",
        ),
        ({"attempts": [attempt_record(1, id="7")]}, "'id' must be a whole number from 1"),
        (
            {"attempts": [attempt_record(2), attempt_record(2)]},
            "attempts, record 2: id 2 appears twice",
        ),
        ({"attempts": {"1": attempt_record(1)}}, "'attempts' must be a list of records"),
        (
            {"interviews": [interview_record(4, held_at="yesterday")]},
            "interviews, record 1 (id 4): 'held_at' must be a date",
        ),
        (
            {"interviews": [interview_record(4, reply_date="2026-10-01")]},
            "'reply_date' 2026-10-01 is before the interview",
        ),
        (
            {"interviews": [interview_record(4, outcome="hired")]},
            "'outcome' must be empty or one of",
        ),
        (
            {"interviews": [interview_record(4, signals={"mood": 1})]},
            "in 'signals', unknown signal 'mood'",
        ),
        (
            {"interviews": [interview_record(4, signals={"actual_min": 9000})]},
            "actual_min must be from 1 to 600",
        ),
        ({"heard_cards": [{"id": " ", "feedback": "More SQL"}]}, "'id' must not be empty"),
        (
            {"heard_cards": [{"id": "heard-1", "feedback": "x", "source": "deck"}]},
            "'source' must be 'heard'",
        ),
        (
            {"heard_cards": [{"id": "heard-1", "feedback": "x", "terms": "kafka"}]},
            "'terms' must be a list of words",
        ),
        ({"settings": {"theme": 3}}, "setting 'theme': 'value' must be text, not 3"),
        ({"profile": {"strengths": "many"}}, "the profile: 'strengths' must be a list"),
        ({"coach_export": 2}, "written by a newer coach"),
        ({"schema": 99}, "Upgrade coach to import it"),
        ({"notes": []}, "unknown section 'notes'"),
    ],
)
def test_a_bad_record_is_named_with_its_field(sections: dict[str, Any], message: str) -> None:
    with pytest.raises(BackupError) as caught:
        read_export(export_file(**sections))
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "not valid JSON (line 1, column 2"),
        (b"[1, 2]", "this is not a coach export"),
        (b'{"attempts": []}', "this is not a coach export"),
        (b"\xff\xfe", "not a text file"),
        (b"[" * 100_000, "cannot be read as JSON"),
        (
            b'{"coach_export": 1, "attempts": [{"id": 1, "kind": "question", "text": "\\ud800"}]}',
            "not valid Unicode",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(BackupError) as caught:
        read_export(data)
    assert message in caught.value.problems[0]


def test_every_bad_record_is_listed_not_only_the_first() -> None:
    data = export_file(
        attempts=[attempt_record(1), attempt_record(2, score=-1), attempt_record(3, kind="x")]
    )
    with pytest.raises(BackupError) as caught:
        read_export(data)
    assert len(caught.value.problems) == 2
    assert "record 2 (id 2)" in caught.value.problems[0]
    assert "record 3 (id 3)" in caught.value.problems[1]


def raw_with(*attempts: dict[str, Any], last_id: int | None = None) -> schema.Raw:
    raw = schema.empty()
    raw["attempts"] = {str(a["id"]): {k: v for k, v in a.items() if k != "id"} for a in attempts}
    if last_id is not None:
        raw[schema.META_TABLE][schema.META_ID]["last_ids"] = {"attempts": last_id}
    return raw


def test_merge_adds_new_ids_skips_same_and_reports_conflicts() -> None:
    raw = raw_with(attempt_record(1), attempt_record(2))
    bundle = read_export(
        export_file(
            attempts=[
                attempt_record(1),
                attempt_record(2, text="Something else"),
                attempt_record(5),
            ]
        )
    )
    report = merge(raw, bundle)
    assert (report.attempts.added, report.attempts.same) == (1, 1)
    assert report.attempts.conflicts == ["id 2"]
    assert raw["attempts"]["2"]["text"] == "I led a team of seven (2)."  # never overwritten
    assert raw["attempts"]["5"]["text"] == "I led a team of seven (5)."
    assert "1 skipped as conflicts (id 2)" in report.lines()[1]


def test_a_record_the_database_cannot_read_is_a_conflict_not_a_crash() -> None:
    raw = raw_with(attempt_record(1, score="lots"))  # a hand edit gone wrong
    report = merge(raw, read_export(export_file(attempts=[attempt_record(1)])))
    assert report.attempts.conflicts == ["id 1"]
    assert raw["attempts"]["1"]["score"] == "lots"


def test_merging_twice_adds_nothing_the_second_time() -> None:
    raw = schema.empty()
    bundle = read_export(
        export_file(
            attempts=[attempt_record(1)],
            interviews=[interview_record(1)],
            heard_cards=[{"id": "heard-1", "feedback": "More SQL, please."}],
            settings={"theme": "dark"},
            profile={"strengths": [{"text": "SQL", "evidence": "10 years"}]},
        )
    )
    first = merge(raw, bundle)
    after_first = copy.deepcopy(raw)
    second = merge(raw, bundle)
    assert first.added == 5 and second.added == 0
    assert raw == after_first
    assert second.profile == "already there" and second.heard_cards.same == 1


def test_the_high_water_mark_covers_imported_ids() -> None:
    raw = raw_with(attempt_record(1), last_id=1)
    merge(raw, read_export(export_file(attempts=[attempt_record(40)])))
    assert raw[schema.META_TABLE][schema.META_ID]["last_ids"]["attempts"] == 40
    assert raw[schema.META_TABLE][schema.META_ID]["schema"] == schema.SCHEMA_VERSION


def test_a_mark_above_the_imported_ids_is_kept() -> None:
    # Ids up to 90 were handed out (and deleted): an import must not lower the mark.
    raw = raw_with(attempt_record(1), last_id=90)
    merge(raw, read_export(export_file(attempts=[attempt_record(3)])))
    assert raw[schema.META_TABLE][schema.META_ID]["last_ids"]["attempts"] == 90


def test_the_profile_goes_only_into_an_empty_one() -> None:
    mine = Profile((Strength("Go", "2 years"),))
    raw = schema.empty()
    raw["profile"] = {"1": records.profile_doc(mine)}
    other = {"strengths": [{"text": "Rust", "evidence": ""}], "requirements": ["Rust"]}
    report = merge(raw, read_export(export_file(profile=other)))
    assert report.profile == "skipped"
    assert records.profile_from(raw["profile"]["1"]) == mine
    assert "already has a different profile" in report.lines()[0]


def test_heard_cards_merge_by_card_id_with_fresh_document_ids(store: Store) -> None:
    from coach.domain.cards import heard_card

    store.save_heard_card(heard_card("You lack SQL.", 1))
    card = {"id": "heard-2", "feedback": "Too junior.", "category": "heard"}
    clash = {"id": "heard-1", "feedback": "Something else entirely."}
    report = store.change_raw(
        lambda raw: merge(raw, read_export(export_file(heard_cards=[card, clash])))
    )
    assert report.heard_cards.added == 1 and report.heard_cards.conflicts == ["'heard-1'"]
    store.save_heard_card(heard_card("Not enough leadership.", 3))
    assert [c.id for c in store.heard_cards()] == ["heard-1", "heard-2", "heard-3"]
    assert store.heard_cards()[0].feedback == "You lack SQL."


def test_change_raw_that_fails_leaves_nothing_behind(store: Store, db_path: Path) -> None:
    before = db_path.read_bytes()

    def half(raw: schema.Raw) -> None:
        raw.setdefault("attempts", {})["1"] = {"kind": "question", "text": "half"}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.change_raw(half)
    assert db_path.read_bytes() == before
    assert store.attempts() == []  # the half-changed cached copy was dropped


# --- generated files: valid records, sometimes with one mutated into an invalid one ----------

texts = st.text(st.characters(codec="utf-8"), max_size=30)
valid_attempt = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["question", "response"]),
        "text": texts.filter(str.strip),
        "score": st.integers(0, 100),
        "spoken_seconds": st.none() | st.floats(0, 3600),
        "created_at": st.sampled_from(["", "2026-11-20T19:30:00+01:00", "2025-01-01T00:00:00Z"]),
    },
    optional={"card_id": texts},
)
MUTATIONS: list[dict[str, Any]] = [
    {"score": 101},
    {"score": "high"},
    {"kind": "essay"},
    {"created_at": "2026-02-30T10:00:00+00:00"},
    {"spoken_seconds": float("inf")},
    {"surprise": 1},
    {"text": 5},
    {"checks": [{"name": "x", "passed": True, "points": 20, "max_points": 10}]},
    {"id": 0},
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(valid_attempt, max_size=6),
    st.none() | st.tuples(st.integers(0, 5), st.sampled_from(MUTATIONS)),
    st.one_of(
        st.none(),
        st.binary(max_size=40),
        st.recursive(
            st.none() | st.integers() | st.text(),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=12), inner, max_size=3)
            ),
            max_leaves=8,
        ),
    ),
)
def test_generated_files_import_whole_or_not_at_all(
    attempts: list[dict[str, Any]], mutation: tuple[int, dict[str, Any]] | None, junk: Any
) -> None:
    records_in = [{"id": n + 2, **a} for n, a in enumerate(attempts)]
    invalid = mutation is not None and mutation[0] < len(records_in)
    if mutation is not None and invalid:
        records_in[mutation[0]].update(mutation[1])
    if junk is None:
        data = json.dumps({"coach_export": 1, "attempts": records_in}).encode()
    else:
        invalid = True  # random bytes or JSON without the export header
        data = junk if isinstance(junk, bytes) else json.dumps(junk).encode()
    with tempfile.TemporaryDirectory() as folder:
        db, file = Path(folder) / "coach.json", Path(folder) / "in.json"
        seeded = open_store(db).store
        seeded.add_attempt(Attempt("question", "already here", score=50))
        seeded.close()
        before = db.read_bytes()
        file.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        code = import_file(str(file), str(db), out=out, err=err)
        assert "Traceback" not in err.getvalue()
        event("refused" if invalid else "imported")  # both kinds are generated
        if invalid:
            assert code == 2 and "Nothing was imported" in err.getvalue()
            assert db.read_bytes() == before
        else:
            assert code == 0, err.getvalue()
            store = open_store(db).store
            saved = {a.id: a for a in read_bundle(store).attempts}
            store.close()
            for record in records_in:
                assert saved[record["id"]] == records.attempt_from(record, record["id"])
            assert len(saved) == len(records_in) + 1


def test_empty_texts_a_hand_edited_database_can_hold_import_again() -> None:
    """coach's own export of a record with an empty company or text must import: a backup
    that cannot be restored is lost."""
    bundle = read_export(
        export_file(
            interviews=[interview_record(4, company="")], attempts=[attempt_record(5, text="")]
        )
    )
    assert bundle.interviews[0].company == ""
    assert bundle.attempts[0].text == ""
