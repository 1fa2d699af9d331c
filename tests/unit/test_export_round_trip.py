"""What coach reads, it exports; what it exports, it imports again, once (review of issue 11).

One rule: ``coach import`` takes a record exactly when the Store's reader reads it with no
problem. Before, import refused what the reader read without a word (a reply before the
interview, ids above 10**12, an unknown card category, long names), re-importing an export
added its nameless heard cards again at every import (3 -> 5 -> 7), a record under "01" was
hidden by an import of record 1, and export and history said nothing of what they left out.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli.backup import export, history, import_file
from coach.domain import Attempt, FeedbackCard, Interview, limits
from coach.exports import backup_check
from coach.store import records
from tests import hostile

META = {"_meta": {"1": {"schema": 1}}}
INTERVIEW = {"company": "Acme", "role": "Dev", "held_at": "2026-01-05", "signals": {}}
CARD = {"category": "heard", "feedback": "We hoped for more Kubernetes.", "terms": ["kubernet"]}


def database(path: Path, tables: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**META, **tables}), encoding="utf-8")
    return path


def run(command: Any, *args: Any, **kwargs: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = command(*args, out=out, err=err, **kwargs)
    return code, out.getvalue(), err.getvalue()


def exported(db: Path) -> dict[str, Any]:
    code, out, err = run(export, str(db), "json", None)
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    del doc["exported_at"]
    return doc


def added(report: str) -> int:
    return sum(int(n) for n in re.findall(r"(\d+) added", report)) + ("Profile: added" in report)


# --- 3. the records the reader reads are the records import takes -------------------------------


ODD_BUT_READABLE: dict[str, tuple[str, dict[str, Any]]] = {
    "reply before the interview (now flagged)": (
        "interviews",
        {**INTERVIEW, "reply_date": "2026-01-01"},
    ),
    "an id of 13 digits": ("interviews", INTERVIEW),
    "an unknown card category (now flagged)": ("cards", {**CARD, "category": "astrology"}),
    "a company of 1,200 characters (now flagged)": (
        "interviews",
        {**INTERVIEW, "company": "A" * 1200},
    ),
    "a term of 1,200 characters (now flagged)": ("cards", {**CARD, "terms": ["x" * 1200]}),
}


@pytest.mark.parametrize("case", list(ODD_BUT_READABLE))
def test_what_coach_exports_from_an_odd_record_imports_again(tmp_path: Path, case: str) -> None:
    table, doc = ODD_BUT_READABLE[case]
    key = "1234567890123" if "13 digits" in case else "1"
    if table == "cards":
        doc = {"id": "heard-1", **doc}
    db = database(tmp_path / "a" / "coach.json", {table: {key: doc}})
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(exported(db)), encoding="utf-8")
    again = tmp_path / "b" / "coach.json"
    code, _, err = run(import_file, str(backup), str(again))
    assert code == 0, err
    assert exported(again) == exported(db)


def test_a_heard_card_never_gets_a_term_longer_than_a_name() -> None:
    from coach.domain.cards import heard_card

    card = heard_card("We wanted " + "x" * 1200 + " and Kubernetes experience.", 1)
    assert card.terms and all(len(term) <= limits.MAX_NAME_CHARS for term in card.terms)
    assert records.heard_card_from(records.card_doc(card)).problems == ()


KNOWN = {
    "attempts": backup_check.ATTEMPT_FIELDS,
    "interviews": backup_check.INTERVIEW_FIELDS,
    "heard_cards": backup_check.CARD_FIELDS,
}


def _known_only(doc: Any, section: str) -> Any:
    """``doc`` without the fields no coach writes (refused as a rule of the file, not of a
    value: an export never holds one) and without its id (given by the test)."""
    if not isinstance(doc, dict):
        return doc
    known = {k: v for k, v in doc.items() if k in KNOWN[section] and k != "id"}
    if isinstance(known.get("checks"), list):
        known["checks"] = [
            {k: v for k, v in check.items() if k in backup_check.CHECK_FIELDS}
            if isinstance(check, dict)
            else check
            for check in known["checks"]
        ]
    return known


@pytest.mark.slow  # 300 generated records
@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.tuples(st.just("attempts"), hostile.attempt()),
        st.tuples(st.just("interviews"), hostile.interview()),
        st.tuples(st.just("heard_cards"), hostile.heard_card()),
    )
)
def test_import_takes_a_record_exactly_when_the_reader_reads_it_whole(
    generated: tuple[str, Any],
) -> None:
    section, doc = generated
    doc = _known_only(doc, section)
    read: FeedbackCard | Attempt | Interview
    check: Callable[[], object]
    if section == "heard_cards":
        doc = {**doc, "id": "heard-7"}
        read = records.heard_card_from(doc)
        check = lambda: backup_check.heard_card(doc, "card", set())  # noqa: E731
    elif section == "attempts":
        read = records.attempt_from(doc, 7)
        check = lambda: backup_check.attempt({**doc, "id": 7}, "attempt", set())  # noqa: E731
    else:
        read = records.interview_from(doc, 7)
        check = lambda: backup_check.interview({**doc, "id": 7}, "interview", set())  # noqa: E731
    try:
        check()
    except backup_check.RecordProblem as problem:
        assert read.problems, f"import refused a record read whole: {problem}"
    else:
        assert not read.problems, f"import took a record read with problems {read.problems}"


def test_ids_up_to_what_the_store_reads_are_imported(tmp_path: Path) -> None:
    top = 10**15 - 1
    file = tmp_path / "in.json"
    record = {"id": top, **INTERVIEW}
    file.write_text(json.dumps({"coach_export": 1, "interviews": [record]}), encoding="utf-8")
    db = tmp_path / "db" / "coach.json"
    assert run(import_file, str(file), str(db))[0] == 0
    file.write_text(
        json.dumps({"coach_export": 1, "interviews": [{**record, "id": top + 1}]}),
        encoding="utf-8",
    )
    code, _, err = run(import_file, str(file), str(db))
    assert code == 2 and "'id' must be from 1 to" in err


# --- heard cards without an id, or with one twice: once, however often imported -----------------


def test_reimporting_an_export_adds_no_heard_card_twice(tmp_path: Path) -> None:
    cards = {"1": CARD, "2": {**CARD, "id": ""}, "3": {**CARD, "id": "x"}, "4": {**CARD, "id": "x"}}
    db = database(tmp_path / "coach.json", {"cards": cards})
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(exported(db)), encoding="utf-8")
    for _ in range(3):
        code, out, err = run(import_file, str(backup), str(db))
        assert code == 0, err
        assert "Heard-feedback cards: 0 added; 4 already there." in out
    assert len(json.loads(db.read_bytes())["cards"]) == 4


def test_heard_cards_are_named_apart_within_a_names_length() -> None:
    long = "x" * limits.MAX_NAME_CHARS
    docs = [{"id": "heard-2"}, {"id": ""}, {"id": long}, {"id": long}, {"id": "heard-2"}]
    cards = records.heard_cards_from(enumerate(docs, 1))
    ids = [card.id for card in cards]
    assert len(set(ids)) == len(ids)
    assert ids[:3] == ["heard-2", "heard-2-2", long]
    assert all(len(i) <= limits.MAX_NAME_CHARS for i in ids)
    assert [card.problems for card in cards] == [(), ("id",), (), ("id",), ("id",)]


# --- 4. padded keys: exported, merged by their number -------------------------------------------


def test_an_import_of_record_1_is_compared_with_a_lone_01_not_added_beside_it(
    tmp_path: Path,
) -> None:
    db = database(tmp_path / "coach.json", {"interviews": {"01": INTERVIEW}})
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(exported(db)), encoding="utf-8")
    code, out, _ = run(import_file, str(backup), str(db))
    assert code == 0 and "Interviews: 0 added; 1 already there." in out
    other = {"coach_export": 1, "interviews": [{"id": 1, **INTERVIEW, "company": "Other"}]}
    backup.write_text(json.dumps(other), encoding="utf-8")
    code, out, _ = run(import_file, str(backup), str(db))
    assert code == 0 and "1 skipped as conflicts (id 1)" in out
    assert list(json.loads(db.read_bytes())["interviews"]) == ["01"]


def test_export_and_history_name_the_documents_they_leave_out(tmp_path: Path) -> None:
    docs = {"1": INTERVIEW, "01": {**INTERVIEW, "company": "Hidden"}, "9" * 20: INTERVIEW}
    db = database(tmp_path / "coach.json", {"interviews": docs})
    for command, args in ((export, ("json", None)), (history, (15,))):
        code, _, err = run(command, str(db), *args)
        assert code == 0
        assert "The file also holds 2 interviews that coach does not read" in err


# --- 5. export says which values it holds as missing --------------------------------------------


def test_export_names_the_values_it_exports_as_missing(tmp_path: Path) -> None:
    attempt = {"kind": "question", "text": "How do I measure up?", "score": float("nan")}
    db = database(tmp_path / "coach.json", {"attempts": {"1": attempt}})
    for fmt in ("json", "md", "csv"):
        code, out, err = run(export, str(db), fmt, None)
        assert code == 0 and out
        assert "1 record holds values coach could not read, exported as missing: " in err
        assert "attempt 1 (score)" in err


# --- 7. history on a database that cannot be read ------------------------------------------------


def test_history_of_a_damaged_database_exits_1_with_a_sentence(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    db.write_text("{not json", encoding="utf-8")
    code, out, err = run(history, str(db), 15)
    assert code == 1 and out == ""
    assert "could not be read" in err and "coach history: nothing to show" in err
    kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
