"""Rehearse fits 80x24 and 120x36: every panel has room to be read, nothing overlaps."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import OptionList

from coach.domain.cards import QUESTION_CARD_ID
from coach.store.opening import open_store
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_rehearse import app_on, coached, loaded

PANELS = ("#card-list", "#prompt", "#draft", "#coaching", "#history")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_every_panel_has_room_and_the_score_bar_one_line(
    db_path: Path, size: tuple[int, int]
) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await paste(pilot, "Um, how do I compare with the other candidates?")
        await coached(pilot, "/100")
        screen = app.screen
        regions = {name: screen.query_one(name).region for name in PANELS}
        for name, region in regions.items():
            assert screen.region.contains_region(region), f"{name} is cut off"
        for (a, one), (b, other) in combinations(regions.items(), 2):
            assert not one.overlaps(other), f"{a} and {b} overlap"
        assert regions["#prompt"].width >= 50, "the prompt has room for the question"
        assert regions["#draft"].width >= 24 and regions["#draft"].height >= 5
        assert regions["#coaching"].width >= 24
        assert regions["#history"].width >= 50 and regions["#history"].height >= 3
        cards = screen.query_one("#card-list", OptionList)
        question = cards.get_option(QUESTION_CARD_ID).prompt
        assert "Closing question" in str(question), "its name whole"
        panel = screen.query_one("#coach-panel")

        def top_lines() -> tuple[str, str]:
            first, second = panel.render_lines(Region(0, 0, panel.content_size.width, 2))
            return first.text, second.text

        # The panel is shown and filled in one go, but its lines may be drawn a frame later.
        await wait_until(pilot, lambda: "░" in top_lines()[0], "the score bar drawn")
        first, second = top_lines()
        assert "/100" in first and not second.strip(), "the bar on one line"
