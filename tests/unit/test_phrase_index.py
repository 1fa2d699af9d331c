"""The phrase index: its little syntax, filler between words, and agreement with a plain scan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.content.loader import ContentError, load_closing_phrases
from coach.domain.closing_phrases import closing_phrases
from coach.domain.phrase_index import PhraseError, PhraseIndex, tokenize


def found(phrases: list[str], text: str, skippable: list[str] | None = None) -> list[str]:
    lists = {"x": phrases} | ({"filler": skippable} if skippable else {})
    index = PhraseIndex(lists, skippable="filler" if skippable else None)
    result = index.find(text)
    return [text[m.start : m.end] for m in result.of("x")]


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("i'm not", "Well, I\u2019m NOT sure.", ["I\u2019m NOT"]),  # curly apostrophe, any case
        ("fit", "How do I fit? Is it fitting?", ["fit"]),  # whole words only
        ("did i answer ... okay", "Did I answer all that okay?", ["Did I answer all that okay"]),
        ("did i answer ... okay", "Did I answer? It was okay.", []),  # not across sentences
        ("did i answer ... okay", "Did I answer one two three four five six okay", []),
        (
            "i'm [really] excited",
            "I'm excited and I'm really excited",
            ["I'm excited", "I'm really excited"],
        ),
        ("satisfactor*", "Was that satisfactory?", ["satisfactory"]),
        ("^no", "No. Now no.", ["No"]),  # only where a sentence starts
        ("no, thanks", "No thanks. No, thanks.", ["No, thanks"]),  # punctuation must be there
        ("right?", "Right. That's right?", ["right?"]),
    ],
)
def test_the_phrase_syntax(phrase: str, text: str, expected: list[str]) -> None:
    assert found([phrase], text) == expected


def test_the_longest_phrase_wins_and_matches_of_a_list_never_overlap() -> None:
    assert found(["just", "i was just wondering"], "I was just wondering, just that") == [
        "I was just wondering",
        "just",
    ]


def test_filler_may_come_between_the_words_of_a_phrase() -> None:
    assert found(["i really need this job"], "I really, um, need this job", ["um"]) == [
        "I really, um, need this job"
    ]
    # ...but not at its start, and the filler list is still found itself.
    index = PhraseIndex({"x": ["need this"], "filler": ["um"]}, skippable="filler")
    result = index.find("um need this")
    assert [m.first for m in result.of("x")] == [1]
    assert [m.first for m in result.of("filler")] == [0]


@pytest.mark.parametrize("bad", ["", "...", "... okay", "did i ...", "[really] fit", "fit [now]"])
def test_a_phrase_must_start_and_end_with_a_word(bad: str) -> None:
    with pytest.raises(PhraseError):
        PhraseIndex({"x": [bad or " "]} if bad else {"x": ["^"]})


def test_tokens_know_where_sentences_start() -> None:
    tokens = tokenize("Hi there. How are you?\nfine")
    starts = [t.text for t in tokens if t.sentence_start]
    assert starts == ["hi", "how", "fine"]


WORDS = st.sampled_from(["i", "fit", "the", "job", "um", "my", "background", "no", ",", "?", "."])


@settings(max_examples=300)
@given(
    st.lists(WORDS, max_size=30),
    st.lists(st.sampled_from(["fit", "the job", "my background"]), min_size=1, max_size=3),
)
def test_plain_phrases_are_found_where_a_regular_expression_finds_them(
    words: list[str], phrases: list[str]
) -> None:
    text = " ".join(words)
    ordered = sorted(set(phrases), key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w'])(?:"
        + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
        + r")(?![\w'])",
        re.IGNORECASE,
    )
    assert found(phrases, text) == [m.group(0) for m in pattern.finditer(text)]


# --- the packaged file ------------------------------------------------------------------------


def test_the_packaged_phrases_load_and_every_list_is_there() -> None:
    phrases = load_closing_phrases()
    assert {p.id for p in phrases.purposes} >= {"next-steps", "timeline", "success", "team"}
    assert [f.id for f in phrases.faults] == [
        "asks-for-job",
        "perks",
        "reassurance",
        "researchable",
        "declines",
        "presumptuous",
        "red-flag",
    ]


def _packaged() -> dict[str, object]:
    path = Path(__file__).parents[2] / "data" / "phrases" / "closing.json"
    raw: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return raw


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["reading"].pop("self"), "reading.self"),
        (lambda raw: raw["reading"].update(filler=[]), "reading.filler"),
        (lambda raw: raw["faults"].pop("perks"), "faults.perks"),
        (lambda raw: raw["purposes"]["team"].pop("about"), "purposes.team"),
        (lambda raw: raw["reading"].update(self=["... me"]), "not a phrase"),
    ],
)
def test_a_malformed_phrase_file_is_named(tmp_path: Path, change: object, message: str) -> None:
    raw = _packaged()
    change(raw)  # type: ignore[operator]
    (tmp_path / "phrases").mkdir()
    (tmp_path / "phrases" / "closing.json").write_text(json.dumps(raw))
    with pytest.raises(ContentError, match=re.escape(message)):
        load_closing_phrases(tmp_path)


def test_a_missing_phrase_file_says_reinstall(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="reinstall"):
        load_closing_phrases(tmp_path)


def test_compiling_the_packaged_lists_twice_gives_the_same_reading() -> None:
    first, second = closing_phrases(_packaged()), closing_phrases(_packaged())
    text = "Now that we've talked, um, how do I measure up? Did I get the job?"
    assert first.index.find(text).matches == second.index.find(text).matches
