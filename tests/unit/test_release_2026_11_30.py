"""A database written by the 2026-11-30 release (schema 3, before applications) opens with
today's code, migrates to schema 4, and nothing stored before is lost: every record is
compared field by field with what that release's own export of it holds. Its export still
imports (``test_release_import``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from coach.domain.applications import group
from coach.domain.models import Interview
from coach.store import records, schema
from coach.store.exchanges import exchange_doc
from coach.store.opening import open_store

RELEASE = Path(__file__).parent.parent / "releases" / "2026-11-30"
EXPORT: dict[str, Any] = json.loads((RELEASE / "export.json").read_text(encoding="utf-8"))


def _opened_copy(tmp_path: Path) -> Path:
    """The release's database, copied: the file in the repository is never changed."""
    path = tmp_path / "data" / "coach.json"
    path.parent.mkdir()
    shutil.copyfile(RELEASE / "coach.json", path)
    return path


def _without_link(doc: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if key != "application_id"}


def test_the_release_database_migrates_and_keeps_every_record(tmp_path: Path) -> None:
    path = _opened_copy(tmp_path)
    before = json.loads(path.read_text(encoding="utf-8"))
    opened = open_store(path)
    store = opened.store
    assert opened.problem is None
    assert store.unread_documents() == {}
    after = json.loads(path.read_text(encoding="utf-8"))
    assert schema.schema_of(before) == 3 and schema.schema_of(after) == schema.SCHEMA_VERSION
    # On disk: every document as it was; an interview gains only its application.
    for table, docs in before.items():
        if table in ("_meta", "interviews"):
            continue
        assert after[table] == docs, table
    assert {k: _without_link(d) for k, d in after["interviews"].items()} == before["interviews"]
    assert all(schema.is_id(d["application_id"]) for d in after["interviews"].values())
    marks = after["_meta"]["1"]["last_ids"]
    assert marks == {**before["_meta"]["1"]["last_ids"], "applications": 6}

    # As read, field by field against the release's export of the same database.
    interviews = store.interviews()
    assert [{"id": i.id, **_without_link(records.doc_of(i))} for i in interviews] == EXPORT[
        "interviews"
    ]
    assert all(not i.problems and i.application_id is not None for i in interviews)
    assert [{"id": a.id, **records.doc_of(a)} for a in store.attempts()] == EXPORT["attempts"]
    assert [{"id": e.id, **exchange_doc(e)} for e in store.exchanges()] == EXPORT["exchanges"]
    assert records.profile_doc(store.profile()) == EXPORT["profile"]
    assert [records.card_doc(c) for c in store.heard_cards()] == EXPORT["heard_cards"]
    assert store.settings() == EXPORT["settings"]
    store.close()


def test_each_company_and_role_becomes_one_application(tmp_path: Path) -> None:
    store = open_store(_opened_copy(tmp_path)).store
    apps = store.applications()
    views = {view.application.id: view for view in group(apps, store.interviews())}
    assert len(apps) == len(views) == 6, "one application per company and role, none empty"
    rounds = {
        (view.application.company, view.application.role): [i.id for i in view.rounds]
        for view in views.values()
    }
    # "Northwind Labs" and "northwind labs ": one application, named as its latest round
    # (held 2026-11-12) spells it, its two rounds in the order held.
    assert rounds[("northwind labs ", "data engineer")] == [6, 7]
    assert rounds[("Brightline Health", "Analytics engineer")] == [3, 4]
    assert rounds[("Ünïcode & Co\x07", "Analyst")] == [8]
    assert [a.id for a in apps] == [1, 2, 3, 4, 5, 6], "numbered in the order first seen"
    assert all(a.status is None and not a.problems for a in apps)
    # A new round of that application joins it, however it is spelled this time.
    labs = next(a.id for a in apps if a.company == "northwind labs ")
    joined = store.save_interview(Interview("NORTHWIND LABS", "Data engineer", "final"))
    assert joined.application_id == labs
    assert len(store.applications()) == 6
    store.close()
