"""rate_interview: evidence in log-odds, the follow-up read for what it says, the silence clock,
a bounded chance, and the properties a user relies on."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach import rate_interview
from coach.content.loader import ContentError, data_dir
from coach.content.rubric import load_rubric
from coach.domain import Interview
from coach.domain.interviews import calibration, rate_saved, read_before_reply, signals_for
from coach.domain.models import SignalValue
from coach.domain.rating import SignalError, add_business_days
from coach.domain.signals import CHOICE_KEYS, NUMBER_KEYS, OUTCOMES, YES_NO_KEYS
from coach.render.rating import shown_points

LABELLED = Path(__file__).parents[1] / "labelled"
RUBRIC = load_rubric()


def _items(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((LABELLED / name).read_text())["items"]
    return items


@pytest.mark.parametrize("name", ["interviews_labelled.json", "interviews_second.json"])
def test_our_own_accounts_still_read_as_before(name: str) -> None:
    """Regression only: these accounts are ours (the public corpus is the measure)."""
    items = _items(name)
    bands = [rate_interview(item["signals"]).band for item in items]
    matches = sum(band == item["band"] for band, item in zip(bands, items, strict=True))
    assert matches / len(items) >= 0.75
    for band, item in zip(bands, items, strict=True):
        if item["clear"]:
            assert {band, item["band"]} != {"went well", "went poorly"}, item["account"]


def test_nothing_recorded_is_nothing_to_rate_not_fifty_mixed() -> None:
    for signals in ({}, dict.fromkeys(NUMBER_KEYS.keys() | set(YES_NO_KEYS))):
        rating = rate_interview(signals)
        assert rating.score is None and rating.chance is None
        assert rating.band == "nothing to rate"
        assert rating.confidence == 0.0
        assert not rating.green_flags and not rating.red_flags


def test_smiles_are_weak_evidence_and_the_strong_signs_are_strong() -> None:
    strength = {rule.key: rule.strength for rule in RUBRIC.rules}
    for heavy in ("gave_timeline", "follow_up_questions", "duration", "follow_up"):
        assert strength[heavy] >= 3 * strength["smiles"], heavy
    assert rate_interview({"smiles": "often"}).band == "mixed"


def test_one_decisive_signal_can_carry_the_band() -> None:
    assert rate_interview({"days_to_reply": 0, "outcome": "offer"}).band == "went well"
    assert rate_interview({"outcome": "next round"}).band == "went well"
    marking_time = {
        "engagement": "distracted",
        "scheduled_min": 60,
        "actual_min": 20,
        "questions_asked": 2,
    }
    assert rate_interview(marking_time).band == "went poorly"
    assert rate_interview({"scheduled_min": 45, "actual_min": 90}).band != "went poorly"


def test_many_weak_signs_add_up() -> None:
    one = rate_interview({"smiles": "often"}).score
    many = rate_interview(
        {"smiles": "often", "eye_contact": "good", "asked_strengths": True, "tone": "positive"}
    ).score
    assert one is not None and many is not None and many > one + 10


def test_flags_and_advice_are_plain_words_linked_to_card_categories() -> None:
    rating = rate_interview({"vague_next_steps": True, "gave_timeline": False, "tone": "negative"})
    assert "They were vague or hesitant about the next steps." in rating.red_flags
    assert {a.category for a in rating.advice} >= {"evasive", "culture-fit"}
    assert rating.band == "went poorly"


@pytest.mark.parametrize(
    ("signals", "message"),
    [
        ({"mood": "good"}, "unknown signal 'mood'"),
        ({"tone": "happy"}, "tone must be one of 'positive', 'neutral', 'negative'"),
        ({"actual_min": 0}, "actual_min must be from 1 to 600"),
        ({"questions_asked": 201}, "questions_asked must be from 0 to 200"),
        ({"questions_asked": 2.5}, "whole number"),
        ({"gave_timeline": "yes"}, "gave_timeline must be true, false or null"),
        ({"scheduled_min": True}, "whole number"),
        ({"interview_date": "yesterday"}, "must be a date"),
        ({"outcome": "hired"}, "outcome must be one of 'offer', 'next round'"),
    ],
)
def test_bad_signals_are_named(signals: dict[str, Any], message: str) -> None:
    with pytest.raises(SignalError, match=message):
        rate_interview(signals)


# --- the follow-up and the silence clock ----------------------------------------------------

GOOD_INTERVIEW: dict[str, object] = {
    "scheduled_min": 45,
    "actual_min": 70,
    "follow_up_questions": 5,
    "gave_timeline": True,
    "said_will_follow_up": True,
    "timeline_days": 5,
    "interview_date": "2026-11-02",
}  # a Monday


def _score(signals: dict[str, object]) -> int:
    score = rate_interview(signals).score
    assert score is not None
    return score


def test_silence_clock_past_timeline_plus_two_business_days() -> None:
    # Promised Saturday 7th; two business days later is Tuesday 10th: day 8.
    assert add_business_days(date(2026, 11, 7), 2) == date(2026, 11, 10)
    on_time = rate_interview({**GOOD_INTERVIEW, "days_since_interview": 8})
    late = rate_interview({**GOOD_INTERVIEW, "days_since_interview": 9})
    assert on_time.follow_up == "awaiting" and not on_time.overdue
    assert late.overdue and late.follow_up == "overdue"
    assert (late.score or 0) < (on_time.score or 0)
    assert "They gave a timeline for a next step that did not come." in late.red_flags


def test_silence_without_a_timeline_is_overdue_after_seven_days() -> None:
    assert not rate_interview({"days_since_interview": 7}).overdue
    assert rate_interview({"days_since_interview": 8}).overdue


def test_silence_keeps_lowering_the_rating_week_by_week_until_it_reads_went_poorly() -> None:
    """The demo's case: a good interview, a date promised, then weeks of nothing."""
    weeks = [_score({**GOOD_INTERVIEW, "days_since_interview": 9 + 7 * n}) for n in range(6)]
    assert weeks == sorted(weeks, reverse=True) and len(set(weeks)) >= 4
    four_weeks = rate_interview({**GOOD_INTERVIEW, "days_since_interview": 8 + 28})
    assert four_weeks.band == "mixed"
    assert any("weeks or more of silence" in note for note in four_weeks.notes)
    moderate = {"questions_asked": 9, "tone": "positive", "gave_timeline": True, "timeline_days": 7}
    assert rate_interview({**moderate, "days_since_interview": 7 + 4 + 28}).band == "went poorly"
    assert rate_interview({"days_since_interview": 40}).band == "went poorly"


def test_a_strong_interview_loses_ground_every_week_of_silence() -> None:
    """The reviewer's case: the demo's Northwind sat at 97 for three weeks of silence, then
    fell 23 points in a day. Squeezed into 3-97 rather than clipped, every week counts."""
    strong = {
        **GOOD_INTERVIEW,
        "timeline_days": 7,
        "questions_asked": 14,
        "engagement": "engaged",
        "tone": "positive",
        "enthusiasm_about_fit": True,
        "eye_contact": "good",
    }
    due = 7 + 2  # the Monday interview's date a week on, plus two business days
    weekly = [_score({**strong, "days_since_interview": due + 7 * n}) for n in range(6)]
    assert all(later < earlier for earlier, later in itertools.pairwise(weekly[:4]))
    assert max(earlier - later for earlier, later in itertools.pairwise(weekly)) <= 15
    at_four_weeks = rate_interview({**strong, "days_since_interview": 7 + 28})
    assert at_four_weeks.band == "mixed"
    moderate = {"enthusiasm_about_fit": True, "tone": "positive"}
    assert rate_interview({**moderate, "days_since_interview": 7 + 28}).band == "went poorly"


def test_no_reply_as_an_outcome_is_a_poor_outcome() -> None:
    assert rate_interview({"outcome": "no reply"}).band == "went poorly"
    assert rate_interview({**GOOD_INTERVIEW, "outcome": "no reply"}).band != "went well"


def test_a_reply_whose_content_was_not_recorded_counts_as_a_prompt_reply() -> None:
    replied = rate_interview({"days_to_reply": 1})
    assert replied.follow_up == "replied" and "They replied promptly" in replied.green_flags[0]
    assert (replied.score or 0) > 50


def test_a_prompt_rejection_is_not_a_good_sign() -> None:
    """The issue's case: recording a rejection raised a score from 24 to 34."""
    poor = {"scheduled_min": 60, "actual_min": 35, "tone": "neutral", "questions_asked": 5}
    silent = _score({**poor, "days_since_interview": 9})
    rejected = _score(
        {**poor, "days_to_reply": 2, "days_since_interview": 9, "outcome": "rejected"}
    )
    assert rejected <= silent
    assert rejected < _score({**poor, "days_to_reply": 2})


# --- properties -----------------------------------------------------------------------------

INDEPENDENT = {
    **{key: st.integers(*NUMBER_KEYS[key]) for key in ("questions_asked", "follow_up_questions")},
    **{
        key: st.booleans()
        for key in YES_NO_KEYS
        if key not in ("gave_timeline", "said_will_follow_up")
    },
    **{key: st.sampled_from(values) for key, values in CHOICE_KEYS.items()},
}
"""Signals whose reading does not depend on any other signal."""
ANY_SIGNALS = st.fixed_dictionaries(
    {},
    optional={
        **INDEPENDENT,
        "scheduled_min": st.integers(1, 600),
        "actual_min": st.integers(1, 600),
        "gave_timeline": st.booleans(),
        "said_will_follow_up": st.booleans(),
        "timeline_days": st.integers(0, 60),
        "days_to_reply": st.integers(0, 60) | st.none(),
        "days_since_interview": st.integers(0, 400),
        "outcome": st.sampled_from(OUTCOMES) | st.none(),
    },
)
PROPERTY = settings(max_examples=400, deadline=None)


@PROPERTY
@given(ANY_SIGNALS)
def test_the_chance_is_never_certain_and_the_points_add_up(signals: dict[str, Any]) -> None:
    rating = rate_interview(signals)
    assert 0 <= rating.confidence < 1
    if rating.score is None:
        assert rating.band == "nothing to rate" and rating.chance is None
        return
    assert rating.chance is not None
    assert RUBRIC.lowest_chance <= rating.chance <= RUBRIC.highest_chance < 1
    assert 3 <= rating.score <= 97
    assert rating.band in ("went well", "mixed", "went poorly")
    shown = shown_points(rating)
    assert sum(shown.values()) == rating.score - 50, "the panel's whole points add up too"
    for item in rating.contributions:
        if item.observed and item.evidence < 0 and item.key != "follow_up":
            assert shown[item.key] <= 0, item
        if item.observed and item.evidence > 0:
            assert shown[item.key] >= 0, item
    total = 50 + sum(c.points for c in rating.contributions)
    assert abs(total - rating.score) <= 0.5
    for item in rating.contributions:
        if item.evidence > 0:
            assert item.points >= 0, item
        if item.evidence < 0 and item.key != "follow_up":
            assert item.points <= 0, item


@PROPERTY
@given(ANY_SIGNALS, st.sampled_from(sorted(INDEPENDENT)), st.data())
def test_adding_a_good_sign_never_lowers_and_a_bad_one_never_raises(
    signals: dict[str, Any], key: str, data: st.DataObject
) -> None:
    signals.pop(key, None)
    before = rate_interview(signals)
    value = data.draw(INDEPENDENT[key])
    after = rate_interview({**signals, key: value})
    (added,) = [c for c in after.contributions if c.key == key]
    if before.score is not None:
        assert after.score is not None
        if added.evidence >= 0:
            assert after.score >= before.score
        if added.evidence <= 0:
            assert after.score <= before.score
    assert after.confidence >= before.confidence, "observing more never lowers the confidence"


@PROPERTY
@given(ANY_SIGNALS, st.sampled_from(("rejected", "no reply")), st.integers(0, 60) | st.none())
def test_a_rejection_or_no_reply_never_raises_a_rating(
    signals: dict[str, Any], answer: str, reply_day: int | None
) -> None:
    signals.pop("outcome", None)
    before = rate_interview(signals)
    after = rate_interview({**signals, "outcome": answer, "days_to_reply": reply_day})
    assert after.score is not None
    assert before.score is None or after.score <= before.score
    assert after.band != "went well"


@PROPERTY
@given(ANY_SIGNALS, st.sampled_from(("offer", "next round")))
def test_an_offer_or_a_next_round_settles_it(signals: dict[str, Any], answer: str) -> None:
    rating = rate_interview({**signals, "outcome": answer})
    assert rating.band == "went well"


@PROPERTY
@given(ANY_SIGNALS, st.integers(28, 400))
def test_four_weeks_of_silence_past_the_date_never_reads_went_well(
    signals: dict[str, Any], late: int
) -> None:
    signals.pop("outcome", None)
    signals["days_to_reply"] = None
    timeline = signals.get("timeline_days") if signals.get("gave_timeline") else None
    # Four weeks past the date promised (not the grace after it), or past a week when none
    # was given.
    due = timeline if isinstance(timeline, int) else 7
    rating = rate_interview({**signals, "days_since_interview": min(3650, due + late)})
    assert rating.overdue and rating.band != "went well"
    assert rating.notes and "at most mixed" in rating.notes[0]


@PROPERTY
@given(ANY_SIGNALS, st.sampled_from(sorted(INDEPENDENT)))
def test_what_was_not_observed_changes_the_confidence_never_the_direction(
    signals: dict[str, Any], key: str
) -> None:
    signals.pop(key, None)
    unknown = rate_interview({**signals, key: None})
    assert unknown.score == rate_interview(signals).score


def test_every_field_filled_is_still_not_certain() -> None:
    everything = {
        **GOOD_INTERVIEW,
        "questions_asked": 15,
        "asked_strengths": True,
        "asked_weaknesses": True,
        "asked_experience": True,
        "eye_contact": "good",
        "smiles": "often",
        "engagement": "engaged",
        "tone": "positive",
        "enthusiasm_about_fit": True,
        "vague_next_steps": False,
        "days_to_reply": 1,
        "outcome": "offer",
    }
    rating = rate_interview(everything)
    assert rating.score == 97 and rating.chance == 0.85
    assert 0.5 < rating.confidence < 1


# --- saved interviews -----------------------------------------------------------------------


def test_signals_for_a_saved_interview_read_its_dates_and_outcome() -> None:
    interview = Interview(
        company="Acme",
        role="Dev",
        held_at="2026-11-02T10:00",
        signals={"gave_timeline": True, "outcome": "offer"},  # a stray key, by hand
        timeline_date="2026-11-06",
        reply_date="2026-11-04",
        outcome="rejected",
    )
    signals = signals_for(interview, date(2026, 11, 20))
    assert signals["days_since_interview"] == 18
    assert signals["timeline_days"] == 4
    assert signals["days_to_reply"] == 2
    assert signals["outcome"] == "rejected"


GOOD: dict[str, SignalValue] = {
    "scheduled_min": 45,
    "actual_min": 80,
    "follow_up_questions": 6,
    "gave_timeline": True,
}
POOR: dict[str, SignalValue] = {
    "scheduled_min": 45,
    "actual_min": 20,
    "vague_next_steps": True,
    "tone": "negative",
}


def test_calibration_judges_the_read_before_the_reply_with_the_bounded_chance() -> None:
    interviews = [
        Interview("A", "r", held_at="2026-11-01", signals=GOOD, outcome="offer"),
        Interview("B", "r", held_at="2026-11-01", signals=POOR, outcome="rejected"),
        Interview("E", "r", held_at="2026-11-01", signals={}, outcome="offer"),
    ]
    assert calibration(interviews, RUBRIC) is None, "an interview with nothing to rate"
    interviews.append(Interview("C", "r", held_at="2026-11-01", signals=GOOD, outcome="rejected"))
    result = calibration(interviews, RUBRIC)
    assert result is not None and result.outcomes == 3
    well = next(b for b in result.bands if b.band == "went well")
    assert (well.interviews, well.positive, well.rate) == (2, 1, 0.5)
    # The offer does not predict itself: the read is of the interview alone.
    read = read_before_reply(interviews[0], RUBRIC)
    assert read.chance is not None and read.chance < RUBRIC.highest_chance
    expected = ((read.chance - 1) ** 2 + read.chance**2) / 2 + (
        read_before_reply(interviews[1], RUBRIC).chance or 0
    ) ** 2 / 1
    assert result.brier == pytest.approx(expected / 1.5, abs=0.002)
    # One pass over the interviews, each rating dropped once counted (a long history is never
    # held as ratings): a generator gives the same calibration as the list.
    assert calibration((interview for interview in interviews), RUBRIC) == result


@pytest.mark.parametrize("reply_date", ["2026-11-24", ""])
def test_the_read_before_the_reply_is_the_screen_s_read_on_the_day(reply_date: str) -> None:
    """Calibration judges the same read the Rate screen showed on the day, a date included,
    whether or not the answer's date was noted."""
    interview = Interview(
        "Acme",
        "r",
        held_at="2026-11-20",
        signals={"gave_timeline": True, "eye_contact": "good"},
        timeline_date="2026-11-27",
        outcome="offer",
        reply_date=reply_date,
    )
    on_the_day = rate_interview({"gave_timeline": True, "eye_contact": "good", "timeline_days": 7})
    assert read_before_reply(interview, RUBRIC).score == on_the_day.score


def test_what_the_dates_say_is_never_taken_from_a_stored_signal() -> None:
    """A hand-edited "days_to_reply": 0 would otherwise read "replied" for ever."""
    edited: dict[str, SignalValue] = {"tone": "positive", "days_to_reply": 0, "outcome": "offer"}
    interview = Interview("Acme", "r", held_at="2026-11-02", signals=edited)
    signals = signals_for(interview, date(2026, 12, 20))
    assert "days_to_reply" not in signals and "outcome" not in signals
    assert rate_saved(interview, date(2026, 12, 20), RUBRIC).overdue


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("bands", "went well"), 0.725, "'went well' must be a whole percent"),
        (("read", "lowest"), 0.5, "'lowest' must be a number from 0.01 to 0.49"),
        (("read", "highest"), 0.996, "'highest' must be a number from 0.51 to 0.99"),
        (("silence", "full_after_days"), 1, "'full_after_days' must be longer than the grace"),
        (("unseen",), 0, "'unseen' must be a number from 0.1"),
        (("signals", "follow_up", "offer", "evidence"), -0.5, "'offer': must be the highest"),
        (("silence", "most"), 0, "'most' must be a number"),
    ],
)
def test_the_rubric_refuses_values_that_would_break_the_read(
    tmp_path: Path, path: tuple[str, ...], value: float, message: str
) -> None:
    raw = json.loads((data_dir() / "rubric.json").read_text())
    place = raw
    for key in path[:-1]:
        place = place[key]
    place[path[-1]] = value
    (tmp_path / "rubric.json").write_text(json.dumps(raw))
    with pytest.raises(ContentError, match=re.escape(message)):
        load_rubric(tmp_path)


def test_the_rubric_is_checked_when_loaded(tmp_path: Path) -> None:
    raw = json.loads((data_dir() / "rubric.json").read_text())
    raw["signals"]["tone"]["choices"]["positive"]["evidence"] = 30
    (tmp_path / "rubric.json").write_text(json.dumps(raw))
    with pytest.raises(ContentError, match=r"'evidence' must be a number from -6\.0 to 6\.0"):
        load_rubric(tmp_path)


def test_the_rubric_refuses_a_rejection_that_could_raise_a_rating(tmp_path: Path) -> None:
    raw = json.loads((data_dir() / "rubric.json").read_text())
    raw["signals"]["follow_up"]["rejected"]["evidence"] = -0.5
    (tmp_path / "rubric.json").write_text(json.dumps(raw))
    with pytest.raises(ContentError, match="'rejected': must be the lowest evidence"):
        load_rubric(tmp_path)


def test_every_signal_in_the_rubric_says_why_it_weighs_what_it_weighs() -> None:
    for rule in RUBRIC.rules:
        assert len(rule.why.split()) >= 12, rule.key


def test_a_saved_interview_keeps_what_was_observed_and_is_re_read_with_each_rubric() -> None:
    """Nothing derived is stored: an interview saved under the old additive rubric (whose
    empty form read "50/100 mixed") reads with today's rubric when opened, and loses nothing."""
    from coach.store import records

    interview = Interview("Acme", "Dev", held_at="2026-11-02", signals=dict(GOOD))
    doc = records.doc_of(interview)
    assert not {"score", "band", "chance", "confidence", "rating"} & set(doc)
    again = records.interview_from(doc, 1)
    assert again.signals == interview.signals and again.problems == ()
    today = date(2026, 11, 3)
    assert rate_saved(again, today, RUBRIC) == rate_interview(signals_for(again, today))
    empty = records.interview_from(records.doc_of(Interview("B", "r", held_at="2026-11-02")), 2)
    assert rate_saved(empty, today, RUBRIC).score is None
