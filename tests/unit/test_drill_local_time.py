"""Time stamps without a zone are taken as local time: read fast (one look-up of the local
offset per hour) yet exactly as ``astimezone`` reads them, across the hours the clocks change.

Each zone is checked in a child process with ``TZ`` set: changing this process's zone would
leave other tests (and the offsets already looked up) reading another zone."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
from datetime import datetime, timedelta
from coach.domain import drill
from coach.domain.models import Attempt

wrong = []
for day in ("2026-03-08", "2026-03-29", "2026-10-04", "2026-10-25", "2026-11-01", "2026-07-01"):
    start = datetime.fromisoformat(day) - timedelta(hours=3)
    for minutes in range(0, 9 * 60, 7):
        moment = start + timedelta(minutes=minutes)
        for text in (moment.isoformat(), moment.isoformat(sep=" ", timespec="minutes")):
            read = drill.saved_moment(Attempt("question", "", created_at=text))
            expected = datetime.fromisoformat(text).astimezone()
            if read != expected or read.utcoffset() != expected.utcoffset():
                wrong.append((text, str(read), str(expected)))
print(len(wrong), wrong[:3])
"""


@pytest.mark.parametrize(
    "zone", ["UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]
)
def test_naive_time_stamps_read_as_local_time_as_astimezone_reads_them(zone: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=60,
        env={"TZ": zone, "PYTHONPATH": ":".join(sys.path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("0 "), done.stdout
