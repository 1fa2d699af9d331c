"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that skips rebuilding itself when its keys would come out the same.

    Textual's Footer rebuilds every key it shows (a widget each) whenever the screen's bindings
    may have changed, which is at every change of focus: moving between the draft and the card
    list, or the draft's editor arriving after the first frame, each rebuilt the nine keys
    for nothing. That cost CPU on every focus change and about 0.5 MiB of peak memory at start.
    """

    _shown: tuple[object, ...] | None = None
    """What the keys on show were built from; None before the first build."""

    def _keys(self) -> tuple[object, ...]:
        """What ``Footer.compose`` shows: per action, its first active binding (so "f1" and
        "?" for help are one key), and the command palette's."""
        shown: dict[str, tuple[object, ...]] = {}
        palette: tuple[object, ...] = ()
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            described = (binding.key, binding.description, binding.group, enabled, tooltip)
            if binding.show:
                shown.setdefault(binding.action, described)
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = described
        return (self.compact, self.show_command_palette, tuple(shown.items()), palette)

    def compose(self) -> ComposeResult:
        # What the keys are built from is read in the same moment as Footer builds them, so
        # it always describes what is on show. Footer builds nothing before the screen's
        # bindings are ready: then nothing is on show, and the next rebuild is never skipped.
        keys = self._keys()
        built = list(super().compose())
        self._shown = keys if built else None
        yield from built

    async def recompose(self) -> None:
        if self._keys() == self._shown:
            return
        await super().recompose()
