"""Fixtures for the tests that drive the app, and their ``slow`` mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.toasts import record_toasts

HERE = Path(__file__).parent

QUICK = {"test_debounce.py", "test_textual_privates.py"}
"""The modules here that run no coach app, only a bare Textual one: a few tenths of a second."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every other test here runs coach headless, a second or more each (two and a half
    minutes in all): each is ``slow``, so ``pytest -m "not slow"`` is a quick loop over the
    rest, while plain ``pytest`` (and CI) runs them all."""
    for item in items:
        if item.path.parent == HERE and item.path.name not in QUICK:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _toasts_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app's toasts are recorded, for ``tests.ui.toasts.toasts`` to read."""
    record_toasts(monkeypatch)
