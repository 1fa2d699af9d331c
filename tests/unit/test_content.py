"""The JSON content in data/: loaded, checked, and shipped inside the wheel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from coach.content.loader import ContentError, data_dir, load_deck, load_questions
from coach.domain.cards import CATEGORIES

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
    for stylesheet in (
        "coach/coach.tcss",
        "coach/screens/rehearse.tcss",
        "coach/screens/rate.tcss",
        "coach/screens/dialogs.tcss",
    ):
        assert stylesheet in names, f"{stylesheet} is not in the wheel"
    # Run the unpacked wheel from another folder: it must find its own copy of the data.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import json, coach.content.loader as c\n"
        "from coach.domain.cards import split_requirements as split\n"
        "print(json.dumps([str(c.data_dir()), c.load_questions()[0].id,"
        " split('Requirements:\\n- SQL\\nNice to have:\\n- dbt')]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r}); {code}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    found, first, requirements = json.loads(result.stdout)
    assert found == str(unpacked / "coach" / "data")
    assert first == "canonical"
    assert requirements == ["SQL", "Nice to have: dbt"]  # the posting phrases came along


# --- the deck (feedback.json) -----------------------------------------------------------------


def _shipped_deck() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((data_dir() / "feedback.json").read_text("utf-8")))


def _break_unknown_kind(deck: dict[str, Any]) -> None:
    deck["categories"]["job-hopping"] = {"title": "Job hopping", "advice": "Stay."}


def _break_missing_kind(deck: dict[str, Any]) -> None:
    del deck["categories"]["let-go"]


def _break_empty_kind(deck: dict[str, Any]) -> None:
    deck["cards"] = [card for card in deck["cards"] if card["category"] != "career-change"]


def _break_card_kind(deck: dict[str, Any]) -> None:
    deck["cards"][0]["category"] = "salary"


def _break_terms(deck: dict[str, Any]) -> None:
    deck["cards"][-1]["terms"] = ["notice", " "]


def _break_advice(deck: dict[str, Any]) -> None:
    deck["categories"]["challenged-claim"]["advice"] = ""


def _break_hint(deck: dict[str, Any]) -> None:
    del deck["cards"][5]["hint"]


def _break_probe_type(deck: dict[str, Any]) -> None:
    deck["cards"][2]["probe"] = ["But", "really?"]


def _break_probe_blank(deck: dict[str, Any]) -> None:
    deck["cards"][3]["probe"] = "  "


def _break_probe_lines(deck: dict[str, Any]) -> None:
    deck["cards"][4]["probe"] = "But really?\nHave you?"


def _break_probe_length(deck: dict[str, Any]) -> None:
    deck["cards"][6]["probe"] = "But " + "really " * 60 + "?"


def _break_repeated_id(deck: dict[str, Any]) -> None:
    deck["cards"][1]["id"] = deck["cards"][0]["id"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_break_unknown_kind, "unknown categories 'job-hopping'"),
        (_break_missing_kind, "category 'let-go' is missing"),
        (_break_empty_kind, "no cards for 'career-change'"),
        (_break_card_kind, "unknown category 'salary'"),
        (_break_terms, "'terms' must be a non-empty list"),
        (_break_advice, "'advice' must be a non-empty string"),
        (_break_hint, "'hint' must be a non-empty string"),
        (_break_repeated_id, "used twice"),
        (_break_probe_type, "card 3: 'probe' must be one line of plain text"),
        (_break_probe_blank, "card 4: 'probe' must be one line"),
        (_break_probe_lines, "card 5: 'probe' must be one line"),
        (_break_probe_length, "card 7: 'probe' must be one line of plain text, at most 300"),
    ],
)
def test_a_damaged_deck_is_refused_naming_the_fault(
    tmp_path: Path, damage: Callable[[dict[str, Any]], None], message: str
) -> None:
    deck = _shipped_deck()
    damage(deck)
    (tmp_path / "feedback.json").write_text(json.dumps(deck), encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(message)):
        load_deck(tmp_path)


def test_the_deck_is_listed_kind_by_kind_whatever_the_files_order(tmp_path: Path) -> None:
    deck = _shipped_deck()
    deck["cards"].reverse()
    (tmp_path / "feedback.json").write_text(json.dumps(deck), encoding="utf-8")
    titles, cards = load_deck(tmp_path)
    kinds = list(dict.fromkeys(card.category for card in cards))
    assert kinds == list(titles) == list(CATEGORIES)


def test_a_third_of_the_deck_carries_a_probe_in_every_kind() -> None:
    """The mock exchange's follow-up: at least a third of the deck's cards push once more, and
    the probes are spread over the kinds, not bunched in a few."""
    _, cards = load_deck()
    probed = [card for card in cards if card.probe]
    assert len(probed) * 3 >= len(cards)
    assert {card.category for card in probed} == set(CATEGORIES)
    for card in probed:
        assert card.probe[-1] in "?.!", card.id  # one spoken sentence
        assert card.probe != card.feedback


def test_a_card_without_a_probe_loads_with_none(tmp_path: Path) -> None:
    deck = _shipped_deck()
    for card in deck["cards"]:
        card.pop("probe", None)
    (tmp_path / "feedback.json").write_text(json.dumps(deck), encoding="utf-8")
    _, cards = load_deck(tmp_path)
    assert all(card.probe == "" for card in cards)


# --- the phrase lists that read a job posting (phrases/postings.json) ---------------------------


def _posting_phrases(tmp_path: Path, damage: Callable[[dict[str, Any]], None]) -> Path:
    raw = json.loads((data_dir() / "phrases" / "postings.json").read_text("utf-8"))
    damage(raw)
    (tmp_path / "phrases").mkdir()
    (tmp_path / "phrases" / "postings.json").write_text(json.dumps(raw), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda raw: raw.pop("boilerplate"), "'boilerplate' must be a non-empty list"),
        (lambda raw: raw.update(generic=["experience", 3]), "'generic' must hold only"),
        (lambda raw: raw["headings"].pop("nice"), "'headings.nice' must be a non-empty list"),
        (lambda raw: raw.update(ability_openings=[]), "'ability_openings' must be"),
    ],
)
def test_damaged_posting_phrases_are_refused_naming_the_list(
    tmp_path: Path, damage: Callable[[dict[str, Any]], None], message: str
) -> None:
    from coach.content.postings import load_posting_phrases

    folder = _posting_phrases(tmp_path, damage)
    with pytest.raises(ContentError, match=re.escape(message)):
        load_posting_phrases(folder)


def test_missing_posting_phrases_say_reinstall(tmp_path: Path) -> None:
    from coach.content.postings import load_posting_phrases

    with pytest.raises(ContentError, match="missing: reinstall coach"):
        load_posting_phrases(tmp_path)


def test_posting_phrases_are_read_on_first_use_not_at_import() -> None:
    code = (
        "import sys\n"
        "import coach.domain, coach.domain.cards, coach.domain.postings, coach.content.loader\n"
        "import coach.screens.profile, coach.widgets.card_list\n"
        "from coach.domain.cards import split_requirements, tailored_cards\n"
        "tailored_cards([], [])  # no profile yet: nothing to read\n"
        "print('coach.content.postings' in sys.modules)\n"
        "split_requirements('- SQL')\n"
        "print('coach.content.postings' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
