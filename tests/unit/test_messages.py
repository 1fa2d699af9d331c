"""Follow-up messages: the moment for each, and drafts built from the interview."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.domain.messages import best_strength, check_in_day, draft, moment, note_phrase
from coach.domain.models import Interview, MessageKind, Person, Profile, SentMessage, Strength

INTERVIEW = Interview(
    "Northwind Labs",
    "Data Engineer",
    stage="onsite",
    held_at="2026-11-16",  # a Monday
    timeline_date="2026-11-20",  # the Friday: the check-in is due the Tuesday after
    closing_answer="We worry you have little experience with streaming systems at our scale.",
    notes="- We discussed the Kafka migration of their billing pipeline. Lunch was great.\n"
    "Private: salary band is low, ask the recruiter",
    people=(Person("Dana Whitfield", "Head of Data"), Person("Sam Ode", "Engineer")),
    id=7,
)
PROFILE = Profile(
    strengths=(
        Strength("SQL reporting", "cut the monthly report from 3 days to 2 hours"),
        Strength("Streaming pipelines", "ran Kafka streams at 2M events a day for 3 years"),
    )
)
KINDS: tuple[MessageKind, ...] = ("thank-you", "check-in", "rejection-reply")


def test_the_thank_you_fits_from_the_day_until_two_days_after() -> None:
    assert moment(INTERVIEW, "active", date(2026, 11, 15)) is None  # not held yet
    assert moment(INTERVIEW, "active", date(2026, 11, 16)) == "thank-you"
    assert moment(INTERVIEW, "active", date(2026, 11, 18)) == "thank-you"
    assert moment(INTERVIEW, "active", date(2026, 11, 19)) is None
    thanked = replace(INTERVIEW, messages=(SentMessage("thank-you", "2026-11-16"),))
    assert moment(thanked, "active", date(2026, 11, 16)) is None


def test_no_thank_you_before_an_interview_with_a_time_has_happened() -> None:
    later = replace(INTERVIEW, held_at="2026-11-16T14:00")
    zone = timezone(timedelta(hours=1))
    assert moment(later, "active", datetime(2026, 11, 16, 8, 0, tzinfo=zone)) is None
    assert moment(later, "active", datetime(2026, 11, 16, 14, 0, tzinfo=zone)) == "thank-you"
    assert moment(later, "active", datetime(2026, 11, 16, 8, 0)) is None  # a clock with no zone
    # A time with its zone is an instant: 14:00 in London is 15:00 where the user is.
    london = replace(INTERVIEW, held_at="2026-11-16T14:00+00:00")
    assert moment(london, "active", datetime(2026, 11, 16, 14, 30, tzinfo=zone)) is None
    assert moment(london, "active", datetime(2026, 11, 16, 15, 0, tzinfo=zone)) == "thank-you"
    # A day alone has happened from its morning on.
    assert moment(INTERVIEW, "active", datetime(2026, 11, 16, 0, 0, tzinfo=zone)) == "thank-you"


def test_the_check_in_is_due_two_business_days_after_the_promised_date() -> None:
    assert check_in_day(INTERVIEW) == date(2026, 11, 24)
    assert moment(INTERVIEW, "active", date(2026, 11, 23)) is None
    assert moment(INTERVIEW, "active", date(2026, 11, 24)) == "check-in"
    assert moment(INTERVIEW, "no reply", date(2027, 1, 5)) == "check-in"
    replied = replace(INTERVIEW, reply_date="2026-11-21")
    assert moment(replied, "active", date(2026, 11, 24)) is None
    checked = replace(INTERVIEW, messages=(SentMessage("check-in", "2026-11-24"),))
    assert moment(checked, "active", date(2026, 11, 30)) is None
    # Without a promised date, a week after the interview (the rubric's deadline).
    vague = replace(INTERVIEW, timeline_date="")
    assert check_in_day(vague) == date(2026, 11, 23)
    assert check_in_day(vague, no_timeline_days=10) == date(2026, 11, 26)


def test_a_rejection_calls_for_a_reply_and_settled_applications_for_nothing() -> None:
    no = replace(INTERVIEW, outcome="rejected")
    assert moment(no, "rejected", date(2026, 11, 17)) == "rejection-reply"
    replied = replace(no, messages=(SentMessage("rejection-reply", "2026-11-18"),))
    assert moment(replied, "rejected", date(2026, 11, 30)) is None
    for status in ("withdrawn", "offer"):
        assert moment(INTERVIEW, status, date(2026, 11, 16)) is None
        assert moment(INTERVIEW, status, date(2026, 11, 30)) is None


@pytest.mark.parametrize("kind", KINDS)
def test_each_draft_is_built_from_the_interview(kind: MessageKind) -> None:
    text = draft(kind, INTERVIEW, PROFILE, date(2026, 11, 24))
    assert "Dear Dana Whitfield," in text
    assert "Data Engineer" in text and "Northwind Labs" in text
    # The strength that answers their concern (streaming), not the first one, with its proof.
    assert "Streaming pipelines" in text and "2M events a day" in text
    assert "SQL reporting" not in text
    assert "the Kafka migration of their billing pipeline" in text
    assert "Lunch" not in text and "salary" not in text  # a phrase, never the whole notes


def test_the_drafts_hold_what_career_advice_names() -> None:
    """Elements named by the pages cited in coach/domain/messages.py."""
    today = date(2026, 11, 16)
    thanks = draft("thank-you", INTERVIEW, PROFILE, today)
    # personaljobcoach.co.uk: thanks naming the role and the date; something specific from
    # the conversation; why you fit, tied to something concrete; next steps without pressing.
    assert thanks.splitlines()[4].startswith("Thank you") and "today" in thanks
    assert "next steps" in thanks
    check_in = draft("check-in", INTERVIEW, PROFILE, date(2026, 11, 24))
    # myimprovedresume.com: which position and when; still interested; where things stand;
    # and polite about the promised date.
    assert "Monday 16 November" in check_in and "Friday 20 November" in check_in
    assert "where things stand" in check_in and "remain very interested" in check_in
    reply = draft("rejection-reply", replace(INTERVIEW, outcome="rejected"), PROFILE, today)
    # jobs.washingtonpost.com: thanks for time and consideration; something specific; still
    # interested in the company; the line kept open.
    assert "time and consideration" in reply and "remain very interested in Northwind" in reply
    assert "paths cross again" in reply and "feedback" in reply


def test_a_bare_interview_gets_a_neutral_draft() -> None:
    bare = Interview("", "")
    for kind in KINDS:
        text = draft(kind, bare, Profile(), date(2026, 11, 16))
        assert "Dear hiring team," in text and "the role" in text


def test_the_first_strength_when_nothing_matches_and_the_note_phrase() -> None:
    assert best_strength("", PROFILE.strengths) == PROFILE.strengths[0]
    assert best_strength("We need more SQL", PROFILE.strengths) == PROFILE.strengths[0]
    assert best_strength("anything", ()) is None
    assert (
        note_phrase("\n\n* Talked about The roadmap for 2027; and more") == "the roadmap for 2027"
    )
    assert note_phrase("x" * 10_000).endswith("\N{HORIZONTAL ELLIPSIS}")


def _safe(text: str) -> bool:
    for ch in text:
        category = unicodedata.category(ch)
        if ch != "\n" and category in ("Cc", "Cs", "Co"):
            return False
        if category == "Cf" and ch not in "\u200c\u200d":
            return False
    return True


HOSTILE = st.text(
    st.characters(codec="utf-8") | st.sampled_from("\x1b\x07\x00\u202e\r\n\t\x9b[]"),
    max_size=300,
)
DATES = st.sampled_from(
    ["", "2026-11-16", "2026-11-16T10:00", "9999-12-31", "2100-12-31", "0001-01-01", "soon"]
)


@settings(max_examples=150, deadline=None)
@given(
    company=HOSTILE,
    role=HOSTILE,
    notes=HOSTILE,
    answer=HOSTILE,
    name=HOSTILE,
    held=DATES,
    promised=DATES,
    strengths=st.lists(st.tuples(HOSTILE, HOSTILE), max_size=3),
    kind=st.sampled_from(KINDS),
    today=st.dates(date(1970, 1, 1), date(2100, 12, 31)),
)
def test_any_interview_gives_a_safe_draft(
    company: str,
    role: str,
    notes: str,
    answer: str,
    name: str,
    held: str,
    promised: str,
    strengths: list[tuple[str, str]],
    kind: MessageKind,
    today: date,
) -> None:
    interview = Interview(
        company,
        role,
        held_at=held,
        timeline_date=promised,
        notes=notes,
        closing_answer=answer,
        people=(Person(name),),
    )
    profile = Profile(strengths=tuple(Strength(a, b) for a, b in strengths))
    text = draft(kind, interview, profile, today)
    assert _safe(text)
    assert len(text) < 3000
    moment(interview, "active", today)  # never raises either


EMPTY_SUBJECTS = {
    "thank-you": "Subject: Thank you for the interview",
    "check-in": "Subject: Following up on our interview",
    "rejection-reply": "Subject: Re: my application",
}
AWKWARD = re.compile(
    r"interview interview|  | [,.;:!?]|;\s*$|\.\.|\bthe (?:role )?(?:at|for|on|in|of)\s*[.,]"
    r"|\b(?:at|for|on|in|of|about|by|with|Dear)\s*[.,:]|\(\s*\)|:\s*$|^\s|\s$",
    re.MULTILINE,
)
"""What a draft with a field left out of it would read as: a word said twice, a space before
punctuation, a preposition with nothing after it, empty brackets, a line ending in a colon."""


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("role", ["", "Analyst", " \t "])
@pytest.mark.parametrize("company", ["", "Acme"])
@pytest.mark.parametrize("people", [(), (Person("", "CTO"),), (Person("Ada Park"),)])
@pytest.mark.parametrize("notes", ["", " \n- \n", "We discussed the roadmap."])
@pytest.mark.parametrize("held", ["", "2026-11-16"])
@pytest.mark.parametrize("profile", [Profile(), PROFILE, Profile(strengths=(Strength(""),))])
def test_a_draft_missing_any_field_reads_naturally(
    kind: MessageKind,
    role: str,
    company: str,
    people: tuple[Person, ...],
    notes: str,
    held: str,
    profile: Profile,
) -> None:
    interview = Interview(company, role, held_at=held, notes=notes, people=people)
    text = draft(kind, interview, profile, date(2026, 11, 18))
    subject, *rest = text.split("\n")
    if role.strip():
        assert "Analyst" in subject
    else:
        assert subject == EMPTY_SUBJECTS[kind]
    assert not AWKWARD.search("\n".join(line for line in [subject, *rest] if line.strip()))
    assert text.endswith("\n\nBest regards,\n")
    assert ("Dear Ada Park," if people and people[0].name else "Dear hiring team,") in text
    assert "Acme" in text if company else "Acme" not in text
