"""The profile's interview date: saved, read back, read forgivingly, exported and imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.domain import Profile, Strength
from coach.exports.backup import BackupError, Bundle, export_doc, read_export
from coach.store import records
from coach.store.opening import open_store

PROFILE = Profile((Strength("SQL", "10 years"),), ("SQL",), interview_date="2026-11-21")


def test_the_date_is_saved_and_survives_reopening_the_store(db_path: Path) -> None:
    first = open_store(db_path).store
    first.save_profile(PROFILE)
    first.close()
    assert open_store(db_path).store.profile().interview_date == "2026-11-21"


def test_a_profile_saved_before_the_date_existed_reads_as_none_set() -> None:
    old = {"strengths": [{"text": "SQL", "evidence": "10 years"}], "requirements": ["SQL"]}
    profile = records.profile_from(old)
    assert profile.interview_date == "" and profile.problems == ()


@pytest.mark.parametrize("bad", ["next tuesday", "2026-13-01", 20261121, "9999-01-01", None])
def test_a_hand_edited_bad_date_is_a_problem_never_a_crash(bad: object) -> None:
    doc = {**records.profile_doc(PROFILE), "interview_date": bad}
    profile = records.profile_from(doc)
    assert profile.interview_date == ""
    assert profile.problems == ("interview_date",)
    assert profile.requirements == ("SQL",)  # the rest reads as it is


def test_export_and_import_carry_the_date() -> None:
    exported = json.dumps(export_doc(Bundle(profile=PROFILE), "2026-11-20T19:00:00+00:00")).encode()
    assert read_export(exported).profile == PROFILE
    doc = json.loads(exported)
    doc["profile"]["interview_date"] = "soon"
    with pytest.raises(BackupError, match="interview_date"):
        read_export(json.dumps(doc).encode())


def test_a_profile_without_a_date_is_stored_as_before_the_field_existed() -> None:
    """An export from this version, with no date set, stays readable by an older coach
    (whose import refuses a field it does not know)."""
    from coach.store.records import profile_doc

    assert "interview_date" not in profile_doc(Profile(requirements=("SQL",)))
    assert profile_doc(Profile(interview_date="2026-11-21"))["interview_date"] == "2026-11-21"
