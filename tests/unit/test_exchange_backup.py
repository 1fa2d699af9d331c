"""Mock exchanges in the exports: the JSON backup carries them and ``coach import`` merges them
(renumbered where their ids are taken, never twice); Markdown lists them; CSV links attempts."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coach.cli.backup import export, import_file, read_bundle
from coach.domain.models import Attempt
from coach.exports.backup import BackupError, Bundle, export_doc, merge, read_export
from coach.exports.text import CSV_COLUMNS, to_csv, to_markdown
from coach.store import schema
from coach.store.opening import open_store
from tests.unit.backup_data import fill
from tests.unit.hostile_data import hostile_bundle, raw_controls
from tests.unit.test_exchange_store import RELEASE_2, exchange, turn_attempts

NOW = "2026-11-21T10:00:00+00:00"


@pytest.fixture
def db_with_exchanges(tmp_path: Path) -> Path:
    path = tmp_path / "full" / "coach.json"
    store = open_store(path).store
    fill(store)
    store.save_exchange(exchange(), turn_attempts())
    store.save_exchange(exchange(aloud=True), [])
    store.close()
    return path


def export_json(db: Path, target: Path) -> Path:
    err = io.StringIO()
    assert export(str(db), "json", str(target), err=err) == 0, err.getvalue()
    return target


def run_import(file: Path, db: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = import_file(str(file), str(db), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def test_the_json_export_has_an_exchanges_section_even_when_empty() -> None:
    doc = export_doc(Bundle(attempts=(Attempt("question", "q", id=1),)), NOW)
    assert doc["exchanges"] == []
    assert "exchange_id" not in doc["attempts"][0]  # an attempt of no exchange, as before


def test_round_trip_keeps_exchanges_and_a_second_import_adds_nothing(
    db_with_exchanges: Path, tmp_path: Path
) -> None:
    file = export_json(db_with_exchanges, tmp_path / "backup.json")
    doc = json.loads(file.read_text())
    assert [e["id"] for e in doc["exchanges"]] == [1, 2]
    assert [a.get("exchange_id") for a in doc["attempts"]] == [None] * 5 + [1, 1, 1]
    target = tmp_path / "empty" / "coach.json"
    code, out = run_import(file, target)
    assert code == 0, out
    assert "Mock exchanges: 2 added; 0 already there." in out
    assert "Attempts: 8 added; 0 already there." in out
    assert read_bundle(open_store(target).store) == read_bundle(open_store(db_with_exchanges).store)
    once = target.read_bytes()
    code, out = run_import(file, target)
    assert code == 0 and target.read_bytes() == once
    assert "Mock exchanges: 0 added; 2 already there." in out
    assert "Attempts: 0 added; 8 already there." in out


def test_an_exchange_whose_ids_are_taken_is_renumbered_and_linked_again(
    db_with_exchanges: Path, tmp_path: Path
) -> None:
    file = export_json(db_with_exchanges, tmp_path / "backup.json")
    target = tmp_path / "other" / "coach.json"
    other = open_store(target).store
    for n in range(7):  # attempt ids 1-7 hold other attempts; exchange 1 another exchange
        other.add_attempt(Attempt(kind="question", text=f"mine {n}"))
    mine = other.save_exchange(exchange(aloud=True), [])
    other.close()
    assert run_import(file, target)[0] == 0

    store = open_store(target).store
    exchanges = store.exchanges()
    assert exchanges[0] == mine  # never overwritten
    # The aloud one is the same as the target's own (same times, same turns): already there.
    (imported,) = exchanges[1:]
    assert imported.id == 2
    ids = [t.attempt_id for t in imported.turns]
    assert ids == [8, 9, 10]  # 6 and 7 were taken: each new id above every one there
    by_id = {a.id: a for a in store.attempts()}
    assert [by_id[i].text for i in ids if i] == [a.text for a in turn_attempts()]
    assert {by_id[i].exchange_id for i in ids if i} == {2}
    assert store.add_attempt(Attempt(kind="question", text="next")).id == 11
    store.close()
    once = target.read_bytes()
    code, out = run_import(file, target)
    assert code == 0 and target.read_bytes() == once, out


def test_an_export_from_the_release_before_exchanges_imports(tmp_path: Path) -> None:
    old = {
        "coach_export": 1,
        "schema": 2,
        "exported_at": NOW,
        "coach_version": "0.14.0",
        "profile": RELEASE_2["profile"]["1"],
        "attempts": [{"id": int(n), **doc} for n, doc in RELEASE_2["attempts"].items()],
        "interviews": [{"id": 1, **RELEASE_2["interviews"]["1"]}],
        "heard_cards": [RELEASE_2["cards"]["1"]],
        "settings": {"theme": "nord"},
    }
    bundle = read_export(json.dumps(old).encode())
    assert bundle.exchanges == () and [a.id for a in bundle.attempts] == [1, 3]
    raw = schema.empty()
    report = merge(raw, bundle)
    assert report.attempts.added == 2 and report.exchanges.added == 0
    assert all("exchange_id" not in doc for doc in raw["attempts"].values())


def exchange_record(**changes: Any) -> dict[str, Any]:
    record = {"id": 1, **export_doc(Bundle(exchanges=(exchange(),)), NOW)["exchanges"][0]}
    record.pop("id")
    return {"id": 1, **record, **changes}


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"reply_kind": "rude\x1b[2J"}, "'reply_kind' cannot be read"),
        ({"aloud": "yes"}, "'aloud' must be true or false"),
        ({"turns": {"step": "answer"}}, "'turns' must be a list"),
        ({"turns": [{"step": "answer", "mood": 1}]}, "turn 1: unknown field 'mood'"),
        ({"turns": [{"step": "monologue"}]}, "'turns.step' cannot be read"),
        ({"turns": [{"score": 101}]}, "'turns.score' cannot be read"),
        ({"turns": [{"seconds": -3}]}, "'turns.seconds' cannot be read"),
        ({"turns": [{"attempt_id": 0}]}, "'turns.attempt_id' cannot be read"),
        ({"started_at": "tomorrow\x07"}, "'started_at' must be a date-time"),
        ({"id": "1"}, "'id' must be a whole number"),
        ({"reply": 5}, "'reply' must be text"),
        ({"extra\x1b": 1}, "unknown field"),
    ],
)
def test_a_bad_exchange_is_refused_with_one_escaped_sentence(
    changes: dict[str, Any], named: str
) -> None:
    doc = export_doc(Bundle(), NOW)
    doc["exchanges"] = [exchange_record(**changes)]
    with pytest.raises(BackupError) as caught:
        read_export(json.dumps(doc).encode())
    (problem,) = caught.value.problems
    assert problem.startswith("exchanges, record 1") and named in problem
    assert problem.endswith(".") and "\x1b" not in problem and "\x07" not in problem


def test_an_attempt_with_a_bad_exchange_id_is_refused() -> None:
    doc = export_doc(Bundle(attempts=(Attempt("question", "q", id=1),)), NOW)
    doc["attempts"][0]["exchange_id"] = "two"
    with pytest.raises(BackupError, match="'exchange_id' must be a whole number"):
        read_export(json.dumps(doc).encode())


def test_an_attempt_whose_exchange_is_not_in_the_file_imports_unlinked() -> None:
    bundle = Bundle(attempts=(Attempt("question", "q", id=1, exchange_id=4),))
    raw = schema.empty()
    merge(raw, bundle)
    assert "exchange_id" not in raw["attempts"]["1"]
    assert merge(raw, bundle).attempts.same == 1  # and is recognised the second time


def test_markdown_lists_exchanges_and_csv_links_attempts(db_with_exchanges: Path) -> None:
    bundle = read_bundle(open_store(db_with_exchanges).store)
    text = to_markdown(bundle, date(2026, 11, 21), {})
    assert "## Mock exchanges" in text
    assert (
        "| 2026-11-20 19:30 | You haven't run dbt in production. | question 70, answer 70" in text
    )
    assert "question \N{EN DASH}, answer \N{EN DASH}, probe \N{EN DASH} (aloud) |" in text
    assert "## Mock exchanges" not in to_markdown(Bundle(), date(2026, 11, 21), {})

    rows = list(csv.DictReader(io.StringIO(to_csv(bundle, date(2026, 11, 21), {}))))
    # Where schema 3 put it, before the columns of applications and rounds (added after).
    assert CSV_COLUMNS.index("exchange_id") == 15 and CSV_COLUMNS[:2] == ("record", "id")
    attempts = [r for r in rows if r["record"] == "attempt"]
    assert [r["exchange_id"] for r in attempts] == [""] * 5 + ["1"] * 3


def test_a_hostile_exchange_exports_and_imports_as_typed() -> None:
    bundle = Bundle(
        exchanges=tuple(replace(e, id=1, problems=()) for e in hostile_bundle().exchanges)
    )
    read = read_export(json.dumps(export_doc(bundle, NOW)).encode())
    assert read.exchanges == bundle.exchanges
    raw = schema.empty()
    assert merge(raw, read).exchanges.added == 1
    text = to_markdown(bundle, date(2026, 11, 21), {}) + to_csv(bundle, date(2026, 11, 21), {})
    assert raw_controls(text) == set() and "Exchange.reply" in text
