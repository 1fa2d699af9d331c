"""The Store: round trips, file modes, bad files, failed writes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coach.domain import Attempt, Interview, Profile, Strength
from coach.store import files, schema
from coach.store.errors import StoreError
from coach.store.opening import open_store
from coach.store.store import Store


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(".lock"))


def test_round_trip_survives_reopen(db_path: Path) -> None:
    first = open_store(db_path).store
    profile = Profile(
        strengths=(Strength("Python data pipelines", "cut nightly ETL from 6 h to 40 min"),),
        requirements=("5 years of Python", "Kubernetes"),
    )
    first.save_profile(profile)
    attempt = first.add_attempt(
        Attempt(
            kind="response",
            text="That's fair…",
            card_id="skills-gap-1",
            score=72,
            spoken_seconds=41.5,
            created_at="2026-11-21T20:00:00+00:00",
        )
    )
    interview = first.save_interview(
        Interview(
            company="Acme",
            role="Data engineer",
            stage="onsite",
            held_at="2026-11-20",
            signals={"actual_min": 55, "tone": "positive"},
        )
    )
    first.set_setting("theme", "nord")
    first.close()

    again = open_store(db_path)
    assert again.problem is None
    store = again.store
    assert store.profile() == profile
    assert store.attempts() == [attempt]
    assert attempt.id == 1
    assert store.interviews() == [interview]
    assert store.setting("theme") == "nord"
    assert store.setting("missing", "default") == "default"


def test_update_replaces_whole_document_and_delete_removes(store: Store) -> None:
    saved = store.save_interview(
        Interview(company="Acme", role="Dev", signals={"tone": "negative", "smiles": "rarely"})
    )
    assert saved.id is not None
    updated = store.save_interview(
        Interview(company="Acme", role="Dev", signals={"tone": "positive"}, id=saved.id)
    )
    assert store.interviews() == [updated]
    assert dict(store.interviews()[0].signals) == {"tone": "positive"}, "old keys are dropped"
    assert store.delete_interview(saved.id) is True
    assert store.delete_interview(saved.id) is False
    assert store.interviews() == []


def test_settings_are_replaced_not_duplicated(store: Store, db_path: Path) -> None:
    store.set_setting("theme", "nord")
    store.set_setting("theme", "gruvbox")
    raw = json.loads(db_path.read_text())
    assert list(raw["settings"].values()) == [{"key": "theme", "value": "gruvbox"}]


def test_file_is_0600_and_new_folder_0700(opened: object, db_path: Path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


def test_loose_permissions_are_tightened_on_open(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_text(json.dumps(schema.empty()))
    db_path.chmod(0o644)
    open_store(db_path).store.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_new_file_has_schema_stamp(opened: object, db_path: Path) -> None:
    assert json.loads(db_path.read_text()) == {"_meta": {"1": {"schema": schema.SCHEMA_VERSION}}}


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"this is not json", "not valid JSON at line 1"),
        (b'{"attempts": {"1": {"text": "half a fi', "not valid JSON"),
        (b'["a", "list"]', "top level is a list"),
        (b'{"attempts": {"one": {}}}', "not a number"),
        (b"\xff\xfe\x00garbage", "not"),
    ],
    ids=["not-json", "truncated", "wrong-shape", "bad-ids", "binary"],
)
def test_corrupt_file_is_kept_and_replaced(db_path: Path, content: bytes, why: str) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(content)
    opened = open_store(db_path)
    assert opened.store.persistent
    assert opened.kept_copy is not None
    assert opened.kept_copy.read_bytes() == content, "the copy is the bad file, byte for byte"
    assert opened.kept_copy.name.startswith("coach.json.corrupt-")
    assert opened.problem is not None
    assert why in opened.problem
    assert str(opened.kept_copy) in opened.problem
    # The app goes on with an empty, working database at the same place.
    opened.store.add_attempt(Attempt(kind="question", text="hello"))
    assert [a.text for a in open_store(db_path).store.attempts()] == ["hello"]


def test_second_corruption_never_overwrites_first_copy(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b"first bad")
    first = open_store(db_path).kept_copy
    db_path.write_bytes(b"second bad")
    second = open_store(db_path).kept_copy
    assert first is not None and second is not None and first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first bad", b"second bad")


def test_newer_schema_is_never_rewritten(db_path: Path) -> None:
    db_path.parent.mkdir()
    newer = {"_meta": {"1": {"schema": schema.SCHEMA_VERSION + 1}}, "attempts": {"1": {"x": 1}}}
    original = json.dumps(newer).encode()
    db_path.write_bytes(original)
    before = db_path.stat().st_mtime_ns
    opened = open_store(db_path)
    assert not opened.store.persistent, "runs on a temporary store"
    assert opened.problem is not None and "newer version of coach" in opened.problem
    assert opened.kept_copy is not None and opened.kept_copy.read_bytes() == original
    opened.store.add_attempt(Attempt(kind="question", text="goes nowhere"))
    assert db_path.read_bytes() == original
    assert db_path.stat().st_mtime_ns == before


def test_old_schema_is_migrated_with_a_copy_first(db_path: Path) -> None:
    db_path.parent.mkdir()
    unversioned = {"attempts": {"1": {"kind": "question", "text": "old"}}}
    db_path.write_text(json.dumps(unversioned))
    opened = open_store(db_path)
    assert opened.problem is None
    assert opened.kept_copy is not None and json.loads(opened.kept_copy.read_text()) == unversioned
    assert [a.text for a in opened.store.attempts()] == ["old"]
    assert schema.schema_of(json.loads(db_path.read_text())) == schema.SCHEMA_VERSION


def test_empty_file_becomes_a_new_database(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b"")
    opened = open_store(db_path)
    assert opened.problem is None and opened.kept_copy is None
    assert opened.store.persistent


def test_path_that_is_a_folder_gets_a_sentence(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    opened = open_store(db_path)
    assert not opened.store.persistent
    assert opened.problem is not None and "is a folder, not a database file" in opened.problem
    assert db_path.is_dir()


def test_unreadable_file_is_left_untouched(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path.parent.mkdir()
    db_path.write_text(json.dumps(schema.empty()))
    # Root can read a 0000 file, so the permission error is simulated at the read itself.
    real_read = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == db_path:
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    opened = open_store(db_path)
    monkeypatch.undo()
    assert not opened.store.persistent
    assert opened.problem is not None
    assert "Permission denied" in opened.problem and "Nothing in it was changed" in opened.problem
    assert siblings(db_path) == ["coach.json"], "no copy, no new file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_really_unreadable_file(db_path: Path) -> None:  # pragma: no cover - needs non-root
    db_path.parent.mkdir()
    db_path.write_text(json.dumps(schema.empty()))
    db_path.chmod(0)
    opened = open_store(db_path)
    assert not opened.store.persistent and opened.problem


def test_failed_write_raises_a_sentence_and_keeps_the_file(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_attempt(Attempt(kind="question", text="kept"))
    before = db_path.read_bytes()

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "atomic_write", disk_full)
    with pytest.raises(
        StoreError, match=r"No space left on device\. Your previous saves are intact"
    ):
        store.add_attempt(Attempt(kind="question", text="lost?"))
    monkeypatch.undo()
    assert db_path.read_bytes() == before
    # The failed write did not poison the store's cache: the next save and read are right.
    store.add_attempt(Attempt(kind="question", text="after"))
    assert [a.text for a in store.attempts()] == ["kept", "after"]
    assert [a.text for a in open_store(db_path).store.attempts()] == ["kept", "after"]


def test_two_stores_on_one_file_lose_nothing(db_path: Path) -> None:
    one = open_store(db_path).store
    two = open_store(db_path).store
    for n in range(20):
        (one if n % 2 else two).add_attempt(Attempt(kind="question", text=f"t{n}"))
    one.set_setting("theme", "nord")
    two.save_profile(Profile(requirements=("SQL",)))
    fresh = open_store(db_path).store
    texts = [a.text for a in fresh.attempts()]
    assert sorted(texts) == sorted(f"t{n}" for n in range(20))
    assert len({a.id for a in fresh.attempts()}) == 20
    assert fresh.setting("theme") == "nord"
    assert one.profile().requirements == ("SQL",), "each store sees the other's saves"


def test_in_memory_store_works_and_touches_no_file(tmp_path: Path) -> None:
    store = Store.in_memory()
    store.add_attempt(Attempt(kind="question", text="x"))
    assert [a.text for a in store.attempts()] == ["x"]
    assert not store.persistent


def test_ids_are_never_handed_out_twice_even_after_a_delete(db_path: Path) -> None:
    window_a = open_store(db_path).store
    window_b = open_store(db_path).store
    window_a.save_interview(Interview(company="Initech", role="r"))
    stale = window_a.save_interview(Interview(company="Umbrella", role="r"))
    window_b.delete_interview(stale.id or 0)
    fresh = window_b.save_interview(Interview(company="Globex", role="r"))
    assert fresh.id != stale.id
    # Window A still shows Umbrella and saves it: Globex must survive.
    window_a.save_interview(stale)
    companies = sorted(i.company for i in open_store(db_path).store.interviews())
    assert companies == ["Globex", "Initech", "Umbrella"]


def test_a_save_never_builds_on_a_stale_cache(db_path: Path) -> None:
    # On file systems with coarse timestamps, another window's save can look unchanged.
    mine = open_store(db_path).store
    theirs = open_store(db_path).store
    mine.set_setting("x", "0")
    theirs.set_setting("y", "0")
    mine.set_setting("x", "1")
    before = db_path.stat()
    theirs.set_setting("y", "2")
    os.utime(db_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    mine.set_setting("x", "3")
    again = open_store(db_path).store
    assert (again.setting("x"), again.setting("y")) == ("3", "2")


def test_a_symlinked_database_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "coach.json"
    real.parent.mkdir()
    link = tmp_path / "coach.json"
    link.symlink_to(real)
    open_store(link).store.save_interview(Interview(company="Acme", role="r"))
    assert link.is_symlink()
    assert "Acme" in real.read_text()


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"[" * 100_000, "nested too deeply"), ('{"attempts": {"²": {}}}'.encode(), "not a number")],
    ids=["deep-nesting", "superscript-id"],
)
def test_odd_corruptions_are_caught_too(db_path: Path, content: bytes, why: str) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(content)
    opened = open_store(db_path)
    assert opened.problem is not None and why in opened.problem
    assert opened.kept_copy is not None and opened.kept_copy.read_bytes() == content
    assert opened.store.attempts() == []


def test_revision_moves_with_every_save_here_or_in_another_window(db_path: Path) -> None:
    # Screens re-read only when it moved (coach/screens/fresh.py): a save anywhere must move it.
    store = open_store(db_path).store
    first = store.revision()
    assert store.revision() == first  # nothing saved: nothing to read again
    store.add_attempt(Attempt(kind="question", text="a"))
    second = store.revision()
    assert second != first
    other = open_store(db_path).store  # a second window, or ``coach import``
    other.save_interview(Interview(company="Elsewhere", role="Analyst"))
    other.close()
    assert store.revision() != second
    memory = Store.in_memory()
    before = memory.revision()
    memory.add_attempt(Attempt(kind="question", text="a"))
    assert memory.revision() != before
    store.close()
