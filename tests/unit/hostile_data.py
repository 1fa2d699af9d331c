"""Records with every text field set to something hostile, shared by the CLI and screen tests.

The records are built by walking the domain dataclasses' fields, so a text field added later
is covered without anyone remembering to add it here.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import MISSING, replace
from typing import Any, Literal, get_args, get_origin, get_type_hints

from coach.domain.cards import FeedbackCard
from coach.domain.models import Attempt, Exchange, Interview, Profile, Turn
from coach.exports.backup import Bundle
from coach.store.store import Store

ESC = "\x1b"
PWNED = "Ev\x1b]0;PWNED\x07\x1b[2Jil"
"""Issue 11's reproduction 2: retitles the terminal and clears the screen when printed raw."""
HOSTILE = (
    "Acme [/remote] [bold]b[link=x]l[/] "  # markup: a stray closing tag raises MarkupError
    f"{PWNED} \x9b31m C1\x85 \u202eevil\u202c \u2066iso\u2069 zw\u200bsp\ufeff\U000e0041 "
    "nul\x00 del\x7f\r\n\tend"
)
"""Markup, escape sequences, BEL, C1 controls, bidi overrides and isolates, invisible format
characters (a zero-width space, a byte order mark, a tag), NUL, DEL, line ends."""
SHOWN_ESC = "\N{SYMBOL FOR ESCAPE}"
"""What ESC looks like on screen and in every output."""


def raw_controls(text: str) -> set[str]:
    """The characters in ``text`` that must never reach a terminal or a file raw.

    Line feeds and tabs are allowed: multi-line output keeps them, and Rich expands tabs. So
    are the two joiners, the only invisible format characters shown as they are (see
    ``coach.render.safe``).
    """
    return {
        c
        for c in text
        if (ord(c) < 0x20 and c not in "\n\t")
        or 0x7F <= ord(c) <= 0x9F
        or 0xD800 <= ord(c) <= 0xDFFF
        or (unicodedata.category(c) == "Cf" and c not in "\u200c\u200d")
    }


def _is_text(hint: Any) -> bool:
    if hint is str:
        return True
    return get_origin(hint) is Literal and all(isinstance(a, str) for a in get_args(hint))


def hostile(cls: type[Any], tag: str = "") -> Any:
    """An instance of the dataclass ``cls`` with every text field hostile (and tagged with its
    name), every tuple of texts or of dataclasses holding one hostile item, the rest default
    (or zero)."""
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        name = f"{cls.__name__}.{field.name}{tag}"
        if _is_text(hint):
            values[field.name] = f"{HOSTILE} {name}"
        elif get_origin(hint) is tuple:
            (item, *_) = get_args(hint)
            if _is_text(item):
                values[field.name] = (f"{HOSTILE} {name}",)
            elif (
                isinstance(item, type) and dataclasses.is_dataclass(item) and field.name != "spans"
            ):  # spans: positions
                values[field.name] = (hostile(item, tag),)
        elif field.default is MISSING and field.default_factory is MISSING:
            if hint in (bool, int, float):
                values[field.name] = hint()  # a required number or flag: not text
                continue
            raise AssertionError(f"no hostile value for {name}: {hint}")
    return cls(**values)


def hostile_bundle() -> Bundle:
    """A profile, an attempt on a heard card, an interview, the card and a setting: all hostile.

    The interview's signals stay empty: their keys and values are checked, not shown as text.
    """
    card = hostile(FeedbackCard)
    attempt = replace(hostile(Attempt), card_id=card.id, score=61)
    # Its kinds are the few coach knows (a hostile one is not read: test_exchange_store.py).
    turn = replace(hostile(Turn), step="answer", score=None)
    exchange = replace(hostile(Exchange), reply_kind="evasive", turns=(turn,), started_at="")
    return Bundle(
        profile=hostile(Profile),
        attempts=(attempt,),
        interviews=(hostile(Interview),),
        heard_cards=(card,),
        settings={f"{HOSTILE} key": f"{HOSTILE} value"},
        exchanges=(exchange,),
    )


def save_bundle(store: Store, bundle: Bundle) -> None:
    """Save every record of ``bundle`` through the Store's ordinary methods."""
    store.save_profile(bundle.profile)
    for attempt in bundle.attempts:
        store.add_attempt(attempt)
    for interview in bundle.interviews:
        store.save_interview(interview)
    for card in bundle.heard_cards:
        store.save_heard_card(card)
    for key, value in bundle.settings.items():
        store.set_setting(key, value)
    for exchange in bundle.exchanges:
        store.save_exchange(exchange, [])
