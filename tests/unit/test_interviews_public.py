"""The interview rating on public first-hand accounts (``tests/labelled/public/interviews.*``):
the corpus's shape, and the figures reached, pinned so a regression fails CI. The held-out
part is only measured here; its items were never read to tune the rubric."""

from __future__ import annotations

import json

import pytest

from coach.content.rubric import load_rubric
from coach.domain.signals import signal_problem
from tests.labelled.interviews import (
    BANDS,
    HERE,
    always_mixed,
    coach_rater,
    figures,
    held_out,
    load,
    sign_counter,
)

# Reached on 2026-11-30 (issue 13), tuned on dev only: dev 0.784 (counting signs 0.712, always
# mixed 0.312), 2 gross errors; held-out 0.763 (counting signs 0.731, always mixed 0.323),
# 1 gross error. The bar is 0.80 with none: not reached (see docs/rating.md).
ACCURACY = {"dev": 0.78, "heldout": 0.76}
GROSS = {"dev": 2, "heldout": 1}
RUBRIC = load_rubric()


def _raw(part: str) -> list[dict[str, object]]:
    lines = (HERE / f"interviews.{part}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_corpus_is_public_varied_and_split_once_by_page() -> None:
    items = _raw("dev") + _raw("heldout")
    pages = {str(item["url"]) for item in items}
    assert len(items) >= 60 and len(pages) >= 30
    for band in BANDS:
        assert sum(item["band"] == band for item in items) >= 15, band
    for part in ("dev", "heldout"):
        for item in _raw(part):
            assert str(item["url"]).startswith("http") and item["description"], item
            assert held_out(str(item["url"])) == (part == "heldout"), item["url"]
            signals = item["signals"]
            assert isinstance(signals, dict) and len(signals) >= 2
            for key, value in signals.items():
                assert signal_problem(key, value) is None, (item["url"], key)
            assert "outcome" not in signals, "the outcome feeds calibration, not the label"


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_the_band_matches_the_accounts_better_than_trivial_raters(part: str) -> None:
    accounts = load(part)
    coach = figures(accounts, coach_rater(RUBRIC))
    assert coach.accuracy >= ACCURACY[part]
    assert coach.gross <= GROSS[part]
    assert coach.accuracy > figures(accounts, always_mixed).accuracy + 0.3
    assert coach.accuracy > figures(accounts, sign_counter(RUBRIC)).accuracy


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_the_rating_commits_when_the_account_is_clear(part: str) -> None:
    """The issue's complaint: of accounts that clearly went well or poorly, most read mixed."""
    clear = [a for a in load(part) if a.clear and a.band != "mixed"]
    result = figures(clear, coach_rater(RUBRIC))
    read_mixed = sum(n for (label, read), n in result.confusion.items() if read == "mixed")
    assert read_mixed / len(clear) <= 0.2
