"""The JSON content in data/: loaded, checked, and shipped inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from coach.content import ContentError, data_dir, load_questions

ROOT = Path(__file__).resolve().parents[2]
CANONICAL = (
    "Now that we've had a chance to talk, how does my background measure up to the "
    "requirements of the job? To the other candidates?"
)


def test_canonical_question_comes_first() -> None:
    questions = load_questions()
    assert questions[0].id == "canonical"
    assert questions[0].text == CANONICAL
    assert set(questions[0].purposes) == {"feedback", "strengths", "competition"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "could not be read"),
        ('{"questions": []}', "non-empty list"),
        ('{"questions": [{"id": "a", "text": "", "purposes": ["feedback"]}]}', "'text'"),
        ('{"questions": [{"id": "a", "text": "t", "purposes": ["fun"]}]}', "'purposes'"),
        (
            '{"questions": [{"id": "a", "text": "t", "purposes": ["feedback"]},'
            ' {"id": "a", "text": "u", "purposes": ["feedback"]}]}',
            "used twice",
        ),
    ],
)
def test_bad_content_is_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "questions.json").write_text(content)
    with pytest.raises(ContentError, match=message):
        load_questions(tmp_path)


def test_missing_file_says_reinstall(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="missing: reinstall coach"):
        load_questions(tmp_path)


def test_source_checkout_finds_repository_data() -> None:
    assert (data_dir() / "questions.json").is_file()


def test_built_wheel_carries_the_data_and_finds_it(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("coach-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in sorted((ROOT / "data").rglob("*.json")):
        inside = source.relative_to(ROOT / "data").as_posix()
        assert f"coach/data/{inside}" in names, f"{inside} is not in the wheel"
    for stylesheet in ("coach/coach.tcss", "coach/screens/rate.tcss", "coach/screens/dialogs.tcss"):
        assert stylesheet in names, f"{stylesheet} is not in the wheel"
    # Run the unpacked wheel from another folder: it must find its own copy of the data.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import json, coach.content as c\n"
        "print(json.dumps([str(c.data_dir()), c.load_questions()[0].id]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r}); {code}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    found, first = json.loads(result.stdout)
    assert found == str(unpacked / "coach" / "data")
    assert first == "canonical"
