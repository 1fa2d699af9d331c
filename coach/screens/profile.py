"""The profile editor: the user's strengths with evidence, and the target role's requirements."""

from __future__ import annotations

import re
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea

from coach.domain import limits
from coach.domain.cards import split_requirements, uncovered
from coach.domain.models import Profile, Strength
from coach.domain.postings import NICE_PREFIX
from coach.render.safe import user_text
from coach.widgets.safe_fields import SafeTextArea
from coach.widgets.safe_input import SafeInput

_SEPARATOR = re.compile("\\s+[\u2014\u2013-]\\s+|:\\s+|\\s+\\|\\s+")


class StrengthLineError(ValueError):
    """A strength line that cannot be saved; the message names the line."""


def parse_strengths(text: str) -> tuple[Strength, ...]:
    """One strength a line: "Strength — evidence" (or "-", ":" or "|" between them).

    Raises:
        StrengthLineError: A line has evidence but no strength before it.
    """
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("-*•").strip()
        if not line:
            continue
        parts = _SEPARATOR.split(line, maxsplit=1)
        strength = parts[0].strip()
        evidence = parts[1].strip() if len(parts) > 1 else ""
        if not strength:
            raise StrengthLineError(f"Line {number} has evidence but no strength before it.")
        found.append(Strength(strength, evidence))
    return tuple(found)


def strengths_text(strengths: tuple[Strength, ...]) -> str:
    """The editable form of saved strengths."""
    return "\n".join(f"{s.text} — {s.evidence}" if s.evidence else s.text for s in strengths)


class ProfileScreen(ModalScreen[Profile | None]):
    """Edit strengths and requirements; ctrl+s saves, Escape cancels."""

    CSS_PATH = "dialogs.tcss"  # read when first shown, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save profile"),  # not priority: after the keys typed before it
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self._profile = profile
        self._preview_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="profile"):
            yield Static("Your profile", id="profile-title")
            with Horizontal(id="profile-columns"):
                with Vertical():
                    yield Label("Strengths, one a line: strength — evidence")
                    yield SafeTextArea(
                        strengths_text(self._profile.strengths),
                        id="strengths",
                        placeholder="Python data pipelines — cut nightly ETL from 6 h to 40 min",
                    )
                    yield Static("", id="strengths-error", classes="field-error")
                with Vertical():
                    yield Label("The job posting, pasted whole")
                    yield SafeTextArea(
                        "\n".join(self._profile.requirements),
                        id="posting",
                        placeholder="- 5+ years of Python\n- Experience with Kubernetes",
                    )
            with Horizontal(id="interview-row"):
                # The evening before it, Rehearse practises in short steps (docs/screens.md).
                yield Label("Next interview (YYYY-MM-DD):")
                yield SafeInput(
                    self._profile.interview_date, id="interview-date", placeholder="none set"
                )
                yield Static("", id="interview-date-error", classes="field-error")
            yield Static("", id="profile-preview")
            yield Static("ctrl+s save · Escape cancel", id="profile-keys")

    def on_mount(self) -> None:
        self._preview()
        if "interview_date" in self._profile.problems:  # read as none set (store/records.py)
            self.query_one("#interview-date-error", Static).update(
                "The saved date could not be read: type it again."
            )

    @on(TextArea.Changed)
    def _typed(self) -> None:
        # Debounced, so a keystroke never waits for the preview to be redrawn.
        if self._preview_timer:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(0.15, self._preview)

    def _preview(self) -> None:
        error = self.query_one("#strengths-error", Static)
        try:
            strengths = parse_strengths(self.query_one("#strengths", TextArea).text)
        except StrengthLineError as problem:
            error.update(user_text(str(problem)))
            self.query_one("#strengths", TextArea).add_class("-invalid")
            return
        error.update("")
        self.query_one("#strengths", TextArea).remove_class("-invalid")
        requirements = split_requirements(self.query_one("#posting", TextArea).text)
        nice = sum(line.startswith(NICE_PREFIX) for line in requirements)
        gaps = uncovered(requirements, strengths)
        self.query_one("#profile-preview", Static).update(
            f"{len(strengths)} strength(s), {len(requirements)} requirement(s)"
            + (f" ({nice} nice to have)" if nice else "")
            + f"; {len(gaps)} skill(s) not covered by a strength become tailored feedback cards."
        )

    def _interview_date(self) -> str | None:
        """The date typed, as saved ("" for none); None, said under the field, if it is no
        date coach can use."""
        field = self.query_one("#interview-date", SafeInput)
        typed = field.value.strip()
        valid = not typed or limits.day(typed) is not None
        field.set_class(not valid, "-invalid")
        self.query_one("#interview-date-error", Static).update(
            "" if valid else f"Not a date {limits.DATE_RANGE}: type it like 2026-11-21."
        )
        return typed if valid else None

    def action_save(self) -> None:
        try:
            strengths = parse_strengths(self.query_one("#strengths", TextArea).text)
        except StrengthLineError:
            self._preview()  # puts the message under the field now, not after the debounce
            self.query_one("#strengths", TextArea).focus()
            return
        interview_date = self._interview_date()
        if interview_date is None:
            self.query_one("#interview-date", SafeInput).focus()
            return
        requirements = split_requirements(self.query_one("#posting", TextArea).text)
        self.dismiss(Profile(strengths, requirements, interview_date=interview_date))

    def lost_on_quit(self) -> str | None:
        """What quitting now would lose: the edits here, which are kept nowhere else."""
        return self.unsaved_changes()

    def unsaved_changes(self) -> str | None:
        """A sentence if the profile has edits that are not saved; None if none."""
        strengths = self.query_one("#strengths", TextArea).text
        posting = self.query_one("#posting", TextArea).text
        typed = self.query_one("#interview-date", SafeInput).value.strip()
        if (
            strengths == strengths_text(self._profile.strengths)
            and posting == "\n".join(self._profile.requirements)
            and typed == self._profile.interview_date
        ):
            return None
        return "Your edits to the profile are not saved (ctrl+s in the profile saves them)."

    def action_cancel(self) -> None:
        if self.unsaved_changes() is None:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        from coach.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(
                "Discard your changes?",
                "Your edits to the profile are not saved. ctrl+s saves them.",
                yes="Discard",
            ),
            answered,
        )
