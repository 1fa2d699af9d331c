"""The Rate screen's ctrl+d: delete the interview open in the form, once confirmed. Kept apart
from ``coach.screens.rate`` so the screen stays about its form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.render.safe import short
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError

if TYPE_CHECKING:
    from coach.screens.rate import RateScreen


def delete_open(screen: RateScreen) -> None:
    """Ask, then delete the interview being edited; a new form follows."""
    if screen.editing is None:
        screen.notify("Nothing to delete: this interview is not saved yet.", severity="warning")
        return
    doomed = screen.editing
    company = short(screen.values()["company"]) or "this interview"
    from coach.screens.confirm import ConfirmScreen

    confirm = ConfirmScreen(
        f"Delete {company}?",
        "Its signals, rating and outcome will be gone for good.",
        yes="Delete",
        no="Keep",
    )
    screen.app.push_screen(confirm, lambda yes: _delete(screen, doomed, company) if yes else None)


def _delete(screen: RateScreen, doomed: int, company: str) -> None:
    try:
        deleted = screen.store.delete_interview(doomed)
    except StoreError as error:
        screen.notify(str(error), title="Not deleted", severity="error", timeout=12, markup=False)
        return
    if deleted:
        tell_saved(
            screen,
            screen.store,
            f"Deleted {company}.",
            title="Interview deleted",
            unkept="The interview is gone only until coach closes",
        )
    else:
        screen.notify(
            f"{company} was already gone from the database (another coach window may "
            "have deleted it). The form now starts a new interview.",
            title="Nothing deleted",
            severity="warning",
            markup=False,
        )
    screen.reread()
    screen.new_form()
