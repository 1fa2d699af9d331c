"""The forgiving reader, as a property: whatever a stored document holds, reading it never
raises, a read record can always be rated, listed and exported, and what it writes back is
clean (it reads back without a problem)."""

from __future__ import annotations

import io
import json
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from coach.cli.history import problems_note, tables
from coach.content.rubric import load_rubric
from coach.domain import Attempt, FeedbackCard, Interview, Profile
from coach.domain.interviews import calibration, rate_saved
from coach.exports.backup import Bundle, export_doc
from coach.exports.text import card_titles, to_csv, to_markdown
from coach.store import records
from coach.store.drafts import Drafts

RUBRIC = load_rubric()
TODAY = date(2026, 11, 20)
ODD_TEXT = st.sampled_from(
    [
        "",
        "x" * 100_000,
        "9999-12-31T23:00:00+00:00",
        "9999-12-30",
        "0001-01-01",
        "2026-13-45",
        "2026-11-20T10:00:00",
        "2026-11-20T10:00:00+01:00",
        "2026-11-20",
        "20261120",
        "2026-W47-5",
        "NaN",
        "question",
        "response",
        "offer",
        "phone",
        "positive",
        "half \ud800 a surrogate",
        "[/remote]",
        "\x1b]0;PWNED\x07",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**4000, -(10**4000), 2**63, -1, 0, 5, 601, 10**15]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(exclude_categories=()), max_size=20),
    ODD_TEXT,
)
ODD = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
SIGNAL_KEYS = ["actual_min", "scheduled_min", "gave_timeline", "tone", "interview_date", "mood"]
SIGNALS = st.dictionaries(st.sampled_from(SIGNAL_KEYS) | st.text(max_size=5), ODD, max_size=6)


def documents(fields: list[str], **special: st.SearchStrategy[object]) -> st.SearchStrategy:
    """Dicts with any subset of ``fields``, each holding anything odd, plus stray keys."""
    values = {name: special.get(name, ODD) for name in fields}
    return st.fixed_dictionaries({}, optional={**values, "stray": ODD}) | st.dictionaries(
        st.sampled_from(fields), ODD
    )


CHECK = documents(["id", "name", "passed", "tip", "points", "max_points"])
ATTEMPTS = documents(
    ["kind", "text", "card_id", "score", "spoken_seconds", "created_at", "checks"],
    checks=st.lists(CHECK | ODD, max_size=3) | ODD,
)
INTERVIEWS = documents(
    [
        "company",
        "role",
        "stage",
        "held_at",
        "signals",
        "outcome",
        "closing_answer",
        "timeline_date",
        "reply_date",
        "application_id",
        "notes",
        "people",
        "messages",
    ],
    signals=SIGNALS | ODD,
    held_at=ODD_TEXT,
    timeline_date=ODD_TEXT,
    application_id=st.sampled_from([1, 0, -3, True, 10**15, "1", None]) | ODD,
    people=st.lists(documents(["name", "title"]) | ODD, max_size=3) | ODD,
    messages=st.lists(
        documents(
            ["kind", "sent_on", "text"],
            kind=st.sampled_from(["thank-you", "check-in", "rejection-reply", "apology"]) | ODD,
            sent_on=ODD_TEXT,
        )
        | ODD,
        max_size=3,
    )
    | ODD,
)
APPLICATIONS = documents(
    ["company", "role", "status"],
    status=st.sampled_from(["active", "offer", "rejected", "withdrawn", "no reply", "ghosted"])
    | ODD,
)
PROFILES = documents(
    ["strengths", "requirements"],
    strengths=st.lists(documents(["text", "evidence"]) | ODD, max_size=3) | ODD,
)
CARDS = documents(["id", "category", "feedback", "concern", "terms", "hint", "source"])


def writable(value: object) -> None:
    """Every text in ``value`` can go to a UTF-8 file or terminal."""
    json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


@pytest.mark.slow  # 150 generated databases through every reader
@settings(max_examples=150, deadline=None)
@given(
    st.lists(ATTEMPTS, max_size=3),
    st.lists(INTERVIEWS, max_size=3),
    PROFILES,
    st.lists(CARDS, max_size=2),
    st.lists(APPLICATIONS, max_size=2),
)
def test_reading_anything_never_raises_and_writes_back_clean(
    attempts: list[dict[str, object]],
    interviews: list[dict[str, object]],
    profile: dict[str, object],
    cards: list[dict[str, object]],
    applications: list[dict[str, object]],
) -> None:
    read_attempts = tuple(records.attempt_from(doc, n) for n, doc in enumerate(attempts, 1))
    read_interviews = tuple(records.interview_from(doc, n) for n, doc in enumerate(interviews, 1))
    bundle = Bundle(
        profile=records.profile_from(profile),
        attempts=read_attempts,
        interviews=read_interviews,
        heard_cards=tuple(records.heard_card_from(doc) for doc in cards),
    )
    for attempt in bundle.attempts:
        again = records.attempt_from(records.doc_of(attempt), attempt.id or 0)
        assert again.problems == () and again == attempt.__class__(
            **{**vars(attempt), "problems": ()}
        )
    for interview in bundle.interviews:
        rate_saved(interview, TODAY, RUBRIC)
        assert records.interview_from(records.doc_of(interview), 1).problems == ()
    for card in bundle.heard_cards:
        assert records.heard_card_from(records.card_doc(card)).problems == ()
    for n, doc in enumerate(applications, 1):
        app = records.application_from(doc, n)
        assert records.application_from(records.application_doc(app), n) == replace(
            app, problems=()
        )
    assert records.profile_from(records.profile_doc(bundle.profile)).problems == ()
    calibration(bundle.interviews, RUBRIC)

    # What history and the three exports do with them.
    writable(export_doc(bundle, "2026-11-20T10:00:00+01:00"))
    titles = card_titles(bundle)
    to_markdown(bundle, TODAY, titles).encode("utf-8")
    to_csv(bundle, TODAY, titles).encode("utf-8")
    # Without markup: that user text is never read as markup is another test's (coach.render).
    console = Console(file=io.StringIO(), width=120, markup=False)
    for table in tables(bundle, TODAY, 15):
        console.print(table)
    note = problems_note(bundle)
    read: tuple[Profile | Attempt | Interview | FeedbackCard, ...] = (
        bundle.profile,
        *bundle.attempts,
        *bundle.interviews,
        *bundle.heard_cards,
    )
    assert (note is None) == all(not r.problems for r in read)


DRAFT_BYTES = st.one_of(
    ODD.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.text(max_size=8), ODD).map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=50),
    st.sampled_from(
        [
            b"[" * 100_000 + b"]" * 100_000,
            b'{"a": ' + b"9" * 5000 + b"}",
            b'{"k": "\\ud800"}',
            b"\xef\xbb\xbf{}",
        ]
    ),
)


@settings(max_examples=60, deadline=None)
@given(DRAFT_BYTES)
def test_the_drafts_reader_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "coach.drafts.json"
        path.write_bytes(data)
        drafts = Drafts(path).all()
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in drafts.items())
        writable(drafts)
