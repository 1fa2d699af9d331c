"""Fixtures for the tests that drive the app."""

from __future__ import annotations

import pytest

from tests.ui.toasts import record_toasts


@pytest.fixture(autouse=True)
def _toasts_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app's toasts are recorded, for ``tests.ui.toasts.toasts`` to read."""
    record_toasts(monkeypatch)
