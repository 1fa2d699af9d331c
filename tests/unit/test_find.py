"""Find an application as you type."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain import find
from coach.domain.applications import ApplicationView, application_key, group
from coach.domain.find import Finder, fold, haystack, matches
from coach.domain.models import Application, Interview

APP = Application("Café Northwind", "Data Engineer", id=1)
ROUNDS = (
    Interview(
        "Café Northwind",
        "Data Engineer",
        stage="phone",
        held_at="2026-11-02",
        outcome="next round",
        notes="Talked about\nthe KAFKA migration",
        application_id=1,
    ),
    Interview(
        "Café Northwind",
        "Data Engineer",
        stage="onsite",
        held_at="2026-11-12",
        notes="Met the CTO",
        application_id=1,
    ),
)
VIEW = group([APP], ROUNDS)[0]


def test_every_word_must_be_found_somewhere() -> None:
    assert matches("", VIEW, "went well")
    assert matches("   ", VIEW, "went well")
    assert matches("northwind engineer", VIEW, "mixed")
    assert matches("cafe kafka", VIEW, "mixed")  # accents and case do not count
    assert matches("CAF\u00c9", VIEW, "mixed") and matches("cafe\u0301", VIEW, "mixed")
    assert matches("onsite", VIEW, "mixed") and matches("phone", VIEW, "mixed")
    assert matches("cto", VIEW, "mixed")  # any round's notes
    assert matches("went well", VIEW, "went well") and not matches("poorly", VIEW, "went well")
    assert matches("active", VIEW, "") and not matches("rejected", VIEW, "")
    assert not matches("northwind analyst", VIEW, "mixed")
    assert matches("nort\x1bhwind", VIEW, "")  # control characters fold away
    assert matches("about the kafka", VIEW, "")  # a line break in the notes is a space


def test_a_word_never_spans_two_fields() -> None:
    assert not matches("engineermixed", VIEW, "mixed")


@settings(max_examples=100, deadline=None)
@given(
    query=st.text(max_size=60),
    company=st.text(max_size=30),
    notes=st.text(max_size=60),
    band=st.text(max_size=10),
)
def test_never_raises_and_a_part_of_the_company_finds_it(
    query: str, company: str, notes: str, band: str
) -> None:
    view = group([], [Interview(company, "r", notes=notes)])[0]
    assert isinstance(matches(query, view, band), bool)
    assert matches("", view, band)
    assert matches(company, view, band)


def as_before(text: str) -> str:
    """How find folded ``text`` before its fast path: ``application_key``'s folding, then
    without accents (one character at a time, in Python)."""
    folded = application_key(text, "")[0]
    spread = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in spread if not unicodedata.combining(ch))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
def test_the_fast_fold_folds_as_before(text: str) -> None:
    # A line break is a space now (before, it glued the words either side of it).
    assert fold(text) == " ".join(as_before(" ".join(text.split())).split())


def test_each_applications_text_is_folded_once_per_read(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[ApplicationView] = []

    def counted(view: ApplicationView) -> str:
        built.append(view)
        return haystack(view)

    monkeypatch.setattr(find, "haystack", counted)
    views = group([APP], [*ROUNDS, Interview("Hooli", "Analyst", notes="dbt")])
    finder = Finder(views)
    assert finder.shown("", lambda view: "mixed") == views and built == []  # nothing to find
    for query in ("k", "ka", "kaf", "kafka", "kafka m", "dbt", "x"):
        finder.shown(query, lambda view: "mixed")
    assert built == views, "every keystroke after the first only looks for the words"
    assert [v.application.company for v in finder.shown("DBT", lambda v: "")] == ["Hooli"]
    assert finder.shown("went well", lambda v: "went well") == views
    Finder(views).shown("k", lambda view: "mixed")  # the next read folds them again
    assert built == views * 2
