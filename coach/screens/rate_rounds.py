"""The Rate screen's work on applications and their rounds: the next round's form offered
after a round that led to one, and the application dialog's choices (ctrl+g) written to the
store. Kept apart from ``coach.screens.rate`` so the screen stays about its form."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

# Loaded by the Rate screen after its first frame (with its first rating), so the domain's
# modules here cost the first frame nothing.
from coach.domain.applications import ApplicationView, application_key, group, next_stage
from coach.domain.models import Application, Interview
from coach.render.safe import short
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError

if TYPE_CHECKING:
    from coach.screens.application import MoveRound, SetStatus
    from coach.screens.rate import RateScreen


def views(screen: RateScreen) -> list[ApplicationView]:
    """The applications as the list groups them."""
    return group(screen.applications, screen.interviews or ())


def saved_round(screen: RateScreen, interview_id: int | None) -> Interview | None:
    """The round ``interview_id`` as last read from the store (None for a new one)."""
    if interview_id is None:
        return None
    return next((i for i in screen.interviews or () if i.id == interview_id), None)


def linked(screen: RateScreen, interview: Interview) -> Interview:
    """``interview`` as parsed from the form, with what the form does not hold: a saved
    round keeps its application (the user may have moved it there; ``ctrl+g`` moves it) and
    its sent messages; a next round's form joins the application it was started from (while
    its names are that application's: ``joins``)."""
    stored = saved_round(screen, interview.id)
    if stored is not None:
        return replace(interview, application_id=stored.application_id, messages=stored.messages)
    if interview.id is None and joins(interview, screen.joining):
        assert screen.joining is not None
        return replace(interview, application_id=screen.joining.id)
    return interview


def joins(interview: Interview, application: Application | None) -> bool:
    """Whether a new round goes into ``application`` (a next round's form): only while its
    company and role are still the application's, as ``application_key`` compares them.
    Retyped to another company, it is another application's round."""
    if application is None or application.id is None:
        return False
    typed = application_key(interview.company, interview.role)
    return typed == application_key(application.company, application.role)


def follow_names(screen: RateScreen, saved: Interview) -> None:
    """After saving ``saved``: an application whose only round it is takes the round's company
    and role as retyped, so the list names it as typed (its status is kept). An application
    of several rounds keeps its names: one round's typo must not rename the others'."""
    app = next((a for a in screen.applications if a.id == saved.application_id), None)
    if app is None or (app.company, app.role) == (saved.company, saved.role):
        return
    rounds = [i for i in screen.interviews or () if i.application_id == app.id]
    if len(rounds) > 1 or any(i.id != saved.id for i in rounds):
        return
    screen.store.save_application(replace(app, company=saved.company, role=saved.role))


def offer_next_round(screen: RateScreen, saved: Interview, before: Interview | None) -> None:
    """After saving ``saved`` (``before``: as it was saved until then, None if new): if this
    save recorded that it led to a next round, and it is its application's latest, ask
    whether to start the next round's form. Saving it again later (notes added days after)
    asks nothing: the question was answered when the next round was recorded."""
    if saved.outcome != "next round" or (before is not None and before.outcome == saved.outcome):
        return
    view = next((v for v in views(screen) if any(r.id == saved.id for r in v.rounds)), None)
    if view is None or view.latest.id != saved.id:
        return  # a later round is already recorded
    from coach.screens.confirm import ConfirmScreen

    stage = next_stage(saved.stage)
    question = ConfirmScreen(
        "Start the next round's form?",
        f"A new form for {short(saved.company)}"
        + (f", {stage} stage" if stage else "")
        + ", as the next round of the same application (its date is today: change it to "
        "the day it is held).",
        yes="Start it",
        no="Not now",
    )

    def answered(yes: bool | None) -> None:
        if yes:
            screen.start_round(saved, stage)

    screen.app.push_screen(question, answered)


def open_application(screen: RateScreen) -> None:
    """Show the application dialog for the round open in the form."""
    from coach.screens.application import ApplicationScreen

    every = views(screen)
    view = next((v for v in every if any(r.id == screen.editing for r in v.rounds)), None)
    if screen.editing is None or view is None:
        screen.notify(
            "Open a saved round first (or save this one): its application is set here.",
            title="Application",
            severity="warning",
        )
        return
    others = [other for other in every if other is not view]
    screen.app.push_screen(
        ApplicationScreen(view, others), lambda choice: _apply(screen, view, choice)
    )


def _apply(screen: RateScreen, view: ApplicationView, choice: SetStatus | MoveRound | None) -> None:
    from coach.screens.application import MoveRound

    if choice is None or screen.editing is None:
        return
    try:
        if isinstance(choice, MoveRound):
            screen.store.move_round(screen.editing, choice.application_id)
            said = "The round is now " + (
                "an application of its own."
                if choice.application_id is None
                else "a round of the application chosen."
            )
        else:
            if view.application.id is None:
                raise StoreError(
                    "This application is not in the database yet: save its round (ctrl+s), "
                    "then set its status."
                )
            screen.store.save_application(replace(view.application, status=choice.status))
            said = f"{short(view.application.company)}: " + (
                choice.status or "its status follows its rounds"
            )
    except StoreError as error:
        screen.notify(str(error), title="Not changed", severity="error", timeout=12, markup=False)
        return
    tell_saved(
        screen,
        screen.store,
        said,
        title="Application saved",
        unkept="The change is kept only until coach closes",
    )
    screen.reread()
