"""Cards of the user's own, made in two dialogs that Rehearse opens: the profile (ctrl+o), whose
strengths and job requirements give tailored cards, and feedback heard in an interview (ctrl+f),
which becomes a heard card.

What a dialog gives back is saved here, and the user told; in between, the screen rebuilds its
cards (``then``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coach.screens import Clock
from coach.screens.fresh import tell_unread
from coach.screens.saving import tell_saved
from coach.store.errors import StoreError

if TYPE_CHECKING:
    from textual.screen import Screen

    from coach.domain.cards import FeedbackCard
    from coach.domain.models import Profile
    from coach.screens.rate import RateScreen
    from coach.store.api import StoreAPI


def edit_profile(screen: Screen[Any], store: StoreAPI, then: Callable[[], object]) -> None:
    """Open the profile editor over ``screen``; save the profile it gives back, call ``then``,
    and say how many tailored cards it makes."""
    from coach.domain.cards import tailored_cards
    from coach.screens.profile import ProfileScreen

    def edited(profile: Profile | None) -> None:
        if profile is None or not _saved(screen, lambda: store.save_profile(profile), "Profile"):
            return
        _shown(screen, then)
        tailored = len(tailored_cards(profile.requirements, profile.strengths))
        tell_saved(
            screen,
            store,
            f"Profile saved. {tailored} tailored card(s).",
            title="Profile",
            unkept="Your profile is kept only until coach closes",
        )

    try:
        profile = store.profile()
    except StoreError as error:
        tell_unread(screen, error)
        return
    screen.app.push_screen(ProfileScreen(profile), edited)


def record_heard(
    screen: Screen[Any], store: StoreAPI, clock: Clock, then: Callable[[FeedbackCard], object]
) -> None:
    """Open the dialog for feedback heard in an interview over ``screen``; keep it as a card,
    call ``then`` with the card, and say so."""
    from coach.domain.cards import heard_card
    from coach.screens.heard import HeardScreen

    def kept(result: tuple[str, str] | None) -> None:
        if result is None:
            return
        said, company = result
        card = heard_card(said, clock().strftime("%Y%m%d-%H%M%S"), company)
        if not _saved(screen, lambda: store.save_heard_card(card), ""):
            return
        _shown(screen, lambda: then(card))
        tell_saved(
            screen,
            store,
            "Kept as a card: rehearse your answer to it now.",
            title="Feedback",
            unkept="This card is kept only until coach closes",
        )

    screen.app.push_screen(HeardScreen(), kept)


def send_heard(screen: Screen[Any], store: StoreAPI, said: str, key: str, company: str) -> bool:
    """Keep the closing answer recorded on Rate (``said``, by ``company``) as a Rehearse card,
    its id made unique by ``key``, and say so; False if the store refused it."""
    from coach.domain.cards import heard_card

    card = heard_card(said, key, company)
    if not _saved(screen, lambda: store.save_heard_card(card), "Card"):
        return False
    tell_saved(
        screen,
        store,
        'Sent to Rehearse as a card under "Heard in interviews" (F2).',
        title="Feedback card",
        unkept="Sent to Rehearse (F2), but this card is kept only until coach closes",
    )
    return True


def _shown(screen: Screen[Any], show: Callable[[], object]) -> None:
    """Run ``show``, which reads what was just saved; if the store cannot be read (the file
    gone since), say so: the save itself is done."""
    try:
        show()
    except StoreError as error:
        tell_unread(screen, error)


def _saved(screen: Screen[Any], save: Callable[[], object], what: str) -> bool:
    """Run ``save``; if the store refuses, say so and return False."""
    try:
        save()
    except StoreError as error:
        title = f"{what} not saved" if what else "Not saved"
        screen.notify(str(error), title=title, severity="error", timeout=12, markup=False)
        return False
    return True


def send_from_rate(screen: RateScreen) -> None:
    """Rate's ``ctrl+f``: the closing answer in its form as a Rehearse card, or the reason it
    cannot be one shown at that field."""
    from coach.domain.cards import heard_problem

    values = screen.values()
    said, company = values["closing_answer"].strip(), values["company"].strip()
    problem = heard_problem(said, company)
    if problem:
        screen.form.tell("closing_answer", problem)
        screen.form.focus_field("closing_answer")
        return
    key = screen.editing if screen.editing is not None else screen.clock().strftime("%Y%m%d-%H%M%S")
    send_heard(screen, screen.store, said, str(key), company)
