"""Applications and their rounds in the store: an interview saved joins the application of
its company and role in the same atomic write, a round moves, an application goes with its
last round, and a hand-edited file is read without a crash."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from coach.domain.models import Application, Interview, Person, SentMessage
from coach.exports import backup, round_check
from coach.exports.backup import Bundle
from coach.store import records, rounds, schema
from coach.store.errors import StoreError
from coach.store.lazy import LazyStore
from coach.store.store import Store


def test_rounds_of_one_company_and_role_join_one_application(store: Store) -> None:
    first = store.save_interview(Interview("Northwind Labs", "Data Engineer", "phone"))
    second = store.save_interview(Interview("northwind  labs ", "data engineer", "onsite"))
    other = store.save_interview(Interview("Northwind Labs", "Analyst"))
    assert first.application_id is not None
    assert second.application_id == first.application_id != other.application_id
    apps = store.applications()
    assert [(a.company, a.role) for a in apps] == [
        ("Northwind Labs", "Data Engineer"),
        ("Northwind Labs", "Analyst"),
    ]
    assert {i.id: i.application_id for i in store.interviews()} == {
        first.id: first.application_id,
        second.id: first.application_id,
        other.id: other.application_id,
    }


def test_saving_a_round_that_makes_an_application_is_one_write(store: Store) -> None:
    before = store.revision()
    saved = store.save_interview(Interview("Acme", "SRE"))
    assert store.last_save is not None and store.last_save[0] == before
    assert store.revision() == store.last_save[1]
    writes, _ = store.revision()
    assert writes == before[0] + 1  # type: ignore[operator]  # (the count of writes here)
    assert store.path is not None
    raw = json.loads(store.path.read_text())
    assert raw["interviews"][str(saved.id)]["application_id"] == saved.application_id
    assert raw["applications"][str(saved.application_id)] == {"company": "Acme", "role": "SRE"}


def test_notes_people_and_messages_are_kept(store: Store) -> None:
    interview = Interview(
        "Acme",
        "SRE",
        notes="Talked about\nthe pager rota",
        people=(Person("Ada Park", "Head of Data"), Person("Sam")),
        messages=(SentMessage("thank-you", "2026-11-20", "Thank you, Ada"),),
    )
    saved = store.save_interview(interview)
    (read,) = store.interviews()
    assert read == saved and read.problems == ()


def test_the_last_round_deleted_takes_its_application(store: Store) -> None:
    one = store.save_interview(Interview("Acme", "SRE"))
    two = store.save_interview(Interview("Acme", "SRE"))
    assert one.id is not None and two.id is not None
    assert store.delete_interview(one.id)
    assert len(store.applications()) == 1
    assert store.delete_interview(two.id)
    assert store.applications() == []
    assert not store.delete_interview(two.id)
    again = store.save_interview(Interview("Acme", "SRE"))
    assert again.application_id is not None and again.application_id > (one.application_id or 0)


def test_a_round_moves_to_another_application_or_one_of_its_own(store: Store) -> None:
    a1 = store.save_interview(Interview("Acme", "SRE"))
    a2 = store.save_interview(Interview("Acme", "SRE"))
    b = store.save_interview(Interview("Acme", "Platform engineer"))
    assert a2.id is not None and b.id is not None
    moved = store.move_round(b.id, a1.application_id)
    assert moved.application_id == a1.application_id
    assert [a.id for a in store.applications()] == [a1.application_id], "b's went with it"
    alone = store.move_round(a2.id, None)
    assert alone.application_id not in (None, a1.application_id)
    assert len(store.applications()) == 2
    assert store.move_round(a2.id, None) == alone, "already alone: nothing changes"
    # A new round of the same key joins the application saved into last.
    third = store.save_interview(Interview("ACME", "sre"))
    assert third.application_id == alone.application_id
    with pytest.raises(StoreError, match="no longer saved"):
        store.move_round(a2.id, 999)
    with pytest.raises(StoreError, match="no longer saved"):
        store.move_round(999, a1.application_id)


def test_an_edit_keeps_the_application_it_names(store: Store) -> None:
    first = store.save_interview(Interview("Acme", "SRE"))
    renamed = store.save_interview(
        Interview("Acme Corp", "SRE", id=first.id, application_id=first.application_id)
    )
    assert renamed.application_id == first.application_id
    assert len(store.applications()) == 1


def test_an_edit_without_its_application_keeps_the_one_it_was_moved_to(store: Store) -> None:
    # The Rate form edits a round as Interview(company, role, id=...): that must not undo a
    # move and delete the application the round was moved to.
    first = store.save_interview(Interview("Acme", "SRE"))
    second = store.save_interview(Interview("Acme", "SRE"))
    assert second.id is not None
    alone = store.move_round(second.id, None)
    edited = store.save_interview(Interview("Acme", "SRE", stage="onsite", id=second.id))
    assert edited.application_id == alone.application_id != first.application_id
    assert {a.id for a in store.applications()} == {first.application_id, alone.application_id}


def test_a_stale_window_saving_an_old_application_does_not_undo_a_move(store: Store) -> None:
    # Rule: saving an interview already saved never changes its application; only
    # move_round does. A window that read the round before another window moved it saves
    # it with the application it read.
    first = store.save_interview(Interview("Acme", "SRE"))
    second = store.save_interview(Interview("Acme", "SRE"))
    assert second.id is not None
    alone = store.move_round(second.id, None)
    stale = store.save_interview(replace(second, notes="typed in the other window"))
    assert stale.application_id == alone.application_id
    assert {a.id for a in store.applications()} == {first.application_id, alone.application_id}
    # An application no longer saved is not kept: the round joins by its names again.
    assert first.id is not None
    store.delete_interview(first.id)
    gone = store.save_interview(Interview("Acme", "SRE", id=first.id, application_id=99))
    assert gone.application_id == alone.application_id


def test_a_stale_window_saving_an_edit_keeps_a_message_sent_since(db_path: Path) -> None:
    # Two windows on one file: one marks a thank-you sent, the other (its list read before)
    # saves an edit of the same round with the messages it read. The sent message survives.
    from coach.store.opening import open_store

    marking, stale = open_store(db_path).store, open_store(db_path).store
    earlier = SentMessage("check-in", "2026-11-18", "Any news?")
    saved = marking.save_interview(Interview("Acme", "SRE", messages=(earlier,)))
    (read,) = stale.interviews()
    thanks = SentMessage("thank-you", "2026-11-20", "Thank you, Ada")
    marking.save_interview(replace(saved, messages=(*saved.messages, thanks)))
    edited = stale.save_interview(replace(read, notes="typed in the other window"))
    assert edited.messages == (earlier, thanks)
    reader = open_store(db_path).store
    (again,) = reader.interviews()
    reader.close()
    assert again.notes == "typed in the other window"
    assert again.messages == (earlier, thanks), "a sent message was deleted by an edit"
    # Each once, in date order, whichever window adds one.
    sooner = SentMessage("thank-you", "2026-11-17", "Thanks")
    both = stale.save_interview(replace(read, messages=(thanks, sooner, thanks)))
    assert both.messages == (sooner, earlier, thanks)
    marking.close()
    stale.close()


def test_an_application_saves_its_status_and_names(store: Store) -> None:
    saved = store.save_interview(Interview("Acme", "SRE"))
    (app,) = store.applications()
    assert app == Application("Acme", "SRE", None, saved.application_id)
    changed = store.save_application(Application("Acme Corp", "SRE", "withdrawn", app.id))
    assert store.applications() == [changed]
    with pytest.raises(StoreError):
        store.save_application(Application("Nobody", "SRE", "offer", 999))
    with pytest.raises(StoreError):
        store.save_application(Application("New", "SRE"))


def test_the_lazy_store_passes_them_through(db_path: Path) -> None:
    lazy = LazyStore(db_path)
    saved = lazy.save_interview(Interview("Acme", "SRE"))
    assert saved.id is not None
    (app,) = lazy.applications()
    assert lazy.save_application(Application("Acme", "SRE", "offer", app.id)).status == "offer"
    assert lazy.move_round(saved.id, None).application_id == app.id
    lazy.close()


def _hand_edited(db_path: Path, raw: dict[str, object]) -> Store:
    from coach.store.opening import open_store

    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(json.dumps({"_meta": {"1": {"schema": schema.SCHEMA_VERSION}}, **raw}))
    return open_store(db_path).store


def test_a_hand_edited_file_is_read_without_a_crash(db_path: Path) -> None:
    store = _hand_edited(
        db_path,
        {
            "applications": {
                "1": {"company": "Acme", "role": "SRE", "status": "ghosted"},
                "2": {"company": ["x"], "role": "y" * 2000, "status": 3},
            },
            "interviews": {
                "1": {"company": "Acme", "role": "SRE", "application_id": 7},
                "2": {
                    "company": "Acme",
                    "role": "SRE",
                    "application_id": True,
                    "notes": {"a": 1},
                    "people": [{"name": "Ada\x1b[31m", "title": 5}, "Bob", {"name": "x" * 5000}],
                    "messages": [
                        {"kind": "apology", "sent_on": "2026-11-20", "text": "sorry"},
                        {"kind": "thank-you", "sent_on": "yesterday", "text": "thanks"},
                        7,
                    ],
                },
                "3": {"company": "Acme", "role": "SRE", "application_id": 1, "people": "Ada"},
            },
        },
    )
    one, two, three = store.interviews()
    assert one.application_id is None and rounds.GONE in one.problems
    assert two.application_id is None and "application_id" in two.problems
    assert two.notes == "" and "notes" in two.problems
    # Kept as typed: the screens make control characters visible (coach.render.safe).
    assert [p.name for p in two.people] == ["Ada\x1b[31m"]
    assert {"people.title", "people", "people.name"} <= set(two.problems)
    assert [(m.kind, m.sent_on) for m in two.messages] == [("thank-you", "")]
    assert {"messages.kind", "messages.sent_on", "messages"} <= set(two.problems)
    assert three.application_id == 1 and three.people == () and "people" in three.problems
    first, second = store.applications()
    assert first.status is None and first.problems == ("status",)
    assert (second.company, second.role) == ("", "")
    assert set(second.problems) == {"company", "role", "status"}
    # Saving the interview that lost its application joins it to one again.
    joined = store.save_interview(one)
    assert joined.application_id == 1
    store.close()


class Rounds(RuleBasedStateMachine):
    """Any sequence of saves, edits, moves, deletes and imports: every interview's
    application exists, every application has a round, and no id is ever handed out twice."""

    def __init__(self) -> None:
        super().__init__()
        self.store = Store.in_memory()
        self.app_ids_seen: set[int] = set()
        self.interview_ids_seen: set[int] = set()
        self.deleted: set[int] = set()
        self.held: set[int] = set()
        """The applications held after the last step."""
        self.sent: dict[int, set[SentMessage]] = {}
        """The messages marked sent, by interview: no later save may delete one."""

    def _ids(self) -> list[int]:
        return [i.id for i in self.store.interviews() if i.id is not None]

    @rule(
        company=st.sampled_from(["Acme", "acme ", "Globex"]), role=st.sampled_from(["SRE", "sre"])
    )
    def save_new(self, company: str, role: str) -> None:
        saved = self.store.save_interview(Interview(company, role))
        assert saved.id not in self.interview_ids_seen, "an interview id handed out again"
        assert saved.id is not None
        self.interview_ids_seen.add(saved.id)
        self._note_apps()

    @rule(
        pick=st.integers(0, 20),
        company=st.sampled_from(["Acme", "Initech"]),
        link=st.sampled_from(["none", "own", "other"]),
        other=st.integers(0, 20),
    )
    def edit(self, pick: int, company: str, link: str, other: int) -> None:
        """An edit as the Rate form makes it (``Interview(company, role, id=...)``), with the
        application it read, or with another (a stale window, the round since moved): a save
        never changes a saved interview's application; only ``move_round`` does."""
        ids, apps = self._ids(), [a.id for a in self.store.applications()]
        if ids:
            current = next(i for i in self.store.interviews() if i.id == ids[pick % len(ids)])
            application_id = {
                "none": None,
                "own": current.application_id,
                "other": apps[other % len(apps)],
            }[link]
            edited = Interview(company, current.role, id=current.id, application_id=application_id)
            saved = self.store.save_interview(edited)
            assert saved.application_id == current.application_id, "an edit moved the round"
            self._note_apps()

    @rule(pick=st.integers(0, 20), day=st.integers(10, 28))
    def mark_sent(self, pick: int, day: int) -> None:
        """A message marked sent on the interview as read now; the ``edit`` rule saves it
        again as a window that read it before would (with no messages)."""
        ids = self._ids()
        if ids:
            current = next(i for i in self.store.interviews() if i.id == ids[pick % len(ids)])
            sent = SentMessage("thank-you", f"2026-11-{day}", "Thank you")
            self.store.save_interview(replace(current, messages=(*current.messages, sent)))
            assert current.id is not None
            self.sent.setdefault(current.id, set()).add(sent)

    @rule(pick=st.integers(0, 20), into=st.integers(0, 20), alone=st.booleans())
    def move(self, pick: int, into: int, alone: bool) -> None:
        ids, apps = self._ids(), [a.id for a in self.store.applications()]
        if ids and apps:
            to = None if alone else apps[into % len(apps)]
            self.store.move_round(ids[pick % len(ids)], to)
            self._note_apps()

    @rule(pick=st.integers(0, 20))
    def delete(self, pick: int) -> None:
        ids = self._ids()
        if ids:
            gone = ids[pick % len(ids)]
            assert self.store.delete_interview(gone)
            self.deleted.add(gone)
            self._note_apps()

    @rule(
        app_id=st.integers(1, 8),
        company=st.sampled_from(["Acme", "Initech"]),
        linked=st.booleans(),
    )
    def import_round(self, app_id: int, company: str, linked: bool) -> None:
        """``coach import`` of a file holding one round of an application with any id (of
        one held here, of one deleted here, of one never handed out), or of none (an older
        export)."""
        interview_id = max(self.interview_ids_seen, default=0) + 1
        bundle = Bundle(
            applications=(Application(company, "SRE", id=app_id),) if linked else (),
            interviews=(
                Interview(
                    company, "SRE", id=interview_id, application_id=app_id if linked else None
                ),
            ),
        )
        self.store.change_raw(lambda raw: backup.merge(raw, bundle))
        self.interview_ids_seen.add(interview_id)
        self._note_apps()

    def _note_apps(self) -> None:
        """Ids are never reused: an application not held before the last step has an id above
        every one seen (the ones since removed too)."""
        held = {app.id for app in self.store.applications() if app.id is not None}
        for number in held - self.held:
            assert number > max(self.app_ids_seen, default=0), "an application id reused"
            self.app_ids_seen.add(number)
        self.held = held

    @invariant()
    def linked(self) -> None:
        apps = {a.id for a in self.store.applications() if a.id is not None}
        interviews = self.store.interviews()
        assert all(i.application_id in apps and not i.problems for i in interviews)
        assert apps == {i.application_id for i in interviews}, "an application with no round"
        assert not self.deleted & {i.id for i in interviews}
        for interview in interviews:
            assert interview.id is not None
            held = interview.messages
            assert self.sent.get(interview.id, set()) <= set(held), "a sent message lost"
            assert len(set(held)) == len(held), "a message held twice"
            assert [m.sent_on for m in held] == sorted(m.sent_on for m in held)


Rounds.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
test_rounds_property = Rounds.TestCase


@given(st.lists(st.sampled_from(["Acme", "acme", "Globex"]), max_size=8))
def test_ids_of_applications_only_grow(companies: list[str]) -> None:
    store = Store.in_memory()
    seen: list[int] = []
    for company in companies:
        saved = store.save_interview(Interview(company, "SRE"))
        assert saved.id is not None and saved.application_id is not None
        if saved.application_id not in seen:
            assert all(saved.application_id > n for n in seen), "an application id reused"
            seen.append(saved.application_id)
        store.delete_interview(saved.id)


def test_the_reader_names_a_dangling_link_only_at_the_table() -> None:
    doc = records.doc_of(Interview("Acme", "SRE", application_id=4))
    assert records.interview_from(doc, 1).application_id == 4  # one document cannot tell


def test_a_null_status_is_read_as_unset_as_the_import_takes_it() -> None:
    # `coach import` accepts "status": null (unset); the reader must not call it a problem.
    read = records.application_from({"company": "Acme", "role": "SRE", "status": None}, 3)
    assert read == Application("Acme", "SRE", None, 3) and read.problems == ()
    assert records.application_from({"company": "Acme", "role": "SRE"}, 3).problems == ()
    # The import's check reads it as the Store does: accepted, not "'status' cannot be read".
    doc = {"id": 3, "company": "Acme", "role": "SRE", "status": None}
    assert round_check.application(doc, "application 1", set()).status is None
    assert records.application_from({"company": "A", "role": "B", "status": 0}, 3).problems == (
        "status",
    )
