"""``coach rate --signals FILE.json``: the rating without the app, and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def coach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, timeout=60
    )


def write(tmp_path: Path, content: str) -> str:
    path = tmp_path / "signals.json"
    path.write_text(content)
    return str(path)


def test_panel(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        json.dumps(
            {"scheduled_min": 45, "actual_min": 75, "follow_up_questions": 5, "gave_timeline": True}
        ),
    )
    result = coach("rate", "--signals", path)
    assert result.returncode == 0, result.stderr
    assert "went well" in result.stdout and "Green flags" in result.stdout


def test_json(tmp_path: Path) -> None:
    path = write(tmp_path, json.dumps({"vague_next_steps": True, "days_since_interview": 20}))
    result = coach("rate", "--signals", path, "--json")
    assert result.returncode == 0, result.stderr
    rating = json.loads(result.stdout)
    assert rating["band"] == "went poorly" and rating["overdue"] is True
    assert {c["key"] for c in rating["contributions"]} >= {"vague_next_steps", "follow_up"}
    assert 3 <= rating["score"] <= 97 and 0.05 <= rating["chance"] <= 0.85
    assert 0 < rating["confidence"] < 1
    observed = [c for c in rating["contributions"] if c["observed"]]
    assert sum(c["points"] for c in observed) == pytest.approx(rating["score"] - 50, abs=0.6)
    # The same read as the scripting API's.
    from coach import rate_interview

    api = rate_interview({"vague_next_steps": True, "days_since_interview": 20})
    assert (rating["score"], rating["band"], rating["chance"]) == (api.score, api.band, api.chance)


def test_json_with_nothing_observed_has_no_score(tmp_path: Path) -> None:
    result = coach("rate", "--signals", write(tmp_path, "{}"), "--json")
    assert result.returncode == 0, result.stderr
    rating = json.loads(result.stdout)
    assert rating["score"] is None and rating["chance"] is None
    assert rating["band"] == "nothing to rate"
    panel = coach("rate", "--signals", write(tmp_path, '{"tone": null}'))
    assert panel.returncode == 0 and "Nothing to rate yet" in panel.stdout
    assert "/100" not in panel.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[1, 2]", "must hold a JSON object of signals"),
        ('{"mood": "great"}', "unknown signal 'mood'"),
        ('{"eye_contact": "intense"}', "eye_contact must be one of 'good', 'mixed', 'poor'"),
        ('{"actual_min": 9000}', "actual_min must be from 1 to 600"),
    ],
)
def test_bad_files_exit_2_with_a_sentence(tmp_path: Path, content: str, message: str) -> None:
    result = coach("rate", "--signals", write(tmp_path, content))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = coach("rate", "--signals", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "no such file" in result.stderr
