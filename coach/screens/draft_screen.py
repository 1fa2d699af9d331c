"""A screen with a draft: shown first in a light stand-in, then in its editor, and kept as typed.

The stand-in is ``coach.widgets.draft_preview.DraftPreview``: it saves the TextArea's cost
(about 10 ms) from the first frame. ``mount_editor`` puts the real editor, a TextArea with the
id "draft", in its place right after. Every key typed in the meantime is kept, in order.

A subclass never asks which of the two is up: ``open_draft`` shows a draft, ``draft_text``
reads it, ``focus_draft`` focuses it, and ``draft_changed`` hears of every edit. Each draft is
written to the drafts file after a pause in typing, and before the screen leaves it. What the
first frame does without, the subclass loads in ``load_rest``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widget import Widget

from coach.screens import after_first_frame, sized_from_the_start
from coach.screens.long_drafts import shorten_long_draft
from coach.store.errors import StoreError
from coach.widgets.debounce import Debouncer, Delays
from coach.widgets.draft_preview import DraftPreview
from coach.widgets.key_order import run_binding_now

if TYPE_CHECKING:
    from textual.widget import AwaitMount
    from textual.widgets import TextArea

    from coach.store.api import StoreAPI


def end_cursor(editor: TextArea) -> None:
    """Put the cursor at the end of a draft just shown: you go on where you left off."""
    editor.move_cursor(editor.document.end)


class DraftScreen(Screen[None]):
    """A screen with a draft: a ``DraftPreview`` that a TextArea (id "draft") replaces, each
    draft kept by key in the drafts file."""

    _editor: TextArea | None = None
    """The draft's editor once mounted; until then the stand-in holds the draft."""
    _light_first_frame = False
    """Whether the first frame shows the stand-in (``load_after_first_frame``)."""
    _loaded = False

    def __init__(self, store: StoreAPI, delays: Delays) -> None:
        super().__init__()
        sized_from_the_start(self)
        self.store = store
        self.drafts = store.drafts()
        """Each draft as typed, by key: the drafts file's, kept up to date as keys come."""
        self.draft_key = ""
        """The key of the draft shown."""
        self._unkept: set[str] = set()
        """Drafts too long to keep whole that could not be copied aside: never overwritten."""
        self._write_failed: set[str] = set()
        """Drafts whose last write to the drafts file failed (the toast said why)."""
        self._edited: dict[str, None] = {}
        """The keys of the drafts edited since the screen opened, in order: only these can be
        lost (one never touched is in the drafts file as it was)."""
        self._autosave = Debouncer(self, delays.autosave, self._write_draft)

    def load_after_first_frame(self) -> None:
        """Let the first frame show the draft in its stand-in, and ``load`` right after it."""
        self._light_first_frame = True
        after_first_frame(self, self.load)

    def load(self) -> None:
        """Mount the draft's editor, then ``load_rest``: right after a light first frame,
        before the first frame otherwise, or at once when a key needs it first (ctrl+s typed
        while coach starts). A second call does nothing. Synchronous, so no key is handled
        half-way through it."""
        if self._loaded:
            return
        self._loaded = True
        self._mount_editor(shown_now=not self._light_first_frame)
        self.load_rest()

    def load_rest(self) -> None:
        """What the first frame does without: the subclass's."""

    def draft_stand_in(self) -> DraftPreview:
        """The draft's box for the first frame (``compose`` yields it)."""
        return DraftPreview(
            "", id="draft-preview", on_change=self._typed, in_order=self.run_in_order
        )

    def open_draft(self, key: str, *, placeholder: str, title: str) -> None:
        """Show the draft kept under ``key`` (the one left is written first), with the
        ``placeholder`` shown while it is empty and the box's ``title``."""
        self.flush_draft()
        self.draft_key = key
        self.fit_draft(key)
        text = self.drafts.get(key, "")
        editor = self._editor
        if editor is None:
            preview = self.query_one(DraftPreview)
            preview.set_text(text)
            preview.set_placeholder(placeholder)
            preview.border_title = title
            return
        if editor.text != text:
            with self.prevent(editor.Changed):  # not an edit
                editor.load_text(text)
            end_cursor(editor)
        editor.placeholder, editor.border_title = placeholder, title

    @property
    def draft_text(self) -> str:
        """The draft as shown, in the editor or in its stand-in."""
        if self._editor is not None:
            return self._editor.text
        return self.query_one(DraftPreview).text

    def focus_draft(self) -> None:
        """Give the draft the focus, in whichever box holds it."""
        (self._editor or self.query_one(DraftPreview)).focus()

    def draft_changed(self, text: str) -> None:
        """Called with the draft's whole text after each edit (typed, pasted or deleted)."""

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Handled by name, not with @on(TextArea.Changed): that would import TextArea for the
        # first frame, which only has the editor's stand-in.
        if event.text_area is self._editor:
            self._typed(event.text_area.text)

    def _typed(self, text: str) -> None:
        if text == self.drafts.get(self.draft_key, ""):
            return
        self.drafts[self.draft_key] = text
        self._edited[self.draft_key] = None
        self._autosave.poke()  # after a pause in typing: a burst of keys costs one write
        self.draft_changed(text)

    def action_clear_draft(self) -> None:
        """Empty the open draft, after asking (its saved attempts stay)."""
        if not self.draft_text.strip():
            return
        from coach.screens.confirm import ConfirmScreen

        question = ConfirmScreen(
            "Clear the draft?",
            "Everything in the box goes (ctrl+z in the box brings it back until you leave "
            "this card). Attempts saved with ctrl+s stay.",
            yes="Clear",
        )
        self.app.push_screen(question, lambda clear: self._clear_draft() if clear else None)

    def _clear_draft(self) -> None:
        if self._editor is not None:
            self._editor.clear()  # an edit like any other: undone with ctrl+z, kept as typed
            self.focus_draft()
            return
        self.query_one(DraftPreview).set_text("")
        self._typed("")

    def flush_draft(self) -> None:
        """Write the draft now if it is waiting for a pause in typing (before leaving it)."""
        self._autosave.flush()

    def on_unmount(self) -> None:
        self.flush_draft()

    def _write_draft(self) -> None:
        if not self.is_mounted or self.draft_key in self._unkept:
            return
        try:
            self.store.save_draft(self.draft_key, self.drafts.get(self.draft_key, ""))
        except StoreError as error:
            self._write_failed.add(self.draft_key)
            self.notify(str(error), severity="error", timeout=10, markup=False)
        else:
            self._write_failed.discard(self.draft_key)

    DRAFTS_WHERE = ""
    """Where the drafts are, for the quit question (" on Rehearse")."""
    MOST_NAMED = 4
    """The quit question names this many drafts lost for one reason, then counts the rest."""

    def draft_name(self, key: str) -> str:
        """The draft under ``key``, named for the quit question (the subclass's)."""
        return key

    def draft_saved(self, key: str, text: str) -> bool:
        """Whether ``text``, the draft under ``key``, is saved elsewhere (the subclass's)."""
        return False

    def drafts_lost_on_quit(self) -> dict[str, str]:
        """The drafts edited here that would be lost if coach closed now, each with why, in a
        few words; none when each is kept (written to the drafts file, which is written now
        if the open one was waiting for a pause in typing) or saved elsewhere."""
        self.flush_draft()
        lost = {}
        for key in self._edited:
            text = self.drafts.get(key, "")
            if not text.strip() or self.draft_saved(key, text):
                continue
            if key in self._unkept:
                why: str | None = "too long to keep as you type"
            elif key in self._write_failed:
                why = "the drafts file could not be written"
            else:
                why = self.store.unsaved_reason
            if why:
                lost[key] = why
        return lost

    def lost_on_quit(self) -> str | None:
        """A sentence about the drafts quitting now would lose, naming them, for each reason;
        None if none."""
        by_why: dict[str, list[str]] = {}
        for key, why in self.drafts_lost_on_quit().items():
            by_why.setdefault(why, []).append(self.draft_name(key))
        sentences = []
        for why, names in by_why.items():
            if len(names) == 1:
                what = f"Your draft of {names[0]}{self.DRAFTS_WHERE} is"
            else:
                named = "; ".join(names[: self.MOST_NAMED])
                if len(names) > self.MOST_NAMED:
                    named += f"; and {len(names) - self.MOST_NAMED} more"
                what = f"Your {len(names)} drafts{self.DRAFTS_WHERE} ({named}) are"
            sentences.append(f"{what} not kept after coach closes: {why}.")
        return " ".join(sentences) or None

    def fit_draft(self, key: str) -> None:
        """Keep a draft too long for the editor whole, and give the editor its beginning."""
        shortened = shorten_long_draft(self.store, self.drafts, key)
        if shortened is None:
            return
        if not shortened.keep_typing:
            self._unkept.add(key)
        self.notify(
            shortened.message, title="A long draft", severity="warning", timeout=20, markup=False
        )

    def _mount_editor(self, *, shown_now: bool) -> TextArea:
        """Mount the draft's TextArea to take the place of the ``DraftPreview``.

        From here on the editor holds the draft. It has the stand-in's text, and any key the
        stand-in still receives goes into it, in order. It can be used at once (for a save,
        say), and is shown and focused once mounted.

        Args:
            shown_now: Show it at once, never the stand-in: for a screen building itself
                before its first frame (Rehearse opening on a card of the user's own).
        """
        from coach.widgets.draft_editor import DraftEditor

        preview = self.query_one(DraftPreview)
        editor = DraftEditor(
            preview.text, id="draft", placeholder=preview.placeholder, in_order=self.run_in_order
        )
        editor.border_title = preview.border_title
        end_cursor(editor)
        self._editor = editor
        preview.hand_to(editor)
        if shown_now:
            preview.display = False
        else:
            # Hidden until mounted, then swapped in one frame: the two never share the box.
            editor.display = False
        box = preview.parent
        assert isinstance(box, Widget)
        mounting = box.mount(editor, after=preview)
        self.call_later(self._hand_over, mounting)
        return editor

    async def run_in_order(self, key: str, widget: Widget) -> bool:
        """Run the binding of ``key`` now, as the draft's editor or stand-in (``widget``) meets
        it among the keys typed; True if one ran (see ``coach.widgets.key_order``)."""
        return await run_binding_now(self, key, widget)

    async def _hand_over(self, mounting: AwaitMount) -> None:
        await mounting
        self._swap_in_editor()

    def on_screen_resume(self) -> None:
        # Back from a dialog opened before the editor could take over (ctrl+o at once, say).
        self._swap_in_editor()

    def _swap_in_editor(self) -> None:
        """Show the mounted editor in the stand-in's place, with its focus, in one frame.

        Only while this screen is on top: under a dialog, the editor would take the focus and
        blink its cursor behind it. Until then the stand-in stays, typing into the editor.
        """
        previews = self.query(DraftPreview)
        editors = self.query("#draft")
        if not previews or not editors or not editors.first().is_mounted or not self.is_active:
            return
        preview, editor = previews.first(), editors.first()
        if preview.handed_over:
            return  # already on its way out
        preview.handed_over = True
        with self.app.batch_update():
            editor.display = True
            if preview.has_focus or self.focused is None:
                # At once (``editor.focus()`` would wait a turn), and before the stand-in is
                # hidden: its focus must not pass to the card list on the way.
                self.set_focus(editor)
            preview.display = False
        # Through its own queue, so a key already on its way to it still reaches the editor.
        preview.call_later(preview.remove)
