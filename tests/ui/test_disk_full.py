"""Disk full during a save: a clear error in the app, the file intact, the text still there."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from pathlib import Path

from coach.domain import Attempt
from coach.store.opening import open_store

ROOT = Path(__file__).parents[2]
"""The repository's top folder: the child runs from there, as ``-m tests.ui.diskfull_child``."""


def test_a_full_disk_during_a_save_loses_nothing(db_path: Path) -> None:
    store = open_store(db_path).store
    for n in range(40):  # a history bigger than the limit below
        store.add_attempt(Attempt(kind="question", text=f"attempt {n} " * 20, score=50))
    store.close()
    before = db_path.read_bytes()
    limit = len(before) // 2

    def small_disk() -> None:
        # Writes past `limit` bytes fail with EFBIG, as on a full disk (and no SIGXFSZ kill).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.diskfull_child", str(db_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_disk,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert any(
        "Could not save" in m and "previous saves are intact" in m for m in report["messages"]
    ), report["messages"]
    assert report["draft"] == "How does my background measure up to the role?"
    assert db_path.read_bytes() == before, "the saved file is untouched"
    assert len(open_store(db_path).store.attempts()) == 40
    assert not [p for p in db_path.parent.iterdir() if ".tmp-" in p.name], "no half temp file"
