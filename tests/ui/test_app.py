"""The app as a user drives it: keys, the command palette, help, quitting."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from coach.app import CoachApp
from coach.domain import Interview
from coach.screens.help import HelpScreen
from coach.screens.notice import NoticeScreen
from coach.screens.rate import RateScreen
from coach.screens.rehearse import RehearseScreen
from coach.store.opening import open_store
from tests.ui.keyboard import footer_keys, wait_until

SIZE = (120, 36)


def text_of(widget: Static) -> str:
    """What a Static shows, as plain text."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def offered(pilot: Pilot[None], words: str) -> None:
    """Wait until a palette is open and its highlighted match contains ``words`` (it searches
    in a worker, and each key typed starts a new search)."""

    def highlighted() -> bool:
        palette = pilot.app.screen
        if not isinstance(palette, CommandPalette):
            return False
        option = palette.query_one(CommandList).highlighted_option
        return option is not None and words.lower() in str(option.prompt).lower()

    await wait_until(pilot, highlighted, f"the palette to offer {words!r}")


async def run_palette(pilot: Pilot[None], command: str) -> None:
    """Open the palette, type a command's name and run the top match, as a user would."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*command)
    # The palette searches in a worker; wait until the match is highlighted, then run it.
    await offered(pilot, command)
    await pilot.press("enter")
    await pilot.pause()


async def test_switch_screens_help_and_quit(db_path: Path) -> None:
    opened = open_store(db_path)
    app = CoachApp(opened.store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, RehearseScreen)
        assert app.current_screen_name == "rehearse"
        await pilot.press("f3")
        assert isinstance(app.screen, RateScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, RehearseScreen)

        await run_palette(pilot, "Rate screen")
        assert isinstance(app.screen, RateScreen)
        await run_palette(pilot, "Rehearse screen")
        assert isinstance(app.screen, RehearseScreen)

        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app.screen.query_one("#help-keys", Static))
        for expected in ("f2", "f3", "f1, ?", "^q", "^p"):
            assert expected in keys
        await pilot.press("escape")
        assert isinstance(app.screen, RehearseScreen)
        await pilot.press("tab")  # off the draft: there, "?" is just typed
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, RehearseScreen)

        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert not app.is_running


async def test_quit_through_the_palette(db_path: Path) -> None:
    app = CoachApp(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, "Quit")
    assert not app.is_running


async def test_first_screen_can_be_rate_and_lists_saved_interviews(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="Acme", role="Data engineer", held_at="2026-11-20"))
    app = CoachApp(store, first_screen="rate")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, RateScreen)
        table = app.screen.query_one("#interview-table", DataTable)
        # The list fills just after the first frame.
        await wait_until(pilot, lambda: table.row_count == 1, "the interview list")
        # Cells of stored text are Rich Texts (never markup): compared by what they show.
        assert [str(c) for c in table.get_row_at(0)[:3]] == ["2026-11-20", "Acme", "Data engineer"]
        await pilot.press("ctrl+q")


async def test_corrupt_database_is_explained_at_start(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_text("{ not json")
    opened = open_store(db_path)
    app = CoachApp(opened.store, problem=opened.problem)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        message = text_of(app.screen.query_one("#notice-message", Static))
        assert opened.kept_copy is not None
        assert opened.kept_copy.name in message.replace("\n", "")
        await pilot.press("enter")
        assert isinstance(app.screen, RehearseScreen)
    assert json.loads(db_path.read_text())["_meta"]["1"]["schema"] >= 1


async def test_the_collector_paused_for_start_up_resumes_after_the_first_frame(
    db_path: Path,
) -> None:
    import gc

    opened = open_store(db_path)
    app = CoachApp(opened.store)
    gc.disable()  # as ``coach`` does before it imports Textual
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_a_theme_picked_in_the_palette_is_remembered_across_runs(db_path: Path) -> None:
    opened = open_store(db_path)
    app = CoachApp(opened.store)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        dark = app.screen.styles.background
        await run_palette(pilot, "theme")  # Textual's "Change theme": a list of themes
        await pilot.press(*"nord")
        await offered(pilot, "nord")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
        assert app.screen.styles.background != dark
    opened.store.close()

    again = open_store(db_path)
    restarted = CoachApp(again.store)
    async with restarted.run_test(size=SIZE) as pilot:
        assert restarted.theme == "nord"
        await pilot.press("f3")  # every screen, not just the first, wears it
        assert restarted.screen.styles.background != dark
    again.store.close()


async def test_an_unknown_saved_theme_falls_back_to_the_default(db_path: Path) -> None:
    opened = open_store(db_path)
    opened.store.set_setting("theme", "a-theme-from-the-future")
    app = CoachApp(opened.store)
    async with app.run_test(size=SIZE):
        assert app.theme == "textual-dark"
    opened.store.close()


async def test_the_coach_command_shows_a_corrupt_file_after_its_first_frame(
    db_path: Path,
) -> None:
    from coach.store.lazy import LazyStore

    db_path.parent.mkdir(parents=True)
    db_path.write_text("{ not json")
    app = CoachApp(LazyStore(db_path))  # as coach.cli.main builds it
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, NoticeScreen), "the notice")
        assert "could not be read" in text_of(app.screen.query_one("#notice-message", Static))


async def test_the_footer_leaves_out_the_key_to_the_screen_already_showing(db_path: Path) -> None:
    app = CoachApp(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:

        def shown() -> set[str]:
            return set(footer_keys(app.screen))

        await wait_until(pilot, lambda: "Progress" in shown(), "the Footer")
        assert "Rate" in shown() and "Rehearse" not in shown()
        await pilot.press("f2")  # does nothing here
        assert isinstance(app.screen, RehearseScreen)
        await pilot.press("f3")
        await wait_until(pilot, lambda: "Rehearse" in shown(), "the Rate screen's Footer")
        assert "Rate" not in shown()


async def test_the_palette_offers_rates_hidden_keys_on_rate_only(db_path: Path) -> None:
    from coach.screens.application import ApplicationScreen
    from coach.widgets.debounce import Delays

    opened = open_store(db_path)
    saved = opened.store.save_interview(Interview("Acme", "SRE"))
    app = CoachApp(opened.store, first_screen="rate", delays=Delays.none())
    async with app.run_test(size=SIZE) as pilot:
        rate = app.screen
        assert isinstance(rate, RateScreen) and saved.id is not None

        def commands() -> dict[str, str]:
            return {c.title: c.help for c in app.get_system_commands(app.screen)}

        on_rate = commands()
        assert "(ctrl+o)" in on_rate["Follow-up message"]
        assert "(ctrl+g)" in on_rate["Application"]
        assert "(ctrl+l)" in on_rate["Find an interview"]
        # On Rate, ctrl+g is the application: the mock exchange names its own screen's key.
        assert on_rate["Mock exchange"].endswith("(ctrl+g on Rehearse)")
        # Found by name and run, as a user would: the dialog of the open round's application.
        rate.open_interview(saved.id)
        await wait_until(pilot, lambda: rate.editing is not None, "the round open")
        await run_palette(pilot, "Application")
        await wait_until(pilot, lambda: isinstance(app.screen, ApplicationScreen), "the dialog")
        await pilot.press("escape")
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, RehearseScreen), "Rehearse")
        on_rehearse = commands()
        assert not {"Follow-up message", "Application", "Find an interview"} & set(on_rehearse)
    opened.store.close()
