"""Each response check on its own: an answer that passes it and one that fails it."""

from __future__ import annotations

import pytest

from coach.domain import Strength, assess_pitch
from coach.domain.response_draft import is_stuffing, unique_words

GAP = "There's a two-year gap in your employment history. What happened?"
SKILLS = "The team works in Python every day, and you've mostly used Excel."
LEFT = "Why did you leave your last job?"

# (check id, feedback, an answer that passes it, one that fails it)
CASES = [
    (
        "response.acknowledges",
        SKILLS,
        "That's fair. I have used Python for two years to automate our reports.",
        "I have a cat. It likes the sun, and I like it too.",
    ),
    (
        "response.acknowledges",
        SKILLS,
        "Python is newer to me than Excel, but I have used it for two years.",
        "Yeah, I get that a lot. Honestly Python is overrated for reporting.",
    ),
    (
        "response.answers-concern",
        GAP,
        "I took time off to care for my father, and I kept my skills current with courses.",
        "I am a person who enjoys working and I would like this job very much indeed.",
    ),
    (
        "response.strength",
        SKILLS,
        "Fair point. I built our reporting scripts in Python last year.",
        "Fair point. Python is a language that many teams like to use these days.",
    ),
    (
        "response.evidence",
        SKILLS,
        "I automated our month-end reports in Python and cut them from 8 hours to 1.",
        "I automated our month-end reports in Python and people liked that quite a lot.",
    ),
    (
        "response.points-at-concern",
        SKILLS,
        "My Python scripts saved the team 6 hours a week. I also enjoy hiking.",
        "I like Python a great deal. Separately, I once ran a charity run for 300 people.",
    ),
    (
        "response.no-blame",
        LEFT,
        "The company was sold, and I want to grow in a team that builds products.",
        "My manager was useless and the company cheated me out of a raise.",
    ),
    (
        "response.no-blame",
        LEFT,
        "The company was sold, and I want to grow in a team that builds products.",
        "I was burned out and sick of the place, so I want to grow somewhere else.",
    ),
    (
        "response.not-defensive",
        SKILLS,
        "That's fair: Python is the gap, and I am closing it with a course this month.",
        "With all due respect, I disagree: Excel does everything Python does for us.",
    ),
    (
        "response.confident",
        SKILLS,
        "Python is the gap, and I am closing it with a course that ends this month.",
        "Sorry, I know I'm not the most technical, and Python is not my strong side.",
    ),
    (
        "response.confident",
        SKILLS,
        "Python is the gap, and I am closing it with a course that ends this month.",
        "Um, I guess Python is kind of the gap, and I am maybe closing it, sort of.",
    ),
    (
        "response.specific",
        "Why should we hire you over the other candidates?",
        "I cut our support backlog by half in a year, which is the problem you described.",
        "I'm a hard worker and a team player, which is the problem you described, I'd say.",
    ),
    (
        "response.focused",
        SKILLS,
        "Python is the gap. I took a course and used it on our month-end reports.",
        "Python, Excel, Python, Excel, Python. I took a course and used it on our reports.",
    ),
    (
        "response.length",
        GAP,
        "I took a year off to care for my father, and a second to retrain: I completed a "
        "data analytics certificate and did two freelance projects. I'm ready to come back "
        "full-time now.",
        "I took time off.",
    ),
    (
        "response.ends-forward",
        SKILLS,
        "I used Python for two years. In my first month I'd pair with your team on it.",
        "I'd pair with your team. I used Python for two years. Reports were my focus then.",
    ),
    (
        "response.ends-forward",
        SKILLS,
        "I used Python for two years. Which libraries does the team rely on most?",
        "Which libraries does the team rely on? I used Python for years. It was for reports.",
    ),
]


@pytest.mark.parametrize(("check_id", "feedback", "passing", "failing"), CASES)
def test_each_check_tells_the_two_answers_apart(
    check_id: str, feedback: str, passing: str, failing: str
) -> None:
    def check(answer: str) -> tuple[bool, str]:
        (found,) = [c for c in assess_pitch(answer, feedback).checks if c.id == check_id]
        return found.passed, found.tip

    passed, _ = check(passing)
    failed, tip = check(failing)
    assert passed and not failed
    assert tip


def test_a_profile_strength_counts_by_its_words_or_its_evidence_numbers() -> None:
    strengths = [Strength("Data analysis and reporting", "Dashboards used weekly by 12 managers.")]
    by_words = assess_pitch("I love data analysis and reporting.", SKILLS, strengths)
    by_number = assess_pitch("The 12 managers still use them.", SKILLS, strengths)
    neither = assess_pitch("I love hiking with my dog on weekends.", SKILLS, strengths)
    for result, passed in ((by_words, True), (by_number, True), (neither, False)):
        (check,) = [c for c in result.checks if c.id == "response.strength"]
        assert check.passed is passed


def test_a_number_in_a_question_back_is_not_evidence() -> None:
    result = assess_pitch("Thanks. Where do people go after two or three years?", SKILLS)
    (check,) = [c for c in result.checks if c.id == "response.evidence"]
    assert not check.passed


def test_a_fault_check_earns_its_points_only_as_the_answer_makes_its_case() -> None:
    short = assess_pitch("I took time off.", GAP)
    (check,) = [c for c in short.checks if c.id == "response.no-blame"]
    assert check.passed and 0 < check.points < check.max_points


@pytest.mark.parametrize(
    ("sentence", "stuffing"),
    [
        ("Industry experience, SQL, 40, 8%, industry experience industry.", True),
        ("What, your, greatest, weakness, What, your, greatest, weakness.", True),
        ("fired, fired, fired.", True),
        ("I've used Docker, Kubernetes, Helm and Terraform on our platform.", False),
        ("He's rude, boorish and abrupt, and he never listens to anyone.", False),
        ("I took a course, built two tools, and trained the team on them.", False),
    ],
)
def test_a_keyword_list_is_told_from_a_sentence(sentence: str, stuffing: bool) -> None:
    from coach.domain import text as t

    assert is_stuffing(t.words(sentence), sentence) is stuffing


def test_an_answer_said_twice_is_as_long_as_once() -> None:
    words = ["i", "took", "a", "course", "and", "built", "a", "tool"]
    assert unique_words(words * 3) == len(words)
    assert unique_words(["yes", "yes"]) == 1
    assert unique_words(words) == len(words)
