"""The scripting API of issue 12: ``from coach import assess_closing_question, assess_pitch,
rate_interview`` with today's arguments alone, while ``import coach`` stays free."""

from __future__ import annotations

import json
import subprocess
import sys

import coach
import coach.domain
from coach.content.rubric import load_rubric
from coach.domain.assessment import Assessment
from coach.domain.rating import Rating


def run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (this one has imported everything already)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_importing_coach_imports_nothing_else() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import coach\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    # The domain's package and its content seam (two small modules, no typing) come with it,
    # so a script's first call finds where the packaged content is.
    assert run(code).strip() == "['coach', 'coach.domain', 'coach.domain.packaged']"


def test_the_three_calls_work_from_coach_with_todays_arguments_alone() -> None:
    question = coach.assess_closing_question(
        "Now that we've talked, how does my background measure up to the other candidates?"
    )
    pitch = coach.assess_pitch(
        "That's a fair point. I ran our SQL reporting for 3 years; I'd bring that here.",
        "We were hoping for more SQL.",
    )
    rating = coach.rate_interview({"scheduled_min": 45, "actual_min": 70, "gave_timeline": True})
    assert isinstance(question, Assessment) and 0 <= question.score <= 100 and question.checks
    assert isinstance(pitch, Assessment) and 0 <= pitch.score <= 100 and pitch.checks
    assert isinstance(rating, Rating) and rating.score is not None and 3 <= rating.score <= 97
    assert rating.chance is not None and 0 < rating.chance < 1
    # The very functions coach.domain offers: one implementation, two ways in. The rater's
    # domain function takes its rubric as an argument; coach's fills in the packaged one.
    assert coach.assess_pitch is coach.domain.assess_pitch
    assert coach.assess_closing_question is coach.domain.assess_closing_question
    assert coach.rate_interview({"tone": "positive"}) == coach.domain.rate_interview(
        {"tone": "positive"}, load_rubric()
    )


def test_names_load_on_first_use_and_content_on_first_call() -> None:
    # An audit hook sees every file opened: coach's content (data/*.json) is read by the
    # first call that needs it, never by the import.
    code = """
import json, sys
opened = []
sys.addaudithook(
    lambda event, args: opened.append(str(args[0]))
    if event == "open" and str(args[0]).endswith(".json") else None
)
def heavy():
    return sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tinydb", "rich")
                  or m == "coach.domain.closing")
import coach
after_import = (heavy(), list(opened))
from coach import assess_closing_question, assess_pitch, rate_interview
after_names = (heavy(), list(opened))
rate_interview({"tone": "positive"})
after_rating = list(opened)
assess_closing_question("How do I compare with the other candidates?")
assess_pitch("That's fair. I led SQL work for 3 years.", "We need more SQL.")
print(json.dumps([after_import, after_names, after_rating, heavy()]))
"""
    after_import, after_names, after_rating, at_end = json.loads(run(code))
    assert after_import == [[], []]
    assert after_names == [["coach.domain.closing"], []]
    assert any(path.endswith("rubric.json") for path in after_rating)
    assert at_end == ["coach.domain.closing"]  # no Textual, TinyDB or Rich, even then


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        from coach import assess_everything  # noqa: F401
    except ImportError as error:
        assert "assess_everything" in str(error)
    else:
        raise AssertionError("imported a name coach does not have")
    assert {"assess_closing_question", "assess_pitch", "rate_interview"} <= set(dir(coach))
