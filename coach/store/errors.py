"""The error every save and load can raise, in a module light enough for the first frame.

Screens catch it; importing it must not import TinyDB, so it lives here, apart from
``coach.store.store``.
"""

from __future__ import annotations


class StoreError(Exception):
    """A save or load failed; ``str()`` is a sentence to show the user as it is."""
