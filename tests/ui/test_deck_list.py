"""The card list with the 16-kind deck and a real posting's tailored cards, at 80x24 and 120x36."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from coach.content.loader import load_deck
from coach.domain.cards import CATEGORIES
from coach.screens.profile import ProfileScreen
from coach.store.opening import open_store
from coach.widgets.card_list import NICE_GROUP
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of
from tests.ui.test_rehearse import app_on, loaded

POSTING = (Path(__file__).parents[1] / "unit" / "postings" / "nurse.txt").read_text("utf-8")


def listed(cards: OptionList) -> list[tuple[str, str | None, bool]]:
    """(label, card id, is a heading) for every option."""
    return [
        (str(option.prompt), option.id, option.disabled)
        for option in (cards.get_option_at_index(i) for i in range(cards.option_count))
    ]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_list_holds_every_kind_in_order_cut_to_fit(
    db_path: Path, size: tuple[int, int]
) -> None:
    titles, deck = load_deck()
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        cards = app.screen.query_one("#card-list", OptionList)
        options = listed(cards)
        headings = [label for label, _, heading in options if heading]
        assert len(headings) == len(CATEGORIES) == 16
        for heading, (title, _) in zip(headings, titles.values(), strict=True):
            # Whole, or cut with an ellipsis where the list is narrow: never another word.
            assert heading == title or (heading.endswith("…") and title.startswith(heading[:-1]))
        assert {card_id for _, card_id, _ in options} >= {card.id for card in deck}
        width = cards.content_size.width
        assert all(len(label) <= width for label, _, _ in options), "a label wraps"
        # The last kind can be reached: the list scrolls to its end.
        cards.focus()
        await pilot.press("end")
        await pilot.pause()
        assert cards.highlighted == cards.option_count - 1
        assert options[-1][1] == deck[-1].id


async def test_a_pasted_posting_gives_its_gaps_must_haves_first(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"Epic EHR: charting on 30 beds")
        await pilot.press("tab")
        await paste(pilot, POSTING)
        preview = app.screen.query_one("#profile-preview", Static)
        await wait_until(pilot, lambda: "9 requirement(s)" in text_of(preview), "the preview")
        assert "(3 nice to have)" in text_of(preview)
        assert "10 skill(s) not covered" in text_of(preview)
        await pilot.press("ctrl+s")
        await loaded(pilot)
        cards = app.screen.query_one("#card-list", OptionList)
        labels = [label for label, _, _ in listed(cards)]
    profile = store.profile()
    assert profile.requirements[0] == "Graduate of an accredited school of nursing"
    assert "Nice to have: BSN" in profile.requirements
    assert not any("Qualifications" in line or "$" in line for line in profile.requirements)
    mine = labels[labels.index("For your profile") + 1 : labels.index("Strong match")]
    assert mine.index(NICE_GROUP) == 7  # seven must-haves (Epic is covered), then the rest
    assert [label[2:6] for label in mine[8:]] == ["BSN", "tele", "Med/"]
    assert not any("Epic" in label for label in mine)
