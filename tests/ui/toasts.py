"""The toasts an app raised, as (title, message), in order: what the user was told.

Textual keeps the toasts on show in a private list (and drops each when it times out), so they
are recorded where every toast is raised, ``App.notify`` (a widget's ``notify`` calls it, and
``CoachApp.notify`` hands its cleaned text to it), and then shown as usual.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

import pytest
from textual.app import App

_RAISED: WeakKeyDictionary[App[Any], list[tuple[str, str]]] = WeakKeyDictionary()


def record_toasts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record every app's toasts for the rest of the test (see ``toasts``)."""
    show = App.notify

    def notify(self: App[Any], message: str, **options: Any) -> None:
        _RAISED.setdefault(self, []).append((str(options.get("title", "")), message))
        show(self, message, **options)

    monkeypatch.setattr(App, "notify", notify)


def toasts(app: App[Any]) -> list[tuple[str, str]]:
    """The toasts ``app`` raised so far, as (title, message), the first first."""
    return list(_RAISED.get(app, ()))
