"""The Rate form's first section, past its first field, as the screen's first frame shows it.

Every widget on the first frame costs start-up time: the four rows after Company (Role, Stage,
Date, Time) were twelve widgets (a row, its label, its field), about 12 ms from the app's start
to its first frame on this project's machine, which kept Rate's first frame over its goal of
1.2 times a bare Textual app's (docs/performance.md). So the first frame draws those rows in
this one widget, exactly as the real ones draw (a test compares the two, cell by cell, at each
width the form has and in the ANSI themes), and the form builds the real rows in its place just
after that frame with everything else it defers (``InterviewForm.build_rest``). Company stays a
real, focused field: what is typed as coach starts lands in it, and a Tab, or any field the app
needs, builds the real rows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from coach.domain.form_fields import CHOICE_FIELDS
from coach.render.safe import visible
from coach.widgets.choice_field import NOT_OBSERVED, draw_choices
from coach.widgets.interview_fields import LABELS, PLACEHOLDERS

WHOLE_ROW = ("company", "role")


class FormPreview(Widget):
    """Rows of the form drawn from their values: a label, then the field as it looks unfocused."""

    DEFAULT_CSS = """
    FormPreview {
        height: auto;
        & > .form-preview--label {
            color: $text-muted;
        }
        & > .form-preview--field {
            background: $surface;
            color: $foreground;
        }
        & > .form-preview--placeholder {
            background: $surface;
            color: $text-disabled;
        }
        /* Input's own rules for the ANSI themes (the terminal's colours). */
        &:ansi {
            & > .form-preview--field {
                background: ansi_default;
                color: ansi_default;
            }
            & > .form-preview--placeholder {
                background: ansi_default;
                color: ansi_default;
                text-style: dim;
            }
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "form-preview--label",
        "form-preview--field",
        "form-preview--placeholder",
    }

    def __init__(
        self, names: tuple[str, ...], values: Callable[[], Mapping[str, str]], *, id: str
    ) -> None:
        super().__init__(id=id)
        self.names = names
        self._values = values
        """The form's values (read at each draw: the form fills them before the rows exist)."""

    def _width(self, component: str) -> int:
        """The width rate.tcss gives ``component``, next to the real rows' rules (so a screen
        narrowing its labels narrows these too, and redraws them)."""
        width = self.get_component_styles(component).width
        return int(width.value) if width is not None and width.is_cells else 0

    def _rows(self, width: int) -> list[Text]:
        label_width = min(self._width("form-preview--label"), width)
        room = max(1, width - label_width)
        label_style = self.get_component_rich_style("form-preview--label")
        lines: list[Text] = []
        values = self._values()
        for name in self.names:
            field = self._field(name, values.get(name, ""), room)
            for number, drawn in enumerate(field):
                line = Text(no_wrap=True, end="")
                label = LABELS[name] if number == 0 else ""
                line.append(label[:label_width].ljust(label_width), style=label_style)
                line.append_text(drawn)
                lines.append(line)
        return lines

    def _field(self, name: str, value: str, room: int) -> list[Text]:
        if name in CHOICE_FIELDS:
            options = (NOT_OBSERVED, *CHOICE_FIELDS[name])
            chosen = value if value in options else NOT_OBSERVED
            # The field's padding, one cell either side (choice_field.py's DEFAULT_CSS).
            return [
                Text(" ", end="") + line + Text(" ", end="")
                for line in draw_choices(options, chosen, max(1, room - 2))
            ]
        width = room if name in WHOLE_ROW else min(self._width("form-preview--field"), room)
        field = self.get_component_rich_style("form-preview--field")
        if value:
            # From its start, as an Input not focused yet shows it.
            return [Text(_fit(visible(value), width), style=field, end="")]
        # Like Input, the placeholder's look on its words only, the field's on the rest.
        hint = _fit(PLACEHOLDERS.get(name, ""), width)
        words = hint.rstrip(" ")
        drawn = Text(end="")  # no style of its own: it would cover the padding too
        drawn.append(words, style=self.get_component_rich_style("form-preview--placeholder"))
        drawn.append(" " * (len(hint) - len(words)), style=field)
        return [drawn]

    def render(self) -> Text:
        return Text("\n", end="").join(self._rows(self.content_size.width or 80))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to ``width`` cells."""
    out = ""
    for char in text:
        if cell_len(out + char) > width:
            break
        out += char
    return out + " " * (width - cell_len(out))
