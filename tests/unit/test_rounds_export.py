"""Applications and rounds in the exports and in ``coach import``: the JSON export's
``applications`` and each interview's notes, people and messages; Markdown grouped by
application; CSV's new columns; an import that joins applications by company and role,
remaps their ids, carries the new fields and never overwrites. The 2026-11-30 release's own
export still imports, once and twice."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from coach.cli.backup import export, import_file, read_bundle
from coach.domain.applications import group
from coach.domain.models import Application, Interview, Person, SentMessage
from coach.exports.backup import Bundle, export_doc
from coach.store import records
from coach.store.opening import open_store
from coach.store.store import Store

RELEASE = Path(__file__).parent.parent / "releases" / "2026-11-30"
NOW = "2026-11-30T10:00:00+00:00"


def _filled(store: Store) -> None:
    """Two applications: one of two rounds with notes, people and a sent message (the user
    text odd on purpose), one whose status the user set; and a round moved apart."""
    first = store.save_interview(
        Interview(
            "Northwind Labs",
            "Data engineer",
            "phone",
            held_at="2026-11-02",
            notes="Ask about [the pager](https://evil.example)\n# not a heading\n<b>rota</b>",
            people=(Person("Ada *Park*", "Head of Data"), Person("Sam")),
            messages=(SentMessage("thank-you", "2026-11-02", "Thank you, Ada.\nBest, Me"),),
        )
    )
    store.save_interview(Interview("northwind labs ", "data engineer", "onsite", "2026-11-12"))
    globex = store.save_interview(Interview("Globex", "Analyst", "final", "2026-11-01"))
    (app,) = [a for a in store.applications() if a.id == globex.application_id]
    store.save_application(Application("Globex", "Analyst", "withdrawn", app.id))
    alone = store.save_interview(
        Interview("Northwind Labs", "Data engineer", "final", "2026-11-20")
    )
    assert alone.id is not None and alone.application_id == first.application_id
    store.move_round(alone.id, None)


def _db(tmp_path: Path, name: str, fill: bool = True) -> Path:
    path = tmp_path / name / "coach.json"
    store = open_store(path).store
    if fill:
        _filled(store)
    store.close()
    return path


def _export(db: Path, fmt: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert export(str(db), fmt, None, out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def _import(file: Path, db: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert import_file(str(file), str(db), out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def test_the_json_export_holds_applications_and_the_rounds_fields(tmp_path: Path) -> None:
    assert json.loads(_export(_db(tmp_path, "empty", fill=False), "json"))["applications"] == []
    doc = json.loads(_export(_db(tmp_path, "full"), "json"))
    assert doc["applications"] == [
        {"id": 1, "company": "Northwind Labs", "role": "Data engineer"},
        {"id": 2, "company": "Globex", "role": "Analyst", "status": "withdrawn"},
        {"id": 3, "company": "Northwind Labs", "role": "Data engineer"},
    ]
    first = doc["interviews"][0]
    assert first["application_id"] == 1 and first["notes"].startswith("Ask about [the pager]")
    assert first["people"] == [
        {"name": "Ada *Park*", "title": "Head of Data"},
        {"name": "Sam", "title": ""},
    ]
    assert first["messages"] == [
        {"kind": "thank-you", "sent_on": "2026-11-02", "text": "Thank you, Ada.\nBest, Me"}
    ]
    assert [i["application_id"] for i in doc["interviews"]] == [1, 1, 2, 3]


def test_a_round_trip_into_an_empty_database_keeps_applications_rounds_and_notes(
    tmp_path: Path,
) -> None:
    source = _db(tmp_path, "full")
    file = tmp_path / "backup.json"
    file.write_text(_export(source, "json"), encoding="utf-8")
    target = _db(tmp_path, "target", fill=False)
    out = _import(file, target)
    assert "Interviews: 4 added; 0 already there." in out
    assert "Applications: 3 added; 0 already there." in out
    before = read_bundle(open_store(source).store)
    after = read_bundle(open_store(target).store)
    assert after.applications == before.applications
    assert after.interviews == before.interviews  # notes, people, messages, links, ids
    assert group(after.applications, after.interviews) == group(
        before.applications, before.interviews
    )
    # A second import adds nothing, and changes no byte.
    once = target.read_bytes()
    again = _import(file, target)
    assert "Interviews: 0 added; 4 already there." in again
    assert "Applications: 0 added; 0 already there." in again
    assert target.read_bytes() == once


def test_an_import_joins_the_application_of_the_same_company_and_role(tmp_path: Path) -> None:
    target = tmp_path / "target" / "coach.json"
    store = open_store(target).store
    mine = store.save_interview(Interview("Acme", "SRE", "phone", "2026-11-01"))
    other = store.save_interview(Interview("Initech", "Dev", "phone", "2026-11-01"))
    store.close()
    bundle = Bundle(
        applications=(
            Application("acme ", "sre", "offer", id=7),
            Application("Globex", "Analyst", id=other.application_id),  # an id taken here
        ),
        interviews=(
            Interview("ACME", "SRE", "onsite", "2026-11-09", application_id=7, notes="n", id=5),
            Interview("Globex", "Analyst", id=6, application_id=other.application_id),
            Interview("Globex", "Analyst", id=8, application_id=other.application_id),
            Interview("Acme", "SRE", id=9, application_id=99),  # of no application in the file
        ),
    )
    file = tmp_path / "file.json"
    file.write_text(json.dumps(export_doc(bundle, NOW)), encoding="utf-8")
    out = _import(file, target)
    assert "Interviews: 4 added" in out and "Applications: 1 added; 1 already there." in out
    store = open_store(target).store
    by_id = {i.id: i for i in store.interviews()}
    assert by_id[5].application_id == by_id[9].application_id == mine.application_id
    assert by_id[5].notes == "n"
    globex = by_id[6].application_id
    assert globex == by_id[8].application_id and globex not in (None, other.application_id)
    apps = {a.id: a for a in store.applications()}
    assert apps[mine.application_id].status is None, "an existing application is kept as is"
    assert (apps[globex].company, apps[globex].role) == ("Globex", "Analyst")
    assert by_id[other.id].application_id == other.application_id


def test_an_import_never_gives_a_deleted_applications_id_again(tmp_path: Path) -> None:
    # A window still showing the deleted application must not find another one under its id.
    target = tmp_path / "target" / "coach.json"
    store = open_store(target).store
    store.save_interview(Interview("Acme", "SRE"))
    gone = store.save_interview(Interview("Globex", "Analyst"))
    assert gone.id is not None and gone.application_id == 2
    store.delete_interview(gone.id)
    store.close()
    bundle = Bundle(
        applications=(
            Application("Initech", "Dev", id=2),  # deleted here
            Application("Umbrella", "Dev", id=9),  # never handed out here: kept
            Application("Hooli", "Dev", id=5),  # nor this, though the file holds it after 9
        ),
        interviews=(
            Interview("Initech", "Dev", id=10, application_id=2),
            Interview("Umbrella", "Dev", id=11, application_id=9),
            Interview("Hooli", "Dev", id=12, application_id=5),
        ),
    )
    file = tmp_path / "file.json"
    file.write_text(json.dumps(export_doc(bundle, NOW)), encoding="utf-8")
    _import(file, target)
    store = open_store(target).store
    names = {a.company: a.id for a in store.applications()}
    assert names == {"Acme": 1, "Initech": 3, "Umbrella": 9, "Hooli": 5}
    assert store.save_interview(Interview("Wayne", "Dev")).application_id == 10
    store.close()


def test_importing_an_older_export_reads_each_interview_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each round of an older export (no applications) is joined by its company and role:
    # looked up in an index read once, never by re-reading every interview (quadratic: 2,000
    # rounds took 34 s). Counted, not timed: the machines here are noisy.
    n = 300
    target = tmp_path / "target" / "coach.json"
    store = open_store(target).store
    for i in range(n):
        store.save_interview(Interview(f"Company {i % 100}", "Engineer"))
    store.close()
    doc = export_doc(
        Bundle(
            interviews=tuple(
                Interview(f"Company {i % 150}", "Engineer", id=n + 1 + i) for i in range(n)
            )
        ),
        NOW,
    )
    for interview in doc["interviews"]:
        interview.pop("application_id", None)
    del doc["applications"]
    file = tmp_path / "old.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    reads = 0
    read = records.interview_from

    def counted(doc: Mapping[str, Any], number: int) -> Interview:
        nonlocal reads
        reads += 1
        return read(doc, number)

    monkeypatch.setattr(records, "interview_from", counted)
    out = _import(file, target)
    assert "Interviews: 300 added" in out and "Applications: 50 added; 100 already there." in out
    assert reads <= 4 * n, f"{reads} reads of interviews for {n} rounds"


def test_a_bad_round_field_refuses_the_import_in_a_sentence(tmp_path: Path) -> None:
    doc: dict[str, Any] = export_doc(Bundle(interviews=(Interview("A", "B", id=1),)), NOW)
    doc["interviews"][0]["messages"] = [{"kind": "apology", "sent_on": "2026-11-20"}]
    doc["applications"] = [{"id": 1, "company": "A", "role": "B", "status": "ghosted"}]
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert import_file(str(file), str(tmp_path / "db" / "coach.json"), out=out, err=err) == 2
    assert "interviews, record 1 (id 1), message 1: 'kind' must be one of" in err.getvalue()
    assert "applications, record 1 (id 1): 'status' must be null or one of" in err.getvalue()


def test_the_release_export_imports_into_an_empty_database(tmp_path: Path) -> None:
    file = tmp_path / "export.json"
    shutil.copyfile(RELEASE / "export.json", file)
    target = _db(tmp_path, "target", fill=False)
    out = _import(file, target)
    assert "Interviews: 8 added; 0 already there." in out
    assert "Applications: 6 added; 0 already there." in out
    store = open_store(target).store
    views = group(store.applications(), store.interviews())
    rounds = {(v.application.company, v.application.role): [i.id for i in v.rounds] for v in views}
    # Joined by company and role: the first spelling met names the application.
    assert rounds[("Northwind Labs", "Data Engineer")] == [6, 7]
    assert len(views) == 6
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert [
        {k: v for k, v in json.loads(json.dumps(d)).items() if k != "application_id"}
        for d in json.loads(_export(target, "json"))["interviews"]
    ] == exported["interviews"]
    store.close()
    again = _import(file, target)
    assert "Interviews: 0 added; 8 already there." in again


def test_the_release_export_imports_into_its_own_migrated_database(tmp_path: Path) -> None:
    file = tmp_path / "export.json"
    shutil.copyfile(RELEASE / "export.json", file)
    target = tmp_path / "db" / "coach.json"
    target.parent.mkdir()
    shutil.copyfile(RELEASE / "coach.json", target)
    store = open_store(target).store  # migrated to schema 4
    before = read_bundle(store)
    store.close()
    once = json.loads(target.read_text(encoding="utf-8"))
    out = _import(file, target)
    assert "Interviews: 0 added; 8 already there." in out
    assert "Attempts: 0 added" in out and "Mock exchanges: 0 added" in out
    assert "Applications: 0 added; 0 already there." in out
    after = json.loads(target.read_text(encoding="utf-8"))
    # (The import adds the settings table the release's file did not have: empty.)
    assert after.pop("settings", {}) == {} and after == once, "nothing duplicated or changed"
    assert read_bundle(open_store(target).store) == before


def test_markdown_groups_rounds_under_their_application(tmp_path: Path) -> None:
    text = _export(_db(tmp_path, "full"), "md")
    labs = text.index("### Northwind Labs — Data engineer (active)")
    assert text.index("| 2026-11-02 | Northwind Labs |") > labs
    assert text.index("| 2026-11-12 | northwind labs |") > text.index("| 2026-11-02 |")
    assert "### Globex — Analyst (withdrawn)" in text
    assert "#### Round 1: phone, 2026-11-02" in text
    assert "People: Ada \\*Park\\* (Head of Data), Sam" in text
    assert "Sent thank-you on 2026-11-02:" in text and "> Best, Me" in text
    page = MarkdownIt("commonmark").enable("table").render(text)
    assert "<a " not in page and "<b>" not in page and "<em>" not in page
    assert "[the pager](https://evil.example)" in page
    assert "<h1>" not in page.split("<h1>", 2)[-1], "a line of notes is never a heading"


def test_csv_names_each_rounds_application_notes_people_and_messages(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(_db(tmp_path, "full"), "csv"))))
    first = rows[0]
    assert list(first)[-4:] == ["application", "notes", "people", "messages_sent"]
    assert first["application"] == "1" and first["notes"].splitlines()[1] == "# not a heading"
    assert first["people"] == "Ada *Park* (Head of Data); Sam"
    assert first["messages_sent"] == "thank-you 2026-11-02"
    assert [r["application"] for r in rows if r["record"] == "interview"] == ["1", "1", "2", "3"]
