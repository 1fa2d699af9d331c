"""The Rate screen's form: one field per signal (``coach.domain.interview_form``), in sections,
each with its error under it, and a title saying which interview it holds.

The form reports every edit with ``InterviewForm.Changed``; the screen parses the values and
hands the ``FormResult`` back (``result``), from which the form shows its errors: only at
fields the user has edited, until a save is tried (``show_all_errors``).

Only the first field (Company) is built for the screen's first frame, with the rest of its
section drawn by a light stand-in (``coach.widgets.form_preview``); the other fields (twenty-five,
TextAreas among them) are built just after it (``build_rest``, which the screen calls), or at
once when something needs them first: a key passing through the form, a field to focus or to
write under. Until then the form keeps their values itself, so it is always read and filled
whole.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, Label, Static

from coach.domain.form_fields import CHOICE_FIELDS, FIELDS
from coach.render.safe import short, user_text
from coach.widgets.choice_field import ChoiceField
from coach.widgets.form_preview import FormPreview
from coach.widgets.interview_fields import LABELS, PLACEHOLDERS, SECTIONS, TEXT_AREAS
from coach.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from coach.domain.interview_form import FormResult
    from coach.domain.models import Application

FIRST = SECTIONS[0][1][0]
"""The one field built for the first frame (Company): the rest of its section is drawn there by
a stand-in (``coach.widgets.form_preview``) and built with the later sections."""
PREVIEWED = SECTIONS[0][1][1:]
"""The first section's fields after ``FIRST``: drawn, not built, on the first frame."""
LATER = (*PREVIEWED, *(name for _title, names in SECTIONS[1:] for name in names))
"""The fields built just after the first frame."""
ON_SCREEN = tuple(name for _title, names in SECTIONS for name in names)
"""The fields in the order they are drawn (and Tab goes): not ``FIELDS``, the parser's order."""


class InterviewForm(VerticalScroll, can_focus=False):
    """The interview's fields as typed; errors and title drawn from the screen's parse.

    Not a Tab stop itself (there is nothing to type into it): Tab goes from field to field.
    """

    result: var[FormResult | None] = var(None, always_update=True)
    """The parse of the values (None before the first). Set again after each edit even when
    unchanged: the fields edited since, whose errors now show, may differ."""
    editing: var[int | None] = var(None)
    """The id of the saved interview in the form; None for a new one."""
    joining: var[Application | None] = var(None)
    """The application a next round's form was started from: the title names it while the
    company and role typed are still its own (the round then joins it when saved)."""
    show_all_errors: var[bool] = var(False)
    """Show every field's error, edited or not (once a save has been tried)."""

    @dataclass
    class Changed(Message):
        """The user edited a field; ``values`` is the whole form as it now stands."""

        values: dict[str, str]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._touched: set[str] = set()
        """Fields the user has edited: only their errors show before a save is tried."""
        self._later: dict[str, str] | None = dict.fromkeys(LATER, "")
        """The values of the fields not built yet; None once they are."""
        self._mounting: list[Awaitable[object]] = []
        """The later sections' mounts (and the stand-in's removal), awaited before scrolling to
        one of their fields."""

    def _kept(self) -> Mapping[str, str]:
        """What the stand-in draws: the values kept for the fields not built yet, or once they
        are (the stand-in shows until they are mounted), the fields' own."""
        return self._later if self._later is not None else self.values()

    @property
    def complete(self) -> bool:
        """Whether every section is built."""
        return self._later is None

    def compose(self) -> ComposeResult:
        yield Static(id="form-title", classes="panel-title")
        yield Static(SECTIONS[0][0], classes="form-section")
        # Its error line comes just after the first frame, with the later sections: it is
        # empty until there is a rating, and every widget delays the first frame.
        yield self._row(FIRST, self._label(FIRST), self._input(FIRST, ""))
        yield FormPreview(PREVIEWED, self._kept, id="form-preview")

    def build_rest(self) -> None:
        """Build the sections after the first, with the values kept for them (once only)."""
        later, self._later = self._later, None
        if later is None:
            return
        from textual.widgets import TextArea

        first: list[Widget] = []
        widgets: list[Widget] = []
        rows: list[tuple[Horizontal, Label, Widget]] = []
        # Built quietly: a field given its value is not the user editing it.
        with self.prevent(Input.Changed, TextArea.Changed, ChoiceField.Changed):
            for number, (title, names) in enumerate(SECTIONS):
                built = first if number == 0 else widgets
                if number:
                    built.append(Static(title, classes="form-section"))
                for name in names:
                    if name == FIRST:
                        continue
                    row = self._row(name)
                    rows.append((row, self._label(name), self._input(name, later[name])))
                    built += (row, self._error(name))
        preview = self.query_one(FormPreview)
        # The real rows go in above the stand-in with no height, so no frame shows both; a row
        # is drawn once mounted but its label and field only once they are too, so the
        # stand-in leaves (and the rows get their height) only then, in one frame (``_swap``).
        # Until then Tab can still reach them: they are not hidden, only flat.
        replacing = [row for row, _label, _field in rows[: len(PREVIEWED)]]
        for row in replacing:
            row.styles.height = 0
        swap = [self.mount_all(first, before=preview)]
        self._mounting += [swap[0], self.mount_all(widgets)]
        self._mounting.append(self.mount(self._error(FIRST), after=f"#row-{FIRST}"))
        # Into each row now, not from its compose (a moment later): every field can be found,
        # focused, filled and read from here on.
        filled = [row.mount(label, field) for row, label, field in rows]
        self._mounting += filled
        swap += filled[: len(PREVIEWED)]
        self._mounting.append(asyncio.ensure_future(self._swap(preview, replacing, swap)))
        self._show_result()

    async def _swap(
        self, preview: FormPreview, rows: list[Horizontal], mounting: list[AwaitMount]
    ) -> None:
        """Once the rows replacing the stand-in are mounted, show them in its place."""
        for mounted in mounting:
            await mounted
        with self.app.batch_update():  # one frame: the rows' height and the stand-in gone
            for row in rows:
                row.styles.clear_rule("height")  # back to rate.tcss's
            preview.display = False
        await preview.remove()

    @staticmethod
    def _row(name: str, *children: Widget) -> Horizontal:
        return Horizontal(*children, classes="form-row", id=f"row-{name}")

    @staticmethod
    def _label(name: str) -> Label:
        return Label(LABELS[name], classes="form-label")

    @staticmethod
    def _input(name: str, value: str) -> Widget:
        if name in CHOICE_FIELDS:
            return ChoiceField(CHOICE_FIELDS[name], value=value, id=f"f-{name}")
        if name in TEXT_AREAS:
            from coach.widgets.safe_fields import SafeTextArea

            return SafeTextArea(
                value,
                id=f"f-{name}",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=PLACEHOLDERS[name],
            )
        return SafeInput(
            value, id=f"f-{name}", placeholder=PLACEHOLDERS.get(name, ""), compact=True
        )

    @staticmethod
    def _error(name: str) -> Static:
        error = Static("", id=f"err-{name}", classes="field-error")
        error.display = False  # until there is an error to show (``_show_result``)
        return error

    def _field(self, name: str) -> Widget:
        """The field ``name``, built now if its section was not yet."""
        if self._later is not None and name in self._later:
            self.build_rest()
        return self.query_one(f"#f-{name}")

    # --- values in and out ----------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """The form as typed, field by field."""
        values: dict[str, str] = {}
        for name in FIELDS:
            if self._later is not None and name in self._later:
                values[name] = self._later[name]
                continue
            widget = self.query_one(f"#f-{name}")
            if isinstance(widget, ChoiceField | Input):
                values[name] = widget.value
            else:  # a TextArea: the closing answer, notes, interviewers
                values[name] = text_of(widget)
        return values

    def set_values(self, values: Mapping[str, str]) -> None:
        """Fill the form (a missing field is emptied) as if nothing had been edited yet: no
        ``Changed`` is sent, and errors show again only where the user edits."""
        self._touched.clear()
        self.show_all_errors = False
        with self.prevent(Input.Changed, ChoiceField.Changed, *self._text_area_changed()):
            for name in FIELDS:
                value = values.get(name, "")
                if self._later is not None and name in self._later:
                    self._later[name] = value
                    continue
                widget = self.query_one(f"#f-{name}")
                if isinstance(widget, ChoiceField):
                    widget.value = value if value in widget.options else ""
                elif isinstance(widget, Input):
                    widget.value = value
                    widget.cursor_position = len(value)  # typing goes on from the end
                else:
                    load_text(widget, value)
        for preview in self.query(FormPreview):
            preview.refresh()  # it draws the values kept for its rows
        if self.result is None:  # the first form, not parsed yet (just after the first frame)
            self._show_title(values.get("company", "").strip(), values.get("role", "").strip())

    def _text_area_changed(self) -> tuple[type[Message], ...]:
        """TextArea's Changed message, once there is a TextArea (its module loads with it)."""
        if self._later is not None:
            return ()
        from textual.widgets import TextArea

        return (TextArea.Changed,)

    def focus_field(self, name: str, *, at_end: bool = False) -> None:
        """Put the focus on field ``name``; with ``at_end``, a text field's cursor goes after
        its text with nothing selected (an interview just opened: the first key typed must not
        replace its company), where a Tab would select it all."""
        placed = self._later is None or name not in self._later
        field = self._field(name)
        if at_end and isinstance(field, SafeInput):
            field.focus_at_end()
        else:
            field.focus()
        if not placed:
            self.call_later(self._scroll_once_placed, field)

    def tell(self, name: str, message: str) -> None:
        """Write ``message`` where field ``name`` shows its errors (the user's text is safe)."""
        self.build_rest()  # every error line is built with the later sections
        self.query_one(f"#err-{name}", Static).update(user_text(message))

    @on(Input.Changed)
    @on(ChoiceField.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed | ChoiceField.Changed) -> None:
        event.stop()
        widget_id = event.control.id if event.control is not None else None
        if widget_id and widget_id.startswith("f-"):
            self._touched.add(widget_id[2:])
        self.post_message(self.Changed(self.values()))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # By its name, not ``@on``: the TextArea's module is loaded only with the later sections.
        self._edited(event)

    # --- keys typed before the later sections are in place --------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Build the later sections for a key typed before they are (as coach starts), and
        move the focus along the form's own order until they are laid out."""
        self.build_rest()
        if event.key not in ("tab", "shift+tab"):
            return
        focused = self.screen.focused
        name = (focused.id or "")[2:] if focused is not None else ""
        if name not in ON_SCREEN:
            return
        index = ON_SCREEN.index(name) + (1 if event.key == "tab" else -1)
        if not 0 <= index < len(ON_SCREEN):
            return  # out of the form: Textual's own order
        target = self.query_one(f"#f-{ON_SCREEN[index]}")
        if focused is not None and focused.virtual_region and target.virtual_region:
            return  # both laid out: Textual's order is the form's
        # Textual orders the focus by where widgets are drawn, and a field just built is not
        # drawn yet: it would come first, or be skipped.
        event.stop()
        event.prevent_default()
        self.screen.set_focus(target, scroll_visible=False)
        self.call_later(self._scroll_once_placed, target)

    async def built(self) -> None:
        """Return once the later sections are mounted (at once if they are not being built)."""
        for mounting in self._mounting:
            await mounting

    async def _scroll_once_placed(self, field: Widget) -> None:
        await self.built()
        self.call_after_refresh(field.scroll_visible, animate=False)

    # --- errors and title -----------------------------------------------------------------------

    def watch_result(self) -> None:
        self._show_result()

    def watch_editing(self) -> None:
        self._show_result()

    def watch_joining(self) -> None:
        self._show_result()

    def watch_show_all_errors(self) -> None:
        self._show_result()

    def _show_result(self) -> None:
        if self.result is None:
            return
        self.build_rest()  # the error lines (it shows the result itself, once)
        for name in FIELDS:
            shown = self.show_all_errors or name in self._touched
            message = self.result.errors.get(name, "") if shown else ""
            error = self.query_one(f"#err-{name}", Static)
            error.update(user_text(message))
            error.display = bool(message)
            self.query_one(f"#f-{name}").set_class(bool(message), "-invalid")
        typed = self.result.interview
        self._show_title(typed.company, typed.role)

    def _show_title(self, company: str, role: str) -> None:
        self.query_one("#form-title", Static).update(self._title(company, role))

    def _title(self, company: str, role: str) -> str | Text:
        if self.editing:
            return user_text(f"Editing: {short(company)}")
        app = self.joining
        if app is not None:
            # Only with a next round's application set: loaded then, never for the first frame.
            from coach.domain.applications import application_key

            if application_key(company, role) == application_key(app.company, app.role):
                role_shown = f" · {short(app.role)}" if app.role else ""
                return user_text(f"Next round of {short(app.company)}{role_shown}")
        return "A new interview"


def text_of(widget: Widget) -> str:
    """The text of one of the form's TextAreas."""
    from textual.widgets import TextArea

    assert isinstance(widget, TextArea)
    return widget.text


def load_text(widget: Widget, text: str) -> None:
    """Put ``text`` in one of the form's TextAreas."""
    from textual.widgets import TextArea

    assert isinstance(widget, TextArea)
    widget.load_text(text)
