"""Textual's Footer, in a fixed order, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer whose keys keep one order, and that skips rebuilding when they come out the
    same.

    Textual's Footer lists the keys in the order of the focused widget's binding chain: a
    screen key that the focused widget binds too (an Input's ctrl+d, say) moved to the front
    when that widget had the focus, so the keys changed places as the focus moved. Here the
    screen's own keys come first, as declared, then the app's, as declared.

    Textual's Footer also rebuilds every key it shows (a widget each) whenever the screen's
    bindings may have changed, which is at every change of focus: moving between the draft and
    the card list, or the draft's editor arriving after the first frame, each rebuilt the keys
    for nothing. That cost CPU on every focus change and about 0.5 MiB of peak memory at start.
    """

    _shown: tuple[object, ...] | None = None
    """What the keys on show were built from; None before the first build."""

    def _rank(self) -> dict[str, int]:
        """Each action's place: the screen's keys as declared, then the app's."""
        declared = [*type(self.screen).BINDINGS, *type(self.app).BINDINGS]
        actions = [b.action for b in declared if isinstance(b, Binding)]
        return {action: place for place, action in reversed(list(enumerate(actions)))}

    def _keys(self) -> tuple[object, ...]:
        """What ``Footer.compose`` shows: per action, its first active binding (so "f1" and
        "?" for help are one key), in the Footer's order, and the command palette's."""
        shown: dict[str, tuple[object, ...]] = {}
        palette: tuple[object, ...] = ()
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            described = (binding.key, binding.description, binding.group, enabled, tooltip)
            if binding.show:
                shown.setdefault(binding.action, described)
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = described
        rank = self._rank()
        ordered = sorted(shown.items(), key=lambda item: rank.get(item[0], len(rank)))
        return (self.compact, self.show_command_palette, tuple(ordered), palette)

    def compose(self) -> ComposeResult:
        # What the keys are built from is read in the same moment as Footer builds them, so
        # it always describes what is on show. Footer builds nothing before the screen's
        # bindings are ready: then nothing is on show, and the next rebuild is never skipped.
        keys = self._keys()
        built = list(super().compose())
        self._shown = keys if built else None
        rank = self._rank()

        def place(widget: Widget) -> int:
            # Footer's keys carry their action; the palette's key stays last.
            if widget.has_class("-command-palette"):
                return len(rank) + 1
            return rank.get(str(getattr(widget, "action", "")), len(rank))

        yield from sorted(built, key=place)  # sorted() keeps Footer's order among equals

    async def recompose(self) -> None:
        if not self.is_attached:
            return  # its screen was closed while a rebuild waited for a refresh
        if self._keys() == self._shown:
            return
        await super().recompose()
