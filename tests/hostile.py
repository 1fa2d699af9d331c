"""Hypothesis strategies for hostile data: databases, drafts files and import files with odd
values in every field. Shared by the suite's bounded fuzz tests and the benchmark's long run.

The values are what a hand-edited, half-migrated or deliberately crafted file can hold: markup
brackets, terminal escape sequences, far-future and impossible dates, NaN and huge numbers,
wrong types, nulls, unknown keys, duplicate ids in other spellings, deep nesting.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import strategies as st

from coach.domain.signals import SIGNAL_KEYS

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Characters that must never reach a terminal or a file raw (tab and newline excepted)."""

NASTY_TEXT = (
    "Acme [/remote]",
    "[bold red]x[/]",
    "[link=http://x]y",
    "[@click=app.quit]q[/]",
    "Ev\x1b]0;PWNED\x07\x1b[2Jil",
    "\x1b[31mred\x1b[0m",
    "\x9b2J",
    "bell\x07\x00nul",
    "\u202eevil\u202c",
    '=HYPERLINK("http://x")',
    "+1-2",
    "@SUM(A1)",
    "-5",
    "\r\nline\rfeed",
    "\ud7ff\ufffd\U0010ffff",
    "lone \ud800 surrogate",  # a "\ud800" escape in a file; cannot be written as UTF-8
    "x" * 5000,
)
NASTY_DATES = (
    "9999-12-31T23:00:00+00:00",
    "9999-12-30",
    "0001-01-01",
    "0001-01-01T00:00:00-12:00",
    "2026-13-45",
    "2026-02-30",
    "2026-11-20T10:00:00",
    "2026-11-20T10:00",
    "2026-11-20",
    "yesterday",
    "",
    "+275760-09-13",
    "2026-11-20T25:61:61Z",
)
NASTY_NUMBERS = (
    float("nan"),
    float("inf"),
    float("-inf"),
    -5,
    0,
    10**30,
    -(10**30),
    1e308,
    2.5,
    True,
    False,
)


def text() -> st.SearchStrategy[str]:
    """Any text, leaning on the strings that broke coach before."""
    nasty = st.sampled_from(NASTY_TEXT)
    return st.one_of(nasty, nasty, st.text(max_size=40))


def scalar() -> st.SearchStrategy[Any]:
    """Any JSON scalar Python's json reads (including NaN and Infinity)."""
    return st.one_of(
        st.none(),
        st.sampled_from(NASTY_NUMBERS),
        st.integers(),
        st.floats(),
        text(),
        st.sampled_from(NASTY_DATES),
    )


def value() -> st.SearchStrategy[Any]:
    """A scalar, or a shallow list or object of them."""
    return st.recursive(
        scalar(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text(), inner, max_size=3),
        max_leaves=6,
    )


def field_value(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value for a field, often a hostile one."""
    return st.one_of(good, good, value())


def signals() -> st.SearchStrategy[Any]:
    keys = st.sampled_from(SIGNAL_KEYS) | text()
    good = st.one_of(
        st.integers(-10, 4000),
        st.booleans(),
        st.sampled_from(("good", "mixed", "poor", "positive", "distracted", "often")),
        st.sampled_from(NASTY_DATES),
    )
    return field_value(st.dictionaries(keys, field_value(good), max_size=8))


def checks() -> st.SearchStrategy[Any]:
    check = st.fixed_dictionaries(
        {},
        optional={
            "name": field_value(text()),
            "passed": field_value(st.booleans()),
            "tip": field_value(text()),
            "points": field_value(st.integers(-5, 100)),
            "max_points": field_value(st.integers(-5, 100)),
            "id": field_value(text()),
        },
    )
    return field_value(st.lists(check, max_size=3))


def with_unknown(doc: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """``doc``, sometimes with a key coach never wrote."""
    extra = st.dictionaries(st.sampled_from(("x", "id", "Company", "")), value(), max_size=1)
    return extra.map(lambda more: {**more, **doc})


def attempt() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "kind": field_value(st.sampled_from(("question", "response"))),
            "text": field_value(text()),
            "card_id": field_value(st.sampled_from(("closing-question", "skills-gap-1")) | text()),
            "score": field_value(st.integers(0, 100)),
            "spoken_seconds": field_value(st.floats(0, 600)),
            "created_at": field_value(st.sampled_from(NASTY_DATES)),
            "checks": checks(),
        },
    ).flatmap(with_unknown)


def interview() -> st.SearchStrategy[dict[str, Any]]:
    date_text = st.sampled_from(NASTY_DATES)
    return st.fixed_dictionaries(
        {},
        optional={
            "company": field_value(text()),
            "role": field_value(text()),
            "stage": field_value(text()),
            "held_at": field_value(date_text),
            "signals": signals(),
            "outcome": field_value(st.sampled_from(("offer", "rejected", "no reply", "")) | text()),
            "closing_answer": field_value(text()),
            "timeline_date": field_value(date_text),
            "reply_date": field_value(date_text),
        },
    ).flatmap(with_unknown)


def heard_card() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "id": field_value(text()),
            "category": field_value(st.sampled_from(("heard", "skills-gap")) | text()),
            "feedback": field_value(text()),
            "concern": field_value(text()),
            "terms": field_value(st.lists(text(), max_size=3)),
            "hint": field_value(text()),
        },
    )


def profile() -> st.SearchStrategy[dict[str, Any]]:
    strength = st.fixed_dictionaries(
        {}, optional={"text": field_value(text()), "evidence": field_value(text())}
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "strengths": field_value(st.lists(strength, max_size=3)),
            "requirements": field_value(st.lists(text(), max_size=3)),
        },
    )


def setting() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "key": field_value(st.sampled_from(("theme", "onboarded")) | text()),
            "value": field_value(st.sampled_from(("textual-dark", "nord")) | text()),
        },
    )


def doc_ids() -> st.SearchStrategy[str]:
    """TinyDB document ids, with the spellings that collide ("1" and "01")."""
    return st.sampled_from(("1", "01", "001", "2", "3", "10", "99999999999999999999"))


def table(doc: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(doc_ids(), field_value(doc), min_size=1, max_size=4)


def database() -> st.SearchStrategy[dict[str, Any]]:
    """A database file's content: TinyDB's layout with odd values everywhere."""
    meta = st.fixed_dictionaries(
        {"1": st.fixed_dictionaries({"schema": field_value(st.sampled_from((0, 1, 1, 1, 2)))})}
    )
    return st.fixed_dictionaries(
        {
            "_meta": meta,
            "attempts": table(attempt()),
            "interviews": table(interview()),
            "profile": table(profile()),
            "cards": table(heard_card()),
            "settings": table(setting()),
        }
    )


def drafts() -> st.SearchStrategy[Any]:
    """A drafts file's content: an object of texts by key, or anything else."""
    return field_value(st.dictionaries(st.sampled_from(("closing-question", "x")) | text(), text()))


def export_file() -> st.SearchStrategy[dict[str, Any]]:
    """An import file: a coach export header, then records with odd values."""

    def with_id(doc: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Any]:
        ids = st.integers(-1, 5) | st.sampled_from(("1", "01", 1.0, None, 10**40))
        return st.builds(lambda d, i: {"id": i, **d}, doc, ids)

    return st.fixed_dictionaries(
        {"coach_export": field_value(st.just(1))},
        optional={
            "schema": field_value(st.sampled_from((1, 2, "2.0", 0))),
            "exported_at": field_value(st.sampled_from(NASTY_DATES)),
            "attempts": field_value(st.lists(with_id(attempt()), max_size=3)),
            "interviews": field_value(st.lists(with_id(interview()), max_size=3)),
            "heard_cards": field_value(st.lists(heard_card(), max_size=3)),
            "profile": field_value(profile()),
            "settings": field_value(st.dictionaries(text(), text(), max_size=2)),
        },
    )


def dump(raw: Any) -> bytes:
    """The bytes a hand editor could leave: Python's json writes NaN and Infinity literally."""
    return json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")
