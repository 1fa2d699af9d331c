"""Fixtures shared by every test. No test may touch the real home folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.store.opening import OpenedStore, open_store
from coach.store.store import Store


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
