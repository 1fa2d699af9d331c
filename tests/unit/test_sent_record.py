"""The follow-up record under a rating, and the due list's lines: any stored text is shown as
data, on one line, and never crashes."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coach.domain.due import DueItem
from coach.domain.models import Interview, SentMessage
from coach.render.rating import day_month, sent_record
from coach.screens.due import line
from coach.screens.follow_up_message import first_kind


def test_a_sent_check_in_reads_as_a_line_with_its_day() -> None:
    messages = (SentMessage("thank-you", "2026-12-01"), SentMessage("check-in", "2026-12-03"))
    assert [str(text) for text in sent_record(messages)] == [
        "Thank-you note sent 1 Dec",
        "Check-in sent 3 Dec",
    ]


@given(st.text(max_size=200))
def test_any_stored_date_is_shown_short_and_safe(stored: str) -> None:
    shown = day_month(stored)
    assert len(shown) <= 12
    assert not any(ord(ch) < 0x20 or ch == "\x7f" for ch in shown)


@given(st.text(max_size=300), st.sampled_from(["overdue", "thank-you", "check-in", "practise"]))
def test_a_due_line_keeps_its_kind_and_day_first_and_shows_text_as_data(
    text: str, kind: str
) -> None:
    item = DueItem(kind, text, 1, date(2026, 11, 28))  # type: ignore[arg-type]
    shown = line(item)
    # Kind and day on the first line, whole; the text (one line of it) on the next.
    first, rest = shown.plain.split("\n")
    assert "28 Nov" in first and len(first) <= 30
    assert not shown.spans or all(span.end <= len(shown.plain) for span in shown.spans)
    assert "\x1b" not in rest


def test_the_screen_opens_on_the_kind_due_else_after_a_no_else_the_last_sent() -> None:
    held = Interview("Acme", "Analyst", held_at="2026-11-20")
    assert first_kind(held, "active", "check-in") == "check-in"
    assert first_kind(held, "rejected", None) == "rejection-reply"
    sent = Interview("Acme", "Analyst", messages=(SentMessage("check-in", "2026-11-25"),))
    assert first_kind(sent, "active", None) == "check-in"
    assert first_kind(held, "active", None) == "thank-you"
    # An edited draft not sent (what the user was writing) before the last sent or a no; the
    # later moment's of several; the kind due still first.
    assert first_kind(sent, "active", None, ["thank-you"]) == "thank-you"
    assert first_kind(held, "rejected", None, ["check-in"]) == "check-in"
    assert first_kind(held, "active", None, ["check-in", "thank-you"]) == "check-in"
    assert first_kind(held, "active", "thank-you", ["check-in"]) == "thank-you"
