"""Mock exchanges in the database: their documents, read forgivingly, and the one write that
saves an exchange with its turns' attempts.

An exchange is two kinds of document: one in the ``exchanges`` table (the cards, the times,
the scores) and one attempt per typed turn in ``attempts`` (with ``exchange_id``), so a card's
history and its spaced repetition count the turn like any other attempt. ``add`` writes them
all in the change the Store applies in one atomic write under its lock (``Store.change_raw``):
a kill leaves the whole exchange or none of it, never turns without their exchange.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any, get_args

from coach.domain import limits
from coach.domain.models import Attempt, Exchange, ReplyKind, Turn, TurnStep
from coach.store import records, schema
from coach.store.errors import StoreError

TABLE = "exchanges"
REPLY_KINDS: tuple[ReplyKind, ...] = get_args(ReplyKind)
STEPS: tuple[TurnStep, ...] = get_args(TurnStep)
GONE = "turns.attempt_id"
"""The problem noted on an exchange a turn of which points to an attempt the database no
longer holds (a hand edit): the turn is shown without its text, never a crash."""


def exchange_doc(exchange: Exchange) -> dict[str, Any]:
    """The JSON-native document for an exchange (its id is the key, not a field)."""
    doc = asdict(exchange)
    del doc["id"], doc["problems"]  # the reader's notes are not part of the record
    doc["turns"] = [dict(turn) for turn in doc["turns"]]  # a list, as it reads back from a file
    return doc


def _seconds(fields: records.Fields, key: str) -> float | None:
    value = fields.doc.get(key)
    read = limits.number(value, 0, limits.MAX_SPOKEN_SECONDS)
    if value is not None and read is None:
        fields.bad(key)
    return read


def _turn(item: object, fields: records.Fields) -> Turn | None:
    turn = records.Fields(item, "turns.")
    if not isinstance(item, Mapping):
        fields.problems += turn.problems
        return None
    step = turn.choice("step", STEPS, "answer")
    attempt_id = turn.doc.get("attempt_id")
    if attempt_id is not None and not schema.is_id(attempt_id):
        turn.bad("attempt_id")
        attempt_id = None
    score = turn.doc.get("score")
    if score is not None and limits.whole(score, 0, 100) is None:
        turn.bad("score")
        score = None
    read = Turn(
        step=step if step in STEPS else "answer",  # (for the type checker: choice checked it)
        prompt=turn.text("prompt"),
        card_id=turn.text("card_id"),
        attempt_id=attempt_id,
        first_word_seconds=_seconds(turn, "first_word_seconds"),
        seconds=_seconds(turn, "seconds"),
        score=score,
    )
    fields.problems += turn.problems
    return read


def exchange_from(
    doc: Mapping[str, Any], doc_id: int, attempt_ids: set[int] | None = None
) -> Exchange:
    """An exchange from its stored document; never raises (as ``coach.store.records``).

    Args:
        doc: The stored document.
        doc_id: Its id.
        attempt_ids: The ids of the attempts the database holds, to note a turn whose attempt
            is gone (``GONE``); None not to look (an export's record, read on its own).
    """
    fields = records.Fields(doc)
    started = fields.text("started_at")
    if started and limits.moment(started) is None:
        fields.bad("started_at")
        started = ""
    card_id = fields.text("card_id")
    kind = fields.choice("reply_kind", REPLY_KINDS, "concern" if card_id else "polite")
    aloud = fields.doc.get("aloud", False)
    if not isinstance(aloud, bool):
        fields.bad("aloud")
        aloud = False
    turns = [_turn(item, fields) for item in fields.items("turns")]
    kept = tuple(turn for turn in turns if turn is not None)
    if attempt_ids is not None:
        gone = [t for t in kept if t.attempt_id is not None and t.attempt_id not in attempt_ids]
        if gone:
            fields.bad(GONE)
    return Exchange(
        started_at=started,
        reply_kind=next((k for k in REPLY_KINDS if k == kind), "polite"),
        reply=fields.text("reply"),
        turns=kept,
        card_id=card_id,
        aloud=aloud,
        id=doc_id,
        problems=tuple(dict.fromkeys(fields.problems)),
    )


def read_all(raw: schema.Raw, shared_problem: str) -> list[Exchange]:
    """Every exchange the database holds, oldest (lowest id) first; each turn's attempt looked
    for among the attempts read (``schema.rows``), and ``shared_problem`` noted on an exchange
    whose id another document also claims."""
    attempt_ids = {number for number, _, _, _ in schema.rows(raw.get("attempts", {}))}
    return [
        records.with_problem(exchange_from(doc, n, attempt_ids), shared_problem, shared)
        for n, _, doc, shared in schema.rows(raw.get(TABLE, {}))
    ]


def pair(exchange: Exchange, attempts: Sequence[Attempt | None]) -> list[Attempt | None]:
    """Each turn's attempt, in the turns' order: ``attempts`` is either one per turn (None
    where nothing was typed) or one per scored turn (a turn has a score exactly when text was
    typed, ``Turn.score``).

    Raises:
        ValueError: Neither: a caller's mistake, and nothing is saved.
    """
    turns = exchange.turns
    if len(attempts) == len(turns):
        return list(attempts)
    scored = [n for n, turn in enumerate(turns) if turn.score is not None]
    if len(attempts) != len(scored) or any(a is None for a in attempts):
        raise ValueError(
            f"{len(attempts)} attempts for an exchange of {len(turns)} turns "
            f"({len(scored)} scored): give one per turn, or one per scored turn"
        )
    paired: list[Attempt | None] = [None] * len(turns)
    for n, attempt in zip(scored, attempts, strict=True):
        paired[n] = attempt
    return paired


def next_ids(raw: schema.Raw, table: str, count: int) -> list[int]:
    """``count`` new ids for ``table``, above every id it ever handed out, and the high-water
    mark raised past them (as ``Store._put`` does for one record).

    Raises:
        StoreError: The table has used every id coach gives; nothing is changed.
    """
    known = schema.last_id(raw, table)
    ids = list(range(known + 1, known + 1 + count))
    if ids and not schema.is_id(ids[-1]):
        raise StoreError(
            f"Could not save: {table} has used every id coach gives. Nothing was changed."
        )
    if ids:
        schema.raise_mark(raw, table, ids[-1])
    return ids


def add(raw: schema.Raw, exchange: Exchange, attempts: Sequence[Attempt | None]) -> Exchange:
    """Add ``exchange`` and its turns' attempts to a database's raw content (new documents
    only, never an edit in place: what ``Store.change_raw`` expects); the exchange as saved,
    with its id and its turns' ``attempt_id``.

    Raises:
        ValueError: ``attempts`` do not pair with the turns (``pair``).
        StoreError: Ids ran out.
    """
    paired = pair(exchange, attempts)
    (number,) = next_ids(raw, TABLE, 1)
    typed = [attempt for attempt in paired if attempt is not None]
    new_ids = iter(next_ids(raw, "attempts", len(typed)))
    table = raw.setdefault("attempts", {})
    turns = []
    for turn, attempt in zip(exchange.turns, paired, strict=True):
        attempt_id = None
        if attempt is not None:
            attempt_id = next(new_ids)
            saved = replace(attempt, id=attempt_id, exchange_id=number, problems=())
            table[str(attempt_id)] = records.doc_of(saved)
        turns.append(replace(turn, attempt_id=attempt_id))
    saved_exchange = replace(exchange, turns=tuple(turns), id=number, problems=())
    raw.setdefault(TABLE, {})[str(number)] = exchange_doc(saved_exchange)
    return saved_exchange
