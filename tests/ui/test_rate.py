"""The Rate screen driven like a user: fill the form, see the rating, save, reopen, update."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static

from coach.app import CoachApp
from coach.domain import Interview
from coach.screens.confirm import ConfirmScreen
from coach.screens.rate import RateScreen
from coach.store.opening import open_store
from coach.store.store import Store
from coach.widgets.debounce import Delays
from tests.ui.keyboard import paste, wait_until
from tests.ui.test_app import text_of

SIZE = (120, 36)
NOV_20 = datetime(2026, 11, 20, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def app_on(store: Store, when: datetime = NOV_20) -> CoachApp:
    """The app on Rate, with no pause before rating or autosaving: tests wait on what they
    see, never on the clock."""
    return CoachApp(store, first_screen="rate", clock=lambda: when, delays=Delays.none())


def rating_text(app: CoachApp) -> str:
    return text_of(app.screen.query_one("#rating-view", Static))


async def fill_good_interview(pilot: object) -> None:
    """Company, role, stage, (date stays today), time, then the signals, by keyboard."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press(*"Globex", "tab", *"Analyst", "tab")
    await pilot.press("right", "right", "tab")  # stage: technical
    await pilot.press("tab", *"14:30", "tab")  # keep today's date, add the time
    await pilot.press(*"45", "tab", *"75", "tab")  # scheduled, actual minutes
    await pilot.press(*"14", "tab", *"5", "tab")  # questions, follow-ups
    await pilot.press(
        "right", "tab", "right", "tab", "right", "tab"
    )  # strengths, weaknesses, experience: yes
    await pilot.press(
        "right", "tab", "right", "tab", "right", "tab", "right", "tab"
    )  # good, often, engaged, positive
    await pilot.press(
        "right", "tab", "right", "tab", "right", "tab"
    )  # enthusiasm, follow up, timeline: yes


async def test_fill_the_form_see_the_rating_save_and_reopen(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, RateScreen)
        assert app.screen.query_one("#f-date", Input).value == "2026-11-20"
        await fill_good_interview(pilot)
        await pilot.press(*"2026-11-25", "tab")  # timeline date
        await pilot.press("right", "right", "tab")  # vague about next steps: no
        await paste(pilot, "Your analytics work is strong; we want more stakeholder management.")
        await wait_until(pilot, lambda: "Green flags" in rating_text(app), "the rating")
        rating = rating_text(app)
        assert "went well" in rating and "Green flags" in rating
        assert "awaiting reply" in rating
        await pilot.press("ctrl+s")
        table = app.screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "the saved interview listed")
        assert [str(cell) for cell in table.get_row_at(0)][:2] == ["2026-11-20", "Globex"]
    store.close()

    (saved,) = open_store(db_path).store.interviews()
    assert saved.company == "Globex" and saved.role == "Analyst" and saved.stage == "technical"
    assert saved.held_at == "2026-11-20T14:30"
    assert saved.timeline_date == "2026-11-25"
    assert saved.closing_answer.startswith("Your analytics work is strong")
    assert dict(saved.signals) == {
        "scheduled_min": 45,
        "actual_min": 75,
        "questions_asked": 14,
        "follow_up_questions": 5,
        "asked_strengths": True,
        "asked_weaknesses": True,
        "asked_experience": True,
        "eye_contact": "good",
        "smiles": "often",
        "engagement": "engaged",
        "tone": "positive",
        "enthusiasm_about_fit": True,
        "said_will_follow_up": True,
        "gave_timeline": True,
        "vague_next_steps": False,
    }

    # Two weeks later, no reply: the list shows the badge; the reply arrives and is recorded.
    later = app_on(open_store(db_path).store, NOV_20 + timedelta(days=14))
    async with later.run_test(size=SIZE) as pilot:
        table = later.screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "the interview list")
        assert "OVERDUE" in [str(cell) for cell in table.get_row_at(0)]
        table.focus()
        await pilot.press("enter")
        assert later.screen.query_one("#f-company", Input).value == "Globex"
        before = rating_text(later)
        assert "OVERDUE" in before
        later.screen.query_one("#f-reply_date", Input).focus()
        await pilot.press(*"2026-12-03", "tab", "right")  # the reply, and the outcome: offer
        await wait_until(pilot, lambda: "OVERDUE" not in rating_text(later), "the reply read")
        await pilot.press("ctrl+s")
        # Settled by the offer: the list shows the application's status, no follow-up badge.
        await wait_until(
            pilot,
            lambda: (
                "offer" in [str(c) for c in table.get_row_at(0)]
                and "OVERDUE" not in [str(c) for c in table.get_row_at(0)]
            ),
            "the offer listed",
        )
    (updated,) = open_store(db_path).store.interviews()
    assert updated.reply_date == "2026-12-03" and updated.outcome == "offer"
    assert updated.id == saved.id


async def test_bad_input_stands_at_the_field_and_nothing_is_saved(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Initech", "tab", "tab", "tab")
        date_field = app.screen.query_one("#f-date", Input)
        date_field.value = ""
        await pilot.press(*"2027-01-05", "tab", "tab", *"900", "tab", *"30", "tab", *"x")
        date_error = app.screen.query_one("#err-date", Static)
        await wait_until(
            pilot, lambda: "can't be in the future" in text_of(date_error), "the date's error"
        )
        assert "from 1 to 600, not 900" in text_of(
            app.screen.query_one("#err-scheduled_min", Static)
        )
        assert "whole number" in text_of(app.screen.query_one("#err-questions_asked", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.focused is date_field, "the first bad field gets the focus"
        assert date_field.has_class("-invalid")
        assert date_field.value == "2027-01-05", "nothing typed is lost"
    assert store.interviews() == []


async def test_an_empty_form_has_nothing_to_rate_and_not_observed_changes_no_score(
    db_path: Path,
) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "Nothing to rate yet" in rating_text(app), "empty read")
        assert "/100" not in rating_text(app), "no verdict drawn from nothing"
        app.screen.query_one("#f-tone").focus()
        await pilot.press("right")  # positive
        await wait_until(pilot, lambda: "64/100 mixed" in rating_text(app), "a positive tone")
        await pilot.press("backspace")  # back to not observed
        await wait_until(pilot, lambda: "Nothing to rate yet" in rating_text(app), "unset")


async def test_unsaved_form_survives_a_restart_and_leaving_does_not_ask(db_path: Path) -> None:
    app = app_on(open_store(db_path).store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Umbrella")
        await pilot.press("f2")  # the form is kept as it is: nothing to ask
        await wait_until(pilot, lambda: not isinstance(app.screen, RateScreen), "Rehearse")
        await pilot.press("ctrl+q")
    again = app_on(open_store(db_path).store)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.query_one("#f-company", Input).value == "Umbrella"


async def test_delete_asks_first(db_path: Path) -> None:
    store = open_store(db_path).store
    store.save_interview(Interview(company="Acme", role="Dev", held_at="2026-11-10"))
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "the interview list")
        table.focus()
        await pilot.press("enter")
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(store.interviews()) == 1
        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        assert store.interviews() == []
        assert table.display is False


async def test_their_answer_goes_to_rehearse_as_a_card(db_path: Path) -> None:
    store = open_store(db_path).store
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Hooli")
        app.screen.query_one("#f-closing_answer").focus()
        await paste(pilot, "We hoped for more experience leading a team.")
        await pilot.press("ctrl+f")
        await pilot.pause()
        (card,) = store.heard_cards()
        assert card.feedback == "We hoped for more experience leading a team."
        assert "Hooli" in card.concern
        await pilot.press("ctrl+s", "f2")
        await pilot.pause()
        labels = str(app.screen.query_one("#card-list", OptionList).get_option(card.id).prompt)
        assert "We hoped for more" in labels


async def test_calibration_appears_with_three_outcomes(db_path: Path) -> None:
    store = open_store(db_path).store
    good = {"scheduled_min": 45, "actual_min": 80, "follow_up_questions": 6, "gave_timeline": True}
    poor = {"scheduled_min": 45, "actual_min": 20, "vague_next_steps": True}
    for company, signals, outcome in (
        ("A", good, "offer"),
        ("B", poor, "rejected"),
        ("C", good, "next round"),
    ):
        store.save_interview(
            Interview(
                company=company, role="r", held_at="2026-11-01", signals=signals, outcome=outcome
            )
        )
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one("#calibration", Static)
        await wait_until(pilot, lambda: "Brier" in text_of(panel), "calibration")
        calibration = text_of(panel)
        assert "went well    2/2 positive (100%)" in calibration
        assert "Brier score" in calibration


def _score_of(text: str) -> int:
    import re

    found = re.search(r"(\d+)/100", text)
    assert found, text
    return int(found.group(1))


async def test_recording_a_rejection_never_raises_the_rating_and_all_three_ways_agree(
    db_path: Path, tmp_path: Path
) -> None:
    """The issue's case (24 went to 34), typed as a user would; then the screen, the scripting
    API and ``coach rate --signals`` give the same read of the saved interview."""
    import io
    import json

    from coach import rate_interview
    from coach.cli.rate import rate as rate_command
    from coach.domain.interviews import signals_for

    store = open_store(db_path).store
    poor: dict[str, object] = {
        "scheduled_min": 60,
        "actual_min": 35,
        "questions_asked": 5,
        "tone": "neutral",
        "gave_timeline": False,
    }
    store.save_interview(
        Interview(company="Initech", role="Analyst", held_at="2026-11-09", signals=poor)  # type: ignore[arg-type]
    )
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#interview-table", DataTable)
        await wait_until(pilot, lambda: table.row_count == 1, "the interview list")
        table.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: "OVERDUE" in rating_text(app), "the silence")
        silent = _score_of(rating_text(app))
        app.screen.query_one("#f-reply_date", Input).focus()
        await pilot.press(*"2026-11-11", "tab", "right", "right", "right")  # outcome: rejected
        await wait_until(pilot, lambda: "rejection" in rating_text(app), "the rejection read")
        rejected = _score_of(rating_text(app))
        assert rejected <= silent
        assert "went well" not in rating_text(app)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "rejected" in str(table.get_row_at(0)), "saved")
        shown = rating_text(app)
    (saved,) = open_store(db_path).store.interviews()
    assert saved.outcome == "rejected" and saved.reply_date == "2026-11-11"
    signals = signals_for(saved, NOV_20.date())
    api = rate_interview(signals)
    assert api.score == rejected and api.band in shown
    path = tmp_path / "signals.json"
    path.write_text(json.dumps(signals))
    out = io.StringIO()
    assert rate_command(str(path), as_json=True, out=out) == 0
    cli = json.loads(out.getvalue())
    assert (cli["score"], cli["band"], cli["chance"]) == (api.score, api.band, api.chance)
