"""The mock exchange's debrief as drawn: on one screen at 80x24 (a few lines a turn, long tips
cut at a word edge), its columns apart at every width, user text shown as data."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from coach.domain.cards import FeedbackCard
from coach.domain.exchange_debrief import Debrief, TurnReview
from coach.domain.models import Attempt, Exchange, Turn, TurnStep
from coach.render.exchange_view import HEADINGS, at_word_edge, debrief_view

LONG_TIP = (
    "Name the concern in its own words before you answer it, then give one result with a "
    "number that shows you have met it already, and end by asking whether that settles it "
    "or whether there is more they would like to hear about before the next round."
)
REPLY = (
    "Honestly, we were hoping for someone who has run dbt in production for a few years, "
    "and most of what you described was Python pipelines you wrote and ran by yourself."
)
CARD = FeedbackCard(
    id="skills-gap-2",
    category="skills-gap",
    feedback="We were hoping for someone who has run dbt in production for several years, "
    "with a team of analysts depending on the models every morning.",
    concern="dbt in production",
)


def _exchange(*, best: bool = True, tip: str = LONG_TIP, text: str = "An answer.") -> Debrief:
    exchange = Exchange(
        started_at="2026-03-10T18:00:00+00:00",
        reply_kind="concern",
        reply=REPLY,
        turns=(
            Turn("question", "Do you have any questions for me?", "closing-question"),
            Turn("answer", REPLY, CARD.id),
            Turn("probe", "But you haven't run dbt in production, have you?", CARD.id),
        ),
        card_id=CARD.id,
    )
    earlier = Attempt("response", "x" * 500, CARD.id, 100, created_at="2025-12-24T09:00:00+00:00")
    steps: tuple[tuple[TurnStep, int, int, float | None, float | None], ...] = (
        ("question", 0, 100, 3.4, 12.0),
        ("answer", 1, 58, 65.0, 83.5),
        ("probe", 2, 7, None, None),
    )
    turns = tuple(
        TurnReview(
            step=step,
            prompt=exchange.turns[n].prompt,
            card_id=exchange.turns[n].card_id,
            text=text,
            score=score,
            tip=tip,
            first_word_seconds=first,
            seconds=length,
            best_earlier=earlier if best and n else None,
        )
        for step, n, score, first, length in steps
    )
    return Debrief(exchange, turns, CARD.id, "your weakest turn")


def _lines(review: Debrief, width: int) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    with console.capture() as captured:
        console.print(debrief_view(review, {CARD.id: CARD}))
    return captured.get().rstrip("\n").split("\n")


@pytest.mark.parametrize("width", [78, 118])
def test_a_three_turn_debrief_fits_one_screen_with_long_tips_cut(width: int) -> None:
    lines = _lines(_exchange(), width)
    # Debrief, the reply, headings, two lines a turn, what to practise, the keys; 80x24 leaves
    # about 18 rows under the header and the footer.
    assert len(lines) == 1 + 1 + 1 + 2 * 3 + 1 + 1 <= 18, "\n".join(lines)
    assert all(len(line) <= width for line in lines), "\n".join(lines)
    tips = [line for line in lines if line.startswith("  Tip: ")]
    assert len(tips) == 3
    for tip in tips:
        shown = tip.removeprefix("  Tip: ")
        assert shown.endswith("…")
        assert LONG_TIP.startswith(shown[:-1])
        assert LONG_TIP[len(shown) - 1] == " ", "cut inside a word"
    # Not the whole reply nor the earlier answer's text: the reply once, cut to a line.
    assert sum("They said" in line for line in lines) == 1
    assert not any("xxxx" in line for line in lines)


@pytest.mark.parametrize("width", [78, 118])
def test_the_columns_never_touch(width: int) -> None:
    lines = _lines(_exchange(), width)
    heading = next(line for line in lines if line.startswith("Turn"))
    starts = [heading.index(name) for name in HEADINGS]
    assert starts == sorted(starts)
    rows = [line for line in lines if line.startswith(("Your", "Probe"))]
    assert len(rows) == 3
    for row in [heading, *rows]:
        # Every column starts where its heading does, after at least two spaces.
        for start in starts[1:]:
            assert row[start - 2 : start] == "  ", (row, start)
            assert row[start] != " ", (row, start)
    # The score beside the best earlier one (its score and its day, not its text).
    assert rows[1].rstrip().endswith("100/100 · 24 Dec 2025")
    assert rows[0].rstrip().endswith("none yet")  # the closing question: never answered
    # The figures of each turn, under their headings.
    assert re.search(r"Your answer\s+58/100\s+1:05\s+1:24\s+100/100", rows[1])
    assert re.search(r"Probe answer\s+7/100\s+-\s+-\s+100/100", rows[2])


def test_none_yet_stays_apart_from_the_score_at_120() -> None:
    lines = _lines(_exchange(best=False), 118)
    rows = [line for line in lines if line.startswith(("Your answer", "Probe"))]
    for row in rows:
        assert re.search(r"/100\s{2,}\S+\s{2,}\S+\s{2,}none yet$", row.rstrip()), row


def test_a_narrow_width_cuts_the_last_columns_rather_than_overlap() -> None:
    lines = _lines(_exchange(), 40)
    assert all(len(line) <= 40 for line in lines), "\n".join(lines)


def test_a_turn_with_nothing_to_improve_or_nothing_typed_says_so() -> None:
    assert any("every check passed" in line for line in _lines(_exchange(tip=""), 78))
    assert any("no gist typed" in line for line in _lines(_exchange(tip="", text=""), 78))


def test_user_text_is_data_in_the_debrief() -> None:
    review = _exchange(tip="Say [bold]less[/bold] \x1b[2J now")
    text = "\n".join(_lines(review, 118))
    assert "[bold]less[/bold]" in text
    assert "\x1b" not in text and "␛[2J" in text


@pytest.mark.parametrize(
    ("text", "cells", "shown"),
    [
        ("short enough", 20, "short enough"),
        ("cut at the edge of a word", 12, "cut at the…"),
        ("cut at the edge of a word", 11, "cut at the…"),
        ("Supercalifragilistic", 8, "Superca…"),
        ("a list, then more", 9, "a list…"),
    ],
)
def test_a_tip_is_cut_after_a_whole_word(text: str, cells: int, shown: str) -> None:
    assert at_word_edge(text, cells) == shown
