"""Fixtures shared by every test. No test may touch the real home folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from coach.store.opening import OpenedStore, open_store
from coach.store.store import Store

# Hypothesis fails an example that takes over 200 ms. On a shared machine (CI, or two cores
# busy with other work) any example can stall that long, and the failure would say nothing
# about coach: no deadline. Loaded here, before any test module builds its own settings.
settings.register_profile("coach", deadline=None)
settings.load_profile("coach")


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every way of finding the database at a temp folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("COACH_DB", str(tmp_path / "env-db" / "coach.json"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path in a folder that does not exist yet."""
    return tmp_path / "data" / "coach.json"


@pytest.fixture
def opened(db_path: Path) -> Iterator[OpenedStore]:
    """A store on a fresh file."""
    result = open_store(db_path)
    yield result
    result.store.close()


@pytest.fixture
def store(opened: OpenedStore) -> Store:
    return opened.store
