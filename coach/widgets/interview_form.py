"""The Rate screen's form: one field per signal (``coach.domain.interview_form``), in sections,
each with its error under it, and a title saying which interview it holds.

The form reports every edit with ``InterviewForm.Changed``; the screen parses the values and
hands the ``FormResult`` back (``result``), from which the form shows its errors: only at
fields the user has edited, until a save is tried (``show_all_errors``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from coach.domain.interview_form import CHOICE_FIELDS, FIELDS, FormResult
from coach.render.safe import short, user_text
from coach.widgets.choice_field import ChoiceField
from coach.widgets.interview_fields import LABELS, PLACEHOLDERS, SECTIONS
from coach.widgets.safe_fields import SafeInput, SafeTextArea


class InterviewForm(VerticalScroll):
    """The interview's fields as typed; errors and title drawn from the screen's parse."""

    result: var[FormResult | None] = var(None, always_update=True)
    """The parse of the values (None before the first). Set again after each edit even when
    unchanged: the fields edited since, whose errors now show, may differ."""
    editing: var[int | None] = var(None)
    """The id of the saved interview in the form; None for a new one."""
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

    def compose(self) -> ComposeResult:
        yield Static(id="form-title", classes="panel-title")
        for title, names in SECTIONS:
            yield Static(title, classes="form-section")
            for name in names:
                yield from self._field(name)

    def _field(self, name: str) -> ComposeResult:
        widget: Widget
        if name in CHOICE_FIELDS:
            widget = ChoiceField(CHOICE_FIELDS[name], id=f"f-{name}")
        elif name == "closing_answer":
            widget = SafeTextArea(
                id=f"f-{name}",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="What they said when you asked how you measure up…",
            )
        else:
            widget = SafeInput(id=f"f-{name}", placeholder=PLACEHOLDERS.get(name, ""), compact=True)
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(LABELS[name], classes="form-label")
            yield widget
        yield Static("", id=f"err-{name}", classes="field-error")

    # --- values in and out ----------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """The form as typed, field by field."""
        values: dict[str, str] = {}
        for name in FIELDS:
            widget = self.query_one(f"#f-{name}")
            if isinstance(widget, ChoiceField | Input):
                values[name] = widget.value
            elif isinstance(widget, TextArea):
                values[name] = widget.text
        return values

    def set_values(self, values: Mapping[str, str]) -> None:
        """Fill the form (a missing field is emptied) as if nothing had been edited yet: no
        ``Changed`` is sent, and errors show again only where the user edits."""
        self._touched.clear()
        self.show_all_errors = False
        with self.prevent(Input.Changed, TextArea.Changed, ChoiceField.Changed):
            for name in FIELDS:
                widget = self.query_one(f"#f-{name}")
                value = values.get(name, "")
                if isinstance(widget, ChoiceField):
                    widget.value = value if value in widget.options else ""
                elif isinstance(widget, TextArea):
                    widget.load_text(value)
                elif isinstance(widget, Input):
                    widget.value = value

    def focus_field(self, name: str) -> None:
        """Put the focus on field ``name``."""
        self.query_one(f"#f-{name}").focus()

    def tell(self, name: str, message: str) -> None:
        """Write ``message`` where field ``name`` shows its errors (the user's text is safe)."""
        self.query_one(f"#err-{name}", Static).update(user_text(message))

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceField.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed | ChoiceField.Changed) -> None:
        event.stop()
        widget_id = event.control.id if event.control is not None else None
        if widget_id and widget_id.startswith("f-"):
            self._touched.add(widget_id[2:])
        self.post_message(self.Changed(self.values()))

    # --- errors and title -----------------------------------------------------------------------

    def watch_result(self) -> None:
        self._show_result()

    def watch_editing(self) -> None:
        self._show_result()

    def watch_show_all_errors(self) -> None:
        self._show_result()

    def _show_result(self) -> None:
        if self.result is None:
            return
        for name in FIELDS:
            shown = self.show_all_errors or name in self._touched
            message = self.result.errors.get(name, "") if shown else ""
            error = self.query_one(f"#err-{name}", Static)
            error.update(user_text(message))
            error.display = bool(message)
            self.query_one(f"#f-{name}").set_class(bool(message), "-invalid")
        self.query_one("#form-title", Static).update(
            user_text(f"Editing: {short(self.result.interview.company)}")
            if self.editing
            else "A new interview"
        )
