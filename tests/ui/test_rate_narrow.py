"""The Rate screen where room is short: names cut by the cells they take (CJK, emoji) with a
"…" that shows, a band spelled out where it fits, pick fields folded rather than cut at 60
columns; and a Discard question that says what really happens to an uncopied long draft."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Static

from coach.domain import Interview
from coach.screens.confirm import ConfirmScreen
from coach.screens.rate import RateScreen
from coach.screens.rate_draft import DRAFT_KEY
from coach.store import files
from coach.store.opening import open_store
from coach.widgets.choice_field import ChoiceField
from coach.widgets.draft_limits import MAX_DRAFT_CHARS
from tests.ui.keyboard import wait_until
from tests.ui.test_rate import app_on
from tests.ui.test_rate_draft import form, with_draft
from tests.ui.test_rate_fit import ready

WIDE_NAMES = ("東京海上日動火災保険株式会社", "🚀🚀🚀🚀🚀🚀 Rocket Labs")


async def listed(db_path: Path, size: tuple[int, int]) -> dict[str, list[str]]:
    """The list's columns at ``size``, each with its cells top to bottom, as plain text."""
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        table = screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count > 0, "the interviews")
        return {
            str(column.label): [str(cell) for cell in table.get_column(key)]
            for key, column in table.columns.items()
        } | {"widths": [str(c.width) for c in table.columns.values()]}


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_wide_names_are_cut_by_their_cells_with_a_visible_ellipsis(
    db_path: Path, size: tuple[int, int]
) -> None:
    store = open_store(db_path).store
    for name in WIDE_NAMES:
        store.save_interview(Interview(company=name, role="Analyst", held_at="2026-11-02"))
    store.close()
    columns = await listed(db_path, size)
    widths = dict(zip(columns, map(int, columns["widths"]), strict=False))
    for cell in columns["Company"]:
        assert cell.endswith("…") and cell_len(cell) <= widths["Company"], cell


@pytest.mark.parametrize(("width", "said"), [(160, "nothing to rate"), (80, "—")])
async def test_nothing_to_rate_is_spelled_out_where_it_fits(
    db_path: Path, width: int, said: str
) -> None:
    store = open_store(db_path).store
    # Held today, nothing observed: no silence to count yet either.
    store.save_interview(Interview(company="Globex", role="Analyst", held_at="2026-11-20"))
    store.close()
    columns = await listed(db_path, (width, 30))
    assert columns["Band"] == [said]


async def test_pick_fields_fold_a_long_choice_at_60_columns(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await ready(pilot)
        for name in ("stage", "outcome", "engagement"):
            field = screen.query_one(f"#f-{name}", ChoiceField)
            lines = field.render().plain.split("\n")
            assert field.size.height == len(lines), name
            assert all(len(line) <= field.content_size.width for line in lines), (name, lines)
            joined = "".join("".join(lines).split())
            for option in field.options[1:]:
                assert "".join(option.split()) in joined, (name, option, lines)


async def edit_then_discard(db_path: Path, answer: str) -> None:
    """Open Rate on the restored draft, type a role, then ctrl+n and Discard."""
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot)
        assert isinstance(screen, RateScreen)
        # The long draft is back, cut to what a field holds.
        assert screen.values()["closing_answer"] == answer[:MAX_DRAFT_CHARS]
        screen.query_one("#f-role").focus()
        await pilot.press(*"Lead")
        await wait_until(pilot, lambda: screen.values()["role"] == "Lead", "the edit")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ConfirmScreen)
        said = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "will be lost" not in said and "comes back next time" in said, said
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.values()["closing_answer"] == "", "discarded")


async def test_discarding_over_an_uncopied_long_draft_says_it_comes_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = "word " * (MAX_DRAFT_CHARS // 4)
    with_draft(db_path, form(None, closing_answer=answer))

    def full(path: Path, reason: str, now: object = None) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "keep_copy", full)
    await edit_then_discard(db_path, answer)
    await edit_then_discard(db_path, answer)  # it came back, as the question said
    kept = json.loads(open_store(db_path).store.drafts()[DRAFT_KEY])
    assert kept["values"]["role"] == "Analyst"
