"""``coach screenshots DIR``: one SVG per screen, each showing what it promises."""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

import pytest

from coach.__main__ import main
from coach.cli.screenshots import SHOTS, SIZE, take

EXPECTED = {
    "rehearse-question": ["Ask the closing question", "Your phrasing", "97/100", "8 attempts"],
    "rehearse-response": [
        "The interviewer says",
        "hoping for more hands-on experience",
        "Acknowledges the concern",
        "3 attempts",
    ],
    "rate": ["Northwind Freight", "OVERDUE", "offer", "rejected", "Brier score", "95/100"],
    "rate-rounds": ["Brightline", "↳ 1 phone", "↳ 2 final", "Thank-you note sent"],
    "follow-up": ["Thank-you note", "Dear Mei Chen", "Lumen Analytics", "weekly A/B tests"],
    "due": ["Due today", "Reply overdue from Northwind Freight", "Send a thank-you note"],
    "help": ["Everywhere", "On this screen", "Timer", "Press Escape"],
    "profile": ["Your profile", "SQL and data modelling", "A/B testing and experiment design"],
    "progress": [
        "Rehearsal scores over time",
        "Interviews, read before any reply, by outcome",
        "offer",
    ],
    "command-palette": ["Rehearse screen", "Rate screen", "Help"],
    "mock-exchange": ["Debrief", "Your question", "Probe answer", "Best earlier", "Practise next"],
}


def svg_text(svg: str) -> str:
    """The text an SVG screenshot shows (tags dropped, entities and hard spaces undone)."""
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def test_screenshots_writes_every_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shots"
    assert main(["screenshots", str(folder)]) == 0

    written = sorted(path.name for path in folder.iterdir())
    assert written == sorted(f"{name}.svg" for name in EXPECTED)
    printed = capsys.readouterr().out.split()
    assert sorted(Path(line).name for line in printed) == written
    for name, phrases in EXPECTED.items():
        svg = (folder / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>"), name
        assert len(svg) > 20_000, f"{name} looks empty"
        shown = svg_text(svg)
        for phrase in phrases:
            assert phrase in shown, f"{name}: {phrase!r} not on screen"


def test_screenshots_are_repeatable(tmp_path: Path) -> None:
    # The fixed clock: the same screen gives the same bytes, so the committed files only
    # change when the screens do.
    rate = next(shot for shot in SHOTS if shot.name == "rate")
    files = []
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        files.append(asyncio.run(take(rate, tmp_path / run)))
    assert files[0].read_bytes() == files[1].read_bytes()


def test_screenshots_show_the_size_most_people_have() -> None:
    # 140x44 hid what is cut at 120x36 (issue 15): the README shows what people see.
    assert SIZE == (120, 36)
